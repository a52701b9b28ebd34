/**
 * The SLB emulator's thin wire handlers: read an action's parameters (as the service does, from strings, with the
 * document's rules restated here independently of the provider's schema), call the state, render the JSON answer.
 * Ref: shared/api-docs/aliyun-slb-CreateLoadBalancerHTTPSListener.md.
 */
import type { Reply } from "../http";
import type { ListenerProtocol } from "./constants";
import { ACTIONS, BANDWIDTH_MAX, LISTENER_PROTOCOLS, TLS_CIPHER_POLICIES } from "./constants";
import { SLB_ERRORS } from "./errors";
import { portAndProtocol } from "./familyBodies";
import {
  describeExtras,
  isValidAclIds,
  LISTENER_EXTRA_PARAMS,
  readTags,
  refuseSharedSpec,
  tagListener,
} from "./listenerExtras";
import { anyOf, intIn, onOff } from "./protocolParams";
import type { ListenerConfig, SlbState } from "./state";

/** RequestParams are one request's parameters by name, as strings. */
export type RequestParams = Readonly<Record<string, string>>;

/** ParamRule is how the service reads one parameter. */
interface ParamRule {
  readonly name: string;
  readonly type: "int" | "string";
  /** Accepts the parameter's text (after the type's own parsing for integers). */
  readonly valid: (text: string) => boolean;
}

const nonEmpty = (text: string): boolean => text.length > 0;

/**
 * LISTENER_PARAMS are the listener parameters of CreateLoadBalancerHTTPSListener with the document's rules: ranges,
 * enumerations and character rules. RegionId, LoadBalancerId and ListenerPort address the listener.
 */
const LISTENER_PARAMS: readonly ParamRule[] = [
  // Ref: extras §2 and the family digest §0: -1 or 1–5120 in the current API (the HTTPS document's 5000 is older).
  { name: "Bandwidth", type: "int", valid: (s) => s === "-1" || intIn(1, BANDWIDTH_MAX)(s) },
  { name: "HealthCheck", type: "string", valid: onOff },
  { name: "ServerCertificateId", type: "string", valid: nonEmpty },
  { name: "StickySession", type: "string", valid: onOff },
  { name: "AclId", type: "string", valid: isValidAclIds },
  { name: "AclStatus", type: "string", valid: onOff },
  { name: "AclType", type: "string", valid: anyOf("white", "black") },
  { name: "BackendServerPort", type: "int", valid: intIn(1, 65535) },
  { name: "CACertificateId", type: "string", valid: nonEmpty },
  // 1-200 characters, ASCII letters and digits only: no comma, semicolon, space, nor a leading $.
  { name: "Cookie", type: "string", valid: (s) => /^[a-zA-Z0-9]{1,200}$/.test(s) },
  { name: "CookieTimeout", type: "int", valid: intIn(1, 86400) },
  {
    name: "Description",
    type: "string",
    valid: (s) => [...s].length <= 80 && /^[-/._a-zA-Z0-9\p{Script=Han}]+$/u.test(s),
  },
  { name: "EnableHttp2", type: "string", valid: onOff },
  { name: "Gzip", type: "string", valid: onOff },
  { name: "HealthCheckConnectPort", type: "int", valid: intIn(1, 65535) },
  { name: "HealthCheckDomain", type: "string", valid: (s) => s === "$_ip" || /^[-.a-zA-Z0-9]{1,80}$/.test(s) },
  {
    name: "HealthCheckHttpCode",
    type: "string",
    valid: (s) => s.split(",").every(anyOf("http_2xx", "http_3xx", "http_4xx", "http_5xx")),
  },
  { name: "HealthCheckInterval", type: "int", valid: intIn(1, 50) },
  { name: "HealthCheckTimeout", type: "int", valid: intIn(1, 300) },
  { name: "HealthCheckURI", type: "string", valid: nonEmpty },
  { name: "HealthyThreshold", type: "int", valid: intIn(2, 10) },
  { name: "IdleTimeout", type: "int", valid: intIn(1, 60) },
  { name: "RequestTimeout", type: "int", valid: intIn(1, 180) },
  { name: "Scheduler", type: "string", valid: anyOf("wrr", "wlc", "rr") },
  { name: "StickySessionType", type: "string", valid: anyOf("insert", "server") },
  {
    name: "TLSCipherPolicy",
    type: "string",
    valid: anyOf(...TLS_CIPHER_POLICIES),
  },
  { name: "UnhealthyThreshold", type: "int", valid: intIn(2, 10) },
  { name: "VServerGroupId", type: "string", valid: nonEmpty },
  { name: "XForwardedFor", type: "string", valid: onOff },
  { name: "XForwardedFor_SLBID", type: "string", valid: onOff },
  { name: "XForwardedFor_SLBIP", type: "string", valid: onOff },
  { name: "XForwardedFor_proto", type: "string", valid: onOff },
  ...LISTENER_EXTRA_PARAMS,
];

