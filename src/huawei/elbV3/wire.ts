/**
 * ElbV3Listener to and from the wire: the create body and the PUT body (only what changed, `null` where the program
 * removed a value the API can clear, the documented default where it cannot), and the tolerant reader of the
 * listener object back into inputs.
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md §2 (create), §3 (PUT, null clears), §4 (listener object).
 */
import type { WireV3Object } from "../client";
import type { Tags } from "../listener/codecs";
import {
  INPUT_NAMES,
  INSERT_HEADER_DEFAULTS,
  type AccessLogHeaders,
  type ElbV3ListenerInputs,
  type InsertHeaders,
  type IpGroup,
  type V3InputName,
} from "./schema";

/** WIRE_NAMES maps each sent input to its wire name; region, projectId and adoptExisting are never sent. */
export const WIRE_NAMES: Readonly<Partial<Record<V3InputName, string>>> = {
  name: "name",
  description: "description",
  loadbalancerId: "loadbalancer_id",
  protocol: "protocol",
  protocolPort: "protocol_port",
  defaultPoolId: "default_pool_id",
  defaultTlsContainerRef: "default_tls_container_ref",
  clientCaTlsContainerRef: "client_ca_tls_container_ref",
  sniContainerRefs: "sni_container_refs",
  sniMatchAlgo: "sni_match_algo",
  tlsCiphersPolicy: "tls_ciphers_policy",
  securityPolicyId: "security_policy_id",
  http2Enable: "http2_enable",
  insertHeaders: "insert_headers",
  enableMemberRetry: "enable_member_retry",
  keepaliveTimeout: "keepalive_timeout",
  clientTimeout: "client_timeout",
  memberTimeout: "member_timeout",
  ipgroup: "ipgroup",
  transparentClientIpEnable: "transparent_client_ip_enable",
  enhanceL7policyEnable: "enhance_l7policy_enable",
  protectionStatus: "protection_status",
  protectionReason: "protection_reason",
  tags: "tags",
  accessLogCustomizedHeadersConfig: "access_log_customized_headers_config",
  gzipEnable: "gzip_enable",
  cps: "cps",
  connection: "connection",
};

/** V3Body is a create or PUT body's listener object, by wire name. */
type V3Body = Record<string, unknown>;

/**
 * REMOVED_VALUE is what a PUT sends for an input the program removed: `null` for the values the API clears (security
 * policy and IP group: digest §3; Assumed: pool, client CA and protection reason as the emulator and OpenStack do),
 * else the documented default, so the listener goes back to what it would be without the input. Inputs absent here
 * (transparentClientIpEnable, only ever true; enhanceL7policyEnable, never back) are not sent.
 */
function removedValue(name: V3InputName, protocol: ElbV3ListenerInputs["protocol"]): unknown {
  const l7 = protocol === "HTTP" || protocol === "HTTPS";
  const defaults: Partial<Record<V3InputName, unknown>> = {
    name: "",
    description: "",
    defaultPoolId: null,
    clientCaTlsContainerRef: null,
    sniContainerRefs: [],
    sniMatchAlgo: "wildcard",
    tlsCiphersPolicy: "tls-1-0",
    securityPolicyId: null,
    http2Enable: false,
    enableMemberRetry: true,
    keepaliveTimeout: l7 ? 60 : 300,
    clientTimeout: 60,
    memberTimeout: 60,
    ipgroup: null,
    protectionStatus: "nonProtection",
    protectionReason: null,
    accessLogCustomizedHeadersConfig: { enable: false },
    gzipEnable: false,
    cps: 0,
    connection: 0,
  };
  return defaults[name];
}

function ipGroupToWire(g: IpGroup): Record<string, unknown> {
  const out: Record<string, unknown> = { ipgroup_id: g.ipgroupId };
  if (g.enableIpgroup !== undefined) out.enable_ipgroup = g.enableIpgroup;
  if (g.type !== undefined) out.type = g.type;
  return out;
}

