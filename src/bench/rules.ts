/**
 * Figure 7: forwarding rules batched under the load-balancer lock. Twenty rules on one HTTPS listener are created at
 * once, as `pulumi up` creates independent resources once the listener they wait for exists, then deleted at once,
 * as `pulumi destroy` deletes independent resources; once with batching on (up to ten rules per CreateRules or
 * DeleteRules call) and once with it off (`ALICLOUD_RULE_BATCH_SIZE=1`, one call per rule), side by side in one run.
 * The emulator keeps the load balancer locked for L ms after each mutation, so batching's ideal per phase is the
 * two calls of ten rules times L, and without it twenty calls times L. Calls are counted as they arrive at the
 * emulator, the lock's refusals included; a few listener updates before the timed phases teach the pacer the lock
 * (see warmUp), and a cold side without them shows what the first rules on a fresh endpoint meet.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ForwardingRuleProvider } from "../aliyun/forwardingRule/provider";
import type { ForwardingRuleInputs } from "../aliyun/forwardingRule/schema";
import { ERROR_CODES, RULE_ACTIONS, RULES_PER_CALL } from "../aliyun/constants";
import type { Cloud, Managed, Props } from "./clouds";
import { createListener, RetryLog, startAliyunKinds, updateListener, withLogger } from "./clouds";
import type { Figure, Row } from "./figure";
import { context, measured, median, round } from "./figure";
import { LOCK_MS, RATIO_TARGET } from "./parallel";

/** RULES is how many rules one listener gets: two full CreateRules calls. */
export const RULES = 20;
/** CALLS_TARGET is the most CreateRules (and DeleteRules) calls the batched side may send, counted at the emulator. */
export const CALLS_TARGET = 3;
/** LOCK_REFUSAL is the code a rule mutation is answered with while the load balancer is locked. */
const LOCK_REFUSAL = ERROR_CODES.listenerStatusNotSupport;

/** Side is one way of running the provider: its name and the environment it adds to the emulator's. */
interface Side {
  readonly name: string;
  /** The environment the host's provider process would have; `ALICLOUD_RULE_BATCH_SIZE=1` turns batching off. */
  readonly env: Readonly<Record<string, string>>;
  /** How many listener updates teach the pacer the lock before the timed phases (see warmUp). */
  readonly warmUps: number;
}

/** WARM_UPS is how many listener updates warm the pacer up before the timed phases (see warmUp). */
const WARM_UPS = 3;
/** RUNS is how many times the batched sides run, each on a fresh emulator. */
const RUNS = 5;

/** BATCHED is the provider as configured by default: up to ten rules per call. */
const BATCHED: Side = { name: "batched", env: {}, warmUps: WARM_UPS };
/** UNBATCHED is the provider with batching turned off, as a user turns it off: one rule per call. */
const UNBATCHED: Side = { name: "batching off", env: { ALICLOUD_RULE_BATCH_SIZE: "1" }, warmUps: WARM_UPS };
/** COLD is the batched side without the warm-up: what the first rules on a fresh endpoint meet. */
const COLD: Side = { name: "batched, cold", env: {}, warmUps: 0 };

/** RulePhase is one phase (up: the creates, destroy: the deletes) of one side, as the emulator saw it. */
export interface RulePhase {
  readonly phase: "up" | "destroy";
  readonly action: typeof RULE_ACTIONS.create | typeof RULE_ACTIONS.delete;
  readonly wallMs: number;
  readonly idealMs: number;
  /** arrived counts every call of the action the emulator received, the lock's refusals included. */
  readonly arrived: number;
  /** refused counts the calls the lock refused (each one retried); accepted is arrived minus refused. */
  readonly refused: number;
  readonly accepted: number;
  /** calls are the emulator's counters of every action during the phase. */
  readonly calls: Readonly<Record<string, number>>;
  readonly failures: number;
  readonly firstError?: string;
}

/** SideResult is the two phases of one side. */
export interface SideResult {
  readonly side: string;
  readonly batchSize: number;
  readonly phases: readonly [RulePhase, RulePhase];
}

