/**
 * The listener core's check and diff over the four protocol tables: every rule of the listener-family digest with its
 * exact message, per protocol (one `describe.each` per behaviour).
 */
import { HTTP_LISTENER } from "../http/schema";
import { HttpListenerPlan } from "../http/plan";
import { HTTPS_LISTENER } from "../schema";
import { TCP_LISTENER } from "../tcp/schema";
import { HTTPS_BASE } from "../testing";
import { UDP_LISTENER } from "../udp/schema";
import { UdpListenerPlan } from "../udp/plan";
import { TcpListenerPlan } from "../tcp/plan";
import type { ListenerProtocol } from "../constants";
import { checkListener, diffListener, propsOf } from "./schema";
import type { ListenerTable } from "./table";
import { INPUT_HOMES, RESOURCE_OF } from "./table";

const TABLES: Readonly<Record<ListenerProtocol, ListenerTable>> = {
  https: HTTPS_LISTENER,
  http: HTTP_LISTENER,
  tcp: TCP_LISTENER,
  udp: UDP_LISTENER,
};

/** BASES are a valid listener of each protocol; each row changes a few inputs. */
const BASES: Readonly<Record<ListenerProtocol, Readonly<Record<string, unknown>>>> = {
  https: HTTPS_BASE,
  http: { loadBalancerId: "lb-1", listenerPort: 80, healthCheck: "on", backendServerPort: 80 },
  tcp: { loadBalancerId: "lb-1", listenerPort: 80, bandwidth: -1, backendServerPort: 80 },
  udp: { loadBalancerId: "lb-1", listenerPort: 53, bandwidth: -1, backendServerPort: 53 },
};

const PROTOCOLS: readonly ListenerProtocol[] = ["https", "http", "tcp", "udp"];

function failuresOf(protocol: ListenerProtocol, more: Record<string, unknown>) {
  return checkListener(TABLES[protocol], { ...BASES[protocol], ...more }, "cn-hangzhou").failures;
}

describe.each(PROTOCOLS)("%s: the base listener", (protocol) => {
  it("passes check", () => {
    expect(failuresOf(protocol, {})).toEqual([]);
  });
});

describe.each(PROTOCOLS)("%s: bandwidth is -1 or 1 to 5120 (the current API)", (protocol) => {
  it.each([-1, 1, 5120])("accepts %s", (bandwidth) => {
    expect(failuresOf(protocol, { bandwidth })).toEqual([]);
  });
  it.each([0, 5121, -2])("refuses %s", (bandwidth) => {
    expect(failuresOf(protocol, { bandwidth })).toEqual([
      { property: "bandwidth", reason: `bandwidth must be -1 or an integer from 1 to 5120, got ${bandwidth}` },
    ]);
  });
});

describe.each([
  ["https", ["wrr", "wlc", "rr"], "sch", '"wrr", "wlc", "rr"'],
  ["http", ["wrr", "rr"], "wlc", '"wrr", "rr"'],
  ["tcp", ["wrr", "rr", "sch", "tch"], "qch", '"wrr", "rr", "sch", "tch"'],
  ["udp", ["wrr", "rr", "sch", "tch", "qch"], "wlc", '"wrr", "rr", "sch", "tch", "qch"'],
] as const)("%s: schedulers", (protocol, accepted, refused, listed) => {
  it.each(accepted)("accepts %s", (scheduler) => {
    expect(failuresOf(protocol, { scheduler })).toEqual([]);
  });
  it(`refuses ${refused}`, () => {
    expect(failuresOf(protocol, { scheduler: refused })).toEqual([
      { property: "scheduler", reason: `scheduler must be one of ${listed}, got "${refused}"` },
    ]);
  });
});

describe.each(PROTOCOLS)("%s: a parameter of another protocol", (protocol) => {
  const foreign = Object.entries(INPUT_HOMES).filter(([, homes]) => !homes.includes(protocol));
  it.each(foreign)("%s is refused naming the protocols that have it", (input, homes) => {
    const names = homes.map((home) => RESOURCE_OF[home]);
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
    expect(failuresOf(protocol, { [input]: "x" })).toEqual([
      {
        property: input,
        reason: `${input} is not an input of ${RESOURCE_OF[protocol]}; it is an input of ${list} only`,
      },
    ]);
  });
});

