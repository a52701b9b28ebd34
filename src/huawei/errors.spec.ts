/**
 * classify against the emulator raising each code, through the real client (signed axios over HTTP).
 */
import { ApiError, type ErrorBehaviour } from "../core/errors";
import { RetryBudgetExceededError } from "../core/retry";
import { startHuaweiEmulator, type HuaweiEmulator } from "../emulator/huawei";
import type { FaultKind } from "../emulator/faults";
import { ElbClient, ElbV3Client, networkError } from "./client";
import { V3_ROUTES } from "./constants";
import { classify, isLoadBalancerBusy } from "./errors";
import { apiFailure as failure, clientFor, emulatorTarget } from "./testing";

let emu: HuaweiEmulator;
let client: ElbClient;

beforeAll(async () => {
  emu = await startHuaweiEmulator({ lockMs: 0, pendingCreateReads: 0, listenerQuota: 1 });
  client = clientFor(emu, 300);
});
afterAll(() => emu.close());
beforeEach(() => emu.faults.clear());

const getLb = () => client.getLoadBalancer(emu.seed.loadBalancers.public);

const INJECTED: readonly [string, number | undefined, ErrorBehaviour][] = [
  ["APIGW.0308", undefined, "retry"],
  ["ELB.1015", undefined, "retry"],
  ["ELB.0004", 500, "retry"],
  ["ELB.9999", 503, "retry"],
  ["ELB.1234", 409, "retry"],
  ["ELB.6002", 503, "gone"],
  ["ELB.1002", undefined, "gone"],
  ["ELB.6101", undefined, "conflict"],
  ["ELB.6091", undefined, "fatal"],
  ["ELB.1001", undefined, "fatal"],
  ["APIGW.0301", undefined, "fatal"],
  ["APIGW.0302", undefined, "fatal"],
  ["APIGW.0101", undefined, "fatal"],
];

describe("classify with codes the emulator raises", () => {
  it.each(INJECTED)("classifies %s (HTTP %s) as %s", async (code, status, behaviour) => {
    emu.faults.add({ target: "GET /loadbalancers/{id}", kind: "error", code, status, first: 1 });
    const error = await failure(getLb);
    expect(error.code).toBe(code);
    expect(classify(error)).toBe(behaviour);
  });

  it.each<[FaultKind, string]>([
    ["reset", "ECONNRESET"],
    ["stall", "ETIMEDOUT"],
    ["html502", "NON_JSON_RESPONSE"],
  ])("retries a %s as %s", async (kind, code) => {
    emu.faults.add({ target: "GET /loadbalancers/{id}", kind, stallMs: 2000, first: 1 });
    const error = await failure(getLb);
    expect(error.code).toBe(code);
    expect(classify(error)).toBe("retry");
  });

  it("treats a missing listener (ELB.6002, 404 on GET) as gone", async () => {
    const error = await failure(() => client.getListener("0123456789abcdef"));
    expect([error.code, error.status]).toEqual(["ELB.6002", 404]);
    expect(classify(error)).toBe("gone");
  });

  it("treats a deleted listener (ELB.6002, 503 on DELETE) as gone", async () => {
    const error = await failure(() => client.deleteListener("0123456789abcdef"));
    expect([error.code, error.status]).toEqual(["ELB.6002", 503]);
    expect(classify(error)).toBe("gone");
  });

  it("treats the listener quota (ELB.6091, 403) as fatal", async () => {
    const body = {
      name: "q",
      loadbalancer_id: emu.seed.loadBalancers.private,
      protocol: "TCP",
      port: 1,
      backend_protocol: "TCP",
      backend_port: 1,
      lb_algorithm: "roundrobin",
    };
    await client.createListener(body);
    const error = await failure(() => client.createListener({ ...body, port: 2 }));
    expect([error.code, error.status]).toEqual(["ELB.6091", 403]);
    expect(classify(error)).toBe("fatal");
  });

  it("treats a refused signature (APIGW.0301, 401) as fatal", async () => {
    const wrong = new ElbClient({
      baseUrl: emu.endpoint,
      region: "eu-de",
      projectId: emu.seed.projectId,
      credentials: { kind: "aksk", accessKey: emu.accessKey, secretKey: "not-the-secret" },
      requestTimeoutMs: 300,
    });
    const error = await failure(() => wrong.getLoadBalancer(emu.seed.loadBalancers.public));
    expect([error.code, error.status]).toEqual(["APIGW.0301", 401]);
    expect(classify(error)).toBe("fatal");
  });

  it("treats a host name that does not resolve as fatal (a wrong region or endpoint), a DNS retry as retryable", () => {
    const notFound = networkError("GET /x", Object.assign(new Error("getaddrinfo"), { code: "ENOTFOUND" }), 30_000);
    expect(notFound.message).toBe(
      "Huawei Cloud ELB GET /x failed: ENOTFOUND: the endpoint's host name does not resolve: check the region, " +
        "huaweicloud:cloud or HW_ELB_ENDPOINT",
    );
    expect(classify(notFound)).toBe("fatal");
    expect(classify(networkError("GET /x", { code: "EAI_AGAIN" }, 30_000))).toBe("retry");
  });

  it("never retries what is not a Huawei API error", () => {
    expect(classify(new Error("x"))).toBe("fatal");
    expect(classify(new RetryBudgetExceededError(new Error("x"), 3, 1000))).toBe("fatal");
    expect(classify(new ApiError({ cloud: "aliyun", action: "A", code: "ELB.1015", apiMessage: "m" }))).toBe("fatal");
  });
});

