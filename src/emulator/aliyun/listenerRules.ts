/**
 * The SLB emulator's per-protocol listener rules: the values the service applies to absent parameters, the
 * conditional rules over a listener's whole configuration, the health-check timeout note, and the port-sharing rule.
 * The state applies them; the handlers only read parameters.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest") §0-§5 and
 * shared/api-docs/aliyun-slb-CreateLoadBalancerHTTPSListener.md for HTTPS.
 */
import type { ListenerProtocol } from "./constants";
import { HIGH_PERFORMANCE_SCHEDULERS } from "./constants";
import { SLB_ERRORS, SlbError } from "./errors";

/** ListenerConfig is a listener's configuration by its Describe name (numbers for Integer parameters). */
export type ListenerConfig = Record<string, string | number>;

/** HTTPS_DEFAULTS are the values the service applies to an HTTPS listener's absent parameters, from its document. */
const HTTPS_DEFAULTS: Readonly<ListenerConfig> = {
  AclStatus: "off",
  EnableHttp2: "on",
  Gzip: "on",
  HealthCheckHttpCode: "http_2xx",
  IdleTimeout: 15,
  RequestTimeout: 60,
  Scheduler: "wrr",
  XForwardedFor: "on",
  XForwardedFor_SLBID: "off",
  XForwardedFor_SLBIP: "off",
  XForwardedFor_proto: "off",
};

/**
 * HTTP_DEFAULTS are HTTPS's without the HTTP/2 switch, with the redirect off and no sticky session (Tea no longer
 * requires StickySession). Ref: the family digest §1.1 [S1] (defaults of Gzip, IdleTimeout, RequestTimeout,
 * XForwardedFor*, ListenerForward, StickySession). Assumed: Bandwidth -1 when absent (HTTP's is optional and no
 * source gives its default; -1 is the unlimited pay-by-traffic value).
 */
const HTTP_DEFAULTS: Readonly<ListenerConfig> = {
  AclStatus: "off",
  Bandwidth: -1,
  Gzip: "on",
  HealthCheckHttpCode: "http_2xx",
  IdleTimeout: 15,
  ListenerForward: "off",
  RequestTimeout: 60,
  Scheduler: "wrr",
  StickySession: "off",
  XForwardedFor: "on",
  XForwardedFor_SLBID: "off",
  XForwardedFor_SLBIP: "off",
  XForwardedFor_proto: "off",
};

/**
 * L4_DEFAULTS are what TCP and UDP listeners share: the health check on with a 5 s connect timeout, a 2 s interval,
 * thresholds 3, `wrr`, ACL off, Proxy Protocol v2 off. Ref: the family digest §0, §1.2, §1.3 [S1] (HealthCheckSwitch
 * default on, connect timeout default 5, ProxyProtocolV2Enabled default false); the documented Describe examples of a
 * TCP listener (AlibabaCloudDocs/slb `intl.en-US/…/TCP listeners/DescribeLoadBalancerTCPListenerAttribute.md`) and a
 * UDP listener created with only Bandwidth and BackendServerPort (`cn.zh-CN/…/UDP监听/
 * DescribeLoadBalancerUDPListenerAttribute.md`) [S12][S13] show interval 2 and thresholds 3.
 */
const L4_DEFAULTS: Readonly<ListenerConfig> = {
  AclStatus: "off",
  HealthCheck: "on",
  HealthCheckConnectTimeout: 5,
  HealthCheckInterval: 2,
  HealthyThreshold: 3,
  ProxyProtocolV2Enabled: "false",
  Scheduler: "wrr",
  UnhealthyThreshold: 3,
};

/**
 * TCP_DEFAULTS add the TCP settings: a `tcp` check, `http_2xx`, persistence 0 (off), and what the documented TCP
 * Describe example shows for a listener that never set them: EstablishedTimeout 900, the empty-string health-check
 * domain and the URI `/` (a value no request can set: a URI may not be only `/`, so it is the service's own).
 * Ref: the family digest §1.2 [S1], §3 [S12]. Assumed: ConnectionDrain `off` and SynProxy `disable` when absent (the
 * example leaves both out; SynProxy's field text says to keep "the value set by SLB" without naming it).
 */
const TCP_DEFAULTS: Readonly<ListenerConfig> = {
  ...L4_DEFAULTS,
  ConnectionDrain: "off",
  EstablishedTimeout: 900,
  HealthCheckDomain: "",
  HealthCheckHttpCode: "http_2xx",
  HealthCheckType: "tcp",
  HealthCheckURI: "/",
  PersistenceTimeout: 0,
  SynProxy: "disable",
};

/**
 * UDP_DEFAULTS add persistence 0, which the documented UDP Describe example returns although the Tea model lacks the
 * field. Ref: the family digest §3 [S13] ("UDP example: includes PersistenceTimeout 0").
 */
const UDP_DEFAULTS: Readonly<ListenerConfig> = { ...L4_DEFAULTS, PersistenceTimeout: 0 };

/** DEFAULTS are each protocol's values for absent parameters. */
const DEFAULTS: Readonly<Record<ListenerProtocol, Readonly<ListenerConfig>>> = {
  http: HTTP_DEFAULTS,
  https: HTTPS_DEFAULTS,
  tcp: TCP_DEFAULTS,
  udp: UDP_DEFAULTS,
};

