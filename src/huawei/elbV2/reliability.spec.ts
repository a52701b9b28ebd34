/**
 * Reliability of ElbV2ListenerProvider against the emulator's shared ELB v2 API of both clouds, with the load balancer
 * going PENDING_UPDATE after each change: every fault kind of the emulator on every call the provider makes (the
 * create, the load balancer reads on the v2 and v3 routes, the lookup after a lost create answer, the tag API, the
 * PUT, the delete, the reads) ends with exactly the listeners and tags that should exist; a lost create answer is
 * looked up, never posted again; fatal errors are not retried; no secret reaches an error, a log line, the outputs or
 * the provider object.
 */
import type { FaultRule } from "../../emulator/faults";
import { startHuaweiEmulator, type HuaweiEmulator } from "../../emulator/huawei";
import { captureLog, emulatorEnv, expectNoSecrets, recordInto } from "../testing";
import { ElbV2ListenerProvider } from "./provider";
import type { ElbV2ListenerInputs } from "./schema";

const SECRET = "Zq9-distinctive-v2-secret-7731";
let emu: HuaweiEmulator;
const lines: string[] = [];
captureLog(lines);
// An emulator of its own per spec: another endpoint, so what the process-wide lock pacer learns from one spec's busy
// answers (a lock that seems long) does not slow the next spec's mutations.
beforeEach(async () => {
  emu = await startHuaweiEmulator({ secretKey: SECRET, lockMs: 20 });
});
afterEach(async () => {
  await emu.close();
});

type Family = "otc" | "huawei";

function provider(family: Family, extra: Record<string, string> = {}): ElbV2ListenerProvider {
  return new ElbV2ListenerProvider({
    env: {
      ...emulatorEnv(emu),
      HW_REQUEST_TIMEOUT_SECONDS: "0.3",
      HW_RETRY_BUDGET_SECONDS: "20",
      ...(family === "huawei" ? { HW_CLOUD: "myhuaweicloud.com" } : {}),
      ...extra,
    },
    pollIntervalMs: 5,
    retry: { baseDelayMs: 5 },
  });
}

const freshLb = (): string => emu.v2.addLoadBalancer("reliability").id;

const inputsOn = (lb: string): ElbV2ListenerInputs => ({
  name: "rel",
  loadbalancerId: lb,
  protocol: "HTTP",
  protocolPort: 80,
  tags: { env: "rel" },
});

/** ROUTES are the emulator's route names (fault targets) of each family's calls. */
const ROUTES = {
  otc: {
    create: "POST /v2.0/lbaas/listeners",
    get: "GET /v2.0/lbaas/listeners/{id}",
    list: "GET /v2.0/lbaas/listeners",
    update: "PUT /v2.0/lbaas/listeners/{id}",
    delete: "DELETE /v2.0/lbaas/listeners/{id}",
    loadBalancer: "GET /v2.0/lbaas/loadbalancers/{id}",
  },
  huawei: {
    create: "POST /v2/listeners",
    get: "GET /v2/listeners/{id}",
    list: "GET /v2/listeners",
    update: "PUT /v2/listeners/{id}",
    delete: "DELETE /v2/listeners/{id}",
    loadBalancer: "GET /v2/loadbalancers/{id}",
  },
} as const;
const TAG_ACTION = "POST /v2.0/listeners/{id}/tags/action";
const TAG_LIST = "GET /v2.0/listeners/{id}/tags";
const V3_LOAD_BALANCER = "GET /v3/loadbalancers/{id}";
const V3_LISTENER_PUT = "PUT /v3/listeners/{id}";

type Fault = Omit<FaultRule, "target">;

/**
 * faults are every fault kind the emulator has, with each route's own codes for the busy load balancer and the
 * server error: the `/v2.0/lbaas` routes' NeutronError types, the Huawei routes' and the v3 route's ELB codes.
 */
