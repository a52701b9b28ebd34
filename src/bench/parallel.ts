/**
 * Figure 2: the lifecycle of many listeners at once under the load-balancer lock. Five load balancers with ten
 * listeners each are created, then updated, then deleted, every step of a phase in flight at once (Pulumi's default
 * parallelism is unbounded). The emulator keeps a load balancer locked for L ms after each mutation, so a phase can
 * finish no sooner than the longest chain of mutations on one load balancer times L.
 */
import type { Cloud, Managed } from "./clouds";
import {
  createListener,
  deleteListener,
  RetryLog,
  startAliyun,
  startHuawei,
  startHuaweiV3,
  totalCalls,
  updateListener,
  withLogger,
} from "./clouds";
import type { Figure, Row } from "./figure";
import { context, measured, round } from "./figure";

/** LOCK_MS is L: long enough that a few milliseconds of scheduling noise on a shared machine stay small beside it. */
export const LOCK_MS = 100;
/** LOAD_BALANCERS x LISTENERS_PER_LB listeners take part. */
export const LOAD_BALANCERS = 5;
export const LISTENERS_PER_LB = 10;
/** RATIO_TARGET is the largest measured / ideal wall time allowed. */
export const RATIO_TARGET = 1.3;
/** RETRY_SHARE_TARGET is the largest share of calls that may be retries, in percent. */
export const RETRY_SHARE_TARGET = 10;

/** PhaseResult is one phase (create, update or delete) of every listener. */
export interface PhaseResult {
  readonly phase: "create" | "update" | "delete";
  readonly wallMs: number;
  /** idealMs is the longest chain of mutations on one load balancer times L. */
  readonly idealMs: number;
  readonly calls: number;
  readonly retries: number;
  readonly retriesByCode: Record<string, number>;
  readonly failures: number;
  readonly firstError?: string;
}

