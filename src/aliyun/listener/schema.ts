/**
 * The listener core's check and diff, written once for every protocol from its table: decoding of every input with
 * its codec (the Set action's codecs when the check is for an update), the shared and the protocol's cross-field
 * rules, the redirect mode, the API defaults and the health check timeout normalisation; and the one diff that
 * decides update versus replace. Nothing here throws on bad input.
 * Ref: shared/api-docs/aliyun-slb-CreateLoadBalancerHTTPSListener.md, "Request parameters";
 * aliyun-slb-listener-family.md §0-2.
 */
import type * as t from "io-ts";
import type { CheckFailure, ForeignNames } from "../../core/check";
import { decodeInputs, failure, isUnknown } from "../../core/check";
import type { InputBag, InputsOf, ListenerTable, Presence } from "./table";
import { otherProtocolHints } from "./table";

/** CheckAction says which action the checked inputs are for: a create (new or replacing) or an in-place Set. */
type CheckAction = "create" | "set";

/**
 * CheckedListener is what checkListener returns: the typed inputs to store (values unknown in preview kept as they
 * came) when every rule holds, else the failures (and the raw inputs, without the serialized provider, for messages).
 */
export type CheckedListener<I> =
  | { readonly ok: true; readonly inputs: I; readonly failures: readonly [] }
  | { readonly ok: false; readonly inputs: InputBag; readonly failures: readonly CheckFailure[] };

/**
 * Derived is what check and diff read from a table on every call, made once per table: a preview checks and diffs
 * every resource, and building these anew each time (the other protocols' hints above all) was most of its cost.
 */
interface Derived {
  readonly props: { readonly create: t.Props; readonly set: t.Props };
  readonly required: readonly string[];
  readonly hints: ForeignNames;
  readonly names: readonly string[];
}

/** DERIVED holds each table's Derived, made on its first check or diff. */
const DERIVED = new WeakMap<ListenerTable, Derived>();

/** derived is a table's Derived, made on first use. */
function derived(table: ListenerTable): Derived {
  let made = DERIVED.get(table);
  if (made === undefined) {
    const create: t.Props = { ...table.required, ...table.optional };
    made = {
      props: { create, set: { ...create, ...table.setCodecs } },
      required: Object.keys(table.required),
      hints: {
        names: { ...otherProtocolHints(table.protocol), ...table.slbListener.names },
        values: table.slbListener.values,
      },
      names: Object.keys(create),
    };
    DERIVED.set(table, made);
  }
  return made;
}

/** propsOf is every input codec of a table, with the Set action's codecs over them for `set` (and for reading). */
export function propsOf<RP extends t.Props, OP extends t.Props>(
  table: ListenerTable<RP, OP>,
  action: CheckAction,
): t.Props {
  return derived(table).props[action];
}

/** requiredOf lists the inputs a table requires. */
export function requiredOf(table: ListenerTable): readonly string[] {
  return derived(table).required;
}

/** has tells whether a table has an input. */
function has(table: ListenerTable, input: string): boolean {
  return Object.prototype.hasOwnProperty.call(table.required, input) || input in table.optional;
}

/** isRedirect tells whether inputs put the table's listener in its redirect mode. */
export function isRedirect(table: ListenerTable, inputs: InputBag): boolean {
  return table.redirect !== undefined && inputs[table.redirect.input] === "on";
}

/** redirectFailures refuses the settings a redirect listener ignores and requires what it needs. */
function redirectFailures(table: ListenerTable, given: ReadonlySet<string>, present: Presence): CheckFailure[] {
  const rule = table.redirect;
  if (!rule) return [];
  const failures = [...given]
    .filter((key) => has(table, key) && !rule.allowed.includes(key))
    .sort()
    .map((key) => failure(key, `is ignored by a redirect listener (${rule.input} on): leave it out`));
  for (const key of rule.required) {
    if (!present(key)) failures.push(failure(key, `is required when ${rule.input} is on`));
  }
  return failures;
}

/**
 * sharedFailures are the conditional rules every protocol that has the inputs shares: ACLs, the backend port without a
 * server group, and sticky sessions. A rule whose deciding values are unknown or invalid is skipped.
 */
