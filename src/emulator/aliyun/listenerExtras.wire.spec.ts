/**
 * Wire specs of the extra HTTPS listener parameters (shared/api-docs/aliyun-slb-https-extras.md §2, §3): pop-core
 * against the SLB emulator, Create and Set, their rules, the shared-spec refusal and the Describe echo.
 */
import RPCClient from "@alicloud/pop-core";
import { API_VERSION } from "./constants";
import { SLB_ERRORS } from "./errors";
import type { AliyunEmulator } from "./index";
import { startAliyunEmulator } from "./index";

interface PopFailure {
  code?: string;
  data?: Record<string, unknown>;
  entry?: { response?: { statusCode?: number } };
}

type Body = Record<string, unknown>;
type Params = Record<string, string | number>;

let emulator: AliyunEmulator;
let nextPort = 30000;

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0 });
});
afterAll(async () => {
  await emulator.close();
});

function call(action: string, params: Params): Promise<Body> {
  const client = new RPCClient({
    endpoint: emulator.endpoint,
    apiVersion: API_VERSION,
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
  });
  return client.request<Body>(action, params, { method: "POST" });
}

async function failureOf(promise: Promise<unknown>): Promise<PopFailure> {
  try {
    await promise;
  } catch (error) {
    return error as PopFailure;
  }
  throw new Error("expected the call to fail");
}

function expectInvalid(e: PopFailure, name: string): void {
  const expected = SLB_ERRORS.invalidParameter(name);
  expect({ code: e.code, message: e.data?.Message }).toEqual({ code: expected.code, message: expected.message });
}

function address(lb = emulator.seed.loadBalancers.public): Params {
  return { RegionId: emulator.seed.regionId, LoadBalancerId: lb, ListenerPort: nextPort++ };
}

function createParams(where: Params, extra: Params = {}): Params {
  return {
    ...where,
    Bandwidth: -1,
    HealthCheck: "on",
    ServerCertificateId: emulator.seed.serverCertificateId,
    StickySession: "off",
    BackendServerPort: 80,
    ...extra,
  };
}

async function created(extra: Params, lb?: string): Promise<{ where: Params; body: Body }> {
  const where = address(lb);
  await call("CreateLoadBalancerHTTPSListener", createParams(where, extra));
  return { where, body: await call("DescribeLoadBalancerHTTPSListenerAttribute", where) };
}