/** LifecycleResult is the whole run of one cloud. */
export interface LifecycleResult {
  readonly cloud: string;
  readonly phases: readonly PhaseResult[];
  readonly wallMs: number;
  readonly idealMs: number;
  readonly calls: number;
  readonly retries: number;
  readonly failures: number;
  /** offeredRps is calls per second of wall time: the load the provider put on the API. */
  readonly offeredRps: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function phase<T>(
  cloud: Cloud,
  log: RetryLog,
  name: PhaseResult["phase"],
  idealMs: number,
  work: () => Promise<T>[],
): Promise<{ result: PhaseResult; values: T[] }> {
  cloud.resetCalls();
  log.reset();
  const t0 = performance.now();
  const settled = await Promise.allSettled(work());
  const wallMs = performance.now() - t0;
  const rejected = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
  const values = settled.filter((s): s is PromiseFulfilledResult<Awaited<T>> => s.status === "fulfilled");
  const first = rejected[0]?.reason;
  return {
    result: {
      phase: name,
      wallMs,
      idealMs,
      calls: totalCalls(cloud.calls),
      retries: log.retries,
      retriesByCode: Object.fromEntries(log.byCode),
      failures: rejected.length,
      firstError: first === undefined ? undefined : first instanceof Error ? first.message : String(first),
    },
    values: values.map((v) => v.value),
  };
}

/**
 * runLifecycle creates, updates and deletes `loadBalancers x perLoadBalancer` listeners, each phase fully parallel,
 * and measures each phase at the emulator. The lock's ideal uses `lockMs`; a phase starts after the last lock ended.
 */
export async function runLifecycle(
  cloud: Cloud,
  lockMs: number,
  loadBalancers = LOAD_BALANCERS,
  perLoadBalancer = LISTENERS_PER_LB,
): Promise<LifecycleResult> {
  const log = new RetryLog();
  return withLogger(log, async () => {
    const lbs = cloud.addLoadBalancers(loadBalancers);
    const raws = lbs.flatMap((lb) => Array.from({ length: perLoadBalancer }, (_, i) => cloud.listener(lb, i)));
    const chain = (mutations: number): number => perLoadBalancer * mutations * lockMs;
    const created = await phase(cloud, log, "create", chain(cloud.mutations.create), () =>
      raws.map((raw) => createListener(cloud, raw)),
    );
    await sleep(lockMs);
    const updated = await phase(cloud, log, "update", chain(cloud.mutations.update), () =>
      created.values.map((m: Managed) => updateListener(cloud, m, cloud.changed(raws[created.values.indexOf(m)]))),
    );
    await sleep(lockMs);
    const deleted = await phase(cloud, log, "delete", chain(cloud.mutations.delete), () =>
      updated.values.map((m) => deleteListener(cloud, m)),
    );
    const phases = [created.result, updated.result, deleted.result];
    const sum = (pick: (p: PhaseResult) => number): number => phases.reduce((a, p) => a + pick(p), 0);
    return {
      cloud: cloud.name,
      phases,
      wallMs: sum((p) => p.wallMs),
      idealMs: sum((p) => p.idealMs),
      calls: sum((p) => p.calls),
      retries: sum((p) => p.retries),
      failures: sum((p) => p.failures),
      offeredRps: (sum((p) => p.calls) / sum((p) => p.wallMs)) * 1000,
    };
  });
}

function codes(p: PhaseResult): string {
  const entries = Object.entries(p.retriesByCode);
  return entries.length === 0 ? "no retries" : `retries: ${entries.map(([c, n]) => `${c} ${n}`).join(", ")}`;
}

/** lifecycleRows turns a run into the figure's rows: per phase and total ratio, failures, retry share. */
export function lifecycleRows(run: LifecycleResult): Row[] {
  const rows: Row[] = run.phases.map((p) =>
    measured(
      `${run.cloud} ${p.phase} (measured / ideal)`,
      round(p.wallMs / p.idealMs),
      "x ideal",
      RATIO_TARGET,
      `${Math.round(p.wallMs)} ms for ${p.idealMs} ms ideal, ${p.calls} calls, ${codes(p)}` +
        (p.failures > 0 ? `; ${p.failures} failed, first: ${p.firstError}` : ""),
    ),
  );
  rows.push(
    measured(
      `${run.cloud} whole lifecycle (measured / ideal)`,
      round(run.wallMs / run.idealMs),
      "x ideal",
      RATIO_TARGET,
    ),
    measured(`${run.cloud} failures`, run.failures, "steps", 0),
    measured(
      `${run.cloud} retries / calls`,
      round((100 * run.retries) / run.calls, 1),
      "%",
      RETRY_SHARE_TARGET,
      `${run.retries} retries in ${run.calls} calls`,
    ),
    context(`${run.cloud} offered load`, Math.round(run.offeredRps), "calls/s"),
  );
  return rows;
}

/** parallelFigure measures figure 2 for every resource (HttpsListener, ElbListener, ElbV3Listener). */
export async function parallelFigure(): Promise<Figure> {
  const rows: Row[] = [];
  const runs: LifecycleResult[] = [];
  for (const start of [startAliyun, startHuawei, startHuaweiV3]) {
    const cloud = await start({ lockMs: LOCK_MS });
    try {
      const run = await runLifecycle(cloud, LOCK_MS);
      runs.push(run);
      rows.push(...lifecycleRows(run));
    } finally {
      await cloud.close();
    }
  }
  return {
    id: 2,
    title: "Parallel lifecycle under the load-balancer lock",
    conditions:
      `${LOAD_BALANCERS} load balancers x ${LISTENERS_PER_LB} listeners, created, then updated, then deleted, all ` +
      `${LOAD_BALANCERS * LISTENERS_PER_LB} steps of a phase in flight at once (Pulumi's default parallelism), through ` +
      `one provider per cloud in this process; emulator lock L = ${LOCK_MS} ms per mutation, no throttling. Ideal = ` +
      `${LISTENERS_PER_LB} listeners x mutations per step (Aliyun create 2: create + start; else 1) x L. Huawei v3 ` +
      "(ElbV3Listener) also waits for its dedicated load balancer to be ACTIVE before and after each mutation, polling " +
      "it every 10 ms while the lock shows it PENDING_UPDATE, so its calls include those GETs.",
    rows,
    details: { runs },
  };
}
