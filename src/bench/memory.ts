/**
 * Figure 6: the package's share of the dynamic-provider host's peak resident memory while it manages 1,000
 * listeners of one kind: the host's peak with our provider minus its peak with a no-op provider on the same workload,
 * measured side by side in one run (the host alone, `@pulumi/pulumi` loaded, is most of the total and is not ours).
 * "The same workload" includes how long each call stays open: ours keep up to 1,000 Creates, Reads and Deletes open
 * in the host while they wait for the emulator, and the host's gRPC state for them is the host's cost, so the
 * baseline no-op holds each of those calls for a time drawn from the quantiles of how long ours did; the difference over a no-op answering at
 * once is printed beside it. It also includes how wide the answers are: ours' Check fills in the API defaults and
 * ours' Create adds the outputs, so the property bags the host holds, encodes and is sent back in every later call
 * are two to three times an echo's; the held no-op answers with ours' first answers under the values it is sent.
 * The real host runs in the scratch program with the packed package installed and is driven over gRPC as the engine
 * drives it: 1,000 Checks, then 1,000 Creates, 1,000 Reads, 1,000 Diffs and 1,000 Deletes, each batch all in flight
 * at once, against an in-process emulator with the lock off and 40 load balancers. The peak is the host's VmHWM from
 * /proc/<pid>/status (the kernel's high-water mark of its resident set), read after the run.
 */
import * as fs from "node:fs";
import { withoutProviderKey } from "../core/check";
import { DynamicProviderHost, type PropertyMap } from "../engine/host";
import type { Cloud, Props } from "./clouds";
import { startAliyun, startHuawei } from "./clouds";
import type { Figure, Row } from "./figure";
import { context, measured, median, percentile, round } from "./figure";
import type { Answers } from "./noop";
import { noopProviderText } from "./noop";
import type { InstalledPackage } from "./packed";

/** LISTENERS are managed per kind, spread evenly over LOAD_BALANCERS (Huawei allows 50 per load balancer). */
export const LISTENERS = 1000;
export const LOAD_BALANCERS = 40;
/**
 * PACKAGE_PEAK_TARGET_MB is the largest peak resident memory our provider may add to the held no-op host's, in MiB: a
 * guard against a regression (state kept per listener, a client per call), not a figure to chase; one run's peak
 * moves by tens of MB with when garbage collection runs, and the README keeps the spread.
 */
export const PACKAGE_PEAK_TARGET_MB = 60;
/**
 * ROUNDS alternate the no-op host and each kind's host this many times; the figure is the median of the rounds'
 * differences, since one run's peak moves by tens of MB with when garbage collection happens to run (two rounds of one
 * run gave 36.8 and 47.1 MB): three, so that one such round does not move the median.
 */
export const ROUNDS = 3;

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
  /** callMs is the median time the host held a Create, Read or Delete open (the calls ours answer after an API call). */
  readonly callMs: number;
  /** callQuantilesMs are the 0th, 5th, ... 100th percentiles of those times, which the held baseline replays. */
  readonly callQuantilesMs: readonly number[];
  /** answers are what the first listener's Check and Create answered (without `__provider`), for the held no-op. */
  readonly answers: Answers;
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

