/**
 * The HttpsListener input schema: one io-ts codec per request parameter of CreateLoadBalancerHTTPSListener, the
 * cross-field rules of the document as pure functions, and the defaults and normalisation the API applies, so that
 * `check` returns exactly what the listener will report back. Nothing here throws on bad input.
 * Ref: shared/api-docs/aliyun-slb-CreateLoadBalancerHTTPSListener.md, "Request parameters".
 */
import * as t from "io-ts";
import type { CheckFailure, ForeignNames } from "../core/check";
import { booleanValue, conforms, decodeInputs, failure, intRange, isUnknown, matching, oneOf } from "../core/check";
import {
  ACL_IDS_PER_LISTENER,
  HEALTH_CHECK_METHODS,
  TAGS_PER_LISTENER,
  TLS_CIPHER_POLICIES as DOCUMENTED_TLS_CIPHER_POLICIES,
} from "./constants";

/** RESOURCE_NAME is the resource name used in check messages. */
export const RESOURCE_NAME = "HttpsListener";

const onOff = oneOf(["on", "off"] as const);

/** nonEmptyString is a codec of identifiers and free text the document does not constrain further. */
const nonEmptyString = matching("a non-empty string", (s) => s.length > 0);

/** bandwidthCodec accepts -1 (no limit, pay-by-traffic instances) or 1 to 5000 Mbit/s. */
const bandwidthCodec = new t.Type<number, number, unknown>(
  "-1 or an integer from 1 to 5000",
  (u): u is number => typeof u === "number" && Number.isInteger(u) && (u === -1 || (u >= 1 && u <= 5000)),
  (u, c) =>
    typeof u === "number" && Number.isInteger(u) && (u === -1 || (u >= 1 && u <= 5000))
      ? t.success(u)
      : t.failure(u, c),
  t.identity,
);

const port = intRange(1, 65535);

/** DESCRIPTION_RULE is the description rule in words, as failures report it. */
const DESCRIPTION_RULE =
  "1 to 80 characters of letters, digits, Chinese characters, hyphens (-), slashes (/), periods (.) and underscores (_)";
/**
 * descriptionPattern is made on the first description checked: V8 builds the set of `\p{Script=Han}` when it parses
 * a regular expression literal, which would slow every host's first check, whether or not it has a description.
 */
let descriptionPattern: RegExp | undefined;

/** isValidDescription tests the description rule (characters counted as code points). */
function isValidDescription(s: string): boolean {
  const length = Array.from(s).length;
  descriptionPattern ??= new RegExp("^[A-Za-z0-9\\p{Script=Han}\\-/._]+$", "u");
  return length >= 1 && length <= 80 && descriptionPattern.test(s);
}

/**
 * DESCRIPTION_SPACE_NOTE is added to the description failure when the value has spaces: the document's own example
 * ("Create a listener") has spaces, which its rule does not allow; the rule wins, and the message says so.
 */
const DESCRIPTION_SPACE_NOTE =
  'spaces are not allowed, although the document\'s own example "Create a listener" has them: the rule wins';

/** descriptionCodec checks the description rule and explains a failure caused by spaces. */
const descriptionCodec = new t.Type<string, string, unknown>(
  DESCRIPTION_RULE,
  (u): u is string => typeof u === "string" && isValidDescription(u),
  (u, c) => {
    if (typeof u === "string" && isValidDescription(u)) return t.success(u);
    const spaces = typeof u === "string" && / /.test(u);
    return t.failure(u, c, spaces ? `${DESCRIPTION_RULE} (${DESCRIPTION_SPACE_NOTE})` : undefined);
  },
  t.identity,
);

/** COOKIE_RULE is the cookie rule in words. */
const COOKIE_RULE = "1 to 200 ASCII letters and digits (no comma, semicolon or space, not starting with $)";
/** isValidCookie tests the cookie rule; letters and digits only also excludes `,`, `;`, space and a leading `$`. */
function isValidCookie(s: string): boolean {
  return /^[A-Za-z0-9]{1,200}$/.test(s);
}

