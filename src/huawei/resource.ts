/**
 * The ElbListener resource: a Huawei Cloud / Open Telekom Cloud classic ELB v1.0 listener as a Pulumi dynamic
 * resource, type token `pulumi-nodejs:dynamic/huawei:ElbListener`. Its provider is the DelegatingProvider shim, so the
 * state holds only a few `require` calls of this package and no secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { DelegatingProvider, outputSlots } from "../providerShim";
import type { ElbListenerInputs } from "./schema";
import { INPUT_NAMES } from "./schema";

/**
 * ElbListenerArgs are the inputs of an ElbListener, one per request parameter of "Adding a Listener" (camelCase, the
 * document's value spellings), each a `pulumi.Input`.
 * Ref: ../shared/api-docs/huawei-elb-v1-add-listener.md, Table 1.
 */
export interface ElbListenerArgs {
  /**
   * The listener name: 1 to 64 letters, digits, underscores (_) and hyphens (-). Updated in place.
   * Ref: Table 1, `name`.
   */
  readonly name: pulumi.Input<ElbListenerInputs["name"]>;
  /**
   * Supplementary information: 0 to 128 characters without `<` or `>`. Updated in place.
   * @default none (not sent)
   * Ref: Table 1, `description`.
   */
  readonly description?: pulumi.Input<string>;
  /** The ID of the classic load balancer. Replaces the listener when changed. Ref: Table 1, `loadbalancer_id`. */
  readonly loadbalancerId: pulumi.Input<string>;
  /**
   * The front-end protocol: `HTTP`, `TCP`, `HTTPS`, `SSL` or `UDP`. UDP is refused on a private (Internal) load
   * balancer before anything is created. Replaces the listener when changed. Ref: Table 1, `protocol`.
   */
  readonly protocol: pulumi.Input<ElbListenerInputs["protocol"]>;
  /** The listener port, 1 to 65535, unique per load balancer. Updated in place. Ref: Table 1, `port`. */
  readonly port: pulumi.Input<number>;
  /**
   * The backend protocol: `HTTP`, `TCP` or `UDP`; must be `UDP` when protocol is UDP and `TCP` when protocol is SSL.
   * Replaces the listener when changed. Ref: Table 1, `backend_protocol`.
   */
  readonly backendProtocol: pulumi.Input<ElbListenerInputs["backendProtocol"]>;
  /** The backend ECS port, 1 to 65535. Updated in place. Ref: Table 1, `backend_port`. */
  readonly backendPort: pulumi.Input<number>;
  /** The algorithm: `roundrobin`, `leastconn` or `source`. Updated in place. Ref: Table 1, `lb_algorithm`. */
  readonly lbAlgorithm: pulumi.Input<ElbListenerInputs["lbAlgorithm"]>;
  /**
   * Sticky sessions. Must be false on HTTP, HTTPS or TCP unless lbAlgorithm is `roundrobin`; has no effect on SSL
   * (warned, not sent). Replaces the listener when changed.
   * @default false (the service's)
   * Ref: Table 1, `session_sticky`.
   */
  readonly sessionSticky?: pulumi.Input<boolean>;
  /**
   * Where the cookie comes from: only `insert`. Takes effect on HTTP (and HTTPS) with sessionSticky true; otherwise
   * warned and not sent. Replaces the listener when changed.
   * Ref: Table 1, `sticky_session_type`.
   */
  readonly stickySessionType?: pulumi.Input<"insert">;
  /**
   * Cookie timeout in minutes, 1 to 1440. Takes effect with sessionSticky true and stickySessionType `insert` on HTTP
   * (and HTTPS); otherwise warned and not sent. Replaces the listener when changed.
   * Ref: Table 1, `cookie_timeout`.
   */
  readonly cookieTimeout?: pulumi.Input<number>;
  /**
   * TCP session timeout in minutes, 1 to 1440 by the document; the services are known to accept only 1 to 5 (check
   * warns above 5). TCP only, otherwise warned and not sent. Updated in place.
   * Ref: Table 1, `tcp_timeout`; terraform-provider-huaweicloud/opentelekomcloud validate 1-5.
   */
  readonly tcpTimeout?: pulumi.Input<number>;
  /** Keep connections to removed backends. TCP only, otherwise warned and not sent. Updated in place. Ref: `tcp_draining`. */
  readonly tcpDraining?: pulumi.Input<boolean>;
  /**
   * Draining timeout in minutes, 0 to 60. TCP with tcpDraining true only, otherwise warned and not sent. Updated in
   * place. Ref: Table 1, `tcp_draining_timeout`.
   */
  readonly tcpDrainingTimeout?: pulumi.Input<number>;
  /**
   * The default certificate ID; required for HTTPS and SSL, warned and not sent otherwise. Updated in place.
   * Ref: Table 1, `certificate_id`.
   */
  readonly certificateId?: pulumi.Input<string>;
  /**
   * SNI certificate IDs (a non-empty list, sent as a JSON list). HTTPS only (warned and not sent otherwise); only on a
   * public (External) load balancer, refused before anything is created otherwise. Updated in place.
   * Ref: Table 1, `certificates`; sent as a list like gophertelekomcloud's `Certificates []string`.
   */
  readonly certificates?: pulumi.Input<pulumi.Input<string>[]>;
  /** UDP session timeout in minutes, 1 to 1440. UDP only, otherwise warned and not sent. Updated in place. Ref: `udp_timeout`. */
  readonly udpTimeout?: pulumi.Input<number>;
  /**
   * TLS versions, in the document's spelling: `TLS 1.2` or `TLS 1.2 TLS 1.1 TLS 1.0`; sent as `TLSv1.2` or
   * `TLSv1.2 TLSv1.1 TLSv1`. HTTPS and SSL only. Updated in place.
   * @default "TLS 1.2" on HTTPS and SSL
   * Ref: Table 1, `ssl_protocols`; OTC API reference and both terraform providers for the wire spelling.
   */
  readonly sslProtocols?: pulumi.Input<ElbListenerInputs["sslProtocols"]>;
  /**
   * Cipher policy: `Default`, `Extended` or `Strict`; must be `Extended` when sslProtocols is
   * `TLS 1.2 TLS 1.1 TLS 1.0`. HTTPS and SSL only. Updated in place.
   * @default "Default" on HTTPS and SSL
   * Ref: Table 1, `ssl_ciphers`.
   */
  readonly sslCiphers?: pulumi.Input<ElbListenerInputs["sslCiphers"]>;
  /**
   * Region of the load balancer, e.g. `eu-de` or `cn-north-4`. Replaces the listener when changed.
   * @default stack config huaweicloud:region, else HW_REGION_NAME
   */
  readonly region?: pulumi.Input<string>;
  /**
   * Project ID the load balancer belongs to. Replaces the listener when changed.
   * @default stack config huaweicloud:projectId, else HW_PROJECT_ID
   */
  readonly projectId?: pulumi.Input<string>;
  /**
   * On create, take over an existing listener with the same loadbalancerId, port and protocol (updating what can be
   * changed in place) instead of failing with ELB.6101. Never sent, never causes a diff.
   * @default false
   */
  readonly adoptExisting?: pulumi.Input<boolean>;
}

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
      new DelegatingProvider("huawei:ElbListener"),
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
