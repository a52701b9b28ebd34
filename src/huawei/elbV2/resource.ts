/**
 * The ElbV2Listener resource: a Huawei Cloud / Open Telekom Cloud shared ELB v2 listener as a Pulumi dynamic
 * resource, type token `pulumi-nodejs:dynamic/huawei:ElbV2Listener`. Its provider is the DelegatingProvider shim, so
 * the state holds only a few `require` calls of this package and no secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { delegatingProvider } from "../../providerShim";
import { portListenerProps, type ArgsOf } from "../listener/resource";
import type { ElbV2ListenerInputs } from "./schema";
import { INPUT_NAMES } from "./schema";

/**
 * ElbV2ListenerArgs are the inputs of an ElbV2Listener, one per field of the v2 create body (camelCase, the API's
 * value spellings), the tags and the client IP pass-through, each a `pulumi.Input`: the checked input types of the
 * codecs in schema.ts (`t.TypeOf`), so rules, ranges, defaults and wire names are documented once, on each codec field.
 * Ref: ../shared/api-docs/huawei-elb-v2-listener.md §2.
 */
export type ElbV2ListenerArgs = ArgsOf<ElbV2ListenerInputs>;

/**
 * ElbV2Listener is a listener of a shared (v2) load balancer; its id is the listener ID. loadbalancerId, protocol,
 * protocolPort, region and projectId replace it when changed; every other input is updated in place (one v2 PUT with
 * what changed, the tag API for tags, the v3 PUT for transparentClientIpEnable). Use `ElbV2Listener.get` to read an
 * existing listener, or `adoptExisting: true` to bring one under management on create.
 */
export class ElbV2Listener extends pulumi.dynamic.Resource {
  /** The listener name. */
  declare readonly name: pulumi.Output<string | undefined>;
  /** The shared load balancer ID. */
  declare readonly loadbalancerId: pulumi.Output<string>;
  /** The protocol (`TERMINATED_HTTPS` for HTTPS). */
  declare readonly protocol: pulumi.Output<ElbV2ListenerInputs["protocol"]>;
  /** The listener port. */
  declare readonly protocolPort: pulumi.Output<number>;
  /** The default backend server group, when set. */
  declare readonly defaultPoolId: pulumi.Output<string | undefined>;
  /** The server certificate, for TERMINATED_HTTPS. */
  declare readonly defaultTlsContainerRef: pulumi.Output<string | undefined>;
  /** The SNI certificates, when set. */
  declare readonly sniContainerRefs: pulumi.Output<string[] | undefined>;
  /** The tags, when set. */
  declare readonly tags: pulumi.Output<ElbV2ListenerInputs["tags"]>;
  /** When the listener was created (UTC). */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** When the listener was last updated (UTC). */
  declare readonly updatedAt: pulumi.Output<string | undefined>;
  /** The region the listener lives in. */
  declare readonly resolvedRegion: pulumi.Output<string>;
  /** The project the listener lives in. */
  declare readonly resolvedProjectId: pulumi.Output<string>;

  /** Creates (or, with `opts.id`, reads) a shared ELB listener. */
  constructor(name: string, args: ElbV2ListenerArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      delegatingProvider("huawei:ElbV2Listener"),
      name,
      portListenerProps(INPUT_NAMES, args),
      opts,
      "huawei",
      "ElbV2Listener",
    );
  }

  /** get reads an existing listener by its ID without managing it; its region and project are the configured ones. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ElbV2Listener {
    return new ElbV2Listener(name, {} as ElbV2ListenerArgs, { ...opts, id });
  }
}
