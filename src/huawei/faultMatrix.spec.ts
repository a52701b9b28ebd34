/**
 * Reliability of the ElbListener provider against the emulator with the lock on: every fault kind on every lifecycle
 * step (create with its load-balancer read, POST, lost-answer listing and PENDING_CREATE poll; update; read; delete)
 * ends in the right state with exactly the listeners that should exist, and twenty listeners on one load balancer are
 * created, updated and deleted concurrently with few wasted calls.
 */
import type { Logger } from "../core/log";
import { setLogger } from "../core/log";
import type { HuaweiEmulator } from "../emulator/huawei";
import { startHuaweiEmulator } from "../emulator/huawei";
import type { FaultKind, FaultRule } from "../emulator/faults";
import { ElbClient, type ElbApi } from "./client";
import type { Target } from "./config";
import { APIGW_CODES, ELB_CODES, LB_TYPE, ROUTES } from "./constants";
import type { ElbListenerOutputs, ElbListenerProviderOptions } from "./provider";
import { ElbListenerProvider } from "./provider";
import type { ElbListenerInputs } from "./schema";
import { emulatorEnv } from "./testing";
import type { ListenerBody, WireListener } from "./wire";

let emulator: HuaweiEmulator;
let previousLogger: Logger;
const lines: string[] = [];

beforeAll(() => {
  previousLogger = setLogger({
    debug: () => undefined,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
  });
});
afterAll(() => setLogger(previousLogger));

/**
 * ownEmulator gives the enclosing describe an emulator of its own. The pipeline's pacer learns a load balancer's lock
 * per endpoint for the whole process, so on a shared emulator a lock learnt under one fault kind (a busy answer met
 * after a throttled wait reads as a lock of a second) would pace every later mutation of the file by it.
 */
function ownEmulator(): void {
  beforeAll(async () => {
    emulator = await startHuaweiEmulator({ lockMs: 20, pendingCreateReads: 1 });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.faults.clear();
    emulator.resetCalls();
    lines.length = 0;
  });
}

/** A request timeout of 0.3 s, so a stalled call (1 s) times out quickly; short backoff and polling. */
function provider(env: Record<string, string> = {}, options: ElbListenerProviderOptions = {}): ElbListenerProvider {
  return new ElbListenerProvider({
    env: {
      ...emulatorEnv(emulator),
      HW_REQUEST_TIMEOUT_SECONDS: "0.3",
      ...env,
    },
    pollIntervalMs: 2,
    // A throttling window of 100 ms instead of the services' second: the gate spaces retries alike, ten times sooner.
    retry: { baseDelayMs: 10, gate: { windowMs: 100 } },
    ...options,
  });
}

/**
 * countingPuts builds the provider's clients so that each PUT they send is recorded, in order: true when it was
 * answered with the listener, false when it failed. The list belongs to the one test that made it.
 */
function countingPuts(puts: boolean[]): (target: Target) => ElbApi {
  class CountingClient extends ElbClient {
    override async updateListener(id: string, body: ListenerBody): Promise<WireListener> {
      try {
        const listener = await super.updateListener(id, body);
        puts.push(true);
        return listener;
      } catch (error) {
        puts.push(false);
        throw error;
      }
    }
  }
  return (target) => new CountingClient(target);
}

/** A fresh load balancer per case, so "exactly these listeners" is easy to state and no earlier lock is in the way. */
function freshLoadBalancer(): string {
  return emulator.state.addLoadBalancer(LB_TYPE.public, "reliability").id;
}

function listenersOf(lb: string): string[] {
  return emulator.state.listenersOf(lb).map((l) => l.id);
}

function tcpListener(lb: string, port: number, more: Partial<ElbListenerInputs> = {}): ElbListenerInputs {
  return {
    name: `rel-${port}`,
    loadbalancerId: lb,
    protocol: "TCP",
    port,
    backendProtocol: "TCP",
    backendPort: 8080,
    lbAlgorithm: "roundrobin",
    ...more,
  };
}

async function checked(p: ElbListenerProvider, inputs: ElbListenerInputs): Promise<ElbListenerInputs> {
  const r = await p.check(inputs, inputs);
  expect(r.failures).toBeUndefined();
  return r.inputs as ElbListenerInputs;
}

/** FAULTS are the fault kinds of the issue: 5xx, 429 throttling, the load-balancer lock, and the network ones. */
const FAULTS: readonly { kind: FaultKind; code?: string; status?: number; label: string }[] = [
  { label: "5xx ELB.0004 (500)", kind: "error", code: "ELB.0004", status: 500 },
  { label: "429 APIGW.0308", kind: "error", code: APIGW_CODES.throttled },
  { label: "lock ELB.1015", kind: "error", code: ELB_CODES.lbLocked },
  { label: "reset", kind: "reset" },
  { label: "stall", kind: "stall" },
  { label: "html502", kind: "html502" },
  { label: "drop-response", kind: "drop-response" },
];