/** rule is the raw inputs of the `index`th rule: by URL alone, on the listener's port, to one server group. */
function rule(listener: Managed, index: number): ForwardingRuleInputs {
  return {
    loadBalancerId: String(listener.inputs.loadBalancerId),
    listenerPort: Number(listener.inputs.listenerPort),
    listenerProtocol: "https",
    ruleName: `r${index}`,
    url: `/r/${index}`,
    vServerGroupId: "rsp-bench",
  };
}

/** Made is a rule the up phase created: its id and stored outputs. */
interface Made {
  readonly id: string;
  readonly outs: Props;
}

/**
 * createRule is the engine's create step of one rule: check (with no old inputs, a new resource), then create with
 * the checked inputs. The provider is held as the host holds it, untyped.
 */
async function createRule(provider: dynamic.ResourceProvider, raw: ForwardingRuleInputs): Promise<Made> {
  const checked = await provider.check!({}, raw);
  if (checked.failures && checked.failures.length > 0) {
    throw new Error(`ForwardingRule check failed: ${checked.failures.map((f) => f.reason).join("; ")}`);
  }
  const { id, outs } = await provider.create(checked.inputs ?? raw);
  return { id, outs: (outs ?? {}) as Props };
}

/**
 * timed runs one phase's steps at once, as the engine does, and reads the emulator's counters and the retry log after
 * it: the phase starts with the load balancer still locked by the mutation before it, as in `pulumi up` where the
 * rules follow their listener's start.
 */
async function timed<T>(
  cloud: Cloud,
  log: RetryLog,
  phase: RulePhase["phase"],
  batchSize: number,
  steps: () => Promise<T>[],
): Promise<{ result: RulePhase; values: (T | undefined)[] }> {
  const action = phase === "up" ? RULE_ACTIONS.create : RULE_ACTIONS.delete;
  cloud.resetCalls();
  log.reset();
  const t0 = performance.now();
  const settled = await Promise.allSettled(steps());
  const wallMs = performance.now() - t0;
  const rejected = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
  const first = rejected[0]?.reason;
  const arrived = cloud.calls.get(action) ?? 0;
  // Only the phase's action mutates during it, so every lock refusal the log saw is one of its calls.
  const refused = log.byCode.get(LOCK_REFUSAL) ?? 0;
  return {
    result: {
      phase,
      action,
      wallMs,
      idealMs: Math.ceil(RULES / batchSize) * LOCK_MS,
      arrived,
      refused,
      accepted: arrived - refused,
      calls: Object.fromEntries(cloud.calls),
      failures: rejected.length,
      firstError: first === undefined ? undefined : first instanceof Error ? first.message : String(first),
    },
    values: settled.map((s) => (s.status === "fulfilled" ? s.value : undefined)),
  };
}

/**
 * runSide starts a fresh emulator (a new endpoint, whose lock the process's pacer has never met), creates the HTTPS
 * listener through its provider as `pulumi up` would first, optionally warms the pacer up, then times the up and the
 * destroy of the rules through a ForwardingRuleProvider built as the host builds it: from the environment alone.
 */
async function runSide(side: Side): Promise<SideResult> {
  const [cloud] = await startAliyunKinds({ lockMs: LOCK_MS }, ["https"]);
  const log = new RetryLog();
  try {
    return await withLogger(log, async () => {
      const [lb] = cloud.addLoadBalancers(1);
      const raw = cloud.listener(lb, 0);
      const listener = await createListener(cloud, raw);
      await warmUp(cloud, listener, side.warmUps);
      const provider: dynamic.ResourceProvider = new ForwardingRuleProvider({ env: { ...cloud.env, ...side.env } });
      const batchSize = Number(side.env.ALICLOUD_RULE_BATCH_SIZE ?? RULES_PER_CALL);
      const rules = Array.from({ length: RULES }, (_, i) => rule(listener, i));
      const up = await timed(cloud, log, "up", batchSize, () => rules.map((r) => createRule(provider, r)));
      const destroy = await timed(cloud, log, "destroy", batchSize, () =>
        up.values.flatMap((m) => (m === undefined ? [] : [provider.delete!(m.id, m.outs)])),
      );
      return { side: side.name, batchSize, phases: [up.result, destroy.result] };
    });
  } finally {
    await cloud.close();
  }
}

