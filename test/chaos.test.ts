/**
 * Chaos on both clouds: twenty listeners on one load balancer are created, read, updated and deleted concurrently,
 * with the lock on and a seeded fraction of every call (any action or route) hit by each fault kind: a 5xx, throttling,
 * the load balancer's lock, a reset, a stall past the client's timeout, an HTML 502 page, and a dropped response after
 * the request was applied. On top, the answers of the first three creates are dropped after the listener was made, so
 * a create must find what its lost attempt made instead of sending again.
 *
 * Each test proves the faults fired (the emulator's fault plan, watched, counts every fault it injected: each kind
 * fires at least a floor derived from the fraction and the calls judged, and every injected fault was met by a retry
 * naming the answer it gave) and that the outcome is exactly right: after the creates the load balancer holds one
 * listener per port, each the one its create returned, none extra; no create was ever sent for a port that already
 * held a listener (a lost create is looked for, never sent again); the updates land on every listener; nothing is
 * left.
 * FAULT_SEED picks another fault sequence, FAULT_FRACTION another share of faulted calls per kind (default 0.03);
 * REPORT_CALLS prints the call and fault counts.
 */
import { SlbClient, type Params } from "../src/aliyun/client";
import { ACTIONS, NETWORK_CODES as ALIYUN_NETWORK } from "../src/aliyun/constants";
import { HttpsListenerProvider } from "../src/aliyun/provider";
import type { HttpsListenerInputs } from "../src/aliyun/schema";
import { listenerId } from "../src/aliyun/wire";
import { setLogger, type Logger } from "../src/core/log";
import { startAliyunEmulator, type AliyunEmulator } from "../src/emulator/aliyun";
import type { FaultPlan, FaultRule } from "../src/emulator/faults";
import { startHuaweiEmulator, type HuaweiEmulator } from "../src/emulator/huawei";
import { ElbClient } from "../src/huawei/client";
import { ELB_CODES, NETWORK_CODES as HUAWEI_NETWORK, ROUTES } from "../src/huawei/constants";
import { ElbListenerProvider, type ElbListenerOutputs } from "../src/huawei/provider";
import type { ListenerBody } from "../src/huawei/wire";
import type { ElbListenerInputs } from "../src/huawei/schema";

const SEED = Number(process.env.FAULT_SEED ?? 11);
const FRACTION = Number(process.env.FAULT_FRACTION ?? 0.03);
const PORTS = Array.from({ length: 20 }, (_, i) => 6000 + i);
/** The first creates whose answer is dropped after the listener was made. */
const LOST_CREATES = 3;
/**
 * Each operation's retry budget: far above what one needs under these faults, and below the test's timeout, so an
 * operation that cannot finish fails with its error instead of the test timing out.
 */
const BUDGET_SECONDS = "20";

/** Fault is one rule of the plan with the code the provider's client reports for the answer it gives. */
interface Fault {
  readonly label: string;
  readonly rule: FaultRule;
  readonly answer: string;
}

/** CloudCodes are the codes one cloud's faults are answered with, as its client reports them. */
interface CloudCodes {
  /** The create action (Aliyun) or route (Huawei) whose first answers are dropped. */
  readonly create: string;
  readonly fivexx: string;
  readonly throttled: string;
  readonly locked: string;
  readonly reset: string;
  readonly timeout: string;
  readonly notJson: string;
}

/**
 * chaos is the lost-creates rule, then one rule per fault kind on every call, each firing on a seeded fraction of the
 * calls. The plan applies the first rule that fires, so the lost creates come first and are sure to happen.
 */
function chaos(codes: CloudCodes): { lost: Fault; kinds: Fault[] } {
  const rule = (n: number, r: Omit<FaultRule, "target" | "fraction" | "seed">): FaultRule => ({
    target: "*",
    fraction: FRACTION,
    seed: SEED * 10 + n,
    ...r,
  });
  return {
    lost: {
      label: "lost create",
      rule: { target: codes.create, kind: "drop-response", first: LOST_CREATES },
      answer: codes.reset,
    },
    kinds: [
      { label: "5xx", rule: rule(1, { kind: "error", code: codes.fivexx, status: 503 }), answer: codes.fivexx },
      { label: "throttling", rule: rule(2, { kind: "error", code: codes.throttled }), answer: codes.throttled },
      { label: "lock", rule: rule(3, { kind: "error", code: codes.locked }), answer: codes.locked },
      { label: "reset", rule: rule(4, { kind: "reset" }), answer: codes.reset },
      { label: "stall", rule: rule(5, { kind: "stall", stallMs: 1000 }), answer: codes.timeout },
      { label: "html502", rule: rule(6, { kind: "html502" }), answer: codes.notJson },
      { label: "drop-response", rule: rule(7, { kind: "drop-response" }), answer: codes.reset },
    ],
  };
}

