/**
 * Lifecycle of ElbListenerProvider against the in-process ELB emulator (real signing, real HTTP): every protocol
 * through create, read, diff, update, replace, delete and refresh; load-balancer type checks before anything is
 * created; ERROR without orphans; lost answers; many listeners on one load balancer at once.
 */
import { startHuaweiEmulator, type HuaweiEmulator } from "../emulator/huawei";
import { ElbListenerProvider, type ElbListenerOutputs, type ElbListenerProviderOptions } from "./provider";
import type { ElbListenerInputs } from "./schema";
import { emulatorEnv, emulatorSpec, RETRY_BUDGET_SECONDS } from "./testing";

let emu: HuaweiEmulator;
const lines: string[] = [];
emulatorSpec({ lockMs: 5, pendingCreateReads: 2 }, lines, (started) => (emu = started));

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...emulatorEnv(emu),
    HW_REQUEST_TIMEOUT_SECONDS: "2",
    ...extra,
  };
}

function provider(options: ElbListenerProviderOptions = {}): ElbListenerProvider {
  return new ElbListenerProvider({
    env: env(),
    pollIntervalMs: 1,
    ...options,
    retry: { baseDelayMs: 5, ...options.retry },
  });
}

let nextPort = 10000;
const port = (): number => nextPort++;

async function checked(p: ElbListenerProvider, raw: Record<string, unknown>): Promise<ElbListenerInputs> {
  const result = await p.check({} as ElbListenerInputs, raw as unknown as ElbListenerInputs);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}

function base(protocol: string, backendProtocol: string, lb = emu.seed.loadBalancers.public): Record<string, unknown> {
  return {
    name: `l-${protocol.toLowerCase()}-${nextPort}`,
    loadbalancerId: lb,
    protocol,
    port: port(),
    backendProtocol,
    backendPort: 8080,
    lbAlgorithm: "roundrobin",
  };
}

interface LifecycleCase {
  readonly protocol: string;
  readonly inputs: () => Record<string, unknown>;
  readonly inPlace: Record<string, unknown>;
  readonly replacing: Record<string, unknown>;
  readonly wire: Record<string, unknown>;
}

const CASES: LifecycleCase[] = [
  {
    protocol: "HTTP",
    inputs: () => ({ ...base("HTTP", "HTTP"), sessionSticky: true, stickySessionType: "insert", cookieTimeout: 60 }),
    inPlace: { lbAlgorithm: "roundrobin", description: "changed", backendPort: 9090 },
    replacing: { cookieTimeout: 120 },
    wire: { session_sticky: true, sticky_session_type: "insert", cookie_timeout: 60 },
  },
  {
    protocol: "TCP",
    inputs: () => ({ ...base("TCP", "TCP"), tcpTimeout: 3, tcpDraining: true, tcpDrainingTimeout: 10 }),
    inPlace: { tcpTimeout: 5, tcpDrainingTimeout: 20 },
    replacing: { sessionSticky: true },
    wire: { tcp_timeout: 3, tcp_draining: true, tcp_draining_timeout: 10 },
  },
  {
    protocol: "HTTPS",
    inputs: () => ({
      ...base("HTTPS", "HTTP"),
      certificateId: emu.seed.certificateId,
      certificates: [emu.seed.certificateId],
      sslProtocols: "TLS 1.2 TLS 1.1 TLS 1.0",
      sslCiphers: "Extended",
    }),
    inPlace: { sslProtocols: "TLS 1.2", sslCiphers: "Strict" },
    replacing: { backendProtocol: "TCP" },
    wire: { ssl_protocols: "TLSv1.2 TLSv1.1 TLSv1", ssl_ciphers: "Extended", certificates: ["CERT"] },
  },
  {
    protocol: "SSL",
    inputs: () => ({ ...base("SSL", "TCP"), certificateId: emu.seed.certificateId }),
    inPlace: { name: "renamed-ssl", sslCiphers: "Strict" },
    replacing: { protocol: "HTTPS", backendProtocol: "HTTP" },
    wire: { ssl_protocols: "TLSv1.2", ssl_ciphers: "Default" },
  },
  {
    protocol: "UDP",
    inputs: () => ({ ...base("UDP", "UDP"), udpTimeout: 30 }),
    inPlace: { udpTimeout: 60, lbAlgorithm: "source" },
    replacing: { loadbalancerId: "another-lb" },
    wire: { udp_timeout: 30 },
  },
];

