/**
 * Lifecycle of ElbV3ListenerProvider against the in-process emulator's dedicated ELB v3 API (real AK/SK signing,
 * real HTTP): every protocol through check, create, read, diff, update, clearing, replace and delete; what the wire
 * builds is what the emulator stores and reads back unchanged; flavor and status checks before anything is created;
 * the ACTIVE waits; port conflicts and adoptExisting.
 */
import type { HuaweiEmulator } from "../../emulator/huawei";
import { checked, emulatorEnv, emulatorSpec } from "../testing";
import { ElbV3ListenerProvider, type ElbV3ListenerOutputs, type V3ProviderOptions } from "./provider";
import type { ElbV3ListenerInputs } from "./schema";

let emu: HuaweiEmulator;
const lines: string[] = [];
emulatorSpec({ lockMs: 5 }, lines, (started) => (emu = started));

function provider(options: V3ProviderOptions = {}): ElbV3ListenerProvider {
  return new ElbV3ListenerProvider({
    env: { ...emulatorEnv(emu), HW_REQUEST_TIMEOUT_SECONDS: "2" },
    pollIntervalMs: 2,
    ...options,
    retry: { baseDelayMs: 5, ...options.retry },
  });
}

let nextPort = 20000;
const port = (): number => nextPort++;

const stored = (id: string): Record<string, unknown> => emu.v3.getListener(id).fields;

interface Case {
  readonly protocol: string;
  readonly inputs: () => Record<string, unknown>;
  readonly inPlace: () => Record<string, unknown>;
  /** What the emulator stores after the in-place update, by wire name. */
  readonly wire: () => Record<string, unknown>;
  /** Inputs removed in a second update, and what the emulator then stores. */
  readonly removed: readonly string[];
  readonly cleared: Record<string, unknown>;
}

const CASES: Case[] = [
  {
    protocol: "TCP",
    inputs: () => ({
      loadbalancerId: emu.seed.dedicated.l4,
      protocol: "TCP",
      protocolPort: port(),
      name: "tcp",
      keepaliveTimeout: 120,
    }),
    inPlace: () => ({ keepaliveTimeout: 600, description: "changed" }),
    wire: () => ({ keepalive_timeout: 600, description: "changed" }),
    removed: ["keepaliveTimeout"],
    cleared: { keepalive_timeout: 300 },
  },
  {
    protocol: "UDP",
    inputs: () => ({ loadbalancerId: emu.seed.dedicated.l4l7, protocol: "UDP", protocolPort: port(), name: "udp" }),
    inPlace: () => ({ name: "udp-renamed", ipgroup: { ipgroupId: emu.seed.ipGroupId } }),
    wire: () => ({
      name: "udp-renamed",
      ipgroup: { ipgroup_id: emu.seed.ipGroupId, enable_ipgroup: true, type: "white" },
    }),
    removed: ["ipgroup"],
    cleared: { ipgroup: null },
  },
  {
    protocol: "HTTP",
    inputs: () => ({
      loadbalancerId: emu.seed.dedicated.l7,
      protocol: "HTTP",
      protocolPort: port(),
      name: "http",
      insertHeaders: { "X-Forwarded-ELB-IP": true },
      ipgroup: { ipgroupId: emu.seed.ipGroupId, type: "black" },
      clientTimeout: 30,
    }),
    inPlace: () => ({ insertHeaders: { "X-Real-IP": true }, memberTimeout: 90, enhanceL7policyEnable: true }),
    wire: () => ({
      insert_headers: {
        "X-Forwarded-ELB-IP": false,
        "X-Forwarded-Host": true,
        "X-Forwarded-For-Port": false,
        "X-Forwarded-Port": false,
        "X-Real-IP": true,
      },
      member_timeout: 90,
      enhance_l7policy_enable: true,
    }),
    removed: ["ipgroup", "clientTimeout"],
    cleared: { ipgroup: null, client_timeout: 60 },
  },
  {
    protocol: "HTTPS",
    inputs: () => ({
      loadbalancerId: emu.seed.dedicated.l4l7,
      protocol: "HTTPS",
      protocolPort: port(),
      name: "https",
      defaultTlsContainerRef: emu.seed.certificates.server,
      sniContainerRefs: [emu.seed.certificates.server],
      securityPolicyId: emu.seed.securityPolicyId,
      tags: { env: "test" },
    }),
    inPlace: () => ({
      http2Enable: true,
      clientCaTlsContainerRef: emu.seed.certificates.client,
      sniMatchAlgo: "longest_suffix",
    }),
    wire: () => ({
      http2_enable: true,
      client_ca_tls_container_ref: emu.seed.certificates.client,
      sni_match_algo: "longest_suffix",
    }),
    removed: ["securityPolicyId", "clientCaTlsContainerRef"],
    cleared: { security_policy_id: null, client_ca_tls_container_ref: null },
  },
];

