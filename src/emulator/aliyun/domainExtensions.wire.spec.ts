/**
 * Wire specs of the domain-extension actions: @alicloud/pop-core itself, signed, against the SLB emulator, with the
 * documented codes and messages (shared/api-docs/aliyun-slb-https-extras.md §1) and the emulator's Assumed ones.
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

let emulator: AliyunEmulator;
let nextPort = 20000;

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

function clientOf(e: AliyunEmulator): RPCClient {
  return new RPCClient({
    endpoint: e.endpoint,
    apiVersion: API_VERSION,
    accessKeyId: e.accessKeyId,
    accessKeySecret: e.accessKeySecret,
  });
}

function call(action: string, params: Record<string, string | number>, e: AliyunEmulator = emulator): Promise<Body> {
  return clientOf(e).request<Body>(action, params, { method: "POST" });
}

async function failureOf(promise: Promise<unknown>): Promise<PopFailure> {
  try {
    await promise;
  } catch (error) {
    return error as PopFailure;
  }
  throw new Error("expected the call to fail");
}

function expectFailure(e: PopFailure, code: string, message: string, status = 400): void {
  expect({ code: e.code, message: e.data?.Message, status: e.entry?.response?.statusCode }).toEqual({
    code,
    message,
    status,
  });
}

/** listener creates an HTTPS listener on a fresh port of the public load balancer and returns its address. */
async function listener(
  e: AliyunEmulator = emulator,
  lb = e.seed.loadBalancers.public,
): Promise<{ RegionId: string; LoadBalancerId: string; ListenerPort: number }> {
  const address = { RegionId: e.seed.regionId, LoadBalancerId: lb, ListenerPort: nextPort++ };
  await call(
    "CreateLoadBalancerHTTPSListener",
    {
      ...address,
      Bandwidth: -1,
      HealthCheck: "off",
      ServerCertificateId: e.seed.serverCertificateId,
      StickySession: "off",
      BackendServerPort: 80,
    },
    e,
  );
  return address;
}

async function extension(
  address: { RegionId: string; LoadBalancerId: string; ListenerPort: number },
  domain: string,
  certificate = emulator.seed.serverCertificateId,
  e: AliyunEmulator = emulator,
): Promise<string> {
  const body = await call("CreateDomainExtension", { ...address, Domain: domain, ServerCertificateId: certificate }, e);
  return String(body.DomainExtensionId);
}