describe.each(CASES)("ElbListenerProvider lifecycle for $protocol", (c) => {
  let p: ElbListenerProvider;
  beforeAll(() => {
    p = provider();
  });
  let inputs: ElbListenerInputs;
  let id: string;
  let outs: ElbListenerOutputs;

  it("creates the listener with one POST and waits for ACTIVE", async () => {
    inputs = await checked(p, c.inputs());
    const created = await p.create(inputs);
    id = created.id;
    outs = created.outs!;
    expect(outs).toMatchObject({ ...inputs, status: "ACTIVE", resolvedRegion: emu.seed.region });
    expect(emu.calls.get("POST /listeners")).toBe(1);
    const wire = JSON.parse(JSON.stringify(c.wire).replace(/CERT/g, emu.seed.certificateId));
    expect(emu.state.listeners.get(id)?.fields).toMatchObject(wire);
  });

  it("reads back the same props and inputs", async () => {
    const read = await p.read(id, outs);
    expect(read.id).toBe(id);
    expect(read.props).toEqual(outs);
    expect(read.inputs).toEqual(inputs);
  });

  it("finds no difference with unchanged inputs, also after a refresh", async () => {
    expect((await p.diff(id, outs, inputs)).changes).toBe(false);
    const read = await p.read(id, outs);
    expect((await p.diff(id, read.props!, inputs)).changes).toBe(false);
  });

  it("updates in place with one PUT", async () => {
    const news = await checked(p, { ...inputs, ...c.inPlace });
    const diff = await p.diff(id, outs, news);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    emu.resetCalls();
    const updated = await p.update(id, outs, news);
    expect(emu.calls.get("PUT /listeners/{id}")).toBe(1);
    expect(updated.outs).toMatchObject(news);
    outs = updated.outs!;
    inputs = news;
    expect((await p.diff(id, (await p.read(id, outs)).props!, inputs)).changes).toBe(false);
  });

  it("replaces on a change the API cannot make", async () => {
    const news = await checked(p, { ...inputs, ...c.replacing });
    const diff = await p.diff(id, outs, news);
    expect(diff.changes).toBe(true);
    expect(diff.replaces).toEqual(Object.keys(c.replacing));
  });

  it("deletes the listener, and a second delete succeeds", async () => {
    await p.delete(id, outs);
    expect(emu.state.listeners.has(id)).toBe(false);
    await expect(p.delete(id, outs)).resolves.toBeUndefined();
  });

  it("drops the listener on refresh after an out-of-band delete", async () => {
    const again = await p.create(await checked(p, c.inputs()));
    emu.state.deleteOutOfBand(again.id);
    expect(await p.read(again.id, again.outs)).toEqual({ id: "" });
  });
});

describe("ElbListenerProvider diff", () => {
  const p = new ElbListenerProvider({ env: {} });
  const outs = {
    name: "a",
    loadbalancerId: "lb1",
    protocol: "TCP",
    port: 80,
    backendProtocol: "TCP",
    backendPort: 80,
    lbAlgorithm: "roundrobin",
    status: "ACTIVE",
    resolvedRegion: "eu-de",
    resolvedProjectId: "p1",
  } as unknown as ElbListenerOutputs;
  const news = (change: Record<string, unknown>) => ({ ...outs, ...change }) as unknown as ElbListenerInputs;

  it("counts an unknown value as a change that replaces when its input does", async () => {
    expect(await p.diff("x", outs, news({ protocol: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }))).toMatchObject({
      changes: true,
      replaces: ["protocol"],
    });
  });
  it("deletes before replacing when the port on the load balancer stays the same", async () => {
    expect((await p.diff("x", outs, news({ backendProtocol: "UDP", protocol: "UDP" }))).deleteBeforeReplace).toBe(true);
    expect((await p.diff("x", outs, news({ protocol: "UDP", port: 81 }))).deleteBeforeReplace).toBe(false);
  });
  it("ignores adoptExisting", async () => {
    expect((await p.diff("x", outs, news({ adoptExisting: true }))).changes).toBe(false);
  });
  it("replaces when the region input moves the listener", async () => {
    expect(await p.diff("x", outs, news({ region: "eu-nl" }))).toMatchObject({ changes: true, replaces: ["region"] });
    expect((await p.diff("x", outs, news({ region: "eu-de" }))).changes).toBe(false);
  });
});