describe.each(CASES)("a $protocol listener", (c) => {
  it("goes through create, read, diff, update, clearing and delete; the emulator stores what was sent", async () => {
    const p = provider();
    const inputs = await checked(p, c.inputs());
    const created = await p.create(inputs);
    const id = created.id;
    expect(emu.v3.getListener(id)).toEqual(
      expect.objectContaining({ protocol: c.protocol, protocolPort: inputs.protocolPort }),
    );
    const outs = created.outs!;
    expect(outs.resolvedProjectId).toBe(emu.seed.projectId);
    // What the wire built is what the emulator answers back: read gives the same inputs, so no diff.
    const read = await p.read(id, outs);
    expect(read.inputs).toEqual({ ...inputs });
    expect(await p.diff(id, read.props!, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });

    const next = await checked(p, { ...inputs, ...c.inPlace() }, outs);
    const diff = await p.diff(id, outs, next);
    expect(diff.changes).toBe(true);
    expect(diff.replaces).toEqual([]);
    emu.resetCalls();
    const updated = await p.update(id, outs, next);
    expect(emu.calls.get("PUT /v3/listeners/{id}")).toBe(1);
    expect(stored(id)).toEqual(expect.objectContaining(c.wire()));
    expect((await p.read(id, updated.outs!)).inputs).toEqual({ ...next });

    const fewer: Record<string, unknown> = { ...next };
    for (const name of c.removed) delete fewer[name];
    const cleared = await p.update(id, updated.outs!, await checked(p, fewer, updated.outs!));
    expect(stored(id)).toEqual(expect.objectContaining(c.cleared));
    expect((await p.read(id, cleared.outs!)).inputs).toEqual(fewer);

    const replace = await p.diff(id, cleared.outs!, { ...(fewer as ElbV3ListenerInputs), protocolPort: port() });
    expect(replace).toEqual({ changes: true, replaces: ["protocolPort"], deleteBeforeReplace: false });
    await p.delete(id, cleared.outs!);
    expect(emu.v3.listeners.has(id)).toBe(false);
    expect((await p.read(id, cleared.outs!)).id).toBe("");
  });
});

