/**
 * The listener core's lifecycle over each protocol table, against a recording stand-in for the SLB client: the wire
 * names each action is sent with, `ListenerProtocol` on Start and Delete, one Set with only what changed and its
 * companions, the reader (a member the answer leaves out keeps its stored value; the documented HTTPS sample; the
 * redirect listener's five-field answer), "gone" only on the service's proof, and no difference for state written by
 * HttpsListener before the core.
 */
import { ApiError } from "../../core/errors";
import type { Params, ResponseBody, SlbApi } from "../client";
import type { ListenerProtocol } from "../constants";
import { HttpListenerProvider } from "../http/provider";
import { HttpsListenerPlan } from "../plan";
import { HttpsListenerProvider } from "../provider";
import { TcpListenerProvider } from "../tcp/provider";
import { UdpListenerProvider } from "../udp/provider";
import documentedSample from "../fixtures/DescribeLoadBalancerHTTPSListenerAttribute.extended.json";
import type { ListenerProvider } from "./provider";
import { checkListener } from "./schema";
import type { ListenerTable } from "./table";
import { HTTPS_STATES_BEFORE_CORE } from "./upgrade.fixture";
import { HTTP_LISTENER } from "../http/schema";
import { HTTPS_LISTENER } from "../schema";
import { TCP_LISTENER } from "../tcp/schema";
import { HTTPS_BASE } from "../testing";
import { UDP_LISTENER } from "../udp/schema";

/** Answer is what the stand-in answers an action with: a body, or an error to throw. */
type Answer = (params: Params) => ResponseBody | Error;

/** FakeSlb records every call and answers from `answers` (an empty body when none is set). */
class FakeSlb implements SlbApi {
  readonly calls: { action: string; params: Params }[] = [];
  readonly answers = new Map<string, Answer>();

  async call(action: string, params: Params): Promise<ResponseBody> {
    this.calls.push({ action, params: { ...params } });
    const answer = this.answers.get(action)?.(params) ?? { RequestId: "R-1" };
    if (answer instanceof Error) throw answer;
    return answer;
  }

  /** of returns the parameters of the calls of one action. */
  of(action: string): Params[] {
    return this.calls.filter((c) => c.action === action).map((c) => c.params);
  }
}

const ENV = {
  ALICLOUD_ACCESS_KEY: "LTAI-test",
  ALICLOUD_SECRET_KEY: "secret-test",
  ALICLOUD_REGION: "cn-hangzhou",
  ALICLOUD_RETRY_BUDGET_SECONDS: "2",
};

type AnyProvider = ListenerProvider<ListenerTable["required"], ListenerTable["optional"]>;

const KINDS: Readonly<
  Record<
    ListenerProtocol,
    { table: ListenerTable; make: (fake: FakeSlb) => AnyProvider; base: Record<string, unknown> }
  >
> = {
  https: {
    table: HTTPS_LISTENER,
    make: (fake) => new HttpsListenerProvider({ env: ENV, clientFor: () => fake, retry: { baseDelayMs: 1 } }),
    base: { ...HTTPS_BASE },
  },
  http: {
    table: HTTP_LISTENER,
    make: (fake) => new HttpListenerProvider({ env: ENV, clientFor: () => fake, retry: { baseDelayMs: 1 } }),
    base: { loadBalancerId: "lb-1", listenerPort: 80, healthCheck: "on", backendServerPort: 80 },
  },
  tcp: {
    table: TCP_LISTENER,
    make: (fake) => new TcpListenerProvider({ env: ENV, clientFor: () => fake, retry: { baseDelayMs: 1 } }),
    base: { loadBalancerId: "lb-1", listenerPort: 80, bandwidth: -1, backendServerPort: 80 },
  },
  udp: {
    table: UDP_LISTENER,
    make: (fake) => new UdpListenerProvider({ env: ENV, clientFor: () => fake, retry: { baseDelayMs: 1 } }),
    base: { loadBalancerId: "lb-1", listenerPort: 80, bandwidth: -1, backendServerPort: 80 },
  },
};

