/**
 * The inputs of `ElbV2Listener` (a shared ELB v2 listener) as io-ts codecs, one per field of the v2 create body, the
 * tag API's tags and the one v3-only setting both Terraform providers set on a shared listener
 * (`transparent_client_ip_enable`), the digest's protocol and cross-field rules in one `crossFieldFailures`, the inputs
 * one cloud has and the other refuses, and the replace table. Nothing here throws on bad input.
 *
 * Ref: ../shared/api-docs/huawei-elb-v2-listener.md §2 (create body), §3 (PUT, fixed at creation), §7 (limits), §8
 * (Terraform), §9 (classic, shared, dedicated); opentelekomcloud-docs/elastic-load-balancing@15a87b5
 * api-ref/source/apis_v2.0/listener/adding_a_listener.rst.
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
import { V2_PROTOCOLS, V2_TLS_PROTOCOL, V2_UDP_RESERVED_PORT } from "../constants";

/** RESOURCE is the resource name used in check messages. */
export const RESOURCE = "ElbV2Listener";

/** TLS_CIPHERS_POLICIES are the documented `tls_ciphers_policy` values. Ref: digest §2 `tls_ciphers_policy`. */
const TLS_CIPHERS_POLICIES = ["tls-1-0-inherit", "tls-1-0", "tls-1-1", "tls-1-2", "tls-1-2-strict"] as const;

/** OTC_ONLY_POLICY is the policy the Huawei SDK's create enum (and the OTC Terraform validation) leave out. */
const OTC_ONLY_POLICY = "tls-1-0-inherit";

/** INSERT_HEADER_NAMES are the two Boolean insert headers of a shared listener (Huawei Cloud). Ref: digest §2. */
export const INSERT_HEADER_NAMES = ["X-Forwarded-ELB-IP", "X-Forwarded-Host"] as const;

/** INSERT_HEADER_DEFAULTS are the documented values of an insert header that is not set. Ref: digest §2. */
export const INSERT_HEADER_DEFAULTS: Readonly<Record<string, boolean>> = {
  "X-Forwarded-ELB-IP": false,
  "X-Forwarded-Host": true,
};

/**
 * MAX_TAGS is how many tags a listener takes: the tag API's error table says 10 ("number of tags exceed max num of
 * 10", VPC.1814), its request page 20; the lower one is kept, so a program never fails at apply on the limit.
 * Ref: apis_v2.0/tag/status_codes.rst, batch_adding_tags_to_a_listener.rst; digest §7.
 */
const MAX_TAGS = 10;

/** SNI_LIMIT is the most SNI certificates per cloud: OTC 30 (user guide), HW 50 (SDK). Ref: digest §2, §7. */
const SNI_LIMIT = { opentelekomcloud: 30, huaweicloud: 50 } as const;

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** HUAWEI_RESERVED_L7_PORT is the port Huawei Cloud's shared HTTP and TERMINATED_HTTPS listeners cannot use. */
const HUAWEI_RESERVED_L7_PORT = 21;
/** CLASSIC_ID is the shape of a classic (v1) load balancer id: 32 hexadecimal characters without dashes. */
const CLASSIC_ID = /^[0-9a-fA-F]{32}$/;
const TAG_TEXT = /^[A-Za-z0-9_-]*$/;

const chars = (s: string): number => [...s].length;
const text = (min: number, max: number): t.Type<string, string, unknown> =>
  matching(`${min} to ${max} characters`, (s) => chars(s) >= min && chars(s) <= max);
const id = (what: string, max: number): t.Type<string, string, unknown> =>
  matching(`${what} of 1 to ${max} characters`, (s) => chars(s) >= 1 && chars(s) <= max);

/** InsertHeaders are the shared listener's insert headers by their literal names, each true or false. */
type InsertHeaders = { readonly [header: string]: boolean };

function isInsertHeaders(u: unknown): u is InsertHeaders {
  if (u === null || typeof u !== "object" || Array.isArray(u)) return false;
  return Object.entries(u).every(
    ([k, v]) => (INSERT_HEADER_NAMES as readonly string[]).includes(k) && typeof v === "boolean",
  );
}

const insertHeadersCodec = new t.Type<InsertHeaders, InsertHeaders, unknown>(
  '{ "X-Forwarded-ELB-IP"?: true or false, "X-Forwarded-Host"?: true or false }',
  isInsertHeaders,
  (u, c) => (isInsertHeaders(u) ? t.success({ ...u }) : t.failure(u, c)),
  t.identity,
);

