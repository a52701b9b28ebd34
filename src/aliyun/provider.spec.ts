/**
 * The HttpsListener lifecycle against the in-process SLB emulator (lock on, 20 ms), driven through the provider as the
 * dynamic-provider host drives it: check, then create/read/diff/update/delete with the checked inputs.
 */
import { inspect } from "node:util";
import { UNKNOWN_SENTINEL } from "../core/check";
import type { AliyunEmulator } from "../emulator/aliyun";
import type { HttpsListenerOutputs } from "./provider";
import { HttpsListenerProvider } from "./provider";
import { diffInputs } from "./schema";
import { parseListenerId } from "./wire";
import type { HttpsListenerInputs } from "./schema";
import { checked, emulatorEnv, loggedLines, useEmulator } from "./testing";

let emulator: AliyunEmulator;
useEmulator({ lockMs: 20 }, (e) => (emulator = e));
const lines = loggedLines();

function env(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...emulatorEnv(emulator), ...overrides };
}

function provider(extra: Record<string, string> = {}, requestTimeoutMs = 2000): HttpsListenerProvider {
  return new HttpsListenerProvider({
    env: env(extra),
    requestTimeoutMs,
    retry: { baseDelayMs: 10, maxDelayMs: 40 },
  });
}

function args(port: number, more: Partial<HttpsListenerInputs> = {}): HttpsListenerInputs {
  return {
    loadBalancerId: emulator.seed.loadBalancers.public,
    listenerPort: port,
    bandwidth: -1,
    healthCheck: "on",
    serverCertificateId: emulator.seed.serverCertificateId,
    stickySession: "on",
    stickySessionType: "insert",
    cookieTimeout: 500,
    backendServerPort: 80,
    ...more,
  };
}

function listenersOnPublic(): string[] {
  return emulator.state.allListeners().filter((id) => id.startsWith(emulator.seed.loadBalancers.public));
}

