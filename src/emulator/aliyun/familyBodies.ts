/**
 * The SLB emulator's answer bodies for the HTTP, TCP and UDP listeners: each protocol's Describe…ListenerAttribute
 * body with the documented value forms (switches as `"on"`/`"off"`, `ProxyProtocolV2Enabled` a JSON boolean, the
 * empty-string TCP health-check domain, absent fields), the redirect listener's five-field body, the items of
 * DescribeLoadBalancerListeners (with `ProxyProtocolV2Enabled` a string there) and DescribeLoadBalancerAttribute's
 * `ListenerPortsAndProtocol` entries.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest") §3 [S3][S8][S11][S12], §4 [S4][S8].
 */
import type { ListenerProtocol } from "./constants";
import { isRedirect } from "./listenerRules";
import type { ListenerConfig } from "./listenerRules";
import { ruleSummary, rulesOf } from "./rules";
import type { FakeListener, FakeLoadBalancer, RedirectStatusCase } from "./state";

/** Body is a JSON answer's members. */
type Body = Record<string, unknown>;

function pick(config: ListenerConfig, names: readonly string[]): ListenerConfig {
  const out: ListenerConfig = {};
  for (const name of names) if (config[name] !== undefined) out[name] = config[name];
  return out;
}

/**
 * shown is a listener's configuration as the service shows it: `BackendServerPort` is not returned with a VServer
 * group, `ConnectionDrainTimeout` only with drain on, `ForwardPort` only with the redirect on.
 * Ref: the family digest §3 [S3] (TCP BackendServerPort, ConnectionDrain), §3 HTTP row and §4 [S4] (ForwardPort
 * "not returned" when ListenerForward is off). Assumed: the same rules on every protocol that has the field.
 */
function shown(config: ListenerConfig): ListenerConfig {
  const out = { ...config };
  if (out.VServerGroupId !== undefined) delete out.BackendServerPort;
  if (out.ConnectionDrain !== "on") delete out.ConnectionDrainTimeout;
  if (out.ListenerForward !== "on") delete out.ForwardPort;
  return out;
}

/**
 * capitalised writes a status as the en-US redirect example does (`Stopped`) or leaves it lower case.
 * Ref: the family digest §3 [S11] (`"Status":"Stopped"` en-US, `"stopped"` zh-CN).
 */
function cased(status: string, form: RedirectStatusCase): string {
  return form === "capitalised" ? status.charAt(0).toUpperCase() + status.slice(1) : status;
}

/**
 * lists are the Describe members that list things: `AclIds` from the comma-joined `AclId`, `Tags`.
 * Ref: extras §3 [S5] (their shapes on HTTPS); the family digest §3 (AclIds, Tags on every protocol).
 * Assumed: present and empty when there is nothing to list, as the emulator's HTTPS Describe does.
 */
function lists(listener: FakeListener): Body {
  const aclId = listener.config.AclId;
  return {
    AclIds: { AclId: aclId === undefined ? [] : String(aclId).split(",") },
    Tags: { Tag: [...(listener.tags ?? [])] },
  };
}

/**
 * HTTP_HEADER_DEFAULTS are the two header switches HTTP's Describe shows `off` until set. Ref: extras §2 [S5][S11]
 * (the Describe examples' `off`, HTTPS); the family digest §3 (HTTP returns both).
 */
const HTTP_HEADER_DEFAULTS: Readonly<ListenerConfig> = {
  XForwardedFor_SLBPORT: "off",
  XForwardedFor_ClientSrcPort: "off",
};

/**
 * describeBody is DescribeLoadBalancer{HTTP,TCP,UDP}ListenerAttribute's answer (without RequestId). A redirect
 * listener answers only `ListenerPort`, `ListenerForward`, `ForwardPort` and `Status` (capitalised unless the
 * emulator is told otherwise). HTTP adds its `Rules` list: the listener's forwarding rules (ruleSummary).
 * Ref: the family digest §1.1, §3 [S3][S11][S12]. Assumed: `Rules` is present when empty, as the other lists.
 */
export function describeBody(
  lb: FakeLoadBalancer,
  listener: FakeListener,
  status: string,
  redirectCase: RedirectStatusCase,
): Body {
  const { config, protocol } = listener;
  if (isRedirect(protocol, config)) {
    return {
      ListenerPort: listener.port,
      ListenerForward: "on",
      ForwardPort: config.ForwardPort,
      Status: cased(status, redirectCase),
    };
  }
  const body: Body = {
    LoadBalancerId: lb.id,
    ListenerPort: listener.port,
    Status: status,
    ...(protocol === "http" ? HTTP_HEADER_DEFAULTS : {}),
    ...shown(config),
    ...lists(listener),
  };
  // Ref: the family digest §3: ProxyProtocolV2Enabled is a JSON bool in Describe [S3].
  if (config.ProxyProtocolV2Enabled !== undefined)
    body.ProxyProtocolV2Enabled = config.ProxyProtocolV2Enabled === "true";
  if (protocol === "http") body.Rules = { Rule: rulesOf(listener).map(ruleSummary) };
  return body;
}

