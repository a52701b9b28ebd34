/**
 * Reliability of the ElbListener provider against the emulator with the load-balancer lock on: every fault kind on
 * every lifecycle step ends in the right state with exactly the listeners that should exist, fatal errors are not
 * retried, and no secret reaches an error, a log line, the outputs or the provider object.
 */
import type { HuaweiEmulator } from "../emulator/huawei";
import type { FaultRule } from "../emulator/faults";
import { ElbListenerProvider, type ElbListenerOutputs } from "./provider";
import type { ElbListenerInputs } from "./schema";
import { captureLog, describeEmulator, emulatorEnv, expectNoSecrets, recordInto } from "./testing";

const SECRET = "Zq9-distinctive-huawei-secret-7731";
const TOKEN = "tok-distinctive-huawei-token-4410";
let emu: HuaweiEmulator;
const lines: string[] = [];
captureLog(lines);

/** ownEmulator gives the enclosing describe an emulator of its own (see `describeEmulator`). */
const ownEmulator = (): void =>
  describeEmulator(
    { secretKey: SECRET, tokens: [TOKEN], lockMs: 20, pendingCreateReads: 1 },
    (started) => (emu = started),
  );

function provider(extra: Record<string, string> = {}): ElbListenerProvider {
  return new ElbListenerProvider({
    env: {
      ...emulatorEnv(emu),
      HW_REQUEST_TIMEOUT_SECONDS: "0.3",
      HW_RETRY_BUDGET_SECONDS: "20",
      ...extra,
    },
    pollIntervalMs: 1,
    // A throttling window of 100 ms instead of the services' second: the gate spaces retries alike, ten times sooner.
    retry: { baseDelayMs: 5, gate: { windowMs: 100 } },
  });
}

/** A load balancer of its own per test, so the only listeners on it are the test's. */
function freshLb(): string {
  return emu.state.addLoadBalancer("External", "reliability").id;
}

function inputsOn(lb: string): ElbListenerInputs {
  return {
    name: "rel",
    loadbalancerId: lb,
    protocol: "TCP",
    port: 443,
    backendProtocol: "TCP",
    backendPort: 8443,
    lbAlgorithm: "roundrobin",
  };
}

const FAULTS: readonly [string, Omit<FaultRule, "target">][] = [
  ["throttling (429 APIGW.0308)", { kind: "error", code: "APIGW.0308", first: 2 }],
  ["a locked load balancer (ELB.1015)", { kind: "error", code: "ELB.1015", first: 2 }],
  ["a 500", { kind: "error", code: "ELB.0004", status: 500, first: 1 }],
  ["a reset connection", { kind: "reset", first: 1 }],
  ["a stall past the timeout", { kind: "stall", stallMs: 1500, first: 1 }],
  ["an HTML 502 page", { kind: "html502", first: 1 }],
  ["a dropped response", { kind: "drop-response", first: 1 }],
];

describe.each(FAULTS)("under %s", (_name, fault) => {
  ownEmulator();

  it("create ends with exactly one listener", async () => {
    const lb = freshLb();
    emu.faults.add({ target: "POST /listeners", ...fault });
    const created = await provider().create(inputsOn(lb));
    expect(emu.state.listenersOf(lb).map((l) => l.id)).toEqual([created.id]);
    expect(emu.state.listeners.get(created.id)?.status).toBe("ACTIVE");
  });

  it("update ends with the new value on the one listener", async () => {
    const lb = freshLb();
    const p = provider();
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: "PUT /listeners/{id}", ...fault });
    await p.update(created.id, created.outs!, { ...inputsOn(lb), backendPort: 9443 });
    expect(emu.state.listenersOf(lb).map((l) => [l.id, l.fields.backend_port])).toEqual([[created.id, 9443]]);
  });

  it("delete ends with no listener", async () => {
    const lb = freshLb();
    const p = provider();
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: "DELETE /listeners/{id}", ...fault });
    await p.delete(created.id, created.outs!);
    expect(emu.state.listenersOf(lb)).toEqual([]);
  });

  it("read returns the listener", async () => {
    const lb = freshLb();
    const p = provider();
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: "GET /listeners/{id}", ...fault });
    expect((await p.read(created.id, created.outs!)).id).toBe(created.id);
  });
});

describe("fatal errors", () => {
  ownEmulator();

  it("are not retried and leave nothing behind", async () => {
    const lb = freshLb();
    emu.resetCalls();
    emu.faults.add({ target: "POST /listeners", kind: "error", code: "ELB.1001", first: 1 });
    await expect(provider().create(inputsOn(lb))).rejects.toThrow(/ELB\.1001 \(HTTP 400\)/);
    expect(emu.calls.get("POST /listeners")).toBe(1);
    expect(emu.state.listenersOf(lb)).toEqual([]);
  });

  it("end with the retry budget spent when the service keeps refusing", async () => {
    const lb = freshLb();
    emu.faults.add({ target: "POST /listeners", kind: "error", code: "APIGW.0308" });
    await expect(provider({ HW_RETRY_BUDGET_SECONDS: "0.2" }).create(inputsOn(lb))).rejects.toThrow(
      /APIGW\.0308 \(HTTP 429\).*\(still failing after \d+ attempts in \d+ s; retry budget spent\)$/,
    );
    expect(emu.state.listenersOf(lb)).toEqual([]);
  });
});

describe("secrets", () => {
  ownEmulator();

  it("never appear in errors, logs, outputs or the provider object, whatever fails", async () => {
    lines.length = 0;
    const seen: string[] = [];
    const record = recordInto(seen);
    const good = provider();
    const lb = freshLb();
    const wrongKey = provider({ HW_SECRET_KEY: `${SECRET}-wrong` });
    const wrongToken = provider({ HW_AUTH_TOKEN: `${TOKEN}-wrong` });
    const byToken = provider({ HW_AUTH_TOKEN: TOKEN });
    await record(() => wrongKey.create(inputsOn(lb)));
    await record(() => wrongToken.read("x", { ...inputsOn(lb) } as unknown as ElbListenerOutputs));
    await record(() => byToken.create({ ...inputsOn(lb), port: 444 }));
    // A service that echoes the caller's own credential back must not get it into the error.
    emu.faults.add({ target: "POST /listeners", kind: "error", code: "ELB.1001", message: `bad ${SECRET}`, first: 1 });
    await record(() => good.create({ ...inputsOn(lb), port: 445 }));
    emu.faults.add({ target: "POST /listeners", kind: "error", code: "ELB.1001", message: `bad ${TOKEN}`, first: 1 });
    await record(() => byToken.create({ ...inputsOn(lb), port: 449 }));
    emu.faults.clear();
    emu.faults.add({ target: "GET /loadbalancers/{id}", kind: "reset" });
    await record(() => provider({ HW_RETRY_BUDGET_SECONDS: "0.1" }).create({ ...inputsOn(lb), port: 446 }));
    emu.faults.clear();
    emu.state.failNextCreates = 1;
    await record(() => good.create({ ...inputsOn(lb), port: 447 }));
    await record(() => new ElbListenerProvider({ env: { HW_SECRET_KEY: SECRET } }).create(inputsOn(lb)));
    await record(() => good.create({ ...inputsOn(lb), port: 448 }));
    expectNoSecrets(seen, lines, [good, wrongKey, wrongToken, byToken], [SECRET, TOKEN], 10);
  });
});
