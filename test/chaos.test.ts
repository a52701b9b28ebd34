/**
 * Chaos on both clouds: twenty listeners on one load balancer are created, read, updated and deleted concurrently,
 * with the lock on and a seeded fraction of every call (any action or route) hit by each fault kind: a 5xx, throttling,
 * the load balancer's lock, a reset, a stall past the client's timeout, an HTML 502 page, and a dropped response after
 * the request was applied. Every operation succeeds and the emulator holds exactly the listeners it should, no more.
 * FAULT_SEED picks another fault sequence, FAULT_FRACTION another share of faulted calls per kind (default 0.03);
 * REPORT_CALLS prints the call counts.
 */
import { HttpsListenerProvider } from "../src/aliyun/provider";
import type { HttpsListenerInputs } from "../src/aliyun/schema";
import { setLogger, type Logger } from "../src/core/log";
import { startAliyunEmulator, type AliyunEmulator } from "../src/emulator/aliyun";
import type { FaultRule } from "../src/emulator/faults";
import { startHuaweiEmulator, type HuaweiEmulator } from "../src/emulator/huawei";
import { ElbListenerProvider, type ElbListenerOutputs } from "../src/huawei/provider";
import type { ElbListenerInputs } from "../src/huawei/schema";

const SEED = Number(process.env.FAULT_SEED ?? 11);
const FRACTION = Number(process.env.FAULT_FRACTION ?? 0.03);
const PORTS = Array.from({ length: 20 }, (_, i) => 6000 + i);

/** chaos is one rule per fault kind on every call, each firing on a seeded fraction of the calls. */
function chaos(codes: { fivexx: string; throttled: string; locked: string }): FaultRule[] {
  const rule = (n: number, r: Omit<FaultRule, "target" | "fraction" | "seed">): FaultRule => ({
    target: "*",
    fraction: FRACTION,
    seed: SEED * 10 + n,
    ...r,
  });
  return [
    rule(1, { kind: "error", code: codes.fivexx, status: 503 }),
    rule(2, { kind: "error", code: codes.throttled }),
    rule(3, { kind: "error", code: codes.locked }),
    rule(4, { kind: "reset" }),
    rule(5, { kind: "stall", stallMs: 1000 }),
    rule(6, { kind: "html502" }),
    rule(7, { kind: "drop-response" }),
  ];
}

const total = (calls: Map<string, number>): number => [...calls.values()].reduce((a, b) => a + b, 0);

function report(cloud: string, calls: Map<string, number>): void {
  if (process.env.REPORT_CALLS)
    process.stderr.write(`${cloud} chaos: ${total(calls)} calls ${JSON.stringify([...calls])}\n`);
}

let previousLogger: Logger;
const retries: string[] = [];
beforeAll(() => {
  previousLogger = setLogger({
    debug: () => undefined,
    info: (m) => {
      if (m.includes("; retry ")) retries.push(m);
    },
    warn: () => undefined,
  });
});
afterAll(() => setLogger(previousLogger));

