/**
 * The HttpListener, TcpListener and UdpListener lifecycles against one SLB emulator (lock on, 20 ms), driven as the
 * dynamic-provider host drives them: check, then create, read, diff, update, delete; adoption and `get()` per
 * protocol; port sharing as the service does it; and the HTTP-to-HTTPS redirect listener.
 */
import type { AliyunEmulator } from "../../emulator/aliyun";
import type { ListenerProtocol } from "../constants";
import { QUIET_LOGGER, useEmulator, useLogger } from "../testing";
import { RESOURCE_OF } from "./table";
import { baseListener, checkedOf, NEW_PROTOCOLS, providerOf } from "./testing";

let emulator: AliyunEmulator;
useEmulator({ lockMs: 20 }, (e) => (emulator = e));
useLogger(QUIET_LOGGER);

/** freshLoadBalancer makes a guaranteed-performance load balancer for one spec, so ports never collide. */
function freshLoadBalancer(): string {
  return emulator.state.createLoadBalancer({ regionId: emulator.seed.regionId }).id;
}

function listenersOf(lb: string): string[] {
  return emulator.state.allListeners().filter((id) => id.startsWith(`${lb}:`));
}

function checked(protocol: ListenerProtocol, raw: Record<string, unknown>): Record<string, unknown> {
  return checkedOf(protocol, raw, emulator.seed.regionId);
}

/** CHANGES are, per protocol, a change of several settings that one Set makes. */
const CHANGES: Readonly<Record<string, Record<string, unknown>>> = {
  http: { bandwidth: 20, gzip: "off", healthCheckInterval: 5, healthCheckUri: "/health", description: "web-1" },
  tcp: { bandwidth: 20, persistenceTimeout: 60, healthCheckInterval: 5, healthCheckTimeout: 7, scheduler: "rr" },
  udp: { bandwidth: 20, healthCheckReq: "ping", healthCheckExp: "pong", healthCheckInterval: 4, scheduler: "qch" },
};

describe.each(NEW_PROTOCOLS)("%s listener lifecycle", (protocol) => {
  it("creates a running listener, reads it back without a difference, updates it with one Set, and deletes it", async () => {
    const p = providerOf(emulator, protocol);
    const lb = freshLoadBalancer();
    const inputs = checked(protocol, baseListener(emulator, protocol, lb, 81));
    const created = await p.create(inputs as never);
    expect(created.id).toBe(`${lb}:${protocol}:81`);
    expect(emulator.state.describeListener(emulator.seed.regionId, lb, 81, protocol).status).toBe("running");

    emulator.state.settle();
    const read = await p.read(created.id, created.outs);
    expect(read.props).toMatchObject(created.outs ?? {});
    expect(await p.diff(created.id, read.props as never, inputs as never)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });

    const news = checked(protocol, { ...inputs, ...CHANGES[protocol] });
    expect((await p.diff(created.id, read.props as never, news as never)).replaces).toEqual([]);
    emulator.resetCalls();
    const updated = await p.update(created.id, read.props as never, news as never);
    expect([...emulator.calls.keys()]).toEqual([`SetLoadBalancer${protocol.toUpperCase()}ListenerAttribute`]);
    emulator.state.settle();
    const again = await p.read(created.id, updated.outs);
    expect(again.props).toMatchObject(CHANGES[protocol]);
    expect((await p.diff(created.id, again.props as never, news as never)).changes).toBe(false);

    await p.delete(created.id, again.props as never);
    expect(listenersOf(lb)).toEqual([]);
    expect(await p.read(created.id, again.props)).toEqual({ id: "" });
    await expect(p.delete(created.id, again.props as never)).resolves.toBeUndefined();
  });

  it("reads a listener by id alone, as get() does", async () => {
    const p = providerOf(emulator, protocol);
    const lb = freshLoadBalancer();
    const created = await p.create(checked(protocol, baseListener(emulator, protocol, lb, 82)) as never);
    emulator.state.settle();
    const read = await p.read(created.id);
    expect(read.id).toBe(created.id);
    expect(read.props).toMatchObject({ loadBalancerId: lb, listenerPort: 82, regionId: emulator.seed.regionId });
  });

  it("adopts a listener of its protocol on its port with adoptExisting, applying the inputs", async () => {
    const p = providerOf(emulator, protocol);
    const lb = freshLoadBalancer();
    await p.create(checked(protocol, baseListener(emulator, protocol, lb, 83)) as never);
    emulator.state.settle();
    const adopted = await p.create(
      checked(protocol, { ...baseListener(emulator, protocol, lb, 83), adoptExisting: true, bandwidth: 30 }) as never,
    );
    expect(adopted.id).toBe(`${lb}:${protocol}:83`);
    expect(emulator.state.describeListener(emulator.seed.regionId, lb, 83, protocol).config.Bandwidth).toBe(30);
    expect(listenersOf(lb)).toEqual([`${lb}:${protocol}:83`]);
  });

  it("fails with ListenerAlreadyExists on its own protocol's port without adoptExisting", async () => {
    const p = providerOf(emulator, protocol);
    const lb = freshLoadBalancer();
    await p.create(checked(protocol, baseListener(emulator, protocol, lb, 84)) as never);
    emulator.state.settle();
    await expect(p.create(checked(protocol, baseListener(emulator, protocol, lb, 84)) as never)).rejects.toThrow(
      new RegExp(
        `^Alibaba Cloud SLB CreateLoadBalancer${protocol.toUpperCase()}Listener failed: ListenerAlreadyExists \\(HTTP 400\\): ` +
          "A listener with the specified port already exists",
      ),
    );
  });
});

