/**
 * ElbV2Listener to and from the wire: the v2 create body and the v2 PUT body (only what changed, `null` where the
 * program removed a reference the API clears, the documented default where it cannot), the tag API's changes, the v3
 * PUT body of the one setting v2 lacks, and the tolerant reader of every documented listener shape back into inputs.
 * Ref: ../shared/api-docs/huawei-elb-v2-listener.md §2 (create), §3 (PUT), §4 (listener object and its odd forms).
 */
import { loadBalancerOf, type WireTag, type WireV3Object } from "../client";
import type { V2RouteFamily } from "../constants";
import { V2_TLS_PROTOCOL } from "../constants";
import type { Tags } from "../listener/codecs";
import {
  INPUT_NAMES,
  INSERT_HEADER_DEFAULTS,
  INSERT_HEADER_NAMES,
  type ElbV2ListenerInputs,
  type V2InputName,
} from "./schema";

/**
 * WIRE_NAMES maps each input the v2 body carries to its wire name; tags (tag API), transparentClientIpEnable (v3
 * PUT), region, projectId and adoptExisting are not in the v2 body.
 */
export const WIRE_NAMES: Readonly<Partial<Record<V2InputName, string>>> = {
  name: "name",
  description: "description",
  loadbalancerId: "loadbalancer_id",
  protocol: "protocol",
  protocolPort: "protocol_port",
  connectionLimit: "connection_limit",
  adminStateUp: "admin_state_up",
  http2Enable: "http2_enable",
  defaultPoolId: "default_pool_id",
  defaultTlsContainerRef: "default_tls_container_ref",
  clientCaTlsContainerRef: "client_ca_tls_container_ref",
  sniContainerRefs: "sni_container_refs",
  tlsCiphersPolicy: "tls_ciphers_policy",
  insertHeaders: "insert_headers",
  protectionStatus: "protection_status",
  protectionReason: "protection_reason",
};

/** V3_WIRE_NAMES maps the inputs set through the unified v3 PUT on the shared listener. Ref: digest §1, §8. */
export const V3_WIRE_NAMES: Readonly<Partial<Record<V2InputName, string>>> = {
  transparentClientIpEnable: "transparent_client_ip_enable",
};

/** V2Body is a create or PUT body's listener object, by wire name. */
type V2Body = Record<string, unknown>;

/**
 * REMOVED_VALUES is what a PUT sends for an input the program removed: `null` for the references the API clears
 * (`default_pool_id`: "null = none", digest §3; Assumed: `client_ca_tls_container_ref` and `protection_reason` clear
 * the same way, as upstream Neutron's nullable references do), else the documented default. Inputs absent here
 * (defaultTlsContainerRef: ELB.9899 refuses null; the fixed ones) are not sent.
 */
const REMOVED_VALUES: Readonly<Partial<Record<V2InputName, unknown>>> = {
  name: "",
  description: "",
  connectionLimit: -1,
  adminStateUp: true,
  http2Enable: false,
  defaultPoolId: null,
  clientCaTlsContainerRef: null,
  sniContainerRefs: [],
  tlsCiphersPolicy: "tls-1-0",
  insertHeaders: { ...INSERT_HEADER_DEFAULTS },
  protectionStatus: "nonProtection",
  protectionReason: null,
};

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (value !== null && typeof value === "object") return { ...value };
  return value;
}

/** createBody is the POST body's listener object: every input the v2 body carries that is set, by wire name. */
export function createBody(inputs: ElbV2ListenerInputs): V2Body {
  const body: V2Body = {};
  for (const name of INPUT_NAMES) {
    const wire = WIRE_NAMES[name];
    const value = inputs[name];
    if (wire !== undefined && value !== undefined) body[wire] = copy(value);
  }
  return body;
}

/**
 * updateBody is the v2 PUT body's listener object for the inputs in `changed`: the new value, or for a removed one
 * its REMOVED_VALUES entry. Insert headers are sent whole: a header the program removed goes back to its default.
 */
export function updateBody(
  olds: Partial<ElbV2ListenerInputs>,
  news: Partial<ElbV2ListenerInputs>,
  changed: readonly V2InputName[],
): V2Body {
  const body: V2Body = {};
  for (const name of changed) {
    const wire = WIRE_NAMES[name];
    if (wire === undefined) continue;
    const value = news[name];
    if (name === "insertHeaders") {
      const merged: Record<string, boolean> = {};
      for (const key of Object.keys(olds.insertHeaders ?? {})) {
        if (Object.hasOwn(INSERT_HEADER_DEFAULTS, key)) merged[key] = INSERT_HEADER_DEFAULTS[key];
      }
      body[wire] = { ...merged, ...(news.insertHeaders ?? {}) };
    } else if (value !== undefined) body[wire] = copy(value);
    else if (Object.hasOwn(REMOVED_VALUES, name)) body[wire] = copy(REMOVED_VALUES[name]);
  }
  return body;
}

/** v3Body is the unified v3 PUT body's listener object for the v3-only inputs that are set. */
export function v3Body(inputs: Partial<ElbV2ListenerInputs>): V2Body {
  const body: V2Body = {};
  for (const [name, wire] of Object.entries(V3_WIRE_NAMES)) {
    const value = inputs[name as V2InputName];
    if (wire !== undefined && value !== undefined) body[wire] = value;
  }
  return body;
}

