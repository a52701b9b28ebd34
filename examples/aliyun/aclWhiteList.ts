/**
 * An Alibaba Cloud SLB HTTPS listener reachable only from the addresses of an access control list (white list),
 * e.g. an admin endpoint on 8443.
 *
 *   pulumi config set loadBalancerId lb-...
 *   pulumi config set serverCertificateId 123..._cn-hangzhou
 *   pulumi config set aclId acl-...                    # an existing ACL holding the allowed CIDR blocks
 */
import * as pulumi from "@pulumi/pulumi";
import { HttpsListener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new HttpsListener("admin", {
    loadBalancerId: config.require("loadBalancerId"),
    listenerPort: 8443,
    backendServerPort: 9000,
    bandwidth: 10,
    serverCertificateId: config.require("serverCertificateId"),
    healthCheck: "off",
    stickySession: "off",
    aclStatus: "on",
    aclType: "white",
    aclId: config.require("aclId"),
    description: "admin-console/office-only",
  });
  return { listenerId: listener.id };
};
