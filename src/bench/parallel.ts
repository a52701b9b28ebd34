/**
 * Figure 2: the lifecycle of many listeners at once under the load-balancer lock. Five load balancers with ten
 * listeners each are created, then updated, then deleted, every step of a phase in flight at once (Pulumi's default
 * parallelism is unbounded). The emulator keeps a load balancer locked for L ms after each mutation, so a phase can
 * finish no sooner than the longest chain of mutations on one load balancer times L.
 */
import type { Cloud, Props } from "./clouds";
import {
  createListener,
  deleteListener,
  RetryLog,
  startAliyun,
  startAliyunKinds,
  startHuawei,
  startHuaweiV2,
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
/**
 * LISTENERS_PER_PROTOCOL is how many listeners of each of the four SLB protocols (HTTPS, HTTP, TCP, UDP) share one
 * load balancer in the run of all four: 12 per load balancer, about the 10 of the one-kind runs.
 */
export const LISTENERS_PER_PROTOCOL = 3;
/** ALL_SLB_PROTOCOLS names the run of the four SLB listener kinds on the same load balancers. */
const ALL_SLB_PROTOCOLS = "Aliyun HTTPS+HTTP+TCP+UDP";
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
): Promise<{ result: PhaseResult; values: (T | undefined)[] }> {
  cloud.resetCalls();
  log.reset();
  const t0 = performance.now();
  const settled = await Promise.allSettled(work());
  const wallMs = performance.now() - t0;
  const rejected = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
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
    // One slot per step of the phase, in order; a failed step's slot is empty, so the next phase skips it.
    values: settled.map((s) => (s.status === "fulfilled" ? s.value : undefined)),
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
  return runKindsLifecycle(cloud.name, [cloud], lockMs, loadBalancers, perLoadBalancer);
}

/** Slot is one listener of a run: its kind, load balancer and raw inputs. */
interface Slot {
  readonly kind: Cloud;
  readonly loadBalancerId: string;
  readonly raw: Props;
}

/**
 * runKindsLifecycle is runLifecycle over several kinds sharing one emulator (the first kind's): every load balancer
 * gets `perKind` listeners of each kind, all of a phase in flight at once. The ideal is the longest chain of
 * mutations on one load balancer: the sum over its listeners of their kind's mutations per step, times `lockMs`.
 */
async function runKindsLifecycle(
  name: string,
  kinds: readonly Cloud[],
  lockMs: number,
  loadBalancers = LOAD_BALANCERS,
  perKind = LISTENERS_PER_LB,
): Promise<LifecycleResult> {
  const [host] = kinds;
  const log = new RetryLog();
  return withLogger(log, async () => {
    const lbs = host.addLoadBalancers(loadBalancers);
    const slots: Slot[] = lbs.flatMap((loadBalancerId) =>
      kinds.flatMap((kind) =>
        Array.from({ length: perKind }, (_, i) => ({ kind, loadBalancerId, raw: kind.listener(loadBalancerId, i) })),
      ),
    );
    const chain = (step: keyof Cloud["mutations"]): number =>
      Math.max(
        ...lbs.map((lb) =>
          slots.filter((s) => s.loadBalancerId === lb).reduce((sum, s) => sum + s.kind.mutations[step], 0),
        ),
      ) * lockMs;
    const created = await phase(host, log, "create", chain("create"), () =>
      slots.map((s) => createListener(s.kind, s.raw)),
    );
    await sleep(lockMs);
    const updated = await phase(host, log, "update", chain("update"), () =>
      slots.flatMap((s, i) => {
        const m = created.values[i];
        return m === undefined ? [] : [updateListener(s.kind, m, s.kind.changed(s.raw)).then((u) => ({ s, u }))];
      }),
    );
    await sleep(lockMs);
    const deleted = await phase(host, log, "delete", chain("delete"), () =>
      updated.values.flatMap((v) => (v === undefined ? [] : [deleteListener(v.s.kind, v.u)])),
    );
    const phases = [created.result, updated.result, deleted.result];
    const sum = (pick: (p: PhaseResult) => number): number => phases.reduce((a, p) => a + pick(p), 0);
    return {
      cloud: name,
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

/**
 * parallelFigure measures figure 2 for every listener kind: HttpsListener, ElbListener, ElbV2Listener and
 * ElbV3Listener alone, and the four SLB kinds (HttpsListener, HttpListener, TcpListener, UdpListener) on the same
 * load balancers at once.
 */
export async function parallelFigure(): Promise<Figure> {
  const rows: Row[] = [];
  const runs: LifecycleResult[] = [];
  const record = (run: LifecycleResult): void => {
    runs.push(run);
    rows.push(...lifecycleRows(run));
  };
  for (const start of [startAliyun, startHuawei, startHuaweiV2, startHuaweiV3]) {
    const cloud = await start({ lockMs: LOCK_MS });
    try {
      record(await runLifecycle(cloud, LOCK_MS));
    } finally {
      await cloud.close();
    }
  }
  const kinds = await startAliyunKinds({ lockMs: LOCK_MS });
  try {
    record(await runKindsLifecycle(ALL_SLB_PROTOCOLS, kinds, LOCK_MS, LOAD_BALANCERS, LISTENERS_PER_PROTOCOL));
  } finally {
    await kinds[0].close();
  }
  return {
    id: 2,
    title: "Parallel lifecycle under the load-balancer lock",
    conditions:
      `${LOAD_BALANCERS} load balancers x ${LISTENERS_PER_LB} listeners, created, then updated, then deleted, all ` +
      `${LOAD_BALANCERS * LISTENERS_PER_LB} steps of a phase in flight at once (Pulumi's default parallelism), through ` +
      `one provider per kind in this process; emulator lock L = ${LOCK_MS} ms per mutation, no throttling. Ideal = ` +
      `the longest chain of mutations on one load balancer x L: ${LISTENERS_PER_LB} listeners x mutations per step ` +
      "(Aliyun create 2: create + start; else 1). Huawei v2 (ElbV2Listener, shared) and Huawei v3 (ElbV3Listener, " +
      "dedicated) also wait for the load balancer to be ACTIVE before and after each mutation, polling it every 10 " +
      "ms while the lock shows it PENDING_UPDATE, so their calls include those GETs. " +
      `${ALL_SLB_PROTOCOLS}: on each of the ${LOAD_BALANCERS} load balancers ${LISTENERS_PER_PROTOCOL} listeners ` +
      `of each of HTTPS, HTTP, TCP and UDP (${4 * LISTENERS_PER_PROTOCOL} per load balancer, ` +
      `${4 * LISTENERS_PER_PROTOCOL * LOAD_BALANCERS} in all; each UDP listener on the port of an HTTPS, HTTP or TCP ` +
      "one, which the service allows; HTTPS, HTTP and TCP never share a port), one provider per kind queuing on the " +
      `one lock per load balancer; ideal = ${4 * LISTENERS_PER_PROTOCOL} x 2 x L to create, ` +
      `${4 * LISTENERS_PER_PROTOCOL} x L to update and to delete.`,
    rows,
    details: { runs },
  };
}