/** HEALTH_CHECK_DOMAIN_RULE is the health check domain rule in words. */
const HEALTH_CHECK_DOMAIN_RULE = '"$_ip" or 1 to 80 characters of letters, digits, hyphens (-) and periods (.)';
/** isValidHealthCheckDomain tests the health check domain rule. */
function isValidHealthCheckDomain(s: string): boolean {
  return s === "$_ip" || /^[A-Za-z0-9.-]{1,80}$/.test(s);
}

/** HTTP_CODES are the status classes a health check may accept. */
const HTTP_CODES = ["http_2xx", "http_3xx", "http_4xx", "http_5xx"] as const;
/** HEALTH_CHECK_HTTP_CODE_RULE is the health check HTTP code rule in words. */
const HEALTH_CHECK_HTTP_CODE_RULE = "a comma-separated list of http_2xx, http_3xx, http_4xx, http_5xx";
/** isValidHealthCheckHttpCode tests the comma-separated list rule. */
function isValidHealthCheckHttpCode(s: string): boolean {
  return s.split(",").every((code) => (HTTP_CODES as readonly string[]).includes(code));
}

/**
 * TLS_CIPHER_POLICIES are the security policies the documents list, `tls_cipher_policy_1_2_strict_with_1_3` (TLS 1.2
 * and 1.3) included. Ref: aliyun-slb-https-extras.md §2.1 [S3][S22].
 */
const TLS_CIPHER_POLICIES = DOCUMENTED_TLS_CIPHER_POLICIES;

/** ACL_IDS_RULE is the aclIds rule in words. */
const ACL_IDS_RULE = `a list of 1 to ${ACL_IDS_PER_LISTENER} distinct non-empty ACL ids without commas`;

/**
 * isValidAclIds tests the aclIds rule: at most ACL_IDS_PER_LISTENER ACLs per listener (default quota), none repeated;
 * an id cannot hold a comma, since the list is sent comma-joined. Ref: aliyun-slb-https-extras.md §2 [S3][S27][S21].
 */
function isValidAclIds(ids: readonly string[]): boolean {
  return (
    ids.length >= 1 &&
    ids.length <= ACL_IDS_PER_LISTENER &&
    ids.every((id) => id.length > 0 && !id.includes(",")) &&
    new Set(ids).size === ids.length
  );
}

/** aclIdsCodec is the codec of aclIds. */
const aclIdsCodec = new t.Type<string[], string[], unknown>(
  ACL_IDS_RULE,
  (u): u is string[] => Array.isArray(u) && u.every((id) => typeof id === "string") && isValidAclIds(u),
  (u, c) =>
    Array.isArray(u) && u.every((id): id is string => typeof id === "string") && isValidAclIds(u)
      ? t.success([...u])
      : t.failure(u, c),
  t.identity,
);

/** TAGS_RULE is the tags rule in words. */
const TAGS_RULE =
  `at most ${TAGS_PER_LISTENER} tags; a key of 1 to 64 characters not starting with "aliyun" or "acs:", a value of ` +
  'at most 128 characters not starting with "acs:", neither holding "http://" or "https://"';

function hasUrl(text: string): boolean {
  return text.includes("http://") || text.includes("https://");
}

/** isValidTags tests the Tag.N rules. Ref: aliyun-slb-https-extras.md §2 [S3][S24]. */
function isValidTags(tags: Readonly<Record<string, unknown>>): boolean {
  const entries = Object.entries(tags);
  return (
    entries.length <= TAGS_PER_LISTENER &&
    entries.every(
      ([key, value]) =>
        key.length >= 1 &&
        key.length <= 64 &&
        !/^(aliyun|acs:)/.test(key) &&
        !hasUrl(key) &&
        typeof value === "string" &&
        value.length <= 128 &&
        !value.startsWith("acs:") &&
        !hasUrl(value),
    )
  );
}