describe("ElbListenerProvider before creating", () => {
  let p: ElbListenerProvider;
  beforeAll(() => {
    p = provider();
  });

  it("refuses UDP on the private load balancer without creating anything", async () => {
    const before = emu.state.listenersOf(emu.seed.loadBalancers.private).length;
    const inputs = await checked(p, base("UDP", "UDP", emu.seed.loadBalancers.private));
    await expect(p.create(inputs)).rejects.toThrow(
      `Huawei Cloud ELB load balancer ${emu.seed.loadBalancers.private} is private (type Internal): a UDP listener ` +
        "cannot be added to a private network load balancer; use an External load balancer or another protocol",
    );
    expect(emu.calls.get("POST /listeners")).toBeUndefined();
    expect(emu.state.listenersOf(emu.seed.loadBalancers.private)).toHaveLength(before);
  });

  it("refuses SNI certificates on the private load balancer without creating anything", async () => {
    const inputs = await checked(p, {
      ...base("HTTPS", "HTTP", emu.seed.loadBalancers.private),
      certificateId: emu.seed.certificateId,
      certificates: [emu.seed.certificateId],
    });
    await expect(p.create(inputs)).rejects.toThrow(/is not public \(type Internal\): certificates \(SNI\)/);
    expect(emu.calls.get("POST /listeners")).toBeUndefined();
  });

  it("names the missing load balancer", async () => {
    const inputs = await checked(p, base("TCP", "TCP", "does-not-exist"));
    await expect(p.create(inputs)).rejects.toThrow(
      `Huawei Cloud ELB load balancer does-not-exist does not exist in project ${emu.seed.projectId} (eu-de): ` +
        "check loadbalancerId, region and projectId",
    );
  });

  it("names both the config key and the variable of missing credentials", async () => {
    const bare = new ElbListenerProvider({ env: { HW_REGION_NAME: "eu-de", HW_PROJECT_ID: "p" } });
    await expect(bare.create((await checked(p, base("TCP", "TCP"))) as ElbListenerInputs)).rejects.toThrow(
      "Huawei Cloud credentials are missing: set stack config huaweicloud:accessKey or environment variable " +
        "HW_ACCESS_KEY and stack config huaweicloud:secretKey or environment variable HW_SECRET_KEY (or an IAM " +
        "token in stack config huaweicloud:token or environment variable HW_AUTH_TOKEN)",
    );
  });

  it("reads its settings from configure when given", async () => {
    const configured = new ElbListenerProvider({ env: {}, pollIntervalMs: 1, retry: { baseDelayMs: 5 } });
    const values: Record<string, string> = {
      "huaweicloud:accessKey": emu.accessKey,
      "huaweicloud:secretKey": emu.secretKey,
      "huaweicloud:region": emu.seed.region,
      "huaweicloud:projectId": emu.seed.projectId,
      "huaweicloud:endpoints": JSON.stringify({ elb: emu.endpoint }),
      "pulumi-lb-listeners:retryBudgetSeconds": RETRY_BUDGET_SECONDS,
    };
    await configured.configure({ config: { get: (k: string) => values[k], require: (k: string) => values[k] } });
    const created = await configured.create(await checked(p, base("TCP", "TCP")));
    expect(emu.state.listeners.has(created.id)).toBe(true);
  });
});

