/**
 * The shape of every benchmark result: a figure (one of the six) holds rows, each a measured value with its
 * unit, the target it is held to and whether it met it. Rows without a target are context (e.g. the breakdown of a
 * call count) and carry no mark.
 */

/** Target is an upper bound a measured value must not exceed, or with `exactly` the value it must equal. */
export interface Target {
  readonly atMost: number;
  /** exactly holds the value to `atMost` both ways: fewer is a miss too (e.g. a call that was never made). */
  readonly exactly?: boolean;
}

/** Row is one measured value. */
export interface Row {
  /** name says what was measured, e.g. `Aliyun create` or `Huawei total (measured / ideal)`. */
  readonly name: string;
  readonly value: number;
  /** unit of `value` and of the target: `calls`, `x ideal`, `us`, `bytes`, `ms`, `MB`, `%`. */
  readonly unit: string;
  readonly target?: Target;
  /** pass is whether value <= target; undefined for context rows. */
  readonly pass?: boolean;
  /** note explains the value: its breakdown, why a step needs more calls, what caused a miss. */
  readonly note?: string;
}

/** Figure is the result of one benchmark. */
export interface Figure {
  readonly id: number;
  readonly title: string;
  /** conditions states how the figure was measured (lock time, limits, sample sizes, definitions). */
  readonly conditions: string;
  readonly rows: readonly Row[];
  /** details holds raw numbers behind the rows (per-phase times, retry codes...), for the JSON only. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** measured builds a row held to `atMost`. */
export function measured(name: string, value: number, unit: string, atMost: number, note?: string): Row {
  return { name, value, unit, target: { atMost }, pass: value <= atMost, note };
}

/**
 * exact builds a row held to equal `expected`; `alike` is whatever else must hold for it to pass, e.g. that the calls
 * counted are the expected ones by name, not only by number.
 */
export function exact(name: string, value: number, unit: string, expected: number, alike: boolean, note?: string): Row {
  return { name, value, unit, target: { atMost: expected, exactly: true }, pass: value === expected && alike, note };
}

/** context builds a row without a target. */
export function context(name: string, value: number, unit: string, note?: string): Row {
  return { name, value, unit, note };
}

/** round keeps `digits` decimals, so the table and the JSON show the same figure. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** percentile is the nearest-rank percentile `p` (0-100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

/** median is the middle of `values`, or the mean of the two middle ones when their number is even. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
