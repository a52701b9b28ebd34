/**
 * The inputs of `ElbV3Listener` (a dedicated ELB v3 listener) as io-ts codecs, one per documented field, the
 * digest's protocol and cross-field rules in one `crossFieldFailures`, the Huawei-only inputs Open Telekom Cloud
 * refuses, and the replace table. Nothing here throws on bad input.
 *
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md §2 (CreateListenerOption), §2.1 (insert_headers), §3 (PUT,
 * fixed at creation); opentelekomcloud-docs/elastic-load-balancing@15a87b5 apis_v3/listener/adding_a_listener.rst.
 */
import * as t from "io-ts";
import {
  booleanValue,
  type CheckFailure,
  describeValue,
  failure,
  type ForeignNames,
  intRange,
  matching,
  oneOf,
} from "../../core/check";
import {
  checkAgainst,
  type CheckedOf,
  type Cloud,
  FIXED_AT_CREATION,
  inputNames,
  type DecodedOf,
  type InputsOf,
  PLACE_PROPS,
  PORT_LISTENER_REQUIRED,
  protectionReasonCodec,
  protectionStatusCodec,
  type Tags,
} from "../listener/codecs";
import { V3_PROTOCOLS } from "../constants";

/** RESOURCE is the resource name used in check messages. */
export const RESOURCE = "ElbV3Listener";

/** TLS_CIPHERS_POLICIES are the documented `tls_ciphers_policy` values. Ref: digest §2 `tls_ciphers_policy`. */
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

/** INSERT_HEADERS_L7 are the Boolean insert headers of HTTP and HTTPS listeners. Ref: digest §2.1. */
const INSERT_HEADERS_L7 = [
  "X-Forwarded-ELB-IP",
  "X-Forwarded-Port",
  "X-Forwarded-For-Port",
  "X-Forwarded-Host",
  "X-Forwarded-Proto",
  "X-Real-IP",
  "X-Forwarded-ELB-ID",
] as const;

/** INSERT_HEADERS_HTTPS are the Boolean insert headers of HTTPS listeners only. Ref: digest §2.1. */
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

/** ALIAS_OF maps each string `…-alias` insert header to the flag it renames (HTTPS only). Ref: digest §2.1. */
const ALIAS_OF: Readonly<Record<string, string>> = Object.fromEntries([
  ["X-Forwarded-TLS-Protocol-alias", "X-Forwarded-TLS-Protocol"],
  ["X-Forwarded-TLS-Cipher-alias", "X-Forwarded-TLS-Cipher"],
  ...INSERT_HEADERS_HTTPS.filter((k) => k.endsWith("-enable")).map((k) => [k.replace(/-enable$/, "-alias"), k]),
]);

/** PROCESSING_MODE_HEADER is the insert header whose value is `append`, `remove` or `preserve`. */
const PROCESSING_MODE_HEADER = "X-Forwarded-For-Processing-Mode";

/** INSERT_HEADER_DEFAULTS are the documented values of an insert header that is not set. Ref: digest §2.1. */
export const INSERT_HEADER_DEFAULTS: Readonly<Record<string, boolean | string>> = {
  ...Object.fromEntries([...INSERT_HEADERS_L7, ...INSERT_HEADERS_HTTPS].map((k) => [k, false])),
  "X-Forwarded-Host": true,
  [PROCESSING_MODE_HEADER]: "append",
};

const HEADER_NAME = /^[A-Za-z0-9_-]{1,40}$/;
/** FORBIDDEN_LOG_HEADERS may not be named in the access-log custom headers (any case). Ref: digest §2. */
const FORBIDDEN_LOG_HEADERS = ["host", "user-agent", "referer", "x-forwarded-for", "x-clienttraceid", "traceparent"];

const chars = (s: string): number => [...s].length;
const text = (min: number, max: number, extra = ""): t.Type<string, string, unknown> =>
  matching(`${min} to ${max} characters${extra}`, (s) => chars(s) >= min && chars(s) <= max);
const id = (what: string, max: number): t.Type<string, string, unknown> =>
  matching(`${what} of 1 to ${max} characters`, (s) => chars(s) >= 1 && chars(s) <= max);

/** InsertHeaders are insert headers by their literal header names: flags, the processing mode, and aliases. */
export type InsertHeaders = { readonly [header: string]: boolean | string };

