/**
 * Lifecycle of ElbV2ListenerProvider against the in-process emulator's shared ELB v2 API (real AK/SK signing, real
 * HTTP), on both route families (Open Telekom Cloud's `/v2.0/lbaas`, Huawei Cloud's `/v2/{project_id}/elb`): every
 * protocol through check, create, read, diff, update (one PUT with what changed, tags through the tag API) and delete;
 * the refusals before anything is created (a load balancer in ERROR at once, a dedicated one, a missing one); the
 * ACTIVE waits; a taken port, adoptExisting; and the exact log lines.
 */
import type { HuaweiEmulator } from "../../emulator/huawei";
import { ApiError } from "../../core/errors";
import { ElbV2Client, type V2Api, type WireV3Object } from "../client";
import { checked, emulatorEnv, emulatorSpec } from "../testing";
import { ElbV2ListenerProvider, type ElbV2ListenerOutputs, type V2ProviderOptions } from "./provider";
import type { ElbV2ListenerInputs } from "./schema";

let emu: HuaweiEmulator;
const lines: string[] = [];
emulatorSpec({ lockMs: 5 }, lines, (started) => (emu = started));

type Family = "otc" | "huawei";

/** CLOUD_ENV points a provider at one route family: eu-de is Open Telekom Cloud; HW_CLOUD picks Huawei Cloud. */
const CLOUD_ENV: Readonly<Record<Family, Record<string, string>>> = {
  otc: {},
  huawei: { HW_CLOUD: "myhuaweicloud.com" },
};

function provider(family: Family = "otc", options: V2ProviderOptions = {}): ElbV2ListenerProvider {
  return new ElbV2ListenerProvider({
    env: { ...emulatorEnv(emu), HW_REQUEST_TIMEOUT_SECONDS: "2", ...CLOUD_ENV[family] },
    pollIntervalMs: 2,
    ...options,
    retry: { baseDelayMs: 5, ...options.retry },
  });
}

/** freshLb is a shared load balancer of its own, so the only listeners on it are the test's. */
const freshLb = (): string => emu.v2.addLoadBalancer("provider-spec").id;

let nextPort = 30000;
const port = (): number => nextPort++;

const stored = (id: string): Record<string, unknown> => emu.v2.getListener(id).fields;
const tagsOf = (id: string): Record<string, string> => Object.fromEntries(emu.v2.getListener(id).tags);
const calls = (route: string): number => emu.calls.get(route) ?? 0;

interface Case {
  readonly name: string;
  readonly family: Family;
  readonly inputs: (lb: string) => Record<string, unknown>;
  readonly inPlace: () => Record<string, unknown>;
  /** What the emulator stores after the in-place update, by wire name. */
  readonly wire: () => Record<string, unknown>;
}

const CASES: Case[] = [
  {
    name: "TCP on Open Telekom Cloud",
    family: "otc",
    inputs: (lb) => ({ loadbalancerId: lb, protocol: "TCP", protocolPort: port(), name: "tcp" }),
    inPlace: () => ({ description: "changed", tags: { env: "test" } }),
    wire: () => ({ description: "changed", name: "tcp" }),
  },
  {
    name: "UDP on Huawei Cloud",
    family: "huawei",
    inputs: (lb) => ({
      loadbalancerId: lb,
      protocol: "UDP",
      protocolPort: port(),
      name: "udp",
      insertHeaders: { "X-Forwarded-ELB-IP": true },
    }),
    inPlace: () => ({ name: "udp-renamed", protectionStatus: "consoleProtection", protectionReason: "prod" }),
    wire: () => ({ name: "udp-renamed", protection_status: "consoleProtection", protection_reason: "prod" }),
  },
  {
    name: "HTTP on Huawei Cloud",
    family: "huawei",
    inputs: (lb) => ({ loadbalancerId: lb, protocol: "HTTP", protocolPort: port(), tags: { team: "web" } }),
    inPlace: () => ({ name: "http", insertHeaders: { "X-Forwarded-Host": false } }),
    wire: () => ({ name: "http", insert_headers: { "X-Forwarded-ELB-IP": false, "X-Forwarded-Host": false } }),
  },
  {
    name: "TERMINATED_HTTPS on Open Telekom Cloud",
    family: "otc",
    inputs: (lb) => ({
      loadbalancerId: lb,
      protocol: "TERMINATED_HTTPS",
      protocolPort: port(),
      name: "https",
      defaultTlsContainerRef: emu.seed.shared.certificateId,
      sniContainerRefs: [emu.seed.shared.sniCertificateId, emu.seed.shared.certificateId],
    }),
    inPlace: () => ({
      http2Enable: true,
      clientCaTlsContainerRef: emu.seed.shared.caCertificateId,
      tlsCiphersPolicy: "tls-1-2",
    }),
    wire: () => ({
      http2_enable: true,
      client_ca_tls_container_ref: emu.seed.shared.caCertificateId,
      tls_ciphers_policy: "tls-1-2",
    }),
  },
];