/** tagsCodec is the codec of tags: an object of string values. */
const tagsCodec = new t.Type<Record<string, string>, Record<string, string>, unknown>(
  TAGS_RULE,
  (u): u is Record<string, string> =>
    u !== null && typeof u === "object" && !Array.isArray(u) && isValidTags(u as Record<string, unknown>),
  (u, c) =>
    u !== null && typeof u === "object" && !Array.isArray(u) && isValidTags(u as Record<string, unknown>)
      ? t.success({ ...(u as Record<string, string>) })
      : t.failure(u, c),
  t.identity,
);

/** requiredProps are the inputs the document marks required (RegionId is optional here, see regionId). */
const requiredProps = {
  /**
   * The ID of the SLB instance. Changing it replaces the listener.
   * Ref: CreateLoadBalancerHTTPSListener, LoadBalancerId (required).
   */
  loadBalancerId: nonEmptyString,
  /**
   * The frontend port used by the SLB instance: an integer from 1 to 65535. Changing it replaces the listener.
   * Ref: CreateLoadBalancerHTTPSListener, ListenerPort (required).
   */
  listenerPort: port,
  /**
   * The peak bandwidth of the listener in Mbit/s: -1 (no limit, for pay-by-traffic Internet instances) or 1 to 5000.
   * Ref: CreateLoadBalancerHTTPSListener, Bandwidth (required).
   */
  bandwidth: bandwidthCodec,
  /**
   * Whether health checks are enabled: `"on"` or `"off"`.
   * Ref: CreateLoadBalancerHTTPSListener, HealthCheck (required).
   */
  healthCheck: onOff,
  /**
   * The ID of the server certificate.
   * Ref: CreateLoadBalancerHTTPSListener, ServerCertificateId (required).
   */
  serverCertificateId: nonEmptyString,
  /**
   * Whether session persistence is enabled: `"on"` or `"off"`. When `"on"`, `stickySessionType` is required.
   * Ref: CreateLoadBalancerHTTPSListener, StickySession (required).
   */
  stickySession: onOff,
};