const insertHeadersCodec = new t.Type<InsertHeaders, InsertHeaders, unknown>(
  "an object of insert headers (header name to true/false; X-Forwarded-For-Processing-Mode and …-alias to strings)",
  (u): u is InsertHeaders =>
    u !== null &&
    typeof u === "object" &&
    !Array.isArray(u) &&
    Object.values(u).every((v) => typeof v === "boolean" || typeof v === "string"),
  (u, c) =>
    u !== null &&
    typeof u === "object" &&
    !Array.isArray(u) &&
    Object.values(u).every((v) => typeof v === "boolean" || typeof v === "string")
      ? t.success({ ...(u as InsertHeaders) })
      : t.failure(u, c),
  t.identity,
);

/** IpGroup is the listener's access control: an IP group id, whether it is on, and whitelist or blacklist. */
export interface IpGroup {
  /** The IP group id, 1 to 36 characters (Huawei Cloud: a comma-separated list). Wire `ipgroup_id`. */
  readonly ipgroupId: string;
  /** Whether access control is on. @default true. Wire `enable_ipgroup`. */
  readonly enableIpgroup?: boolean;
  /** `white` (allow only) or `black` (deny). @default "white". Wire `type`. */
  readonly type?: "white" | "black";
}

const ipGroupCodec = new t.Type<IpGroup, IpGroup, unknown>(
  '{ ipgroupId: 1 to 36 characters, enableIpgroup?: true or false, type?: "white" or "black" }',
  (u): u is IpGroup => isIpGroup(u),
  (u, c) => (isIpGroup(u) ? t.success({ ...u }) : t.failure(u, c)),
  t.identity,
);

function isIpGroup(u: unknown): u is IpGroup {
  if (u === null || typeof u !== "object" || Array.isArray(u)) return false;
  const o = u as Record<string, unknown>;
  const keysOk = Object.keys(o).every((k) => ["ipgroupId", "enableIpgroup", "type"].includes(k));
  return (
    keysOk &&
    typeof o.ipgroupId === "string" &&
    /^[^,]{1,36}(,[^,]{1,36})*$/.test(o.ipgroupId) &&
    (o.enableIpgroup === undefined || typeof o.enableIpgroup === "boolean") &&
    (o.type === undefined || o.type === "white" || o.type === "black")
  );
}

/** AccessLogHeaders is the access-log custom-header configuration. */
export interface AccessLogHeaders {
  /** Log the custom headers; true needs access logging on the load balancer. @default false. Wire `enable`. */
  readonly enable?: boolean;
  /** Up to 5 header names to log, 1 to 40 of `[A-Za-z0-9_-]` each. Wire `include_headers`. */
  readonly includeHeaders?: readonly string[];
  /** Up to 5 header names not to log. Wire `exclude_headers`. */
  readonly excludeHeaders?: readonly string[];
}

const headerList = (v: unknown): boolean =>
  v === undefined ||
  (Array.isArray(v) &&
    v.length <= 5 &&
    v.every((h) => typeof h === "string" && HEADER_NAME.test(h) && !FORBIDDEN_LOG_HEADERS.includes(h.toLowerCase())));

function isAccessLog(u: unknown): u is AccessLogHeaders {
  if (u === null || typeof u !== "object" || Array.isArray(u)) return false;
  const o = u as Record<string, unknown>;
  return (
    Object.keys(o).every((k) => ["enable", "includeHeaders", "excludeHeaders"].includes(k)) &&
    (o.enable === undefined || typeof o.enable === "boolean") &&
    headerList(o.includeHeaders) &&
    headerList(o.excludeHeaders)
  );
}

const accessLogCodec = new t.Type<AccessLogHeaders, AccessLogHeaders, unknown>(
  "{ enable?, includeHeaders?, excludeHeaders? } with at most 5 header names of 1 to 40 letters, digits, _ or - " +
    "each, none of host, user-agent, referer, x-forwarded-for, x-clienttraceid, traceparent",
  (u): u is AccessLogHeaders => isAccessLog(u),
  (u, c) => (isAccessLog(u) ? t.success({ ...u }) : t.failure(u, c)),
  t.identity,
);

const tagsCodec = new t.Type<Tags, Tags, unknown>(
  "a map of tag keys (1 to 36 characters) to values (0 to 43 characters)",
  (u): u is Tags => isTags(u),
  (u, c) => (isTags(u) ? t.success({ ...u }) : t.failure(u, c)),
  t.identity,
);

