/**
 * The listener core's codecs: one io-ts codec per SLB listener setting, under the one input name it has on every
 * protocol (the names HttpsListener and `@pulumi/alicloud` already use), each with its documented rule, range and
 * default. A protocol's table (`../<protocol>/schema.ts`, `../schema.ts` for HTTPS) picks the settings it has from
 * LISTENER_PROPS and adds the few whose rule is its own (schedulers, UDP ports and thresholds).
 * Ref: shared/api-docs/aliyun-slb-CreateLoadBalancerHTTPSListener.md, "Request parameters";
 * aliyun-slb-listener-family.md §0 (which parameter each protocol has), §1 (HTTP, TCP and UDP rules).
 */
import * as t from "io-ts";
import { booleanValue, intRange, matching, oneOf } from "../../core/check";
import {
  ACL_IDS_PER_LISTENER,
  BANDWIDTH_MAX,
  HEALTH_CHECK_METHODS,
  TAGS_PER_LISTENER,
  TLS_CIPHER_POLICIES,
} from "../constants";

const onOff = oneOf(["on", "off"] as const);

/** nonEmptyString is a codec of identifiers and free text the documents do not constrain further. */
const nonEmptyString = matching("a non-empty string", (s) => s.length > 0);

/** isBandwidth tests the bandwidth rule: -1 (no limit) or 1 to BANDWIDTH_MAX. */
function isBandwidth(u: unknown): u is number {
  return typeof u === "number" && Number.isInteger(u) && (u === -1 || (u >= 1 && u <= BANDWIDTH_MAX));
}

/**
 * bandwidthCodec accepts -1 (no limit, pay-by-traffic instances) or 1 to 5120 Mbit/s on every protocol (the current
 * API; the older HTTPS page says 5000). Ref: aliyun-slb-listener-family.md §0, §1.2 [S1][S11][S12].
 */