/** TagChanges are the tag API calls that turn one tag map into another. */
interface TagChanges {
  /** Tags to add or overwrite (`action: create` overwrites a key's value). */
  readonly create: readonly WireTag[];
  /** Tags to remove (`action: delete`). */
  readonly delete: readonly WireTag[];
}

/** tagChanges lists the tag API calls from `current` to `wanted`. Ref: batch_adding_tags_to_a_listener.rst. */
export function tagChanges(current: Tags | undefined, wanted: Tags | undefined): TagChanges {
  const from = current ?? {};
  const to = wanted ?? {};
  return {
    create: Object.entries(to)
      .filter(([key, value]) => from[key] !== value)
      .map(([key, value]) => ({ key, value })),
    delete: Object.entries(from)
      .filter(([key]) => !Object.hasOwn(to, key))
      .map(([key, value]) => ({ key, value })),
  };
}

/** tagsFromWire is the tag API's list as a map. */
export function tagsFromWire(tags: readonly WireTag[]): Tags {
  return Object.fromEntries(tags.map((t) => [t.key, t.value]));
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);
/** num reads an integer, also written as a string of digits (a Huawei sample sends `"80"`, digest §2). */
const num = (v: unknown): number | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
};
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === "string") ? [...(v as string[])] : undefined;

/** TLS_POLICY_VALUES are the values the empty-string key of the documented example may hold for a policy. */
const TLS_POLICY_VALUES = ["tls-1-0-inherit", "tls-1-0", "tls-1-1", "tls-1-2", "tls-1-2-strict"];

/**
 * fromWire reads a listener object back into inputs, tolerantly: the load balancer from `loadbalancers[0].id` (or a
 * `loadbalancer_id`), `null` references as "not set", the TLS settings only on TERMINATED_HTTPS (a TCP listener
 * answers `http2_enable: false` and `tls_ciphers_policy: null`), the documented example's `""` key holding the policy
 * when `tls_ciphers_policy` is absent, a port written as a string, and the Huawei-only fields only from Huawei Cloud's
 * routes. The body's `tags: []` is not read (tags live in the tag API), nor `tenant_id`/`project_id` (the place).
 */
export function fromWire(l: Readonly<Record<string, unknown>>, family: V2RouteFamily): Partial<ElbV2ListenerInputs> {
  const out: Record<string, unknown> = {};
  const protocol = str(l.protocol);
  const tls = protocol === V2_TLS_PROTOCOL;
  out.loadbalancerId = loadBalancerOf(l);
  out.protocol = protocol;
  out.protocolPort = num(l.protocol_port);
  out.name = str(l.name);
  out.description = str(l.description);
  out.connectionLimit = num(l.connection_limit);
  out.adminStateUp = bool(l.admin_state_up);
  out.defaultPoolId = str(l.default_pool_id) || undefined;
  if (tls) {
    out.http2Enable = bool(l.http2_enable);
    out.defaultTlsContainerRef = str(l.default_tls_container_ref) || undefined;
    out.clientCaTlsContainerRef = str(l.client_ca_tls_container_ref) || undefined;
    out.sniContainerRefs = strings(l.sni_container_refs);
    const typo = str(l[""]);
    out.tlsCiphersPolicy =
      str(l.tls_ciphers_policy) ??
      (l.tls_ciphers_policy === undefined && typo !== undefined && TLS_POLICY_VALUES.includes(typo) ? typo : undefined);
  }
  if (family === "huawei") {
    const headers = l.insert_headers;
    if (headers !== null && typeof headers === "object" && !Array.isArray(headers)) {
      out.insertHeaders = Object.fromEntries(
        Object.entries(headers).filter(
          ([k, v]) => (INSERT_HEADER_NAMES as readonly string[]).includes(k) && typeof v === "boolean",
        ),
      );
    }
    out.protectionStatus = str(l.protection_status);
    if (out.protectionStatus === "consoleProtection") out.protectionReason = str(l.protection_reason);
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as Partial<ElbV2ListenerInputs>;
}

/**
 * transparentFromV3 reads `transparent_client_ip_enable` of a v3 GET of the shared listener; only a Boolean counts
 * (Huawei Terraform types it as a string, the API as a Boolean).
 */
export function transparentFromV3(l: WireV3Object): boolean | undefined {
  return bool(l.transparent_client_ip_enable);
}

/**
 * timestamp is a listener time as an ISO 8601 UTC string: the v2 API writes `YYYY-MM-DDTHH:MM:SS` without a zone
 * (documented as UTC), the v3 API adds `Z`. Ref: digest §4 `created_at`.
 */
export function timestamp(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value) ? `${value}Z` : value;
}

/** ElbV2ListenerOutputs are the stored state: the checked inputs plus what the API reports. */
export type ElbV2ListenerOutputs = ElbV2ListenerInputs & {
  /** When the listener was created (`created_at`, UTC, with `Z`). */
  readonly createdAt?: string;
  /** When the listener was last updated (`updated_at`, UTC, with `Z`). */
  readonly updatedAt?: string;
  /** The region the listener lives in (the input, else the configured region at creation). */
  readonly resolvedRegion: string;
  /** The project the listener lives in (the input, else the configured project at creation). */
  readonly resolvedProjectId: string;
};

/** V2_OUTPUT_NAMES are the properties that are outputs only. */
export const V2_OUTPUT_NAMES = ["createdAt", "updatedAt", "resolvedRegion", "resolvedProjectId"] as const;