const PROTOCOLS: readonly ListenerProtocol[] = ["https", "http", "tcp", "udp"];

/** checkedInputs are a protocol's base listener (with `more`) as check returns it. */
function checkedInputs(protocol: ListenerProtocol, more: Record<string, unknown> = {}): Record<string, unknown> {
  const r = checkListener(KINDS[protocol].table, { ...KINDS[protocol].base, ...more }, "cn-hangzhou");
  expect(r.failures).toEqual([]);
  return { ...r.inputs };
}

/** describedAs renders stored inputs as the protocol's describe answer (by its describe wire names). */
function describedAs(protocol: ListenerProtocol, inputs: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { RequestId: "R-2", Status: "running" };
  for (const [input, member] of Object.entries(KINDS[protocol].table.wire.describe)) {
    if (inputs[input] !== undefined && input !== "regionId") body[member] = inputs[input];
  }
  return body;
}

function apiError(action: string, code: string, apiMessage: string, status = 400): ApiError {
  return new ApiError({ cloud: "aliyun", action, code, status, apiMessage });
}

describe.each(PROTOCOLS)("%s: create", (protocol) => {
  it("sends the create, then Start with ListenerProtocol, and answers the id <lb>:<protocol>:<port>", async () => {
    const fake = new FakeSlb();
    const inputs = checkedInputs(protocol);
    const r = await KINDS[protocol].make(fake).create(inputs as never);
    expect(r.id).toBe(`lb-1:${protocol}:${String(inputs.listenerPort)}`);
    expect(fake.calls.map((c) => c.action)).toEqual([
      KINDS[protocol].table.actions.create,
      "StartLoadBalancerListener",
    ]);
    expect(fake.of("StartLoadBalancerListener")).toEqual([
      {
        RegionId: "cn-hangzhou",
        LoadBalancerId: "lb-1",
        ListenerPort: inputs.listenerPort,
        ListenerProtocol: protocol,
      },
    ]);
  });
});

