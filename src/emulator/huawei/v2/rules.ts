/**
 * The shared ELB (v2) emulator's field rules: what each listener field accepts on its own, per cloud (Open Telekom
 * Cloud's `/v2.0/lbaas` or Huawei Cloud's `/v2/{project_id}/elb`), which protocols a field applies to, and the
 * protocol-dependent port rules. Pure functions that throw the service's V2Error; the state applies them and adds the
 * rules that need other objects (project, load balancer, certificates, ports, quota).
 * Ref: ../shared/api-docs/huawei-elb-v2-listener.md §2 (create body), §3 (update), §7 (limits).
 */
import { V2_PROTOCOLS } from "../constants";
import { V2_ERRORS, type V2Family } from "./errors";

/** V2Protocol is a shared listener protocol. */
export type V2Protocol = (typeof V2_PROTOCOLS)[number];

/** WireObject is a decoded JSON object of a request body. */
export type WireObject = Record<string, unknown>;

/** TLS is the protocol that takes certificates, SNI and a cipher policy. */
export const TLS: V2Protocol = "TERMINATED_HTTPS";

/** FIELDS_BOTH are the create/update body fields both clouds' v2 APIs document. Ref: §2 (OTC ✓ and HW ✓ rows). */
const FIELDS_BOTH = [
  "loadbalancer_id",
  "protocol",
  "protocol_port",
  "tenant_id",
  "project_id",
  "name",
  "description",
  "connection_limit",
  "admin_state_up",
  "http2_enable",
  "default_pool_id",
  "default_tls_container_ref",
  "client_ca_tls_container_ref",
  "sni_container_refs",
  "tls_ciphers_policy",
] as const;

/** FIELDS_HUAWEI_ONLY are the fields only Huawei Cloud's v2 body has. Ref: §2 (`insert_headers`, `protection_*`). */
const FIELDS_HUAWEI_ONLY = ["insert_headers", "protection_status", "protection_reason"] as const;

/** CREATE_ONLY are the fields fixed at creation, absent from both PUT models. Ref: §3 "Fixed at creation". */
export const CREATE_ONLY = ["protocol", "protocol_port", "loadbalancer_id", "tenant_id", "project_id"] as const;

/** CLEARABLE are the fields a PUT may set to `null` to remove the value. Ref: §3 (`default_pool_id` "null = none"). */
export const CLEARABLE = ["default_pool_id", "client_ca_tls_container_ref", "default_tls_container_ref"] as const;

/** TLS_CIPHERS_POLICIES are the documented `tls_ciphers_policy` values. Ref: §2 `tls_ciphers_policy`. */
const TLS_CIPHERS_POLICIES = ["tls-1-0-inherit", "tls-1-0", "tls-1-1", "tls-1-2", "tls-1-2-strict"] as const;

/** INSERT_HEADER_KEYS are the only `insert_headers` keys (boolean values). Ref: §2 "exactly these two bool keys". */
const INSERT_HEADER_KEYS = ["X-Forwarded-ELB-IP", "X-Forwarded-Host"] as const;

/** DEFAULT_INSERT_HEADERS are the insert headers a Huawei listener answers when created without any. Ref: §4 (S7 log). */
export const DEFAULT_INSERT_HEADERS: Readonly<Record<string, boolean>> = {
  "X-Forwarded-ELB-IP": false,
  "X-Forwarded-Host": true,
};

/** CloudRules are what differs between the two clouds' v2 APIs. */
interface CloudRules {
  /** The body fields the cloud accepts. */
  readonly fields: readonly string[];
  /** Whether a field outside `fields` is refused (true) or ignored. */
  readonly refusesUnknown: boolean;
  /** The most SNI certificates a listener takes. */
  readonly sniMax: number;
  /** The `tls_ciphers_policy` values the cloud takes. */
  readonly tlsPolicies: readonly string[];
  /** Whether `admin_state_up` can only be true. */
  readonly adminStateOnlyTrue: boolean;
  /** Whether HTTP and TERMINATED_HTTPS listeners are refused port 21. */
  readonly refusesPort21ForL7: boolean;
  /** Whether listener answers carry `project_id`. */
  readonly answersProjectId: boolean;
  /** Whether a paged list answers `listeners_links`. */
  readonly answersLinks: boolean;
}

/**
 * CLOUD_RULES are each route family's rules.
 * Ref: §2: OTC refuses fields it lacks the way upstream Neutron does ("Unrecognized attribute(s)", ◐); SNI "OTC ≤30
 * certs, HW SDK ≤50"; "HW SDK create enum and [TO] validation omit tls-1-0-inherit"; `admin_state_up` HW "only true";
 * §7 "HW v3: shared HTTP/TLS ≠ 21" (◐ for v2); §4 `project_id` "sometimes" on OTC (the GET example has none);
 * §1.1 links only in OTC's paged responses.
 */