describe("classify with the dedicated ELB v3 codes the emulator raises", () => {
  const v3For = (e: HuaweiEmulator): ElbV3Client => new ElbV3Client(emulatorTarget(e, 300));
  const tcp = (loadbalancerId: string, port: number): object => ({
    listener: { loadbalancer_id: loadbalancerId, protocol: "TCP", protocol_port: port },
  });

  it("treats an invalid input (ELB.8902, 400) as fatal", async () => {
    const error = await failure(() =>
      v3For(emu).createListener({
        listener: { loadbalancer_id: emu.seed.dedicated.l4l7, protocol: "TCP", protocol_port: 70000 },
      }),
    );
    expect([error.code, error.status, error.apiMessage]).toEqual([
      "ELB.8902",
      400,
      "Invalid input for 'protocol_port'.",
    ]);
    expect(classify(error)).toBe("fatal");
  });

  it("treats a missing listener (ELB.8904, 404 in the v3 service's body) as gone", async () => {
    const error = await failure(() => v3For(emu).getListener("0123456789abcdef"));
    expect([error.code, error.status, error.apiMessage]).toEqual([
      "ELB.8904",
      404,
      "listener 0123456789abcdef could not be found.",
    ]);
    expect(classify(error)).toBe("gone");
  });

  it("treats a gateway 404 on a v3 route (APIGW.0101, not the ELB service's body) as fatal", async () => {
    emu.faults.add({ target: V3_ROUTES.getListener, kind: "error", code: "APIGW.0101", status: 404, first: 1 });
    const error = await failure(() => v3For(emu).getListener("0123456789abcdef"));
    expect([error.code, error.status]).toEqual(["APIGW.0101", 404]);
    expect(classify(error)).toBe("fatal");
  });

  it("treats the listener quota (ELB.8905, 409) as fatal, not as a retried 409", async () => {
    const v3 = v3For(emu);
    const first = await v3.createListener(tcp(emu.seed.dedicated.l4, 1));
    try {
      const error = await failure(() => v3.createListener(tcp(emu.seed.dedicated.l4, 2)));
      expect([error.code, error.status, error.apiMessage]).toEqual([
        "ELB.8905",
        409,
        "Quota exceeded for resources: ['listener']",
      ]);
      expect(classify(error)).toBe("fatal");
    } finally {
      emu.v3.deleteOutOfBand(first.id);
    }
  });

  it("treats a port in use (ELB.8907, 409, message names protocol_port) as conflict", async () => {
    const wide = await startHuaweiEmulator({ lockMs: 0, pendingCreateReads: 0 });
    try {
      const v3 = v3For(wide);
      await v3.createListener(tcp(wide.seed.dedicated.l4, 80));
      const error = await failure(() => v3.createListener(tcp(wide.seed.dedicated.l4, 80)));
      expect([error.code, error.status, error.apiMessage]).toEqual([
        "ELB.8907",
        409,
        `Load Balancer ${wide.seed.dedicated.l4} already has a listener with protocol_port of 80.`,
      ]);
      expect(classify(error)).toBe("conflict");
      expect(isLoadBalancerBusy(error)).toBe(false);
    } finally {
      await wide.close();
    }
  });

  it("retries a load balancer that is not ACTIVE (ELB.8907, 409, no protocol_port) as busy", async () => {
    emu.v3.setProvisioningStatus(emu.seed.dedicated.l7, "PENDING_UPDATE");
    try {
      const error = await failure(() =>
        v3For(emu).createListener({
          listener: { loadbalancer_id: emu.seed.dedicated.l7, protocol: "HTTP", protocol_port: 80 },
        }),
      );
      expect([error.code, error.status, error.apiMessage]).toEqual([
        "ELB.8907",
        409,
        `Load Balancer ${emu.seed.dedicated.l7} is immutable and cannot be updated.`,
      ]);
      expect(classify(error)).toBe("retry");
      expect(isLoadBalancerBusy(error)).toBe(true);
    } finally {
      emu.v3.setProvisioningStatus(emu.seed.dedicated.l7, undefined);
    }
  });

  it("treats a feature not supported (ELB.8962, 403) as fatal", async () => {
    const error = await failure(() =>
      v3For(emu).createListener({
        listener: { loadbalancer_id: emu.seed.dedicated.l4l7, protocol: "QUIC", protocol_port: 443 },
      }),
    );
    expect([error.code, error.status, error.apiMessage]).toEqual(["ELB.8962", 403, "The feature is not supported."]);
    expect(classify(error)).toBe("fatal");
  });
});