/** CREATE_REQUIRED are the parameters CreateLoadBalancerHTTPSListener requires besides the addressing ones. */
const CREATE_REQUIRED = ["Bandwidth", "HealthCheck", "ServerCertificateId", "StickySession"] as const;

/** SET_IGNORED are listener parameters SetLoadBalancerHTTPSListenerAttribute does not take (the service ignores them). */
const SET_IGNORED = new Set(["BackendServerPort"]);

/** required reads a mandatory parameter or raises MissingParameter naming it. */
export function required(params: RequestParams, name: string): string {
  const value = params[name];
  if (value === undefined || value === "") throw SLB_ERRORS.missingParameter(name);
  return value;
}

/** port reads a mandatory port parameter (1-65535) or raises MissingParameter / InvalidParameter naming it. */
export function port(params: RequestParams, name = "ListenerPort"): number {
  const text = required(params, name);
  if (!intIn(1, 65535)(text)) throw SLB_ERRORS.invalidParameter(name);
  return Number(text);
}

/** readListenerConfig reads and validates the listener parameters present in a request. */
function readListenerConfig(params: RequestParams, skip: ReadonlySet<string> = new Set()): ListenerConfig {
  const config: ListenerConfig = {};
  for (const rule of LISTENER_PARAMS) {
    if (skip.has(rule.name)) continue;
    const text = params[rule.name];
    if (text === undefined) continue;
    if (!rule.valid(text)) throw SLB_ERRORS.invalidParameter(rule.name);
    config[rule.name] = rule.type === "int" ? Number(text) : text;
  }
  return config;
}

/** ok is the JSON success answer: the request id and the body's members. */
export function ok(body: Record<string, unknown> = {}, requestId: string): Reply {
  return {
    status: 200,
    headers: { "content-type": "application/json;charset=utf-8" },
    body: JSON.stringify({ RequestId: requestId, ...body }),
  };
}

/**
 * protocol reads Start's, Stop's and Delete's optional `ListenerProtocol` (any case; Terraform sends lower case), or
 * raises InvalidParameter "The specified protocol is not valid." for a fifth protocol.
 * Ref: the family digest §4 [S4][S22], §7 [S10].
 */
export function protocol(params: RequestParams): ListenerProtocol | undefined {
  const value = params.ListenerProtocol;
  if (value === undefined || value === "") return undefined;
  const lower = value.toLowerCase();
  const known = LISTENER_PROTOCOLS.find((p) => p === lower);
  if (known === undefined) throw SLB_ERRORS.protocolInvalid();
  return known;
}

/** Handler answers one action; it throws SlbError for an error answer. */
export type Handler = (state: SlbState, params: RequestParams, requestId: string) => Reply;

