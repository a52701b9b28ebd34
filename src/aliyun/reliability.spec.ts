/**
 * Reliability of the HttpsListener provider against the emulator with the lock on: every fault kind on every
 * lifecycle step ends in the right state with exactly the listeners that should exist, and twenty listeners on one
 * load balancer are created, updated and deleted concurrently with few wasted calls.
 */
import type { AliyunEmulator } from "../emulator/aliyun";
import type { HttpsListenerOutputs } from "./provider";
import { HttpsListenerProvider } from "./provider";
import type { HttpsListenerInputs } from "./schema";
import { checked, emulatorEnv, QUIET_LOGGER, SERVICE_FAULTS, useEmulator, useLogger } from "./testing";

let emulator: AliyunEmulator;
useEmulator({ lockMs: 20 }, (e) => (emulator = e));
useLogger(QUIET_LOGGER);

/** Retries must outlast the injected faults here, so the budget is larger than the specs' default. */
function provider(): HttpsListenerProvider {
  return new HttpsListenerProvider({
    env: { ...emulatorEnv(emulator), ALICLOUD_RETRY_BUDGET_SECONDS: "20" },
    requestTimeoutMs: 300,
    retry: { baseDelayMs: 10, maxDelayMs: 40 },
  });
}

function listenerOn(lb: string, port: number, more: Partial<HttpsListenerInputs> = {}): HttpsListenerInputs {
  return {
    loadBalancerId: lb,
    listenerPort: port,
    bandwidth: -1,
    healthCheck: "off",
    serverCertificateId: emulator.seed.serverCertificateId,
    stickySession: "off",
    backendServerPort: 80,
    ...more,
  };
}

/** A fresh load balancer per case, so "exactly these listeners" is easy to state. */
function freshLoadBalancer(): string {
  return emulator.state.createLoadBalancer({ regionId: emulator.seed.regionId }).id;
}

function listenersOf(lb: string): string[] {
  return emulator.state.allListeners().filter((id) => id.startsWith(`${lb}:`));
}

describe.each(SERVICE_FAULTS)("under a $kind $code fault", ({ kind, code }) => {
  const fault = (target: string) => ({ target, kind, code, first: 2, stallMs: 1000 });

  it.each(["CreateLoadBalancerHTTPSListener", "StartLoadBalancerListener"])(
    "create survives it on %s and leaves exactly one running listener",
    async (target) => {
      const p = provider();
      const lb = freshLoadBalancer();
      emulator.faults.add(fault(target));
      const r = await p.create(await checked(p, listenerOn(lb, 443)));
      expect(listenersOf(lb)).toEqual([r.id]);
      expect(emulator.state.describeListener("cn-hangzhou", lb, 443).status).toBe("running");
    },
  );

  it("update survives it and applies the change once", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    const inputs = await checked(p, listenerOn(lb, 443));
    const created = await p.create(inputs);
    emulator.faults.add(fault("SetLoadBalancerHTTPSListenerAttribute"));
    const news = await checked(p, { ...inputs, bandwidth: 42 });
    await p.update(created.id, created.outs as HttpsListenerOutputs, news);
    expect(emulator.state.describeListener("cn-hangzhou", lb, 443).config.Bandwidth).toBe(42);
    expect(listenersOf(lb)).toEqual([created.id]);
  });

  it("read survives it and returns the listener", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    const created = await p.create(await checked(p, listenerOn(lb, 443)));
    emulator.faults.add(fault("DescribeLoadBalancerHTTPSListenerAttribute"));
    expect((await p.read(created.id, created.outs)).id).toBe(created.id);
  });

  it("delete survives it and leaves no listener", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    const created = await p.create(await checked(p, listenerOn(lb, 443)));
    emulator.faults.add(fault("DeleteLoadBalancerListener"));
    await p.delete(created.id, created.outs as HttpsListenerOutputs);
    expect(listenersOf(lb)).toEqual([]);
  });
});

describe("a start that keeps failing", () => {
  it("deletes the new listener once the fatal error is known, leaving nothing", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    emulator.faults.add({ target: "StartLoadBalancerListener", kind: "error", code: "QuotaExceeded.Listener" });
    await expect(p.create(await checked(p, listenerOn(lb, 443)))).rejects.toThrow(/QuotaExceeded\.Listener/);
    expect(listenersOf(lb)).toEqual([]);
  });
});

describe("twenty listeners on one load balancer, concurrently, lock on", () => {
  it("are all created, updated and deleted", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    const ports = Array.from({ length: 20 }, (_, i) => 5000 + i);
    emulator.resetCalls();
    const inputs = await Promise.all(ports.map((port) => checked(p, listenerOn(lb, port))));
    const created = await Promise.all(inputs.map((i) => p.create(i)));
    expect(listenersOf(lb)).toHaveLength(20);
    const news = await Promise.all(inputs.map((i) => checked(p, { ...i, description: `port-${i.listenerPort}` })));
    await Promise.all(created.map((c, n) => p.update(c.id, c.outs as HttpsListenerOutputs, news[n])));
    for (const port of ports) {
      expect(emulator.state.describeListener("cn-hangzhou", lb, port).config.Description).toBe(`port-${port}`);
    }
    await Promise.all(created.map((c) => p.delete(c.id, c.outs as HttpsListenerOutputs)));
    expect(listenersOf(lb)).toEqual([]);
    const total = [...emulator.calls.values()].reduce((a, b) => a + b, 0);
    if (process.env.REPORT_CALLS)
      process.stderr.write(`20 listeners: ${total} calls ${JSON.stringify([...emulator.calls])}\n`);
    // The minimum is 80 calls (create, start, set, delete each); each mutation may meet the 20 ms lock left by the
    // previous one before the provider has learnt how long the lock lasts, so a run takes somewhat more than the
    // minimum; the bound allows for those retries.
    expect(total).toBeLessThanOrEqual(120);
  });
});
