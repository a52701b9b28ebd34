/**
 * An Alibaba Cloud SLB HTTPS listener that forwards to a VServer group (backend servers with their own ports) instead
 * of one backend port, with HTTP/2 and mutual TLS through a CA certificate.
 *
 *   pulumi config set loadBalancerId lb-...
 *   pulumi config set serverCertificateId 123..._cn-hangzhou
 *   pulumi config set caCertificateId ...
 *   pulumi config set vServerGroupId rsp-...
 */
import * as pulumi from "@pulumi/pulumi";
import { HttpsListener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new HttpsListener("api", {
    loadBalancerId: config.require("loadBalancerId"),
    listenerPort: 4443,
    vServerGroupId: config.require("vServerGroupId"),
    bandwidth: -1,
    serverCertificateId: config.require("serverCertificateId"),
    caCertificateId: config.require("caCertificateId"),
    enableHttp2: "on",
    healthCheck: "on",
    healthCheckUri: "/ready",
    stickySession: "off",
    scheduler: "wlc",
  });
  return { listenerId: listener.id };
};