/** CREATE_TARGETS are the routes a create calls: the load balancer's type, the POST, and the PENDING_CREATE poll. */
const CREATE_TARGETS = [ROUTES.getLoadBalancer, ROUTES.createListener, ROUTES.getListener];

describe.each(FAULTS)("under a $label fault", ({ kind, code, status }) => {
  ownEmulator();

  const fault = (target: string, first = 2): FaultRule => ({ target, kind, code, status, first, stallMs: 1000 });

  it.each(CREATE_TARGETS)("create survives it on %s and leaves exactly one ACTIVE listener", async (target) => {
    const p = provider();
    const lb = freshLoadBalancer();
    emulator.faults.add(fault(target));
    const r = await p.create(await checked(p, tcpListener(lb, 80)));
    expect(listenersOf(lb)).toEqual([r.id]);
    expect(emulator.state.listeners.get(r.id)?.status).toBe("ACTIVE");
    expect(r.outs?.status).toBe("ACTIVE");
  });

  it("create survives it on the listing after a lost POST answer, and continues with its own listener", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    emulator.faults.add({ target: ROUTES.createListener, kind: "drop-response", first: 1 });
    emulator.faults.add(fault(ROUTES.listListeners));
    const r = await p.create(await checked(p, tcpListener(lb, 81)));
    expect(listenersOf(lb)).toEqual([r.id]);
    expect(emulator.state.listeners.get(r.id)?.status).toBe("ACTIVE");
    // The one POST made the listener: after its lost answer the create looked for it instead of posting again.
    expect(emulator.calls.get(ROUTES.createListener)).toBe(1);
  });

  it("update survives it and applies the change once", async () => {
    const puts: boolean[] = [];
    const p = provider({}, { clientFor: countingPuts(puts) });
    const lb = freshLoadBalancer();
    const inputs = await checked(p, tcpListener(lb, 82));
    const created = await p.create(inputs);
    emulator.faults.add(fault(ROUTES.updateListener));
    const news = await checked(p, { ...inputs, backendPort: 9090, description: "changed" });
    const updated = await p.update(created.id, created.outs as ElbListenerOutputs, news);
    expect(emulator.state.listeners.get(created.id)?.fields).toMatchObject({
      backend_port: 9090,
      description: "changed",
    });
    expect(updated.outs).toMatchObject({ backendPort: 9090, description: "changed" });
    expect(listenersOf(lb)).toEqual([created.id]);
    // Once: the first two PUTs met the fault, then exactly one PUT was answered and none followed it; every PUT the
    // provider sent reached the emulator as one request.
    expect(puts.slice(0, 2)).toEqual([false, false]);
    expect(puts.filter((answered) => answered)).toHaveLength(1);
    expect(puts[puts.length - 1]).toBe(true);
    expect(emulator.calls.get(ROUTES.updateListener)).toBe(puts.length);
  });

  it("read survives it and returns the listener", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    const created = await p.create(await checked(p, tcpListener(lb, 83)));
    emulator.faults.add(fault(ROUTES.getListener));
    const read = await p.read(created.id, created.outs);
    expect(read.id).toBe(created.id);
    expect(read.props).toEqual(created.outs);
    expect(listenersOf(lb)).toEqual([created.id]);
  });

  it("delete survives it and leaves no listener", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    const created = await p.create(await checked(p, tcpListener(lb, 84)));
    emulator.faults.add(fault(ROUTES.deleteListener));
    await p.delete(created.id, created.outs as ElbListenerOutputs);
    expect(listenersOf(lb)).toEqual([]);
  });
});

describe("every retry", () => {
  ownEmulator();

  it("is logged with the operation, the code and the HTTP status that caused it", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    emulator.faults.add({ target: ROUTES.getLoadBalancer, kind: "error", code: APIGW_CODES.throttled, first: 1 });
    emulator.faults.add({ target: ROUTES.createListener, kind: "error", code: ELB_CODES.lbLocked, first: 1 });
    emulator.faults.add({ target: ROUTES.getListener, kind: "html502", first: 1 });
    await p.create(await checked(p, tcpListener(lb, 85)));
    // Busy answers after a mutation are retried by the pacer, throttling by the endpoint's gate once the endpoint
    // has accepted calls to space by (not here: the GET is the provider's first call), the rest by the retry policy.
    const retries = lines.filter((l) => / retry \d+ in \d+ ms \(\w+\)$/.test(l));
    expect(retries).toEqual([
      expect.stringMatching(
        /^huawei:ElbListener \S+: GET \/v1\.0\/\{project_id\}\/elbaas\/loadbalancers\/\{loadbalancer_id\} answered APIGW\.0308 \(HTTP 429\); retry 1 in \d+ ms \(backoff\)$/,
      ),
      expect.stringMatching(
        /^huawei:ElbListener \S+: POST \/v1\.0\/\{project_id\}\/elbaas\/listeners answered ELB\.1015 \(HTTP 400\); retry 1 in \d+ ms \((backoff|lock)\)$/,
      ),
      expect.stringMatching(
        /^huawei:ElbListener \S+: GET \/v1\.0\/\{project_id\}\/elbaas\/listeners\/\{listener_id\} answered NON_JSON_RESPONSE \(HTTP 502\); retry 1 in \d+ ms \(backoff\)$/,
      ),
    ]);
  });
});

