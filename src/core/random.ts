/**
 * A small seeded random generator (mulberry32) for everything that must repeat exactly from a seed: the emulators'
 * fractional faults and the benchmarks' generated inputs.
 */

/** Random is a seeded source of numbers in [0, 1). */
export type Random = () => number;

/** seeded returns a mulberry32 generator; the same seed gives the same sequence. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