function faults(dialect: "neutron" | "elb" | "v3"): readonly [string, Fault][] {
  const busy: Record<typeof dialect, Fault> = {
    neutron: { kind: "error", code: "StateInvalid", status: 409, first: 2 },
    elb: {
      kind: "error",
      code: "ELB.8907",
      status: 409,
      message: "Invalid state PENDING_UPDATE of loadbalancer resource x",
      first: 2,
    },
    v3: { kind: "error", code: "ELB.8907", status: 409, message: "Load Balancer x is immutable.", first: 2 },
  };
  const internal: Record<typeof dialect, Fault> = {
    neutron: { kind: "error", code: "HTTPInternalServerError", status: 500, first: 1 },
    elb: { kind: "error", code: "ELB.0004", status: 500, first: 1 },
    v3: { kind: "error", code: "ELB.8906", status: 500, first: 1 },
  };
  return [
    ["throttling (429 APIGW.0308)", { kind: "error", code: "APIGW.0308", first: 2 }],
    ["a busy load balancer (409)", busy[dialect]],
    ["a server error (500)", internal[dialect]],
    ["a reset connection", { kind: "reset", first: 1 }],
    ["a stall past the timeout", { kind: "stall", stallMs: 1500, first: 1 }],
    ["an HTML 502 page", { kind: "html502", first: 1 }],
    ["a dropped response", { kind: "drop-response", first: 1 }],
  ];
}

const ids = (lb: string): string[] => emu.v2.listenersOf(lb).map((l) => l.id);
const tagsOf = (id: string): Record<string, string> => Object.fromEntries(emu.v2.getListener(id).tags);

const MATRIX: readonly [Family, string, Fault][] = (["otc", "huawei"] as const).flatMap((family) =>
  faults(family === "otc" ? "neutron" : "elb").map(([name, fault]): [Family, string, Fault] => [family, name, fault]),
);

describe.each(MATRIX)("on %s under %s", (family, _name, fault) => {
  const routes = ROUTES[family];

  it("create ends with exactly one listener and its tags", async () => {
    const lb = freshLb();
    emu.faults.add({ target: routes.create, ...fault });
    const created = await provider(family).create(inputsOn(lb));
    expect(ids(lb)).toEqual([created.id]);
    expect(tagsOf(created.id)).toEqual({ env: "rel" });
  });

  it("create survives the fault on the load balancer read", async () => {
    const lb = freshLb();
    emu.faults.add({ target: routes.loadBalancer, ...fault });
    const created = await provider(family).create(inputsOn(lb));
    expect(ids(lb)).toEqual([created.id]);
  });

  it("create survives the fault on the tag API", async () => {
    const lb = freshLb();
    emu.faults.add({ target: TAG_ACTION, ...fault });
    const created = await provider(family).create(inputsOn(lb));
    expect(ids(lb)).toEqual([created.id]);
    expect(tagsOf(created.id)).toEqual({ env: "rel" });
  });

  it("update ends with the new values on the one listener", async () => {
    const lb = freshLb();
    const p = provider(family);
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: routes.update, ...fault });
    emu.faults.add({ target: TAG_ACTION, ...fault });
    await p.update(created.id, created.outs!, { ...inputsOn(lb), name: "rel-2", tags: { env: "rel-2" } });
    expect(emu.v2.listenersOf(lb).map((l) => [l.id, l.fields.name])).toEqual([[created.id, "rel-2"]]);
    expect(tagsOf(created.id)).toEqual({ env: "rel-2" });
  });

  it("delete ends with no listener", async () => {
    const lb = freshLb();
    const p = provider(family);
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: routes.delete, ...fault });
    await p.delete(created.id, created.outs!);
    expect(ids(lb)).toEqual([]);
  });

  it("read returns the listener and its tags", async () => {
    const lb = freshLb();
    const p = provider(family);
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: routes.get, ...fault });
    emu.faults.add({ target: TAG_LIST, ...fault });
    const read = await p.read(created.id, created.outs!);
    expect(read.id).toBe(created.id);
    expect(read.inputs?.tags).toEqual({ env: "rel" });
  });
});

