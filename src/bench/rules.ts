/**
 * Figure 7: forwarding rules batched under the load-balancer lock. Twenty rules on one HTTPS listener are created at
 * once, as `pulumi up` creates independent resources once the listener they wait for exists, then deleted at once,
 * as `pulumi destroy` deletes independent resources; once with batching on (up to ten rules per CreateRules or
 * DeleteRules call) and once with it off (`ALICLOUD_RULE_BATCH_SIZE=1`, one call per rule), side by side in one run.
 * The emulator keeps the load balancer locked for L ms after each mutation, so batching's ideal per phase is the
 * two calls of ten rules times L, and without it twenty calls times L.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ForwardingRuleProvider } from "../aliyun/forwardingRule/provider";
import type { ForwardingRuleInputs } from "../aliyun/forwardingRule/schema";
import type { Cloud, Managed, Props } from "./clouds";
import { createListener, describeCalls, RetryLog, startAliyunKinds, updateListener, withLogger } from "./clouds";
import type { Figure, Row } from "./figure";
import { context, measured, round } from "./figure";
import { LOCK_MS, RATIO_TARGET } from "./parallel";

/** RULES is how many rules one listener gets: two full CreateRules calls. */
export const RULES = 20;
/** RULES_PER_CALL is the most rules one CreateRules or DeleteRules call takes. */
const RULES_PER_CALL = 10;
/** CALLS_TARGET is the most CreateRules (and DeleteRules) calls the batched side may send, counted at the emulator. */
export const CALLS_TARGET = 3;
/** LOCK_REFUSAL is the code the emulator answers a rule mutation with while the load balancer is locked. */
const LOCK_REFUSAL = "OperationFailed.ListenerStatusNotSupport";

/** Side is one way of running the provider: its name and the environment it adds to the emulator's. */
interface Side {
  readonly name: string;
  /** The environment the host's provider process would have; `ALICLOUD_RULE_BATCH_SIZE=1` turns batching off. */
  readonly env: Readonly<Record<string, string>>;
  /** Whether one more listener mutation teaches the pacer the lock before the timed phases (see warmUp). */
  readonly warm: boolean;
}

const BATCHED: Side = { name: "batched", env: {}, warm: true };
const UNBATCHED: Side = { name: "batching off", env: { ALICLOUD_RULE_BATCH_SIZE: "1" }, warm: true };
/** COLD is the batched side without the warm-up: what the first rules on a fresh endpoint meet. */
const COLD: Side = { name: "batched, cold", env: {}, warm: false };

/** RulePhase is one phase (up: the creates, destroy: the deletes) of one side, as the emulator saw it. */
export interface RulePhase {
  readonly phase: "up" | "destroy";
  readonly action: "CreateRules" | "DeleteRules";
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
  const action = phase === "up" ? "CreateRules" : "DeleteRules";
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
      if (side.warm) await warmUp(cloud, listener);
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
 * warmUp makes one more mutation of the listener (an in-place update) before the timed phases. The pacer learns how
 * long the endpoint's lock lasts from its first mutations there: the listener's create and start bound it, the next
 * mutation's probes close the bounds. In a provider process that has mutated anything on the endpoint before, the
 * rules' first batch meets a pacer that knows the lock; this update stands for that, so the timed phases show the
 * batching and not the learning (the cold side shows the learning).
 */
async function warmUp(cloud: Cloud, listener: Managed): Promise<void> {
  await updateListener(cloud, listener, cloud.changed(listener.inputs));
}

/** phaseNote states a phase's time, its calls and what became of them. */
function phaseNote(p: RulePhase): string {
  return (
    `${Math.round(p.wallMs)} ms for ${p.idealMs} ms ideal; ${p.action}: ${p.arrived} arrived, ${p.accepted} ` +
    `accepted, ${p.refused} refused by the lock (${LOCK_REFUSAL}); all calls: ` +
    `${describeCalls(new Map(Object.entries(p.calls)))}` +
    (p.failures > 0 ? `; ${p.failures} failed, first: ${p.firstError}` : "")
  );
}

/** batchedRows hold the batched side to the targets: calls arrived and wall time against the ideal, no failures. */
function batchedRows(run: SideResult): Row[] {
  return run.phases.flatMap((p) => [
    measured(`${run.side} ${p.phase}: ${p.action} calls arrived`, p.arrived, "calls", CALLS_TARGET, phaseNote(p)),
    measured(`${run.side} ${p.phase} (measured / ideal)`, round(p.wallMs / p.idealMs), "x ideal", RATIO_TARGET),
    measured(`${run.side} ${p.phase} failures`, p.failures, "rules", 0),
  ]);
}

/** contextRows show a side without targets: its calls and wall time per phase. */
function contextRows(run: SideResult): Row[] {
  return run.phases.flatMap((p) => [
    context(`${run.side} ${p.phase}: ${p.action} calls arrived`, p.arrived, "calls", phaseNote(p)),
    context(`${run.side} ${p.phase} wall time`, Math.round(p.wallMs), "ms"),
  ]);
}

/**
 * rulesFigure measures figure 7: the batched side (held to the targets), the side with batching off and the factor
 * between them, and the batched side without the warm-up (context).
 */
export async function rulesFigure(): Promise<Figure> {
  const batched = await runSide(BATCHED);
  const unbatched = await runSide(UNBATCHED);
  const cold = await runSide(COLD);
  const rows: Row[] = [...batchedRows(batched), ...contextRows(unbatched)];
  batched.phases.forEach((p, i) => {
    const off = unbatched.phases[i];
    rows.push(
      context(
        `batching buys (${p.phase}: batching off / batched)`,
        round(off.wallMs / p.wallMs, 1),
        "x",
        `${Math.round(off.wallMs)} ms / ${Math.round(p.wallMs)} ms`,
      ),
    );
  });
  rows.push(...contextRows(cold));
  return {
    id: 7,
    title: "Forwarding rules batched under the load-balancer lock",
    conditions:
      `${RULES} URL rules on one HTTPS listener: ${RULES} creates in flight at once once the listener exists (one ` +
      "`pulumi up`: the listener's create and start, then its rules), then their " +
      `${RULES} deletes at once (one \`pulumi destroy\`), each phase starting while the load balancer is still ` +
      `locked by the mutation before it; emulator lock L = ${LOCK_MS} ms per mutation, no throttling. Each side ` +
      "runs on a fresh emulator (a new endpoint) with a ForwardingRuleProvider built as the host builds it, from the " +
      `environment: batched (up to ${RULES_PER_CALL} rules per call, the default) and batching off ` +
      "(ALICLOUD_RULE_BATCH_SIZE=1). Ideal = the calls the phase needs x L: " +
      `${RULES / RULES_PER_CALL} x L = ${(RULES / RULES_PER_CALL) * LOCK_MS} ms batched, ${RULES} x L = ` +
      `${RULES * LOCK_MS} ms with batching off. Calls are counted as they arrived at the emulator, the lock's ` +
      `refusals included (accepted = arrived - refused; the minimum is ${RULES / RULES_PER_CALL} of each). Before ` +
      "the timed phases the listener is updated once in place, a warm-up: the pacer learns the lock's length from " +
      "the first mutations on an endpoint, and the update lets it finish, as any earlier mutation in the provider " +
      "process would; the cold side skips it and shows what the first rules on a fresh endpoint meet.",
    rows,
    details: { runs: [batched, unbatched, cold] },
  };
}