function isTags(u: unknown): u is Tags {
  if (u === null || typeof u !== "object" || Array.isArray(u)) return false;
  return Object.entries(u).every(
    ([k, v]) => chars(k) >= 1 && chars(k) <= 36 && typeof v === "string" && chars(v) <= 43,
  );
}

const sniCodec = new t.Type<string[], string[], unknown>(
  "a list of at most 50 certificate IDs of 1 to 128 characters each (Open Telekom Cloud: at most 30)",
  (u): u is string[] =>
    Array.isArray(u) && u.length <= 50 && u.every((x) => typeof x === "string" && chars(x) >= 1 && chars(x) <= 128),
  (u, c) =>
    Array.isArray(u) && u.length <= 50 && u.every((x) => typeof x === "string" && chars(x) >= 1 && chars(x) <= 128)
      ? t.success([...(u as string[])])
      : t.failure(u, c),
  t.identity,
);

/**
 * ELB_V3_LISTENER_PROPS are the codecs of every input; each codec's name is the rule failure messages quote. The
 * TSDoc on each field (range, `@default`, wire name, `Ref:`) is what users read on `ElbV3ListenerArgs`.
 */
export const ELB_V3_LISTENER_PROPS = {
  /** The listener name, 0 to 255 characters. Updated in place. @default "" Wire `name`. Ref: digest §2 `name`. */
  name: text(0, 255),
  /** Description, 0 to 255 characters. Updated in place. @default "" Wire `description`. Ref: digest §2. */
  description: text(0, 255),
  /** The dedicated load balancer, 1 to 36 characters. Replaces when changed. Wire `loadbalancer_id`. Ref: digest §2. */
  loadbalancerId: id("a load balancer ID", 36),
  /**
   * `TCP`, `UDP` (need an L4 flavor on the load balancer), `HTTP` or `HTTPS` (need an L7 flavor). Replaces when
   * changed. Wire `protocol`. Ref: digest §2 `protocol`, §5 flavor rules.
   */
  protocol: oneOf(V3_PROTOCOLS),
  /**
   * The port, 1 to 65535, unique per load balancer among TCP/HTTP/HTTPS listeners and among UDP listeners.
   * Replaces when changed. Wire `protocol_port`. Ref: digest §2 `protocol_port`.
   */
  protocolPort: intRange(1, 65535),
  /** The default backend server group, 1 to 36 characters. Updated in place (removing it sends null). Wire `default_pool_id`. */
  defaultPoolId: id("a backend server group ID", 36),
  /**
   * The server certificate, 1 to 128 characters; required for HTTPS, HTTPS only. Updated in place.
   * Wire `default_tls_container_ref`. Ref: digest §2.
   */
  defaultTlsContainerRef: id("a certificate ID", 128),
  /**
   * The client CA certificate for mutual TLS, 1 to 128 characters; HTTPS only. Updated in place (removing it sends
   * null). Wire `client_ca_tls_container_ref`. Ref: digest §2.
   */
  clientCaTlsContainerRef: id("a certificate ID", 128),
  /**
   * SNI server certificates: Open Telekom Cloud up to 30, Huawei Cloud up to 50; HTTPS only. Updated in place.
   * @default [] Wire `sni_container_refs`. Ref: digest §2.
   */
  sniContainerRefs: sniCodec,
  /** `wildcard` or `longest_suffix`; HTTPS only. Updated in place. @default "wildcard" Wire `sni_match_algo`. */
  sniMatchAlgo: oneOf(["wildcard", "longest_suffix"] as const),
  /**
   * The TLS policy; HTTPS only (ignored by the service when securityPolicyId is set). Updated in place.
   * @default "tls-1-0" (Open Telekom Cloud document; the Huawei SDK says tls-1-2) Wire `tls_ciphers_policy`.
   */
  tlsCiphersPolicy: oneOf(TLS_CIPHERS_POLICIES),
  /**
   * A custom security policy, 1 to 36 characters; HTTPS only, overrides tlsCiphersPolicy. Updated in place; removing
   * it sends null. Wire `security_policy_id`. Ref: digest §2, §3.
   */
  securityPolicyId: id("a security policy ID", 36),
  /** HTTP/2; HTTPS only. Updated in place. @default false Wire `http2_enable`. */
  http2Enable: booleanValue,
  /**
   * Headers the load balancer adds, by literal header name; HTTP and HTTPS only (TLS, client-certificate and alias
   * headers HTTPS only). `…-alias` values are 1 to 40 of `[A-Za-z0-9_-]`, used only when their flag is true.
   * Updated in place; a removed header is sent with its default. Wire `insert_headers`. Ref: digest §2.1.
   */
  insertHeaders: insertHeadersCodec,
  /** Retry a failed backend; HTTP and HTTPS only. Updated in place. @default true Wire `enable_member_retry`. */
  enableMemberRetry: booleanValue,
  /**
   * Idle timeout in seconds: TCP and UDP 10 to 4000 (default 300); HTTP and HTTPS 1 to 4000 (default 60; 0 on
   * Huawei Cloud only). Updated in place. Wire `keepalive_timeout`. Ref: digest §2.
   */
  keepaliveTimeout: intRange(0, 4000),
  /** Client request timeout, 1 to 300 s; HTTP and HTTPS only. Updated in place. @default 60 Wire `client_timeout`. */
  clientTimeout: intRange(1, 300),
  /** Backend response timeout, 1 to 300 s; HTTP and HTTPS only. Updated in place. @default 60 Wire `member_timeout`. */
  memberTimeout: intRange(1, 300),
  /**
   * Access control by IP group. Updated in place; removing it detaches the group (sends null).
   * @default none (no access control) Wire `ipgroup` (`ipgroup_id`, `enable_ipgroup`, `type`). Ref: digest §2, §3.
   */
  ipgroup: ipGroupCodec,
  /** Pass the client IP to backends; on dedicated load balancers only true. @default true Wire `transparent_client_ip_enable`. */
  transparentClientIpEnable: booleanValue,
  /**
   * Advanced forwarding; once true it can never go back to false. Updated in place.
   * @default false Wire `enhance_l7policy_enable`. Ref: digest §2, §3.
   */
  enhanceL7policyEnable: booleanValue,
  /** `nonProtection` or `consoleProtection`. Updated in place. @default "nonProtection" Wire `protection_status`. */
  protectionStatus: protectionStatusCodec,
  /**
   * Why the listener is protected: 0 to 255 characters without `<` or `>`; only with consoleProtection. Updated in
   * place. Wire `protection_reason`.
   */
  protectionReason: protectionReasonCodec,
  /** Tags, set at creation only (PUT has none): changing them replaces the listener. Wire `tags` ({key,value} list). */
  tags: tagsCodec,
  /** Access-log custom headers; HTTP and HTTPS only. Updated in place. Wire `access_log_customized_headers_config`. */
  accessLogCustomizedHeadersConfig: accessLogCodec,
  /** Huawei Cloud only: gzip compression; HTTP and HTTPS only. @default false Wire `gzip_enable`. Ref: digest §2 (HW SDK). */
  gzipEnable: booleanValue,
  /** Huawei Cloud only: new connections per second, 0 (unlimited) to 1000000. @default 0 Wire `cps`. */
  cps: intRange(0, 1_000_000),
  /** Huawei Cloud only: concurrent connections, 0 (unlimited) to 1000000. @default 0 Wire `connection`. */
  connection: intRange(0, 1_000_000),
  ...PLACE_PROPS,
};

