/**
 * Redaction of a recording, so that it can be committed to a public repository. Pure: it takes the raw calls and what
 * the run knows (its secrets, the account's identifiers) and returns new calls.
 *
 * - Credentials never reach the raw files (the recorder sits above signing), but every parameter or header name that
 *   could carry one is removed anyway, and any secret value found anywhere becomes `[redacted]`.
 * - Each account identifier (project, account, load balancer, certificate, listener, extension and request ids, the
 *   ones the run was given and the ones found in answers under those keys) becomes a placeholder of the same form,
 *   the same placeholder for the same value across the recording, so the recording replays as it was made.
 * - Start times become offsets from the first call.
 */
import type { RecordedCall } from "../core/recorder";

/** REMOVED_KEYS are parameter, header and field names dropped wherever they appear. */
const REMOVED_KEYS: ReadonlySet<string> = new Set(
  [
    "AccessKeyId",
    "AccessKeySecret",
    "Signature",
    "SignatureMethod",
    "SignatureNonce",
    "SignatureVersion",
    "SecurityToken",
    "Timestamp",
    "Authorization",
    "X-Auth-Token",
    "X-Security-Token",
    "X-Sdk-Date",
  ].map((k) => k.toLowerCase()),
);

/** ID_KEYS are the answer and request fields whose values are the account's identifiers. */
export const ID_KEYS: ReadonlySet<string> = new Set(
  [
    "RequestId",
    "request_id",
    "LoadBalancerId",
    "loadbalancer_id",
    "ServerCertificateId",
    "CACertificateId",
    "DomainExtensionId",
    "VServerGroupId",
    "AclId",
    "id",
    "listener_id",
    "tenant_id",
    "project_id",
    "certificate_id",
    "default_tls_container_ref",
    "client_ca_tls_container_ref",
    "default_pool_id",
    "OwnerId",
    "ResourceOwnerId",
    "AccountId",
    "domain_id",
    "ipgroup_id",
    "security_policy_id",
  ].map((k) => k.toLowerCase()),
);

/** RedactionInput is what the run knows besides its calls. */
interface RedactionInput {
  /** secrets are values that must not survive anywhere (keys, tokens). */
  readonly secrets: readonly string[];
  /** identifiers are the account ids the run was given (load balancers, certificates, project). */
  readonly identifiers: readonly string[];
}

/** RedactedCall is a recorded call after redaction: its start is an offset from the first call. */
export type RedactedCall = Omit<RecordedCall, "startedAt"> & { readonly atMs: number };

/** Redaction is the result: the calls and the placeholder given to each identifier (kept only in memory). */
interface Redaction {
  readonly calls: readonly RedactedCall[];
  readonly placeholders: ReadonlyMap<string, string>;
}

const MIN_ID_LENGTH = 6;

/**
 * placeholderFor makes a stand-in of the same form as an id: letters, digits, dashes and the prefix before the first
 * dash are kept in place (`lb-bp1x...` -> `lb-rec...`), so a check that reads the id's form accepts the stand-in; the
 * rest spells the counter `n` in the id's own alphabet (hexadecimal stays hexadecimal).
 */
export function placeholderFor(value: string, n: number): string {
  const dash = value.indexOf("-");
  const prefix = dash > 0 && dash <= 5 && /^[a-z]+$/.test(value.slice(0, dash)) ? value.slice(0, dash + 1) : "";
  const body = value.slice(prefix.length);
  const hex = /^[0-9a-f-]+$/.test(body);
  const digits = String(n);
  const slots = [...body].filter((ch) => /[0-9A-Za-z]/.test(ch)).length;
  const filler = (hex ? "0" : "r").repeat(Math.max(0, slots - digits.length)) + digits;
  let i = 0;
  const out = [...body].map((ch) => (/[0-9A-Za-z]/.test(ch) ? (filler[i++] ?? "0") : ch)).join("");
  return prefix + out;
}

/** collectIds walks a value and adds every string found under an ID_KEYS field. */
function collectIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into);
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value)) {
    if (ID_KEYS.has(key.toLowerCase())) {
      if (typeof inner === "string" && inner.length >= MIN_ID_LENGTH) into.add(inner);
      if (Array.isArray(inner))
        for (const s of inner) if (typeof s === "string" && s.length >= MIN_ID_LENGTH) into.add(s);
    }
    collectIds(inner, into);
  }
}

/** escape makes a literal usable inside a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * replacing makes a text function that replaces each key of `by` found in a string with its value, in one pass and
 * longest key first, so an id containing another (`lb-x:https:443` holds `lb-x`) is never half replaced and a
 * replacement is never replaced again.
 */
export function replacing(by: ReadonlyMap<string, string>): (s: string) => string {
  if (by.size === 0) return (s) => s;
  const keys = [...by.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const pattern = new RegExp(keys.map(escape).join("|"), "g");
  return (s) => s.replace(pattern, (m) => by.get(m) ?? m);
}

/** rewrite maps every string of a value, keys included, through `text`, drops REMOVED_KEYS, and keeps the rest. */
export function rewrite(value: unknown, text: (s: string) => string): unknown {
  if (typeof value === "string") return text(value);
  if (Array.isArray(value)) return value.map((v) => rewrite(v, text));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (REMOVED_KEYS.has(key.toLowerCase())) continue;
    out[text(key)] = rewrite(inner, text);
  }
  return out;
}

/** redactCalls redacts a run's calls (in the order they were made). */
export function redactCalls(calls: readonly RecordedCall[], input: RedactionInput): Redaction {
  const ids = new Set(input.identifiers.filter((s) => s.length > 0));
  for (const call of calls) {
    collectIds(call.params, ids);
    collectIds(call.body, ids);
    collectIds(call.answer, ids);
  }
  const ordered = [...ids].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const placeholders = new Map<string, string>();
  ordered.forEach((id, i) => placeholders.set(id, placeholderFor(id, i + 1)));
  const secrets = input.secrets.filter((s) => s.length > 0);
  const text = replacing(
    new Map([...placeholders, ...secrets.map((secret): [string, string] => [secret, "[redacted]"])]),
  );
  const first = calls.length > 0 ? Math.min(...calls.map((c) => c.startedAt)) : 0;
  const redacted = calls.map((call): RedactedCall => {
    const { startedAt, ...rest } = call;
    const out = rewrite(rest, text) as Omit<RecordedCall, "startedAt">;
    return { ...out, atMs: Math.round((startedAt - first) * 10) / 10 };
  });
  return { calls: redacted, placeholders };
}