function isTags(u: unknown): u is Tags {
  if (u === null || typeof u !== "object" || Array.isArray(u)) return false;
  const entries = Object.entries(u);
  return (
    entries.length <= MAX_TAGS &&
    entries.every(
      ([k, v]) =>
        chars(k) >= 1 &&
        chars(k) <= 36 &&
        TAG_TEXT.test(k) &&
        typeof v === "string" &&
        chars(v) <= 43 &&
        TAG_TEXT.test(v),
    )
  );
}

const tagsCodec = new t.Type<Tags, Tags, unknown>(
  `a map of at most ${MAX_TAGS} tags: keys of 1 to 36 and values of 0 to 43 letters, digits, underscores (_) or hyphens (-)`,
  isTags,
  (u, c) => (isTags(u) ? t.success({ ...u }) : t.failure(u, c)),
  t.identity,
);

function isSni(u: unknown): u is string[] {
  return (
    Array.isArray(u) &&
    u.length <= SNI_LIMIT.huaweicloud &&
    u.every((x) => typeof x === "string" && chars(x) >= 1 && chars(x) <= 128) &&
    new Set(u).size === u.length
  );
}

const sniCodec = new t.Type<string[], string[], unknown>(
  "a list of at most 50 distinct certificate IDs of 1 to 128 characters each (Open Telekom Cloud: at most 30)",
  isSni,
  (u, c) => (isSni(u) ? t.success([...u]) : t.failure(u, c)),
  t.identity,
);

/**
 * ELB_V2_LISTENER_PROPS are the codecs of every input; each codec's name is the rule failure messages quote. The
 * TSDoc on each field (range, `@default`, wire name, `Ref:`) is what users read on `ElbV2ListenerArgs`.
 */
export const ELB_V2_LISTENER_PROPS = {
  /** The listener name, 0 to 255 characters. Updated in place. @default "" Wire `name`. Ref: digest §2 `name`. */
  name: text(0, 255),
  /** Description, 0 to 255 characters. Updated in place. @default "" Wire `description`. Ref: digest §2. */
  description: text(0, 255),
  /**
   * The shared load balancer, a UUID (a classic load balancer's 32-character id is refused: use ElbListener; a
   * dedicated one is refused before the create: use ElbV3Listener). Replaces when changed. Wire `loadbalancer_id`.
   * Ref: digest §2, §9.
   */
  loadbalancerId: matching("a shared load balancer ID (a UUID such as 0416b6f1-877f-4a51-987e-978b3f084253)", (s) =>
    UUID.test(s),
  ),
  /**
   * `TCP`, `UDP`, `HTTP` or `TERMINATED_HTTPS` (the shared API's spelling of HTTPS). Replaces when changed.
   * Wire `protocol`. Ref: digest §2 `protocol`.
   */
  protocol: oneOf(V2_PROTOCOLS),
  /**
   * The port, 1 to 65535 (not 4789 for UDP; on Huawei Cloud not 21 for HTTP and TERMINATED_HTTPS), one listener per
   * port and load balancer (UDP apart from the others). Replaces when changed.
   * Wire `protocol_port`. Ref: digest §2 `protocol_port`, §7.
   */
  protocolPort: intRange(1, 65535),
  /**
   * Maximum connections, -1 (no limit) to 2147483647; "reserved"; once the listener exists only an administrator may
   * change it. @default -1 Wire `connection_limit`. Ref: digest §2, §3.
   */
  connectionLimit: intRange(-1, 2147483647),
  /** Administrative state, "reserved" (Huawei Cloud: only true). Updated in place. @default true Wire `admin_state_up`. */
  adminStateUp: booleanValue,
  /** HTTP/2; TERMINATED_HTTPS only. Updated in place. @default false Wire `http2_enable`. Ref: digest §2. */
  http2Enable: booleanValue,
  /**
   * The default backend server group, 1 to 36 characters. Updated in place (removing it sends null).
   * Wire `default_pool_id`. Ref: digest §2, §3.
   */
  defaultPoolId: id("a backend server group ID", 36),
  /**
   * The server certificate, 1 to 128 characters (certificate IDs are 32); required for TERMINATED_HTTPS and
   * TERMINATED_HTTPS only. Updated in place; cannot be removed (ELB.9899). Wire `default_tls_container_ref`.
   */
  defaultTlsContainerRef: id("a certificate ID", 128),
  /**
   * The CA certificate for mutual TLS, 1 to 128 characters; TERMINATED_HTTPS only. Updated in place (removing it sends
   * null). Wire `client_ca_tls_container_ref`. Ref: digest §2.
   */
  clientCaTlsContainerRef: id("a certificate ID", 128),
  /**
   * SNI certificates, compared as a set (the API reorders them); Open Telekom Cloud up to 30, Huawei Cloud up to 50;
   * TERMINATED_HTTPS only. Updated in place; `[]` turns SNI off. @default [] Wire `sni_container_refs`. Ref: digest §2.
   */
  sniContainerRefs: sniCodec,
  /**
   * The TLS policy; TERMINATED_HTTPS only (`tls-1-0-inherit` on Open Telekom Cloud only). Updated in place.
   * @default "tls-1-0" Wire `tls_ciphers_policy`. Ref: digest §2.
   */
  tlsCiphersPolicy: oneOf(TLS_CIPHERS_POLICIES),
  /**
   * Huawei Cloud only: `X-Forwarded-ELB-IP` and `X-Forwarded-Host`, each true or false. Updated in place; a removed
   * header is sent with its default. @default { "X-Forwarded-ELB-IP": false, "X-Forwarded-Host": true }
   * Wire `insert_headers`. Ref: digest §2.
   */
  insertHeaders: insertHeadersCodec,
  /** Huawei Cloud only: `nonProtection` or `consoleProtection`. Updated in place. @default "nonProtection" Wire `protection_status`. */
  protectionStatus: protectionStatusCodec,
  /**
   * Huawei Cloud only: why the listener is protected, 0 to 255 characters without `<` or `>`; only with
   * consoleProtection. Updated in place. Wire `protection_reason`. Ref: digest §2.
   */
  protectionReason: protectionReasonCodec,
  /**
   * Tags, through the listener tag API (not the v2 body): at most 10. Updated in place. Wire `tags` of
   * `/v2.0/{project_id}/listeners/{id}/tags/action`. Ref: digest §1 (tags), §7.
   */
  tags: tagsCodec,
  /**
   * Pass the client IP to backends: TCP and UDP true or false, HTTP and TERMINATED_HTTPS only true. Not in the v2
   * body: set with the unified v3 PUT on the same listener after create and on update, as both Terraform providers do.
   * Wire `transparent_client_ip_enable` (v3). Ref: digest §2, §8.
   */
  transparentClientIpEnable: booleanValue,
  ...PLACE_PROPS,
};