describe("port sharing", () => {
  it("puts a UDP listener beside a TCP one on port 80, and deletes each by its protocol", async () => {
    const lb = freshLoadBalancer();
    const tcp = providerOf(emulator, "tcp");
    const udp = providerOf(emulator, "udp");
    const t = await tcp.create(checked("tcp", baseListener(emulator, "tcp", lb, 80)) as never);
    emulator.state.settle();
    const u = await udp.create(checked("udp", baseListener(emulator, "udp", lb, 80)) as never);
    expect(listenersOf(lb)).toEqual([`${lb}:tcp:80`, `${lb}:udp:80`]);
    emulator.state.settle();
    await udp.delete(u.id, u.outs as never);
    expect(listenersOf(lb)).toEqual([`${lb}:tcp:80`]);
    expect((await tcp.read(t.id, t.outs)).id).toBe(t.id);
  });

  it.each([
    ["tcp", "http"],
    ["http", "tcp"],
    ["https", "tcp"],
  ] as const)(
    "refuses a %s listener on a port a %s listener holds, even with adoptExisting, and leaves that one alone",
    async (second, first) => {
      const lb = freshLoadBalancer();
      const holder = providerOf(emulator, first);
      const held = await holder.create(checked(first, baseListener(emulator, first, lb, 90)) as never);
      emulator.state.settle();
      const before = { ...emulator.state.describeListener(emulator.seed.regionId, lb, 90, first).config };
      await expect(
        providerOf(emulator, second).create(
          checked(second, { ...baseListener(emulator, second, lb, 90), adoptExisting: true, bandwidth: 44 }) as never,
        ),
      ).rejects.toThrow(
        new RegExp(
          `^${RESOURCE_OF[second]} ${lb}:${second}:90: port 90 of ${lb} is held by a listener of another protocol, ` +
            "which adoptExisting never takes over \\(TCP, HTTP and HTTPS listeners cannot share a port\\): " +
            `Alibaba Cloud SLB CreateLoadBalancer${second.toUpperCase()}Listener failed: ListenerAlreadyExists ` +
            "\\(HTTP 400\\): A listener with the specified port already exists",
        ),
      );
      expect(listenersOf(lb)).toEqual([held.id]);
      expect(emulator.state.describeListener(emulator.seed.regionId, lb, 90, first).config).toEqual(before);
    },
  );
});

describe("an HTTP listener that redirects to HTTPS", () => {
  it("is created after its HTTPS listener, reads back without a difference, and is deleted", async () => {
    const lb = freshLoadBalancer();
    const https = providerOf(emulator, "https");
    await https.create(checked("https", baseListener(emulator, "https", lb, 443)) as never);
    emulator.state.settle();
    const http = providerOf(emulator, "http");
    const inputs = checked("http", { loadBalancerId: lb, listenerPort: 80, listenerForward: "on", forwardPort: 443 });
    const created = await http.create(inputs as never);
    emulator.state.settle();
    const read = await http.read(created.id, created.outs);
    expect(read.props).toEqual({ ...created.outs, status: "running" });
    expect(await http.diff(created.id, read.props as never, inputs as never)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    await http.delete(created.id, read.props as never);
    expect(listenersOf(lb)).toEqual([`${lb}:https:443`]);
  });
});