function sharedFailures(table: ListenerTable, value: InputBag, present: Presence): CheckFailure[] {
  const failures: CheckFailure[] = [];
  if (present("aclId") && present("aclIds")) {
    failures.push(failure("aclIds", "cannot be given with aclId; list every ACL in aclIds"));
  }
  if (value.aclStatus === "on") {
    if (!present("aclId") && !present("aclIds")) failures.push(failure("aclId", "is required when aclStatus is on"));
    if (!present("aclType")) failures.push(failure("aclType", "is required when aclStatus is on"));
  }
  const masterSlave = has(table, "masterSlaveServerGroupId");
  if (!present("vServerGroupId") && !present("backendServerPort") && !present("masterSlaveServerGroupId")) {
    failures.push(
      failure(
        "backendServerPort",
        masterSlave
          ? "is required when neither vServerGroupId nor masterSlaveServerGroupId is given"
          : "is required when vServerGroupId is not given",
      ),
    );
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
 * normaliseListener applies a table's API defaults to absent inputs (none on a redirect listener) and the health
 * check timeout rule (a timeout smaller than the interval becomes the interval). Inputs in `unknowns` are left alone.
 */
export function normaliseListener<T extends InputBag>(
  table: ListenerTable,
  value: T,
  unknowns: ReadonlySet<string> = new Set(),
): T {
  const out: Record<string, unknown> = { ...value };
  const defaults = isRedirect(table, value)
    ? Object.entries(table.defaults).filter(([key]) => table.redirect?.allowed.includes(key))
    : Object.entries(table.defaults);
  for (const [key, def] of defaults) {
    if (out[key] === undefined && !unknowns.has(key)) out[key] = def;
  }
  const interval = out.healthCheckInterval;
  const timeout = out.healthCheckTimeout;
  if (typeof interval === "number" && typeof timeout === "number" && timeout < interval) {
    out.healthCheckTimeout = interval;
  }
  return { ...value, ...out };
}

/** isChecked is the type guard of inputs that passed every rule of their table. */
function isChecked<I>(value: unknown, failures: readonly CheckFailure[]): value is I {
  return value !== null && typeof value === "object" && !Array.isArray(value) && failures.length === 0;
}

/**
 * checkListener validates raw inputs against a table (every rule of the documents for `action`), then fills in the API
 * defaults, the health check timeout normalisation and, when absent, `regionId` from `defaultRegion`. Values unknown
 * during preview are kept and not judged. The reserved `__provider` key is dropped (the provider host re-adds it).
 */
export function checkListener<RP extends t.Props, OP extends t.Props>(
  table: ListenerTable<RP, OP>,
  raw: unknown,
  defaultRegion?: string,
  action: CheckAction = "create",
): CheckedListener<InputsOf<RP, OP>> {
  const { props, required, hints } = derived(table);
  const decoded = decodeInputs(table.resource, props[action], required, raw, hints);
  const isObject = raw !== null && typeof raw === "object" && !Array.isArray(raw);
  const source: Record<string, unknown> = isObject ? { ...raw } : {};
  delete source.__provider;
  const given = new Set(Object.keys(source).filter((key) => source[key] !== undefined));
  const value: InputBag = decoded.value;
  const present: Presence = (key) => value[key] !== undefined || given.has(key);
  const rules = !isObject
    ? []
    : isRedirect(table, value)
      ? redirectFailures(table, given, present)
      : [...sharedFailures(table, value, present), ...table.crossField(value, present)];
  const failures = [...decoded.failures, ...rules];
  if (failures.length > 0 || !isObject) {
    return { ok: false, inputs: source, failures: failures.length > 0 ? failures : decoded.failures };
  }
  const inputs: Record<string, unknown> = { ...source, ...normaliseListener(table, value, decoded.unknowns) };
  if (inputs.regionId === undefined && defaultRegion) inputs.regionId = defaultRegion;
  if (!isChecked<InputsOf<RP, OP>>(inputs, failures)) return { ok: false, inputs: source, failures };
  return { ok: true, inputs, failures: [] };
}

/** DiffSummary is what changed between the stored outputs and new inputs. */
export interface DiffSummary {
  readonly changed: string[];
  readonly replaces: string[];
}

/** same compares two input values (objects and lists by their JSON). */
export function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** PROVIDER_ONLY is the input of the provider, not of the API; it never causes an update. */
const PROVIDER_ONLY = "adoptExisting";

/**
 * diffListener compares stored outputs with new (checked) inputs: an unknown new value is a change; an input the new
 * program leaves out is a change only if it has an API default (check fills that in) or Set can clear it; `regionId`
 * left out means the configured region. A change of an input in `replace` replaces, and on a redirect listener (old or
 * new) every change replaces, since no Set is ever sent to it.
 */
export function diffListener(
  table: ListenerTable,
  olds: InputBag,
  news: InputBag,
  configuredRegion?: string,
): DiffSummary {
  const changed: string[] = [];
  const defaults = table.defaults;
  for (const key of derived(table).names) {
    if (key === PROVIDER_ONLY || table.ignoredAfterCreate.includes(key)) continue;
    let next: unknown = news[key];
    const prev: unknown = olds[key];
    if (prev === undefined && table.laterDefaults.includes(key) && same(next, defaults[key])) continue;
    if (key === "regionId" && next === undefined) next = configuredRegion ?? prev;
    if (isUnknown(next)) {
      changed.push(key);
      continue;
    }
    if (next === undefined) {
      if (prev === undefined) continue;
      const def = defaults[key];
      if (def !== undefined ? !same(def, prev) : table.clearable.includes(key)) changed.push(key);
      continue;
    }
    if (!same(next, prev)) changed.push(key);
  }
  const frozen = isRedirect(table, olds) || isRedirect(table, news);
  return { changed, replaces: frozen ? [...changed] : changed.filter((key) => table.replace.includes(key)) };
}

/** isUpdate tells whether a check is for an in-place Set: the listener exists and no input that replaces it changes. */
export function isUpdate(table: ListenerTable, olds: InputBag, news: InputBag): boolean {
  if (olds.loadBalancerId === undefined || olds.listenerPort === undefined) return false;
  if (isRedirect(table, olds) || isRedirect(table, news)) return false;
  return table.replace.every((key) => key === "regionId" || same(olds[key], news[key]));
}

/**
 * serverGroupFailures is the TCP and UDP rule that a listener takes a VServer group or a primary/secondary group,
 * never both (the service answers Abs.VServerGroupIdAndMasterSlaveServerGroupId.MissMatch).
 * Ref: aliyun-slb-listener-family.md §0, §1.2, §7 [S1][S12][S13].
 */
export function serverGroupFailures(present: Presence): CheckFailure[] {
  return present("vServerGroupId") && present("masterSlaveServerGroupId")
    ? [failure("masterSlaveServerGroupId", "cannot be given with vServerGroupId; use one server group")]
    : [];
}
