/**
 * Figure 6: peak resident memory of the dynamic-provider host while it manages 1,000 listeners of one kind. The real
 * host runs in the scratch program with the packed package installed and is driven over gRPC as the engine drives it:
 * 1,000 Checks, then 1,000 Creates, 1,000 Reads, 1,000 Diffs and 1,000 Deletes, each batch all in flight at once,
 * against an in-process emulator with the lock off and 40 load balancers. The peak is the host's VmHWM from
 * /proc/<pid>/status (the kernel's high-water mark of its resident set), read after the run.
 */
import * as fs from "node:fs";
import { DynamicProviderHost, type PropertyMap } from "../engine/host";
import type { Cloud, Props } from "./clouds";
import { startAliyun, startHuawei } from "./clouds";
import type { Figure, Row } from "./figure";
import { context, measured, round } from "./figure";
import type { InstalledPackage } from "./packed";

/** LISTENERS are managed per kind, spread evenly over LOAD_BALANCERS (Huawei allows 50 per load balancer). */
export const LISTENERS = 1000;
export const LOAD_BALANCERS = 40;
/** PEAK_TARGET_MB is the largest peak resident memory allowed, in MiB. */
export const PEAK_TARGET_MB = 150;

/** statusKb reads one `Vm...: N kB` line of /proc/<pid>/status. */
export function statusKb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const text = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(text);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

/** hostPid finds the dynamic-provider host this process spawned: the child running cmd/dynamic-provider. */
export function hostPid(): number {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command: state, then the parent pid.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== process.pid) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("dynamic-provider")) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error("the dynamic-provider host process was not found among this process's children");
}

const MB = 1024;

interface MemoryRun {
  readonly cloud: string;
  readonly idleKb: number;
  readonly peakKb: number;
  readonly afterCreatesKb: number;
  /** peakAfterKb is VmHWM after each batch, so the batch that raised the peak shows. */
  readonly peakAfterKb: Readonly<Record<string, number>>;
  readonly wallMs: number;
  readonly failures: number;
  readonly firstError?: string;
}

async function all<T>(work: Promise<T>[], failures: string[]): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  const out: T[] = [];
  for (const s of settled) {
    if (s.status === "fulfilled") out.push(s.value);
    else failures.push(s.reason instanceof Error ? s.reason.message : String(s.reason));
  }
  return out;
}

/**
 * noopProviderText is a serialized provider that makes no call and keeps nothing (check echoes, create invents an
 * id), padded to `bytes` so the host receives messages of the same size: the host's own cost of the same workload.
 */
export function noopProviderText(bytes: number): string {
  const code =
    "exports.handler = () => ({ check: async (o, n) => ({ inputs: n }), diff: async () => ({ changes: false }), " +
    "create: async (i) => ({ id: String(Math.random()), outs: i }), read: async (id, p) => ({ id, props: p, inputs: p }), " +
    "update: async (id, o, n) => ({ outs: n }), delete: async () => undefined });\n";
  return code + `// ${"x".repeat(Math.max(0, bytes - code.length - 4))}\n`;
}