/** Watched is the emulator's fault plan as the test sees it: how many calls it judged and which faults it injected. */
interface Watched {
  readonly judged: () => number;
  readonly fired: (rule: FaultRule) => number;
}

/** watch records the fault plan's own decisions (every call is judged by `next`, which returns the fault it injects). */
function watch(plan: FaultPlan): Watched {
  const next = jest.spyOn(plan, "next");
  return {
    judged: () => next.mock.calls.length,
    fired: (rule) => next.mock.results.filter((r) => r.type === "return" && r.value === rule).length,
  };
}

/**
 * floor is the least count a fraction rule must reach. The plan applies the first rule that fires, so the i-th rule
 * injects on a share FRACTION x (1 - FRACTION)^i of the calls the lost-creates rule left; a seeded draw of that many
 * lands above a third of its mean (more than two standard deviations below it once the mean reaches 9), and a rule
 * that never fires falls below the floor of one.
 */
function floor(index: number, judged: number): number {
  const mean = (judged - LOST_CREATES) * FRACTION * (1 - FRACTION) ** index;
  return Math.max(1, Math.floor(mean / 3));
}

/**
 * watchingCreates wraps a client so that, before each create it sends, `before` is told the create's port: the test
 * records a create sent for a port that already holds a listener, which only a create sent twice can do.
 */
function watchingCreates<Api extends object>(
  api: Api,
  createPort: (method: string, args: unknown[]) => number | undefined,
  before: (port: number) => void,
): Api {
  return new Proxy(api, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      return (...args: unknown[]): unknown => {
        const port = createPort(String(property), args);
        if (port !== undefined) before(port);
        return value.apply(target, args);
      };
    },
  });
}

/**
 * expectFaultsFired checks the lost creates happened exactly as planned, each fraction rule reached its floor, and
 * every injected fault was met by a retry whose line names the answer the fault gave (one failed call, one retry).
 */