/** optionalProps are the inputs the document marks optional, plus `regionId` and the provider's `adoptExisting`. */
const optionalProps = {
  /**
   * The region of the SLB instance, e.g. `cn-hangzhou`. Changing it replaces the listener.
   * @default the configured region (`alicloud:region` or `ALICLOUD_REGION`)
   * Ref: CreateLoadBalancerHTTPSListener, RegionId (required by the API; filled in from configuration here).
   */
  regionId: nonEmptyString,
  /**
   * The ID of the access control list bound to the listener. Required when `aclStatus` is `"on"`.
   * Ref: CreateLoadBalancerHTTPSListener, AclId.
   */
  aclId: nonEmptyString,
  /**
   * Whether access control is enabled: `"on"` or `"off"`.
   * @default "off"
   * Ref: CreateLoadBalancerHTTPSListener, AclStatus.
   */
  aclStatus: onOff,
  /**
   * The access control type: `"white"` (only listed addresses reach the listener) or `"black"` (listed addresses are
   * blocked). Required when `aclStatus` is `"on"`.
   * Ref: CreateLoadBalancerHTTPSListener, AclType.
   */
  aclType: oneOf(["white", "black"] as const),
  /**
   * The backend port: an integer from 1 to 65535. Required when `vServerGroupId` is not given. Changing it replaces
   * the listener (SetLoadBalancerHTTPSListenerAttribute cannot change it).
   * Ref: CreateLoadBalancerHTTPSListener, BackendServerPort.
   */
  backendServerPort: port,
  /**
   * The ID of the CA certificate; with a server certificate it makes the listener authenticate clients (two-way).
   * Ref: CreateLoadBalancerHTTPSListener, CACertificateId.
   */
  caCertificateId: nonEmptyString,
  /**
   * The cookie configured on the backend server: 1 to 200 ASCII letters and digits (no comma, semicolon or space, not
   * starting with `$`). Required when `stickySession` is `"on"` and `stickySessionType` is `"server"`.
   * Ref: CreateLoadBalancerHTTPSListener, Cookie.
   */
  cookie: matching(COOKIE_RULE, isValidCookie),
  /**
   * The cookie timeout in seconds: an integer from 1 to 86400. Required when `stickySession` is `"on"` and
   * `stickySessionType` is `"insert"`.
   * Ref: CreateLoadBalancerHTTPSListener, CookieTimeout.
   */
  cookieTimeout: intRange(1, 86400),
  /**
   * A description of the listener: 1 to 80 characters of letters, digits, Chinese characters, `-`, `/`, `.` and `_`.
   * (The document's own example, "Create a listener", has spaces and so breaks this rule.)
   * Ref: CreateLoadBalancerHTTPSListener, Description.
   */
  description: descriptionCodec,
  /**
   * Whether HTTP/2 is enabled: `"on"` or `"off"`.
   * @default "on"
   * Ref: CreateLoadBalancerHTTPSListener, EnableHttp2.
   */
  enableHttp2: onOff,
  /**
   * Whether Gzip compression of specific file types is enabled: `"on"` or `"off"`.
   * @default "on"
   * Ref: CreateLoadBalancerHTTPSListener, Gzip.
   */
  gzip: onOff,
  /**
   * The port used for health checks: an integer from 1 to 65535.
   * Ref: CreateLoadBalancerHTTPSListener, HealthCheckConnectPort.
   */
  healthCheckConnectPort: port,
  /**
   * The domain name used for health checks: `"$_ip"` (the backend server's private IP) or 1 to 80 characters of
   * letters, digits, `-` and `.`.
   * Ref: CreateLoadBalancerHTTPSListener, HealthCheckDomain.
   */
  healthCheckDomain: matching(HEALTH_CHECK_DOMAIN_RULE, isValidHealthCheckDomain),
  /**
   * The HTTP status classes that mean healthy: a comma-separated list of `http_2xx`, `http_3xx`, `http_4xx`,
   * `http_5xx`.
   * @default "http_2xx"
   * Ref: CreateLoadBalancerHTTPSListener, HealthCheckHttpCode.
   */
  healthCheckHttpCode: matching(HEALTH_CHECK_HTTP_CODE_RULE, isValidHealthCheckHttpCode),
  /**
   * The interval between two health checks in seconds: an integer from 1 to 50.
   * Ref: CreateLoadBalancerHTTPSListener, HealthCheckInterval.
   */
  healthCheckInterval: intRange(1, 50),
  /**
   * The health check timeout in seconds: an integer from 1 to 300. When it is smaller than `healthCheckInterval` the
   * API ignores it and uses the interval; `check` applies the same rule, so state matches the program.
   * Ref: CreateLoadBalancerHTTPSListener, HealthCheckTimeout (note).
   */
  healthCheckTimeout: intRange(1, 300),
  /**
   * The URI used for health checks, e.g. `/test/index.html`.
   * Ref: CreateLoadBalancerHTTPSListener, HealthCheckURI.
   */
  healthCheckUri: nonEmptyString,
  /**
   * Consecutive successful health checks before a backend server counts as healthy: an integer from 2 to 10.
   * Ref: CreateLoadBalancerHTTPSListener, HealthyThreshold.
   */
  healthyThreshold: intRange(2, 10),
  /**
   * The idle connection timeout in seconds: an integer from 1 to 60.
   * @default 15
   * Ref: CreateLoadBalancerHTTPSListener, IdleTimeout.
   */
  idleTimeout: intRange(1, 60),
  /**
   * The request timeout in seconds: an integer from 1 to 180.
   * @default 60
   * Ref: CreateLoadBalancerHTTPSListener, RequestTimeout.
   */
  requestTimeout: intRange(1, 180),
  /**
   * The scheduling algorithm: `"wrr"` (weighted round robin), `"wlc"` (weighted least connections) or `"rr"`.
   * @default "wrr"
   * Ref: CreateLoadBalancerHTTPSListener, Scheduler.
   */
  scheduler: oneOf(["wrr", "wlc", "rr"] as const),
  /**
   * How the session cookie is handled: `"insert"` (SLB inserts one) or `"server"` (SLB rewrites the backend's).
   * Required when `stickySession` is `"on"`.
   * Ref: CreateLoadBalancerHTTPSListener, StickySessionType.
   */
  stickySessionType: oneOf(["insert", "server"] as const),
  /**
   * The TLS security policy (guaranteed-performance instances only; a shared-performance one answers
   * InvalidParameter.SpecNotSupport, reported as an error naming this input): `tls_cipher_policy_1_0`,
   * `tls_cipher_policy_1_1`, `tls_cipher_policy_1_2`, `tls_cipher_policy_1_2_strict` or
   * `tls_cipher_policy_1_2_strict_with_1_3` (TLS 1.2 and 1.3).
   * Ref: CreateLoadBalancerHTTPSListener, TLSCipherPolicy; aliyun-slb-https-extras.md §2.1 [S3][S22][S31].
   */
  tlsCipherPolicy: oneOf(TLS_CIPHER_POLICIES),
  /**
   * Consecutive failed health checks before a backend server counts as unhealthy: an integer from 2 to 10.
   * Ref: CreateLoadBalancerHTTPSListener, UnhealthyThreshold.
   */
  unhealthyThreshold: intRange(2, 10),
  /**
   * The ID of the VServer group that receives the traffic. When absent, `backendServerPort` is required.
   * Ref: CreateLoadBalancerHTTPSListener, VServerGroupId.
   */
  vServerGroupId: nonEmptyString,
  /**
   * Whether the X-Forwarded-For header carries the client address: `"on"` or `"off"`.
   * @default "on"
   * Ref: CreateLoadBalancerHTTPSListener, XForwardedFor.
   */
  xForwardedFor: onOff,
  /**
   * Whether the SLB-ID header carries the SLB instance ID: `"on"` or `"off"`.
   * @default "off"
   * Ref: CreateLoadBalancerHTTPSListener, XForwardedFor_SLBID.
   */
  xForwardedForSlbId: onOff,
  /**
   * Whether the SLB-IP header carries the SLB instance address: `"on"` or `"off"`.
   * @default "off"
   * Ref: CreateLoadBalancerHTTPSListener, XForwardedFor_SLBIP.
   */
  xForwardedForSlbIp: onOff,
  /**
   * Whether the X-Forwarded-Proto header carries the listener protocol: `"on"` or `"off"`.
   * @default "off"
   * Ref: CreateLoadBalancerHTTPSListener, XForwardedFor_proto.
   */
  xForwardedForProto: onOff,
  /**
   * The HTTP method of health checks: `"head"` or `"get"`; effective only when `healthCheck` is `"on"`. No default is
   * documented (Assumed: the listener reports none until it is set), so leaving it out keeps the listener's value.
   * Ref: aliyun-slb-https-extras.md §2, HealthCheckMethod [S3][S4][S5].
   */
  healthCheckMethod: oneOf(HEALTH_CHECK_METHODS),
  /**
   * Several access control lists (1 to 3, the default quota per listener; none repeated), sent comma-joined in
   * `AclId` as Terraform's `acl_ids` does; Describe reports them as `AclIds.AclId[]`. Use instead of `aclId` (not both);
   * with `aclStatus` `"on"` one of them is required.
   * Ref: aliyun-slb-https-extras.md §2, AclId / AclIds [S3][S27][S21].
   */
  aclIds: aclIdsCodec,
  /**
   * Whether the `SLB-PORT` header carries the listener port: `"on"` or `"off"`.
   * @default "off"
   * Ref: aliyun-slb-https-extras.md §2, XForwardedFor_SLBPORT [S3][S4][S5].
   */
  xForwardedForSlbPort: onOff,
  /**
   * Whether the `X-Forwarded-Client-srcport` header carries the client's source port: `"on"` or `"off"`.
   * @default "off"
   * Ref: aliyun-slb-https-extras.md §2, XForwardedFor_ClientSrcPort [S3][S4][S5].
   */
  xForwardedForClientSrcPort: onOff,
  /**
   * Tags given to the listener at create (`Tag.N.Key` / `Tag.N.Value`, N 1 to 20). The API takes them at create only:
   * a change after create is ignored (not sent, not shown as a difference; the state keeps the listener's tags). Keys
   * are 1 to 64 characters, not starting with `aliyun` or `acs:`; values at most 128, not starting with `acs:`; neither
   * holds `http://` or `https://`.
   * Ref: aliyun-slb-https-extras.md §2, Tag.N [S3][S24][S5].
   */
  tags: tagsCodec,
  /**
   * When true, create adopts an HTTPS listener that already exists on the same `loadBalancerId` and `listenerPort`
   * (bringing it under management and applying these inputs to it) instead of failing with ListenerAlreadyExists.
   * Not sent to the API; changing it later changes nothing.
   * @default false
   */
  adoptExisting: booleanValue,
};

