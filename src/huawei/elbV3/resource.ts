/**
 * The ElbV3Listener resource: a Huawei Cloud / Open Telekom Cloud dedicated ELB v3 listener as a Pulumi dynamic
 * resource, type token `pulumi-nodejs:dynamic/huawei:ElbV3Listener`. Its provider is the DelegatingProvider shim, so
 * the state holds only a few `require` calls of this package and no secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { delegatingProvider } from "../../providerShim";
import { portListenerProps, type ArgsOf } from "../listener/resource";
import type { ElbV3ListenerInputs } from "./schema";
import { INPUT_NAMES } from "./schema";

/**
 * ElbV3ListenerArgs are the inputs of an ElbV3Listener, one per field of the create table (camelCase, the API's
 * value spellings), each a `pulumi.Input`: the checked input types of the codecs in schema.ts (`t.TypeOf`), so
 * rules, ranges, defaults and wire names are documented once, on each codec field.
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md §2.
 */
export type ElbV3ListenerArgs = ArgsOf<ElbV3ListenerInputs>;

/**
 * ElbV3Listener is a listener of a dedicated (v3) load balancer; its id is the listener ID. loadbalancerId,
 * protocol, protocolPort, tags, region and projectId replace it when changed; every other input is updated in place
 * with one PUT. Use `ElbV3Listener.get` to read an existing listener, or `adoptExisting: true` to bring one under
 * management on create.
 */
export class ElbV3Listener extends pulumi.dynamic.Resource {
  /** The listener name. */
  declare readonly name: pulumi.Output<string | undefined>;
  /** The dedicated load balancer ID. */
  declare readonly loadbalancerId: pulumi.Output<string>;
  /** The protocol. */
  declare readonly protocol: pulumi.Output<ElbV3ListenerInputs["protocol"]>;
  /** The listener port. */
  declare readonly protocolPort: pulumi.Output<number>;
  /** The server certificate, for HTTPS. */
  declare readonly defaultTlsContainerRef: pulumi.Output<string | undefined>;
  /** The SNI certificates, when set. */
  declare readonly sniContainerRefs: pulumi.Output<string[] | undefined>;
  /** The security policy, when set. */
  declare readonly securityPolicyId: pulumi.Output<string | undefined>;
  /** The insert headers, when set. */
  declare readonly insertHeaders: pulumi.Output<ElbV3ListenerInputs["insertHeaders"]>;
  /** The IP group access control, when set. */
  declare readonly ipgroup: pulumi.Output<ElbV3ListenerInputs["ipgroup"]>;
  /** The idle timeout in seconds, when set. */
  declare readonly keepaliveTimeout: pulumi.Output<number | undefined>;
  /** When the listener was created, as the API reports it. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** When the listener was last updated, as the API reports it. */
  declare readonly updatedAt: pulumi.Output<string | undefined>;
  /** The region the listener lives in. */
  declare readonly resolvedRegion: pulumi.Output<string>;
  /** The project the listener lives in. */
  declare readonly resolvedProjectId: pulumi.Output<string>;

  /** Creates (or, with `opts.id`, reads) a dedicated ELB listener. */
  constructor(name: string, args: ElbV3ListenerArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      delegatingProvider("huawei:ElbV3Listener"),
      name,
      portListenerProps(INPUT_NAMES, args),
      opts,
      "huawei",
      "ElbV3Listener",
    );
  }

  /** get reads an existing listener by its ID without managing it; its region and project are the configured ones. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ElbV3Listener {
    return new ElbV3Listener(name, {} as ElbV3ListenerArgs, { ...opts, id });
  }
}
