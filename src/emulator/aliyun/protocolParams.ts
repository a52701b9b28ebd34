/**
 * How the SLB emulator reads the parameters of the HTTP, TCP and UDP listener actions: per protocol, each setting's
 * query key on Create and on Set (they differ: `HealthCheckSwitch`, the lowercase `healthCheckInterval` on TCP/UDP
 * Create, the lowercase `healthCheckReq`/`healthCheckExp` on UDP), its type, its rule per action, and the name the
 * listener stores it under (the Describe name). A query key the action does not take is ignored, as the service
 * evidently ignores the L7 keys Terraform sends to SetLoadBalancerTCPListenerAttribute.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest") §0 (matrix), §1 (Create), §2 (Set),
 * §8.2 item 2 (unknown keys). Assumed: query keys are case-sensitive (the digest marks case folding unknown), so
 * `HealthCheckInterval` on TCP Create is an unknown key and ignored.
 */
import type { ListenerProtocol } from "./constants";
import { BANDWIDTH_MAX, SCHEDULERS } from "./constants";
import { SLB_ERRORS, SlbError } from "./errors";
import { isValidAclIds } from "./listenerExtras";
import type { ListenerConfig } from "./listenerRules";

/** FamilyProtocol is a protocol whose actions this module reads (HTTPS keeps its own table in handlers.ts). */
export type FamilyProtocol = Exclude<ListenerProtocol, "https">;

/** Action is which of the two writing actions reads a request. */
type Action = "create" | "set";

/** WireParam is how the service reads one setting of a protocol. */
interface WireParam {
  /** The name the listener stores and Describe returns. */
  readonly key: string;
  readonly type: "int" | "string";
  /** The query key on Create; absent when Create does not take the setting. */
  readonly create?: string;
  /** The query key on Set; absent when Set does not take the setting. */
  readonly set?: string;
  /** The rule of the text; `setValid` replaces it on Set when the ranges differ. */
  readonly valid: (text: string) => boolean;
  readonly setValid?: (text: string) => boolean;
  /** The answer to a text that breaks the rule. @default InvalidParameter naming the query key */
  readonly invalid?: (wire: string, text: string) => SlbError;
}

/** intIn accepts a decimal integer from min to max. */
export const intIn =
  (min: number, max: number) =>
  (text: string): boolean => {
    if (!/^-?\d{1,9}$/.test(text)) return false;
    const n = Number(text);
    return n >= min && n <= max;
  };

/** anyOf accepts one of the values. */
export const anyOf =
  (...values: readonly string[]) =>
  (text: string): boolean =>
    values.includes(text);

/** onOff accepts `on` or `off`. */
export const onOff = anyOf("on", "off");

const nonEmpty = (text: string): boolean => text.length > 0;

/**
 * isBandwidth accepts -1 or 1-5120. Ref: the family digest §0, §1.2 [S1][S12].
 */
const isBandwidth = (text: string): boolean => text === "-1" || intIn(1, BANDWIDTH_MAX)(text);

/**
 * isDescription accepts 1-256 characters: letters, digits, `-/._` and Chinese characters. Ref: the family digest §0
 * ("Description 1–256 in Tea (older docs 1–80)") [S1][S11]; the characters as the HTTPS document's.
 */
const isDescription = (text: string): boolean =>
  [...text].length <= 256 && /^[-/._a-zA-Z0-9\p{Script=Han}]+$/u.test(text);

/**
 * isHealthCheckUri accepts 1-80 characters of letters, digits and `-/.%?#&`, starting with `/`, not only `/`.
 * Ref: the family digest §1.2 [S1]; extras §2 (HTTPS's). Assumed: `?` on TCP too (the digest notes Tea's TCP text
 * omits it; the emulator does not refuse what the other texts allow).
 */