describe("create", () => {
  it("refuses an HTTP listener on an L4-only load balancer before anything is created", async () => {
    const p = provider();
    const inputs = await checked(p, { loadbalancerId: emu.seed.dedicated.l4, protocol: "HTTP", protocolPort: port() });
    await expect(p.create(inputs)).rejects.toThrow(
      `Huawei Cloud dedicated load balancer ${emu.seed.dedicated.l4} has no Layer-7 flavor (it takes TCP and UDP only): ` +
        `a HTTP listener cannot be added; use another protocol or a load balancer with a Layer-7 flavor`,
    );
    expect(emu.calls.get("POST /v3/listeners")).toBeUndefined();
    expect(emu.calls.get("GET /v3/loadbalancers/{id}")).toBe(1);
  });

  it("refuses a UDP listener on an L7-only load balancer before anything is created", async () => {
    const p = provider();
    const inputs = await checked(p, { loadbalancerId: emu.seed.dedicated.l7, protocol: "UDP", protocolPort: port() });
    await expect(p.create(inputs)).rejects.toThrow(
      `Huawei Cloud dedicated load balancer ${emu.seed.dedicated.l7} has no Layer-4 flavor (it takes HTTP and HTTPS only): ` +
        `a UDP listener cannot be added; use another protocol or a load balancer with a Layer-4 flavor`,
    );
    expect(emu.calls.get("POST /v3/listeners")).toBeUndefined();
  });

  it("refuses a load balancer in ERROR before anything is created", async () => {
    const lb = emu.v3.addLoadBalancer("broken", emu.v3.loadBalancers.get(emu.seed.dedicated.l4)!.l4FlavorId, null);
    emu.v3.setProvisioningStatus(lb.id, "ERROR");
    const p = provider();
    await expect(
      p.create(await checked(p, { loadbalancerId: lb.id, protocol: "TCP", protocolPort: 80 })),
    ).rejects.toThrow(
      `Huawei Cloud dedicated load balancer ${lb.id} is ERROR, not ACTIVE: no listener can be added to it`,
    );
    expect(emu.calls.get("POST /v3/listeners")).toBeUndefined();
  });

  it("names a load balancer that does not exist", async () => {
    const p = provider();
    await expect(
      p.create(await checked(p, { loadbalancerId: "nope", protocol: "TCP", protocolPort: 80 })),
    ).rejects.toThrow(
      `Huawei Cloud dedicated load balancer nope does not exist in project ${emu.seed.projectId} (${emu.seed.region}): ` +
        `check loadbalancerId, region and projectId`,
    );
  });

  it("waits for a PENDING_UPDATE load balancer to become ACTIVE before and after the POST", async () => {
    const lb = emu.v3.addLoadBalancer("busy", emu.v3.loadBalancers.get(emu.seed.dedicated.l4)!.l4FlavorId, null);
    emu.v3.setProvisioningStatus(lb.id, "PENDING_UPDATE");
    let polls = 0;
    const p = provider({
      retry: {
        sleep: async () => {
          polls += 1;
          if (polls === 3) emu.v3.setProvisioningStatus(lb.id, undefined);
          await new Promise((r) => setTimeout(r, 6));
        },
      },
    });
    const created = await p.create(await checked(p, { loadbalancerId: lb.id, protocol: "TCP", protocolPort: 81 }));
    expect(emu.v3.getListener(created.id).protocolPort).toBe(81);
    expect(emu.calls.get("POST /v3/listeners")).toBe(1);
    // Three polls while PENDING_UPDATE, one ACTIVE, and the reads after the POST until the lock (5 ms) ends.
    expect(emu.calls.get("GET /v3/loadbalancers/{id}")).toBeGreaterThanOrEqual(5);
  });

  it("fails on a taken port with the service's conflict and a hint, and adoptExisting takes the listener over", async () => {
    const p = provider();
    const portNo = port();
    const first = await p.create(
      await checked(p, { loadbalancerId: emu.seed.dedicated.l4l7, protocol: "TCP", protocolPort: portNo, name: "a" }),
    );
    const again = await checked(p, {
      loadbalancerId: emu.seed.dedicated.l4l7,
      protocol: "TCP",
      protocolPort: portNo,
      name: "b",
    });
    await expect(p.create(again)).rejects.toThrow(
      `Huawei Cloud ELB POST /v3/{project_id}/elb/listeners failed: ELB.8907 (HTTP 409): Load Balancer ${emu.seed.dedicated.l4l7} already has a listener with protocol_port of ${portNo}.`,
    );
    expect(lines).toContain(
      `warn: huawei:ElbV3Listener: port ${portNo} of load balancer ${emu.seed.dedicated.l4l7} is taken; set adoptExisting: true to manage an existing TCP listener on it`,
    );
    const adopted = await p.create({ ...again, adoptExisting: true });
    expect(adopted.id).toBe(first.id);
    expect(stored(first.id).name).toBe("b");
    expect(lines).toContain(`info: huawei:ElbV3Listener: adopting existing listener ${first.id} on port ${portNo}`);
    await p.delete(first.id, adopted.outs!);
  });

  it("refuses to adopt a listener of another protocol on the port", async () => {
    const p = provider();
    const portNo = port();
    const first = await p.create(
      await checked(p, { loadbalancerId: emu.seed.dedicated.l4l7, protocol: "TCP", protocolPort: portNo }),
    );
    const http = await checked(p, {
      loadbalancerId: emu.seed.dedicated.l4l7,
      protocol: "HTTP",
      protocolPort: portNo,
      adoptExisting: true,
    });
    await expect(p.create(http)).rejects.toThrow(
      `Huawei Cloud dedicated listener ${first.id} on port ${portNo} cannot be adopted: protocol differ and cannot be changed in place`,
    );
    await p.delete(first.id, first.outs!);
  });

  it("lets TCP and UDP listeners share a port", async () => {
    const p = provider();
    const portNo = port();
    const tcp = await p.create(
      await checked(p, { loadbalancerId: emu.seed.dedicated.l4l7, protocol: "TCP", protocolPort: portNo }),
    );
    const udp = await p.create(
      await checked(p, { loadbalancerId: emu.seed.dedicated.l4l7, protocol: "UDP", protocolPort: portNo }),
    );
    expect(tcp.id).not.toBe(udp.id);
    const diff = await p.diff(tcp.id, tcp.outs!, { ...tcp.outs!, protocol: "UDP" });
    expect(diff).toEqual({ changes: true, replaces: ["protocol"], deleteBeforeReplace: false });
    await p.delete(tcp.id, tcp.outs!);
    await p.delete(udp.id, udp.outs!);
  });
});