describe("the wire names per action", () => {
  it("TCP create: HealthCheckSwitch, HealthCheckConnectTimeout and the lowercase healthCheckInterval", async () => {
    const fake = new FakeSlb();
    const inputs = checkedInputs("tcp", {
      healthCheck: "on",
      healthCheckInterval: 5,
      healthCheckTimeout: 6,
      proxyProtocolV2Enabled: true,
      connectionDrain: "on",
      connectionDrainTimeout: 30,
    });
    await KINDS.tcp.make(fake).create(inputs as never);
    const [create] = fake.of("CreateLoadBalancerTCPListener");
    expect(create).toMatchObject({
      HealthCheckSwitch: "on",
      healthCheckInterval: 5,
      HealthCheckConnectTimeout: 6,
      ProxyProtocolV2Enabled: "true",
      ConnectionDrain: "on",
      ConnectionDrainTimeout: 30,
      HealthCheckType: "tcp",
      PersistenceTimeout: 0,
    });
    expect(create).not.toHaveProperty("HealthCheck");
    expect(create).not.toHaveProperty("HealthCheckInterval");
    expect(create).not.toHaveProperty("HealthCheckTimeout");
  });

  it("UDP create: the lowercase healthCheckReq, healthCheckExp and healthCheckInterval", async () => {
    const fake = new FakeSlb();
    const inputs = checkedInputs("udp", { healthCheckReq: "ping", healthCheckExp: "pong", healthCheckInterval: 3 });
    await KINDS.udp.make(fake).create(inputs as never);
    expect(fake.of("CreateLoadBalancerUDPListener")[0]).toMatchObject({
      healthCheckReq: "ping",
      healthCheckExp: "pong",
      healthCheckInterval: 3,
      HealthCheckSwitch: "on",
      ProxyProtocolV2Enabled: "false",
    });
  });

  it("HTTP create: HealthCheck, HealthCheckTimeout and HealthCheckInterval as HTTPS spells them", async () => {
    const fake = new FakeSlb();
    const inputs = checkedInputs("http", { healthCheckInterval: 5, healthCheckTimeout: 6 });
    await KINDS.http.make(fake).create(inputs as never);
    expect(fake.of("CreateLoadBalancerHTTPListener")[0]).toMatchObject({
      HealthCheck: "on",
      HealthCheckInterval: 5,
      HealthCheckTimeout: 6,
      StickySession: "off",
      ListenerForward: "off",
    });
  });

  it("TCP Set: the capitalised HealthCheckInterval, with the timeout it goes with, and nothing else", async () => {
    const fake = new FakeSlb();
    const olds = { ...checkedInputs("tcp", { healthCheckInterval: 5, healthCheckTimeout: 6 }), status: "running" };
    const news = checkedInputs("tcp", { healthCheckInterval: 4, healthCheckTimeout: 6 });
    await KINDS.tcp.make(fake).update("lb-1:tcp:80", olds as never, news as never);
    expect(fake.calls.map((c) => c.action)).toEqual(["SetLoadBalancerTCPListenerAttribute"]);
    expect(fake.of("SetLoadBalancerTCPListenerAttribute")).toEqual([
      {
        HealthCheckInterval: 4,
        HealthCheckConnectTimeout: 6,
        RegionId: "cn-hangzhou",
        LoadBalancerId: "lb-1",
        ListenerPort: 80,
      },
    ]);
  });

  it("UDP Set: the lowercase healthCheckExp", async () => {
    const fake = new FakeSlb();
    const olds = { ...checkedInputs("udp", { healthCheckExp: "pong" }), status: "running" };
    const news = checkedInputs("udp", { healthCheckExp: "ok" });
    await KINDS.udp.make(fake).update("lb-1:udp:80", olds as never, news as never);
    expect(fake.of("SetLoadBalancerUDPListenerAttribute")).toEqual([
      { healthCheckExp: "ok", RegionId: "cn-hangzhou", LoadBalancerId: "lb-1", ListenerPort: 80 },
    ]);
  });

  it("TCP Set: moving from a VServer group to a primary/secondary one switches both", async () => {
    const fake = new FakeSlb();
    const olds = { ...checkedInputs("tcp", { vServerGroupId: "rsp-1" }), status: "running" };
    const news = checkedInputs("tcp", { masterSlaveServerGroupId: "rsp-2" });
    await KINDS.tcp.make(fake).update("lb-1:tcp:80", olds as never, news as never);
    expect(fake.of("SetLoadBalancerTCPListenerAttribute")).toEqual([
      {
        MasterSlaveServerGroupId: "rsp-2",
        VServerGroup: "off",
        MasterSlaveServerGroup: "on",
        RegionId: "cn-hangzhou",
        LoadBalancerId: "lb-1",
        ListenerPort: 80,
      },
    ]);
  });
});

describe.each(PROTOCOLS)("%s: delete", (protocol) => {
  it("sends DeleteLoadBalancerListener with ListenerProtocol", async () => {
    const fake = new FakeSlb();
    const outs: Record<string, unknown> = { ...checkedInputs(protocol), status: "running" };
    await KINDS[protocol].make(fake).delete(`lb-1:${protocol}:${String(outs.listenerPort)}`, outs as never);
    expect(fake.of("DeleteLoadBalancerListener")).toEqual([
      { RegionId: "cn-hangzhou", LoadBalancerId: "lb-1", ListenerPort: outs.listenerPort, ListenerProtocol: protocol },
    ]);
  });
});

