/**
 * Wire specs of the HTTP, TCP and UDP listeners: @alicloud/pop-core (signed, as the provider sends) against one SLB
 * emulator for the whole file. Each spec makes its own load balancer through the state, so that no spec depends on
 * another's ports. Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest").
 */
import RPCClient from "@alicloud/pop-core";
import { API_VERSION } from "./constants";
import type { AliyunEmulator } from "./index";
import { startAliyunEmulator } from "./index";

interface PopFailure {
  code?: string;
  data?: Record<string, unknown>;
  entry?: { response?: { statusCode?: number } };
}

type Params = Record<string, string | number>;
type Body = Record<string, unknown>;
type Protocol = "http" | "https" | "tcp" | "udp";

let emulator: AliyunEmulator;
let rpc: RPCClient;

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0 });
  rpc = new RPCClient({
    endpoint: emulator.endpoint,
    apiVersion: API_VERSION,
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
  });
});
afterAll(async () => {
  await emulator.close();
});

/**
 * call sends an action as the provider does: POST, keys as written (`formatParams: false`; pop-core's default would
 * capitalise `healthCheckInterval`, `healthCheckReq` and `healthCheckExp`).
 */
function call(action: string, params: Params, formatParams = false): Promise<Body> {
  return rpc.request<Body>(action, { RegionId: emulator.seed.regionId, ...params }, { method: "POST", formatParams });
}

async function failureOf(promise: Promise<unknown>): Promise<PopFailure> {
  try {
    await promise;
  } catch (error) {
    return error as PopFailure;
  }
  throw new Error("expected the call to fail");
}

/** refusal calls an action that must fail and returns its code, HTTP status and message. */
async function refusal(action: string, params: Params): Promise<{ code?: string; status?: number; message?: unknown }> {
  const e = await failureOf(call(action, params));
  return { code: e.code, status: e.entry?.response?.statusCode, message: e.data?.Message };
}

/** freshLb makes a guaranteed-performance load balancer of its own for one spec. */
function freshLb(shared = false): string {
  return emulator.state.createLoadBalancer({ regionId: emulator.seed.regionId, shared }).id;
}

const ACTION = {
  http: { create: "CreateLoadBalancerHTTPListener", set: "SetLoadBalancerHTTPListenerAttribute" },
  https: { create: "CreateLoadBalancerHTTPSListener", set: "SetLoadBalancerHTTPSListenerAttribute" },
  tcp: { create: "CreateLoadBalancerTCPListener", set: "SetLoadBalancerTCPListenerAttribute" },
  udp: { create: "CreateLoadBalancerUDPListener", set: "SetLoadBalancerUDPListenerAttribute" },
} as const;

const DESCRIBE = {
  http: "DescribeLoadBalancerHTTPListenerAttribute",
  https: "DescribeLoadBalancerHTTPSListenerAttribute",
  tcp: "DescribeLoadBalancerTCPListenerAttribute",
  udp: "DescribeLoadBalancerUDPListenerAttribute",
} as const;

/** minimal is the least each protocol's Create takes. */
function minimal(protocol: Protocol, lb: string, port: number): Params {
  const base: Params = { LoadBalancerId: lb, ListenerPort: port, BackendServerPort: 80 };
  if (protocol === "http") return { ...base, HealthCheck: "on" };
  if (protocol === "https") {
    return {
      ...base,
      Bandwidth: -1,
      HealthCheck: "on",
      StickySession: "off",
      ServerCertificateId: emulator.seed.serverCertificateId,
    };
  }
  return { ...base, Bandwidth: -1 };
}

function create(protocol: Protocol, lb: string, port: number, extra: Params = {}): Promise<Body> {
  return call(ACTION[protocol].create, { ...minimal(protocol, lb, port), ...extra });
}

function describe_(protocol: Protocol, lb: string, port: number): Promise<Body> {
  return call(DESCRIBE[protocol], { LoadBalancerId: lb, ListenerPort: port });
}

const ANY_REQUEST_ID = expect.stringMatching(/^[0-9A-F-]{36}$/);