function accessLogToWire(a: AccessLogHeaders): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (a.enable !== undefined) out.enable = a.enable;
  if (a.includeHeaders !== undefined) out.include_headers = [...a.includeHeaders];
  if (a.excludeHeaders !== undefined) out.exclude_headers = [...a.excludeHeaders];
  return out;
}

function valueToWire(name: V3InputName, value: unknown): unknown {
  if (name === "ipgroup") return ipGroupToWire(value as IpGroup);
  if (name === "accessLogCustomizedHeadersConfig") return accessLogToWire(value as AccessLogHeaders);
  if (name === "tags") return Object.entries(value as Tags).map(([key, v]) => ({ key, value: v }));
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (value !== null && typeof value === "object") return { ...(value as object) };
  return value;
}

/** createBody is the POST body's listener object: every sent input that is set, by wire name. */
export function createBody(inputs: ElbV3ListenerInputs): V3Body {
  const body: V3Body = {};
  for (const name of INPUT_NAMES) {
    const wire = WIRE_NAMES[name];
    const value = inputs[name];
    if (wire !== undefined && value !== undefined) body[wire] = valueToWire(name, value);
  }
  return body;
}

/**
 * updateBody is the PUT body's listener object for the inputs that changed: the new value, or for a removed one its
 * REMOVED_VALUE. Insert headers are merged key by key by the service, so a header the program removed is sent with
 * its default (an alias, which has none, is left as it is).
 */
export function updateBody(
  olds: Partial<ElbV3ListenerInputs>,
  news: ElbV3ListenerInputs,
  changed: readonly V3InputName[],
): V3Body {
  const body: V3Body = {};
  for (const name of changed) {
    const wire = WIRE_NAMES[name];
    if (wire === undefined) continue;
    const value = news[name];
    if (name === "insertHeaders") {
      const merged: Record<string, unknown> = {};
      for (const key of Object.keys(olds.insertHeaders ?? {})) {
        if (Object.hasOwn(INSERT_HEADER_DEFAULTS, key)) merged[key] = INSERT_HEADER_DEFAULTS[key];
      }
      Object.assign(merged, news.insertHeaders ?? {});
      body[wire] = merged;
    } else if (value !== undefined) body[wire] = valueToWire(name, value);
    else {
      const removed = removedValue(name, news.protocol);
      if (removed !== undefined) body[wire] = removed;
    }
  }
  return body;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === "string") ? [...(v as string[])] : undefined;

/**
 * fromWire reads a listener object back into inputs, tolerantly: `null` and absent are "not set", the load balancer
 * id comes from `loadbalancers[0].id`, tags from the `{key,value}` list, the IP group and access-log settings from
 * their wire shapes. Fields that do not apply to the listener's protocol are left out (a TCP listener answers
 * `tls_ciphers_policy`, a default with no effect).
 */
