/**
 * Wire tests: @alicloud/pop-core itself (GET query and POST form, HMAC-SHA1 signed) against the SLB emulator.
 */
import RPCClient from "@alicloud/pop-core";
import { API_VERSION } from "./constants";
import type { AliyunEmulator } from "./index";
import { startAliyunEmulator } from "./index";
import { sign, stringToSign } from "./router";

interface PopFailure {
  code?: string;
  data?: Record<string, unknown>;
  entry?: { response?: { statusCode?: number } };
}

let emulator: AliyunEmulator;

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.router.setRequestsPerSecond(0);
});

function client(secret = emulator.accessKeySecret, keyId = emulator.accessKeyId): RPCClient {
  return new RPCClient({
    endpoint: emulator.endpoint,
    apiVersion: API_VERSION,
    accessKeyId: keyId,
    accessKeySecret: secret,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<PopFailure> {
  try {
    await promise;
  } catch (error) {
    return error as PopFailure;
  }
  throw new Error("expected the call to fail");
}

function listenerParams(port: number): Record<string, string | number> {
  return {
    RegionId: emulator.seed.regionId,
    LoadBalancerId: emulator.seed.loadBalancers.public,
    ListenerPort: port,
    Bandwidth: -1,
    HealthCheck: "on",
    ServerCertificateId: emulator.seed.serverCertificateId,
    StickySession: "off",
    BackendServerPort: 80,
  };
}

describe("SLB emulator over the wire", () => {
  it("answers a signed POST form request", async () => {
    const body = await client().request<Record<string, unknown>>(
      "DescribeLoadBalancerAttribute",
      { RegionId: emulator.seed.regionId, LoadBalancerId: emulator.seed.loadBalancers.public },
      { method: "POST" },
    );
    expect(body.LoadBalancerId).toBe(emulator.seed.loadBalancers.public);
    expect(body.AddressType).toBe("internet");
  });

  it("answers a signed GET query request", async () => {
    const body = await client().request<Record<string, unknown>>("DescribeLoadBalancerAttribute", {
      RegionId: emulator.seed.regionId,
      LoadBalancerId: emulator.seed.loadBalancers.private,
    });
    expect(body.AddressType).toBe("intranet");
  });

  it("rejects a wrong secret with SignatureDoesNotMatch (HTTP 400)", async () => {
    const e = await failureOf(
      client("wrong-secret").request("DescribeLoadBalancerAttribute", { RegionId: "cn-hangzhou" }, { method: "POST" }),
    );
    expect(e.code).toBe("SignatureDoesNotMatch");
    expect(e.entry?.response?.statusCode).toBe(400);
    expect(Object.keys(e.data ?? {}).sort()).toEqual(["Code", "HostId", "Message", "Recommend", "RequestId"]);
    expect(e.data?.Message).toBe("Specified signature is not matched with our calculation.");
  });

  it("rejects an unknown access key with InvalidAccessKeyId.NotFound (HTTP 404)", async () => {
    const e = await failureOf(
      client(emulator.accessKeySecret, "LTAIunknown").request("DescribeLoadBalancerAttribute", {}, { method: "POST" }),
    );
    expect(e.code).toBe("InvalidAccessKeyId.NotFound");
    expect(e.entry?.response?.statusCode).toBe(404);
    expect(e.data?.Message).toBe("Specified access key is not found.");
  });

  it("names a missing parameter with MissingParameter", async () => {
    const e = await failureOf(
      client().request("DescribeLoadBalancerAttribute", { RegionId: "cn-hangzhou" }, { method: "POST" }),
    );
    expect(e.code).toBe("MissingParameter");
    expect(e.data?.Message).toBe(
      'The input parameter "LoadBalancerId" that is mandatory for processing this request is not supplied.',
    );
  });

  it("names an invalid parameter with InvalidParameter", async () => {
    const e = await failureOf(
      client().request(
        "CreateLoadBalancerHTTPSListener",
        { ...listenerParams(443), ListenerPort: 70000 },
        { method: "POST" },
      ),
    );
    expect(e.code).toBe("InvalidParameter");
    expect(e.data?.Message).toBe('The specified parameter "ListenerPort" is not valid.');
  });

  it("creates a stopped listener, starts it and reports it running", async () => {
    const c = client();
    await c.request("CreateLoadBalancerHTTPSListener", listenerParams(8443), { method: "POST" });
    const addressing = {
      RegionId: emulator.seed.regionId,
      LoadBalancerId: emulator.seed.loadBalancers.public,
      ListenerPort: 8443,
    };
    const before = await c.request<Record<string, unknown>>("DescribeLoadBalancerHTTPSListenerAttribute", addressing, {
      method: "POST",
    });
    expect(before.Status).toBe("stopped");
    await c.request("StartLoadBalancerListener", { ...addressing, ListenerProtocol: "https" }, { method: "POST" });
    const after = await c.request<Record<string, unknown>>("DescribeLoadBalancerHTTPSListenerAttribute", addressing, {
      method: "POST",
    });
    expect(after).toMatchObject({ Status: "running", Bandwidth: -1, Scheduler: "wrr", BackendServerPort: 80 });
  });

  it("refuses a second listener on the same port with ListenerAlreadyExists", async () => {
    const c = client();
    await c.request("CreateLoadBalancerHTTPSListener", listenerParams(9443), { method: "POST" });
    const e = await failureOf(c.request("CreateLoadBalancerHTTPSListener", listenerParams(9443), { method: "POST" }));
    expect(e.code).toBe("ListenerAlreadyExists");
    expect(e.entry?.response?.statusCode).toBe(400);
    expect(e.data?.Message).toBe("A listener with the specified port already exists");
  });

  it("answers an unknown load balancer with InvalidLoadBalancerId.NotFound", async () => {
    const e = await failureOf(
      client().request(
        "CreateLoadBalancerHTTPSListener",
        { ...listenerParams(443), LoadBalancerId: "lb-nope" },
        { method: "POST" },
      ),
    );
    expect(e.code).toBe("InvalidLoadBalancerId.NotFound");
  });

  it("answers an unknown listener with 'The specified resource does not exist.'", async () => {
    const e = await failureOf(
      client().request(
        "DescribeLoadBalancerHTTPSListenerAttribute",
        { RegionId: emulator.seed.regionId, LoadBalancerId: emulator.seed.loadBalancers.public, ListenerPort: 1 },
        { method: "POST" },
      ),
    );
    expect(e.data?.Message).toBe("The specified resource does not exist.");
    expect(e.code).toBe("InvalidParameter");
    expect(e.entry?.response?.statusCode).toBe(400);
  });

  it("answers an unknown server certificate with InvalidParameter 'ServerCertificateId is not Support.'", async () => {
    const e = await failureOf(
      client().request(
        "CreateLoadBalancerHTTPSListener",
        { ...listenerParams(10443), ServerCertificateId: "idkp-nope" },
        { method: "POST" },
      ),
    );
    expect(e.code).toBe("InvalidParameter");
    expect(e.entry?.response?.statusCode).toBe(400);
    expect(e.data?.Message).toBe("The specified parameter ServerCertificateId is not Support.");
  });

  it("creates load balancers and certificates through the API", async () => {
    const c = client();
    const lb = await c.request<{ LoadBalancerId: string }>(
      "CreateLoadBalancer",
      { RegionId: "cn-hangzhou", AddressType: "intranet" },
      { method: "POST" },
    );
    const cert = await c.request<{ ServerCertificateId: string }>(
      "UploadServerCertificate",
      { RegionId: "cn-hangzhou", ServerCertificate: "-----BEGIN CERTIFICATE-----\nMII", PrivateKey: "k" },
      { method: "POST" },
    );
    await c.request(
      "CreateLoadBalancerHTTPSListener",
      { ...listenerParams(443), LoadBalancerId: lb.LoadBalancerId, ServerCertificateId: cert.ServerCertificateId },
      { method: "POST" },
    );
    expect(emulator.state.allListeners()).toContain(`${lb.LoadBalancerId}:https:443`);
  });

  it("answers Throttling.User beyond the requests-per-second limit", async () => {
    emulator.router.setRequestsPerSecond(1);
    const c = client();
    const params = { RegionId: emulator.seed.regionId, LoadBalancerId: emulator.seed.loadBalancers.public };
    await c.request("DescribeLoadBalancerAttribute", params, { method: "POST" });
    const e = await failureOf(c.request("DescribeLoadBalancerAttribute", params, { method: "POST" }));
    expect(e.code).toBe("Throttling.User");
  });

  it("counts calls per action at arrival, authenticated or not", async () => {
    emulator.resetCalls();
    await failureOf(client("bad").request("StopLoadBalancerListener", {}, { method: "POST" }));
    expect(emulator.calls.get("StopLoadBalancerListener")).toBe(1);
  });

  it("answers a faulted action with the fault's code and status", async () => {
    emulator.faults.add({
      target: "DescribeLoadBalancerAttribute",
      kind: "error",
      code: "ServiceUnavailable",
      first: 1,
    });
    const e = await failureOf(
      client().request("DescribeLoadBalancerAttribute", { RegionId: "cn-hangzhou" }, { method: "POST" }),
    );
    expect(e.code).toBe("ServiceUnavailable");
    expect(e.entry?.response?.statusCode).toBe(503);
  });
});

describe("signature helpers", () => {
  it("builds the string to sign the way pop-core does", () => {
    expect(stringToSign("POST", { Action: "A b", Version: "2014-05-15", Signature: "ignored" })).toBe(
      "POST&%2F&Action%3DA%2520b%26Version%3D2014-05-15",
    );
  });
  it("reproduces the published RPC signature example (DescribeRegions, testid/testsecret)", () => {
    const params = {
      AccessKeyId: "testid",
      Action: "DescribeRegions",
      Format: "XML",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      SignatureVersion: "1.0",
      Timestamp: "2016-02-23T12:46:24Z",
      Version: "2014-05-26",
    };
    expect(sign("GET", params, "testsecret")).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });
});

describe("lock", () => {
  let locked: AliyunEmulator;
  beforeAll(async () => {
    locked = await startAliyunEmulator({ lockMs: 5000 });
  });
  afterAll(async () => {
    await locked.close();
  });

  it("refuses a mutation on a load balancer that is still configuring with OperationBusy", async () => {
    const c = new RPCClient({
      endpoint: locked.endpoint,
      apiVersion: API_VERSION,
      accessKeyId: locked.accessKeyId,
      accessKeySecret: locked.accessKeySecret,
    });
    const base = {
      RegionId: locked.seed.regionId,
      LoadBalancerId: locked.seed.loadBalancers.public,
      Bandwidth: -1,
      HealthCheck: "off",
      ServerCertificateId: locked.seed.serverCertificateId,
      StickySession: "off",
      BackendServerPort: 80,
    };
    await c.request("CreateLoadBalancerHTTPSListener", { ...base, ListenerPort: 1 }, { method: "POST" });
    const e = await failureOf(
      c.request("CreateLoadBalancerHTTPSListener", { ...base, ListenerPort: 2 }, { method: "POST" }),
    );
    expect(e.code).toBe("OperationBusy");
    const s = await failureOf(
      c.request(
        "StartLoadBalancerListener",
        { RegionId: base.RegionId, LoadBalancerId: base.LoadBalancerId, ListenerPort: 1 },
        { method: "POST" },
      ),
    );
    expect(s.code).toBe("ServiceIsConfiguring");
  });
});
