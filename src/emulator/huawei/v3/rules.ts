/**
 * The dedicated ELB v3 emulator's field rules: what each listener field accepts on its own, which protocols a field
 * applies to, the protocol-dependent ranges, the insert-header keys and the cross-field rules. Pure functions that
 * throw the service's V3Error; the state applies them and adds the rules that need other objects (load balancer,
 * certificates, ports, quota).
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md §2, §2.1, §3; adding_a_listener.rst, updating_a_listener.rst.
 */
import { V3_PROTOCOLS } from "../constants";
import { V3_ERRORS } from "./errors";

/** V3Protocol is a listener protocol as stored (TERMINATED_HTTPS is stored as HTTPS). */
export type V3Protocol = (typeof V3_PROTOCOLS)[number];

/** WireObject is a decoded JSON object of a request body. */
export type WireObject = Record<string, unknown>;

/** TLS_CIPHERS_POLICIES are the documented `tls_ciphers_policy` values. Ref: adding_a_listener.rst. */
const TLS_CIPHERS_POLICIES = [
  "tls-1-0-inherit",
  "tls-1-0",
  "tls-1-1",
  "tls-1-2",
  "tls-1-2-strict",
  "tls-1-2-fs",
  "tls-1-0-with-1-3",
  "tls-1-2-fs-with-1-3",
  "hybrid-policy-1-0",
  "tls-1-2-strict-no-cbc",
] as const;

/** INSERT_HEADERS_ANY_PROTOCOL are the boolean insert headers a listener of any protocol accepts. */
const INSERT_HEADERS_ANY_PROTOCOL = [
  "X-Forwarded-ELB-IP",
  "X-Forwarded-Port",
  "X-Forwarded-For-Port",
  "X-Forwarded-Host",
  "X-Forwarded-Proto",
  "X-Real-IP",
  "X-Forwarded-ELB-ID",
] as const;

/** INSERT_HEADERS_HTTPS are the boolean insert headers only HTTPS listeners accept. */
const INSERT_HEADERS_HTTPS = [
  "X-Forwarded-TLS-Certificate-ID",
  "X-Forwarded-TLS-Protocol",
  "X-Forwarded-TLS-Cipher",
  "X-Forwarded-Clientcert-enable",
  "X-Forwarded-Clientcert-subjectdn-enable",
  "X-Forwarded-Clientcert-issuerdn-enable",
  "X-Forwarded-Clientcert-fingerprint-enable",
  "X-Forwarded-Clientcert-clientverify-enable",
  "X-Forwarded-Clientcert-serialnumber-enable",
  "X-Forwarded-Clientcert-ciphers-enable",
  "X-Forwarded-Clientcert-end-enable",
  "X-Forwarded-Tls-Alpn-Protocol-enable",
  "X-Forwarded-Tls-Sni-enable",
  "X-Forwarded-Tls-Ja3-enable",
  "X-Forwarded-Tls-Ja4-enable",
] as const;

/**
 * INSERT_HEADER_ALIASES are the string insert headers naming a custom header for an HTTPS flag: `…-alias` beside
 * each `…-enable` key, and the TLS protocol and cipher aliases.
 */
const INSERT_HEADER_ALIASES: readonly string[] = [
  "X-Forwarded-TLS-Protocol-alias",
  "X-Forwarded-TLS-Cipher-alias",
  ...INSERT_HEADERS_HTTPS.filter((k) => k.endsWith("-enable")).map((k) => k.replace(/-enable$/, "-alias")),
];

/** PROCESSING_MODE_HEADER is the one insert header with an enumerated string value. */
const PROCESSING_MODE_HEADER = "X-Forwarded-For-Processing-Mode";

/**
 * DEFAULT_L7_INSERT_HEADERS are the insert headers an HTTP listener answers when created without any.
 * Ref: examples/adding_a_listener_to_a_dedicated_load_balancer.rst (HTTP create response).
 * Assumed: HTTPS listeners answer the same defaults.
 */
export const DEFAULT_L7_INSERT_HEADERS: Readonly<Record<string, boolean>> = {
  "X-Forwarded-ELB-IP": false,
  "X-Forwarded-Host": true,
  "X-Forwarded-For-Port": false,
  "X-Forwarded-Port": false,
};

/** FORBIDDEN_LOG_HEADERS may not be named in access-log custom headers (any case). */
const FORBIDDEN_LOG_HEADERS = ["host", "user-agent", "referer", "x-forwarded-for", "x-clienttraceid", "traceparent"];

