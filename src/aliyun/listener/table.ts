/**
 * The protocol table: everything one listener protocol says to the listener core (its resource name, actions, input
 * codecs, API defaults, wire names per action, replace inputs, companion groups, cross-field rules and slb.Listener
 * hints). The core's check, diff, wire and lifecycle read nothing else, so a protocol is a table and a few files.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md §0 (the matrix), §2 (what Set can change).
 */
import type * as t from "io-ts";
import type { CheckFailure, ForeignNames } from "../../core/check";
import type { ListenerProtocol } from "../constants";

/** InputBag is inputs by name, checked or not (stored outputs, new inputs, values unknown in preview). */
export type InputBag = Readonly<Record<string, unknown>>;

/** WireMap maps input names to one action's parameter (or describe member) names. */
export type WireMap = Readonly<Record<string, string>>;

/** InputsOf is the typed inputs of a table: its required inputs present, its optional ones optional. */
export type InputsOf<RP extends t.Props, OP extends t.Props> = t.TypeOf<t.TypeC<RP>> & t.TypeOf<t.PartialC<OP>>;

/** ListenerOutputs are a listener's state: every input (regionId resolved) plus its status. */
export type ListenerOutputs<I> = I & {
  /** The region the listener lives in (the configured one when the program gave none). */
  readonly regionId: string;
  /** The listener's status as SLB reports it, lower case: `running` after create, or `starting`, `stopped`... */
  readonly status: string;
};

/**
 * Presence tells a cross-field rule whether the program set an input: a value that is unknown (preview) or already
 * failed its own rule counts as present, so it is reported once.
 */
export type Presence = (input: string) => boolean;

/**
 * RedirectRule describes a mode in which the listener only forwards (HTTP's `listenerForward: "on"`): only `allowed`
 * inputs may be given, `required` ones must be, no API default is filled in, `createParams` go with the create, no Set
 * is ever sent, and every change replaces. Ref: aliyun-slb-listener-family.md §1.1 [S22][S25][S28].
 */
type RedirectRule = {
  /** The input that switches the mode on with `"on"`. */
  readonly input: string;
  /** The inputs that apply to a redirect listener. */
  readonly allowed: readonly string[];
  /** The inputs a redirect listener needs. */
  readonly required: readonly string[];
  /** Fixed parameters of a redirect create. */
  readonly createParams: Readonly<Record<string, string | number>>;
};

/** ListenerTable is one protocol's table; RP and OP are its required and optional input codecs. */
export interface ListenerTable<RP extends t.Props = t.Props, OP extends t.Props = t.Props> {
  /** The resource name in messages, ids and logs, e.g. `TcpListener`. */
  readonly resource: string;
  /** The protocol, as `ListenerProtocol` and the id take it. */
  readonly protocol: ListenerProtocol;
  /** The protocol's create, set and describe actions. */
  readonly actions: { readonly create: string; readonly set: string; readonly describe: string };
  /** The inputs the documents require. */
  readonly required: RP;
  /** The other inputs. */
  readonly optional: OP;
  /** Codecs of the Set action where its range is wider than the create's (UDP thresholds 1-10). */
  readonly setCodecs?: t.Props;
  /** The values the API applies when an input is absent; check fills them in. */
  readonly defaults: InputBag;
  /** The parameter of each input on create and set, and its member in the describe answer. */
  readonly wire: { readonly create: WireMap; readonly set: WireMap; readonly describe: WireMap };
  /** The inputs no Set action can change: changing one replaces. */
  readonly replace: readonly string[];
  /** Inputs sent at create only whose later change is ignored with a warning (HttpsListener's tags). */
  readonly ignoredAfterCreate: readonly string[];
  /** Inputs added after state was first written: absent in old state and equal to the default is no change. */
  readonly laterDefaults: readonly string[];
  /** Optional inputs without an API default that Set can remove (by its switch). */
  readonly clearable: readonly string[];
  /** Inputs Set needs together: changing one sends the group. */
  readonly companions: readonly (readonly string[])[];
  /** The protocol's own cross-field rules, after the shared ones (ACL, backend port, sticky session). */
  readonly crossField: (value: InputBag, present: Presence) => CheckFailure[];
  /** Hints for inputs written for `@pulumi/alicloud` `slb.Listener`. */
  readonly slbListener: ForeignNames;
  /** The redirect mode, where the protocol has one. */
  readonly redirect?: RedirectRule;
  /** The input to name when a shared-performance load balancer refuses a parameter (InvalidParameter.SpecNotSupport). */
  readonly specInput?: string;
}

/**
 * INPUT_HOMES says which protocols have each input: the matrix of aliyun-slb-listener-family.md §0 (Tea SDK
 * parameters), plus the inputs every protocol has. An input another protocol has is refused by name at check.
 */