describe("CreateDomainExtension", () => {
  it("answers the documented members: RequestId, ListenerPort and a de- id", async () => {
    const address = await listener();
    const body = await call("CreateDomainExtension", {
      ...address,
      Domain: "*.example1.com",
      ServerCertificateId: emulator.seed.serverCertificateId,
    });
    expect(Object.keys(body).sort()).toEqual(["DomainExtensionId", "ListenerPort", "RequestId"]);
    expect(body.ListenerPort).toBe(address.ListenerPort);
    expect(body.DomainExtensionId).toMatch(/^de-[a-z0-9]+$/);
  });

  it("accepts an exact domain and a left-most wildcard", async () => {
    const address = await listener();
    await extension(address, "www.example.com");
    await extension(address, "*.market.example.com");
    const body = await call("DescribeDomainExtensions", address);
    expect(body.DomainExtensions).toEqual({
      DomainExtension: [
        expect.objectContaining({ Domain: "www.example.com" }),
        expect.objectContaining({ Domain: "*.market.example.com" }),
      ],
    });
  });

  it("refuses a domain the listener already has with InvalidParameter.Domain", async () => {
    const address = await listener();
    await extension(address, "a.example.com");
    const e = await failureOf(extension(address, "a.example.com"));
    expectFailure(e, "InvalidParameter.Domain", "The specified Domain exists.");
    const upper = await failureOf(extension(address, "A.Example.com"));
    expectFailure(upper, "InvalidParameter.Domain", "The specified Domain exists.");
  });

  it("allows the same domain on another listener", async () => {
    await extension(await listener(), "same.example.com");
    await expect(extension(await listener(), "same.example.com")).resolves.toMatch(/^de-/);
  });

  it.each(["*.*.example.com", "www.*.example.com", "*example.com", "-a.example.com", "a..example.com", "a_b.com", "*"])(
    "refuses the domain %s with InvalidParameter naming Domain",
    async (domain) => {
      const address = await listener();
      const e = await failureOf(extension(address, domain));
      expectFailure(e, SLB_ERRORS.invalidParameter("Domain").code, SLB_ERRORS.invalidParameter("Domain").message);
    },
  );

  it("refuses a fourth extension on a listener (default quota 3)", async () => {
    const address = await listener();
    for (const n of [1, 2, 3]) await extension(address, `d${n}.example.com`);
    const e = await failureOf(extension(address, "d4.example.com"));
    expectFailure(e, "DomainExtensionNumberOverLimit", "The maximum number of domain extensions is exceeded.");
    const body = await call("DescribeDomainExtensions", address);
    expect((body.DomainExtensions as { DomainExtension: unknown[] }).DomainExtension).toHaveLength(3);
  });

  it("frees a quota place when an extension is deleted", async () => {
    const address = await listener();
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await extension(address, `f${n}.example.com`));
    await call("DeleteDomainExtension", { RegionId: address.RegionId, DomainExtensionId: ids[0] });
    await expect(extension(address, "f4.example.com")).resolves.toMatch(/^de-/);
  });

  it("refuses an unknown server certificate with InvalidParameter.ServerCertificateId", async () => {
    const e = await failureOf(extension(await listener(), "c.example.com", "idkp-nope"));
    expectFailure(e, "InvalidParameter.ServerCertificateId", "The specified ServerCertificateId does not exist.");
  });

  it("refuses a CA certificate as the server certificate", async () => {
    const e = await failureOf(extension(await listener(), "ca.example.com", emulator.seed.caCertificateId));
    expectFailure(e, "InvalidParameter.ServerCertificateId", "The specified ServerCertificateId does not exist.");
  });

  it("refuses a listener of the shared-performance load balancer with InvalidParameter.SpecNotSupport", async () => {
    const address = await listener(emulator, emulator.seed.loadBalancers.shared);
    const e = await failureOf(extension(address, "s.example.com"));
    expectFailure(
      e,
      "InvalidParameter.SpecNotSupport",
      "The loadBalancer of shared spec doesn't support the parameter: DomainExtension.",
    );
  });

  it("answers a port without a listener with the listener not-found answer", async () => {
    const address = { RegionId: emulator.seed.regionId, LoadBalancerId: emulator.seed.loadBalancers.public };
    const e = await failureOf(extension({ ...address, ListenerPort: 1 }, "n.example.com"));
    const expected = SLB_ERRORS.listenerNotFound();
    expectFailure(e, expected.code, expected.message, expected.status);
  });

  it("answers an unknown load balancer with the load balancer not-found answer", async () => {
    const e = await failureOf(
      extension({ RegionId: emulator.seed.regionId, LoadBalancerId: "lb-nope", ListenerPort: 443 }, "n.example.com"),
    );
    const expected = SLB_ERRORS.loadBalancerNotFound();
    expectFailure(e, expected.code, expected.message, expected.status);
  });

  it("names a missing Domain with MissingParameter", async () => {
    const address = await listener();
    const e = await failureOf(
      call("CreateDomainExtension", { ...address, ServerCertificateId: emulator.seed.serverCertificateId }),
    );
    expectFailure(e, "MissingParameter", SLB_ERRORS.missingParameter("Domain").message);
  });

  it("accepts and ignores the SDK-only ServerCertificate.N and CertificateId.N parameters", async () => {
    const address = await listener();
    const body = await call("CreateDomainExtension", {
      ...address,
      Domain: "sdk.example.com",
      ServerCertificateId: emulator.seed.serverCertificateId,
      "ServerCertificate.1.CertificateId": "cas-1",
      "CertificateId.1": "cas-1",
    });
    expect(body.DomainExtensionId).toMatch(/^de-/);
  });
});

