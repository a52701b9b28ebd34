/**
 * A Huawei Cloud / Open Telekom Cloud classic ELB HTTP listener on port 80 with sticky sessions by an inserted cookie.
 *
 *   pulumi config set loadBalancerId <classic ELB id>
 *   pulumi config set huaweicloud:region eu-de            (and huaweicloud:projectId)
 *   pulumi config set --secret huaweicloud:secretKey ...  (and huaweicloud:accessKey)
 */
import * as pulumi from "@pulumi/pulumi";
import { ElbListener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new ElbListener("web-http", {
    name: "web-http",
    loadbalancerId: config.require("loadBalancerId"),
    protocol: "HTTP",
    port: 80,
    backendProtocol: "HTTP",
    backendPort: 8080,
    lbAlgorithm: "roundrobin",
    sessionSticky: true,
    stickySessionType: "insert",
    cookieTimeout: 60,
  });
  return { listenerId: listener.id, status: listener.status };
};
