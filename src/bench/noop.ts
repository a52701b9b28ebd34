/**
 * The baseline of figures 5 and 6: a serialized provider that makes no call and keeps nothing, so the same workload
 * through the same dynamic-provider host measures the host's own cost, and our figure is the difference or the
 * ratio measured side by side in one run (absolute times and the process's total memory are the machine's).
 */

/**
 * noopProviderText is a serialized provider with every lifecycle method (configure does nothing, check echoes,
 * create invents an id), padded to `bytes` so the host receives and deserializes messages of the same size. With
 * `holdMs` (times in milliseconds, e.g. the quantiles of how long ours took), the methods ours answer only after an
 * API call (create, read, update, delete) answer after one of those times drawn at random instead of at once, so the
 * host holds about as many calls open for about as long as it does with ours. With `checkAnswer` (the inputs ours
 * answered a Check with), check answers those inputs instead of echoing, so the host encodes the same answer.
 */
export function noopProviderText(
  bytes: number,
  holdMs: readonly number[] = [],
  checkAnswer?: Readonly<Record<string, unknown>>,
): string {
  const check =
    checkAnswer === undefined
      ? "async (o, n) => ({ inputs: n })"
      : `async () => ({ inputs: ${JSON.stringify(checkAnswer)} })`;
  const holds = holdMs.map((ms) => Math.max(0, Math.round(ms)));
  const code =
    (holds.length === 0
      ? "const w = (v) => v;\n"
      : `const q = [${holds.join(",")}];\n` +
        "const w = (v) => new Promise((r) => setTimeout(() => r(v), q[Math.floor(Math.random() * q.length)]));\n") +
    `exports.handler = () => ({ configure: async () => undefined, check: ${check}, ` +
    "diff: async () => ({ changes: false }), create: async (i) => w({ id: String(Math.random()), outs: i }), " +
    "read: async (id, p) => w({ id, props: p, inputs: p }), update: async (id, o, n) => w({ outs: n }), " +
    "delete: async () => w(undefined) });\n";
  return code + `// ${"x".repeat(Math.max(0, bytes - Buffer.byteLength(code) - 4))}\n`;
}
