/**
 * `npm run bench`: measures the package's costs against the in-process emulators (figures 1-6 of issue 7; figure 7,
 * forwarding rules batched under the load-balancer lock, of the ForwardingRule issue), prints one table per figure
 * with each value's target and mark, and writes the same figures to `bench-results.json` in the working directory.
 * `npm run bench -- 2 4` runs only the figures named. Not part of `npm test`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { apiCallsFigure } from "./apiCalls";
import { parallelFigure } from "./parallel";
import type { InstalledPackage } from "./packed";
import { memoryFigure } from "./memory";
import { installPacked } from "./packed";
import { previewCostFigure } from "./previewCost";
import { rulesFigure } from "./rules";
import { serializedProviderFigure } from "./serializedProvider";
import { throttledFigure } from "./throttled";
import type { Figure } from "./figure";
import { renderFigure } from "./table";

/** Machine describes where the figures were measured. */
export interface Machine {
  readonly cpus: number;
  readonly model: string;
  readonly node: string;
  readonly platform: string;
  readonly memoryGB: number;
}

/** machine reads nproc, the CPU model from /proc/cpuinfo and the Node version. */
export function machine(): Machine {
  let model = os.cpus()[0]?.model ?? "unknown";
  try {
    model = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? model;
  } catch {
    // Not Linux: os.cpus() is the best there is.
  }
  return {
    cpus: os.availableParallelism(),
    model,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
  };
}

/** Needs gives a figure what it depends on; the packed package is made once, on first use. */
interface Needs {
  packed(): InstalledPackage;
}

type Bench = (needs: Needs) => Promise<Figure>;

const FIGURES: Readonly<Record<number, Bench>> = {
  1: apiCallsFigure,
  2: parallelFigure,
  3: throttledFigure,
  4: previewCostFigure,
  5: (needs) => serializedProviderFigure(needs.packed()),
  6: (needs) => memoryFigure(needs.packed()),
  7: rulesFigure,
};

async function main(): Promise<void> {
  const wanted = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => FIGURES[n] !== undefined);
  const ids = wanted.length > 0 ? wanted : Object.keys(FIGURES).map(Number);
  const host = machine();
  const started = Date.now();
  console.log(`pulumi-lb-listeners bench on ${host.cpus} x ${host.model}, Node ${host.node}\n`);
  let pkg: InstalledPackage | undefined;
  const needs: Needs = { packed: () => (pkg ??= installPacked()) };
  const figures: Figure[] = [];
  try {
    for (const id of ids) {
      const t0 = Date.now();
      const figure = await FIGURES[id](needs);
      figures.push(figure);
      for (const line of renderFigure(figure)) console.log(line);
      console.log(`   (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    }
  } finally {
    pkg?.remove();
  }
  const rows = figures.flatMap((f) => f.rows).filter((r) => r.pass !== undefined);
  const failed = rows.filter((r) => r.pass === false);
  const durationMs = Date.now() - started;
  const file = path.resolve("bench-results.json");
  const result = { machine: host, startedAt: new Date(started).toISOString(), durationMs, figures };
  fs.writeFileSync(
    file,
    `${JSON.stringify({ ...result, passed: rows.length - failed.length, failed: failed.length }, null, 2)}\n`,
  );
  console.log(
    `${rows.length - failed.length} of ${rows.length} targets met` +
      (failed.length > 0 ? ` (missed: ${failed.map((r) => r.name).join("; ")})` : "") +
      ` in ${(durationMs / 1000).toFixed(1)} s; figures written to ${file}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