describe.each(faults("v3"))("on the v3 routes under %s", (_name, fault) => {
  it("create ends with exactly one listener after a fault on the load balancer read", async () => {
    const lb = freshLb();
    emu.faults.add({ target: V3_LOAD_BALANCER, ...fault });
    const created = await provider("otc").create(inputsOn(lb));
    expect(ids(lb)).toEqual([created.id]);
  });

  it("create ends with exactly one listener and the pass-through set after a fault on the v3 PUT", async () => {
    const lb = freshLb();
    emu.faults.add({ target: V3_LISTENER_PUT, ...fault });
    const created = await provider("otc").create({
      ...inputsOn(lb),
      protocol: "TCP",
      transparentClientIpEnable: false,
    });
    expect(ids(lb)).toEqual([created.id]);
    expect(emu.v2.getListener(created.id).v3).toMatchObject({ transparent_client_ip_enable: false });
  });
});

describe.each<Family>(["otc", "huawei"])("a lost create answer on %s", (family) => {
  it("is looked up and continued with, never posted again", async () => {
    const lb = freshLb();
    emu.faults.add({ target: ROUTES[family].create, kind: "drop-response", first: 1 });
    lines.length = 0;
    const created = await provider(family).create(inputsOn(lb));
    expect(ids(lb)).toEqual([created.id]);
    expect(emu.calls.get(ROUTES[family].create)).toBe(1);
    expect(emu.calls.get(ROUTES[family].list)).toBe(1);
    expect(lines).toContain(
      `huawei:ElbV2Listener: an earlier attempt created listener ${created.id}; continuing with it`,
    );
  });

  it("survives a fault on the lookup too", async () => {
    const lb = freshLb();
    emu.faults.add({ target: ROUTES[family].create, kind: "drop-response", first: 1 });
    emu.faults.add({ target: ROUTES[family].list, kind: "reset", first: 1 });
    const created = await provider(family).create(inputsOn(lb));
    expect(ids(lb)).toEqual([created.id]);
    expect(emu.calls.get(ROUTES[family].create)).toBe(1);
  });
});

describe("fatal errors", () => {
  it.each<[Family, string, number]>([
    ["otc", "OverQuota", 409],
    ["otc", "EntityInUse", 409],
    ["huawei", "ELB.9807", 400],
    ["huawei", "ELB.6091", 403],
  ])("on %s, %s is not retried and leaves nothing behind", async (family, code, status) => {
    const lb = freshLb();
    emu.faults.add({ target: ROUTES[family].create, kind: "error", code, status, first: 1 });
    await expect(provider(family).create(inputsOn(lb))).rejects.toThrow(`${code} (HTTP ${status})`);
    expect(emu.calls.get(ROUTES[family].create)).toBe(1);
    expect(ids(lb)).toEqual([]);
  });

  it("a gateway 404 is not taken for a gone listener: read keeps the state", async () => {
    const lb = freshLb();
    const p = provider("otc");
    const created = await p.create(inputsOn(lb));
    emu.faults.add({ target: ROUTES.otc.get, kind: "error", code: "APIGW.0101", status: 404, first: 1 });
    await expect(p.read(created.id, created.outs!)).rejects.toThrow(
      "answered 404 without an ELB error body: the shared ELB API (v2) may not be offered in this region, or the " +
        "endpoint is wrong",
    );
  });
});

describe("secrets", () => {
  it("never appear in errors, logs, outputs or the provider object", async () => {
    lines.length = 0;
    const seen: string[] = [];
    const record = recordInto(seen);
    const lb = freshLb();
    const good = provider("otc");
    const wrong = provider("otc", { HW_SECRET_KEY: `${SECRET}-wrong` });
    await record(() => wrong.create(inputsOn(lb)));
    emu.faults.add({
      target: ROUTES.otc.create,
      kind: "error",
      code: "HTTPBadRequest",
      status: 400,
      message: `bad ${SECRET}`,
      first: 1,
    });
    await record(() => good.create(inputsOn(lb)));
    await record(() => good.create({ ...inputsOn(lb), protocolPort: 81 }));
    expectNoSecrets(seen, lines, [good, wrong], [SECRET], 5);
  });
});
