/**
 * A listener of a dedicated (v3) load balancer: HTTPS on port 443 with a default server certificate, SNI
 * certificates, a custom security policy (which overrides tlsCiphersPolicy) and HTTP/2.
 *
 *   pulumi config set dedicatedLoadBalancerId <dedicated load balancer id with an L7 flavor>
 *   pulumi config set serverCertificateId <server certificate id>
 *   pulumi config set --path 'sniCertificateIds[0]' <server certificate id>
 *   pulumi config set securityPolicyId <security policy id>
 */
import * as pulumi from "@pulumi/pulumi";
import { ElbV3Listener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new ElbV3Listener("web-https", {
    name: "web-https",
    loadbalancerId: config.require("dedicatedLoadBalancerId"),
    protocol: "HTTPS",
    protocolPort: 443,
    defaultTlsContainerRef: config.require("serverCertificateId"),
    sniContainerRefs: config.requireObject<string[]>("sniCertificateIds"),
    sniMatchAlgo: "longest_suffix",
    securityPolicyId: config.require("securityPolicyId"),
    http2Enable: true,
    insertHeaders: { "X-Forwarded-Proto": true, "X-Forwarded-TLS-Protocol": true },
  });
  return { listenerId: listener.id };
};