/** ElbV3ListenerProps is the type of the codec table. */
type ElbV3ListenerProps = typeof ELB_V3_LISTENER_PROPS;

/** REQUIRED lists the inputs the document marks mandatory. */
export const REQUIRED = PORT_LISTENER_REQUIRED satisfies readonly (keyof ElbV3ListenerProps)[];

/** ElbV3ListenerInputs are checked inputs: the mandatory ones always present, the rest optional. */
export type ElbV3ListenerInputs = InputsOf<ElbV3ListenerProps, (typeof REQUIRED)[number]>;

/** V3InputName is the name of one input. */
export type V3InputName = keyof ElbV3ListenerProps;

/** INPUT_NAMES lists every input, in the document's order. */
export const INPUT_NAMES: V3InputName[] = inputNames(ELB_V3_LISTENER_PROPS);

/**
 * REPLACE_ON_CHANGE are the inputs PUT cannot change (fixed at creation), plus region and project (another place is
 * another listener) and tags (PUT has none; the tag API is not used). Ref: digest §3 "Fixed at creation".
 */
export const REPLACE_ON_CHANGE: ReadonlySet<V3InputName> = new Set<V3InputName>([...FIXED_AT_CREATION, "tags"]);

/** NOT_COMPARED are inputs that only steer `create` and never cause a diff. */
export const NOT_COMPARED: ReadonlySet<V3InputName> = new Set<V3InputName>(["adoptExisting"]);

