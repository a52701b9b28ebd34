/**
 * What the inputs of the Huawei Cloud / Open Telekom Cloud listener kinds have in common, written once: the codecs of
 * where a listener lives (region, project), the inputs both the shared (v2) and dedicated (v3) documents mark
 * mandatory and fix at creation, the port space a protocol shares, and the types every codec table derives. What
 * differs between the kinds (their own fields, tags' limits, the classic project ID's length) stays in each kind's
 * schema.ts.
 * Ref: ../shared/api-docs/huawei-elb-v2-listener.md §2, §3; ../shared/api-docs/huawei-elb-v3-listener.md §2, §3.
 */
import type * as t from "io-ts";
import {
  booleanValue,
  type CheckFailure,
  conforms,
  decodeInputs,
  type ForeignNames,
  matching,
  oneOf,
} from "../../core/check";

/** regionCodec is the codec of a listener's `region` input, the same for every Huawei listener kind. */
export const regionCodec = matching("a region name such as eu-de or cn-north-4", (s) =>
  /^[a-z]{2,}(-[a-z0-9]+){1,3}$/.test(s),
);

/**
 * PLACE_PROPS are the codecs of the inputs that say where a shared (v2) or dedicated (v3) listener lives and how its
 * create treats a taken port, the last fields of both kinds' codec tables; their TSDoc is what users read on
 * `ElbV2ListenerArgs` and `ElbV3ListenerArgs`.
 */
export const PLACE_PROPS = {
  /**
   * Region of the load balancer, e.g. `eu-de` or `cn-north-4`. Replaces when changed. Never sent.
   * @default stack config huaweicloud:region, else HW_REGION_NAME
   */
  region: regionCodec,
  /**
   * Project ID, 1 to 32 characters. Replaces when changed. Never sent in the body: Huawei Cloud's path carries it;
   * on the shared (v2) routes Open Telekom Cloud takes it from the token (a body tenant_id must equal it), on the
   * dedicated (v3) routes it is the URL's.
   * @default stack config huaweicloud:projectId, else HW_PROJECT_ID
   */
  projectId: matching("a project ID of 1 to 32 letters, digits, underscores or hyphens", (s) =>
    /^[A-Za-z0-9_-]{1,32}$/.test(s),
  ),
  /**
   * On create, take over an existing listener with the same loadbalancerId, protocolPort and protocol instead of
   * failing with the service's conflict (ELB.6200 on a shared load balancer, 409 ELB.8907 on a dedicated one).
   * Never sent, never causes a diff. @default false
   */
  adoptExisting: booleanValue,
};

/** protectionStatusCodec is the codec of the shared and dedicated listeners' modification protection switch. */
export const protectionStatusCodec = oneOf(["nonProtection", "consoleProtection"] as const);

/** protectionReasonCodec is the codec of why a shared or dedicated listener is protected: 0 to 255, no `<` or `>`. */
export const protectionReasonCodec = matching(
  "0 to 255 characters without angle brackets (< and >)",
  (s) => [...s].length <= 255 && !/[<>]/.test(s),
);

/** PORT_LISTENER_REQUIRED lists the inputs both the v2 and the v3 listener documents mark mandatory. */
export const PORT_LISTENER_REQUIRED = ["loadbalancerId", "protocol", "protocolPort"] as const;

/**
 * FIXED_AT_CREATION are the inputs neither the v2 nor the v3 PUT can change, plus region and project (another place
 * is another listener). Ref: v2 digest §3, v3 digest §3 "Fixed at creation".
 */
export const FIXED_AT_CREATION = [...PORT_LISTENER_REQUIRED, "region", "projectId"] as const;

/** Cloud is which of the two clouds a target belongs to, when known. */
export type Cloud = "huaweicloud" | "opentelekomcloud";

/** Tags are a listener's tags, key to value. */
export type Tags = { readonly [key: string]: string };

/** portFamily is the port space a protocol's listeners share: a port is unique per load balancer and family. */
export const portFamily = (protocol: unknown): string => (protocol === "UDP" ? "udp" : "tcp");

/** DecodedOf is the type of each input a codec table decodes. */
export type DecodedOf<P extends t.Props> = { [K in keyof P]: t.TypeOf<P[K]> };

/** InputsOf is the checked inputs of a codec table: the `R` inputs always present, the rest optional. */
export type InputsOf<P extends t.Props, R extends keyof P> = Pick<DecodedOf<P>, R> & Partial<Omit<DecodedOf<P>, R>>;

/** inputNames lists the inputs of a codec table, in the table's (the document's) order. */
export function inputNames<P extends t.Props>(props: P): (keyof P & string)[] {
  return Object.keys(props).filter((k): k is keyof P & string => Object.hasOwn(props, k));
}

/** Decoded is what a kind's cross-field rules see of the decoding: the values that passed, the unknowns, the failures. */
interface Decoded<P extends t.Props> {
  readonly value: Partial<DecodedOf<P>>;
  readonly unknowns: ReadonlySet<keyof P & string>;
  readonly failures: readonly CheckFailure[];
}

/**
 * CheckedOf is the result of checking against a codec table: the typed inputs to store (Pulumi's unknown values
 * passed through) when every rule holds, else the failures.
 */
export type CheckedOf<P extends t.Props, R extends keyof P> =
  | { readonly ok: true; readonly inputs: InputsOf<P, R>; readonly failures: readonly [] }
  | {
      readonly ok: false;
      readonly inputs: Readonly<Record<string, unknown>>;
      readonly failures: readonly CheckFailure[];
    };

/**
 * checkAgainst decodes raw inputs against a kind's codec table (with its hints for another provider's names) and
 * adds the failures of the kind's cross-field `rules`; never throws.
 */
export function checkAgainst<P extends t.Props, R extends keyof P & string>(
  resource: string,
  props: P,
  required: readonly R[],
  raw: unknown,
  foreign: ForeignNames,
  rules: (decoded: Decoded<P>) => readonly CheckFailure[],
): CheckedOf<P, R> {
  const decoded = decodeInputs(resource, props, required, raw, foreign);
  const failures = [...decoded.failures, ...rules(decoded)];
  const inputs: Record<string, unknown> = {};
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    for (const name of inputNames(props)) {
      if (decoded.unknowns.has(name)) inputs[name] = Reflect.get(raw, name);
      else if (decoded.value[name] !== undefined) inputs[name] = decoded.value[name];
    }
  }
  if (failures.length > 0 || !conforms<P, R>(inputs, decoded)) return { ok: false, inputs, failures };
  return { ok: true, inputs, failures: [] };
}