describe("diff", () => {
  it("replaces on tags and on the load balancer, deleting first in the same slot", async () => {
    const p = provider();
    const olds = {
      loadbalancerId: "lb",
      protocol: "TCP",
      protocolPort: 80,
      tags: { a: "1" },
      resolvedRegion: emu.seed.region,
      resolvedProjectId: emu.seed.projectId,
    } as ElbV3ListenerOutputs;
    expect(await p.diff("x", olds, { ...olds, tags: { a: "2" } })).toEqual({
      changes: true,
      replaces: ["tags"],
      deleteBeforeReplace: true,
    });
    expect(await p.diff("x", olds, { ...olds, loadbalancerId: "lb2" })).toEqual({
      changes: true,
      replaces: ["loadbalancerId"],
      deleteBeforeReplace: false,
    });
    expect(await p.diff("x", olds, { ...olds, adoptExisting: true })).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});

describe("read", () => {
  it("imports every applicable field of a listener read with get()", async () => {
    const p = provider();
    const created = await p.create(
      await checked(p, { loadbalancerId: emu.seed.dedicated.l7, protocol: "HTTP", protocolPort: port() }),
    );
    const read = await p.read(created.id);
    expect(read.inputs).toEqual(
      expect.objectContaining({
        loadbalancerId: emu.seed.dedicated.l7,
        protocol: "HTTP",
        insertHeaders: {
          "X-Forwarded-ELB-IP": false,
          "X-Forwarded-Host": true,
          "X-Forwarded-For-Port": false,
          "X-Forwarded-Port": false,
        },
        keepaliveTimeout: 60,
        clientTimeout: 60,
        memberTimeout: 60,
        enableMemberRetry: true,
        transparentClientIpEnable: true,
      }),
    );
    expect(read.inputs).not.toHaveProperty("tlsCiphersPolicy");
    await p.delete(created.id, created.outs!);
  });
});