/** HUAWEI_ONLY are the inputs of the Huawei Cloud request model that Open Telekom Cloud's API does not take. */
const HUAWEI_ONLY: readonly V3InputName[] = ["gzipEnable", "cps", "connection"];

/** L7_ONLY are the inputs that apply to HTTP and HTTPS listeners only. Ref: digest §2 protocol column. */
const L7_ONLY: readonly V3InputName[] = [
  "enableMemberRetry",
  "clientTimeout",
  "memberTimeout",
  "accessLogCustomizedHeadersConfig",
  "gzipEnable",
];

/** HTTPS_ONLY are the inputs that apply to HTTPS listeners only. Ref: digest §2 protocol column. */
const HTTPS_ONLY: readonly V3InputName[] = [
  "defaultTlsContainerRef",
  "clientCaTlsContainerRef",
  "sniContainerRefs",
  "sniMatchAlgo",
  "tlsCiphersPolicy",
  "securityPolicyId",
  "http2Enable",
];

/** CheckContext is what check knows beside the new inputs: the stored ones and the target cloud. */
export interface CheckContext {
  /** The inputs stored by the last successful update (for rules about changes). */
  readonly olds?: Readonly<Record<string, unknown>>;
  /** The cloud of the endpoint the provider is configured for, when it can tell. */
  readonly cloud?: Cloud;
}

/** Known is the decoded view a rule sees: values known now, and which inputs are still unknown (preview). */
interface Known {
  readonly value: Partial<DecodedOf<ElbV3ListenerProps>>;
  readonly unknowns: ReadonlySet<string>;
}

const q = (v: unknown): string => describeValue(v);

/**
 * crossFieldFailures applies every rule of the digest that involves more than one input, the protocol, the stored
 * inputs or the cloud. A rule whose inputs are unknown during preview is skipped.
 */
function crossFieldFailures(k: Known, context: CheckContext = {}): CheckFailure[] {
  const out: CheckFailure[] = [];
  const v = k.value;
  const p = k.unknowns.has("protocol") ? undefined : v.protocol;
  const l7 = p === "HTTP" || p === "HTTPS";
  if (p !== undefined) {
    for (const name of L7_ONLY) {
      if (v[name] !== undefined && !l7)
        out.push(failure(name, `applies to HTTP and HTTPS listeners only, not ${q(p)}`));
    }
    for (const name of HTTPS_ONLY) {
      if (v[name] !== undefined && p !== "HTTPS")
        out.push(failure(name, `applies to HTTPS listeners only, not ${q(p)}`));
    }
    // "required for HTTPS"
    if (p === "HTTPS" && v.defaultTlsContainerRef === undefined && !k.unknowns.has("defaultTlsContainerRef")) {
      out.push(failure("defaultTlsContainerRef", 'is required when protocol is "HTTPS"'));
    }
    // keepalive_timeout: TCP 10-4000; HTTP/HTTPS 1-4000 (Huawei 0-4000); UDP: Huawei SDK 10-4000.
    const keepalive = v.keepaliveTimeout;
    if (keepalive !== undefined) {
      if (!l7 && keepalive < 10) {
        out.push(
          failure("keepaliveTimeout", `must be an integer from 10 to 4000 for ${q(p)} listeners, got ${keepalive}`),
        );
      } else if (l7 && keepalive === 0 && context.cloud === "opentelekomcloud") {
        out.push(
          failure(
            "keepaliveTimeout",
            `must be an integer from 1 to 4000 for ${q(p)} listeners on Open Telekom Cloud (0 is Huawei Cloud only), got 0`,
          ),
        );
      }
    }
    const headers = v.insertHeaders;
    if (headers !== undefined) out.push(...insertHeaderFailures(headers, p));
  }
  // "the value can only be true" on dedicated load balancers.
  if (v.transparentClientIpEnable === false) {
    out.push(failure("transparentClientIpEnable", "can only be true on dedicated load balancers, got false"));
  }
  // protection_reason is meaningful only with consoleProtection (the service drops it otherwise).
  if (
    v.protectionReason !== undefined &&
    !k.unknowns.has("protectionStatus") &&
    v.protectionStatus !== "consoleProtection"
  ) {
    out.push(failure("protectionReason", 'applies only when protectionStatus is "consoleProtection"'));
  }
  // "once true it can never go back to false"
  if (
    context.olds?.enhanceL7policyEnable === true &&
    !k.unknowns.has("enhanceL7policyEnable") &&
    v.enhanceL7policyEnable !== true
  ) {
    out.push(
      failure(
        "enhanceL7policyEnable",
        `was true and can never go back to false, got ${q(v.enhanceL7policyEnable)}; keep it true or replace the listener`,
      ),
    );
  }
  if (context.cloud === "opentelekomcloud") {
    for (const name of HUAWEI_ONLY) {
      if (v[name] !== undefined)
        out.push(failure(name, "is a Huawei Cloud input; Open Telekom Cloud's API does not take it"));
    }
    if ((v.sniContainerRefs?.length ?? 0) > 30) {
      out.push(
        failure(
          "sniContainerRefs",
          `must hold at most 30 certificates on Open Telekom Cloud, got ${v.sniContainerRefs?.length}`,
        ),
      );
    }
  }
  return out;
}