describe("the matrix of which protocol has which input", () => {
  it.each(PROTOCOLS)("is what the %s table holds", (protocol) => {
    const inputs = Object.keys(propsOf(TABLES[protocol], "create"));
    const homed = Object.keys(INPUT_HOMES).filter((input) => INPUT_HOMES[input].includes(protocol));
    expect(inputs.filter((input) => input in INPUT_HOMES).sort()).toEqual(homed.sort());
  });

  it("names some by the exact message", () => {
    expect(failuresOf("tcp", { serverCertificateId: "c" })).toEqual([
      {
        property: "serverCertificateId",
        reason: "serverCertificateId is not an input of TcpListener; it is an input of HttpsListener only",
      },
    ]);
    expect(failuresOf("http", { persistenceTimeout: 10 })).toEqual([
      {
        property: "persistenceTimeout",
        reason: "persistenceTimeout is not an input of HttpListener; it is an input of TcpListener only",
      },
    ]);
    expect(failuresOf("udp", { healthCheckUri: "/" })).toEqual([
      {
        property: "healthCheckUri",
        reason:
          "healthCheckUri is not an input of UdpListener; it is an input of HttpListener, HttpsListener and TcpListener only",
      },
    ]);
  });
});

describe.each(["tcp", "udp"] as const)("%s: server groups", (protocol) => {
  it("refuses vServerGroupId with masterSlaveServerGroupId", () => {
    expect(failuresOf(protocol, { vServerGroupId: "rsp-1", masterSlaveServerGroupId: "rsp-2" })).toEqual([
      {
        property: "masterSlaveServerGroupId",
        reason: "masterSlaveServerGroupId cannot be given with vServerGroupId; use one server group",
      },
    ]);
  });
  it("needs no backend port with a primary/secondary group", () => {
    expect(failuresOf(protocol, { backendServerPort: undefined, masterSlaveServerGroupId: "rsp-2" })).toEqual([]);
  });
  it("requires a backend port without a server group", () => {
    expect(failuresOf(protocol, { backendServerPort: undefined })).toEqual([
      {
        property: "backendServerPort",
        reason: "backendServerPort is required when neither vServerGroupId nor masterSlaveServerGroupId is given",
      },
    ]);
  });
});

describe.each(["https", "http"] as const)("%s: backend port", (protocol) => {
  it("is required without a VServer group", () => {
    expect(failuresOf(protocol, { backendServerPort: undefined })).toEqual([
      { property: "backendServerPort", reason: "backendServerPort is required when vServerGroupId is not given" },
    ]);
  });
});

describe("tcp: connection draining", () => {
  it("requires connectionDrainTimeout with connectionDrain on", () => {
    expect(failuresOf("tcp", { connectionDrain: "on" })).toEqual([
      { property: "connectionDrainTimeout", reason: "connectionDrainTimeout is required when connectionDrain is on" },
    ]);
  });
  it("accepts drain with a timeout of 10 to 900", () => {
    expect(failuresOf("tcp", { connectionDrain: "on", connectionDrainTimeout: 10 })).toEqual([]);
    expect(failuresOf("tcp", { connectionDrain: "on", connectionDrainTimeout: 901 })).toEqual([
      {
        property: "connectionDrainTimeout",
        reason: "connectionDrainTimeout must be an integer from 10 to 900, got 901",
      },
    ]);
  });
  it.each([
    ["persistenceTimeout", 3601, "an integer from 0 to 3600"],
    ["establishedTimeout", 9, "an integer from 10 to 900"],
    ["healthCheckType", "udp", 'one of "tcp", "http"'],
  ] as const)("refuses %s %s", (input, value, rule) => {
    expect(failuresOf("tcp", { [input]: value })).toEqual([
      { property: input, reason: `${input} must be ${rule}, got ${JSON.stringify(value)}` },
    ]);
  });
});

describe("udp: reserved ports, health-check strings and per-action thresholds", () => {
  it.each([250, 4789])("refuses port %s", (port) => {
    expect(failuresOf("udp", { listenerPort: port })).toEqual([
      {
        property: "listenerPort",
        reason: `listenerPort must be an integer from 1 to 65535 other than 250 and 4789 (reserved for UDP), got ${port}`,
      },
    ]);
  });
  it.each(["tcp", "http", "https"] as const)("leaves %s free to use port 250", (protocol) => {
    expect(failuresOf(protocol, { listenerPort: 250 })).toEqual([]);
  });
  it.each(["healthCheckReq", "healthCheckExp"])("refuses a %s that is not 1 to 64 letters and digits", (input) => {
    expect(failuresOf("udp", { [input]: "ping!" })).toEqual([
      { property: input, reason: `${input} must be 1 to 64 letters and digits, got "ping!"` },
    ]);
    expect(failuresOf("udp", { [input]: "a".repeat(64) })).toEqual([]);
  });

  const olds = { ...BASES.udp, regionId: "cn-hangzhou", healthyThreshold: 3 };
  it("refuses a threshold of 1 on create", async () => {
    const r = await new UdpListenerPlan({ env: {} }).check({} as never, { ...BASES.udp, healthyThreshold: 1 } as never);
    expect(r.failures).toEqual([
      {
        property: "healthyThreshold",
        reason: "healthyThreshold must be an integer from 2 to 10 on create (1 to 10 once the listener exists), got 1",
      },
    ]);
  });
  it("accepts a threshold of 1 on an update (Set takes 1 to 10)", async () => {
    const plan = new UdpListenerPlan({ env: {} });
    const news = { ...BASES.udp, regionId: "cn-hangzhou", healthyThreshold: 1, unhealthyThreshold: 1 };
    expect((await plan.check(olds as never, news as never)).failures).toBeUndefined();
  });
  it("refuses a threshold of 1 when the change replaces the listener (a create)", async () => {
    const plan = new UdpListenerPlan({ env: {} });
    const news = { ...BASES.udp, regionId: "cn-hangzhou", listenerPort: 54, healthyThreshold: 1 };
    expect((await plan.check(olds as never, news as never)).failures).toHaveLength(1);
  });
  it("keeps 2 to 10 on TCP on both actions", async () => {
    const plan = new TcpListenerPlan({ env: {} });
    const tcpOlds = { ...BASES.tcp, regionId: "cn-hangzhou" };
    expect((await plan.check(tcpOlds as never, { ...tcpOlds, healthyThreshold: 1 } as never)).failures).toEqual([
      { property: "healthyThreshold", reason: "healthyThreshold must be an integer from 2 to 10, got 1" },
    ]);
  });
});