describe.each(PROTOCOLS)("%s: gone on Describe only on the service's proof", (protocol) => {
  const describe = KINDS[protocol].table.actions.describe;
  const id = `lb-1:${protocol}:${String(KINDS[protocol].base.listenerPort)}`;

  it.each([
    ["InvalidParameter", "The specified resource does not exist.", 400],
    ["ListenerNotFound", "You have not created a listener for the specified port of the load balancer.", 404],
    ["InvalidLoadBalancerId.NotFound", "The specified LoadBalancerId does not exist.", 404],
  ] as const)("reads %s as gone", async (code, message, status) => {
    const fake = new FakeSlb();
    fake.answers.set(describe, () => apiError(describe, code, message, status));
    const outs: Record<string, unknown> = { ...checkedInputs(protocol), status: "running" };
    expect(await KINDS[protocol].make(fake).read(id, outs as never)).toEqual({ id: "" });
  });

  it("keeps the listener on an InvalidParameter with another message: the read fails, the state stays", async () => {
    const fake = new FakeSlb();
    fake.answers.set(describe, () => apiError(describe, "InvalidParameter", "Invalid parameter in the request."));
    const outs: Record<string, unknown> = { ...checkedInputs(protocol), status: "running" };
    await expect(KINDS[protocol].make(fake).read(id, outs as never)).rejects.toThrow(
      `Alibaba Cloud SLB ${describe} failed: InvalidParameter (HTTP 400): Invalid parameter in the request.`,
    );
  });
});

describe.each(PROTOCOLS)("%s: refresh keeps what the answer does not say", (protocol) => {
  it("reads back its own answer unchanged", async () => {
    const fake = new FakeSlb();
    const stored: Record<string, unknown> = { ...checkedInputs(protocol), status: "running" };
    fake.answers.set(KINDS[protocol].table.actions.describe, () => describedAs(protocol, stored));
    const read = await KINDS[protocol]
      .make(fake)
      .read(`lb-1:${protocol}:${String(stored.listenerPort)}`, stored as never);
    expect(read.props).toEqual(stored);
  });

  it.each(["Bandwidth", "Scheduler", "AclStatus", "BackendServerPort"])(
    "keeps the stored value when %s is left out",
    async (member) => {
      const fake = new FakeSlb();
      const stored: Record<string, unknown> = { ...checkedInputs(protocol, { bandwidth: 10 }), status: "running" };
      const answer = describedAs(protocol, stored);
      delete answer[member];
      fake.answers.set(KINDS[protocol].table.actions.describe, () => answer);
      const p = KINDS[protocol].make(fake);
      const read = await p.read(`lb-1:${protocol}:${String(stored.listenerPort)}`, stored as never);
      expect(read.props).toEqual(stored);
      expect(
        (await p.diff("id", read.props as never, checkedInputs(protocol, { bandwidth: 10 }) as never)).changes,
      ).toBe(false);
    },
  );
});

describe("the describe answers' own forms", () => {
  it("reads TCP's HealthCheck, HealthCheckInterval and the boolean ProxyProtocolV2Enabled", async () => {
    const fake = new FakeSlb();
    const stored: Record<string, unknown> = { ...checkedInputs("tcp"), status: "running" };
    fake.answers.set("DescribeLoadBalancerTCPListenerAttribute", () => ({
      ...describedAs("tcp", stored),
      HealthCheck: "off",
      HealthCheckInterval: 7,
      HealthCheckConnectTimeout: 8,
      ProxyProtocolV2Enabled: true,
      HealthCheckDomain: "",
    }));
    const read = await KINDS.tcp.make(fake).read("lb-1:tcp:80", stored as never);
    expect(read.props).toMatchObject({
      healthCheck: "off",
      healthCheckInterval: 7,
      healthCheckTimeout: 8,
      proxyProtocolV2Enabled: true,
    });
    expect(read.props).not.toHaveProperty("healthCheckDomain");
  });

  it("reads ProxyProtocolV2Enabled as the listener list's string too", async () => {
    const fake = new FakeSlb();
    const stored: Record<string, unknown> = {
      ...checkedInputs("udp", { proxyProtocolV2Enabled: true }),
      status: "running",
    };
    fake.answers.set("DescribeLoadBalancerUDPListenerAttribute", () => ({
      ...describedAs("udp", stored),
      ProxyProtocolV2Enabled: "false",
    }));
    const read = await KINDS.udp.make(fake).read("lb-1:udp:80", stored as never);
    expect(read.props).toMatchObject({ proxyProtocolV2Enabled: false });
  });

  it("reads UDP's capitalised HealthCheckReq and HealthCheckExp", async () => {
    const fake = new FakeSlb();
    const stored: Record<string, unknown> = { ...checkedInputs("udp"), status: "running" };
    fake.answers.set("DescribeLoadBalancerUDPListenerAttribute", () => ({
      ...describedAs("udp", stored),
      HealthCheckReq: "ping",
      HealthCheckExp: "pong",
    }));
    const read = await KINDS.udp.make(fake).read("lb-1:udp:80", stored as never);
    expect(read.props).toMatchObject({ healthCheckReq: "ping", healthCheckExp: "pong" });
  });

  it("reads a UDP threshold of 1, which Set allows, back as it is", async () => {
    const fake = new FakeSlb();
    const stored: Record<string, unknown> = { ...checkedInputs("udp"), status: "running" };
    fake.answers.set("DescribeLoadBalancerUDPListenerAttribute", () => ({
      ...describedAs("udp", stored),
      HealthyThreshold: 1,
    }));
    const read = await KINDS.udp.make(fake).read("lb-1:udp:80", stored as never);
    expect(read.props).toMatchObject({ healthyThreshold: 1 });
  });
});

