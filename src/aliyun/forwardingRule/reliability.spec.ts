/**
 * Reliability of the ForwardingRule provider against the emulator with the lock on: every fault kind of the emulator
 * on every call of every lifecycle step (CreateRules, the DescribeRules look-up after a lost answer, SetRule,
 * DescribeRuleAttribute, DeleteRules) ends with exactly the rules that should exist, each made once.
 */
import type { AliyunEmulator } from "../../emulator/aliyun";
import type { FaultKind } from "../../emulator/faults";
import { FAULT_KINDS } from "../../emulator/faults";
import { loadBalancerWithHttpsListener, faultOptions, ownEmulator, QUIET_LOGGER, useLogger } from "../testing";
import type { ForwardingRuleOutputs } from "./provider";
import { ForwardingRuleProvider } from "./provider";
import type { ForwardingRuleInputs } from "./schema";

let emulator: AliyunEmulator;
useLogger(QUIET_LOGGER);

/** provider makes the provider with the fault specs' options (see faultOptions). */
function provider(): ForwardingRuleProvider {
  return new ForwardingRuleProvider(faultOptions(emulator));
}

const FAULTS: readonly { kind: FaultKind; code?: string }[] = [
  { kind: "error", code: "ServiceUnavailable" },
  { kind: "error", code: "Throttling.User" },
  { kind: "error", code: "OperationFailed.ListenerStatusNotSupport" },
  ...FAULT_KINDS.filter((kind) => kind !== "error").map((kind) => ({ kind })),
];

/** A fresh load balancer with one HTTPS listener on 443 per case, so "exactly these rules" is easy to state. */
async function freshListener(): Promise<string> {
  return loadBalancerWithHttpsListener(emulator);
}

function rulesOn(lb: string, count: number, more: Partial<ForwardingRuleInputs> = {}): ForwardingRuleInputs[] {
  return Array.from({ length: count }, (_, i) => ({
    loadBalancerId: lb,
    listenerPort: 443,
    listenerProtocol: "https" as const,
    ruleName: `r-${i}`,
    url: `/r/${i}`,
    vServerGroupId: "rsp-web",
    ...more,
  }));
}

/** rulesOf lists the listener's rules as `<id> <name> <url> -> <group> (<listenerSync>)`. */
function rulesOf(lb: string): string[] {
  const l = emulator.state.describeListener(emulator.seed.regionId, lb, 443, "https");
  return [...(l.rules?.values() ?? [])].map(
    (r) => `${r.id} ${r.name} ${r.url ?? ""} -> ${r.vServerGroupId} (${r.listenerSync})`,
  );
}

async function created(
  p: ForwardingRuleProvider,
  rules: readonly ForwardingRuleInputs[],
): Promise<{ id: string; outs: ForwardingRuleOutputs }[]> {
  const made = await Promise.all(rules.map((r) => p.create(r)));
  emulator.state.settle();
  return made.map((m) => ({ id: m.id, outs: m.outs as ForwardingRuleOutputs }));
}

describe.each(FAULTS)("under a $kind $code fault", ({ kind, code }) => {
  ownEmulator((e) => (emulator = e));
  const fault = (target: string) => ({ target, kind, code, first: 2, stallMs: 1000 });

  it("a batch of creates survives it on CreateRules and leaves each rule once", async () => {
    const p = provider();
    const lb = await freshListener();
    emulator.faults.add(fault("CreateRules"));
    const made = await created(p, rulesOn(lb, 3));
    expect(rulesOf(lb)).toEqual(made.map((m, i) => `${m.id} r-${i} /r/${i} -> rsp-web (on)`));
  });

  it("a batch of creates survives it on the DescribeRules look-up after a lost answer", async () => {
    const p = provider();
    const lb = await freshListener();
    emulator.faults.add({ target: "CreateRules", kind: "drop-response", first: 1 });
    emulator.faults.add(fault("DescribeRules"));
    const made = await created(p, rulesOn(lb, 3));
    expect(rulesOf(lb)).toEqual(made.map((m, i) => `${m.id} r-${i} /r/${i} -> rsp-web (on)`));
  });

  it("a create with its own settings survives it on SetRule", async () => {
    const p = provider();
    const lb = await freshListener();
    emulator.faults.add(fault("SetRule"));
    const own = {
      listenerSync: "off" as const,
      scheduler: "rr" as const,
      stickySession: "off" as const,
      healthCheck: "off" as const,
    };
    const [made] = await created(p, rulesOn(lb, 1, own));
    expect(rulesOf(lb)).toEqual([`${made.id} r-0 /r/0 -> rsp-web (off)`]);
  });

  it("an update survives it on SetRule and applies the group once", async () => {
    const p = provider();
    const lb = await freshListener();
    const [made] = await created(p, rulesOn(lb, 1));
    emulator.faults.add(fault("SetRule"));
    await p.update(made.id, made.outs, { ...made.outs, vServerGroupId: "rsp-api" });
    expect(rulesOf(lb)).toEqual([`${made.id} r-0 /r/0 -> rsp-api (on)`]);
  });

  it("a read survives it on DescribeRuleAttribute and returns the rule", async () => {
    const p = provider();
    const lb = await freshListener();
    const [made] = await created(p, rulesOn(lb, 1));
    emulator.faults.add(fault("DescribeRuleAttribute"));
    expect((await p.read(made.id, made.outs)).id).toBe(made.id);
  });

  it("a batch of deletes survives it on DeleteRules and leaves no rule", async () => {
    const p = provider();
    const lb = await freshListener();
    const made = await created(p, rulesOn(lb, 3));
    emulator.faults.add(fault("DeleteRules"));
    await Promise.all(made.map((m) => p.delete(m.id, m.outs)));
    expect(rulesOf(lb)).toEqual([]);
  });

  it("a batch of deletes survives it on the DescribeRules look-up after a lost answer", async () => {
    const p = provider();
    const lb = await freshListener();
    const made = await created(p, rulesOn(lb, 3));
    emulator.faults.add({ target: "DeleteRules", kind: "drop-response", first: 1 });
    emulator.faults.add(fault("DescribeRules"));
    await Promise.all(made.map((m) => p.delete(m.id, m.outs)));
    expect(rulesOf(lb)).toEqual([]);
  });
});