describe("http: the redirect to HTTPS", () => {
  const redirect = { loadBalancerId: "lb-1", listenerPort: 80, listenerForward: "on", forwardPort: 443 };

  it("takes the load balancer, ports and region only, with no API default filled in", () => {
    const r = checkListener(HTTP_LISTENER, redirect, "cn-hangzhou");
    expect(r.failures).toEqual([]);
    expect(r.inputs).toEqual({ ...redirect, regionId: "cn-hangzhou" });
  });

  it("refuses every setting a redirect listener ignores", () => {
    const r = checkListener(
      HTTP_LISTENER,
      { ...redirect, healthCheck: "on", bandwidth: 10, gzip: "off", aclStatus: "on", backendServerPort: 80 },
      "cn-hangzhou",
    );
    const ignored = (input: string) => ({
      property: input,
      reason: `${input} is ignored by a redirect listener (listenerForward on): leave it out`,
    });
    expect(r.failures).toEqual(["aclStatus", "backendServerPort", "bandwidth", "gzip", "healthCheck"].map(ignored));
  });

  it("requires forwardPort", () => {
    expect(checkListener(HTTP_LISTENER, { ...redirect, forwardPort: undefined }).failures).toEqual([
      { property: "forwardPort", reason: "forwardPort is required when listenerForward is on" },
    ]);
  });

  it("refuses forwardPort on a listener that does not redirect", () => {
    expect(failuresOf("http", { forwardPort: 443 })).toEqual([
      { property: "forwardPort", reason: 'forwardPort is used only when listenerForward is "on"' },
    ]);
    expect(failuresOf("http", { forwardPort: 443, listenerForward: "off" })).toEqual([
      { property: "forwardPort", reason: 'forwardPort is used only when listenerForward is "on"' },
    ]);
  });

  it("requires healthCheck on a listener that does not redirect", () => {
    expect(failuresOf("http", { healthCheck: undefined })).toEqual([
      { property: "healthCheck", reason: "healthCheck is required when listenerForward is off" },
    ]);
  });

  it("replaces on any change of a redirect listener", async () => {
    const plan = new HttpListenerPlan({ env: { ALICLOUD_REGION: "cn-hangzhou" } });
    const olds = { ...redirect, regionId: "cn-hangzhou", status: "running" };
    expect(await plan.diff("lb-1:http:80", olds as never, { ...olds, forwardPort: 8443 } as never)).toEqual({
      changes: true,
      replaces: ["forwardPort"],
      deleteBeforeReplace: true,
    });
    const back = checkListener(HTTP_LISTENER, { ...BASES.http, listenerPort: 80 }, "cn-hangzhou");
    expect(back.ok).toBe(true);
    const summary = diffListener(HTTP_LISTENER, olds, back.inputs, "cn-hangzhou");
    expect(summary.replaces).toEqual(summary.changed);
    expect(summary.replaces).toContain("listenerForward");
  });
});

describe.each(PROTOCOLS)("%s: slb.Listener's names", (protocol) => {
  it("points protocol, frontendPort, backendPort and serverGroupId to what this kind uses", () => {
    const resource = RESOURCE_OF[protocol];
    const article = protocol.startsWith("http") ? "an" : "a";
    expect(failuresOf(protocol, { protocol, frontendPort: 1, backendPort: 2, serverGroupId: "rsp" })).toEqual([
      { property: "backendPort", reason: `backendPort is not an input of ${resource}; use backendServerPort` },
      { property: "frontendPort", reason: `frontendPort is not an input of ${resource}; use listenerPort` },
      {
        property: "protocol",
        reason: `protocol is not an input of ${resource}; ${article} ${resource} is always ${protocol.toUpperCase()}, leave protocol out`,
      },
      { property: "serverGroupId", reason: `serverGroupId is not an input of ${resource}; use vServerGroupId` },
    ]);
  });
});

