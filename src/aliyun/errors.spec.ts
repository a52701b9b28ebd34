/**
 * classify against the emulator raising each code, through the real client (pop-core over HTTP).
 */
import { ApiError } from "../core/errors";
import type { ErrorBehaviour } from "../core/errors";
import { RetryBudgetExceededError } from "../core/retry";
import type { AliyunEmulator } from "../emulator/aliyun";
import { startAliyunEmulator } from "../emulator/aliyun";
import type { FaultRule } from "../emulator/faults";
import { SlbClient, toApiError } from "./client";
import { classify } from "./errors";
import { clientFor } from "./testing";

let emulator: AliyunEmulator;
let client: SlbClient;

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0 });
  client = clientFor(emulator, 300);
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.faults.clear());

const DESCRIBE = "DescribeLoadBalancerHTTPSListenerAttribute";

async function errorOf(action: string, fault?: Omit<FaultRule, "target">): Promise<unknown> {
  if (fault) emulator.faults.add({ target: action, ...fault });
  try {
    await client.call(action, {
      RegionId: emulator.seed.regionId,
      LoadBalancerId: emulator.seed.loadBalancers.public,
      ListenerPort: 1,
    });
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

const CODES: readonly [string, string, number | undefined, ErrorBehaviour][] = [
  ["Throttling.User", DESCRIBE, undefined, "retry"],
  ["Throttling", DESCRIBE, 400, "retry"],
  ["OperationBusy", "StartLoadBalancerListener", undefined, "retry"],
  ["ServiceIsConfiguring", "StartLoadBalancerListener", undefined, "retry"],
  ["SystemBusy", "SetLoadBalancerHTTPSListenerAttribute", undefined, "retry"],
  ["OperationFailed.ListenerStatusNotSupport", "SetLoadBalancerHTTPSListenerAttribute", undefined, "retry"],
  ["ServiceUnavailable", DESCRIBE, undefined, "retry"],
  ["InternalError", DESCRIBE, undefined, "retry"],
  ["SomethingNew", DESCRIBE, 502, "retry"],
  ["TooManyRequests", DESCRIBE, 429, "retry"],
  ["InvalidLoadBalancerId.NotFound", DESCRIBE, undefined, "gone"],
  ["ListenerNotFound", DESCRIBE, undefined, "gone"],
  ["ListenerNotFound", "DeleteLoadBalancerListener", undefined, "gone"],
  ["InvalidLoadBalancerId.NotFound", "DeleteLoadBalancerListener", undefined, "gone"],
  // Gone needs the service's proof on a describe as on a delete: an InvalidParameter without the not-found message is
  // a parameter problem, and a refresh must keep the listener.
  ["InvalidParameter", DESCRIBE, undefined, "fatal"],
  // A delete refused for a parameter problem is not proof that the listener is gone.
  ["InvalidParameter", "DeleteLoadBalancerListener", undefined, "fatal"],
  ["InvalidParameter", "CreateLoadBalancerHTTPSListener", undefined, "fatal"],
  ["ListenerAlreadyExists", "CreateLoadBalancerHTTPSListener", undefined, "conflict"],
  ["QuotaExceeded.Listener", "CreateLoadBalancerHTTPSListener", undefined, "fatal"],
  ["Forbidden", "CreateLoadBalancerHTTPSListener", undefined, "fatal"],
  ["MissingParameter", "CreateLoadBalancerHTTPSListener", 400, "fatal"],
];

describe("classify", () => {
  it.each(CODES)("treats %s from %s (status %s) as %s", async (code, action, status, behaviour) => {
    const error = await errorOf(action, { kind: "error", code, status, first: 1 });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(code);
    expect(classify(error)).toBe(behaviour);
  });

  it("treats the real unknown-listener answer as gone", async () => {
    const error = await errorOf(DESCRIBE);
    expect((error as ApiError).apiMessage).toBe("The specified resource does not exist.");
    expect(classify(error)).toBe("gone");
  });

  it("treats a wrong secret (SignatureDoesNotMatch) as fatal", async () => {
    const bad = new SlbClient({ endpoint: emulator.endpoint, accessKeyId: emulator.accessKeyId, accessKeySecret: "x" });
    const error = await bad.call(DESCRIBE, {}).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe("SignatureDoesNotMatch");
    expect(classify(error)).toBe("fatal");
  });

  it("treats an unknown access key as fatal", async () => {
    const bad = new SlbClient({ endpoint: emulator.endpoint, accessKeyId: "LTAIx", accessKeySecret: "x" });
    const error = await bad.call(DESCRIBE, {}).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe("InvalidAccessKeyId.NotFound");
    expect(classify(error)).toBe("fatal");
  });

  it.each([
    ["reset", "ECONNRESET"],
    ["html502", "InvalidResponse"],
    ["stall", "RequestTimeout"],
  ] as const)("treats a %s as a retryable network error %s", async (kind, code) => {
    const error = await errorOf(DESCRIBE, { kind, first: 1, stallMs: 2000 });
    expect((error as ApiError).code).toBe(code);
    expect((error as ApiError).message).toMatch(new RegExp(`^Alibaba Cloud SLB ${DESCRIBE} failed: ${code}: `));
    expect(classify(error)).toBe("retry");
  });

  it("treats a host name that does not resolve as fatal (a wrong region or endpoint), a DNS retry as retryable", () => {
    const notFound = toApiError(DESCRIBE, Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }), []);
    expect(notFound.message).toBe(
      `Alibaba Cloud SLB ${DESCRIBE} failed: ENOTFOUND: the endpoint's host name does not resolve: check the region ` +
        "or ALICLOUD_SLB_ENDPOINT",
    );
    expect(classify(notFound)).toBe("fatal");
    const again = toApiError(DESCRIBE, Object.assign(new Error("getaddrinfo EAI_AGAIN"), { code: "EAI_AGAIN" }), []);
    expect(classify(again)).toBe("retry");
  });

  it("treats errors that are not API errors as fatal", () => {
    expect(classify(new Error("boom"))).toBe("fatal");
    expect(classify(new RetryBudgetExceededError(new Error("x"), 3, 1000))).toBe("fatal");
  });
});