/** CREATE_ONLY are the fields PUT refuses: they are fixed at creation. Ref: digest §3. */
export const CREATE_ONLY = [
  "loadbalancer_id",
  "protocol",
  "protocol_port",
  "port_ranges",
  "tags",
  "project_id",
] as const;

/**
 * CLEARABLE are the fields a PUT may set to `null` to remove the value; a `null` in any other field is ignored.
 * Ref: digest §3 (security_policy_id, quic_config, ipgroup). Assumed: default_pool_id, the certificates and
 * protection_reason clear the same way (OpenStack's listener API does).
 */
export const CLEARABLE = [
  "default_pool_id",
  "default_tls_container_ref",
  "client_ca_tls_container_ref",
  "security_policy_id",
  "ipgroup",
  "quic_config",
  "protection_reason",
] as const;

/** isObject tells a JSON object (not an array, not null). */
export function isObject(v: unknown): v is WireObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** chars counts Unicode characters, as the documented lengths do. */
function chars(s: string): number {
  return [...s].length;
}

const str =
  (min: number, max: number) =>
  (v: unknown): boolean =>
    typeof v === "string" && chars(v) >= min && chars(v) <= max;
const int =
  (min: number, max: number) =>
  (v: unknown): boolean =>
    typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const bool = (v: unknown): boolean => typeof v === "boolean";
const oneOf =
  (values: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === "string" && values.includes(v);
const HEADER_NAME = /^[A-Za-z0-9_-]{1,40}$/;
const headerNames = (v: unknown): boolean =>
  v === undefined ||
  (Array.isArray(v) &&
    v.length <= 5 &&
    v.every((h) => typeof h === "string" && HEADER_NAME.test(h) && !FORBIDDEN_LOG_HEADERS.includes(h.toLowerCase())));

/**
 * FIELD_RULES is each listener field's own rule (type, length, range, values), protocol aside.
 * Ref: adding_a_listener.rst Table 4 and its sub-tables; HW-only rows from the Huawei SDK model (digest §2).
 */
export const FIELD_RULES: Readonly<Record<string, (v: unknown) => boolean>> = {
  loadbalancer_id: str(1, 36),
  protocol: (v) => typeof v === "string",
  protocol_port: int(1, 65535),
  project_id: str(1, 32),
  name: str(0, 255),
  description: str(0, 255),
  default_pool_id: str(1, 36),
  default_tls_container_ref: str(1, 128),
  client_ca_tls_container_ref: str(1, 128),
  sni_container_refs: (v) => Array.isArray(v) && v.length <= 30 && v.every(str(1, 128)),
  sni_match_algo: oneOf(["wildcard", "longest_suffix"]),
  tls_ciphers_policy: oneOf(TLS_CIPHERS_POLICIES),
  security_policy_id: str(1, 36),
  http2_enable: bool,
  insert_headers: isObject,
  // "The value can only be true." (admin_state_up, and transparent_client_ip_enable on dedicated load balancers)
  admin_state_up: (v) => v === true,
  transparent_client_ip_enable: (v) => v === true,
  enable_member_retry: bool,
  keepalive_timeout: int(0, 4000),
  client_timeout: int(1, 300),
  member_timeout: int(1, 300),
  ipgroup: isObject,
  enhance_l7policy_enable: bool,
  protection_status: oneOf(["nonProtection", "consoleProtection"]),
  protection_reason: (v) => str(0, 255)(v) && !/[<>]/.test(v as string),
  tags: (v) =>
    Array.isArray(v) &&
    v.every((t) => isObject(t) && str(1, 36)(t.key) && (t.value === undefined || str(0, 43)(t.value))) &&
    new Set(v.map((t: WireObject) => t.key)).size === v.length,
  access_log_customized_headers_config: (v) =>
    isObject(v) &&
    (v.enable === undefined || bool(v.enable)) &&
    headerNames(v.include_headers) &&
    headerNames(v.exclude_headers),
  quic_config: (v) =>
    isObject(v) &&
    str(1, 36)(v.quic_listener_id) &&
    (v.enable_quic_upgrade === undefined || bool(v.enable_quic_upgrade)),
  port_ranges: Array.isArray,
  cps: int(0, 1_000_000),
  connection: int(0, 1_000_000),
  gzip_enable: bool,
  nat64_enable: bool,
  proxy_protocol_enable: bool,
  ssl_early_data_enable: bool,
};

/**
 * normalizeProtocol reads the create body's protocol: the four Open Telekom Cloud protocols, TERMINATED_HTTPS stored
 * as HTTPS on a dedicated load balancer; QUIC and TLS are Huawei Cloud only (ELB.8962 here); anything else ELB.8902.
 * Ref: adding_a_listener.rst `protocol`; digest §2 and §7 (ELB.8962 "e.g. QUIC on OTC", ◐).
 */
export function normalizeProtocol(v: unknown): V3Protocol {
  if (v === "TERMINATED_HTTPS") return "HTTPS";
  if ((V3_PROTOCOLS as readonly unknown[]).includes(v)) return v as V3Protocol;
  if (v === "QUIC" || v === "TLS") throw V3_ERRORS.notSupported("protocol");
  throw V3_ERRORS.invalidInput("protocol");
}

/** isL7 tells an HTTP-family protocol. */
export function isL7(protocol: V3Protocol): boolean {
  return protocol === "HTTP" || protocol === "HTTPS";
}

/**
 * portFamily groups the protocols that share a port space on one load balancer: TCP, HTTP and HTTPS one, UDP (and
 * QUIC) the other, so TCP:53 and UDP:53 coexist. Ref: digest §2 `protocol_port` (Huawei SDK, ◐ for coexistence).
 */
export function portFamily(protocol: V3Protocol): "tcp" | "udp" {
  return protocol === "UDP" ? "udp" : "tcp";
}

/** checkFieldRules applies FIELD_RULES to every non-null known field of a body; unknown fields are ignored. */
export function checkFieldRules(body: WireObject): void {
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    const rule = FIELD_RULES[key];
    // Assumed: the service ignores fields it does not know, as the classic API does.
    if (rule && !rule(value)) throw V3_ERRORS.invalidInput(key);
  }
}

