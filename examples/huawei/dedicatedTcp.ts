/**
 * A listener of a dedicated (v3) load balancer: TCP on port 3306 with a longer idle timeout and the load balancer's
 * address inserted for the backends (`X-Forwarded-ELB-IP`, as in the OTC reference's TCP create example; the
 * processing mode and the TLS headers are for HTTP/HTTPS and HTTPS listeners, see dedicatedHttpIpGroup.ts).
 *
 *   pulumi config set dedicatedLoadBalancerId <dedicated load balancer id with an L4 flavor>
 *   pulumi config set huaweicloud:region eu-de            (and huaweicloud:projectId)
 *   pulumi config set --secret huaweicloud:secretKey ...  (and huaweicloud:accessKey)
 */
import * as pulumi from "@pulumi/pulumi";
import { ElbV3Listener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new ElbV3Listener("db-tcp", {
    name: "db-tcp",
    loadbalancerId: config.require("dedicatedLoadBalancerId"),
    protocol: "TCP",
    protocolPort: 3306,
    keepaliveTimeout: 900,
    insertHeaders: { "X-Forwarded-ELB-IP": true },
    tags: { app: "db" },
  });
  return { listenerId: listener.id, createdAt: listener.createdAt };
};