async function manage(cloud: Cloud, pkg: InstalledPackage, text: string, label: string): Promise<MemoryRun> {
  const host = await DynamicProviderHost.start({ programDir: pkg.programDir, env: { ...process.env, ...cloud.env } });
  const failures: string[] = [];
  const t0 = performance.now();
  try {
    const pid = hostPid();
    await host.configure({});
    const lbs = cloud.addLoadBalancers(LOAD_BALANCERS);
    const urn = (i: number): string => `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/${cloud.kind}::l${i}`;
    const raws = Array.from({ length: LISTENERS }, (_, i): PropertyMap => ({
      ...cloud.listener(lbs[i % LOAD_BALANCERS], Math.floor(i / LOAD_BALANCERS)),
      __provider: text,
    }));
    await host.check(urn(0), {}, raws[0]);
    const idleKb = statusKb(pid, "VmRSS");
    const peakAfterKb: Record<string, number> = {};
    const mark = (batch: string): void => void (peakAfterKb[batch] = statusKb(pid, "VmHWM"));
    const checked = await all(
      raws.map((raw, i) => host.check(urn(i), {}, raw).then((r) => ({ i, inputs: r.inputs }))),
      failures,
    );
    mark("check");
    const created = await all(
      checked.map(({ i, inputs }) => host.create(urn(i), inputs).then((c) => ({ i, inputs, ...c }))),
      failures,
    );
    mark("create");
    const afterCreatesKb = statusKb(pid, "VmRSS");
    const read = await all(
      created.map((c) =>
        host.read(c.id, urn(c.i), c.properties, c.inputs).then((r) => ({ ...c, properties: r.properties })),
      ),
      failures,
    );
    mark("read");
    await all(
      read.map((c) => host.diff(c.id, urn(c.i), c.properties, c.inputs as Props, c.inputs)),
      failures,
    );
    mark("diff");
    await all(
      read.map((c) => host.delete(c.id, urn(c.i), c.properties, c.inputs)),
      failures,
    );
    mark("delete");
    return {
      cloud: label,
      idleKb,
      peakAfterKb,
      afterCreatesKb,
      peakKb: statusKb(pid, "VmHWM"),
      wallMs: performance.now() - t0,
      failures: failures.length,
      firstError: failures[0],
    };
  } finally {
    await host.close();
  }
}

/** memoryFigure measures figure 6 for each kind in its own host. */
export async function memoryFigure(pkg: InstalledPackage): Promise<Figure> {
  const rows: Row[] = [];
  const runs: MemoryRun[] = [];
  for (const start of [startAliyun, startHuawei]) {
    const cloud = await start({ lockMs: 0 });
    try {
      const run = await manage(cloud, pkg, pkg.providerTexts[cloud.kind], cloud.name);
      runs.push(run);
      rows.push(
        measured(
          `${run.cloud} host peak RSS, ${LISTENERS} listeners`,
          round(run.peakKb / MB, 1),
          "MB",
          PEAK_TARGET_MB,
          `RSS after the first Check ${round(run.idleKb / MB, 1)} MB, after ${LISTENERS} Creates ` +
            `${round(run.afterCreatesKb / MB, 1)} MB; run took ${round(run.wallMs / 1000, 1)} s`,
        ),
        measured(
          `${run.cloud} failed host calls`,
          run.failures,
          "calls",
          0,
          run.firstError ? `first: ${run.firstError}` : undefined,
        ),
      );
    } finally {
      await cloud.close();
    }
  }
  const baseline = await startAliyun({ lockMs: 0 });
  try {
    const text = noopProviderText(Buffer.byteLength(pkg.providerTexts[baseline.kind]));
    const run = await manage(baseline, pkg, text, "no-op provider");
    runs.push(run);
    rows.push(
      context(
        "no-op provider, same workload (host's own peak)",
        round(run.peakKb / MB, 1),
        "MB",
        `a provider that makes no call and keeps nothing, its text padded to the same size; RSS after the first ` +
          `Check ${round(run.idleKb / MB, 1)} MB`,
      ),
    );
  } finally {
    await baseline.close();
  }
  return {
    id: 6,
    title: "Memory: peak resident set of the provider host",
    conditions:
      `One fresh @pulumi/pulumi dynamic-provider host per kind in the scratch program of figure 5, driven over gRPC: ` +
      `${LISTENERS} Checks, Creates, Reads, Diffs and Deletes (each batch all in flight) spread over ` +
      `${LOAD_BALANCERS} load balancers of an in-process emulator with the lock off. Peak = VmHWM of the host's pid; ` +
      "MB = MiB.",
    rows: rows.concat(context("listeners per load balancer", LISTENERS / LOAD_BALANCERS, "listeners")),
    details: { runs },
  };
}