/**
 * checkInsertHeaders checks the insert-header keys and values for a protocol: the plain headers on any protocol
 * (the TCP create example sends X-Forwarded-ELB-IP, ◐), the processing mode on HTTP/HTTPS, the TLS and client
 * certificate flags and every alias on HTTPS only; unknown keys are refused.
 * Ref: adding_a_listener.rst Table 5 ("available only for HTTPS, TERMINATED_HTTPS, and QUIC listeners").
 * Assumed: "available only for" means a refusal (ELB.8902) on other protocols.
 */
function checkInsertHeaders(headers: WireObject, protocol: V3Protocol): void {
  for (const [key, value] of Object.entries(headers)) {
    let ok: boolean;
    if ((INSERT_HEADERS_ANY_PROTOCOL as readonly string[]).includes(key)) ok = bool(value);
    else if (key === PROCESSING_MODE_HEADER) ok = isL7(protocol) && oneOf(["append", "remove", "preserve"])(value);
    else if ((INSERT_HEADERS_HTTPS as readonly string[]).includes(key)) ok = protocol === "HTTPS" && bool(value);
    else if (INSERT_HEADER_ALIASES.includes(key))
      ok = protocol === "HTTPS" && typeof value === "string" && HEADER_NAME.test(value);
    else ok = false;
    if (!ok) throw V3_ERRORS.invalidInput("insert_headers");
  }
}

/** keepaliveRange is the documented `keepalive_timeout` range of a protocol. */
function keepaliveRange(protocol: V3Protocol): readonly [number, number] {
  // Ref: adding_a_listener.rst: TCP 10-4000, HTTP/HTTPS 1-4000 (Huawei: 0-4000); UDP takes no effect, and the
  // Huawei SDK gives TCP/UDP 10-4000 (Assumed: the emulator holds UDP to the same range).
  return isL7(protocol) ? [1, 4000] : [10, 4000];
}

/**
 * checkProtocolRules applies the rules that depend on the listener's protocol to the non-null fields of a body:
 * fields "available only for" some protocols are refused on the others (Assumed: a refusal, ELB.8902), fields that
 * "take effect only" for some protocols are accepted everywhere (http2_enable, tls_ciphers_policy,
 * security_policy_id, sni_match_algo). `creating` separates the create-only proxy protocol rule.
 */