/** inputProps are all HttpsListener inputs, each with its codec. */
export const inputProps = { ...requiredProps, ...optionalProps };

/** InputName is the name of one HttpsListener input. */
export type InputName = keyof typeof inputProps;

/** RequiredInput is the name of an input the document requires. */
export type RequiredInput = keyof typeof requiredProps;

/** REQUIRED_INPUTS lists the inputs check requires. */
export const REQUIRED_INPUTS = Object.keys(requiredProps) as RequiredInput[];

/** HttpsListenerInputs is the decoded, typed form of the inputs; the resource's args derive from it. */
export type HttpsListenerInputs = t.TypeOf<t.TypeC<typeof requiredProps>> & t.TypeOf<t.PartialC<typeof optionalProps>>;

/**
 * API_DEFAULTS are the values the API applies when an input is absent, as the document states them. `check` fills
 * them in so the state written after create equals what a later read reports.
 */
const API_DEFAULTS = {
  aclStatus: "off",
  enableHttp2: "on",
  gzip: "on",
  healthCheckHttpCode: "http_2xx",
  idleTimeout: 15,
  requestTimeout: 60,
  scheduler: "wrr",
  xForwardedFor: "on",
  xForwardedForSlbId: "off",
  xForwardedForSlbIp: "off",
  xForwardedForProto: "off",
  xForwardedForSlbPort: "off",
  xForwardedForClientSrcPort: "off",
} as const satisfies Partial<HttpsListenerInputs>;