export function fromWire(l: WireV3Object): Partial<ElbV3ListenerInputs> {
  const out: Record<string, unknown> = {};
  const protocol = str(l.protocol) === "TERMINATED_HTTPS" ? "HTTPS" : str(l.protocol);
  const l7 = protocol === "HTTP" || protocol === "HTTPS";
  const https = protocol === "HTTPS";
  const lbs = Array.isArray(l.loadbalancers) ? (l.loadbalancers as unknown[]) : [];
  const first = lbs[0] as { id?: unknown } | undefined;
  out.loadbalancerId = str(l.loadbalancer_id) ?? str(first?.id);
  out.protocol = protocol;
  out.protocolPort = num(l.protocol_port);
  out.name = str(l.name);
  out.description = str(l.description);
  out.defaultPoolId = str(l.default_pool_id);
  if (https) {
    out.defaultTlsContainerRef = str(l.default_tls_container_ref);
    out.clientCaTlsContainerRef = str(l.client_ca_tls_container_ref);
    out.sniContainerRefs = strings(l.sni_container_refs);
    out.sniMatchAlgo = str(l.sni_match_algo);
    out.tlsCiphersPolicy = str(l.tls_ciphers_policy);
    out.securityPolicyId = str(l.security_policy_id);
    out.http2Enable = bool(l.http2_enable);
  }
  // Insert headers on every protocol: the OTC TCP create example's answer echoes X-Forwarded-ELB-IP (digest §2.1).
  const headers = l.insert_headers;
  if (headers !== null && typeof headers === "object" && !Array.isArray(headers)) {
    out.insertHeaders = Object.fromEntries(
      Object.entries(headers).filter(([, v]) => typeof v === "boolean" || typeof v === "string"),
    ) as InsertHeaders;
  }
  if (l7) {
    out.enableMemberRetry = bool(l.enable_member_retry);
    out.clientTimeout = num(l.client_timeout);
    out.memberTimeout = num(l.member_timeout);
    out.gzipEnable = bool(l.gzip_enable);
    const a = l.access_log_customized_headers_config as Record<string, unknown> | null | undefined;
    if (a !== null && typeof a === "object") {
      const access: Record<string, unknown> = {};
      if (bool(a.enable) !== undefined) access.enable = a.enable;
      if (strings(a.include_headers)) access.includeHeaders = strings(a.include_headers);
      if (strings(a.exclude_headers)) access.excludeHeaders = strings(a.exclude_headers);
      out.accessLogCustomizedHeadersConfig = access;
    }
  }
  out.keepaliveTimeout = num(l.keepalive_timeout);
  const g = l.ipgroup as Record<string, unknown> | null | undefined;
  if (g !== null && typeof g === "object" && typeof g.ipgroup_id === "string") {
    const group: Record<string, unknown> = { ipgroupId: g.ipgroup_id };
    if (bool(g.enable_ipgroup) !== undefined) group.enableIpgroup = g.enable_ipgroup;
    if (g.type === "white" || g.type === "black") group.type = g.type;
    out.ipgroup = group;
  }
  // Only true is read: on a dedicated load balancer the value "can only be true" (check refuses false), while the
  // documented examples, written for shared load balancers, show false (viewing_details_of_a_listener.rst). A false
  // read back would be an input check refuses; left out, it is the dedicated default, true.
  if (l.transparent_client_ip_enable === true) out.transparentClientIpEnable = true;
  out.enhanceL7policyEnable = bool(l.enhance_l7policy_enable);
  out.protectionStatus = str(l.protection_status);
  if (out.protectionStatus === "consoleProtection") out.protectionReason = str(l.protection_reason);
  if (Array.isArray(l.tags)) {
    const tags: Record<string, string> = {};
    for (const tag of l.tags as unknown[]) {
      const t = tag as { key?: unknown; value?: unknown } | null;
      if (t && typeof t.key === "string") tags[t.key] = typeof t.value === "string" ? t.value : "";
    }
    out.tags = tags;
  }
  out.cps = num(l.cps);
  out.connection = num(l.connection);
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as Partial<ElbV3ListenerInputs>;
}

/**
 * trimmed keeps of a read-back object value only the keys the program set, plus keys whose value differs from
 * `defaults` (a change made outside Pulumi), so defaults the service fills in do not show as drift.
 */
export function trimmed<T extends object>(
  live: T,
  previous: object | undefined,
  defaults: Readonly<Record<string, unknown>>,
): T {
  const prev = (previous ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(live)) {
    if (Object.hasOwn(prev, key) || (Object.hasOwn(defaults, key) && defaults[key] !== value)) out[key] = value;
    else if (!Object.hasOwn(defaults, key)) out[key] = value;
  }
  return out as T;
}

/** ElbV3ListenerOutputs are the stored state: the checked inputs plus what the API reports. */
export type ElbV3ListenerOutputs = ElbV3ListenerInputs & {
  /** When the listener was created (`created_at`). */
  readonly createdAt?: string;
  /** When the listener was last updated (`updated_at`). */
  readonly updatedAt?: string;
  /** The region the listener lives in (the input, else the configured region at creation). */
  readonly resolvedRegion: string;
  /** The project the listener lives in (the input, else the configured project at creation). */
  readonly resolvedProjectId: string;
};

/** V3_OUTPUT_NAMES are the properties that are outputs only. */
export const V3_OUTPUT_NAMES = ["createdAt", "updatedAt", "resolvedRegion", "resolvedProjectId"] as const;