/** ElbV2ListenerProps is the type of the codec table. */
type ElbV2ListenerProps = typeof ELB_V2_LISTENER_PROPS;

/** REQUIRED lists the inputs the document marks mandatory. */
export const REQUIRED = PORT_LISTENER_REQUIRED satisfies readonly (keyof ElbV2ListenerProps)[];

/** ElbV2ListenerInputs are checked inputs: the mandatory ones always present, the rest optional. */
export type ElbV2ListenerInputs = InputsOf<ElbV2ListenerProps, (typeof REQUIRED)[number]>;

/** V2InputName is the name of one input. */
export type V2InputName = keyof ElbV2ListenerProps;

/** INPUT_NAMES lists every input, in the document's order. */
export const INPUT_NAMES: V2InputName[] = inputNames(ELB_V2_LISTENER_PROPS);

/**
 * REPLACE_ON_CHANGE are the inputs PUT cannot change (fixed at creation: absent from both PUT models), plus region
 * and project (another place is another listener). Ref: digest §3 "Fixed at creation".
 */
export const REPLACE_ON_CHANGE: ReadonlySet<V2InputName> = new Set<V2InputName>([...FIXED_AT_CREATION]);

/** NOT_COMPARED are inputs that only steer `create` and never cause a diff. */
export const NOT_COMPARED: ReadonlySet<V2InputName> = new Set<V2InputName>(["adoptExisting"]);

/** SET_INPUTS are list inputs compared as sets: the API reorders SNI certificates. Ref: digest §4, §8 (#983/#984). */
export const SET_INPUTS: ReadonlySet<V2InputName> = new Set<V2InputName>(["sniContainerRefs"]);

/** HUAWEI_ONLY are the inputs of Huawei Cloud's v2 create body that Open Telekom Cloud's does not document. */
const HUAWEI_ONLY: readonly V2InputName[] = ["insertHeaders", "protectionStatus", "protectionReason"];

/** TLS_ONLY are the inputs that apply to TERMINATED_HTTPS listeners only. Ref: digest §2 protocol column. */
const TLS_ONLY: readonly V2InputName[] = [
  "defaultTlsContainerRef",
  "clientCaTlsContainerRef",
  "sniContainerRefs",
  "tlsCiphersPolicy",
  "http2Enable",
];

