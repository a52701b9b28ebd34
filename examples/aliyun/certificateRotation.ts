/**
 * Certificate rotation without downtime: a listener on 10443 and its two domain extensions all serve the certificate
 * named by `certificateId`. To rotate: upload the new certificate (UploadServerCertificate, or `alicloud.slb.ServerCertificate`),
 * `pulumi config set certificateId <new id>`, `pulumi up`: the listener (SetLoadBalancerHTTPSListenerAttribute) and
 * each extension (SetDomainExtensionAttribute) move to it in place, nothing is deleted or recreated, so every domain
 * keeps a certificate throughout; then delete the old certificate. With the certificate as a Pulumi resource, the same
 * happens in one `up`: a replaced certificate is created first, the listener and extensions are updated to it, and the
 * old one is deleted last (Pulumi's default create-before-delete).
 *
 *   pulumi config set loadBalancerId lb-...        # a guaranteed-performance SLB instance
 *   pulumi config set certificateId 123..._cn-hangzhou
 */
import * as pulumi from "@pulumi/pulumi";
import { DomainExtension, HttpsListener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const certificateId = config.require("certificateId");
  const listener = new HttpsListener("rotating", {
    loadBalancerId: config.require("loadBalancerId"),
    listenerPort: 10443,
    backendServerPort: 8080,
    bandwidth: -1,
    serverCertificateId: certificateId,
    healthCheck: "off",
    stickySession: "off",
  });
  const extensions = ["www.example.com", "*.example.com"].map(
    (domain, n) =>
      new DomainExtension(`rotating-${n}`, {
        loadBalancerId: listener.loadBalancerId,
        listenerPort: listener.listenerPort,
        domain,
        serverCertificateId: certificateId,
      }),
  );
  return {
    listenerCertificate: listener.serverCertificateId,
    extensionCertificates: pulumi.all(extensions.map((e) => e.serverCertificateId)),
  };
};