const bandwidthCodec = new t.Type<number, number, unknown>(
  `-1 or an integer from 1 to ${BANDWIDTH_MAX}`,
  isBandwidth,
  (u, c) => (isBandwidth(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

const port = intRange(1, 65535);

/** descriptionRule is the description rule in words, as failures report it. */
function descriptionRule(max: number): string {
  return `1 to ${max} characters of letters, digits, Chinese characters, hyphens (-), slashes (/), periods (.) and underscores (_)`;
}
/**
 * descriptionPattern is made on the first description checked: V8 builds the set of `\p{Script=Han}` when it parses
 * a regular expression literal, which would slow every host's first check, whether or not it has a description.
 */
let descriptionPattern: RegExp | undefined;

/** isValidDescription tests the description rule (characters counted as code points). */
function isValidDescription(s: string, max: number): boolean {
  const length = Array.from(s).length;
  descriptionPattern ??= new RegExp("^[A-Za-z0-9\\p{Script=Han}\\-/._]+$", "u");
  return length >= 1 && length <= max && descriptionPattern.test(s);
}

/**
 * DESCRIPTION_SPACE_NOTE is added to the description failure when the value has spaces: the document's own example
 * ("Create a listener") has spaces, which its rule does not allow; the rule wins, and the message says so.
 */
const DESCRIPTION_SPACE_NOTE =
  'spaces are not allowed, although the document\'s own example "Create a listener" has them: the rule wins';

/** descriptionOf is the codec of a description of at most `max` characters; it explains a failure caused by spaces. */
function descriptionOf(max: number): t.Type<string, string, unknown> {
  const rule = descriptionRule(max);
  return new t.Type<string, string, unknown>(
    rule,
    (u): u is string => typeof u === "string" && isValidDescription(u, max),
    (u, c) => {
      if (typeof u === "string" && isValidDescription(u, max)) return t.success(u);
      const spaces = typeof u === "string" && / /.test(u);
      return t.failure(u, c, spaces ? `${rule} (${DESCRIPTION_SPACE_NOTE})` : undefined);
    },
    t.identity,
  );
}

/** HEALTH_CHECK_URI_RULE is the health check URI rule of the current API in words. */
const HEALTH_CHECK_URI_RULE = "1 to 80 characters of letters, digits and -/.%?#&, starting with / and not only /";

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

/** isStringList tells whether a value is an array of strings. */
function isStringList(u: unknown): u is string[] {
  return Array.isArray(u) && u.every((id) => typeof id === "string");
}

/** aclIdsCodec is the codec of aclIds. */
const aclIdsCodec = new t.Type<string[], string[], unknown>(
  ACL_IDS_RULE,
  (u): u is string[] => isStringList(u) && isValidAclIds(u),
  (u, c) => (isStringList(u) && isValidAclIds(u) ? t.success([...u]) : t.failure(u, c)),
  t.identity,
);

/** TAGS_RULE is the tags rule in words. */
const TAGS_RULE =
  `at most ${TAGS_PER_LISTENER} tags; a key of 1 to 64 characters not starting with "aliyun" or "acs:", a value of ` +
  'at most 128 characters not starting with "acs:", neither holding "http://" or "https://"';

function hasUrl(text: string): boolean {
  return text.includes("http://") || text.includes("https://");
}

/** isTags tests the Tag.N rules on an object of string values. Ref: aliyun-slb-https-extras.md §2 [S3][S24]. */
function isTags(u: unknown): u is Record<string, string> {
  if (u === null || typeof u !== "object" || Array.isArray(u)) return false;
  const entries = Object.entries(u);
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
  isTags,
  (u, c) => (isTags(u) ? t.success({ ...u }) : t.failure(u, c)),
  t.identity,
);

/** HEALTH_CHECK_TEXT_RULE is the UDP health-check request and answer rule in words. */
const HEALTH_CHECK_TEXT_RULE = "1 to 64 letters and digits";

/**
 * LISTENER_PROPS are the codecs of every listener setting, by the one input name it has on every protocol. Which
 * protocol has which setting is the matrix of aliyun-slb-listener-family.md §0 (INPUT_HOMES in table.ts).
 */
export const LISTENER_PROPS = {
  /**
   * The ID of the SLB instance. Changing it replaces the listener.
   * Ref: CreateLoadBalancer{HTTP,HTTPS,TCP,UDP}Listener, LoadBalancerId (required).
   */
  loadBalancerId: nonEmptyString,
  /**
   * The frontend port used by the SLB instance: an integer from 1 to 65535. Changing it replaces the listener.
   * Ref: CreateLoadBalancer{HTTP,HTTPS,TCP,UDP}Listener, ListenerPort (required).
   */
  listenerPort: port,
  /**
   * The peak bandwidth of the listener in Mbit/s: -1 (no limit, for pay-by-traffic Internet instances) or 1 to 5120.
   * Required on HTTPS, TCP and UDP listeners, optional on HTTP ones.
   * Ref: CreateLoadBalancer{HTTP,HTTPS,TCP,UDP}Listener, Bandwidth; aliyun-slb-listener-family.md §0 [S1][S11][S12].
   */
  bandwidth: bandwidthCodec,
  /**
   * Whether health checks are enabled: `"on"` or `"off"`. Required on HTTP and HTTPS listeners; on TCP and UDP
   * listeners it is sent as `HealthCheckSwitch` and defaults to `"on"`.
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, HealthCheck (required); aliyun-slb-listener-family.md §0 [S1][S3].
   */
  healthCheck: onOff,
  /**
   * The ID of the server certificate.
   * Ref: CreateLoadBalancerHTTPSListener, ServerCertificateId (required).
   */
  serverCertificateId: nonEmptyString,
  /**
   * Whether session persistence is enabled: `"on"` or `"off"`. When `"on"`, `stickySessionType` is required.
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, StickySession (required on HTTPS; default `"off"` on HTTP [S1][S11]).
   */
  stickySession: onOff,
  /**
   * The region of the SLB instance, e.g. `cn-hangzhou`. Changing it replaces the listener.
   * @default the configured region (`alicloud:region` or `ALICLOUD_REGION`)
   * Ref: Create…Listener, RegionId (required by the API; filled in from configuration here).
   */
  regionId: nonEmptyString,
  /**
   * The ID of the access control list bound to the listener. Required when `aclStatus` is `"on"`.
   * Ref: Create…Listener, AclId.
   */
  aclId: nonEmptyString,
  /**
   * Whether access control is enabled: `"on"` or `"off"`.
   * @default "off"
   * Ref: Create…Listener, AclStatus.
   */
  aclStatus: onOff,
  /**
   * The access control type: `"white"` (only listed addresses reach the listener) or `"black"` (listed addresses are
   * blocked). Required when `aclStatus` is `"on"`.
   * Ref: Create…Listener, AclType.
   */
  aclType: oneOf(["white", "black"] as const),
  /**
   * The backend port: an integer from 1 to 65535. Required when no server group (`vServerGroupId`, or on TCP and UDP
   * `masterSlaveServerGroupId`) is given. Changing it replaces the listener (no Set action can change it).
   * Ref: Create…Listener, BackendServerPort; aliyun-slb-listener-family.md §0, §2 [S1][S2].
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
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, Cookie.
   */
  cookie: matching(COOKIE_RULE, isValidCookie),
  /**
   * The cookie timeout in seconds: an integer from 1 to 86400. Required when `stickySession` is `"on"` and
   * `stickySessionType` is `"insert"`.
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, CookieTimeout.
   */
  cookieTimeout: intRange(1, 86400),
  /**
   * A description of the listener: 1 to 256 characters of letters, digits, Chinese characters, `-`, `/`, `.` and `_`
   * (HttpsListener: 1 to 80, its document's rule).
   * Ref: Create…Listener, Description; aliyun-slb-listener-family.md §0 ("1–256 in Tea") [S1][S11].
   */
  description: descriptionOf(256),
  /**
   * Whether HTTP/2 is enabled: `"on"` or `"off"`.
   * @default "on"
   * Ref: CreateLoadBalancerHTTPSListener, EnableHttp2.
   */
  enableHttp2: onOff,
  /**
   * Whether Gzip compression of specific file types is enabled: `"on"` or `"off"`.
   * @default "on"
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, Gzip.
   */
  gzip: onOff,
  /**
   * The port used for health checks: an integer from 1 to 65535 (TCP and UDP: the backend port when absent).
   * Ref: Create…Listener, HealthCheckConnectPort.
   */
  healthCheckConnectPort: port,
  /**
   * The domain name used for health checks: `"$_ip"` (the backend server's private IP) or 1 to 80 characters of
   * letters, digits, `-` and `.`. On a TCP listener it applies only when `healthCheckType` is `"http"`.
   * Ref: Create…Listener, HealthCheckDomain; aliyun-slb-listener-family.md §0 [S1][S7].
   */
  healthCheckDomain: matching(HEALTH_CHECK_DOMAIN_RULE, isValidHealthCheckDomain),
  /**
   * The HTTP status classes that mean healthy: a comma-separated list of `http_2xx`, `http_3xx`, `http_4xx`,
   * `http_5xx`. On a TCP listener it applies only when `healthCheckType` is `"http"`.
   * @default "http_2xx"
   * Ref: Create…Listener, HealthCheckHttpCode.
   */
  healthCheckHttpCode: matching(HEALTH_CHECK_HTTP_CODE_RULE, isValidHealthCheckHttpCode),
  /**
   * The interval between two health checks in seconds: an integer from 1 to 50 (sent as `healthCheckInterval`, lower
   * case, by a TCP or UDP create).
   * @default 2 on TCP and UDP (the documented Describe examples [S12][S13]); none on HTTP and HTTPS
   * Ref: Create…Listener, HealthCheckInterval; aliyun-slb-listener-family.md §0 [S6][S7].
   */
  healthCheckInterval: intRange(1, 50),
  /**
   * The health check timeout in seconds: an integer from 1 to 300 (`HealthCheckConnectTimeout` on TCP and UDP, where
   * it defaults to 5). When it is smaller than `healthCheckInterval` the API ignores it and uses the interval; `check`
   * applies the same rule, so state matches the program.
   * @default 5 on TCP and UDP [S1]; none on HTTP and HTTPS
   * Ref: Create…Listener, HealthCheckTimeout (note); aliyun-slb-listener-family.md §0 [S1][S2].
   */
  healthCheckTimeout: intRange(1, 300),
  /**
   * The URI used for health checks, e.g. `/test/index.html`: 1 to 80 characters of letters, digits and `-/.%?#&`,
   * starting with `/` and not only `/` (HttpsListener: any non-empty text). On a TCP listener it applies only when
   * `healthCheckType` is `"http"`.
   * Ref: Create…Listener, HealthCheckURI; aliyun-slb-listener-family.md §1.2; aliyun-slb-https-extras.md §2 [S1][S3].
   */
  healthCheckUri: matching(HEALTH_CHECK_URI_RULE, (s) => /^\/[-A-Za-z0-9/.%?#&]{1,79}$/.test(s)),
  /**
   * Consecutive successful health checks before a backend server counts as healthy: an integer from 2 to 10.
   * @default 3 on TCP and UDP (the documented Describe examples [S12][S13]); none on HTTP and HTTPS
   * Ref: Create…Listener, HealthyThreshold.
   */
  healthyThreshold: intRange(2, 10),
  /**
   * The idle connection timeout in seconds: an integer from 1 to 60.
   * @default 15
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, IdleTimeout.
   */
  idleTimeout: intRange(1, 60),
  /**
   * The request timeout in seconds: an integer from 1 to 180.
   * @default 60
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, RequestTimeout.
   */
  requestTimeout: intRange(1, 180),
  /**
   * How the session cookie is handled: `"insert"` (SLB inserts one) or `"server"` (SLB rewrites the backend's).
   * Required when `stickySession` is `"on"`.
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, StickySessionType.
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
   * @default 3 on TCP and UDP (the documented Describe examples [S12][S13]); none on HTTP and HTTPS
   * Ref: Create…Listener, UnhealthyThreshold.
   */
  unhealthyThreshold: intRange(2, 10),
  /**
   * The ID of the VServer group that receives the traffic. When absent, `backendServerPort` is required.
   * Ref: Create…Listener, VServerGroupId.
   */
  vServerGroupId: nonEmptyString,
  /**
   * Whether the X-Forwarded-For header carries the client address: `"on"` or `"off"`.
   * @default "on"
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, XForwardedFor.
   */
  xForwardedFor: onOff,
  /**
   * Whether the SLB-ID header carries the SLB instance ID: `"on"` or `"off"`.
   * @default "off"
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, XForwardedFor_SLBID.
   */
  xForwardedForSlbId: onOff,
  /**
   * Whether the SLB-IP header carries the SLB instance address: `"on"` or `"off"`.
   * @default "off"
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, XForwardedFor_SLBIP.
   */
  xForwardedForSlbIp: onOff,
  /**
   * Whether the X-Forwarded-Proto header carries the listener protocol: `"on"` or `"off"`.
   * @default "off"
   * Ref: CreateLoadBalancer{HTTP,HTTPS}Listener, XForwardedFor_proto.
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
   * Tags given to the listener at create (`Tag.N.Key` / `Tag.N.Value`, N 1 to 20); no Set action takes them. Keys
   * are 1 to 64 characters, not starting with `aliyun` or `acs:`; values at most 128, not starting with `acs:`; neither
   * holds `http://` or `https://`. On HTTP, TCP and UDP listeners a change replaces the listener; on an HttpsListener
   * it is ignored (not sent, not shown as a difference; the state keeps the listener's tags).
   * Ref: aliyun-slb-https-extras.md §2, Tag.N [S3][S24][S5]; aliyun-slb-listener-family.md §2.
   */
  tags: tagsCodec,
  /**
   * When true, create adopts a listener of the same protocol that already exists on the same `loadBalancerId` and
   * `listenerPort` (bringing it under management and applying these inputs to it) instead of failing with
   * ListenerAlreadyExists. A listener of another protocol on the port is a conflict, never adopted. Not sent to the
   * API; changing it later changes nothing.
   * @default false
   */
  adoptExisting: booleanValue,
  /**
   * The ID of a primary/secondary server group (TCP and UDP only); never together with `vServerGroupId`.
   * Ref: CreateLoadBalancer{TCP,UDP}Listener, MasterSlaveServerGroupId; aliyun-slb-listener-family.md §0, §1.2
   * [S1][S12][S18].
   */
  masterSlaveServerGroupId: nonEmptyString,
  /**
   * Whether the listener passes client addresses with the PROXY protocol v2: true or false (sent as `"true"` or
   * `"false"`; Describe answers a JSON boolean, the listener list a string).
   * @default false
   * Ref: CreateLoadBalancer{TCP,UDP}Listener, ProxyProtocolV2Enabled; aliyun-slb-listener-family.md §0, §3, §4 [S1].
   */
  proxyProtocolV2Enabled: booleanValue,
  /**
   * The session persistence timeout in seconds: an integer from 0 (off) to 3600.
   * @default 0
   * Ref: CreateLoadBalancerTCPListener, PersistenceTimeout [S1].
   */
  persistenceTimeout: intRange(0, 3600),
  /**
   * The connection timeout in seconds: an integer from 10 to 900.
   * @default 900 (Assumed: no default is documented; the documents' Describe example and Terraform use 900 [S12][S22])
   * Ref: CreateLoadBalancerTCPListener, EstablishedTimeout [S1].
   */
  establishedTimeout: intRange(10, 900),
  /**
   * Whether connection draining is enabled: `"on"` or `"off"`. With `"on"`, `connectionDrainTimeout` is required.
   * @default "off" (Assumed: no default is documented; draining is a switch to turn on)
   * Ref: CreateLoadBalancerTCPListener, ConnectionDrain [S1].
   */
  connectionDrain: onOff,
  /**
   * The connection draining timeout in seconds: an integer from 10 to 900; required when `connectionDrain` is `"on"`.
   * Ref: CreateLoadBalancerTCPListener, ConnectionDrainTimeout [S1].
   */
  connectionDrainTimeout: intRange(10, 900),
  /**
   * The health check type: `"tcp"` or `"http"`; `healthCheckUri`, `healthCheckDomain` and `healthCheckHttpCode` apply
   * only to `"http"`.
   * @default "tcp"
   * Ref: CreateLoadBalancerTCPListener, HealthCheckType [S1][S12].
   */
  healthCheckType: oneOf(["tcp", "http"] as const),
  /**
   * The request a UDP health check sends: 1 to 64 letters and digits (sent as the lowercase `healthCheckReq`).
   * Ref: CreateLoadBalancerUDPListener, healthCheckReq; aliyun-slb-listener-family.md §1.3 [S1][S13].
   */
  healthCheckReq: matching(HEALTH_CHECK_TEXT_RULE, (s) => /^[A-Za-z0-9]{1,64}$/.test(s)),
  /**
   * The answer a UDP health check expects: 1 to 64 letters and digits (sent as the lowercase `healthCheckExp`).
   * Ref: CreateLoadBalancerUDPListener, healthCheckExp; aliyun-slb-listener-family.md §1.3 [S1][S13].
   */
  healthCheckExp: matching(HEALTH_CHECK_TEXT_RULE, (s) => /^[A-Za-z0-9]{1,64}$/.test(s)),
  /**
   * Whether the HTTP listener redirects every request to an HTTPS listener: `"on"` or `"off"`. On a redirect listener
   * only `forwardPort` applies (every other setting is refused at check), no Set is ever sent, and any change
   * replaces the listener. Changing it replaces the listener.
   * @default "off"
   * Ref: CreateLoadBalancerHTTPListener, ListenerForward; aliyun-slb-listener-family.md §1.1 [S1][S16][S22][S28].
   */
  listenerForward: onOff,
  /**
   * The port of the HTTPS listener of the same load balancer that a redirect listener sends requests to; required when
   * `listenerForward` is `"on"`. Pass the HttpsListener's `listenerPort` output so the engine creates it first.
   * Changing it replaces the listener.
   * Ref: CreateLoadBalancerHTTPListener, ForwardPort; aliyun-slb-listener-family.md §1.1 [S1][S16][S35].
   */
  forwardPort: port,
};

/**
 * HTTPS_PAGE_PROPS are the two settings whose HttpsListener rule is its own document's (aliyun-slb-CreateLoadBalancer
 * HTTPSListener.md), kept so that no HttpsListener program that passed check fails it now.
 */
export const HTTPS_PAGE_PROPS = {
  /**
   * A description of the listener: 1 to 80 characters of letters, digits, Chinese characters, `-`, `/`, `.` and `_`.
   * (The document's own example, "Create a listener", has spaces and so breaks this rule.)
   * Ref: CreateLoadBalancerHTTPSListener, Description.
   */
  description: descriptionOf(80),
  /**
   * The URI used for health checks, e.g. `/test/index.html`.
   * Ref: CreateLoadBalancerHTTPSListener, HealthCheckURI.
   */
  healthCheckUri: nonEmptyString,
};

/** SCHEDULERS are each protocol's schedulers. Ref: aliyun-slb-listener-family.md §0 [S1][S12]. */
export const SCHEDULERS = {
  /** HTTPS keeps `wlc`, which older documents list and HttpsListener has always accepted. */
  https: ["wrr", "wlc", "rr"],
  http: ["wrr", "rr"],
  tcp: ["wrr", "rr", "sch", "tch"],
  udp: ["wrr", "rr", "sch", "tch", "qch"],
} as const;

/** schedulerOf is the codec of a protocol's schedulers. */
export function schedulerOf<T extends string>(schedulers: readonly T[]): t.Type<T, T, unknown> {
  return oneOf(schedulers);
}