describe("ElbListenerProvider failures", () => {
  it("deletes a listener that ends in ERROR, then fails (no orphan)", async () => {
    const p = provider();
    const inputs = await checked(p, base("TCP", "TCP"));
    const before = emu.state.listeners.size;
    emu.state.failNextCreates = 1;
    await expect(p.create(inputs)).rejects.toThrow(/ended in status ERROR; it was deleted so nothing is left behind$/);
    expect(emu.state.listeners.size).toBe(before);
    expect(emu.calls.get("DELETE /listeners/{id}")).toBe(1);
  });

  it("continues with its own listener after the POST answer was lost", async () => {
    const p = provider();
    // A load balancer of its own, so no lock left by an earlier test refuses the first POST.
    const lb = emu.state.addLoadBalancer("External", "drop-response");
    const inputs = await checked(p, base("TCP", "TCP", lb.id));
    emu.faults.add({ target: "POST /listeners", kind: "drop-response", first: 1 });
    const created = await p.create(inputs);
    expect(emu.calls.get("POST /listeners")).toBe(1);
    expect(emu.calls.get("GET /listeners")).toBe(1);
    expect(emu.state.listenersOf().filter((l) => l.fields.port === inputs.port)).toHaveLength(1);
    expect(emu.state.listeners.has(created.id)).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /POST \/v1\.0\/\{project_id\}\/elbaas\/listeners answered ECONNRESET; retry 1 in \d+ ms \(backoff\)/,
      ),
    );
  });

  it("retries throttling and a locked load balancer, logging each code", async () => {
    const p = provider();
    const inputs = await checked(p, base("TCP", "TCP"));
    emu.faults.add({ target: "POST /listeners", kind: "error", code: "APIGW.0308", first: 1 });
    emu.faults.add({ target: "GET /loadbalancers/{id}", kind: "error", code: "ELB.1015", first: 1 });
    await p.create(inputs);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /loadbalancers\/\{loadbalancer_id\} answered ELB.1015 \(HTTP 400\); retry 1 in \d+ ms \(backoff\)/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/elbaas\/listeners answered APIGW.0308 \(HTTP 429\); retry 1 in \d+ ms \(throttle\)/),
    );
  });

  it("fails at once on a taken port and suggests adoptExisting", async () => {
    const p = provider();
    const first = await checked(p, base("TCP", "TCP"));
    await p.create(first);
    await expect(p.create({ ...first, name: "other" })).rejects.toThrow(
      "Huawei Cloud ELB POST /v1.0/{project_id}/elbaas/listeners failed: ELB.6101 (HTTP 400): Listener port is repeated.",
    );
    expect(lines).toContainEqual(expect.stringContaining("set adoptExisting: true"));
  });

  it("adopts an existing listener on the same port and protocol when asked", async () => {
    const p = provider();
    const first = await checked(p, base("TCP", "TCP"));
    const original = await p.create(first);
    const adopted = await p.create({ ...first, name: "adopted", adoptExisting: true });
    expect(adopted.id).toBe(original.id);
    expect(emu.state.listeners.get(original.id)?.fields.name).toBe("adopted");
  });

  it("works with an IAM token instead of a key pair", async () => {
    const tokenEmu = await startHuaweiEmulator({ tokens: ["tok-123"], pendingCreateReads: 0 });
    try {
      const p = new ElbListenerProvider({
        env: {
          HW_AUTH_TOKEN: "tok-123",
          HW_REGION_NAME: "eu-de",
          HW_PROJECT_ID: tokenEmu.seed.projectId,
          HW_ELB_ENDPOINT: tokenEmu.endpoint,
          HW_RETRY_BUDGET_SECONDS: RETRY_BUDGET_SECONDS,
        },
      });
      const created = await p.create(await checked(p, base("TCP", "TCP", tokenEmu.seed.loadBalancers.public)));
      expect(tokenEmu.state.listeners.has(created.id)).toBe(true);
    } finally {
      await tokenEmu.close();
    }
  });
});

describe("ElbListenerProvider with many listeners on one load balancer", () => {
  it("creates, updates and deletes twenty listeners concurrently, queued by the lock", async () => {
    const calls: Record<string, number> = {};
    const lbEmu = await startHuaweiEmulator({ lockMs: 5, pendingCreateReads: 1 });
    try {
      const p = new ElbListenerProvider({
        env: { ...env(), HW_ELB_ENDPOINT: lbEmu.endpoint, HW_PROJECT_ID: lbEmu.seed.projectId },
        pollIntervalMs: 1,
        retry: { baseDelayMs: 5 },
      });
      const all = await Promise.all(
        Array.from({ length: 20 }, async (_, i) =>
          p.create(await checked(p, { ...base("TCP", "TCP", lbEmu.seed.loadBalancers.public), name: `many-${i}` })),
        ),
      );
      expect(lbEmu.state.listenersOf(lbEmu.seed.loadBalancers.public)).toHaveLength(20);
      // A refused POST (ELB.1015, the lock the previous mutation left) is retried without listing first.
      expect(lbEmu.calls.get("GET /listeners")).toBeUndefined();
      calls.create = lbEmu.calls.get("POST /listeners") ?? 0;
      await Promise.all(
        all.map(async (c) => p.update(c.id, c.outs!, { ...(c.outs as ElbListenerInputs), backendPort: 9999 })),
      );
      expect(lbEmu.state.listenersOf().every((l) => l.fields.backend_port === 9999)).toBe(true);
      calls.update = lbEmu.calls.get("PUT /listeners/{id}") ?? 0;
      await Promise.all(all.map((c) => p.delete(c.id, c.outs!)));
      expect(lbEmu.state.listenersOf()).toHaveLength(0);
      calls.delete = lbEmu.calls.get("DELETE /listeners/{id}") ?? 0;
      if (process.env.REPORT_CALLS) process.stdout.write(`huawei 20 listeners, API calls: ${JSON.stringify(calls)}\n`);
    } finally {
      await lbEmu.close();
    }
  });
});
