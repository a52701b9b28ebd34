/**
 * A classic ELB SSL listener: TLS terminates at the load balancer and plain TCP goes to the backends (an SSL listener
 * only forwards to TCP). Legacy clients are allowed, which the API only permits with the Extended cipher suite.
 *
 *   pulumi config set loadBalancerId <classic ELB id>
 *   pulumi config set certificateId <certificate id>
 */
import * as pulumi from "@pulumi/pulumi";
import { ElbListener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new ElbListener("mqtt-ssl", {
    name: "mqtt-ssl",
    loadbalancerId: config.require("loadBalancerId"),
    protocol: "SSL",
    port: 8883,
    backendProtocol: "TCP",
    backendPort: 1883,
    lbAlgorithm: "source",
    certificateId: config.require("certificateId"),
    sslProtocols: "TLS 1.2 TLS 1.1 TLS 1.0",
    sslCiphers: "Extended",
  });
  return { listenerId: listener.id };
};