export const isHealthCheckUri = (text: string): boolean => /^\/[-A-Za-z0-9/.%?#&]{1,79}$/.test(text);

/** isHealthCheckDomain accepts `$_ip` or a 1-80 character domain. Ref: the family digest §1.2 [S1]. */
export const isHealthCheckDomain = (text: string): boolean => text === "$_ip" || /^[-.a-zA-Z0-9]{1,80}$/.test(text);

/** isHttpCodes accepts a comma list of http_2xx … http_5xx. Ref: the family digest §1.2 [S1]. */
export const isHttpCodes = (text: string): boolean =>
  text.split(",").every(anyOf("http_2xx", "http_3xx", "http_4xx", "http_5xx"));

/** isUdpCheckString accepts letters and digits (its length has its own code). Ref: the family digest §1.3 [S1]. */
const isUdpCheckString = (text: string): boolean => /^[A-Za-z0-9]*$/.test(text);

/** both is a setting with the same query key on Create and Set. */
function both(key: string, type: "int" | "string", valid: (text: string) => boolean): WireParam {
  return { key, type, create: key, set: key, valid };
}

/** BANDWIDTH is `Bandwidth` with its documented refusal. Ref: the family digest §7 [S10][S29]. */
const BANDWIDTH: WireParam = { ...both("Bandwidth", "int", isBandwidth), invalid: () => SLB_ERRORS.bandwidthInvalid() };

/** COMMON are the settings of all three protocols: ports, bandwidth, VServer group, ACL, description. */
const COMMON: readonly WireParam[] = [
  BANDWIDTH,
  { key: "BackendServerPort", type: "int", create: "BackendServerPort", valid: intIn(1, 65535) },
  both("VServerGroupId", "string", nonEmpty),
  both("AclId", "string", isValidAclIds),
  both("AclStatus", "string", onOff),
  both("AclType", "string", anyOf("white", "black")),
  both("Description", "string", isDescription),
  both("HealthCheckConnectPort", "int", intIn(1, 65535)),
];

/** HTTP_CHECKS are HTTP's health-check settings. Ref: the family digest §0 [S1]; extras §2 (HealthCheckMethod). */
const HTTP_CHECKS: readonly WireParam[] = [
  both("HealthCheck", "string", onOff),
  both("HealthCheckDomain", "string", isHealthCheckDomain),
  both("HealthCheckURI", "string", isHealthCheckUri),
  both("HealthCheckHttpCode", "string", isHttpCodes),
  both("HealthCheckInterval", "int", intIn(1, 50)),
  both("HealthCheckTimeout", "int", intIn(1, 300)),
  both("HealthCheckMethod", "string", anyOf("head", "get")),
  both("HealthyThreshold", "int", intIn(2, 10)),
  both("UnhealthyThreshold", "int", intIn(2, 10)),
];

/**
 * HTTP_PARAMS are CreateLoadBalancerHTTPListener's and SetLoadBalancerHTTPListenerAttribute's settings: HTTPS's
 * without the certificate and TLS ones, with ListenerForward and ForwardPort on Create only.
 * Ref: the family digest §0, §1.1, §2 [S1][S2].
 */
const HTTP_PARAMS: readonly WireParam[] = [
  ...COMMON,
  ...HTTP_CHECKS,
  both("Scheduler", "string", anyOf(...SCHEDULERS.http)),
  both("StickySession", "string", onOff),
  both("StickySessionType", "string", anyOf("insert", "server")),
  // 1-200 characters, ASCII letters and digits only (the HTTPS document's rule).
  both("Cookie", "string", (s) => /^[a-zA-Z0-9]{1,200}$/.test(s)),
  both("CookieTimeout", "int", intIn(1, 86400)),
  both("Gzip", "string", onOff),
  both("IdleTimeout", "int", intIn(1, 60)),
  both("RequestTimeout", "int", intIn(1, 180)),
  both("XForwardedFor", "string", onOff),
  both("XForwardedFor_SLBIP", "string", onOff),
  both("XForwardedFor_SLBID", "string", onOff),
  both("XForwardedFor_proto", "string", onOff),
  both("XForwardedFor_SLBPORT", "string", onOff),
  both("XForwardedFor_ClientSrcPort", "string", onOff),
  { key: "ListenerForward", type: "string", create: "ListenerForward", valid: onOff },
  { key: "ForwardPort", type: "int", create: "ForwardPort", valid: intIn(1, 65535) },
];

/**
 * L4_PARAMS are what TCP and UDP share: the primary/secondary group, the switch sent as `HealthCheckSwitch` and
 * stored as `HealthCheck`, the connect timeout, the interval under its lowercase Create key, Proxy Protocol v2.
 * Ref: the family digest §0, §1.2, §1.3, §2 [S1][S2][S6][S7].
 */
const L4_PARAMS: readonly WireParam[] = [
  ...COMMON,
  both("MasterSlaveServerGroupId", "string", nonEmpty),
  { key: "HealthCheck", type: "string", create: "HealthCheckSwitch", set: "HealthCheckSwitch", valid: onOff },
  both("HealthCheckConnectTimeout", "int", intIn(1, 300)),
  {
    key: "HealthCheckInterval",
    type: "int",
    create: "healthCheckInterval",
    set: "HealthCheckInterval",
    valid: intIn(1, 50),
  },
  both("ProxyProtocolV2Enabled", "string", anyOf("true", "false")),
];

/**
 * TCP_PARAMS add TCP's own: the schedulers, the http-type check, persistence, established timeout, drain, SynProxy
 * (Set only), thresholds 2-10. Ref: the family digest §0, §1.2, §2 [S1][S2][S7]. An empty HealthCheckDomain is taken
 * as unset, the form Describe shows [S12]. Assumed: the service accepts the empty text (Terraform's docs tell users
 * to leave the domain empty rather than `$_ip` [S22]).
 */
const TCP_PARAMS: readonly WireParam[] = [
  ...L4_PARAMS,
  both("Scheduler", "string", anyOf(...SCHEDULERS.tcp)),
  both("HealthyThreshold", "int", intIn(2, 10)),
  both("UnhealthyThreshold", "int", intIn(2, 10)),
  both("HealthCheckType", "string", anyOf("tcp", "http")),
  both("HealthCheckURI", "string", isHealthCheckUri),
  both("HealthCheckDomain", "string", (s) => s === "" || isHealthCheckDomain(s)),
  both("HealthCheckHttpCode", "string", isHttpCodes),
  both("HealthCheckMethod", "string", anyOf("head", "get")),
  both("PersistenceTimeout", "int", intIn(0, 3600)),
  both("EstablishedTimeout", "int", intIn(10, 900)),
  both("ConnectionDrain", "string", onOff),
  both("ConnectionDrainTimeout", "int", intIn(10, 900)),
  { key: "SynProxy", type: "string", set: "SynProxy", valid: anyOf("enable", "disable") },
];

/**
 * UDP_PARAMS add UDP's own: its schedulers (with qch), persistence, thresholds 2-10 on Create and 1-10 on Set, and the check
 * strings under their lowercase keys on both actions, 1-64 letters and digits (a wrong length has its own code).
 * Ref: the family digest §0, §1.3, §2, §7 [S1][S2][S6][S13]. Assumed: other characters are InvalidParameter naming
 * the key.
 */
const UDP_PARAMS: readonly WireParam[] = [
  ...L4_PARAMS,
  both("Scheduler", "string", anyOf(...SCHEDULERS.udp)),
  // SDK-old only on UDP [S7]; Describe returns it (the documented UDP example [S13]).
  both("PersistenceTimeout", "int", intIn(0, 3600)),
  { ...both("HealthyThreshold", "int", intIn(2, 10)), setValid: intIn(1, 10) },
  { ...both("UnhealthyThreshold", "int", intIn(2, 10)), setValid: intIn(1, 10) },
  {
    key: "HealthCheckReq",
    type: "string",
    create: "healthCheckReq",
    set: "healthCheckReq",
    valid: (s) => s.length >= 1 && s.length <= 64 && isUdpCheckString(s),
    invalid: (wire, s) => (isUdpCheckString(s) ? SLB_ERRORS.healthCheckReqLength() : SLB_ERRORS.invalidParameter(wire)),
  },
  {
    key: "HealthCheckExp",
    type: "string",
    create: "healthCheckExp",
    set: "healthCheckExp",
    valid: (s) => s.length >= 1 && s.length <= 64 && isUdpCheckString(s),
    invalid: (wire, s) => (isUdpCheckString(s) ? SLB_ERRORS.healthCheckExpLength() : SLB_ERRORS.invalidParameter(wire)),
  },
];

/** PARAMS are each protocol's settings. */
const PARAMS: Readonly<Record<FamilyProtocol, readonly WireParam[]>> = {
  http: HTTP_PARAMS,
  tcp: TCP_PARAMS,
  udp: UDP_PARAMS,
};

/**
 * CREATE_REQUIRED are the query keys each Create requires besides RegionId, LoadBalancerId and ListenerPort.
 * Ref: the family digest §0 (HealthCheck required on HTTP; Bandwidth on TCP and UDP), §1.1 (StickySession: "Y in docs,
 * N in Tea"; the emulator follows Tea, the current API) [S1][S11].
 */
export const CREATE_REQUIRED: Readonly<Record<FamilyProtocol, readonly string[]>> = {
  http: ["HealthCheck"],
  tcp: ["Bandwidth"],
  udp: ["Bandwidth"],
};

/** readParams reads and checks the settings of one protocol's action that a request carries, by stored name. */
export function readParams(
  protocol: FamilyProtocol,
  action: Action,
  params: Readonly<Record<string, string>>,
): ListenerConfig {
  const config: ListenerConfig = {};
  for (const rule of PARAMS[protocol]) {
    const wire = action === "create" ? rule.create : rule.set;
    if (wire === undefined) continue;
    const text = params[wire];
    if (text === undefined) continue;
    const valid = action === "set" && rule.setValid ? rule.setValid : rule.valid;
    if (!valid(text)) throw rule.invalid ? rule.invalid(wire, text) : SLB_ERRORS.invalidParameter(wire);
    // An empty TCP health-check domain stays the empty string Describe shows for "unset".
    config[rule.key] = rule.type === "int" ? Number(text) : text;
  }
  return config;
}

/**
 * queryKeys lists the setting keys one protocol's Create or Set reads (the addressing keys and Tag.N aside), so that a
 * spec can check that every key a client sends is one the emulator reads rather than ignores.
 */
export function queryKeys(protocol: FamilyProtocol, action: Action): string[] {
  return PARAMS[protocol].flatMap((rule) => {
    const wire = action === "create" ? rule.create : rule.set;
    return wire === undefined ? [] : [wire];
  });
}

/** describedKeys lists the names under which one protocol's listener stores its settings and Describe returns them. */
export function describedKeys(protocol: FamilyProtocol): string[] {
  return PARAMS[protocol].map((rule) => rule.key);
}
