/**
 * How a Huawei listener's read turns a live answer back into inputs, written once for the classic, shared and
 * dedicated kinds: which inputs a read reports, their decoding against the kind's codec table (a live value that
 * breaks a codec is a ListenerError naming it), and the read's answer.
 */
import type * as t from "io-ts";
import { conforms, decodeInputs } from "../../core/check";
import { ListenerError } from "../../core/errors";
import type { InputsOf } from "./codecs";

/**
 * readBack is the inputs a read reports from the live values: region, project and adoptExisting as stored; of the
 * others the stored ones and the required ones (all of them on an import, when nothing was stored), each passed
 * through `refine` (a kind's trimming of defaults the service fills in).
 */
export function readBack<N extends string>(
  names: readonly N[],
  required: readonly string[],
  previous: Partial<Record<N, unknown>>,
  live: Partial<Record<N, unknown>>,
  refine: (name: N, value: unknown, hadInputs: boolean) => unknown = (_, value) => value,
): Record<string, unknown> {
  const hadInputs = names.some((k) => previous[k] !== undefined);
  const values: Record<string, unknown> = {};
  for (const name of names) {
    if (name === "region" || name === "projectId" || name === "adoptExisting") {
      if (previous[name] !== undefined) values[name] = previous[name];
      continue;
    }
    const wanted = !hadInputs || previous[name] !== undefined || required.includes(name);
    if (!wanted) continue;
    const value = refine(name, live[name], hadInputs);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** readResult is a read's answer: the outputs as props, and as inputs without the output-only names. */
export function readResult<O extends object>(
  id: string,
  outs: O,
  outputNames: readonly string[],
): { id: string; props: O; inputs: O } {
  // ReadResult types its inputs as the outputs; the inputs carry no output-only property.
  const inputs: O = { ...outs };
  for (const name of outputNames) Reflect.deleteProperty(inputs, name);
  return { id, props: outs, inputs };
}

/**
 * readInputs decodes the values a read gives back (`readBack`) against the kind's codec table: the checked inputs,
 * or a ListenerError naming listener `id` and every failure.
 */
export function readInputs<P extends t.Props, R extends keyof P & string>(
  resource: string,
  props: P,
  required: readonly R[],
  id: string,
  values: Record<string, unknown>,
): InputsOf<P, R> {
  const decoded = decodeInputs(resource, props, required, values);
  if (!conforms<P, R>(values, decoded)) {
    throw new ListenerError(`huawei:${resource} ${id}: ${decoded.failures.map((f) => f.reason).join("; ")}`);
  }
  return values;
}