describe("extra HTTPS listener parameters on Create and Describe", () => {
  it("echoes HealthCheckMethod, the TLS 1.3 policy and both port headers", async () => {
    const { body } = await created({
      HealthCheckMethod: "get",
      TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
      XForwardedFor_SLBPORT: "on",
      XForwardedFor_ClientSrcPort: "on",
    });
    expect(body).toMatchObject({
      HealthCheckMethod: "get",
      TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
      XForwardedFor_SLBPORT: "on",
      XForwardedFor_ClientSrcPort: "on",
    });
  });

  it("reports both port headers off, empty lists and no HealthCheckMethod when none is set", async () => {
    const { body } = await created({});
    expect(body).toMatchObject({
      XForwardedFor_SLBPORT: "off",
      XForwardedFor_ClientSrcPort: "off",
      AclIds: { AclId: [] },
      Tags: { Tag: [] },
      DomainExtensions: { DomainExtension: [] },
    });
    expect(body).not.toHaveProperty("HealthCheckMethod");
  });

  it.each([
    ["HealthCheckMethod", "post"],
    ["HealthCheckMethod", "GET"],
    ["TLSCipherPolicy", "tls_cipher_policy_1_3"],
    ["XForwardedFor_SLBPORT", "yes"],
    ["XForwardedFor_ClientSrcPort", ""],
  ])("refuses %s=%j with InvalidParameter naming it", async (name, value) => {
    const e = await failureOf(call("CreateLoadBalancerHTTPSListener", createParams(address(), { [name]: value })));
    expectInvalid(e, name);
  });

  it("takes several ACLs comma-joined in AclId and lists them in AclIds", async () => {
    const { body } = await created({ AclStatus: "on", AclType: "white", AclId: "acl-1,acl-2,acl-3" });
    expect(body).toMatchObject({ AclId: "acl-1,acl-2,acl-3", AclIds: { AclId: ["acl-1", "acl-2", "acl-3"] } });
  });

  it.each(["acl-1,acl-2,acl-3,acl-4", "acl-1,acl-1", "acl-1,", ""])(
    "refuses AclId=%j with InvalidParameter naming AclId",
    async (aclId) => {
      const e = await failureOf(
        call(
          "CreateLoadBalancerHTTPSListener",
          createParams(address(), { AclStatus: "on", AclType: "white", AclId: aclId }),
        ),
      );
      expectInvalid(e, "AclId");
    },
  );

  it("keeps tags given at create, in N order, and lists them in Tags", async () => {
    const { body } = await created({
      "Tag.2.Key": "team",
      "Tag.2.Value": "",
      "Tag.1.Key": "env",
      "Tag.1.Value": "dev",
    });
    expect(body.Tags).toEqual({
      Tag: [
        { TagKey: "env", TagValue: "dev" },
        { TagKey: "team", TagValue: "" },
      ],
    });
  });

  it.each([
    [{ "Tag.1.Key": "aliyun-x" }, "Tag.1.Key"],
    [{ "Tag.1.Key": "acs:x" }, "Tag.1.Key"],
    [{ "Tag.1.Key": "see https://x" }, "Tag.1.Key"],
    [{ "Tag.1.Key": "k".repeat(65) }, "Tag.1.Key"],
    [{ "Tag.1.Key": "" }, "Tag.1.Key"],
    [{ "Tag.1.Key": "a", "Tag.2.Key": "a" }, "Tag.2.Key"],
    [{ "Tag.1.Key": "a", "Tag.1.Value": "acs:v" }, "Tag.1.Value"],
    [{ "Tag.1.Key": "a", "Tag.1.Value": "v".repeat(129) }, "Tag.1.Value"],
    [{ "Tag.21.Key": "a" }, "Tag.21.Key"],
    [{ "Tag.0.Key": "a" }, "Tag.0.Key"],
  ])("refuses the tags %j with InvalidParameter naming %s", async (tags, name) => {
    const e = await failureOf(call("CreateLoadBalancerHTTPSListener", createParams(address(), tags)));
    expectInvalid(e, name);
  });

  it("names a tag value without its key with MissingParameter", async () => {
    const e = await failureOf(call("CreateLoadBalancerHTTPSListener", createParams(address(), { "Tag.3.Value": "v" })));
    expect({ code: e.code, message: e.data?.Message }).toEqual({
      code: "MissingParameter",
      message: SLB_ERRORS.missingParameter("Tag.3.Key").message,
    });
  });

  it("accepts 20 tags", async () => {
    const tags: Params = {};
    for (let n = 1; n <= 20; n++) tags[`Tag.${n}.Key`] = `k${n}`;
    const { body } = await created(tags);
    expect((body.Tags as { Tag: unknown[] }).Tag).toHaveLength(20);
  });
});

