/**
 * Figure 3: the parallel lifecycle of figure 2 with the emulator also throttling: it accepts at most R requests per
 * second (a sliding one-second window) and answers the rest with its throttling error (Aliyun `Throttling.User`,
 * Huawei 429 `APIGW.0308`). R is below the load the providers offer unthrottled, so the limit, not the lock, decides
 * the wall time: the least it can be is the calls the lifecycle needs divided by R.
 */
import type { Cloud } from "./clouds";
import { startAliyun, startHuawei } from "./clouds";
import type { Figure, Row } from "./figure";
import { context, measured, round } from "./figure";
import type { LifecycleResult } from "./parallel";
import { LISTENERS_PER_LB, LOAD_BALANCERS, LOCK_MS, RATIO_TARGET, runLifecycle } from "./parallel";

/** REQUESTS_PER_SECOND is R, about half the load either provider offers under the lock alone (figure 2). */
export const REQUESTS_PER_SECOND = 25;

function rows(run: LifecycleResult): Row[] {
  // Calls the lifecycle needs: every call the emulator saw except the retried ones.
  const needed = run.calls - run.retries;
  const allowedMs = Math.max((needed / REQUESTS_PER_SECOND) * 1000, run.idealMs);
  const byCode = new Map<string, number>();
  for (const p of run.phases)
    for (const [c, n] of Object.entries(p.retriesByCode)) byCode.set(c, (byCode.get(c) ?? 0) + n);
  const codes = [...byCode.entries()].map(([c, n]) => `${c} ${n}`).join(", ") || "none";
  return [
    measured(
      `${run.cloud} wall time / allowed by the limit`,
      round(run.wallMs / allowedMs),
      "x allowed",
      RATIO_TARGET,
      `${Math.round(run.wallMs)} ms; allowed = ${needed} needed calls / ${REQUESTS_PER_SECOND} per s = ` +
        `${Math.round(allowedMs)} ms; ${run.calls} calls in all, retries: ${codes}`,
    ),
    measured(
      `${run.cloud} failures`,
      run.failures,
      "steps",
      0,
      run.failures > 0 ? run.phases.find((p) => p.firstError)?.firstError : undefined,
    ),
    context(`${run.cloud} accepted rate`, round((needed / run.wallMs) * 1000, 1), "calls/s"),
  ];
}

/** throttledFigure measures figure 3 for both resources. */
export async function throttledFigure(): Promise<Figure> {
  const out: Row[] = [];
  const runs: LifecycleResult[] = [];
  for (const start of [startAliyun, startHuawei]) {
    const cloud: Cloud = await start({ lockMs: LOCK_MS, requestsPerSecond: REQUESTS_PER_SECOND });
    try {
      const run = await runLifecycle(cloud, LOCK_MS);
      runs.push(run);
      out.push(...rows(run));
    } finally {
      await cloud.close();
    }
  }
  return {
    id: 3,
    title: "Parallel lifecycle under throttling",
    conditions:
      `Figure 2's run (${LOAD_BALANCERS} x ${LISTENERS_PER_LB} listeners, L = ${LOCK_MS} ms) with the emulator ` +
      `accepting at most R = ${REQUESTS_PER_SECOND} requests per second; allowed wall time = calls the lifecycle ` +
      `needs (calls seen minus retries) / R, or the lock's ideal if longer.`,
    rows: out,
    details: { requestsPerSecond: REQUESTS_PER_SECOND, runs },
  };
}