export const CLOUD_RULES: Readonly<Record<V2Family, CloudRules>> = {
  otc: {
    fields: FIELDS_BOTH,
    refusesUnknown: true,
    sniMax: 30,
    tlsPolicies: TLS_CIPHERS_POLICIES,
    adminStateOnlyTrue: false,
    refusesPort21ForL7: false,
    answersProjectId: false,
    answersLinks: true,
  },
  huawei: {
    fields: [...FIELDS_BOTH, ...FIELDS_HUAWEI_ONLY],
    refusesUnknown: false,
    sniMax: 50,
    tlsPolicies: TLS_CIPHERS_POLICIES.filter((p) => p !== "tls-1-0-inherit"),
    adminStateOnlyTrue: true,
    refusesPort21ForL7: true,
    answersProjectId: true,
    answersLinks: false,
  },
};

/** isObject tells a JSON object (not an array, not null). */
export function isObject(v: unknown): v is WireObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** chars counts Unicode characters, as the documented lengths do. */
function chars(s: string): number {
  return [...s].length;
}

/** listenerBody reads `{"listener": {...}}`, or refuses it (ELB.0002). */
export function listenerBody(body: unknown): WireObject {
  if (!isObject(body) || !isObject(body.listener)) throw V2_ERRORS.bodyMissing();
  return body.listener;
}

/** checkKnownFields refuses the fields the cloud's v2 body does not have, where the cloud refuses them. */
export function checkKnownFields(raw: WireObject, family: V2Family): void {
  const rules = CLOUD_RULES[family];
  if (!rules.refusesUnknown) return;
  const unknown = Object.keys(raw).filter((k) => !rules.fields.includes(k));
  if (unknown.length > 0) throw V2_ERRORS.unrecognized(unknown);
}

/**
 * readPort reads `protocol_port`: an integer, or its decimal string (a Huawei sample request sends `"80"`, §4 S8;
 * upstream converts with convert_to_int). Refused outside 1–65535 (ELB.6041; §2 notes a contradicting "port 0 in
 * DR mode" text, ✘, not followed).
 */
export function readPort(v: unknown): number {
  const n = typeof v === "string" && /^\d{1,5}$/.test(v) ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 65535) throw V2_ERRORS.portInvalid(v);
  return n;
}

/** readProtocol reads `protocol`: one of the four v2 protocols (plain `HTTPS` is not one), else ELB.6061. */
export function readProtocol(v: unknown): V2Protocol {
  const found = V2_PROTOCOLS.find((p) => p === v);
  if (found === undefined) throw V2_ERRORS.protocolInvalid(v);
  return found;
}

const isBool = (v: unknown): v is boolean => typeof v === "boolean";
const isInt = (v: unknown, min: number, max: number): boolean =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

/** checkCertificateRef applies the reference rules: a string of at most 128 characters, 32 for a certificate id. */
function checkCertificateRef(field: string, v: unknown): void {
  if (typeof v !== "string" || chars(v) > 128) throw V2_ERRORS.invalid(field, `'${String(v)}' is not a valid string`);
  // Ref: ELB.5020 "The certificate ID must be 32 characters." (status table, Certificate rows).
  if (v.length !== 32) throw V2_ERRORS.certificateIdLength();
}

/**
 * checkFieldRules applies each non-null field's own rule for a cloud: types, lengths and enums. `updating` selects the
 * update codes of the name and description rules (ELB.6025/6035/6045 instead of ELB.6011/6021/6031).
 */