describe.each(["http", "tcp", "udp"] as const)("%s listener lifecycle", (protocol) => {
  it("creates a stopped listener, starts, changes, stops and deletes it", async () => {
    const lb = freshLb();
    expect(await create(protocol, lb, 8080)).toEqual({ RequestId: ANY_REQUEST_ID });
    expect((await describe_(protocol, lb, 8080)).Status).toBe("stopped");
    await call("StartLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 8080, ListenerProtocol: protocol });
    expect((await describe_(protocol, lb, 8080)).Status).toBe("running");
    expect(await call(ACTION[protocol].set, { LoadBalancerId: lb, ListenerPort: 8080, Bandwidth: 30 })).toEqual({
      RequestId: ANY_REQUEST_ID,
    });
    expect(await describe_(protocol, lb, 8080)).toMatchObject({ Bandwidth: 30, Status: "running" });
    await call("StopLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 8080, ListenerProtocol: protocol });
    expect((await describe_(protocol, lb, 8080)).Status).toBe("stopped");
    await call("DeleteLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 8080, ListenerProtocol: protocol });
    expect(await refusal(DESCRIBE[protocol], { LoadBalancerId: lb, ListenerPort: 8080 })).toEqual({
      code: "InvalidParameter",
      status: 400,
      message: "The specified resource does not exist.",
    });
    expect(emulator.state.allListeners().filter((id) => id.startsWith(`${lb}:`))).toEqual([]);
  });

  it("keeps the listener under its protocol and port in allListeners", async () => {
    const lb = freshLb();
    await create(protocol, lb, 81);
    expect(emulator.state.allListeners().filter((id) => id.startsWith(`${lb}:`))).toEqual([`${lb}:${protocol}:81`]);
    expect(emulator.state.describeListener(emulator.seed.regionId, lb, 81, protocol).protocol).toBe(protocol);
  });

  it("answers the Describe of another protocol's action as a missing listener", async () => {
    const lb = freshLb();
    await create(protocol, lb, 82);
    const other = protocol === "tcp" ? "udp" : "tcp";
    expect((await refusal(DESCRIBE[other], { LoadBalancerId: lb, ListenerPort: 82 })).message).toBe(
      "The specified resource does not exist.",
    );
  });

  it("refuses a bandwidth of 0 and of 5121 with 'The specified Bandwidth is invalid.' and takes 5120", async () => {
    const lb = freshLb();
    for (const bandwidth of [0, 5121]) {
      expect(await refusal(ACTION[protocol].create, { ...minimal(protocol, lb, 83), Bandwidth: bandwidth })).toEqual({
        code: "InvalidParameter",
        status: 400,
        message: "The specified Bandwidth is invalid.",
      });
    }
    await create(protocol, lb, 83, { Bandwidth: 5120 });
    expect((await describe_(protocol, lb, 83)).Bandwidth).toBe(5120);
  });

  it("requires a backend port without a server group", async () => {
    const lb = freshLb();
    const params = minimal(protocol, lb, 84);
    delete params.BackendServerPort;
    expect(await refusal(ACTION[protocol].create, params)).toEqual({
      code: "MissingParameter",
      status: 400,
      message: 'The input parameter "BackendServerPort" that is mandatory for processing this request is not supplied.',
    });
    await call(ACTION[protocol].create, { ...params, VServerGroupId: "rsp-emu1" });
    const body = await describe_(protocol, lb, 84);
    expect(body.VServerGroupId).toBe("rsp-emu1");
    expect(body).not.toHaveProperty("BackendServerPort");
  });

  it("ignores query keys the action does not take", async () => {
    const lb = freshLb();
    await create(protocol, lb, 85, { NoSuchParameter: "x", ServerCertificateId: "idkp-nope" });
    expect(await describe_(protocol, lb, 85)).not.toHaveProperty("NoSuchParameter");
    expect(await describe_(protocol, lb, 85)).not.toHaveProperty("ServerCertificateId");
  });

  it("refuses the same protocol twice on one port with ListenerAlreadyExists", async () => {
    const lb = freshLb();
    await create(protocol, lb, 86);
    expect(await refusal(ACTION[protocol].create, minimal(protocol, lb, 86))).toEqual({
      code: "ListenerAlreadyExists",
      status: 400,
      message: "A listener with the specified port already exists",
    });
  });

  it("keeps create-time tags and lists them in Describe", async () => {
    const lb = freshLb();
    await create(protocol, lb, 87, { "Tag.1.Key": "team", "Tag.1.Value": "edge" });
    expect((await describe_(protocol, lb, 87)).Tags).toEqual({ Tag: [{ TagKey: "team", TagValue: "edge" }] });
  });
});

describe("HTTP listener Describe", () => {
  it("answers the documented fields with the service's defaults", async () => {
    const lb = freshLb();
    await create("http", lb, 80);
    expect(await describe_("http", lb, 80)).toEqual({
      RequestId: ANY_REQUEST_ID,
      LoadBalancerId: lb,
      ListenerPort: 80,
      Status: "stopped",
      BackendServerPort: 80,
      Bandwidth: -1,
      AclStatus: "off",
      Gzip: "on",
      HealthCheck: "on",
      HealthCheckHttpCode: "http_2xx",
      IdleTimeout: 15,
      ListenerForward: "off",
      RequestTimeout: 60,
      Scheduler: "wrr",
      StickySession: "off",
      XForwardedFor: "on",
      XForwardedFor_SLBID: "off",
      XForwardedFor_SLBIP: "off",
      XForwardedFor_proto: "off",
      XForwardedFor_SLBPORT: "off",
      XForwardedFor_ClientSrcPort: "off",
      AclIds: { AclId: [] },
      Tags: { Tag: [] },
      Rules: { Rule: [] },
    });
  });

  it("leaves ForwardPort out when the redirect is off, even if it was sent", async () => {
    const lb = freshLb();
    await create("http", lb, 80, { ListenerForward: "off", ForwardPort: 443 });
    const body = await describe_("http", lb, 80);
    expect(body.ListenerForward).toBe("off");
    expect(body).not.toHaveProperty("ForwardPort");
  });

  it("requires HealthCheck on create", async () => {
    const params = minimal("http", freshLb(), 80);
    delete params.HealthCheck;
    expect((await refusal(ACTION.http.create, params)).message).toBe(
      'The input parameter "HealthCheck" that is mandatory for processing this request is not supplied.',
    );
  });

  it("requires the sticky-session companions", async () => {
    const lb = freshLb();
    expect(
      (
        await refusal(ACTION.http.create, {
          ...minimal("http", lb, 80),
          StickySession: "on",
          StickySessionType: "insert",
        })
      ).message,
    ).toBe('The input parameter "CookieTimeout" that is mandatory for processing this request is not supplied.');
  });

  it("refuses the consistent-hash schedulers", async () => {
    const e = await refusal(ACTION.http.create, { ...minimal("http", freshLb(), 80), Scheduler: "sch" });
    expect(e).toEqual({
      code: "InvalidParameter",
      status: 400,
      message: 'The specified parameter "Scheduler" is not valid.',
    });
  });

  it("takes HealthCheckTimeout, not HealthCheckConnectTimeout, and raises a timeout below the interval to it", async () => {
    const lb = freshLb();
    await create("http", lb, 80, { HealthCheckInterval: 10, HealthCheckTimeout: 4, HealthCheckConnectTimeout: 7 });
    const body = await describe_("http", lb, 80);
    expect(body).toMatchObject({ HealthCheckInterval: 10, HealthCheckTimeout: 10 });
    expect(body).not.toHaveProperty("HealthCheckConnectTimeout");
  });
});

describe("TCP listener Describe and parameters", () => {
  it("answers the documented value forms: the empty domain, a JSON boolean, no drain timeout", async () => {
    const lb = freshLb();
    await create("tcp", lb, 80);
    expect(await describe_("tcp", lb, 80)).toEqual({
      RequestId: ANY_REQUEST_ID,
      LoadBalancerId: lb,
      ListenerPort: 80,
      Status: "stopped",
      BackendServerPort: 80,
      Bandwidth: -1,
      AclStatus: "off",
      ConnectionDrain: "off",
      EstablishedTimeout: 900,
      HealthCheck: "on",
      HealthCheckConnectTimeout: 5,
      HealthCheckDomain: "",
      HealthCheckHttpCode: "http_2xx",
      HealthCheckInterval: 2,
      HealthCheckType: "tcp",
      HealthCheckURI: "/",
      HealthyThreshold: 3,
      PersistenceTimeout: 0,
      ProxyProtocolV2Enabled: false,
      Scheduler: "wrr",
      SynProxy: "disable",
      UnhealthyThreshold: 3,
      AclIds: { AclId: [] },
      Tags: { Tag: [] },
    });
  });

  it("reads healthCheckInterval lower case on Create and HealthCheckInterval on Set, each ignoring the other", async () => {
    const lb = freshLb();
    await create("tcp", lb, 80, { healthCheckInterval: 7, HealthCheckConnectTimeout: 20 });
    expect((await describe_("tcp", lb, 80)).HealthCheckInterval).toBe(7);
    await create("tcp", lb, 81, { HealthCheckInterval: 9 });
    expect((await describe_("tcp", lb, 81)).HealthCheckInterval).toBe(2);
    await call(ACTION.tcp.set, { LoadBalancerId: lb, ListenerPort: 80, healthCheckInterval: 11 });
    expect((await describe_("tcp", lb, 80)).HealthCheckInterval).toBe(7);
    await call(ACTION.tcp.set, { LoadBalancerId: lb, ListenerPort: 80, HealthCheckInterval: 12 });
    expect((await describe_("tcp", lb, 80)).HealthCheckInterval).toBe(12);
  });

  it("loses the lowercase interval of a client that capitalises every key (pop-core's default formatParams)", async () => {
    const lb = freshLb();
    await call(ACTION.tcp.create, { ...minimal("tcp", lb, 80), healthCheckInterval: 7 }, true);
    expect((await describe_("tcp", lb, 80)).HealthCheckInterval).toBe(2);
  });

  it("switches the health check with HealthCheckSwitch and returns it as HealthCheck; HealthCheck is ignored", async () => {
    const lb = freshLb();
    await create("tcp", lb, 80, { HealthCheck: "off" });
    expect((await describe_("tcp", lb, 80)).HealthCheck).toBe("on");
    await call(ACTION.tcp.set, { LoadBalancerId: lb, ListenerPort: 80, HealthCheckSwitch: "off" });
    const body = await describe_("tcp", lb, 80);
    expect(body.HealthCheck).toBe("off");
    expect(body).not.toHaveProperty("HealthCheckSwitch");
  });

  it("ignores the L7 keys Terraform sends to SetLoadBalancerTCPListenerAttribute", async () => {
    const lb = freshLb();
    await create("tcp", lb, 80);
    await call(ACTION.tcp.set, {
      LoadBalancerId: lb,
      ListenerPort: 80,
      StickySession: "off",
      HealthCheck: "on",
      RequestTimeout: 60,
      IdleTimeout: 15,
      Gzip: "on",
      HealthCheckTimeout: 5,
      HealthCheckConnectTimeout: 6,
      Description: "tf-set",
    });
    const body = await describe_("tcp", lb, 80);
    expect(body).toMatchObject({ HealthCheckConnectTimeout: 6, Description: "tf-set" });
    for (const key of ["StickySession", "RequestTimeout", "IdleTimeout", "Gzip", "HealthCheckTimeout"]) {
      expect(body).not.toHaveProperty(key);
    }
  });

  it("returns ProxyProtocolV2Enabled as a JSON boolean", async () => {
    const lb = freshLb();
    await create("tcp", lb, 80, { ProxyProtocolV2Enabled: "true" });
    expect((await describe_("tcp", lb, 80)).ProxyProtocolV2Enabled).toBe(true);
  });

  it("requires ConnectionDrainTimeout with drain on and returns it only then", async () => {
    const lb = freshLb();
    expect((await refusal(ACTION.tcp.create, { ...minimal("tcp", lb, 80), ConnectionDrain: "on" })).message).toBe(
      'The input parameter "ConnectionDrainTimeout" that is mandatory for processing this request is not supplied.',
    );
    await create("tcp", lb, 80, { ConnectionDrain: "on", ConnectionDrainTimeout: 300 });
    expect(await describe_("tcp", lb, 80)).toMatchObject({ ConnectionDrain: "on", ConnectionDrainTimeout: 300 });
    await call(ACTION.tcp.set, { LoadBalancerId: lb, ListenerPort: 80, ConnectionDrain: "off" });
    const body = await describe_("tcp", lb, 80);
    expect(body.ConnectionDrain).toBe("off");
    expect(body).not.toHaveProperty("ConnectionDrainTimeout");
  });

  it("refuses VServerGroupId with MasterSlaveServerGroupId", async () => {
    const e = await refusal(ACTION.tcp.create, {
      ...minimal("tcp", freshLb(), 80),
      VServerGroupId: "rsp-a",
      MasterSlaveServerGroupId: "rsp-b",
    });
    expect(e).toEqual({
      code: "Abs.VServerGroupIdAndMasterSlaveServerGroupId.MissMatch",
      status: 400,
      message: "The parameters VServerGroupId or MasterSlaveServerGroupId miss match.",
    });
  });

  it("refuses both group switches on in one Set and attaches or detaches a group by its switch", async () => {
    const lb = freshLb();
    await create("tcp", lb, 80);
    const base = { LoadBalancerId: lb, ListenerPort: 80 };
    expect(
      (
        await refusal(ACTION.tcp.set, {
          ...base,
          VServerGroup: "on",
          VServerGroupId: "rsp-a",
          MasterSlaveServerGroup: "on",
          MasterSlaveServerGroupId: "rsp-b",
        })
      ).code,
    ).toBe("Abs.VServerGroupIdAndMasterSlaveServerGroupId.MissMatch");
    await call(ACTION.tcp.set, { ...base, MasterSlaveServerGroup: "on", MasterSlaveServerGroupId: "rsp-b" });
    expect((await describe_("tcp", lb, 80)).MasterSlaveServerGroupId).toBe("rsp-b");
    expect((await refusal(ACTION.tcp.set, { ...base, VServerGroup: "on", VServerGroupId: "rsp-a" })).code).toBe(
      "Abs.VServerGroupIdAndMasterSlaveServerGroupId.MissMatch",
    );
    await call(ACTION.tcp.set, { ...base, MasterSlaveServerGroup: "off", VServerGroup: "on", VServerGroupId: "rsp-a" });
    const body = await describe_("tcp", lb, 80);
    expect(body.VServerGroupId).toBe("rsp-a");
    expect(body).not.toHaveProperty("MasterSlaveServerGroupId");
    expect(body).not.toHaveProperty("BackendServerPort");
  });

  it("takes the TCP schedulers but not qch, and none of sch/tch/qch on a shared-performance instance", async () => {
    const lb = freshLb();
    await create("tcp", lb, 80, { Scheduler: "tch" });
    expect((await describe_("tcp", lb, 80)).Scheduler).toBe("tch");
    expect((await refusal(ACTION.tcp.create, { ...minimal("tcp", lb, 81), Scheduler: "qch" })).message).toBe(
      'The specified parameter "Scheduler" is not valid.',
    );
    const shared = freshLb(true);
    expect((await refusal(ACTION.tcp.create, { ...minimal("tcp", shared, 80), Scheduler: "sch" })).message).toBe(
      'The specified parameter "Scheduler" is not valid.',
    );
    await create("tcp", shared, 80, { Scheduler: "rr" });
  });

  it("requires Bandwidth on create", async () => {
    const params = minimal("tcp", freshLb(), 80);
    delete params.Bandwidth;
    expect((await refusal(ACTION.tcp.create, params)).message).toBe(
      'The input parameter "Bandwidth" that is mandatory for processing this request is not supplied.',
    );
  });

  it("names the query key of a value out of range (EstablishedTimeout 10-900, healthCheckInterval 1-50)", async () => {
    const lb = freshLb();
    expect((await refusal(ACTION.tcp.create, { ...minimal("tcp", lb, 80), EstablishedTimeout: 9 })).message).toBe(
      'The specified parameter "EstablishedTimeout" is not valid.',
    );
    expect((await refusal(ACTION.tcp.create, { ...minimal("tcp", lb, 80), healthCheckInterval: 51 })).message).toBe(
      'The specified parameter "healthCheckInterval" is not valid.',
    );
  });
});

describe("UDP listener Describe and parameters", () => {
  it("returns healthCheckReq and healthCheckExp capitalised, without the TCP-only fields", async () => {
    const lb = freshLb();
    await create("udp", lb, 53, { healthCheckReq: "ping", healthCheckExp: "pong", Scheduler: "qch" });
    expect(await describe_("udp", lb, 53)).toEqual({
      RequestId: ANY_REQUEST_ID,
      LoadBalancerId: lb,
      ListenerPort: 53,
      Status: "stopped",
      BackendServerPort: 80,
      Bandwidth: -1,
      AclStatus: "off",
      HealthCheck: "on",
      HealthCheckConnectTimeout: 5,
      HealthCheckExp: "pong",
      HealthCheckInterval: 2,
      HealthCheckReq: "ping",
      HealthyThreshold: 3,
      PersistenceTimeout: 0,
      ProxyProtocolV2Enabled: false,
      Scheduler: "qch",
      UnhealthyThreshold: 3,
      AclIds: { AclId: [] },
      Tags: { Tag: [] },
    });
  });

  it("reads the lowercase check strings on Set too and ignores the capitalised ones", async () => {
    const lb = freshLb();
    await create("udp", lb, 53, { HealthCheckReq: "ignored" });
    expect(await describe_("udp", lb, 53)).not.toHaveProperty("HealthCheckReq");
    await call(ACTION.udp.set, { LoadBalancerId: lb, ListenerPort: 53, healthCheckReq: "hello", HealthCheckExp: "x" });
    const body = await describe_("udp", lb, 53);
    expect(body.HealthCheckReq).toBe("hello");
    expect(body).not.toHaveProperty("HealthCheckExp");
  });

  it("refuses check strings of the wrong length with InvalidParamLength and other characters by name", async () => {
    const lb = freshLb();
    expect(await refusal(ACTION.udp.create, { ...minimal("udp", lb, 53), healthCheckReq: "a".repeat(65) })).toEqual({
      code: "InvalidParamLength.HealthCheckReq",
      status: 400,
      message: "The length of the parameter HealthCheckReq is invalid.",
    });
    await create("udp", lb, 53, { healthCheckReq: "a".repeat(64) });
    expect(await refusal(ACTION.udp.set, { LoadBalancerId: lb, ListenerPort: 53, healthCheckExp: "" })).toEqual({
      code: "InvalidParamLength.HealthCheckExp",
      status: 400,
      message: "The length of the parameter HealthCheckExp is invalid.",
    });
    expect(
      (await refusal(ACTION.udp.set, { LoadBalancerId: lb, ListenerPort: 53, healthCheckExp: "a-b" })).message,
    ).toBe('The specified parameter "healthCheckExp" is not valid.');
  });

  it("takes thresholds 2-10 on create and 1-10 on Set", async () => {
    const lb = freshLb();
    expect((await refusal(ACTION.udp.create, { ...minimal("udp", lb, 53), HealthyThreshold: 1 })).message).toBe(
      'The specified parameter "HealthyThreshold" is not valid.',
    );
    await create("udp", lb, 53, { HealthyThreshold: 2, UnhealthyThreshold: 10 });
    await call(ACTION.udp.set, { LoadBalancerId: lb, ListenerPort: 53, HealthyThreshold: 1, UnhealthyThreshold: 1 });
    expect(await describe_("udp", lb, 53)).toMatchObject({ HealthyThreshold: 1, UnhealthyThreshold: 1 });
    expect(
      (await refusal(ACTION.udp.set, { LoadBalancerId: lb, ListenerPort: 53, UnhealthyThreshold: 11 })).message,
    ).toBe('The specified parameter "UnhealthyThreshold" is not valid.');
  });

  it.each([250, 4789])("refuses the reserved port %i and leaves TCP free to use it", async (reserved) => {
    const lb = freshLb();
    expect(await refusal(ACTION.udp.create, minimal("udp", lb, reserved))).toEqual({
      code: "InvalidParameter",
      status: 400,
      message: "The specified port is not valid.",
    });
    await create("tcp", lb, reserved);
  });

  it("takes 4790, reserved only in older documents", async () => {
    const lb = freshLb();
    await create("udp", lb, 4790);
    expect((await describe_("udp", lb, 4790)).ListenerPort).toBe(4790);
  });

  it("refuses VServerGroupId with MasterSlaveServerGroupId", async () => {
    const e = await refusal(ACTION.udp.create, {
      ...minimal("udp", freshLb(), 53),
      VServerGroupId: "rsp-a",
      MasterSlaveServerGroupId: "rsp-b",
    });
    expect(e.code).toBe("Abs.VServerGroupIdAndMasterSlaveServerGroupId.MissMatch");
  });
});

describe("port sharing on one load balancer", () => {
  const protocols: Protocol[] = ["http", "https", "tcp", "udp"];
  const pairs = protocols.flatMap((first) => protocols.map((second) => [first, second] as const));
  it.each(pairs)("%s then %s on the same port", async (first, second) => {
    const lb = freshLb();
    await create(first, lb, 443);
    const shares = (first === "udp") !== (second === "udp");
    if (shares) {
      await create(second, lb, 443);
      expect(emulator.state.allListeners().filter((id) => id.startsWith(`${lb}:`))).toHaveLength(2);
    } else {
      expect(await refusal(ACTION[second].create, minimal(second, lb, 443))).toEqual({
        code: "ListenerAlreadyExists",
        status: 400,
        message: "A listener with the specified port already exists",
      });
    }
  });
});

describe("Start, Stop and Delete on a shared port", () => {
  async function sharedPort(): Promise<string> {
    const lb = freshLb();
    await create("tcp", lb, 80);
    await create("udp", lb, 80);
    return lb;
  }

  it.each(["StartLoadBalancerListener", "StopLoadBalancerListener", "DeleteLoadBalancerListener"])(
    "%s without ListenerProtocol answers TooManyListeners",
    async (action) => {
      const lb = await sharedPort();
      expect(await refusal(action, { LoadBalancerId: lb, ListenerPort: 80 })).toEqual({
        code: "TooManyListeners",
        status: 400,
        message: "More than 1 listener is found, please be more specified.",
      });
    },
  );

  it("starts, stops and deletes only the listener of the protocol given (any case)", async () => {
    const lb = await sharedPort();
    await call("StartLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "UDP" });
    expect((await describe_("udp", lb, 80)).Status).toBe("running");
    expect((await describe_("tcp", lb, 80)).Status).toBe("stopped");
    await call("StopLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "udp" });
    expect((await describe_("udp", lb, 80)).Status).toBe("stopped");
    await call("DeleteLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "tcp" });
    expect(emulator.state.allListeners().filter((id) => id.startsWith(`${lb}:`))).toEqual([`${lb}:udp:80`]);
    await call("StartLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80 });
    expect((await describe_("udp", lb, 80)).Status).toBe("running");
  });

  it("answers a protocol no listener on the port has with ListenerNotFound", async () => {
    const lb = await sharedPort();
    expect(
      await refusal("DeleteLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "http" }),
    ).toEqual({
      code: "ListenerNotFound",
      status: 404,
      message: "You have not created a listener for the specified port of the load balancer.",
    });
  });

  it("answers a port with no listener as before: 'The specified resource does not exist.'", async () => {
    const lb = freshLb();
    expect(
      await refusal("StartLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "tcp" }),
    ).toEqual({ code: "InvalidParameter", status: 400, message: "The specified resource does not exist." });
  });

  it("refuses a fifth protocol with 'The specified protocol is not valid.'", async () => {
    const lb = await sharedPort();
    expect(
      await refusal("StartLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "quic" }),
    ).toEqual({ code: "InvalidParameter", status: 400, message: "The specified protocol is not valid." });
  });
});

describe("listener quota", () => {
  it("takes 50 listeners of any protocols on one instance, refuses the 51st with ListenerNumberOverLimit, counts per instance", async () => {
    const lb = freshLb();
    for (let i = 0; i < 25; i += 1) {
      await create("tcp", lb, 1000 + i);
      await create("udp", lb, 1000 + i);
    }
    expect(await refusal(ACTION.http.create, minimal("http", lb, 2000))).toEqual({
      code: "ListenerNumberOverLimit",
      status: 400,
      message: "The maximum number of listeners is exceeded.",
    });
    await create("http", freshLb(), 2000);
    await call("DeleteLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 1000, ListenerProtocol: "udp" });
    await create("http", lb, 2000);
  });
});

describe("HTTP to HTTPS redirect listener", () => {
  async function withHttps(): Promise<string> {
    const lb = freshLb();
    await create("https", lb, 443);
    return lb;
  }
  const redirect = (lb: string): Params => ({
    ...minimal("http", lb, 80),
    HealthCheck: "off",
    ListenerForward: "on",
    ForwardPort: 443,
  });

  it("answers Describe with the five documented fields and a capitalised status", async () => {
    const lb = await withHttps();
    await call(ACTION.http.create, redirect(lb));
    expect(await describe_("http", lb, 80)).toEqual({
      RequestId: ANY_REQUEST_ID,
      ListenerPort: 80,
      ListenerForward: "on",
      ForwardPort: 443,
      Status: "Stopped",
    });
    await call("StartLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "http" });
    expect((await describe_("http", lb, 80)).Status).toBe("Running");
  });

  it("writes the status in lower case when the emulator is told to", async () => {
    const lb = await withHttps();
    await call(ACTION.http.create, redirect(lb));
    emulator.state.redirectStatusCase = "lower";
    try {
      expect((await describe_("http", lb, 80)).Status).toBe("stopped");
    } finally {
      emulator.state.redirectStatusCase = "capitalised";
    }
  });

  it("needs no backend port", async () => {
    const lb = await withHttps();
    const params = redirect(lb);
    delete params.BackendServerPort;
    await call(ACTION.http.create, params);
    expect((await describe_("http", lb, 80)).ForwardPort).toBe(443);
  });

  it("refuses Set with Operation.NotAllowed", async () => {
    const lb = await withHttps();
    await call(ACTION.http.create, redirect(lb));
    expect(await refusal(ACTION.http.set, { LoadBalancerId: lb, ListenerPort: 80, Description: "x" })).toEqual({
      code: "Operation.NotAllowed",
      status: 400,
      message: "Operation Denied. The HTTP listener does not support this action.",
    });
  });

  it("allows Start, Stop and Delete", async () => {
    const lb = await withHttps();
    await call(ACTION.http.create, redirect(lb));
    const address = { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "http" };
    await call("StartLoadBalancerListener", address);
    await call("StopLoadBalancerListener", address);
    await call("DeleteLoadBalancerListener", address);
    expect(emulator.state.allListeners().filter((id) => id.startsWith(`${lb}:`))).toEqual([`${lb}:https:443`]);
  });

  it("requires ForwardPort with the redirect on", async () => {
    const params = redirect(await withHttps());
    delete params.ForwardPort;
    expect(await refusal(ACTION.http.create, params)).toEqual({
      code: "MissingParameter",
      status: 400,
      message: 'The input parameter "ForwardPort" that is mandatory for processing this request is not supplied.',
    });
  });

  it("refuses a ForwardPort that is not an HTTPS listener of the same load balancer", async () => {
    const lb = freshLb();
    await create("tcp", lb, 443);
    expect(await refusal(ACTION.http.create, redirect(lb))).toEqual({
      code: "InvalidParameter",
      status: 400,
      message: 'The specified parameter "ForwardPort" is not valid.',
    });
    await withHttps();
    const bare = freshLb();
    expect((await refusal(ACTION.http.create, redirect(bare))).message).toBe(
      'The specified parameter "ForwardPort" is not valid.',
    );
  });

  it("is listed by DescribeLoadBalancerAttribute with ListenerForward and ForwardPort", async () => {
    const lb = await withHttps();
    await call(ACTION.http.create, redirect(lb));
    await create("http", lb, 8080);
    await create("udp", lb, 443);
    const body = await call("DescribeLoadBalancerAttribute", { LoadBalancerId: lb });
    expect(body.ListenerPorts).toEqual({ ListenerPort: [80, 443, 8080] });
    expect(body.ListenerPortsAndProtocol).toEqual({
      ListenerPortAndProtocol: [
        { ListenerPort: 80, ListenerProtocol: "http", ListenerForward: "on", ForwardPort: 443 },
        { ListenerPort: 443, ListenerProtocol: "https" },
        { ListenerPort: 443, ListenerProtocol: "udp" },
        { ListenerPort: 8080, ListenerProtocol: "http", ListenerForward: "off" },
      ],
    });
  });
});

describe("DescribeLoadBalancerListeners", () => {
  it("leaves Listeners out when there are none, with an empty NextToken", async () => {
    const lb = freshLb();
    expect(await call("DescribeLoadBalancerListeners", { "LoadBalancerId.1": lb })).toEqual({
      RequestId: ANY_REQUEST_ID,
      TotalCount: 0,
      MaxResults: 20,
      NextToken: "",
    });
  });

  it("pages by MaxResults with NextToken until an empty token", async () => {
    const lb = freshLb();
    for (const port of [85, 81, 84, 82, 83]) await create("tcp", lb, port);
    const seen: number[] = [];
    const tokens: string[] = [];
    let token = "";
    do {
      const page = await call("DescribeLoadBalancerListeners", {
        "LoadBalancerId.1": lb,
        MaxResults: 2,
        ...(token ? { NextToken: token } : {}),
      });
      expect(page).toMatchObject({ TotalCount: 5, MaxResults: 2 });
      const items = page.Listeners as Body[];
      seen.push(...items.map((i) => Number(i.ListenerPort)));
      token = String(page.NextToken);
      tokens.push(token);
    } while (token !== "");
    expect(seen).toEqual([81, 82, 83, 84, 85]);
    expect(tokens).toHaveLength(3);
  });

  it("lists several load balancers and filters by protocol and port", async () => {
    const a = freshLb();
    const b = freshLb();
    await create("tcp", a, 80);
    await create("udp", a, 80);
    await create("http", b, 80);
    const all = await call("DescribeLoadBalancerListeners", { "LoadBalancerId.1": a, "LoadBalancerId.2": b });
    expect((all.Listeners as Body[]).map((i) => `${String(i.LoadBalancerId)}:${String(i.ListenerProtocol)}`)).toEqual([
      `${a}:tcp`,
      `${a}:udp`,
      `${b}:http`,
    ]);
    const udp = await call("DescribeLoadBalancerListeners", {
      "LoadBalancerId.1": a,
      "LoadBalancerId.2": b,
      ListenerProtocol: "udp",
      ListenerPort: 80,
    });
    expect(udp.TotalCount).toBe(1);
    expect((udp.Listeners as Body[])[0].ListenerProtocol).toBe("udp");
  });

  it("answers each protocol's item with its ListenerConfig, flat AclIds and Tags, and ProxyProtocolV2Enabled a string", async () => {
    const lb = freshLb();
    await create("tcp", lb, 80, {
      AclStatus: "on",
      AclId: "acl-a,acl-b",
      AclType: "white",
      "Tag.1.Key": "k",
      "Tag.1.Value": "v",
      Description: "edge",
    });
    await create("udp", lb, 80, { healthCheckReq: "ping", ProxyProtocolV2Enabled: "true" });
    await create("http", lb, 81);
    const body = await call("DescribeLoadBalancerListeners", { "LoadBalancerId.1": lb });
    const [tcp, udp, http] = body.Listeners as Body[];
    expect(tcp).toEqual({
      LoadBalancerId: lb,
      ListenerPort: 80,
      ListenerProtocol: "tcp",
      Status: "stopped",
      Bandwidth: -1,
      BackendServerPort: 80,
      Scheduler: "wrr",
      Description: "edge",
      AclId: "acl-a,acl-b",
      AclStatus: "on",
      AclType: "white",
      AclIds: ["acl-a", "acl-b"],
      Tags: [{ TagKey: "k", TagValue: "v" }],
      TCPListenerConfig: {
        ConnectionDrain: "off",
        HealthCheck: "on",
        HealthCheckConnectTimeout: 5,
        HealthCheckInterval: 2,
        HealthyThreshold: 3,
        ProxyProtocolV2Enabled: "false",
        UnhealthyThreshold: 3,
        EstablishedTimeout: 900,
        HealthCheckDomain: "",
        HealthCheckHttpCode: "http_2xx",
        HealthCheckType: "tcp",
        HealthCheckURI: "/",
        PersistenceTimeout: 0,
      },
    });
    expect(udp.UDPListenerConfig).toMatchObject({ HealthCheckReq: "ping", ProxyProtocolV2Enabled: "true" });
    expect(udp).not.toHaveProperty("TCPListenerConfig");
    expect(http.HTTPListenerConfig).toMatchObject({ ListenerForward: "off", StickySession: "off", Gzip: "on" });
    expect(http.HTTPListenerConfig).not.toHaveProperty("ForwardPort");
  });

  it("filters by tag", async () => {
    const lb = freshLb();
    await create("tcp", lb, 80, { "Tag.1.Key": "env", "Tag.1.Value": "prod" });
    await create("tcp", lb, 81, { "Tag.1.Key": "env", "Tag.1.Value": "dev" });
    const body = await call("DescribeLoadBalancerListeners", {
      "LoadBalancerId.1": lb,
      "Tag.1.Key": "env",
      "Tag.1.Value": "prod",
    });
    expect((body.Listeners as Body[]).map((i) => i.ListenerPort)).toEqual([80]);
  });

  it.each([0, 101])("refuses MaxResults %i", async (max) => {
    expect(await refusal("DescribeLoadBalancerListeners", { "LoadBalancerId.1": freshLb(), MaxResults: max })).toEqual({
      code: "InvalidParameter",
      status: 400,
      message: 'The specified parameter "MaxResults" is not valid.',
    });
  });

  it("refuses a NextToken it did not issue and an unknown load balancer", async () => {
    const lb = freshLb();
    expect((await refusal("DescribeLoadBalancerListeners", { "LoadBalancerId.1": lb, NextToken: "abc" })).message).toBe(
      'The specified parameter "NextToken" is not valid.',
    );
    expect((await refusal("DescribeLoadBalancerListeners", { "LoadBalancerId.1": "lb-nope" })).code).toBe(
      "InvalidLoadBalancerId.NotFound",
    );
  });

  it("lists the HTTPS listener with its HTTPSListenerConfig", async () => {
    const lb = freshLb();
    await create("https", lb, 443, { TLSCipherPolicy: "tls_cipher_policy_1_2" });
    const [item] = (await call("DescribeLoadBalancerListeners", { "LoadBalancerId.1": lb })).Listeners as Body[];
    expect(item.ListenerProtocol).toBe("https");
    expect(item.HTTPSListenerConfig).toMatchObject({
      ServerCertificateId: emulator.seed.serverCertificateId,
      EnableHttp2: "on",
      TLSCipherPolicy: "tls_cipher_policy_1_2",
    });
  });
});

describe("HTTPS listener bandwidth", () => {
  it("takes 5120, the current API's maximum, and refuses 5121 as before", async () => {
    const lb = freshLb();
    await create("https", lb, 443, { Bandwidth: 5120 });
    expect((await describe_("https", lb, 443)).Bandwidth).toBe(5120);
    expect((await refusal(ACTION.https.create, { ...minimal("https", lb, 444), Bandwidth: 5121 })).message).toBe(
      'The specified parameter "Bandwidth" is not valid.',
    );
  });
});

describe("the seeded public load balancer", () => {
  it("takes listeners of all four protocols, with the consistent-hash schedulers", async () => {
    const lb = emulator.seed.loadBalancers.public;
    await create("https", lb, 19443);
    await create("http", lb, 19080, { ListenerForward: "on", ForwardPort: 19443 });
    await create("tcp", lb, 19081, { Scheduler: "sch" });
    await create("udp", lb, 19081, { Scheduler: "qch" });
    for (const [protocol, port] of [
      ["https", 19443],
      ["http", 19080],
      ["tcp", 19081],
      ["udp", 19081],
    ] as const) {
      await call("DeleteLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: port, ListenerProtocol: protocol });
    }
  });
});

describe("the configuration lock on the other protocols", () => {
  it("reports starting, refuses a second change while busy, and settles to running", async () => {
    const lb = freshLb();
    await create("tcp", lb, 80);
    emulator.state.lockMs = 60_000;
    try {
      const address = { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "tcp" };
      await call("StartLoadBalancerListener", address);
      expect((await describe_("tcp", lb, 80)).Status).toBe("starting");
      expect(await refusal(ACTION.tcp.set, { LoadBalancerId: lb, ListenerPort: 80, Bandwidth: 5 })).toEqual({
        code: "OperationBusy",
        status: 400,
        message: "A previous operation is pending.",
      });
      expect((await refusal("StopLoadBalancerListener", address)).code).toBe("ServiceIsConfiguring");
      emulator.state.settle();
      expect((await describe_("tcp", lb, 80)).Status).toBe("running");
    } finally {
      emulator.state.lockMs = 0;
      emulator.state.settle();
    }
  });

  it("capitalises a redirect listener's transient status too", async () => {
    const lb = freshLb();
    await create("https", lb, 443);
    await create("http", lb, 80, { ListenerForward: "on", ForwardPort: 443 });
    emulator.state.lockMs = 60_000;
    try {
      await call("StartLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "http" });
      expect((await describe_("http", lb, 80)).Status).toBe("Starting");
    } finally {
      emulator.state.lockMs = 0;
      emulator.state.settle();
    }
  });
});

/**
 * The documented Describe examples (AlibabaCloudDocs/slb), each replayed: the listener the example describes is made
 * with what its request shows, and the emulator's answer carries every documented member with the documented value.
 */
describe("the documented Describe examples", () => {
  it("TCP: intl.en-US/Classic Load Balancer/User Guide/Developer Guide/TCP listeners/DescribeLoadBalancerTCPListenerAttribute.md @8695f7a", async () => {
    const documented = {
      HealthCheckHttpCode: "http_2xx,http_3xx",
      PersistenceTimeout: 0,
      HealthCheckType: "tcp",
      HealthyThreshold: 3,
      Scheduler: "wrr",
      UnhealthyThreshold: 3,
      Bandwidth: -1,
      Description: "tcp_80",
      AclStatus: "off",
      HealthCheckURI: "/",
      HealthCheck: "on",
      HealthCheckConnectTimeout: 5,
      ListenerPort: 80,
      Status: "running",
      EstablishedTimeout: 900,
      HealthCheckDomain: "",
      HealthCheckInterval: 2,
      RequestId: "9A113A8C-BB8F-475E-9533-7819ECA2FFC1",
      BackendServerPort: 80,
    };
    const lb = freshLb();
    // The example's listener has a description and both success codes set; everything else is the service's default.
    await create("tcp", lb, 80, { Description: "tcp_80", HealthCheckHttpCode: "http_2xx,http_3xx" });
    await call("StartLoadBalancerListener", { LoadBalancerId: lb, ListenerPort: 80, ListenerProtocol: "tcp" });
    expect(await describe_("tcp", lb, 80)).toMatchObject({ ...documented, RequestId: ANY_REQUEST_ID });
  });

  it("UDP: cn.zh-CN/传统型负载均衡CLB/CLB开发指南/API参考/UDP监听/DescribeLoadBalancerUDPListenerAttribute.md @0b0f7b2", async () => {
    const documented = {
      AclStatus: "off",
      HealthCheck: "on",
      HealthCheckConnectTimeout: 5,
      PersistenceTimeout: 0,
      ListenerPort: 80,
      Status: "stopped",
      Scheduler: "wrr",
      HealthyThreshold: 3,
      HealthCheckInterval: 2,
      RequestId: "9C103591-2533-432B-9E6B-6DB098C0E65C",
      UnhealthyThreshold: 3,
      BackendServerPort: 34,
      Bandwidth: 67,
    };
    const lb = freshLb();
    await call(ACTION.udp.create, { LoadBalancerId: lb, ListenerPort: 80, BackendServerPort: 34, Bandwidth: 67 });
    expect(await describe_("udp", lb, 80)).toMatchObject({ ...documented, RequestId: ANY_REQUEST_ID });
  });

  it("HTTP redirect, the whole answer: intl.en-US/Classic Load Balancer/User Guide/Developer Guide/HTTP listeners/DescribeLoadBalancerHTTPListenerAttribute.md @55bc4da", async () => {
    const documented = {
      ForwardPort: 443,
      ListenerPort: 80,
      Status: "Stopped",
      RequestId: "99439CEF-192C-4B01-A45A-2D5BD5BCDA62",
      ListenerForward: "on",
    };
    const lb = freshLb();
    await create("https", lb, 443);
    await create("http", lb, 80, { ListenerForward: "on", ForwardPort: 443 });
    expect(await describe_("http", lb, 80)).toEqual({ ...documented, RequestId: ANY_REQUEST_ID });
  });
});

describe("the state's listener table for callers written for HTTPS only", () => {
  it("looks a port up as its HTTPS listener, counts every protocol, and lists each listener's port", async () => {
    const lb = freshLb();
    await create("https", lb, 443);
    await create("udp", lb, 443);
    await create("tcp", lb, 80);
    const table = emulator.state.loadBalancers.get(lb)?.listeners;
    expect(table?.get(443)?.protocol).toBe("https");
    expect(table?.get(443, "udp")?.protocol).toBe("udp");
    expect(table?.has(80)).toBe(false);
    expect(table?.has(80, "tcp")).toBe(true);
    expect(table?.size).toBe(3);
    expect([...(table?.keys() ?? [])].sort((a, b) => a - b)).toEqual([80, 443, 443]);
    expect(emulator.state.describeListener(emulator.seed.regionId, lb, 443).protocol).toBe("https");
  });
});