type Known = Partial<HttpsListenerInputs>;

/**
 * crossFieldFailures applies the document's conditional rules to decoded values. `given` names every input the
 * program set, valid or not, known or not: a value that is unknown (preview) or already failed its own rule counts as
 * present, so it is reported once. A rule whose deciding values are unknown or invalid is skipped.
 */
function crossFieldFailures(value: Known, given: ReadonlySet<string>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const present = (key: InputName): boolean => value[key] !== undefined || given.has(key);
  if (present("aclId") && present("aclIds")) {
    failures.push(failure("aclIds", "cannot be given with aclId; list every ACL in aclIds"));
  }
  if (value.aclStatus === "on") {
    if (!present("aclId") && !present("aclIds")) {
      failures.push(failure("aclId", "is required when aclStatus is on"));
    }
    if (!present("aclType")) failures.push(failure("aclType", "is required when aclStatus is on"));
  }
  if (!present("vServerGroupId") && !present("backendServerPort")) {
    failures.push(failure("backendServerPort", "is required when vServerGroupId is not given"));
  }
  if (value.stickySession === "on") {
    if (!present("stickySessionType")) {
      failures.push(failure("stickySessionType", "is required when stickySession is on"));
    } else if (value.stickySessionType === "insert" && !present("cookieTimeout")) {
      failures.push(failure("cookieTimeout", "is required when stickySession is on and stickySessionType is insert"));
    } else if (value.stickySessionType === "server" && !present("cookie")) {
      failures.push(failure("cookie", "is required when stickySession is on and stickySessionType is server"));
    }
  }
  return failures;
}

/**
 * normalise applies the API's documented defaults to absent inputs and its health check timeout rule (a timeout
 * smaller than the interval becomes the interval). Inputs present in `unknowns` are left alone.
 */