/** REPLACES are, per protocol, a change and what it replaces (nothing: one Set). */
const REPLACES: readonly [ListenerProtocol, Record<string, unknown>, string[], boolean][] = [
  ["https", { backendServerPort: 81 }, ["backendServerPort"], true],
  ["https", { listenerPort: 8443 }, ["listenerPort"], false],
  ["https", { bandwidth: 10 }, [], false],
  ["http", { backendServerPort: 81 }, ["backendServerPort"], true],
  ["http", { tags: { team: "web" } }, ["tags"], true],
  ["http", { gzip: "off", idleTimeout: 30 }, [], false],
  ["tcp", { tags: { team: "web" } }, ["tags"], true],
  ["tcp", { listenerPort: 81 }, ["listenerPort"], false],
  ["tcp", { persistenceTimeout: 30, bandwidth: 10 }, [], false],
  ["udp", { backendServerPort: 54 }, ["backendServerPort"], true],
  ["udp", { healthCheckReq: "ping", scheduler: "qch" }, [], false],
];

describe("diff: replace what no Set can change, update the rest", () => {
  it.each(REPLACES)("%s %j replaces %j", async (protocol, change, replaces, deleteFirst) => {
    const table = TABLES[protocol];
    const olds = { ...checkListener(table, BASES[protocol], "cn-hangzhou").inputs, status: "running" };
    const news = checkListener(table, { ...BASES[protocol], ...change }, "cn-hangzhou");
    expect(news.failures).toEqual([]);
    const plans = { https: null, http: HttpListenerPlan, tcp: TcpListenerPlan, udp: UdpListenerPlan };
    const summary = diffListener(table, olds, news.inputs, "cn-hangzhou");
    expect(summary.replaces).toEqual(replaces);
    expect(summary.changed.sort()).toEqual(Object.keys(change).sort());
    const Plan = plans[protocol];
    if (Plan) {
      const diff = await new Plan({ env: { ALICLOUD_REGION: "cn-hangzhou" } }).diff(
        "id",
        olds as never,
        news.inputs as never,
      );
      expect(diff).toEqual({ changes: true, replaces, deleteBeforeReplace: deleteFirst });
    }
  });

  it("ignores an HttpsListener tags change, as HttpsListener always has", () => {
    const olds = checkListener(HTTPS_LISTENER, BASES.https, "cn-hangzhou").inputs;
    const news = checkListener(HTTPS_LISTENER, { ...BASES.https, tags: { team: "web" } }, "cn-hangzhou").inputs;
    expect(diffListener(HTTPS_LISTENER, olds, news, "cn-hangzhou")).toEqual({ changed: [], replaces: [] });
  });
});

describe.each(["http", "tcp", "udp"] as const)("%s: the current API's description and URI rules", (protocol) => {
  it("accepts a description of 256 characters and refuses 257", () => {
    expect(failuresOf(protocol, { description: "d".repeat(256) })).toEqual([]);
    expect(failuresOf(protocol, { description: "d".repeat(257) })).toEqual([
      {
        property: "description",
        reason:
          "description must be 1 to 256 characters of letters, digits, Chinese characters, hyphens (-), slashes (/), " +
          `periods (.) and underscores (_), got "${"d".repeat(56)}...`,
      },
    ]);
  });
});

/** shown is a value as failures show it: JSON, at most 60 characters. */
function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

describe.each(["http", "tcp"] as const)("%s: the health check URI", (protocol) => {
  it.each(["/health", "/a?b&c#d%20", `/${"u".repeat(79)}`])("accepts %s", (uri) => {
    expect(failuresOf(protocol, { healthCheckUri: uri })).toEqual([]);
  });
  it.each(["/", "health", `/${"u".repeat(80)}`, "/a b"])("refuses %s", (uri) => {
    expect(failuresOf(protocol, { healthCheckUri: uri })).toEqual([
      {
        property: "healthCheckUri",
        reason:
          "healthCheckUri must be 1 to 80 characters of letters, digits and -/.%?#&, starting with / and not only /, " +
          `got ${shown(uri)}`,
      },
    ]);
  });
});

describe("https: its own document's description and URI rules, as before the core", () => {
  it("refuses a description of 81 characters and accepts the URI /", () => {
    expect(failuresOf("https", { description: "d".repeat(81) })).toHaveLength(1);
    expect(failuresOf("https", { healthCheckUri: "/" })).toEqual([]);
  });
});