export function checkProtocolRules(body: WireObject, protocol: V3Protocol, creating: boolean): void {
  const set = (key: string): boolean => body[key] !== undefined && body[key] !== null;
  const l7 = isL7(protocol);
  const https = protocol === "HTTPS";
  const refuse = (key: string): never => {
    throw V3_ERRORS.invalidInput(key);
  };
  if (set("keepalive_timeout")) {
    const [min, max] = keepaliveRange(protocol);
    const v = body.keepalive_timeout as number;
    if (v < min || v > max) refuse("keepalive_timeout");
  }
  // Ref: "This parameter is available only for HTTP and HTTPS listeners."
  for (const key of [
    "client_timeout",
    "member_timeout",
    "enable_member_retry",
    "access_log_customized_headers_config",
  ]) {
    if (set(key) && !l7) refuse(key);
  }
  if (set("gzip_enable") && body.gzip_enable === true && !l7) refuse("gzip_enable");
  // Ref: default_tls_container_ref "available only when the listener's protocol is HTTPS"; client CA, SNI likewise.
  for (const key of ["default_tls_container_ref", "client_ca_tls_container_ref"]) if (set(key) && !https) refuse(key);
  if (set("sni_container_refs") && (body.sni_container_refs as unknown[]).length > 0 && !https) {
    refuse("sni_container_refs");
  }
  if (set("quic_config") && !https) refuse("quic_config");
  if (body.ssl_early_data_enable === true && !https) refuse("ssl_early_data_enable");
  // Ref: Huawei SDK: nat64 needs transparent_client_ip_enable off, which a dedicated listener cannot have.
  if (body.nat64_enable === true) refuse("nat64_enable");
  // Ref: Huawei SDK: proxy protocol on create for TLS only, on update for TLS and TCP.
  if (body.proxy_protocol_enable === true && (creating || protocol !== "TCP")) refuse("proxy_protocol_enable");
  // Ref: Huawei SDK: port_ranges only with protocol_port 0 or absent, which Open Telekom Cloud does not allow.
  if (set("port_ranges")) refuse("port_ranges");
  if (isObject(body.insert_headers)) checkInsertHeaders(body.insert_headers, protocol);
  if (
    isObject(body.access_log_customized_headers_config) &&
    body.access_log_customized_headers_config.enable === true
  ) {
    // Ref: access logging must be on for the load balancer; the emulated ones have none (Assumed: ELB.8902).
    refuse("access_log_customized_headers_config");
  }
}

/**
 * checkListenerShape applies the whole-listener rules to a listener's resulting fields: HTTPS needs a server
 * certificate, mutual TLS needs one too, an IP group needs its id, an early-data listener a TLS 1.3 policy.
 * Ref: digest §2 (default_tls_container_ref "required for HTTPS"; client CA needs the server certificate;
 * ssl_early_data_enable needs a TLS 1.3 policy).
 */
export function checkListenerShape(fields: WireObject, protocol: V3Protocol): void {
  if (protocol === "HTTPS" && (fields.default_tls_container_ref ?? null) === null) {
    throw V3_ERRORS.invalidInput("default_tls_container_ref");
  }
  if ((fields.client_ca_tls_container_ref ?? null) !== null && (fields.default_tls_container_ref ?? null) === null) {
    throw V3_ERRORS.invalidInput("client_ca_tls_container_ref");
  }
  if (fields.ssl_early_data_enable === true && !String(fields.tls_ciphers_policy).includes("1-3")) {
    throw V3_ERRORS.invalidInput("ssl_early_data_enable");
  }
}

/**
 * ipGroupOf reads an `ipgroup` value against the listener's current one: `null` or `{}` detaches, otherwise the id is
 * required (from the body or, on PUT, the current group) and `enable_ipgroup`/`type` default to true/"white".
 * Ref: adding_a_listener.rst `ipgroup`; updating_a_listener.rst (sub-fields optional on PUT).
 */
export function ipGroupOf(value: unknown, current: WireObject | null): WireObject | null {
  if (value === null || (isObject(value) && Object.keys(value).length === 0)) return null;
  if (!isObject(value)) throw V3_ERRORS.invalidInput("ipgroup");
  const id = value.ipgroup_id ?? current?.ipgroup_id;
  const enable = value.enable_ipgroup ?? current?.enable_ipgroup ?? true;
  const type = value.type ?? current?.type ?? "white";
  // Ref: ipgroup_id 1-36 (Huawei: a comma-separated list of ids).
  if (typeof id !== "string" || !/^[^,]{1,36}(,[^,]{1,36})*$/.test(id)) throw V3_ERRORS.invalidInput("ipgroup");
  if (!bool(enable) || !oneOf(["white", "black"])(type)) throw V3_ERRORS.invalidInput("ipgroup");
  return { ipgroup_id: id, enable_ipgroup: enable, type };
}
