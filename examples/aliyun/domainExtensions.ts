/**
 * An Alibaba Cloud SLB HTTPS listener on 9443 with two domain extensions (additional certificates chosen by SNI): a
 * wildcard for `*.shop.example.com` and one for `api.example.com`; every other client gets the listener's own
 * certificate. The extensions take the listener's outputs, so they wait for it (and are deleted before it).
 *
 *   pulumi config set loadBalancerId lb-...                    # a guaranteed-performance SLB instance
 *   pulumi config set serverCertificateId 123..._cn-hangzhou   # the listener's (default) certificate
 *   pulumi config set extensionCertificateId 456..._cn-hangzhou  # the domains' certificate (default: the same)
 *   pulumi config set alicloud:region cn-hangzhou
 *   pulumi config set --secret alicloud:secretKey ...  (and alicloud:accessKey)
 */
import * as pulumi from "@pulumi/pulumi";
import { DomainExtension, HttpsListener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const serverCertificateId = config.require("serverCertificateId");
  const extensionCertificateId = config.get("extensionCertificateId") ?? serverCertificateId;
  const listener = new HttpsListener("web-sni", {
    loadBalancerId: config.require("loadBalancerId"),
    listenerPort: 9443,
    backendServerPort: 8080,
    bandwidth: -1,
    serverCertificateId,
    healthCheck: "off",
    stickySession: "off",
  });
  const shop = new DomainExtension("shop-wildcard", {
    loadBalancerId: listener.loadBalancerId,
    listenerPort: listener.listenerPort,
    domain: "*.shop.example.com",
    serverCertificateId: extensionCertificateId,
  });
  const api = new DomainExtension("api", {
    loadBalancerId: listener.loadBalancerId,
    listenerPort: listener.listenerPort,
    domain: "api.example.com",
    serverCertificateId: extensionCertificateId,
  });
  return { listenerId: listener.id, shopExtensionId: shop.id, apiExtensionId: api.id };
};