describe("DescribeDomainExtensions and DescribeDomainExtensionAttribute", () => {
  it("lists a listener's extensions with the documented members, filtered by DomainExtensionId", async () => {
    const address = await listener();
    const a = await extension(address, "a.example.com");
    const b = await extension(address, "b.example.com", emulator.seed.serverCertificateIds[1]);
    const all = await call("DescribeDomainExtensions", address);
    expect(all.DomainExtensions).toEqual({
      DomainExtension: [
        { DomainExtensionId: a, Domain: "a.example.com", ServerCertificateId: emulator.seed.serverCertificateId },
        { DomainExtensionId: b, Domain: "b.example.com", ServerCertificateId: emulator.seed.serverCertificateIds[1] },
      ],
    });
    const one = await call("DescribeDomainExtensions", { ...address, DomainExtensionId: b });
    expect(one.DomainExtensions).toEqual({
      DomainExtension: [
        { DomainExtensionId: b, Domain: "b.example.com", ServerCertificateId: emulator.seed.serverCertificateIds[1] },
      ],
    });
  });

  it("lists nothing for a listener without extensions", async () => {
    const body = await call("DescribeDomainExtensions", await listener());
    expect(body.DomainExtensions).toEqual({ DomainExtension: [] });
  });

  it("describes one extension with ListenerPort as a number", async () => {
    const address = await listener();
    const id = await extension(address, "attr.example.com");
    const body = await call("DescribeDomainExtensionAttribute", { RegionId: address.RegionId, DomainExtensionId: id });
    expect(body).toEqual({
      RequestId: expect.any(String),
      DomainExtensionId: id,
      Domain: "attr.example.com",
      LoadBalancerId: address.LoadBalancerId,
      ListenerPort: address.ListenerPort,
      ServerCertificateId: emulator.seed.serverCertificateId,
    });
  });

  it("answers a missing DomainExtensionId with MissingParameter.DomainExtensionId", async () => {
    const e = await failureOf(call("DescribeDomainExtensionAttribute", { RegionId: emulator.seed.regionId }));
    expectFailure(e, "MissingParameter.DomainExtensionId", "The param DomainExtensionId is missing");
  });

  it("answers an unknown DomainExtensionId with InvalidParameter.DomainExtensionId", async () => {
    const e = await failureOf(
      call("DescribeDomainExtensionAttribute", { RegionId: emulator.seed.regionId, DomainExtensionId: "de-nope" }),
    );
    expectFailure(e, "InvalidParameter.DomainExtensionId", "The specified DomainExtensionId does not exist.");
  });

  it("does not find an extension from another region", async () => {
    const id = await extension(await listener(), "region.example.com");
    const e = await failureOf(
      call("DescribeDomainExtensionAttribute", { RegionId: "cn-beijing", DomainExtensionId: id }),
    );
    expectFailure(e, "InvalidParameter.DomainExtensionId", "The specified DomainExtensionId does not exist.");
  });

  it("shows the extensions in the listener's DescribeLoadBalancerHTTPSListenerAttribute", async () => {
    const address = await listener();
    const id = await extension(address, "*.listener.example.com");
    const body = await call("DescribeLoadBalancerHTTPSListenerAttribute", address);
    expect(body.DomainExtensions).toEqual({
      DomainExtension: [
        {
          DomainExtensionId: id,
          Domain: "*.listener.example.com",
          ServerCertificateId: emulator.seed.serverCertificateId,
        },
      ],
    });
  });
});

