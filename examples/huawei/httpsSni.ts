/**
 * A classic ELB HTTPS listener on 443 serving several domains by SNI: `certificateId` is the default certificate and
 * `certificates` lists the ones chosen by server name. TLS 1.2 only with the strict cipher suite.
 *
 *   pulumi config set loadBalancerId <classic ELB id>
 *   pulumi config set certificateId <default certificate id>
 *   pulumi config set --path 'sniCertificateIds[0]' <certificate id>
 */
import * as pulumi from "@pulumi/pulumi";
import { ElbListener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new ElbListener("web-https", {
    name: "web-https",
    loadbalancerId: config.require("loadBalancerId"),
    protocol: "HTTPS",
    port: 443,
    backendProtocol: "HTTP",
    backendPort: 8080,
    lbAlgorithm: "roundrobin",
    certificateId: config.require("certificateId"),
    certificates: config.requireObject<string[]>("sniCertificateIds"),
    sslProtocols: "TLS 1.2",
    sslCiphers: "Strict",
  });
  return { listenerId: listener.id };
};
