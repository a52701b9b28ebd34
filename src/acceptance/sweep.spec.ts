/**
 * The sweep on the kinds beside HTTPS listeners and extensions: HTTP, TCP and UDP listeners (a UDP one sharing a TCP
 * listener's port), forwarding rules by name (also on a listener without the prefix) and shared (v2) ELB listeners,
 * against the in-process emulators. Nothing without the prefix is touched.
 */
import { SlbClient } from "../aliyun/client";
import { ElbV2Client } from "../huawei/client";
import { readSettings, resolveTarget } from "../huawei/config";
import { startEmulators, type Emulators } from "../emulator";
import { emulatorEnv } from "./runner";
import { sweep } from "./sweep";

let emulators: Emulators;
let env: Record<string, string>;

beforeAll(async () => {
  emulators = await startEmulators({ aliyun: { lockMs: 0 }, huawei: { lockMs: 0 } });
  env = emulatorEnv(emulators);
});
afterAll(() => emulators.close());

/** seed makes prefixed and unprefixed listeners of every kind the sweep reads, and rules on HTTP listeners. */
async function seed(): Promise<void> {
  const aliyun = emulators.aliyun!;
  const slb = new SlbClient({
    endpoint: aliyun.endpoint,
    accessKeyId: aliyun.accessKeyId,
    accessKeySecret: aliyun.accessKeySecret,
  });
  const on = { RegionId: aliyun.seed.regionId, LoadBalancerId: aliyun.seed.loadBalancers.public };
  const l4 = { ...on, Bandwidth: -1, BackendServerPort: 53 };
  const http = { ...on, Bandwidth: -1, HealthCheck: "off", StickySession: "off", BackendServerPort: 80 };
  await slb.call("CreateLoadBalancerHTTPListener", { ...http, ListenerPort: 41011, Description: "plbacc-old" });
  await slb.call("CreateLoadBalancerHTTPListener", { ...http, ListenerPort: 41012, Description: "keep-me" });
  await slb.call("CreateLoadBalancerTCPListener", { ...l4, ListenerPort: 41013, Description: "plbacc-old" });
  await slb.call("CreateLoadBalancerUDPListener", { ...l4, ListenerPort: 41013, Description: "plbacc-old" });
  await slb.call("CreateLoadBalancerUDPListener", { ...l4, ListenerPort: 41014, Description: "keep-me" });
  const rules = (port: number, names: string[]): Promise<unknown> =>
    slb.call("CreateRules", {
      ...on,
      ListenerPort: port,
      ListenerProtocol: "http",
      RuleList: JSON.stringify(names.map((n, i) => ({ RuleName: n, Url: `/r${i}`, VServerGroupId: "rsp-sweep" }))),
    });
  await rules(41011, ["plbacc-old"]);
  await rules(41012, ["plbacc-old-2", "keep-me"]);
  const huawei = emulators.huawei!;
  const shared = new ElbV2Client(resolveTarget(readSettings(undefined, env)), "huawei");
  const body = { loadbalancer_id: huawei.seed.shared.loadBalancers.first, protocol: "TCP" };
  await shared.createListener({ listener: { ...body, protocol_port: 41015, name: "plbacc-old" } });
  await shared.createListener({ listener: { ...body, protocol_port: 41016, name: "keep-me" } });
}

/** ruleNames lists `<port> <rule name>` of the public SLB instance's rules. */
function ruleNames(): string[] {
  const lb = emulators.aliyun!.state.loadBalancers.get(emulators.aliyun!.seed.loadBalancers.public)!;
  return [...lb.listeners.values()].flatMap((l) => [...(l.rules?.values() ?? [])].map((r) => `${l.port} ${r.name}`));
}

describe("sweep", () => {
  it("finds prefixed HTTP, TCP, UDP and shared listeners and prefixed rules, deletes them, and keeps the rest", async () => {
    await seed();
    const aliyun = emulators.aliyun!;
    const lb = aliyun.seed.loadBalancers.public;
    const listed = await sweep({ env, print: () => undefined });
    expect(listed.deleted).toEqual([]);
    const found = listed.found.map((f) =>
      f.replace(/rule-[\w-]+/, "rule-X").replace(/listener [0-9a-f-]{36}/, "listener X"),
    );
    expect(found).toEqual([
      `aliyun forwarding rule rule-X (plbacc-old) on ${lb}:http:41011`,
      `aliyun http listener ${lb}:41011 (plbacc-old)`,
      `aliyun forwarding rule rule-X (plbacc-old-2) on ${lb}:http:41012`,
      `aliyun tcp listener ${lb}:41013 (plbacc-old)`,
      `aliyun udp listener ${lb}:41013 (plbacc-old)`,
      "huawei shared listener X port 41015 (plbacc-old)",
    ]);

    const swept = await sweep({ env, yes: true, print: () => undefined });
    expect(swept.failed).toEqual([]);
    expect(swept.deleted).toEqual(listed.found);
    expect((await sweep({ env, print: () => undefined })).found).toEqual([]);
    expect(aliyun.state.allListeners()).toEqual([`${lb}:http:41012`, `${lb}:udp:41014`]);
    expect(ruleNames()).toEqual(["41012 keep-me"]);
    expect(emulators.huawei!.v2.listenersOf().map((l) => l.fields.name)).toEqual(["keep-me"]);
  });
});