describe("HttpsListenerProvider lifecycle", () => {
  let p: HttpsListenerProvider;
  beforeAll(() => {
    p = provider();
  });
  let id = "";
  let outs: HttpsListenerOutputs;
  let inputs: HttpsListenerInputs;

  it("creates a running listener with id <lb>:https:<port>", async () => {
    inputs = await checked(p, args(443));
    const r = await p.create(inputs);
    id = r.id;
    outs = r.outs as HttpsListenerOutputs;
    expect(id).toBe(`${emulator.seed.loadBalancers.public}:https:443`);
    expect(outs.status).toBe("running");
    expect(emulator.state.describeListener("cn-hangzhou", emulator.seed.loadBalancers.public, 443).status).toBe(
      "running",
    );
  });

  it("reads the listener back: the same props and inputs", async () => {
    const r = await p.read(id, outs);
    expect(r.id).toBe(id);
    expect(r.props).toEqual(outs);
    expect(r.inputs).toEqual(inputs);
  });

  it("reports no change for the same inputs", async () => {
    expect(await p.diff(id, outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("reports no change after a refresh", async () => {
    const refreshed = await p.read(id, outs);
    expect((await p.diff(id, refreshed.props as HttpsListenerOutputs, inputs)).changes).toBe(false);
  });

  it("updates in place with one SetLoadBalancerHTTPSListenerAttribute", async () => {
    const news = await checked(p, { ...inputs, bandwidth: 10, description: "updated", cookieTimeout: 900 });
    const diff = await p.diff(id, outs, news);
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    emulator.state.settle();
    emulator.resetCalls();
    const r = await p.update(id, outs, news);
    expect(emulator.calls.get("SetLoadBalancerHTTPSListenerAttribute")).toBe(1);
    outs = r.outs as HttpsListenerOutputs;
    inputs = news;
    const live = await p.read(id, outs);
    expect(live.props).toMatchObject({ bandwidth: 10, description: "updated", cookieTimeout: 900 });
    expect((await p.diff(id, live.props as HttpsListenerOutputs, inputs)).changes).toBe(false);
  });

  it("replaces on a listenerPort change", async () => {
    const news = await checked(p, { ...inputs, listenerPort: 8443 });
    expect(await p.diff(id, outs, news)).toEqual({
      changes: true,
      replaces: ["listenerPort"],
      deleteBeforeReplace: false,
    });
  });

  it("replaces (deleting first) on a backendServerPort change, which keeps the same port", async () => {
    const news = await checked(p, { ...inputs, backendServerPort: 8080 });
    expect(await p.diff(id, outs, news)).toEqual({
      changes: true,
      replaces: ["backendServerPort"],
      deleteBeforeReplace: true,
    });
  });

  it("counts an unknown value as a change", async () => {
    const news = { ...inputs, listenerPort: UNKNOWN_SENTINEL as unknown as number };
    expect((await p.diff(id, outs, news)).replaces).toEqual(["listenerPort"]);
  });

  it("deletes the listener", async () => {
    await p.delete(id, outs);
    expect(listenersOnPublic()).not.toContain(id);
  });

  it("treats deleting a listener that is already gone as success", async () => {
    await expect(p.delete(id, outs)).resolves.toBeUndefined();
  });

  it("reads a listener deleted out of band as gone (empty id)", async () => {
    const again = await p.create(await checked(p, args(444)));
    emulator.state.settle();
    emulator.state.deleteListener("cn-hangzhou", emulator.seed.loadBalancers.public, 444);
    expect(await p.read(again.id, again.outs)).toEqual({ id: "" });
  });

  it("reads a listener whose load balancer is gone as gone", async () => {
    expect(await p.read("lb-deleted:https:443", outs)).toEqual({ id: "" });
  });
});

describe("HttpsListenerProvider create", () => {
  it("fails with ListenerAlreadyExists on a taken port, naming action, code and request id", async () => {
    const p = provider();
    await p.create(await checked(p, args(1443)));
    await expect(p.create(await checked(p, args(1443)))).rejects.toThrow(
      /^Alibaba Cloud SLB CreateLoadBalancerHTTPSListener failed: ListenerAlreadyExists \(HTTP 400\): A listener with the specified port already exists \[request id [0-9A-F-]{36}\]$/,
    );
  });

  it("adopts an existing listener on the same port when adoptExisting is true", async () => {
    const p = provider();
    await p.create(await checked(p, args(1444)));
    const r = await p.create(await checked(p, args(1444, { adoptExisting: true, bandwidth: 20 })));
    expect(r.id).toBe(`${emulator.seed.loadBalancers.public}:https:1444`);
    expect(
      emulator.state.describeListener("cn-hangzhou", emulator.seed.loadBalancers.public, 1444).config,
    ).toMatchObject({ Bandwidth: 20 });
  });

  it("deletes the new listener when it cannot be started, then reports the start error", async () => {
    const p = provider();
    emulator.faults.add({ target: "StartLoadBalancerListener", kind: "error", code: "Forbidden", status: 403 });
    await expect(p.create(await checked(p, args(1445)))).rejects.toThrow(
      /StartLoadBalancerListener failed: Forbidden \(HTTP 403\)/,
    );
    expect(listenersOnPublic()).not.toContain(`${emulator.seed.loadBalancers.public}:https:1445`);
  });

  it("retries a start refused while the load balancer is configuring, and logs the code", async () => {
    const p = provider();
    emulator.faults.add({ target: "StartLoadBalancerListener", kind: "error", code: "ServiceIsConfiguring", first: 2 });
    emulator.state.lockMs = 0;
    try {
      await p.create(await checked(p, args(1446)));
    } finally {
      emulator.state.lockMs = 20;
    }
    expect(lines.filter((l) => l.includes("StartLoadBalancerListener answered ServiceIsConfiguring"))).toHaveLength(2);
  });

  it("continues with its own listener when the create response was lost", async () => {
    const p = provider();
    emulator.faults.add({ target: "CreateLoadBalancerHTTPSListener", kind: "drop-response", first: 1 });
    emulator.resetCalls();
    const r = await p.create(await checked(p, args(1447)));
    expect(r.id).toBe(`${emulator.seed.loadBalancers.public}:https:1447`);
    expect(emulator.calls.get("CreateLoadBalancerHTTPSListener")).toBe(1);
    expect(emulator.state.describeListener("cn-hangzhou", emulator.seed.loadBalancers.public, 1447).status).toBe(
      "running",
    );
  });

  it("creates twelve listeners on one load balancer concurrently with the lock on", async () => {
    const p = provider();
    emulator.resetCalls();
    const ports = Array.from({ length: 12 }, (_, i) => 2000 + i);
    const results = await Promise.all(ports.map(async (port) => p.create(await checked(p, args(port)))));
    expect(results.map((r) => r.id)).toEqual(
      ports.map((port) => `${emulator.seed.loadBalancers.public}:https:${port}`),
    );
    for (const port of ports) {
      expect(emulator.state.describeListener("cn-hangzhou", emulator.seed.loadBalancers.public, port).status).toBe(
        "running",
      );
    }
  });

  it("fails with a ConfigError naming key and variable when the secret is missing", async () => {
    const p = new HttpsListenerProvider({ env: { ...env(), ALICLOUD_SECRET_KEY: "" } });
    await expect(p.create(await checked(p, args(3000)))).rejects.toThrow(
      "Alibaba Cloud secret key is not set: set the stack config alicloud:secretKey (pulumi config set alicloud:secretKey ... --secret) or the environment variable ALICLOUD_SECRET_KEY or ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    );
  });

  it("uses stack config given through configure over the environment", async () => {
    const p = new HttpsListenerProvider({ env: { ...env(), ALICLOUD_SECRET_KEY: "wrong" } });
    await p.configure({
      config: {
        get: (k: string) => (k === "alicloud:secretKey" ? emulator.accessKeySecret : undefined),
        require: () => "",
      },
    });
    const r = await p.create(await checked(p, args(3001)));
    expect(r.id).toBe(`${emulator.seed.loadBalancers.public}:https:3001`);
  });
});

describe("diffInputs", () => {
  const olds = { loadBalancerId: "lb", listenerPort: 1, regionId: "cn-hangzhou", description: "x", scheduler: "wlc" };
  it("ignores an input without API default that the program dropped (the API keeps it)", () => {
    expect(diffInputs(olds, { ...olds, description: undefined }).changed).toEqual([]);
  });
  it("sees a dropped input with an API default as going back to the default", () => {
    expect(diffInputs(olds, { ...olds, scheduler: undefined }).changed).toEqual(["scheduler"]);
  });
  it("takes a missing regionId as the configured region", () => {
    expect(diffInputs(olds, { ...olds, regionId: undefined }, "eu-central-1").replaces).toEqual(["regionId"]);
  });
});

describe("parseListenerId", () => {
  it("reads <lb>:https:<port>", () => {
    expect(parseListenerId("lb-1:https:443")).toEqual({ loadBalancerId: "lb-1", listenerPort: 443 });
  });
  it("rejects another form", () => {
    expect(() => parseListenerId("lb-1:http:443")).toThrow(
      'HttpsListener id must look like <loadBalancerId>:https:<listenerPort>, got "lb-1:http:443"',
    );
  });
});

describe("HttpsListenerProvider's own object", () => {
  it("shows no secret to util.inspect or JSON after it has built a client", async () => {
    const p = provider();
    await p.read(`${emulator.seed.loadBalancers.public}:https:65000`, {} as HttpsListenerOutputs);
    const shown = [inspect(p, { depth: 20, showHidden: true }), JSON.stringify(p)].join("\n");
    expect(shown).not.toContain(emulator.accessKeySecret);
  });
});
