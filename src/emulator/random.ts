/**
 * The emulators' seeded random generator, for the fault plan's `fraction` rules: the same seed must fault the same
 * calls on every run, so a flaky-network test can be replayed exactly.
 * Ref: mulberry32, Tommy Ettinger's public-domain 32-bit generator (one state word, add 0x6D2B79F5, then three
 * xor-shift-multiply rounds); the emulator's own copy, so that it keeps no tie to the package's shared modules.
 */

/** Random is a seeded source of numbers in [0, 1). */
type Random = () => number;

/** seeded returns a mulberry32 generator; the same seed gives the same sequence. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    // Unsigned 32-bit result scaled into [0, 1).
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
