/**
 * A listener of a dedicated (v3) load balancer: TCP on port 3306 with a longer idle timeout. Insert headers are for
 * HTTP and HTTPS listeners only (the OTC reference lists them under HTTP-family listeners), so the TCP example sets
 * none; see dedicatedHttpIpGroup.ts for insert headers.
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
    tags: { app: "db" },
  });
  return { listenerId: listener.id, createdAt: listener.createdAt };
};