/** CheckContext is what check knows beside the new inputs: the stored ones and the target cloud. */
export interface CheckContext {
  /** The inputs stored by the last successful update (for rules about changes). */
  readonly olds?: Readonly<Record<string, unknown>>;
  /** The cloud the provider is configured for, when it can tell. */
  readonly cloud?: Cloud;
}

/** Known is the decoded view a rule sees: values known now, and which inputs are still unknown (preview). */
interface Known {
  readonly value: Partial<DecodedOf<ElbV2ListenerProps>>;
  readonly unknowns: ReadonlySet<string>;
  /** Inputs given with a value their codec refused (already reported). */
  readonly invalid: ReadonlySet<string>;
}

const q = (v: unknown): string => describeValue(v);
const CLOUD_NAME: Readonly<Record<Cloud, string>> = {
  opentelekomcloud: "Open Telekom Cloud",
  huaweicloud: "Huawei Cloud",
};

/**
 * crossFieldFailures applies every rule of the digest that involves more than one input, the protocol, the stored
 * inputs or the cloud. A rule whose inputs are unknown during preview is skipped.
 */
function crossFieldFailures(k: Known, context: CheckContext = {}): CheckFailure[] {
  const out: CheckFailure[] = [];
  const v = k.value;
  const p = k.unknowns.has("protocol") ? undefined : v.protocol;
  const tls = p === V2_TLS_PROTOCOL;
  if (p !== undefined) {
    for (const name of TLS_ONLY) {
      if (v[name] !== undefined && !tls)
        out.push(failure(name, `applies to TERMINATED_HTTPS listeners only, not ${q(p)}`));
    }
    // "This parameter is mandatory when protocol is set to TERMINATED_HTTPS."
    const certificate = "defaultTlsContainerRef";
    if (tls && v[certificate] === undefined && !k.unknowns.has(certificate) && !k.invalid.has(certificate)) {
      out.push(failure("defaultTlsContainerRef", 'is required when protocol is "TERMINATED_HTTPS"'));
    }
    // "If the protocol used by the listener is UDP, the port number cannot be 4789."
    if (p === "UDP" && v.protocolPort === V2_UDP_RESERVED_PORT) {
      out.push(failure("protocolPort", `cannot be ${V2_UDP_RESERVED_PORT} for a UDP listener (the port is reserved)`));
    }
    // v3 model: shared HTTP and TERMINATED_HTTPS listeners take only true.
    if ((p === "HTTP" || tls) && v.transparentClientIpEnable === false) {
      out.push(
        failure(
          "transparentClientIpEnable",
          `can only be true on shared ${p} listeners, got false (TCP and UDP take false)`,
        ),
      );
    }
  }
  // protection_reason is meaningful only with consoleProtection (digest §2).
  if (
    v.protectionReason !== undefined &&
    !k.unknowns.has("protectionStatus") &&
    v.protectionStatus !== "consoleProtection"
  ) {
    out.push(failure("protectionReason", 'applies only when protectionStatus is "consoleProtection"'));
  }
  // "connection_limit ... update: admin only" (digest §2, §3): a change on a listener that stays (no replacement).
  const olds = context.olds;
  const old = olds?.connectionLimit;
  const replaced = [...REPLACE_ON_CHANGE].some(
    (name) => olds !== undefined && (k.unknowns.has(name) || olds[name] !== v[name]),
  );
  if (
    olds !== undefined &&
    Object.keys(olds).length > 0 &&
    !replaced &&
    !k.unknowns.has("connectionLimit") &&
    (v.connectionLimit ?? -1) !== (typeof old === "number" ? old : -1)
  ) {
    out.push(
      failure(
        "connectionLimit",
        `can be changed only by an administrator once the listener exists, got ${q(v.connectionLimit)} ` +
          `(was ${q(old ?? -1)}); keep it or replace the listener`,
      ),
    );
  }
  const cloud = context.cloud;
  if (cloud === "opentelekomcloud") {
    for (const name of HUAWEI_ONLY) {
      if (v[name] !== undefined) {
        out.push(failure(name, "is a Huawei Cloud input; Open Telekom Cloud's shared ELB API does not take it"));
      }
    }
  }
  if (cloud === "huaweicloud") {
    if (v.tlsCiphersPolicy === OTC_ONLY_POLICY) {
      out.push(
        failure(
          "tlsCiphersPolicy",
          `"${OTC_ONLY_POLICY}" is an Open Telekom Cloud value; Huawei Cloud's shared ELB API does not take it`,
        ),
      );
    }
    if (v.adminStateUp === false) out.push(failure("adminStateUp", "can only be true on Huawei Cloud, got false"));
    // Huawei's v3 model: "shared HTTP and TERMINATED_HTTPS listeners cannot use port 21" (digest §2, ◐ for v2).
    if ((p === "HTTP" || tls) && v.protocolPort === HUAWEI_RESERVED_L7_PORT) {
      out.push(failure("protocolPort", `cannot be 21 for ${p} listeners on Huawei Cloud (the port is reserved)`));
    }
  }
  const sni = v.sniContainerRefs?.length ?? 0;
  if (cloud !== undefined && sni > SNI_LIMIT[cloud]) {
    out.push(
      failure(
        "sniContainerRefs",
        `must hold at most ${SNI_LIMIT[cloud]} certificates on ${CLOUD_NAME[cloud]}, got ${sni}`,
      ),
    );
  }
  return out;
}