describe("HttpsListener under chaos", () => {
  let emu: AliyunEmulator;
  beforeAll(async () => {
    emu = await startAliyunEmulator({ lockMs: 20 });
  });
  afterAll(() => emu.close());

  it("creates, reads, updates and deletes twenty listeners on one load balancer, leaving exactly what it should", async () => {
    const p = new HttpsListenerProvider({
      env: {
        ALICLOUD_ACCESS_KEY: emu.accessKeyId,
        ALICLOUD_SECRET_KEY: emu.accessKeySecret,
        ALICLOUD_REGION: emu.seed.regionId,
        ALICLOUD_SLB_ENDPOINT: emu.endpoint,
      },
      requestTimeoutMs: 300,
      retry: { baseDelayMs: 10, maxDelayMs: 80 },
    });
    const lb = emu.state.createLoadBalancer({ regionId: emu.seed.regionId }).id;
    const listeners = (): string[] => emu.state.allListeners().filter((id) => id.startsWith(`${lb}:`));
    const inputs = await Promise.all(
      PORTS.map(async (listenerPort) => {
        const raw = {
          loadBalancerId: lb,
          listenerPort,
          bandwidth: -1,
          healthCheck: "off",
          serverCertificateId: emu.seed.serverCertificateId,
          stickySession: "off",
          backendServerPort: 80,
        } as HttpsListenerInputs;
        return (await p.check(raw, raw)).inputs as HttpsListenerInputs;
      }),
    );
    emu.resetCalls();
    for (const rule of chaos({ fivexx: "ServiceUnavailable", throttled: "Throttling.User", locked: "OperationBusy" })) {
      emu.faults.add(rule);
    }
    const created = await Promise.all(inputs.map((i) => p.create(i)));
    expect(listeners().sort()).toEqual(created.map((c) => c.id).sort());
    for (const port of PORTS) expect(emu.state.describeListener(emu.seed.regionId, lb, port).status).toBe("running");

    const read = await Promise.all(created.map((c) => p.read(c.id, c.outs)));
    expect(read.map((r) => r.id)).toEqual(created.map((c) => c.id));

    await Promise.all(
      created.map((c, n) => p.update(c.id, c.outs!, { ...inputs[n], description: `chaos-${inputs[n].listenerPort}` })),
    );
    for (const port of PORTS) {
      expect(emu.state.describeListener(emu.seed.regionId, lb, port).config.Description).toBe(`chaos-${port}`);
    }
    expect(listeners()).toHaveLength(20);

    await Promise.all(created.map((c) => p.delete(c.id, c.outs!)));
    expect(listeners()).toEqual([]);
    report("aliyun", emu.calls);
  });
});

describe("ElbListener under chaos", () => {
  let emu: HuaweiEmulator;
  beforeAll(async () => {
    emu = await startHuaweiEmulator({ lockMs: 20, pendingCreateReads: 1 });
  });
  afterAll(() => emu.close());

  it("creates, reads, updates and deletes twenty listeners on one load balancer, leaving exactly what it should", async () => {
    const p = new ElbListenerProvider({
      env: {
        HW_ACCESS_KEY: emu.accessKey,
        HW_SECRET_KEY: emu.secretKey,
        HW_REGION_NAME: emu.seed.region,
        HW_PROJECT_ID: emu.seed.projectId,
        HW_ELB_ENDPOINT: emu.endpoint,
        HW_REQUEST_TIMEOUT_SECONDS: "0.3",
      },
      pollIntervalMs: 2,
      retryBaseDelayMs: 10,
    });
    const lb = emu.state.addLoadBalancer("External", "chaos").id;
    const listeners = (): string[] => emu.state.listenersOf(lb).map((l) => l.id);
    const inputs = await Promise.all(
      PORTS.map(async (port) => {
        const raw: ElbListenerInputs = {
          name: `chaos-${port}`,
          loadbalancerId: lb,
          protocol: "TCP",
          port,
          backendProtocol: "TCP",
          backendPort: 8080,
          lbAlgorithm: "roundrobin",
        };
        return (await p.check(raw, raw)).inputs as ElbListenerInputs;
      }),
    );
    emu.resetCalls();
    for (const rule of chaos({ fivexx: "ELB.0004", throttled: "APIGW.0308", locked: "ELB.1015" })) emu.faults.add(rule);
    const created = await Promise.all(inputs.map((i) => p.create(i)));
    expect(listeners().sort()).toEqual(created.map((c) => c.id).sort());
    expect(emu.state.listenersOf(lb).map((l) => [l.fields.port, l.status])).toEqual(
      expect.arrayContaining(PORTS.map((port) => [port, "ACTIVE"])),
    );

    const read = await Promise.all(created.map((c) => p.read(c.id, c.outs)));
    expect(read.map((r) => r.id)).toEqual(created.map((c) => c.id));

    await Promise.all(
      created.map((c, n) =>
        p.update(c.id, c.outs as ElbListenerOutputs, { ...inputs[n], description: `chaos-${inputs[n].port}` }),
      ),
    );
    for (const l of emu.state.listenersOf(lb)) expect(l.fields.description).toBe(`chaos-${l.fields.port}`);
    expect(listeners()).toHaveLength(20);

    await Promise.all(created.map((c) => p.delete(c.id, c.outs as ElbListenerOutputs)));
    expect(listeners()).toEqual([]);
    report("huawei", emu.calls);
  });
});