describe("SetDomainExtensionAttribute", () => {
  it("replaces the certificate, and only the certificate", async () => {
    const address = await listener();
    const id = await extension(address, "rotate.example.com");
    const rotated = emulator.seed.serverCertificateIds[1];
    const body = await call("SetDomainExtensionAttribute", {
      RegionId: address.RegionId,
      DomainExtensionId: id,
      ServerCertificateId: rotated,
      Domain: "ignored.example.com",
    });
    expect(Object.keys(body)).toEqual(["RequestId"]);
    const after = await call("DescribeDomainExtensionAttribute", { RegionId: address.RegionId, DomainExtensionId: id });
    expect(after).toMatchObject({ Domain: "rotate.example.com", ServerCertificateId: rotated });
  });

  it("answers an unknown DomainExtensionId with InvalidParameter.DomainExtensionId", async () => {
    const e = await failureOf(
      call("SetDomainExtensionAttribute", {
        RegionId: emulator.seed.regionId,
        DomainExtensionId: "de-nope",
        ServerCertificateId: emulator.seed.serverCertificateId,
      }),
    );
    expectFailure(e, "InvalidParameter.DomainExtensionId", "The specified DomainExtensionId does not exist.");
  });

  it("refuses an unknown certificate with InvalidParameter.ServerCertificateId and keeps the old one", async () => {
    const address = await listener();
    const id = await extension(address, "keep.example.com");
    const e = await failureOf(
      call("SetDomainExtensionAttribute", {
        RegionId: address.RegionId,
        DomainExtensionId: id,
        ServerCertificateId: "idkp-nope",
      }),
    );
    expectFailure(e, "InvalidParameter.ServerCertificateId", "The specified ServerCertificateId does not exist.");
    const after = await call("DescribeDomainExtensionAttribute", { RegionId: address.RegionId, DomainExtensionId: id });
    expect(after.ServerCertificateId).toBe(emulator.seed.serverCertificateId);
  });

  it("names a missing ServerCertificateId with MissingParameter", async () => {
    const id = await extension(await listener(), "missing.example.com");
    const e = await failureOf(
      call("SetDomainExtensionAttribute", { RegionId: emulator.seed.regionId, DomainExtensionId: id }),
    );
    expectFailure(e, "MissingParameter", SLB_ERRORS.missingParameter("ServerCertificateId").message);
  });
});

describe("DeleteDomainExtension", () => {
  it("deletes an extension; then it is not found", async () => {
    const address = await listener();
    const id = await extension(address, "gone.example.com");
    const body = await call("DeleteDomainExtension", { RegionId: address.RegionId, DomainExtensionId: id });
    expect(Object.keys(body)).toEqual(["RequestId"]);
    const e = await failureOf(
      call("DescribeDomainExtensionAttribute", { RegionId: address.RegionId, DomainExtensionId: id }),
    );
    expectFailure(e, "InvalidParameter.DomainExtensionId", "The specified DomainExtensionId does not exist.");
  });

  it("answers a second delete with InvalidParameter.DomainExtensionId", async () => {
    const address = await listener();
    const id = await extension(address, "twice.example.com");
    await call("DeleteDomainExtension", { RegionId: address.RegionId, DomainExtensionId: id });
    const e = await failureOf(call("DeleteDomainExtension", { RegionId: address.RegionId, DomainExtensionId: id }));
    expectFailure(e, "InvalidParameter.DomainExtensionId", "The specified DomainExtensionId does not exist.");
  });

  it("names a missing DomainExtensionId with MissingParameter.DomainExtensionId", async () => {
    const e = await failureOf(call("DeleteDomainExtension", { RegionId: emulator.seed.regionId }));
    expectFailure(e, "MissingParameter.DomainExtensionId", "The param DomainExtensionId is missing");
  });

  it("takes a listener's extensions with it when the listener is deleted", async () => {
    const address = await listener();
    const id = await extension(address, "with-listener.example.com");
    await call("DeleteLoadBalancerListener", { ...address, ListenerProtocol: "https" });
    const e = await failureOf(
      call("DescribeDomainExtensionAttribute", { RegionId: address.RegionId, DomainExtensionId: id }),
    );
    expectFailure(e, "InvalidParameter.DomainExtensionId", "The specified DomainExtensionId does not exist.");
  });
});

