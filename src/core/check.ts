/**
 * Shared check glue: per-property decoding of Pulumi inputs with io-ts codecs, Pulumi's unknown sentinel, and the
 * one reporter that turns failed rules into Pulumi `CheckFailure { property, reason }` data. Nothing here throws on
 * bad input; every problem is returned as data.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as t from "io-ts";
import { isLeft } from "fp-ts/Either";

/**
 * UNKNOWN_SENTINEL is the string the Pulumi engine and the dynamic-provider host put in place of a value that is not
 * known during preview (an output of a resource not yet created).
 */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** PROVIDER_KEY is the reserved property under which `dynamic.Resource` stores the serialized provider. */
const PROVIDER_KEY = "__provider";

/** CheckFailure is one failed rule: the input property it concerns and a sentence that names the rule. */
export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

/** isUnknown tells whether a value is, or contains, Pulumi's unknown sentinel, so its rules must wait for `up`. */
export function isUnknown(value: unknown): boolean {
  if (value === UNKNOWN_SENTINEL) return true;
  if (Array.isArray(value)) return value.some(isUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(isUnknown);
  return false;
}

/** describeValue renders a value for a message: JSON (control characters escaped), at most 60 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** intRange is a codec of integers from min to max inclusive; its name is the rule used in failure messages. */
export function intRange(min: number, max: number): t.Type<number, number, unknown> {
  return new t.Type<number, number, unknown>(
    `an integer from ${min} to ${max}`,
    (u): u is number => typeof u === "number" && Number.isInteger(u) && u >= min && u <= max,
    (u, c) => (typeof u === "number" && Number.isInteger(u) && u >= min && u <= max ? t.success(u) : t.failure(u, c)),
    t.identity,
  );
}

/** oneOf is a codec of a string literal union; its name lists the accepted values. */
export function oneOf<T extends string>(values: readonly T[]): t.Type<T, T, unknown> {
  const set = new Set<string>(values);
  const is = (u: unknown): u is T => typeof u === "string" && set.has(u);
  return new t.Type<T, T, unknown>(
    `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
    is,
    (u, c) => (is(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  );
}

/** matching is a codec of strings that satisfy a test; `rule` (its name) says in words what is accepted. */
export function matching(rule: string, test: (s: string) => boolean): t.Type<string, string, unknown> {
  const is = (u: unknown): u is string => typeof u === "string" && test(u);
  return new t.Type<string, string, unknown>(rule, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity);
}

/** boolean is a codec of true or false, named for messages. */
export const booleanValue: t.Type<boolean, boolean, unknown> = new t.Type<boolean, boolean, unknown>(
  "true or false",
  (u): u is boolean => typeof u === "boolean",
  (u, c) => (typeof u === "boolean" ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** DecodedInputs is what decoding returns: the values that passed, the properties still unknown, and the failures. */
interface DecodedInputs<P extends t.Props> {
  readonly value: Partial<{ [K in keyof P]: t.TypeOf<P[K]> }>;
  readonly unknowns: ReadonlySet<keyof P & string>;
  readonly failures: readonly CheckFailure[];
}

/**
 * ForeignNames are the hints check gives users who bring another resource's input names or values: `names` maps a
 * name that is not an input (another provider's spelling) to what to use instead ("use listenerPort"); `values` maps
 * one of our inputs to a function that, for a value of the other provider's type, says what it means here.
 */
export interface ForeignNames {
  readonly names?: Readonly<Record<string, string>>;
  readonly values?: Readonly<Record<string, (value: unknown) => string | undefined>>;
}

/**
 * decodeInputs checks raw inputs property by property: unknown properties, required ones, and each value against its
 * codec. Values that are Pulumi's unknown sentinel are not judged; they are listed in `unknowns`. `null` counts as a
 * value (and fails its codec); `undefined` counts as absent. The reserved `__provider` key is ignored. `foreign`
 * appends a hint to the failure of a name or value that another provider uses (see ForeignNames).
 */
export function decodeInputs<P extends t.Props>(
  resource: string,
  props: P,
  required: readonly (keyof P & string)[],
  raw: unknown,
  foreign: ForeignNames = {},
): DecodedInputs<P> {
  const failures: CheckFailure[] = [];
  const value: Record<string, unknown> = {};
  const unknowns = new Set<keyof P & string>();
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      value: {},
      unknowns,
      failures: [{ property: "", reason: `${resource} inputs must be an object, got ${describeValue(raw)}` }],
    };
  }
  const input = raw as Record<string, unknown>;
  const foreignKeys = Object.keys(input).filter(
    (key) => key !== PROVIDER_KEY && !Object.prototype.hasOwnProperty.call(props, key),
  );
  // Sorted only when there are several to report: sorting every key cost a fresh host's first check about 0.07 ms.
  if (foreignKeys.length > 1) foreignKeys.sort();
  for (const key of foreignKeys) {
    const hint = Object.prototype.hasOwnProperty.call(foreign.names ?? {}, key) ? foreign.names?.[key] : undefined;
    failures.push({ property: key, reason: `${key} is not an input of ${resource}${hint ? `; ${hint}` : ""}` });
  }
  for (const key of Object.keys(props) as (keyof P & string)[]) {
    const v = Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;
    if (v === undefined) {
      if (required.includes(key)) failures.push({ property: key, reason: `${key} is required` });
      continue;
    }
    if (isUnknown(v)) {
      unknowns.add(key);
      continue;
    }
    const codec = props[key];
    const result = codec.decode(v);
    if (isLeft(result)) {
      const custom = result.left.find((e) => e.message !== undefined)?.message;
      const hint = foreign.values?.[key]?.(v);
      failures.push({
        property: key,
        reason: `${key} must be ${custom ?? codec.name}, got ${describeValue(v)}${hint ? `; ${hint}` : ""}`,
      });
    } else {
      value[key] = result.right;
    }
  }
  return { value: value as DecodedInputs<P>["value"], unknowns, failures };
}

/** failure builds a CheckFailure; cross-field rules use it so every message starts with the property it names. */
export function failure(property: string, rule: string): CheckFailure {
  return { property, reason: `${property} ${rule}` };
}

/** InputsOf is the checked inputs type of a codec table: the `required` inputs present, the others optional. */
type InputsOf<P extends t.Props, R extends keyof P> = { [K in R]: t.TypeOf<P[K]> } & {
  [K in Exclude<keyof P, R>]?: t.TypeOf<P[K]>;
};

/**
 * conforms is the type guard of checked inputs: `raw` is an object and decoding it found no failure, so every known
 * value passed its codec and every required input is present (a value still unknown in preview stands in its place).
 */
export function conforms<P extends t.Props, R extends keyof P & string>(
  raw: unknown,
  decoded: DecodedInputs<P>,
): raw is InputsOf<P, R> {
  return raw !== null && typeof raw === "object" && !Array.isArray(raw) && decoded.failures.length === 0;
}

/** withoutProviderKey copies inputs without the reserved `__provider` key (the provider host re-adds it). */
export function withoutProviderKey<T extends object>(value: T): T {
  const copy = { ...value };
  Reflect.deleteProperty(copy, PROVIDER_KEY);
  return copy;
}

/** CheckOutcome is what every resource's checkInputs returns: the typed inputs, or the failures. */
type CheckOutcome<I> =
  { readonly ok: true; readonly inputs: I } | { readonly ok: false; readonly failures: readonly CheckFailure[] };

/**
 * checkResult is a check's answer to the engine: the typed inputs when every rule holds, else the inputs as given
 * (without the serialized provider, which the host adds back) and the failures.
 */
export function checkResult<I extends object>(outcome: CheckOutcome<I>, news: I): dynamic.CheckResult<I> {
  return outcome.ok
    ? { inputs: outcome.inputs }
    : { inputs: withoutProviderKey(news), failures: [...outcome.failures] };
}