async function manage(cloud: Cloud, pkg: InstalledPackage, text: string, label: string): Promise<MemoryRun> {
  const host = await DynamicProviderHost.start({ programDir: pkg.programDir, env: { ...process.env, ...cloud.env } });
  const failures: string[] = [];
  const t0 = performance.now();
  const callMs: number[] = [];
  const held = <T>(call: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    return call().finally(() => callMs.push(performance.now() - start));
  };
  try {
    const pid = hostPid();
    await host.configure({});
    const lbs = cloud.addLoadBalancers(LOAD_BALANCERS);
    const urn = (i: number): string => `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/${cloud.kind}::l${i}`;
    const raws = Array.from({ length: LISTENERS }, (_, i): PropertyMap => ({
      ...cloud.listener(lbs[i % LOAD_BALANCERS], Math.floor(i / LOAD_BALANCERS)),
      __provider: text,
    }));
    const first = await host.check(urn(0), {}, raws[0]);
    const idleKb = statusKb(pid, "VmRSS");
    const peakAfterKb: Record<string, number> = {};
    const mark = (batch: string): void => void (peakAfterKb[batch] = statusKb(pid, "VmHWM"));
    const checked = await all(
      raws.map((raw, i) => host.check(urn(i), {}, raw).then((r) => ({ i, inputs: r.inputs }))),
      failures,
    );
    mark("check");
    const created = await all(
      checked.map(({ i, inputs }) => held(() => host.create(urn(i), inputs)).then((c) => ({ i, inputs, ...c }))),
      failures,
    );
    mark("create");
    const afterCreatesKb = statusKb(pid, "VmRSS");
    const read = await all(
      created.map((c) =>
        held(() => host.read(c.id, urn(c.i), c.properties, c.inputs)).then((r) => ({ ...c, properties: r.properties })),
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
      read.map((c) => held(() => host.delete(c.id, urn(c.i), c.properties, c.inputs))),
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
      callMs: median(callMs),
      callQuantilesMs: Array.from({ length: 21 }, (_, q) => percentile(callMs, q * 5)),
      answers: {
        check: withoutProviderKey(first.inputs),
        outputs: created[0] === undefined ? undefined : withoutProviderKey(created[0].properties),
      },
      failures: failures.length,
      firstError: failures[0],
    };
  } finally {
    await host.close();
  }
}

async function manageOn(
  start: typeof startAliyun,
  pkg: InstalledPackage,
  provider: (kind: string) => string,
  label: string,
): Promise<MemoryRun> {
  const cloud = await start({ lockMs: 0 });
  try {
    return await manage(cloud, pkg, provider(cloud.kind), label);
  } finally {
    await cloud.close();
  }
}

const mb = (kb: number): number => round(kb / MB, 1);

/**
 * memoryFigure measures figure 6: in each of ROUNDS rounds, the no-op host answering at once, then for each kind our
 * host followed by a no-op host on the same cloud that holds each Create, Read and Delete open for a time drawn from
 * the quantiles of how long ours held them (the held baseline: the same calls open at once for as long, so the difference is what our code
 * allocates and keeps, not the host's cost of open gRPC calls). Each kind's figure is the median over the rounds of
 * its peak minus the held baseline's; its peak minus the at-once baseline's is kept beside it.
 */
export async function memoryFigure(pkg: InstalledPackage): Promise<Figure> {
  const kinds = [
    { start: startAliyun, name: "Aliyun" },
    { start: startHuawei, name: "Huawei" },
  ];
  const noopText = (kind: string): string => noopProviderText(Buffer.byteLength(pkg.providerTexts[kind]));
  const runs: { noop: MemoryRun; kinds: MemoryRun[]; held: MemoryRun[] }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const noop = await manageOn(startAliyun, pkg, noopText, "no-op provider");
    const measuredRuns: MemoryRun[] = [];
    const heldRuns: MemoryRun[] = [];
    for (const { start, name } of kinds) {
      const own = await manageOn(start, pkg, (kind) => pkg.providerTexts[kind], name);
      measuredRuns.push(own);
      // The held no-op answers as wide as ours (our Check fills in API defaults, our Create adds the outputs), so the
      // host holds, encodes and is sent messages of the same size on both sides and the difference is our code's.
      const heldText = (kind: string): string =>
        noopProviderText(Buffer.byteLength(pkg.providerTexts[kind]), own.callQuantilesMs, own.answers);
      heldRuns.push(
        await manageOn(start, pkg, heldText, `no-op provider holding calls a median ${round(own.callMs, 0)} ms`),
      );
    }
    runs.push({ noop, kinds: measuredRuns, held: heldRuns });
  }
  const rows: Row[] = [];
  kinds.forEach(({ name }, k) => {
    const own = runs.map((r) => r.kinds[k]);
    const overHeld = runs.map((r) => r.kinds[k].peakKb - r.held[k].peakKb);
    const overAtOnce = runs.map((r) => r.kinds[k].peakKb - r.noop.peakKb);
    const failures = own.reduce((sum, run) => sum + run.failures, 0);
    rows.push(
      measured(
        `${name} peak RSS over the held no-op host, ${LISTENERS} listeners`,
        mb(median(overHeld)),
        "MB",
        PACKAGE_PEAK_TARGET_MB,
        `median of ${ROUNDS} rounds (mean of the middle two when even): ${overHeld.map(mb).join(" / ")} MB (peaks ` +
          `${own.map((r) => mb(r.peakKb)).join(" / ")} MB over the held no-op's ` +
          `${runs.map((r) => mb(r.held[k].peakKb)).join(" / ")} MB, which held each call a time drawn from ours' (median ` +
          `${own.map((r) => round(r.callMs, 0)).join(" / ")} ms); RSS after ${LISTENERS} Creates ` +
          `${own.map((r) => mb(r.afterCreatesKb)).join(" / ")} MB)`,
      ),
      context(
        `${name} peak RSS over the no-op host answering at once`,
        mb(median(overAtOnce)),
        "MB",
        `the figure before the held baseline; median of ${overAtOnce.map(mb).join(" / ")} MB: includes the host's ` +
          `cost of holding ${LISTENERS} gRPC calls open while ours wait for the emulator, which the no-op never does`,
      ),
      measured(
        `${name} failed host calls`,
        failures,
        "calls",
        0,
        own.find((r) => r.firstError)?.firstError ? `first: ${own.find((r) => r.firstError)?.firstError}` : undefined,
      ),
    );
  });
  rows.push(
    context(
      "no-op provider host's own peak, same workload",
      mb(median(runs.map((r) => r.noop.peakKb))),
      "MB",
      `median; rounds ${runs.map((r) => mb(r.noop.peakKb)).join(" / ")} MB; a provider that makes no call and keeps ` +
        "nothing, its text padded to the same size, answering every call at once",
    ),
    context("listeners per load balancer", LISTENERS / LOAD_BALANCERS, "listeners"),
  );
  return {
    id: 6,
    title: "Memory: the package's share of the provider host's peak resident set",
    conditions:
      `Per round, one fresh @pulumi/pulumi dynamic-provider host with a no-op provider answering at once, then per ` +
      `kind one with ours and one with a no-op provider that answers each Create, Read and Delete after a time drawn ` +
      `from the 5 % quantiles of the times ours took and answers Check and Create as wide as ours (ours' first ` +
      `answers under the values it is sent) (held baseline), in the scratch program of figure 5, driven over gRPC: ${LISTENERS} Checks, ` +
      `Creates, Reads, Diffs and Deletes (each batch all in flight) spread over ${LOAD_BALANCERS} load balancers of ` +
      `an in-process emulator with the lock off. Peak = VmHWM of the host's pid; the figure is our host's peak minus ` +
      `the held baseline's peak, median of ${ROUNDS} rounds; MB = MiB.`,
    rows,
    details: { runs },
  };
}
