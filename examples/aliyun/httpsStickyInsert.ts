/**
 * An Alibaba Cloud SLB HTTPS listener on 443 with session persistence by an inserted cookie (the SLB sets the cookie
 * and routes a client back to the same backend for `cookieTimeout` seconds).
 *
 *   pulumi config set loadBalancerId lb-...          # an existing SLB instance
 *   pulumi config set serverCertificateId 123..._cn-hangzhou
 *   pulumi config set alicloud:region cn-hangzhou
 *   pulumi config set --secret alicloud:secretKey ...  (and alicloud:accessKey)
 */
import * as pulumi from "@pulumi/pulumi";
import { HttpsListener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new HttpsListener("web-sticky", {
    loadBalancerId: config.require("loadBalancerId"),
    listenerPort: 443,
    backendServerPort: 8080,
    bandwidth: 50,
    serverCertificateId: config.require("serverCertificateId"),
    healthCheck: "on",
    healthCheckUri: "/healthz",
    healthCheckInterval: 5,
    stickySession: "on",
    stickySessionType: "insert",
    cookieTimeout: 3600,
  });
  return { listenerId: listener.id, status: listener.status };
};