export function checkFieldRules(raw: WireObject, family: V2Family, updating: boolean): void {
  const rules = CLOUD_RULES[family];
  for (const [key, v] of Object.entries(raw)) {
    if (v === null || v === undefined || !rules.fields.includes(key)) continue;
    switch (key) {
      case "protocol":
        readProtocol(v);
        break;
      case "protocol_port":
        readPort(v);
        break;
      case "name":
        if (typeof v !== "string") throw V2_ERRORS.nameInvalid(updating, v);
        if (chars(v) > 255) throw V2_ERRORS.nameTooLong(updating, v);
        break;
      case "description":
        if (typeof v !== "string") throw V2_ERRORS.invalid(key, `'${String(v)}' is not a valid string`);
        if (chars(v) > 255) throw V2_ERRORS.descriptionTooLong(updating, v);
        break;
      // Assumed: default_pool_id is not resolved (the emulator holds no backend server groups), only its form.
      case "loadbalancer_id":
      case "default_pool_id":
        if (typeof v !== "string" || v.length === 0 || chars(v) > 36) {
          throw V2_ERRORS.invalid(key, `'${String(v)}' is not a valid UUID`);
        }
        break;
      case "tenant_id":
      case "project_id":
        if (typeof v !== "string" || v.length === 0 || chars(v) > 255) {
          throw V2_ERRORS.invalid(key, `'${String(v)}' is not a valid string`);
        }
        break;
      case "connection_limit":
        // Ref: §2 -1…2147483647.
        if (!isInt(v, -1, 2147483647))
          throw V2_ERRORS.invalid(key, `'${String(v)}' is not in range -1 through 2147483647`);
        break;
      case "admin_state_up":
        if (!isBool(v)) throw V2_ERRORS.invalid(key, `'${String(v)}' is not a valid boolean value`);
        // Ref: §2 admin_state_up, Huawei: "only true".
        if (!v && rules.adminStateOnlyTrue) throw V2_ERRORS.invalid(key, "the value can only be true");
        break;
      case "http2_enable":
        if (!isBool(v)) throw V2_ERRORS.invalid(key, `'${String(v)}' is not a valid boolean value`);
        break;
      case "default_tls_container_ref":
      case "client_ca_tls_container_ref":
        checkCertificateRef(key, v);
        break;
      case "sni_container_refs":
        if (!Array.isArray(v)) throw V2_ERRORS.invalid(key, `'${String(v)}' is not a list`);
        for (const ref of v) checkCertificateRef(key, ref);
        // Assumed: the wording of the count refusal (§6 ✘ "SNI over limit").
        if (new Set(v).size > rules.sniMax) throw V2_ERRORS.invalid(key, `at most ${rules.sniMax} certificates`);
        break;
      case "tls_ciphers_policy":
        if (typeof v !== "string" || !rules.tlsPolicies.includes(v)) {
          throw V2_ERRORS.invalid(
            key,
            `'${String(v)}' is not in [${rules.tlsPolicies.map((p) => `'${p}'`).join(", ")}]`,
          );
        }
        break;
      case "insert_headers":
        if (
          !isObject(v) ||
          Object.entries(v).some(([h, on]) => !(INSERT_HEADER_KEYS as readonly string[]).includes(h) || !isBool(on))
        ) {
          throw V2_ERRORS.invalid(key, "only X-Forwarded-ELB-IP and X-Forwarded-Host, true or false");
        }
        break;
      case "protection_status":
        if (v !== "nonProtection" && v !== "consoleProtection") {
          throw V2_ERRORS.invalid(key, `'${String(v)}' is not in ['nonProtection', 'consoleProtection']`);
        }
        break;
      case "protection_reason":
        if (typeof v !== "string" || chars(v) > 255)
          throw V2_ERRORS.invalid(key, `'${String(v)}' is not a valid string`);
        break;
    }
  }
}

/**
 * checkProtocolRules applies the rules that depend on the listener's protocol to a body's non-null fields: the
 * certificates and a non-empty SNI list are for TERMINATED_HTTPS only (Assumed: refused elsewhere, §2 "TLS only"
 * without a documented answer); UDP never on port 4789 (§2, §7); on Huawei Cloud, HTTP and TERMINATED_HTTPS never on
 * port 21 (§7, the v3 model's rule, ◐ for v2). `http2_enable` and `tls_ciphers_policy` are taken on every protocol
 * (§2 "accepted for all"; Assumed for the policy, which a non-TLS listener answers as null).
 */
export function checkProtocolRules(raw: WireObject, protocol: V2Protocol, port: number, family: V2Family): void {
  const set = (key: string): boolean => raw[key] !== undefined && raw[key] !== null;
  if (protocol !== TLS) {
    for (const key of ["default_tls_container_ref", "client_ca_tls_container_ref"]) {
      if (set(key)) throw V2_ERRORS.invalid(key, "only TERMINATED_HTTPS listeners take it");
    }
    if (Array.isArray(raw.sni_container_refs) && raw.sni_container_refs.length > 0) {
      throw V2_ERRORS.invalid("sni_container_refs", "only TERMINATED_HTTPS listeners take it");
    }
  }
  if (protocol === "UDP" && port === 4789) {
    throw V2_ERRORS.invalid("protocol_port", "UDP listeners cannot use port 4789");
  }
  if (CLOUD_RULES[family].refusesPort21ForL7 && (protocol === "HTTP" || protocol === TLS) && port === 21) {
    throw V2_ERRORS.invalid("protocol_port", "HTTP and TERMINATED_HTTPS listeners cannot use port 21");
  }
}

/**
 * portFamily groups the protocols that share a port space on one load balancer: TCP and HTTP(S) one, UDP the other.
 * Ref: python-otcextensions#79 (github.com/opentelekomcloud/python-otcextensions/pull/79: a UDP and a TCP listener on
 * one port of a shared load balancer through the API); §7 (HW v3 separates the two port spaces, ◐).
 */
export function portFamily(protocol: V2Protocol): "tcp" | "udp" {
  return protocol === "UDP" ? "udp" : "tcp";
}
