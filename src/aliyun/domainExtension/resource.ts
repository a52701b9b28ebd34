/**
 * The DomainExtension resource: an additional certificate for one domain on an Alibaba Cloud SLB HTTPS listener (SNI),
 * type token `pulumi-nodejs:dynamic/aliyun:DomainExtension`. Its provider is the DelegatingProvider shim, so the state
 * holds only a few `require` calls of this package and no secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { delegatingProvider, outputSlots } from "../../providerShim";
import type { DomainExtensionInputs } from "./schema";
import { inputProps } from "./schema";

/**
 * DomainExtensionArgs are the inputs of a DomainExtension, one per request parameter of CreateDomainExtension
 * (camelCase), each a `pulumi.Input`. Rules and defaults are documented on each property.
 */
export type DomainExtensionArgs = { [K in keyof DomainExtensionInputs]: pulumi.Input<DomainExtensionInputs[K]> };

/**
 * DomainExtension is an additional certificate on an HTTPS listener: clients asking for `domain` (SNI) get
 * `serverCertificateId`, the others the listener's certificate. Its id is the `DomainExtensionId` (`de-...`).
 * `loadBalancerId`, `listenerPort`, `domain` and `regionId` replace it when changed (the new one is created first);
 * `serverCertificateId` is updated in place. Pass the listener's outputs (`listener.loadBalancerId`,
 * `listener.listenerPort`) so it waits for a listener created in the same program.
 */
export class DomainExtension extends pulumi.dynamic.Resource {
  /** The ID of the SLB instance. */
  declare readonly loadBalancerId: pulumi.Output<string>;
  /** The port of the HTTPS listener. */
  declare readonly listenerPort: pulumi.Output<number>;
  /** The domain the certificate is served for. */
  declare readonly domain: pulumi.Output<string>;
  /** The ID of the server certificate served for the domain. */
  declare readonly serverCertificateId: pulumi.Output<string>;
  /** The region of the SLB instance (the configured one when not given). */
  declare readonly regionId: pulumi.Output<string>;

  /** Creates (or, with `opts.id`, reads) a domain extension. */
  constructor(name: string, args: DomainExtensionArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      delegatingProvider("aliyun:DomainExtension"),
      name,
      { ...outputSlots(Object.keys(inputProps)), ...args },
      opts,
      "aliyun",
      "DomainExtension",
    );
  }

  /** get reads an existing extension by its `DomainExtensionId` without managing it; its region is the configured one. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): DomainExtension {
    return new DomainExtension(name, {} as DomainExtensionArgs, { ...opts, id });
  }
}
