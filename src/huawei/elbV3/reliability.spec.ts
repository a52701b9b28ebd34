/**
 * Reliability of ElbV3ListenerProvider against the emulator's v3 API with the load balancer going PENDING_UPDATE
 * after each change: every fault kind on every call ends with exactly the listeners that should exist, fatal
 * errors are not retried, and no secret reaches an error, a log line, the outputs or the provider object.
 */
import type { FaultRule } from "../../emulator/faults";
import type { HuaweiEmulator } from "../../emulator/huawei";
import { captureLog, describeEmulator, emulatorEnv, expectNoSecrets, recordInto } from "../testing";
import { ElbV3ListenerProvider } from "./provider";
import type { ElbV3ListenerInputs } from "./schema";

const SECRET = "Zq9-distinctive-v3-secret-5521";
let emu: HuaweiEmulator;
const lines: string[] = [];
captureLog(lines);

/** ownEmulator gives the enclosing describe an emulator of its own (see `describeEmulator`). */
const ownEmulator = (): void => describeEmulator({ secretKey: SECRET, lockMs: 20 }, (started) => (emu = started));

function provider(extra: Record<string, string> = {}): ElbV3ListenerProvider {
  return new ElbV3ListenerProvider({
    env: { ...emulatorEnv(emu), HW_REQUEST_TIMEOUT_SECONDS: "0.3", HW_RETRY_BUDGET_SECONDS: "20", ...extra },
    pollIntervalMs: 5,
    // A throttling window of 100 ms instead of the services' second: the gate spaces retries alike, ten times sooner.
    retry: { baseDelayMs: 5, gate: { windowMs: 100 } },
  });
}

/** A load balancer of its own per test (both flavors), so the only listeners on it are the test's. */
function freshLb(): string {
  const seeded = emu.v3.loadBalancers.get(emu.seed.dedicated.l4l7)!;
  return emu.v3.addLoadBalancer("reliability", seeded.l4FlavorId, seeded.l7FlavorId).id;
}

const inputsOn = (lb: string): ElbV3ListenerInputs => ({
  name: "rel",
  loadbalancerId: lb,
  protocol: "HTTP",
  protocolPort: 80,
  memberTimeout: 30,
});

const FAULTS: readonly [string, Omit<FaultRule, "target">][] = [
  ["throttling (429 APIGW.0308)", { kind: "error", code: "APIGW.0308", first: 2 }],
  [
    "a load balancer not ACTIVE (409 ELB.8907)",
    {
      kind: "error",
      code: "ELB.8907",
      status: 409,
      message: "Load Balancer x is immutable and cannot be updated.",
      first: 2,
    },
  ],
  ["a 500 ELB.8906", { kind: "error", code: "ELB.8906", first: 1 }],
  ["a reset connection", { kind: "reset", first: 1 }],
  ["a stall past the timeout", { kind: "stall", stallMs: 1500, first: 1 }],
  ["an HTML 502 page", { kind: "html502", first: 1 }],
  ["a dropped response", { kind: "drop-response", first: 1 }],
];

const ids = (lb: string): string[] => emu.v3.listenersOf(lb).map((l) => l.id);

describe.each(FAULTS)("under %s", (_name, fault) => {
  ownEmulator();

  it("create ends with exactly one listener", async () => {
    const lb = freshLb();
    emu.faults.add({ target: "POST /v3/listeners", ...fault });
    const created = await provider().create(inputsOn(lb));
    expect(ids(lb)).toEqual([created.id]);
  });

  it("create survives the fault on the load balancer read", async () => {
    const lb = freshLb();
    emu.faults.add({ target: "GET /v3/loadbalancers/{id}", ...fault });
    const created = await provider().create(inputsOn(lb));
    expect(ids(lb)).toEqual([created.id]);
  });

  it("update ends with the new value on the one listener", async () => {
    const lb = freshLb();
    const p = provider();
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: "PUT /v3/listeners/{id}", ...fault });
    await p.update(created.id, created.outs!, { ...inputsOn(lb), memberTimeout: 90 });
    expect(emu.v3.listenersOf(lb).map((l) => [l.id, l.fields.member_timeout])).toEqual([[created.id, 90]]);
  });

  it("delete ends with no listener", async () => {
    const lb = freshLb();
    const p = provider();
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: "DELETE /v3/listeners/{id}", ...fault });
    await p.delete(created.id, created.outs!);
    expect(ids(lb)).toEqual([]);
  });

  it("read returns the listener", async () => {
    const lb = freshLb();
    const p = provider();
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: "GET /v3/listeners/{id}", ...fault });
    expect((await p.read(created.id, created.outs!)).id).toBe(created.id);
  });
});

describe("fatal errors", () => {
  ownEmulator();

  it.each([
    ["ELB.8902", 400],
    ["ELB.8905", 409],
  ])("%s is not retried and leaves nothing behind", async (code, status) => {
    const lb = freshLb();
    emu.resetCalls();
    emu.faults.add({ target: "POST /v3/listeners", kind: "error", code, first: 1 });
    await expect(provider().create(inputsOn(lb))).rejects.toThrow(`${code} (HTTP ${status})`);
    expect(emu.calls.get("POST /v3/listeners")).toBe(1);
    expect(ids(lb)).toEqual([]);
  });

  it("a gateway 404 is not taken for a gone listener: read keeps the state", async () => {
    const lb = freshLb();
    const p = provider();
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: "GET /v3/listeners/{id}", kind: "error", code: "APIGW.0101", status: 404, first: 1 });
    await expect(p.read(created.id, created.outs!)).rejects.toThrow(
      "answered 404 without an ELB error body: the dedicated ELB API (v3) may not be offered in this region, or the endpoint is wrong",
    );
  });
});

describe("secrets", () => {
  ownEmulator();

  it("never appear in errors, logs, outputs or the provider object", async () => {
    lines.length = 0;
    const seen: string[] = [];
    const record = recordInto(seen);
    const lb = freshLb();
    const good = provider();
    const wrong = provider({ HW_SECRET_KEY: `${SECRET}-wrong` });
    await record(() => wrong.create(inputsOn(lb)));
    emu.faults.add({
      target: "POST /v3/listeners",
      kind: "error",
      code: "ELB.8902",
      message: `bad ${SECRET}`,
      first: 1,
    });
    await record(() => good.create(inputsOn(lb)));
    await record(() => good.create({ ...inputsOn(lb), protocolPort: 81 }));
    expectNoSecrets(seen, lines, [good, wrong], [SECRET], 5);
  });
});
