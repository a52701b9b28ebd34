/**
 * Reliability of HttpListener, TcpListener and UdpListener against one emulator with the lock on: every fault kind of
 * the emulator on every call of the lifecycle (the protocol's create, Start, Set, Describe, Delete) ends in the right
 * state with exactly the listeners that should exist; a lost create answer is continued with, never sent again.
 */
import type { AliyunEmulator } from "../../emulator/aliyun";
import type { ListenerProtocol } from "../constants";
import { emulatorEnv, QUIET_LOGGER, SERVICE_FAULTS, useEmulator, useLogger } from "../testing";
import { baseListener, checkedOf, KINDS, NEW_PROTOCOLS } from "./testing";

let emulator: AliyunEmulator;
useEmulator({ lockMs: 20 }, (e) => (emulator = e));
useLogger(QUIET_LOGGER);

/**
 * provider's retries must outlast the injected faults; a stall ends at the 300 ms request timeout, and the endpoint
 * gate counts requests over 100 ms instead of a second, so a throttled call's next slot comes soon.
 */
function provider(protocol: ListenerProtocol) {
  return KINDS[protocol].make({
    env: { ...emulatorEnv(emulator), ALICLOUD_RETRY_BUDGET_SECONDS: "20" },
    requestTimeoutMs: 300,
    retry: { baseDelayMs: 10, maxDelayMs: 40, gate: { windowMs: 100 } },
  });
}

function freshLoadBalancer(): string {
  return emulator.state.createLoadBalancer({ regionId: emulator.seed.regionId }).id;
}

function listenersOf(lb: string): string[] {
  return emulator.state.allListeners().filter((id) => id.startsWith(`${lb}:`));
}

/** created makes a listener of the protocol on a fresh load balancer, with no fault. */
async function created(protocol: ListenerProtocol) {
  const lb = freshLoadBalancer();
  const p = provider(protocol);
  const inputs = checkedOf(protocol, baseListener(emulator, protocol, lb, 81), emulator.seed.regionId);
  const made = await p.create(inputs as never);
  emulator.state.settle();
  return { lb, p, inputs, made };
}

describe.each(NEW_PROTOCOLS)("%s listener", (protocol) => {
  const actions = KINDS[protocol].table.actions;

  describe.each(SERVICE_FAULTS)("under a $kind $code fault", ({ kind, code }) => {
    const fault = (target: string) => ({ target, kind, code, first: 1, stallMs: 1000 });

    it.each([actions.create, "StartLoadBalancerListener"])(
      "create survives it on %s and leaves exactly one running listener",
      async (target) => {
        const lb = freshLoadBalancer();
        const p = provider(protocol);
        emulator.faults.add(fault(target));
        emulator.resetCalls();
        const r = await p.create(
          checkedOf(protocol, baseListener(emulator, protocol, lb, 81), emulator.seed.regionId) as never,
        );
        expect(listenersOf(lb)).toEqual([r.id]);
        expect(emulator.state.describeListener(emulator.seed.regionId, lb, 81, protocol).status).toBe("running");
        // A create whose answer was lost is found by its Describe and continued with, not sent again.
        if (kind === "drop-response" && target === actions.create) expect(emulator.calls.get(actions.create)).toBe(1);
      },
    );

    it(`update survives it on ${actions.set} and applies the change once`, async () => {
      const { lb, p, inputs, made } = await created(protocol);
      emulator.faults.add(fault(actions.set));
      const news = checkedOf(protocol, { ...inputs, bandwidth: 42 }, emulator.seed.regionId);
      await p.update(made.id, made.outs as never, news as never);
      expect(emulator.state.describeListener(emulator.seed.regionId, lb, 81, protocol).config.Bandwidth).toBe(42);
      expect(listenersOf(lb)).toEqual([made.id]);
    });

    it(`read survives it on ${actions.describe} and returns the listener`, async () => {
      const { p, made } = await created(protocol);
      emulator.faults.add(fault(actions.describe));
      expect((await p.read(made.id, made.outs)).id).toBe(made.id);
    });

    it("delete survives it on DeleteLoadBalancerListener and leaves no listener", async () => {
      const { lb, p, made } = await created(protocol);
      emulator.faults.add(fault("DeleteLoadBalancerListener"));
      await p.delete(made.id, made.outs as never);
      expect(listenersOf(lb)).toEqual([]);
    });
  });

  it("deletes the new listener when Start keeps failing, leaving nothing", async () => {
    const lb = freshLoadBalancer();
    const p = provider(protocol);
    emulator.faults.add({ target: "StartLoadBalancerListener", kind: "error", code: "QuotaExceeded.Listener" });
    await expect(
      p.create(checkedOf(protocol, baseListener(emulator, protocol, lb, 81), emulator.seed.regionId) as never),
    ).rejects.toThrow(/QuotaExceeded\.Listener/);
    expect(listenersOf(lb)).toEqual([]);
  });
});
