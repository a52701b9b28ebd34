/**
 * The baseline of figures 5 and 6: a serialized provider that makes no call and keeps nothing, so the same workload
 * through the same dynamic-provider host measures the host's own cost, and our figure is the difference or the
 * ratio measured side by side in one run (absolute times and the process's total memory are the machine's).
 */

/**
 * noopProviderText is a serialized provider with every lifecycle method (configure does nothing, check echoes,
 * create invents an id), padded to `bytes` so the host receives and deserializes messages of the same size.
 */
export function noopProviderText(bytes: number): string {
  const code =
    "exports.handler = () => ({ configure: async () => undefined, check: async (o, n) => ({ inputs: n }), " +
    "diff: async () => ({ changes: false }), create: async (i) => ({ id: String(Math.random()), outs: i }), " +
    "read: async (id, p) => ({ id, props: p, inputs: p }), update: async (id, o, n) => ({ outs: n }), " +
    "delete: async () => undefined });\n";
  return code + `// ${"x".repeat(Math.max(0, bytes - code.length - 4))}\n`;
}