/**
 * CheckedInputs is the result of checking: the typed inputs to store (Pulumi's unknown values passed through) when
 * every rule holds, else the failures.
 */
type CheckedInputs = CheckedOf<ElbV2ListenerProps, (typeof REQUIRED)[number]>;

/** NO_TIMEOUTS is why check refuses listener timeouts: the shared API has none to set. Ref: digest §2, §8 [S2]. */
const NO_TIMEOUTS =
  "the shared ELB v2 API has no listener timeouts, and neither Terraform provider sets them on a shared listener " +
  '(Open Telekom Cloud: they "can not be modified"); use ElbV3Listener on a dedicated load balancer';

/**
 * FOREIGN_NAMES are hints for names that are not inputs: settings the v2 body does not carry (refused, naming
 * ElbV3Listener or the official provider), and the Terraform providers' names. Ref: digest §2, §8.
 */
const FOREIGN_NAMES: ForeignNames = {
  names: {
    keepaliveTimeout: NO_TIMEOUTS,
    clientTimeout: NO_TIMEOUTS,
    memberTimeout: NO_TIMEOUTS,
    enableMemberRetry:
      "the shared ELB v2 API has no member retry (a v3 setting of HTTP listeners); use ElbV3Listener on a " +
      "dedicated load balancer",
    ipgroup:
      "ElbV2Listener does not set IP groups (only opentelekomcloud_lb_listener_v2's ip_group does, through the v3 " +
      "API); use the official provider, or ElbV3Listener on a dedicated load balancer",
    ipGroup:
      "ElbV2Listener does not set IP groups (only opentelekomcloud_lb_listener_v2's ip_group does, through the v3 " +
      "API); use the official provider, or ElbV3Listener on a dedicated load balancer",
    port: "use protocolPort",
    tenantId: "use projectId (Open Telekom Cloud takes the project from the token; a tenant_id must equal it)",
    loadbalancer: "use loadbalancerId",
  },
  values: {
    protocol: (v) =>
      typeof v === "string" && v.toUpperCase() === "HTTPS"
        ? 'a shared listener spells HTTPS "TERMINATED_HTTPS"'
        : undefined,
    loadbalancerId: (v) =>
      typeof v === "string" && CLASSIC_ID.test(v)
        ? "that is a classic load balancer ID (32 hexadecimal characters without dashes): use ElbListener"
        : undefined,
    insertHeaders: (v) =>
      v !== null && typeof v === "object" && ("xForwardedElbIp" in v || "xForwardedHost" in v)
        ? 'use the header names with Booleans: { "X-Forwarded-ELB-IP": true, "X-Forwarded-Host": true }'
        : undefined,
  },
};

/** checkInputs decodes raw inputs and applies every rule; never throws. */
export function checkInputs(raw: unknown, context: CheckContext = {}): CheckedInputs {
  return checkAgainst(RESOURCE, ELB_V2_LISTENER_PROPS, REQUIRED, raw, FOREIGN_NAMES, (decoded) =>
    crossFieldFailures({ ...decoded, invalid: new Set(decoded.failures.map((f) => f.property)) }, context),
  );
}

/** asSet is a list input as the diff compares it: sorted, so the API's order never shows as a change. */
export function asSet(value: unknown): unknown {
  return Array.isArray(value) && value.every((x) => typeof x === "string") ? [...(value as string[])].sort() : value;
}

/** comparable is a record of inputs with every SET_INPUTS list sorted, for comparison only. */
export function comparable<T extends Readonly<Record<string, unknown>>>(values: T): T {
  const out: Record<string, unknown> = { ...values };
  for (const name of SET_INPUTS) if (out[name] !== undefined) out[name] = asSet(out[name]);
  return out as T;
}
