/**
 * The ElbListener resource: a Huawei Cloud / Open Telekom Cloud classic ELB v1.0 listener as a Pulumi dynamic
 * resource, type token `pulumi-nodejs:dynamic/huawei:ElbListener`. Its provider is the DelegatingProvider shim, so the
 * state holds only a few `require` calls of this package and no secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { delegatingProvider, outputSlots } from "../providerShim";
import type { ArgsOf } from "./listener/resource";
import type { ElbListenerInputs } from "./schema";
import { INPUT_NAMES } from "./schema";

/**
 * ElbListenerArgs are the inputs of an ElbListener, one per request parameter of "Adding a Listener" (camelCase, the
 * document's value spellings), each a `pulumi.Input`: the checked input types of the codecs in schema.ts
 * (`t.TypeOf`), so rules, ranges, defaults and wire names are documented once, on each codec field.
 * Ref: ../shared/api-docs/huawei-elb-v1-add-listener.md, Table 1.
 */
export type ElbListenerArgs = ArgsOf<ElbListenerInputs>;

/**
 * ElbListener is a Huawei Cloud / Open Telekom Cloud classic ELB v1.0 listener; its id is the listener ID.
 * loadbalancerId, protocol, backendProtocol, sessionSticky, stickySessionType, cookieTimeout, region and projectId
 * replace it when changed; every other input is updated in place with one PUT. Use `ElbListener.get` to read an
 * existing listener, or `adoptExisting: true` to bring one under management on create.
 */
export class ElbListener extends pulumi.dynamic.Resource {
  /** The listener name. */
  declare readonly name: pulumi.Output<string>;
  /** The description, when set. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** The load balancer ID. */
  declare readonly loadbalancerId: pulumi.Output<string>;
  /** The front-end protocol. */
  declare readonly protocol: pulumi.Output<ElbListenerInputs["protocol"]>;
  /** The listener port. */
  declare readonly port: pulumi.Output<number>;
  /** The backend protocol. */
  declare readonly backendProtocol: pulumi.Output<ElbListenerInputs["backendProtocol"]>;
  /** The backend port. */
  declare readonly backendPort: pulumi.Output<number>;
  /** The load-balancing algorithm. */
  declare readonly lbAlgorithm: pulumi.Output<ElbListenerInputs["lbAlgorithm"]>;
  /** Sticky sessions, when set. */
  declare readonly sessionSticky: pulumi.Output<boolean | undefined>;
  /** The sticky session type, when set and effective. */
  declare readonly stickySessionType: pulumi.Output<"insert" | undefined>;
  /** The cookie timeout in minutes, when set and effective. */
  declare readonly cookieTimeout: pulumi.Output<number | undefined>;
  /** The TCP timeout in minutes, when set and effective. */
  declare readonly tcpTimeout: pulumi.Output<number | undefined>;
  /** TCP draining, when set and effective. */
  declare readonly tcpDraining: pulumi.Output<boolean | undefined>;
  /** The TCP draining timeout in minutes, when set and effective. */
  declare readonly tcpDrainingTimeout: pulumi.Output<number | undefined>;
  /** The default certificate, for HTTPS and SSL. */
  declare readonly certificateId: pulumi.Output<string | undefined>;
  /** The SNI certificates, when set. */
  declare readonly certificates: pulumi.Output<string[] | undefined>;
  /** The UDP timeout in minutes, when set and effective. */
  declare readonly udpTimeout: pulumi.Output<number | undefined>;
  /** The TLS versions (document spelling), for HTTPS and SSL. */
  declare readonly sslProtocols: pulumi.Output<ElbListenerInputs["sslProtocols"] | undefined>;
  /** The cipher policy, for HTTPS and SSL. */
  declare readonly sslCiphers: pulumi.Output<ElbListenerInputs["sslCiphers"] | undefined>;
  /** The listener status: ACTIVE after a successful create. */
  declare readonly status: pulumi.Output<string>;
  /** When the listener was created, as the API reports it. */
  declare readonly createTime: pulumi.Output<string | undefined>;
  /** When the listener was last updated, as the API reports it. */
  declare readonly updateTime: pulumi.Output<string | undefined>;
  /** The administrative state the API reports. */
  declare readonly adminStateUp: pulumi.Output<boolean | undefined>;
  /** The region the listener lives in. */
  declare readonly resolvedRegion: pulumi.Output<string>;
  /** The project the listener lives in. */
  declare readonly resolvedProjectId: pulumi.Output<string>;

  /** Creates (or, with `opts.id`, reads) a classic ELB listener. */
  constructor(name: string, args: ElbListenerArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      delegatingProvider("huawei:ElbListener"),
      name,
      {
        // Every input name is listed (as undefined) so Pulumi fills each declared output, also for get() and for
        // optional inputs the program leaves out; undefined values are not sent as inputs.
        ...outputSlots(INPUT_NAMES),
        ...args,
        status: undefined,
        createTime: undefined,
        updateTime: undefined,
        adminStateUp: undefined,
        resolvedRegion: undefined,
        resolvedProjectId: undefined,
      },
      opts,
      "huawei",
      "ElbListener",
    );
  }

  /** get reads an existing listener by its ID without managing it; its region and project are the configured ones. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ElbListener {
    return new ElbListener(name, {} as ElbListenerArgs, { ...opts, id });
  }
}