/**
 * warmUp makes `count` in-place updates of the listener (one mutation each) before the timed phases. The pacer
 * learns how long an endpoint's lock lasts from its first mutations there: the listener's start, refused until the
 * lock after its create ends (each probe half again as late as the one before), leaves an interval between the last
 * refused probe and the one that went through of a third to half the lock, and each later mutation probes its middle,
 * until it is within 15% (+2 ms): two or three mutations after the start. In a provider process that has mutated a
 * few things on the endpoint before, the rules' first batch meets a pacer that knows the lock; these updates stand
 * for that, so the timed phases show the batching, not the learning (the cold side shows the learning).
 */
async function warmUp(cloud: Cloud, listener: Managed, count: number): Promise<void> {
  let current = listener;
  for (let i = 0; i < count; i++) {
    // Alternate the changed input and the original, so that every update changes something.
    const next = i % 2 === 0 ? cloud.changed(listener.inputs) : listener.inputs;
    current = await updateListener(cloud, current, next);
  }
}

/** list prints numbers as `a, b, c`. */
function list(values: readonly number[]): string {
  return values.join(", ");
}

/** PhaseRuns are one phase of a side over its runs. */
interface PhaseRuns {
  readonly side: string;
  readonly phase: RulePhase["phase"];
  readonly action: RulePhase["action"];
  readonly idealMs: number;
  readonly arrived: readonly number[];
  readonly accepted: readonly number[];
  readonly wallMs: readonly number[];
  readonly failures: number;
  readonly firstError?: string;
}

/** phaseRuns gathers phase `index` of every run of a side. */
function phaseRuns(runs: readonly SideResult[], index: 0 | 1): PhaseRuns {
  const phases = runs.map((r) => r.phases[index]);
  const [first] = phases;
  return {
    side: runs[0].side,
    phase: first.phase,
    action: first.action,
    idealMs: first.idealMs,
    arrived: phases.map((p) => p.arrived),
    accepted: phases.map((p) => p.accepted),
    wallMs: phases.map((p) => Math.round(p.wallMs)),
    failures: phases.reduce((sum, p) => sum + p.failures, 0),
    firstError: phases.find((p) => p.firstError !== undefined)?.firstError,
  };
}

/** callsNote states a phase's calls per run: arrived, refused by the lock (and sent again), accepted. */
function callsNote(p: PhaseRuns): string {
  const refused = p.arrived.map((n, i) => n - p.accepted[i]);
  return (
    `${p.action} arrived per run: ${list(p.arrived)}; of them refused by the lock (${LOCK_REFUSAL}) and sent ` +
    `again: ${list(refused)}; accepted: ${list(p.accepted)}` +
    (p.failures > 0 ? `; ${p.failures} rules failed, first: ${p.firstError}` : "")
  );
}

/** timeNote states a phase's wall time per run against the ideal, and the slowest run's ratio. */
function timeNote(p: PhaseRuns): string {
  const slowest = Math.max(...p.wallMs);
  return (
    `per run: ${list(p.wallMs)} ms for ${p.idealMs} ms ideal` +
    (p.wallMs.length > 1 ? ` (median ${median(p.wallMs)} ms; slowest ${round(slowest / p.idealMs)}x)` : "")
  );
}

/**
 * batchedRows hold the batched side to the targets: the most calls that arrived in any run, the median wall time
 * against the ideal (one run's time moves with the shared machine's scheduling; every run's time is in the note),
 * and no failed rule.
 */