describe.each(CASES)("a $name listener", (c) => {
  it("goes through create, read, diff, update and delete; the emulator stores what was sent", async () => {
    const p = provider(c.family);
    const lb = freshLb();
    const inputs = await checked(p, c.inputs(lb));
    const created = await p.create(inputs);
    expect(emu.v2.getListener(created.id).loadbalancerId).toBe(lb);
    expect(tagsOf(created.id)).toEqual(inputs.tags ?? {});

    const read = await p.read(created.id, created.outs!);
    expect(read.inputs).toEqual(inputs);
    expect((await p.diff(created.id, read.props!, inputs)).changes).toBe(false);

    const news = await checked(p, { ...inputs, ...c.inPlace() }, inputs);
    const diff = await p.diff(created.id, created.outs!, news);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const updated = await p.update(created.id, created.outs!, news);
    expect(stored(created.id)).toMatchObject(c.wire());
    expect(tagsOf(created.id)).toEqual(news.tags ?? {});
    const reread = await p.read(created.id, updated.outs!);
    expect(reread.inputs).toEqual(news);

    await p.delete(created.id, updated.outs!);
    expect(emu.v2.listenersOf(lb)).toEqual([]);
  });
});

describe("ElbV2ListenerProvider", () => {
  it("calls Open Telekom Cloud on /v2.0/lbaas and Huawei Cloud on /v2/{project_id}/elb", async () => {
    const lb = freshLb();
    await provider("otc").create({ loadbalancerId: lb, protocol: "TCP", protocolPort: port() });
    expect(calls("POST /v2.0/lbaas/listeners")).toBe(1);
    expect(calls("POST /v2/listeners")).toBe(0);
    await provider("huawei").create({ loadbalancerId: lb, protocol: "TCP", protocolPort: port() });
    expect(calls("POST /v2/listeners")).toBe(1);
    expect(calls("POST /v2.0/lbaas/listeners")).toBe(1);
  });

  it("sends one PUT with only what changed, and clears a removed reference with null", async () => {
    const p = provider("otc");
    const inputs: ElbV2ListenerInputs = {
      loadbalancerId: freshLb(),
      protocol: "TERMINATED_HTTPS",
      protocolPort: port(),
      defaultTlsContainerRef: emu.seed.shared.certificateId,
      clientCaTlsContainerRef: emu.seed.shared.caCertificateId,
      description: "first",
    };
    const created = await p.create(inputs);
    const { clientCaTlsContainerRef: _removed, ...news } = { ...inputs, description: "second" };
    await p.update(created.id, created.outs!, news);
    expect(calls("PUT /v2.0/lbaas/listeners/{id}")).toBe(1);
    expect(stored(created.id)).toMatchObject({ description: "second", client_ca_tls_container_ref: null });
  });

  it("compares SNI certificates as sets: another order is no change and sends nothing", async () => {
    const p = provider("otc");
    const sni = [emu.seed.shared.sniCertificateId, emu.seed.shared.certificateId];
    const inputs: ElbV2ListenerInputs = {
      loadbalancerId: freshLb(),
      protocol: "TERMINATED_HTTPS",
      protocolPort: port(),
      defaultTlsContainerRef: emu.seed.shared.certificateId,
      sniContainerRefs: sni,
    };
    const created = await p.create(inputs);
    const reversed = { ...inputs, sniContainerRefs: [...sni].reverse() };
    expect((await p.diff(created.id, created.outs!, reversed)).changes).toBe(false);
    await p.update(created.id, created.outs!, reversed);
    expect(calls("PUT /v2.0/lbaas/listeners/{id}")).toBe(0);
    const read = await p.read(created.id, created.outs!);
    expect(read.inputs?.sniContainerRefs).toEqual(sni);
  });

  it("replaces on the protocol and the port, deleting first on the same port", async () => {
    const p = provider("otc");
    const olds = {
      loadbalancerId: freshLb(),
      protocol: "TCP" as const,
      protocolPort: 80,
      resolvedRegion: "eu-de",
      resolvedProjectId: emu.seed.projectId,
    };
    expect(await p.diff("l", olds, { ...olds, protocol: "HTTP" })).toEqual({
      changes: true,
      replaces: ["protocol"],
      deleteBeforeReplace: true,
    });
    expect(await p.diff("l", olds, { ...olds, protocolPort: 81 })).toEqual({
      changes: true,
      replaces: ["protocolPort"],
      deleteBeforeReplace: false,
    });
  });

  it("refuses a load balancer in ERROR at once, with one read and no create", async () => {
    const lb = emu.seed.shared.loadBalancers.error;
    await expect(provider("otc").create({ loadbalancerId: lb, protocol: "TCP", protocolPort: port() })).rejects.toThrow(
      `Huawei Cloud shared load balancer ${lb} is ERROR, not ACTIVE: no listener can be changed on it; repair or ` +
        "replace the load balancer",
    );
    expect(calls("GET /v2.0/lbaas/loadbalancers/{id}")).toBe(1);
    expect(calls("POST /v2.0/lbaas/listeners")).toBe(0);
  });

  it("refuses a dedicated load balancer (guaranteed: true) before the create", async () => {
    const lb = emu.seed.dedicated.l4l7;
    await expect(provider("otc").create({ loadbalancerId: lb, protocol: "TCP", protocolPort: port() })).rejects.toThrow(
      `Huawei Cloud load balancer ${lb} is a dedicated load balancer (guaranteed: true), not a shared one: use ` +
        "ElbV3Listener",
    );
    expect(calls("POST /v2.0/lbaas/listeners")).toBe(0);
  });

  it("refuses a load balancer the service does not know before the create", async () => {
    const lb = "0416b6f1-877f-4a51-987e-978b3f084253";
    await expect(
      provider("huawei").create({ loadbalancerId: lb, protocol: "TCP", protocolPort: port() }),
    ).rejects.toThrow(
      `Huawei Cloud shared load balancer ${lb} does not exist in project ${emu.seed.projectId} (eu-de): check ` +
        "loadbalancerId, region and projectId",
    );
    expect(calls("POST /v2/listeners")).toBe(0);
  });

  it("waits for a load balancer that is PENDING_UPDATE to become ACTIVE before the create", async () => {
    const lb = freshLb();
    emu.v2.setProvisioningStatus(lb, "PENDING_UPDATE");
    setTimeout(() => emu.v2.setProvisioningStatus(lb, undefined), 40);
    const created = await provider("otc").create({ loadbalancerId: lb, protocol: "TCP", protocolPort: port() });
    expect(emu.v2.listenersOf(lb).map((l) => l.id)).toEqual([created.id]);
    expect(calls("GET /v2.0/lbaas/loadbalancers/{id}")).toBeGreaterThan(2);
  });

  it("fails a create on a taken port with the service's conflict and says how to adopt", async () => {
    const lb = freshLb();
    const p = provider("otc");
    const first = await p.create({ loadbalancerId: lb, protocol: "TCP", protocolPort: 8080 });
    await expect(p.create({ loadbalancerId: lb, protocol: "TCP", protocolPort: 8080 })).rejects.toThrow(
      "LoadBalancerListenerProtocolPortExists (HTTP 409)",
    );
    expect(lines).toContain(
      `warn: huawei:ElbV2Listener: port 8080 of load balancer ${lb} is taken; set adoptExisting: true to manage an ` +
        "existing TCP listener on it",
    );
    expect(emu.v2.listenersOf(lb).map((l) => l.id)).toEqual([first.id]);
  });

  it("adopts the listener on the port with adoptExisting and applies the program's settings", async () => {
    const lb = freshLb();
    const p = provider("huawei");
    const existing = await p.create({ loadbalancerId: lb, protocol: "HTTP", protocolPort: 8081, name: "old" });
    const adopted = await p.create({
      loadbalancerId: lb,
      protocol: "HTTP",
      protocolPort: 8081,
      name: "new",
      tags: { owner: "pulumi" },
      adoptExisting: true,
    });
    expect(adopted.id).toBe(existing.id);
    expect(stored(existing.id)).toMatchObject({ name: "new" });
    expect(tagsOf(existing.id)).toEqual({ owner: "pulumi" });
    expect(lines).toContain(`info: huawei:ElbV2Listener: adopting existing listener ${existing.id} on port 8081`);
  });

  it("leaves an adopted listener's tags alone when the program sets none", async () => {
    const lb = freshLb();
    const p = provider("otc");
    const existing = await p.create({ loadbalancerId: lb, protocol: "TCP", protocolPort: 8084, tags: { keep: "me" } });
    const adopted = await p.create({ loadbalancerId: lb, protocol: "TCP", protocolPort: 8084, adoptExisting: true });
    expect(adopted.id).toBe(existing.id);
    expect(tagsOf(existing.id)).toEqual({ keep: "me" });
  });

  it("refuses to adopt a listener of another protocol on the port", async () => {
    const lb = freshLb();
    const p = provider("otc");
    const existing = await p.create({ loadbalancerId: lb, protocol: "HTTP", protocolPort: 8082 });
    await expect(
      p.create({ loadbalancerId: lb, protocol: "TCP", protocolPort: 8082, adoptExisting: true }),
    ).rejects.toThrow(
      `Huawei Cloud shared listener ${existing.id} on port 8082 cannot be adopted: it is HTTP, not TCP, and the ` +
        "protocol cannot be changed in place",
    );
  });

  it("drops a listener deleted outside Pulumi from the state, and counts deleting it again as done", async () => {
    const p = provider("otc");
    const created = await p.create({ loadbalancerId: freshLb(), protocol: "UDP", protocolPort: port() });
    emu.v2.deleteOutOfBand(created.id);
    expect(await p.read(created.id, created.outs!)).toEqual({ id: "" });
    await p.delete(created.id, created.outs!);
    expect(lines).toContain(`info: huawei:ElbV2Listener: listener ${created.id} was already gone`);
  });

  it("logs each retry in the one format", async () => {
    emu.faults.add({
      target: "POST /v2.0/lbaas/listeners",
      kind: "error",
      code: "StateInvalid",
      status: 409,
      first: 1,
    });
    const lb = freshLb();
    const p = provider("otc");
    const inputs = { loadbalancerId: lb, protocol: "TCP" as const, protocolPort: 8083 };
    const created = await p.create(inputs);
    expect(emu.v2.listenersOf(lb).map((l) => l.id)).toEqual([created.id]);
    expect(lines.filter((l) => l.includes("retry 1"))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^info: huawei:ElbV2Listener ${lb}:8083: POST /v2.0/lbaas/listeners answered StateInvalid \\(HTTP 409\\); ` +
            "retry 1 in \\d+ ms \\((backoff|lock)\\)$",
        ),
      ),
    ]);
  });

  it("answers outputs with the times in UTC with Z, the region and the project", async () => {
    const created = await provider("otc").create({ loadbalancerId: freshLb(), protocol: "TCP", protocolPort: port() });
    const outs: ElbV2ListenerOutputs = created.outs!;
    expect(outs.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(outs).toMatchObject({ resolvedRegion: "eu-de", resolvedProjectId: emu.seed.projectId });
  });
});

/**
 * withV3 is the emulator's client with the unified v3 GET and PUT of a shared listener answered in memory (the
 * emulator serves v3 for dedicated listeners only), recording each v3 PUT body; `failPut` makes the PUT fail fatally.
 */
function withV3(failPut = false): { readonly options: V2ProviderOptions; readonly puts: object[] } {
  const puts: object[] = [];
  const v3 = new Map<string, Record<string, unknown>>();
  const options: V2ProviderOptions = {
    clientFor: (target): V2Api => {
      const real = new ElbV2Client(target, "otc");
      return {
        family: real.family,
        createListener: (body) => real.createListener(body),
        getListener: (id) => real.getListener(id),
        listListeners: (lb, p) => real.listListeners(lb, p),
        updateListener: (id, body) => real.updateListener(id, body),
        deleteListener: (id) => real.deleteListener(id),
        getLoadBalancer: (id) => real.getLoadBalancer(id),
        getLoadBalancerV3: (id) => real.getLoadBalancerV3(id),
        listTags: (id) => real.listTags(id),
        tagAction: (id, action, tags) => real.tagAction(id, action, tags),
        updateListenerV3: async (id: string, body: object): Promise<WireV3Object> => {
          if (failPut) {
            throw new ApiError({
              cloud: "huawei",
              action: "PUT /v3/{project_id}/elb/listeners/{listener_id}",
              code: "ELB.8902",
              status: 400,
              apiMessage: "Invalid input for transparent_client_ip_enable.",
            });
          }
          puts.push(body);
          v3.set(id, { ...(v3.get(id) ?? {}), ...(body as { listener: Record<string, unknown> }).listener });
          return { id, ...v3.get(id) };
        },
        getListenerV3: async (id: string): Promise<WireV3Object> => ({ id, ...(v3.get(id) ?? {}) }),
      };
    },
  };
  return { options, puts };
}

describe("ElbV2Listener's client IP pass-through (the v3 PUT on the shared listener)", () => {
  it("is set with the v3 PUT after the create and on update, and read back with the v3 GET", async () => {
    const { options, puts } = withV3();
    const p = provider("otc", options);
    const inputs: ElbV2ListenerInputs = {
      loadbalancerId: freshLb(),
      protocol: "TCP",
      protocolPort: port(),
      transparentClientIpEnable: false,
    };
    const created = await p.create(inputs);
    expect(puts).toEqual([{ listener: { transparent_client_ip_enable: false } }]);
    expect(stored(created.id)).not.toHaveProperty("transparent_client_ip_enable");
    const news = { ...inputs, transparentClientIpEnable: true };
    const updated = await p.update(created.id, created.outs!, news);
    expect(puts).toEqual([
      { listener: { transparent_client_ip_enable: false } },
      { listener: { transparent_client_ip_enable: true } },
    ]);
    expect(calls("PUT /v2.0/lbaas/listeners/{id}")).toBe(0);
    expect((await p.read(created.id, updated.outs!)).inputs).toEqual(news);
  });

  it("deletes the listener again when the v3 PUT after the create fails, and says so", async () => {
    const { options } = withV3(true);
    const lb = freshLb();
    const p = provider("otc", options);
    await expect(
      p.create({ loadbalancerId: lb, protocol: "UDP", protocolPort: 5000, transparentClientIpEnable: false }),
    ).rejects.toThrow("ELB.8902 (HTTP 400): Invalid input for transparent_client_ip_enable.");
    expect(emu.v2.listenersOf(lb)).toEqual([]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^warn: huawei:ElbV2Listener: listener [0-9a-f-]{36} was created, but setting it up failed \(Huawei Cloud ELB PUT \/v3\/\{project_id\}\/elb\/listeners\/\{listener_id\} failed: ELB\.8902 \(HTTP 400\): Invalid input for transparent_client_ip_enable\.\); it was deleted again$/,
      ),
    ]);
  });
});

describe("ElbV2Listener's client IP pass-through against the emulator's v3 routes of shared listeners", () => {
  it.each<[Family, "TCP" | "HTTP", boolean]>([
    ["otc", "TCP", false],
    ["huawei", "HTTP", true],
  ])("on %s, a %s listener is created with %s and the v3 GET reads it back", async (family, protocol, value) => {
    const p = provider(family);
    const inputs: ElbV2ListenerInputs = {
      loadbalancerId: freshLb(),
      protocol,
      protocolPort: port(),
      transparentClientIpEnable: value,
    };
    const created = await p.create(inputs);
    expect(calls("PUT /v3/listeners/{id}")).toBe(1);
    expect(emu.v2.getListener(created.id).v3).toMatchObject({ transparent_client_ip_enable: value });
    expect((await p.read(created.id, created.outs!)).inputs).toEqual(inputs);
  });
});