describe("extra HTTPS listener parameters on Set", () => {
  it("changes HealthCheckMethod, the TLS policy, the port headers and the ACLs", async () => {
    const { where } = await created({ HealthCheckMethod: "head", TLSCipherPolicy: "tls_cipher_policy_1_0" });
    await call("SetLoadBalancerHTTPSListenerAttribute", {
      ...where,
      HealthCheckMethod: "get",
      TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
      XForwardedFor_SLBPORT: "on",
      XForwardedFor_ClientSrcPort: "on",
      AclStatus: "on",
      AclType: "black",
      AclId: "acl-a,acl-b",
    });
    const body = await call("DescribeLoadBalancerHTTPSListenerAttribute", where);
    expect(body).toMatchObject({
      HealthCheckMethod: "get",
      TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
      XForwardedFor_SLBPORT: "on",
      XForwardedFor_ClientSrcPort: "on",
      AclIds: { AclId: ["acl-a", "acl-b"] },
    });
  });

  it("refuses a bad HealthCheckMethod on Set with InvalidParameter", async () => {
    const { where } = await created({});
    const e = await failureOf(call("SetLoadBalancerHTTPSListenerAttribute", { ...where, HealthCheckMethod: "put" }));
    expectInvalid(e, "HealthCheckMethod");
  });

  it("ignores tags on Set (tags are create-only)", async () => {
    const { where } = await created({ "Tag.1.Key": "env", "Tag.1.Value": "dev" });
    await call("SetLoadBalancerHTTPSListenerAttribute", { ...where, "Tag.1.Key": "other", "Tag.1.Value": "x" });
    const body = await call("DescribeLoadBalancerHTTPSListenerAttribute", where);
    expect(body.Tags).toEqual({ Tag: [{ TagKey: "env", TagValue: "dev" }] });
  });
});

describe("TLS policies on the shared-performance load balancer", () => {
  const refusal = {
    code: "InvalidParameter.SpecNotSupport",
    message: "The loadBalancer of shared spec doesn't support the parameter: TlsCipherPolicy.",
    status: 400,
  };

  it("refuses TLSCipherPolicy at create with InvalidParameter.SpecNotSupport", async () => {
    const e = await failureOf(
      call(
        "CreateLoadBalancerHTTPSListener",
        createParams(address(emulator.seed.loadBalancers.shared), { TLSCipherPolicy: "tls_cipher_policy_1_2" }),
      ),
    );
    expect({ code: e.code, message: e.data?.Message, status: e.entry?.response?.statusCode }).toEqual(refusal);
  });

  it("refuses TLSCipherPolicy on Set with InvalidParameter.SpecNotSupport and keeps the listener as it was", async () => {
    const { where } = await created({}, emulator.seed.loadBalancers.shared);
    const e = await failureOf(
      call("SetLoadBalancerHTTPSListenerAttribute", {
        ...where,
        TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
        Bandwidth: 7,
      }),
    );
    expect({ code: e.code, message: e.data?.Message, status: e.entry?.response?.statusCode }).toEqual(refusal);
    const body = await call("DescribeLoadBalancerHTTPSListenerAttribute", where);
    expect(body.Bandwidth).toBe(-1);
    expect(body).not.toHaveProperty("TLSCipherPolicy");
  });

  it("serves a listener without a TLS policy on the shared load balancer", async () => {
    const { body } = await created({ HealthCheckMethod: "head" }, emulator.seed.loadBalancers.shared);
    expect(body).toMatchObject({ HealthCheckMethod: "head", Status: expect.any(String) });
  });

  it("reports the shared load balancer with an empty LoadBalancerSpec", async () => {
    const body = await call("DescribeLoadBalancerAttribute", {
      RegionId: emulator.seed.regionId,
      LoadBalancerId: emulator.seed.loadBalancers.shared,
    });
    expect(body).toMatchObject({ LoadBalancerName: "emulator-shared", LoadBalancerSpec: "" });
  });
});

describe("the seeded fixtures for the listener settings the HTTPS document lacks", () => {
  it("seeds a shared load balancer and two server certificates of the region", () => {
    const { seed, state } = emulator;
    expect(state.loadBalancers.get(seed.loadBalancers.shared)?.shared).toBe(true);
    expect(state.loadBalancers.get(seed.loadBalancers.public)?.shared).toBeUndefined();
    expect(seed.serverCertificateIds).toHaveLength(2);
    for (const id of seed.serverCertificateIds) {
      expect(state.certificates.get(id)).toMatchObject({ kind: "server", regionId: seed.regionId });
    }
  });

  it("keeps the first four seeded ids that the stack files hold", () => {
    expect(emulator.seed.loadBalancers.public).toBe("lb-emu000000000000000001");
    expect(emulator.seed.serverCertificateId).toBe("idkp-emu-00000003-cn-hangzhou");
  });
});