/**
 * L7_CONFIG are the members HTTPListenerConfig and HTTPSListenerConfig share. Ref: Tea
 * `describe_load_balancer_listeners_response_body_model.go` [S4] (HTTPListenerConfig, HTTPSListenerConfig).
 */
const L7_CONFIG = [
  "Cookie",
  "CookieTimeout",
  "Gzip",
  "HealthCheck",
  "HealthCheckConnectPort",
  "HealthCheckDomain",
  "HealthCheckHttpCode",
  "HealthCheckInterval",
  "HealthCheckMethod",
  "HealthCheckTimeout",
  "HealthCheckURI",
  "HealthyThreshold",
  "IdleTimeout",
  "RequestTimeout",
  "StickySession",
  "StickySessionType",
  "UnhealthyThreshold",
  "XForwardedFor",
  "XForwardedFor_ClientSrcPort",
  "XForwardedFor_SLBID",
  "XForwardedFor_SLBIP",
  "XForwardedFor_SLBPORT",
  "XForwardedFor_proto",
] as const;

/** L4_CONFIG are the members TCPListenerConfig and UDPListenerConfig share. Ref: Tea [S4]; the family digest §4. */
const L4_CONFIG = [
  "ConnectionDrain",
  "ConnectionDrainTimeout",
  "HealthCheck",
  "HealthCheckConnectPort",
  "HealthCheckConnectTimeout",
  "HealthCheckInterval",
  "HealthyThreshold",
  "MasterSlaveServerGroupId",
  "ProxyProtocolV2Enabled",
  "UnhealthyThreshold",
] as const;

/**
 * LIST_CONFIG names each protocol's `…ListenerConfig` member of a list item and what it carries.
 * Ref: Tea [S4] and the family digest §4 (TCP: persistence, established timeout, drain, health check, primary/secondary
 * group; UDP: HealthCheckReq/Exp and drain; HTTP: ListenerForward/ForwardPort; HTTPS: certificates, HTTP/2, TLS).
 */
const LIST_CONFIG: Readonly<Record<ListenerProtocol, { readonly member: string; readonly names: readonly string[] }>> =
  {
    http: { member: "HTTPListenerConfig", names: [...L7_CONFIG, "ListenerForward", "ForwardPort"] },
    https: {
      member: "HTTPSListenerConfig",
      names: [...L7_CONFIG, "CACertificateId", "EnableHttp2", "ServerCertificateId", "TLSCipherPolicy"],
    },
    tcp: {
      member: "TCPListenerConfig",
      names: [
        ...L4_CONFIG,
        "EstablishedTimeout",
        "HealthCheckDomain",
        "HealthCheckHttpCode",
        "HealthCheckMethod",
        "HealthCheckType",
        "HealthCheckURI",
        "PersistenceTimeout",
      ],
    },
    udp: { member: "UDPListenerConfig", names: [...L4_CONFIG, "HealthCheckExp", "HealthCheckReq"] },
  };

/**
 * listItem is one listener of DescribeLoadBalancerListeners: the common members, `AclIds` and `Tags` as flat arrays,
 * and its protocol's `…ListenerConfig`, where `ProxyProtocolV2Enabled` is a string (`"false"`).
 * Ref: the family digest §4 [S4][S8]. Assumed: Description, VServerGroupId, AclId and AclType are absent until set;
 * the status is the lower-case one on every protocol (the redirect casing is documented for its Describe only).
 */
export function listItem(lb: FakeLoadBalancer, listener: FakeListener, status: string): Body {
  const config = shown(listener.config);
  const aclId = config.AclId;
  const { member, names } = LIST_CONFIG[listener.protocol];
  return {
    LoadBalancerId: lb.id,
    ListenerPort: listener.port,
    ListenerProtocol: listener.protocol,
    Status: status,
    ...pick(config, ["Bandwidth", "BackendServerPort", "Scheduler", "VServerGroupId", "Description"]),
    ...pick(config, ["AclId", "AclStatus", "AclType"]),
    AclIds: aclId === undefined ? [] : String(aclId).split(","),
    Tags: [...(listener.tags ?? [])],
    [member]: pick(config, names),
  };
}

/**
 * portAndProtocol is one `ListenerPortsAndProtocol.ListenerPortAndProtocol` entry of DescribeLoadBalancerAttribute;
 * an HTTP listener adds `ListenerForward`, and `ForwardPort` when it redirects. HTTPS entries stay
 * `{ListenerPort, ListenerProtocol}` as the emulator always wrote them.
 * Ref: the family digest §4 [S8][S35]. Assumed: Description is left out (the emulator's entries never carried it).
 */
export function portAndProtocol(listener: FakeListener): Body {
  const entry: Body = { ListenerPort: listener.port, ListenerProtocol: listener.protocol };
  if (listener.protocol === "http") {
    entry.ListenerForward = listener.config.ListenerForward ?? "off";
    if (isRedirect("http", listener.config)) entry.ForwardPort = listener.config.ForwardPort;
  }
  return entry;
}