/** HANDLERS maps every implemented action to its handler. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  [ACTIONS.createListener]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const lbId = required(params, "LoadBalancerId");
    const listenerPort = port(params);
    for (const name of CREATE_REQUIRED) required(params, name);
    const config = readListenerConfig(params);
    const tags = readTags(params);
    refuseSharedSpec(state.loadBalancer(regionId, lbId), config);
    state.createListener(regionId, lbId, listenerPort, config, "https");
    tagListener(state.loadBalancer(regionId, lbId), listenerPort, "https", tags);
    return ok({}, requestId);
  },
  [ACTIONS.setListener]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const lbId = required(params, "LoadBalancerId");
    const listenerPort = port(params);
    const vServerGroup = params.VServerGroup;
    if (vServerGroup !== undefined && !onOff(vServerGroup)) throw SLB_ERRORS.invalidParameter("VServerGroup");
    const patch = readListenerConfig(params, SET_IGNORED);
    if (vServerGroup === "on" && patch.VServerGroupId === undefined) {
      throw SLB_ERRORS.missingParameter("VServerGroupId");
    }
    refuseSharedSpec(state.loadBalancer(regionId, lbId), patch);
    state.setListener(regionId, lbId, listenerPort, patch, { vServerGroup }, "https");
    return ok({}, requestId);
  },
  [ACTIONS.startListener]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const lbId = required(params, "LoadBalancerId");
    const listenerPort = port(params);
    state.startListener(regionId, lbId, listenerPort, protocol(params));
    return ok({}, requestId);
  },
  [ACTIONS.stopListener]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const lbId = required(params, "LoadBalancerId");
    const listenerPort = port(params);
    state.stopListener(regionId, lbId, listenerPort, protocol(params));
    return ok({}, requestId);
  },
  [ACTIONS.deleteListener]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const lbId = required(params, "LoadBalancerId");
    const listenerPort = port(params);
    state.deleteListener(regionId, lbId, listenerPort, protocol(params));
    return ok({}, requestId);
  },
  [ACTIONS.describeListener]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const lbId = required(params, "LoadBalancerId");
    const listenerPort = port(params);
    const listener = state.readListener(regionId, lbId, listenerPort, "https");
    return ok(
      {
        ListenerPort: listener.port,
        Status: state.reportedStatus(listener),
        ...listener.config,
        ...describeExtras(listener),
      },
      requestId,
    );
  },
  [ACTIONS.describeLoadBalancer]: (state, params, requestId) => {
    const lb = state.loadBalancer(required(params, "RegionId"), required(params, "LoadBalancerId"));
    const listeners = lb.listeners.sorted();
    // Ref: the family digest §4 [S8]: ListenerPorts lists ports; Assumed: a port two protocols share appears once.
    const ports = [...new Set(listeners.map((l) => l.port))];
    return ok(
      {
        LoadBalancerId: lb.id,
        LoadBalancerName: lb.name,
        RegionId: lb.regionId,
        AddressType: lb.addressType,
        Address: lb.address,
        LoadBalancerStatus: "active",
        LoadBalancerSpec: lb.spec ?? "",
        ListenerPorts: { ListenerPort: ports },
        ListenerPortsAndProtocol: {
          ListenerPortAndProtocol: listeners.map(portAndProtocol),
        },
      },
      requestId,
    );
  },
  [ACTIONS.createLoadBalancer]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const addressType = params.AddressType ?? "internet";
    if (addressType !== "internet" && addressType !== "intranet") throw SLB_ERRORS.invalidParameter("AddressType");
    const lb = state.createLoadBalancer({
      regionId,
      addressType,
      name: params.LoadBalancerName,
      spec: params.LoadBalancerSpec,
    });
    return ok({ LoadBalancerId: lb.id, LoadBalancerName: lb.name, Address: lb.address }, requestId);
  },
  [ACTIONS.uploadServerCertificate]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const certificate = required(params, "ServerCertificate");
    required(params, "PrivateKey");
    if (!certificate.includes("BEGIN CERTIFICATE")) throw SLB_ERRORS.invalidParameter("ServerCertificate");
    const cert = state.addCertificate(regionId, "server", params.ServerCertificateName);
    return ok({ ServerCertificateId: cert.id, ServerCertificateName: cert.name, RegionId: regionId }, requestId);
  },
};