/** withDefaults is a create request's configuration with the protocol's defaults under it. */
export function withDefaults(protocol: ListenerProtocol, config: ListenerConfig): ListenerConfig {
  return { ...DEFAULTS[protocol], ...config };
}

/** isRedirect says whether an HTTP listener redirects to HTTPS (`ListenerForward=on`). Ref: the family digest §1.1. */
export function isRedirect(protocol: ListenerProtocol, config: ListenerConfig): boolean {
  return protocol === "http" && config.ListenerForward === "on";
}

/** isLayer7 says whether a protocol is HTTP or HTTPS. */
function isLayer7(protocol: ListenerProtocol): boolean {
  return protocol === "http" || protocol === "https";
}

/**
 * conditionalProblem applies the documents' conditional rules to a listener's whole configuration and returns the
 * error for the first broken one, or undefined: ACL id and type with ACL on; a backend port unless a server group
 * (or, for HTTP, the redirect) takes its place; the sticky-session companions on HTTP/HTTPS; the drain timeout with
 * drain on and never both server groups on TCP/UDP.
 * Ref: the HTTPS document (AclId/AclType, StickySessionType, CookieTimeout, Cookie); the family digest §0
 * (BackendServerPort "required when no VServerGroupId"), §1.2 (ConnectionDrainTimeout "required if on",
 * MasterSlaveServerGroupId "not together with VServerGroupId") [S1][S12].
 * Assumed: a redirect listener needs no backend port (its requests go to the HTTPS listener; Terraform sends one only
 * "to pass the SDK parameter check" [S22]); a primary/secondary group stands in for the backend port as a VServer
 * group does; the missing companions are MissingParameter naming them.
 */
export function conditionalProblem(protocol: ListenerProtocol, config: ListenerConfig): SlbError | undefined {
  if (config.AclStatus === "on") {
    if (config.AclId === undefined) return SLB_ERRORS.missingParameter("AclId");
    if (config.AclType === undefined) return SLB_ERRORS.missingParameter("AclType");
  }
  if (!isLayer7(protocol) && config.VServerGroupId !== undefined && config.MasterSlaveServerGroupId !== undefined) {
    return SLB_ERRORS.serverGroupMissMatch();
  }
  const group = config.VServerGroupId !== undefined || config.MasterSlaveServerGroupId !== undefined;
  if (!group && config.BackendServerPort === undefined && !isRedirect(protocol, config)) {
    return SLB_ERRORS.missingParameter("BackendServerPort");
  }
  if (isLayer7(protocol) && config.StickySession === "on") {
    if (config.StickySessionType === undefined) return SLB_ERRORS.missingParameter("StickySessionType");
    if (config.StickySessionType === "insert" && config.CookieTimeout === undefined) {
      return SLB_ERRORS.missingParameter("CookieTimeout");
    }
    if (config.StickySessionType === "server" && config.Cookie === undefined) {
      return SLB_ERRORS.missingParameter("Cookie");
    }
  }
  if (protocol === "tcp" && config.ConnectionDrain === "on" && config.ConnectionDrainTimeout === undefined) {
    return SLB_ERRORS.missingParameter("ConnectionDrainTimeout");
  }
  return undefined;
}

/**
 * normaliseConfig applies the health-check timeout note: a timeout below the interval becomes the interval
 * (`HealthCheckTimeout` on HTTP/HTTPS, `HealthCheckConnectTimeout` on TCP/UDP).
 * Ref: the HTTPS document (HealthCheckTimeout); the family digest §1.2 [S1][S2] (HealthCheckConnectTimeout).
 */
export function normaliseConfig(protocol: ListenerProtocol, config: ListenerConfig): ListenerConfig {
  const name = isLayer7(protocol) ? "HealthCheckTimeout" : "HealthCheckConnectTimeout";
  const interval = config.HealthCheckInterval;
  const timeout = config[name];
  if (typeof interval === "number" && typeof timeout === "number" && timeout < interval) {
    return { ...config, [name]: interval };
  }
  return config;
}

/**
 * sharesPortWith says whether a new listener of `protocol` may sit on a port that `other` already holds: TCP, HTTP
 * and HTTPS ports are unique among those three, UDP ports among UDP listeners, and a UDP listener may share a port
 * with any of the other three. Ref: the family digest §5 [S18][S26].
 */
export function sharesPortWith(protocol: ListenerProtocol, other: ListenerProtocol): boolean {
  return (protocol === "udp") !== (other === "udp");
}

/**
 * schedulerProblem refuses the consistent-hash schedulers (sch, tch, qch) on a shared-performance instance.
 * Ref: the family digest §0 [S1][S12] ("only on high-performance instances"). Assumed: the answer is InvalidParameter
 * naming Scheduler; no source shows it.
 */
export function schedulerProblem(shared: boolean, config: ListenerConfig): SlbError | undefined {
  const scheduler = config.Scheduler;
  if (shared && typeof scheduler === "string" && HIGH_PERFORMANCE_SCHEDULERS.includes(scheduler)) {
    return SLB_ERRORS.invalidParameter("Scheduler");
  }
  return undefined;
}