export const INPUT_HOMES: Readonly<Record<string, readonly ListenerProtocol[]>> = {
  serverCertificateId: ["https"],
  caCertificateId: ["https"],
  enableHttp2: ["https"],
  tlsCipherPolicy: ["https"],
  listenerForward: ["http"],
  forwardPort: ["http"],
  stickySession: ["http", "https"],
  stickySessionType: ["http", "https"],
  cookie: ["http", "https"],
  cookieTimeout: ["http", "https"],
  gzip: ["http", "https"],
  idleTimeout: ["http", "https"],
  requestTimeout: ["http", "https"],
  xForwardedFor: ["http", "https"],
  xForwardedForSlbId: ["http", "https"],
  xForwardedForSlbIp: ["http", "https"],
  xForwardedForProto: ["http", "https"],
  xForwardedForSlbPort: ["http", "https"],
  xForwardedForClientSrcPort: ["http", "https"],
  healthCheckMethod: ["http", "https"],
  healthCheckDomain: ["http", "https", "tcp"],
  healthCheckUri: ["http", "https", "tcp"],
  healthCheckHttpCode: ["http", "https", "tcp"],
  healthCheckType: ["tcp"],
  persistenceTimeout: ["tcp"],
  establishedTimeout: ["tcp"],
  connectionDrain: ["tcp"],
  connectionDrainTimeout: ["tcp"],
  masterSlaveServerGroupId: ["tcp", "udp"],
  proxyProtocolV2Enabled: ["tcp", "udp"],
  healthCheckReq: ["udp"],
  healthCheckExp: ["udp"],
};

/** RESOURCE_OF names each protocol's resource. */
export const RESOURCE_OF: Readonly<Record<ListenerProtocol, string>> = {
  https: "HttpsListener",
  http: "HttpListener",
  tcp: "TcpListener",
  udp: "UdpListener",
};

/**
 * otherProtocolHints are the check hints for the inputs other protocols have and this one lacks: "it is an input of
 * TcpListener and UdpListener only".
 */
export function otherProtocolHints(protocol: ListenerProtocol): Record<string, string> {
  const hints: Record<string, string> = {};
  for (const [input, homes] of Object.entries(INPUT_HOMES)) {
    if (homes.includes(protocol)) continue;
    const names = homes.map((home) => RESOURCE_OF[home]);
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
    hints[input] = `it is an input of ${list} only`;
  }
  return hints;
}

/** pick takes the named codecs of a props object, keeping each property's TSDoc in the picked type. */
export function pick<P extends t.Props, K extends keyof P & string>(props: P, keys: readonly K[]): Pick<P, K> {
  const out: Partial<Pick<P, K>> = {};
  for (const key of keys) out[key] = props[key];
  return out as Pick<P, K>;
}

/**
 * slbListenerHints are the hints check gives to inputs written for `@pulumi/alicloud` `slb.Listener` (the Terraform
 * `alicloud_slb_listener`): its names that the listener kinds spell differently, and its values of another type.
 * `names` adds a protocol's own. Ref: terraform-provider-alicloud `alicloud/resource_alicloud_slb_listener.go` and
 * `website/docs/r/slb_listener.html.markdown` (frontend_port, backend_port, server_group_id, gzip as a Bool, the
 * x_forwarded_for block of retrive_slb_ip / retrive_slb_id / retrive_slb_proto, health_check_connect_port 0 to 65535
 * where 0 is left unset); `@pulumi/alicloud` 3.108.0 `slb/listener.d.ts` (the same names in camelCase);
 * aliyun-slb-listener-family.md §8.1 [S22][S25].
 */
export function slbListenerHints(
  protocol: ListenerProtocol,
  names: Readonly<Record<string, string>> = {},
): ForeignNames {
  const resource = RESOURCE_OF[protocol];
  const article = resource.startsWith("Http") ? "an" : "a";
  return {
    names: {
      frontendPort: "use listenerPort",
      backendPort: "use backendServerPort",
      serverGroupId: "use vServerGroupId",
      protocol: `${article} ${resource} is always ${protocol.toUpperCase()}, leave protocol out`,
      ...names,
    },
    values: {
      gzip: (v) =>
        typeof v === "boolean" ? `slb.Listener's gzip: ${v} is gzip: "${v ? "on" : "off"}" here` : undefined,
      xForwardedFor: (v) =>
        v !== null && typeof v === "object"
          ? 'slb.Listener\'s xForwardedFor block is xForwardedFor: "on" here, with retriveSlbIp, retriveSlbId and ' +
            'retriveSlbProto as xForwardedForSlbIp, xForwardedForSlbId and xForwardedForProto ("on" or "off")'
          : undefined,
      healthCheckConnectPort: (v) =>
        v === 0 ? "leave healthCheckConnectPort out to check the backend port (what slb.Listener's 0 does)" : undefined,
    },
  };
}