export function normalise<T extends Known>(value: T, unknowns: ReadonlySet<string> = new Set()): T {
  const out: Record<string, unknown> = { ...value };
  for (const [key, def] of Object.entries(API_DEFAULTS)) {
    if (out[key] === undefined && !unknowns.has(key)) out[key] = def;
  }
  const interval = out.healthCheckInterval;
  const timeout = out.healthCheckTimeout;
  if (typeof interval === "number" && typeof timeout === "number" && timeout < interval) {
    out.healthCheckTimeout = interval;
  }
  return out as T;
}

/**
 * CheckedInputs is what checkInputs returns: the typed inputs to store (values unknown in preview kept as they came)
 * when every rule holds, else the failures (and the raw inputs, without the serialized provider, for messages).
 */
type CheckedInputs =
  | { readonly ok: true; readonly inputs: HttpsListenerInputs; readonly failures: readonly [] }
  | {
      readonly ok: false;
      readonly inputs: Readonly<Record<string, unknown>>;
      readonly failures: readonly CheckFailure[];
    };

/**
 * SLB_LISTENER_NAMES are the hints check gives to inputs written for `@pulumi/alicloud` `slb.Listener` (the
 * Terraform `alicloud_slb_listener`): its names that HttpsListener spells differently, and its values of another type.
 * Ref: terraform-provider-alicloud `alicloud/resource_alicloud_slb_listener.go` and
 * `website/docs/r/slb_listener.html.markdown` (frontend_port, backend_port, server_group_id, ssl_certificate_id
 * deprecated for server_certificate_id, gzip as a Bool, the x_forwarded_for block of retrive_slb_ip / retrive_slb_id /
 * retrive_slb_proto, health_check_connect_port 0 to 65535 where 0 is left unset); `@pulumi/alicloud` 3.108.0
 * `slb/listener.d.ts` (the same names in camelCase).
 */
const SLB_LISTENER_NAMES: ForeignNames = {
  names: {
    frontendPort: "use listenerPort",
    backendPort: "use backendServerPort",
    serverGroupId: "use vServerGroupId",
    sslCertificateId: "use serverCertificateId",
    protocol: "an HttpsListener is always HTTPS, leave protocol out",
  },
  values: {
    gzip: (v) => (typeof v === "boolean" ? `slb.Listener's gzip: ${v} is gzip: "${v ? "on" : "off"}" here` : undefined),
    xForwardedFor: (v) =>
      v !== null && typeof v === "object"
        ? 'slb.Listener\'s xForwardedFor block is xForwardedFor: "on" here, with retriveSlbIp, retriveSlbId and ' +
          'retriveSlbProto as xForwardedForSlbIp, xForwardedForSlbId and xForwardedForProto ("on" or "off")'
        : undefined,
    healthCheckConnectPort: (v) =>
      v === 0 ? "leave healthCheckConnectPort out to check the backend port (what slb.Listener's 0 does)" : undefined,
  },
};

/**
 * checkInputs validates raw HttpsListener inputs (every rule of the document), then fills in the API defaults, the
 * health check timeout normalisation and, when absent, `regionId` from `defaultRegion`. Values unknown during preview
 * are kept and not judged. The reserved `__provider` key is dropped (the provider host re-adds it).
 */
export function checkInputs(raw: unknown, defaultRegion?: string): CheckedInputs {
  const decoded = decodeInputs(RESOURCE_NAME, inputProps, REQUIRED_INPUTS, raw, SLB_LISTENER_NAMES);
  const isObject = raw !== null && typeof raw === "object" && !Array.isArray(raw);
  const source: Record<string, unknown> = isObject ? { ...raw } : {};
  delete source.__provider;
  const given = new Set(Object.keys(source).filter((key) => source[key] !== undefined));
  const failures = [...decoded.failures, ...(isObject ? crossFieldFailures(decoded.value, given) : [])];
  if (failures.length > 0 || !conforms<typeof inputProps, RequiredInput>(raw, decoded)) {
    return { ok: false, inputs: source, failures: failures.length > 0 ? failures : decoded.failures };
  }
  const inputs: HttpsListenerInputs = { ...raw, ...normalise(decoded.value, decoded.unknowns) };
  Reflect.deleteProperty(inputs, "__provider");
  if (inputs.regionId === undefined && defaultRegion) inputs.regionId = defaultRegion;
  return { ok: true, inputs, failures: [] };
}