function batchedRows(runs: readonly SideResult[]): Row[] {
  return ([0, 1] as const).flatMap((i) => {
    const p = phaseRuns(runs, i);
    return [
      measured(
        `${p.side} ${p.phase}: ${p.action} calls arrived (most)`,
        Math.max(...p.arrived),
        "calls",
        CALLS_TARGET,
        callsNote(p),
      ),
      measured(
        `${p.side} ${p.phase} (median / ideal)`,
        round(median(p.wallMs) / p.idealMs),
        "x ideal",
        RATIO_TARGET,
        timeNote(p),
      ),
      measured(`${p.side} ${p.phase} failures`, p.failures, "rules", 0),
    ];
  });
}

/** contextRows show a side without targets: the most calls that arrived and the median wall time per phase. */
function contextRows(runs: readonly SideResult[]): Row[] {
  return ([0, 1] as const).flatMap((i) => {
    const p = phaseRuns(runs, i);
    return [
      context(`${p.side} ${p.phase}: ${p.action} calls arrived (most)`, Math.max(...p.arrived), "calls", callsNote(p)),
      context(`${p.side} ${p.phase} wall time (median)`, median(p.wallMs), "ms", timeNote(p)),
    ];
  });
}

/** repeat runs a side `times` times, one after the other, each on its own fresh emulator. */
async function repeat(side: Side, times: number): Promise<SideResult[]> {
  const runs: SideResult[] = [];
  for (let i = 0; i < times; i++) runs.push(await runSide(side));
  return runs;
}

/**
 * rulesFigure measures figure 7: the batched side (held to the targets), the side with batching off and the factor
 * between them, and the batched side without the warm-up (context).
 */
export async function rulesFigure(): Promise<Figure> {
  const batched = await repeat(BATCHED, RUNS);
  const unbatched = await repeat(UNBATCHED, 1);
  const cold = await repeat(COLD, RUNS);
  const rows: Row[] = [...batchedRows(batched), ...contextRows(unbatched)];
  for (const i of [0, 1] as const) {
    const on = phaseRuns(batched, i);
    const off = phaseRuns(unbatched, i);
    rows.push(
      context(
        `batching buys (${on.phase}: batching off / batched median)`,
        round(median(off.wallMs) / median(on.wallMs), 1),
        "x",
        `${median(off.wallMs)} ms / ${median(on.wallMs)} ms`,
      ),
    );
  }
  rows.push(...contextRows(cold));
  const calls = RULES / RULES_PER_CALL;
  return {
    id: 7,
    title: "Forwarding rules batched under the load-balancer lock",
    conditions:
      `${RULES} URL rules on one HTTPS listener: ${RULES} creates in flight at once once the listener exists (one ` +
      "`pulumi up`: the listener's create and start, then its rules), then their " +
      `${RULES} deletes at once (one \`pulumi destroy\`), each phase starting while the load balancer is still ` +
      `locked by the mutation before it; emulator lock L = ${LOCK_MS} ms per mutation, no throttling. Each run is ` +
      "on a fresh emulator (a new endpoint) with a ForwardingRuleProvider built as the host builds it, from the " +
      `environment: batched (up to ${RULES_PER_CALL} rules per call, the default; ${RUNS} runs) and batching off ` +
      `(ALICLOUD_RULE_BATCH_SIZE=1; 1 run). Ideal = the calls the phase needs x L: ${calls} x L = ` +
      `${calls * LOCK_MS} ms batched, ${RULES} x L = ${RULES * LOCK_MS} ms with batching off. Calls are counted as ` +
      "they arrived at the emulator, the lock's refusals included (accepted = arrived - refused; the minimum is " +
      `${calls} of each); the call target holds every run, the time target the median run. Warm-up: before the ` +
      `timed phases the listener is updated ${WARM_UPS} times in place, so that the pacer, which learns the lock's ` +
      "length from the first mutations on an endpoint, knows it, as it does in a provider process that mutated a few " +
      `things there before; the cold side (${RUNS} runs, batched) skips the warm-up and shows what the first rules ` +
      "on a fresh endpoint meet.",
    rows,
    details: { runs: { batched, unbatched, cold } },
  };
}