describe("a create that cannot finish", () => {
  ownEmulator();

  it("deletes a listener that ends in ERROR, even when the delete meets faults, leaving nothing", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    emulator.state.failNextCreates = 1;
    emulator.faults.add({ target: ROUTES.deleteListener, kind: "drop-response", first: 1 });
    emulator.faults.add({ target: ROUTES.deleteListener, kind: "error", code: ELB_CODES.lbLocked, first: 2 });
    await expect(p.create(await checked(p, tcpListener(lb, 86)))).rejects.toThrow(
      /ended in status ERROR; it was deleted so nothing is left behind$/,
    );
    expect(listenersOf(lb)).toEqual([]);
  });

  it("fails at once on a fatal answer (quota) and creates nothing, without retrying it", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    emulator.faults.add({ target: ROUTES.createListener, kind: "error", code: ELB_CODES.listenerQuota });
    await expect(p.create(await checked(p, tcpListener(lb, 87)))).rejects.toThrow(
      "Huawei Cloud ELB POST /v1.0/{project_id}/elbaas/listeners failed: ELB.6091 (HTTP 403): Injected service fault",
    );
    expect(emulator.calls.get(ROUTES.createListener)).toBe(1);
    expect(listenersOf(lb)).toEqual([]);
  });

  it("reports the last code, the attempts and the spent budget when the retry budget runs out", async () => {
    const p = provider({ HW_RETRY_BUDGET_SECONDS: "0.2" });
    const lb = freshLoadBalancer();
    emulator.faults.add({ target: ROUTES.createListener, kind: "error", code: APIGW_CODES.throttled });
    await expect(p.create(await checked(p, tcpListener(lb, 88)))).rejects.toThrow(
      /^Huawei Cloud ELB POST \/v1\.0\/\{project_id\}\/elbaas\/listeners failed: APIGW\.0308 \(HTTP 429\): Injected gateway fault \[request id [0-9a-f]{32}\] \(still failing after \d+ attempts in 0 s; retry budget spent\)$/,
    );
    expect(listenersOf(lb)).toEqual([]);
  });
});

describe("twenty listeners on one load balancer, concurrently, lock on", () => {
  ownEmulator();

  it("are all created, updated and deleted", async () => {
    const p = provider();
    const lb = freshLoadBalancer();
    const ports = Array.from({ length: 20 }, (_, i) => 5000 + i);
    emulator.resetCalls();
    const inputs = await Promise.all(ports.map((port) => checked(p, tcpListener(lb, port))));
    const created = await Promise.all(inputs.map((i) => p.create(i)));
    expect(listenersOf(lb)).toHaveLength(20);
    expect(emulator.state.listenersOf(lb).every((l) => l.status === "ACTIVE")).toBe(true);
    const news = await Promise.all(inputs.map((i) => checked(p, { ...i, description: `port-${i.port}` })));
    await Promise.all(created.map((c, n) => p.update(c.id, c.outs as ElbListenerOutputs, news[n])));
    for (const l of emulator.state.listenersOf(lb)) expect(l.fields.description).toBe(`port-${l.fields.port}`);
    await Promise.all(created.map((c) => p.delete(c.id, c.outs as ElbListenerOutputs)));
    expect(listenersOf(lb)).toEqual([]);
    const total = [...emulator.calls.values()].reduce((a, b) => a + b, 0);
    if (process.env.REPORT_CALLS) {
      process.stderr.write(`huawei 20 listeners: ${total} calls ${JSON.stringify([...emulator.calls])}\n`);
    }
    // The minimum is 81 calls: the load balancer's type once, then per listener the POST, one PENDING_CREATE poll, the
    // PUT and the DELETE. The pacer learns the 20 ms lock from the first ELB.1015 answers (measured alone: 85 to 88
    // calls; 207 to 219 before any pacing).
    expect(total).toBeLessThanOrEqual(100);
  });
});