/**
 * insertHeaderFailures checks the keys, values and aliases of insert headers for a listener of `protocol`: the plain
 * Boolean headers on any protocol (the digest's table says HTTP-family, but the OTC TCP create example sends
 * `X-Forwarded-ELB-IP` and gets it echoed, so the service takes them on TCP: digest §2.1, ◐), the processing mode on
 * HTTP and HTTPS, the TLS and client-certificate flags and every alias on HTTPS only.
 */
function insertHeaderFailures(headers: InsertHeaders, protocol: string): CheckFailure[] {
  const out: CheckFailure[] = [];
  const bad = (key: string, rule: string): void => {
    out.push({ property: "insertHeaders", reason: `insertHeaders ${JSON.stringify(key)} ${rule}` });
  };
  for (const key of Object.keys(headers).sort()) {
    const value = headers[key];
    if ((INSERT_HEADERS_L7 as readonly string[]).includes(key)) {
      if (typeof value !== "boolean") bad(key, `must be true or false, got ${q(value)}`);
    } else if (key === PROCESSING_MODE_HEADER) {
      if (protocol !== "HTTP" && protocol !== "HTTPS")
        bad(key, `applies to HTTP and HTTPS listeners only, not ${q(protocol)}`);
      else if (value !== "append" && value !== "remove" && value !== "preserve") {
        bad(key, `must be one of "append", "remove", "preserve", got ${q(value)}`);
      }
    } else if ((INSERT_HEADERS_HTTPS as readonly string[]).includes(key)) {
      if (protocol !== "HTTPS") bad(key, `applies to HTTPS listeners only, not ${q(protocol)}`);
      else if (typeof value !== "boolean") bad(key, `must be true or false, got ${q(value)}`);
    } else if (Object.hasOwn(ALIAS_OF, key)) {
      if (protocol !== "HTTPS") bad(key, `applies to HTTPS listeners only, not ${q(protocol)}`);
      else if (typeof value !== "string" || !HEADER_NAME.test(value)) {
        bad(key, `must be a header name of 1 to 40 letters, digits, underscores (_) or hyphens (-), got ${q(value)}`);
      }
    } else {
      bad(key, "is not an insert header of dedicated load balancers");
    }
  }
  return out;
}

/**
 * CheckedInputs is the result of checking: the typed inputs to store (Pulumi's unknown values passed through) when
 * every rule holds, else the failures.
 */
type CheckedInputs = CheckedOf<ElbV3ListenerProps, (typeof REQUIRED)[number]>;

/** TERRAFORM_NAMES are hints for inputs written with the Terraform providers' names. Ref: digest §8. */
const TERRAFORM_NAMES: ForeignNames = {
  names: {
    port: "use protocolPort",
    serverCertificate: "use defaultTlsContainerRef",
    caCertificate: "use clientCaTlsContainerRef",
    sniCertificate: "use sniContainerRefs",
    idleTimeout: "use keepaliveTimeout",
    keepAliveTimeout: "use keepaliveTimeout",
    requestTimeout: "use clientTimeout",
    responseTimeout: "use memberTimeout",
    advancedForwardingEnabled: "use enhanceL7policyEnable",
    advancedForwarding: "use enhanceL7policyEnable",
    memberRetryEnable: "use enableMemberRetry",
    ipGroup: "use ipgroup",
  },
};

/** checkInputs decodes raw inputs and applies every rule; never throws. */
export function checkInputs(raw: unknown, context: CheckContext = {}): CheckedInputs {
  return checkAgainst(RESOURCE, ELB_V3_LISTENER_PROPS, REQUIRED, raw, TERRAFORM_NAMES, (decoded) =>
    crossFieldFailures(decoded, context),
  );
}