/** REPLACE_INPUTS are the inputs SetLoadBalancerHTTPSListenerAttribute cannot change: changing one replaces. */
export const REPLACE_INPUTS: readonly InputName[] = ["loadBalancerId", "listenerPort", "regionId", "backendServerPort"];

/** PROVIDER_ONLY_INPUTS are inputs of the provider, not of the API; they never cause an update. */
export const PROVIDER_ONLY_INPUTS: ReadonlySet<InputName> = new Set<InputName>(["adoptExisting"]);

/**
 * CREATE_ONLY_INPUTS are sent at create only: the Set action has no parameter for them, so a later change is ignored
 * rather than replacing the listener (which would take its port down). Ref: aliyun-slb-https-extras.md §2 (Tag.N).
 */
const CREATE_ONLY_INPUTS: ReadonlySet<InputName> = new Set<InputName>(["tags"]);

/**
 * LATER_DEFAULTS are inputs added after state was first written: a stored listener without them had the API default,
 * so an absent old value equal to the default is no change (no update on the first run after an upgrade).
 */
const LATER_DEFAULTS: ReadonlySet<InputName> = new Set<InputName>([
  "xForwardedForSlbPort",
  "xForwardedForClientSrcPort",
]);

/**
 * CLEARABLE_INPUTS are optional inputs without an API default that the Set action can remove; removing any other
 * such input leaves the listener's value as it is (the API has no way to clear it), so it is not a change.
 */
const CLEARABLE_INPUTS: ReadonlySet<InputName> = new Set<InputName>(["vServerGroupId"]);

/** COMPANION_GROUPS are inputs the Set action needs together: changing one sends the group, so the conditional rules still hold. */
export const COMPANION_GROUPS: readonly (readonly InputName[])[] = [
  ["stickySession", "stickySessionType", "cookie", "cookieTimeout"],
  ["aclStatus", "aclId", "aclIds", "aclType"],
  ["healthCheckInterval", "healthCheckTimeout"],
];

/** InputBag is inputs by name, checked or not (stored outputs, new inputs, unknown values in preview). */
type InputBag = Readonly<Partial<Record<InputName, unknown>>>;

/** DiffSummary is what changed between the stored outputs and new inputs. */
interface DiffSummary {
  readonly changed: InputName[];
  readonly replaces: InputName[];
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

const INPUT_NAMES = Object.keys(inputProps) as InputName[];

/**
 * diffInputs compares stored outputs with new (checked) inputs: an unknown new value is a change; an input the new
 * program leaves out is a change only if it has an API default (check fills that in) or the API can clear it;
 * `regionId` left out means the configured region.
 */
export function diffInputs(olds: InputBag, news: InputBag, configuredRegion?: string): DiffSummary {
  const changed: InputName[] = [];
  const defaults: InputBag = API_DEFAULTS;
  for (const key of INPUT_NAMES) {
    if (PROVIDER_ONLY_INPUTS.has(key) || CREATE_ONLY_INPUTS.has(key)) continue;
    let next: unknown = news[key];
    const prev: unknown = olds[key];
    if (prev === undefined && LATER_DEFAULTS.has(key) && same(next, defaults[key])) continue;
    if (key === "regionId" && next === undefined) next = configuredRegion ?? prev;
    if (isUnknown(next)) {
      changed.push(key);
      continue;
    }
    if (next === undefined) {
      if (prev === undefined) continue;
      const def = defaults[key];
      if (def !== undefined ? !same(def, prev) : CLEARABLE_INPUTS.has(key)) changed.push(key);
      continue;
    }
    if (!same(next, prev)) changed.push(key);
  }
  return { changed, replaces: changed.filter((key) => REPLACE_INPUTS.includes(key)) };
}
