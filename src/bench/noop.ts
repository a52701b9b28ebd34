/**
 * The baseline of figures 5 and 6: a serialized provider that makes no call and keeps nothing, so the same workload
 * through the same dynamic-provider host measures the host's own cost, and our figure is the difference or the
 * ratio measured side by side in one run (absolute times and the process's total memory are the machine's).
 */

/**
 * Answers are what ours answered, for a no-op that answers alike: `check` the inputs ours' Check answered, `outputs`
 * the properties ours' Create answered. The no-op answers them with the values it is sent laid over them, so every
 * listener keeps its own identity and the host encodes answers of the same size as ours.
 */
export interface Answers {
  readonly check?: Readonly<Record<string, unknown>>;
  readonly outputs?: Readonly<Record<string, unknown>>;
}

/**
 * noopProviderText is a serialized provider with every lifecycle method (configure does nothing, check echoes,
 * create invents an id), padded to `bytes` so the host receives and deserializes messages of the same size. With
 * `holdMs` (times in milliseconds, e.g. the quantiles of how long ours took), the methods ours answer only after an
 * API call (create, read, update, delete) answer after one of those times drawn at random instead of at once, so the
 * host holds about as many calls open for about as long as it does with ours. With `answers`, check answers
 * `{ ...answers.check, ...news }`, create `{ ...answers.outputs, ...inputs }` and read, as inputs, only the properties
 * named in `answers.check`, instead of echoing, so the host encodes, holds and is sent back answers as wide as ours.
 */
export function noopProviderText(bytes: number, holdMs: readonly number[] = [], answers: Answers = {}): string {
  const check =
    answers.check === undefined
      ? "async (o, n) => ({ inputs: n })"
      : `async (o, n) => ({ inputs: { ...${JSON.stringify(answers.check)}, ...n } })`;
  const outs = answers.outputs === undefined ? "i" : `{ ...${JSON.stringify(answers.outputs)}, ...i }`;
  // Read answers the properties it is sent and, as ours, only the inputs among them.
  const readInputs =
    answers.check === undefined
      ? "p"
      : `Object.fromEntries(${JSON.stringify(Object.keys(answers.check))}.filter((k) => k in p).map((k) => [k, p[k]]))`;
  const holds = holdMs.map((ms) => Math.max(0, Math.round(ms)));
  const code =
    (holds.length === 0
      ? "const w = (v) => v;\n"
      : `const q = [${holds.join(",")}];\n` +
        "const w = (v) => new Promise((r) => setTimeout(() => r(v), q[Math.floor(Math.random() * q.length)]));\n") +
    `exports.handler = () => ({ configure: async () => undefined, check: ${check}, ` +
    `diff: async () => ({ changes: false }), create: async (i) => w({ id: String(Math.random()), outs: ${outs} }), ` +
    `read: async (id, p) => w({ id, props: p, inputs: ${readInputs} }), update: async (id, o, n) => w({ outs: n }), ` +
    "delete: async () => w(undefined) });\n";
  return code + `// ${"x".repeat(Math.max(0, bytes - Buffer.byteLength(code) - 4))}\n`;
}