function expectFaultsFired(cloud: string, plan: { lost: Fault; kinds: Fault[] }, watched: Watched): void {
  expect(watched.fired(plan.lost.rule)).toBe(LOST_CREATES);
  const judged = watched.judged();
  const counts = plan.kinds.map((f, i) => ({ kind: f.label, fired: watched.fired(f.rule), floor: floor(i, judged) }));
  if (process.env.REPORT_CALLS)
    process.stderr.write(`${cloud} chaos: ${judged} calls judged, ${JSON.stringify(counts)}\n`);
  expect(counts.filter((c) => c.fired < c.floor)).toEqual([]);
  const injected = new Map<string, number>();
  for (const f of [plan.lost, ...plan.kinds])
    injected.set(f.answer, (injected.get(f.answer) ?? 0) + watched.fired(f.rule));
  const unmet = [...injected].filter(([code, n]) => {
    const named = retries.filter((l) => l.includes(` answered ${code} (`) || l.includes(` answered ${code};`));
    return named.length < n;
  });
  expect(unmet).toEqual([]);
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
beforeEach(() => {
  retries.length = 0;
});

describe("HttpsListener under chaos", () => {
  let emu: AliyunEmulator;
  beforeAll(async () => {
    emu = await startAliyunEmulator({ lockMs: 20 });
  });
  afterAll(() => emu.close());

  it("creates, reads, updates and deletes twenty listeners on one load balancer, leaving exactly what it should", async () => {
    const lb = emu.state.createLoadBalancer({ regionId: emu.seed.regionId }).id;
    const listeners = (): string[] => emu.state.allListeners().filter((id) => id.startsWith(`${lb}:`));
    const resent: number[] = [];
    const createPort = (_method: string, [action, params]: unknown[]): number | undefined =>
      action === ACTIONS.createListener ? Number((params as Params).ListenerPort) : undefined;
    const p = new HttpsListenerProvider({
      env: {
        ALICLOUD_ACCESS_KEY: emu.accessKeyId,
        ALICLOUD_SECRET_KEY: emu.accessKeySecret,
        ALICLOUD_REGION: emu.seed.regionId,
        ALICLOUD_SLB_ENDPOINT: emu.endpoint,
        ALICLOUD_RETRY_BUDGET_SECONDS: BUDGET_SECONDS,
      },
      requestTimeoutMs: 300,
      retry: { baseDelayMs: 10, maxDelayMs: 80 },
      clientFor: (options) =>
        watchingCreates(new SlbClient(options), createPort, (port) => {
          if (listeners().includes(listenerId(lb, port))) resent.push(port);
        }),
    });
    const expected = PORTS.map((port) => listenerId(lb, port)).sort();
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
    const plan = chaos({
      create: ACTIONS.createListener,
      fivexx: "ServiceUnavailable",
      throttled: "Throttling.User",
      locked: "OperationBusy",
      reset: ALIYUN_NETWORK.reset,
      timeout: ALIYUN_NETWORK.timeout,
      notJson: ALIYUN_NETWORK.invalidResponse,
    });
    const watched = watch(emu.faults);
    for (const fault of [plan.lost, ...plan.kinds]) emu.faults.add(fault.rule);

    const created = await Promise.all(inputs.map((i) => p.create(i)));
    // One listener per port, each the one its create returned, and none extra on the load balancer.
    expect(created.map((c) => c.id).sort()).toEqual(expected);
    expect(listeners().sort()).toEqual(expected);
    for (const port of PORTS) expect(emu.state.describeListener(emu.seed.regionId, lb, port).status).toBe("running");
    // A create whose answer was lost looked for its listener instead of sending again.
    expect(resent).toEqual([]);

    const read = await Promise.all(created.map((c) => p.read(c.id, c.outs)));
    expect(read.map((r) => r.id)).toEqual(created.map((c) => c.id));

    await Promise.all(
      created.map((c, n) => p.update(c.id, c.outs!, { ...inputs[n], description: `chaos-${inputs[n].listenerPort}` })),
    );
    for (const port of PORTS) {
      expect(emu.state.describeListener(emu.seed.regionId, lb, port).config.Description).toBe(`chaos-${port}`);
    }
    expect(listeners().sort()).toEqual(expected);

    await Promise.all(created.map((c) => p.delete(c.id, c.outs!)));
    expect(listeners()).toEqual([]);
    expectFaultsFired("aliyun", plan, watched);
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
    const lb = emu.state.addLoadBalancer("External", "chaos").id;
    const listeners = (): string[] => emu.state.listenersOf(lb).map((l) => l.id);
    const ports = (): number[] => emu.state.listenersOf(lb).map((l) => Number(l.fields.port));
    const resent: number[] = [];
    const createPort = (method: string, [body]: unknown[]): number | undefined =>
      method === "createListener" ? Number((body as ListenerBody).port) : undefined;
    const p = new ElbListenerProvider({
      env: {
        HW_ACCESS_KEY: emu.accessKey,
        HW_SECRET_KEY: emu.secretKey,
        HW_REGION_NAME: emu.seed.region,
        HW_PROJECT_ID: emu.seed.projectId,
        HW_ELB_ENDPOINT: emu.endpoint,
        HW_REQUEST_TIMEOUT_SECONDS: "0.3",
        HW_RETRY_BUDGET_SECONDS: BUDGET_SECONDS,
      },
      pollIntervalMs: 2,
      retry: { baseDelayMs: 10 },
      clientFor: (target) =>
        watchingCreates(new ElbClient(target), createPort, (port) => {
          if (ports().includes(port)) resent.push(port);
        }),
    });
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
    const plan = chaos({
      create: ROUTES.createListener,
      fivexx: "ELB.0004",
      throttled: "APIGW.0308",
      locked: ELB_CODES.lbLocked,
      reset: HUAWEI_NETWORK.reset,
      timeout: HUAWEI_NETWORK.timeout,
      notJson: HUAWEI_NETWORK.notJson,
    });
    const watched = watch(emu.faults);
    for (const fault of [plan.lost, ...plan.kinds]) emu.faults.add(fault.rule);

    const created = await Promise.all(inputs.map((i) => p.create(i)));
    // One listener per port, each the one its create returned (twenty distinct ids), and none extra.
    const ids = created.map((c) => c.id).sort();
    expect(new Set(ids).size).toBe(PORTS.length);
    expect(listeners().sort()).toEqual(ids);
    expect(ports().sort((a, b) => a - b)).toEqual(PORTS);
    expect(emu.state.listenersOf(lb).map((l) => [l.fields.port, l.status])).toEqual(
      expect.arrayContaining(PORTS.map((port) => [port, "ACTIVE"])),
    );
    // A create whose answer was lost looked for its listener instead of posting again.
    expect(resent).toEqual([]);

    const read = await Promise.all(created.map((c) => p.read(c.id, c.outs)));
    expect(read.map((r) => r.id)).toEqual(created.map((c) => c.id));

    await Promise.all(
      created.map((c, n) =>
        p.update(c.id, c.outs as ElbListenerOutputs, { ...inputs[n], description: `chaos-${inputs[n].port}` }),
      ),
    );
    for (const l of emu.state.listenersOf(lb)) expect(l.fields.description).toBe(`chaos-${l.fields.port}`);
    expect(listeners().sort()).toEqual(ids);

    await Promise.all(created.map((c) => p.delete(c.id, c.outs as ElbListenerOutputs)));
    expect(listeners()).toEqual([]);
    expectFaultsFired("huawei", plan, watched);
    report("huawei", emu.calls);
  });
});