describe("http: a redirect listener", () => {
  const program = { loadBalancerId: "lb-1", listenerPort: 80, listenerForward: "on", forwardPort: 443 };

  it("is created with the redirect and Terraform's fixed parameters, then started", async () => {
    const fake = new FakeSlb();
    const inputs = checkListener(HTTP_LISTENER, program, "cn-hangzhou").inputs;
    await KINDS.http.make(fake).create(inputs as never);
    expect(fake.of("CreateLoadBalancerHTTPListener")).toEqual([
      {
        HealthCheck: "off",
        StickySession: "off",
        BackendServerPort: 80,
        LoadBalancerId: "lb-1",
        ListenerPort: 80,
        RegionId: "cn-hangzhou",
        ListenerForward: "on",
        ForwardPort: 443,
      },
    ]);
    expect(fake.of("StartLoadBalancerListener")).toHaveLength(1);
  });

  it("reads the documented five-field answer (Status Stopped) back without a difference", async () => {
    const fake = new FakeSlb();
    const p = KINDS.http.make(fake);
    const inputs = checkListener(HTTP_LISTENER, program, "cn-hangzhou").inputs;
    const stored = { ...inputs, status: "running" };
    // Ref: aliyun-slb-listener-family.md §3, the whole documented response of a redirect listener [S11].
    fake.answers.set("DescribeLoadBalancerHTTPListenerAttribute", () => ({
      ForwardPort: 443,
      ListenerPort: 80,
      Status: "Stopped",
      RequestId: "CEF72CEB-54B6-4AE8-B225-F876FF7BA984",
      ListenerForward: "on",
    }));
    const read = await p.read("lb-1:http:80", stored as never);
    expect(read.props).toEqual({ ...stored, status: "stopped" });
    expect(await p.diff("lb-1:http:80", read.props as never, inputs as never)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("never sends a Set: an update of a redirect listener is refused as a replacement", async () => {
    const fake = new FakeSlb();
    const inputs = checkListener(HTTP_LISTENER, program, "cn-hangzhou").inputs;
    const stored = { ...inputs, status: "running" };
    await expect(
      KINDS.http.make(fake).update("lb-1:http:80", stored as never, { ...inputs, forwardPort: 8443 } as never),
    ).rejects.toThrow("HttpListener lb-1:http:80: forwardPort cannot change in place; replace it");
    expect(fake.calls).toEqual([]);
  });
});

describe("https: the documented DescribeLoadBalancerHTTPSListenerAttribute sample", () => {
  it("keeps AclStatus, EnableHttp2, IdleTimeout, RequestTimeout and the two headers the sample leaves out", async () => {
    // The sample as AlibabaCloudDocs/slb prints it: the fixture without the members composed from the SDK model.
    const sample: Record<string, unknown> = { ...documentedSample.response };
    for (const member of documentedSample.composed) delete sample[member];
    for (const member of ["AclStatus", "EnableHttp2", "IdleTimeout", "RequestTimeout"]) {
      expect(sample).not.toHaveProperty(member);
    }
    const program = {
      loadBalancerId: "lb-bp1mxu5r8lau****",
      listenerPort: 443,
      bandwidth: -1,
      healthCheck: "on",
      healthCheckHttpCode: "http_2xx,http_3xx",
      healthCheckTimeout: 5,
      healthCheckInterval: 2,
      healthCheckUri: "/",
      healthyThreshold: 3,
      unhealthyThreshold: 3,
      serverCertificateId: "1231579xxxxxxxx_15dbf6ff26f_1991415478_2054196746",
      stickySession: "off",
      vServerGroupId: "rsp-0xiju72x******",
      backendServerPort: 443,
      idleTimeout: 30,
      requestTimeout: 90,
      enableHttp2: "off",
      xForwardedForSlbPort: "on",
      xForwardedForClientSrcPort: "on",
    };
    const inputs = checkListener(HTTPS_LISTENER, program, "cn-hangzhou").inputs;
    const stored = { ...inputs, status: "running" };
    const fake = new FakeSlb();
    fake.answers.set("DescribeLoadBalancerHTTPSListenerAttribute", () => sample);
    const p = KINDS.https.make(fake);
    const read = await p.read("lb-bp1mxu5r8lau****:https:443", stored as never);
    expect(read.props).toMatchObject({
      aclStatus: "off",
      enableHttp2: "off",
      idleTimeout: 30,
      requestTimeout: 90,
      xForwardedForSlbPort: "on",
      xForwardedForClientSrcPort: "on",
    });
    expect(await p.diff("id", read.props as never, inputs as never)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});

describe("https: state written before the listener core", () => {
  it.each(HTTPS_STATES_BEFORE_CORE.map((c, n) => [n, c] as const))(
    "program %s shows no difference against its created and its refreshed state",
    async (_n, { program, created, refreshed }) => {
      const plan = new HttpsListenerPlan({ env: { ALICLOUD_REGION: "cn-hangzhou" } });
      const checked = await plan.check({} as never, program as never);
      expect(checked.failures).toBeUndefined();
      const none = { changes: false, replaces: [], deleteBeforeReplace: false };
      expect(await plan.diff("id", created as never, checked.inputs as never)).toEqual(none);
      expect(await plan.diff("id", refreshed as never, checked.inputs as never)).toEqual(none);
      // The inputs check stores now are those it stored then (the created state without the status).
      const { status: _status, ...before } = created;
      expect(checked.inputs).toEqual(before);
    },
  );
});

/** SlowSlb answers every call after a few milliseconds and counts the calls in flight at once. */
class SlowSlb extends FakeSlb {
  inFlight = 0;
  most = 0;

  override async call(action: string, params: Params): Promise<ResponseBody> {
    this.inFlight += 1;
    this.most = Math.max(this.most, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return await super.call(action, params);
    } finally {
      this.inFlight -= 1;
    }
  }
}

describe("the kinds of the cloud share one lock per load balancer", () => {
  /** createAll creates one listener of each kind, each through its own provider instance, all at once. */
  async function createAll(fake: SlowSlb, loadBalancers: readonly string[]): Promise<void> {
    await Promise.all(
      PROTOCOLS.map((protocol, n) => {
        const inputs = checkedInputs(protocol, {
          loadBalancerId: loadBalancers[n % loadBalancers.length],
          listenerPort: 1000 + n,
        });
        return KINDS[protocol].make(fake).create(inputs as never);
      }),
    );
  }

  it("queues HttpsListener, HttpListener, TcpListener and UdpListener mutations of one load balancer", async () => {
    const fake = new SlowSlb();
    await createAll(fake, ["lb-shared"]);
    expect(fake.calls).toHaveLength(8);
    expect(fake.most).toBe(1);
  });

  it("lets mutations of different load balancers overlap", async () => {
    const fake = new SlowSlb();
    await createAll(fake, ["lb-a", "lb-b", "lb-c", "lb-d"]);
    expect(fake.most).toBeGreaterThan(1);
  });
});