describe("domain extensions and the emulator's knobs", () => {
  it("counts the new actions at arrival", async () => {
    emulator.resetCalls();
    await call("DescribeDomainExtensions", await listener());
    await failureOf(call("DeleteDomainExtension", { RegionId: emulator.seed.regionId, DomainExtensionId: "de-x" }));
    expect(emulator.calls.get("DescribeDomainExtensions")).toBe(1);
    expect(emulator.calls.get("DeleteDomainExtension")).toBe(1);
  });

  it("answers a faulted CreateDomainExtension with DomainExtensionProcessing as documented", async () => {
    const address = await listener();
    emulator.faults.add({
      target: "CreateDomainExtension",
      kind: "error",
      code: "DomainExtensionProcessing",
      first: 1,
    });
    const e = await failureOf(extension(address, "fault.example.com"));
    expectFailure(
      e,
      "DomainExtensionProcessing",
      "A previous configuration of the DomainExtension is pending, please try again later.",
    );
    await expect(extension(address, "fault.example.com")).resolves.toMatch(/^de-/);
  });

  it("throttles the new actions like the others", async () => {
    const address = await listener();
    emulator.router.setRequestsPerSecond(1);
    await call("DescribeDomainExtensions", address);
    const e = await failureOf(call("DescribeDomainExtensions", address));
    expect(e.code).toBe("Throttling.User");
  });

  it("applies a configured quota", async () => {
    const one = await startAliyunEmulator({ lockMs: 0, domainExtensionQuota: 1 });
    try {
      const address = await listener(one);
      await extension(address, "q1.example.com", one.seed.serverCertificateId, one);
      const e = await failureOf(extension(address, "q2.example.com", one.seed.serverCertificateId, one));
      expectFailure(e, "DomainExtensionNumberOverLimit", "The maximum number of domain extensions is exceeded.");
    } finally {
      await one.close();
    }
  });
});

describe("domain extensions under the load balancer's configuration lock", () => {
  let locked: AliyunEmulator;
  beforeAll(async () => {
    locked = await startAliyunEmulator({ lockMs: 60_000 });
  });
  beforeEach(() => {
    locked.state.settle();
  });
  afterAll(async () => {
    await locked.close();
  });

  it("answers DomainExtensionProcessing while the load balancer is configuring, on create, set and delete", async () => {
    const address = await listener(locked);
    const busy = await failureOf(extension(address, "busy.example.com", locked.seed.serverCertificateId, locked));
    expectFailure(
      busy,
      "DomainExtensionProcessing",
      "A previous configuration of the DomainExtension is pending, please try again later.",
    );
    locked.state.settle();
    const id = await extension(address, "busy.example.com", locked.seed.serverCertificateId, locked);
    const set = await failureOf(
      call(
        "SetDomainExtensionAttribute",
        { RegionId: address.RegionId, DomainExtensionId: id, ServerCertificateId: locked.seed.serverCertificateIds[1] },
        locked,
      ),
    );
    expect(set.code).toBe("DomainExtensionProcessing");
    const del = await failureOf(
      call("DeleteDomainExtension", { RegionId: address.RegionId, DomainExtensionId: id }, locked),
    );
    expect(del.code).toBe("DomainExtensionProcessing");
  });

  it("refuses the extension reads with OperationBusy while busy when reads are refused, as the listener's Describe", async () => {
    const strict = await startAliyunEmulator({ lockMs: 60_000, refuseReadsWhileBusy: true });
    try {
      const address = await listener(strict);
      strict.state.settle();
      const id = await extension(address, "read.example.com", strict.seed.serverCertificateId, strict);
      const expected = SLB_ERRORS.operationBusy();
      const list = await failureOf(call("DescribeDomainExtensions", address, strict));
      expectFailure(list, expected.code, expected.message, expected.status);
      const one = await failureOf(
        call("DescribeDomainExtensionAttribute", { RegionId: address.RegionId, DomainExtensionId: id }, strict),
      );
      expectFailure(one, expected.code, expected.message, expected.status);
      strict.state.settle();
      const body = await call(
        "DescribeDomainExtensionAttribute",
        { RegionId: address.RegionId, DomainExtensionId: id },
        strict,
      );
      expect(body.DomainExtensionId).toBe(id);
    } finally {
      await strict.close();
    }
  });

  it("holds the lock for listener mutations after an extension changes", async () => {
    const address = await listener(locked);
    locked.state.settle();
    await extension(address, "then-listener.example.com", locked.seed.serverCertificateId, locked);
    const e = await failureOf(call("SetLoadBalancerHTTPSListenerAttribute", { ...address, Bandwidth: 10 }, locked));
    expect(e.code).toBe(SLB_ERRORS.operationBusy().code);
  });
});
