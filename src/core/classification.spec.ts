/**
 * Each cloud classifies its errors in one place, `src/<cloud>/errors.ts`: what to do with an error (classify), whether
 * it is the load balancer's lock (the pacer learns from it) and whether a failed call may have taken effect (a create
 * is looked for before it is sent again: core's one `outcomeUnknown` over the cloud's codes of an exchange without a
 * usable answer, bound into the cloud's Classifier). The providers and clients hold no code-to-behaviour table of
 * their own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as aliyun from "../aliyun/errors";
import { ApiError, outcomeUnknown } from "./errors";
import * as huawei from "../huawei/errors";

const ali = (code: string, status?: number): ApiError =>
  new ApiError({ cloud: "aliyun", action: "CreateLoadBalancerHTTPSListener", code, status, apiMessage: "m" });
const hw = (code: string, status?: number): ApiError =>
  new ApiError({ cloud: "huawei", action: "POST /v1.0/{project_id}/elbaas/listeners", code, status, apiMessage: "m" });

describe("Aliyun errors.ts", () => {
  it.each(["OperationBusy", "ServiceIsConfiguring", "SystemBusy", "OperationFailed.ListenerStatusNotSupport"])(
    "names %s a load-balancer lock, and retries it",
    (code) => {
      expect(aliyun.isLoadBalancerBusy(ali(code, 400))).toBe(true);
      expect(aliyun.classify(ali(code, 400))).toBe("retry");
    },
  );

  it("does not name throttling, a 5xx or a Huawei ELB.1015 a lock", () => {
    expect(aliyun.isLoadBalancerBusy(ali("Throttling.User", 400))).toBe(false);
    expect(aliyun.isLoadBalancerBusy(ali("ServiceUnavailable", 503))).toBe(false);
    expect(aliyun.isLoadBalancerBusy(hw("ELB.1015", 400))).toBe(false);
  });

  it("calls the outcome unknown after a reset, a timeout, a non-JSON answer or a 5xx, and known after a 4xx", () => {
    for (const e of [ali("ECONNRESET"), ali("RequestTimeout"), ali("InvalidResponse"), ali("InternalError", 500)]) {
      expect(aliyun.ALIYUN_CLASSIFIER.outcomeUnknown(e)).toBe(true);
    }
    expect(aliyun.ALIYUN_CLASSIFIER.outcomeUnknown(ali("InvalidParameter", 400))).toBe(false);
    expect(aliyun.ALIYUN_CLASSIFIER.outcomeUnknown(ali("Throttling.User", 400))).toBe(false);
  });
});

describe("Huawei errors.ts", () => {
  it("names ELB.1015 a load-balancer lock, and retries it", () => {
    expect(huawei.isLoadBalancerBusy(hw("ELB.1015", 400))).toBe(true);
    expect(huawei.classify(hw("ELB.1015", 400))).toBe("retry");
  });

  it("does not name throttling, a 5xx or an Aliyun OperationBusy a lock", () => {
    expect(huawei.isLoadBalancerBusy(hw("APIGW.0308", 429))).toBe(false);
    expect(huawei.isLoadBalancerBusy(hw("ELB.0004", 500))).toBe(false);
    expect(huawei.isLoadBalancerBusy(ali("OperationBusy", 400))).toBe(false);
  });

  it("calls the outcome unknown after a reset, a timeout, a non-JSON answer or a 5xx, and known after a 4xx", () => {
    for (const e of [hw("ECONNRESET"), hw("ETIMEDOUT"), hw("NON_JSON_RESPONSE", 502), hw("ELB.0004", 500)]) {
      expect(huawei.HUAWEI_CLASSIFIER.outcomeUnknown(e)).toBe(true);
    }
    expect(huawei.HUAWEI_CLASSIFIER.outcomeUnknown(hw("ELB.1001", 400))).toBe(false);
    expect(huawei.HUAWEI_CLASSIFIER.outcomeUnknown(hw("APIGW.0308", 429))).toBe(false);
  });
});

describe("the providers and clients of both clouds", () => {
  const TABLE = /status\s*(>=|===)\s*(500|429|409)|new Set[^;]*_CODES\.|BUSY_CODES|RETRYABLE|GONE_CODES/;
  it.each([
    "aliyun/provider.ts",
    "aliyun/client.ts",
    "aliyun/domainExtension/provider.ts",
    "huawei/provider.ts",
    "huawei/client.ts",
    "huawei/create.ts",
    "huawei/elbV3/provider.ts",
    "core/createOnce.ts",
  ])("%s holds no code-to-behaviour table of its own", (file) => {
    const text = readFileSync(join(__dirname, "..", file), "utf8");
    expect(text).not.toMatch(TABLE);
  });
});

describe("outcomeUnknown on both clouds", () => {
  it.each([
    ["aliyun", aliyun.ALIYUN_CLASSIFIER.outcomeUnknown],
    ["huawei", huawei.HUAWEI_CLASSIFIER.outcomeUnknown],
  ])("%s calls the outcome of an error that is not an API answer unknown", (_cloud, outcomeUnknown) => {
    expect(outcomeUnknown(new Error("socket hang up"))).toBe(true);
    expect(outcomeUnknown("not even an error")).toBe(true);
  });
});

describe("core outcomeUnknown", () => {
  const noAnswer = new Set(["ECONNRESET", "NO_ANSWER"]);

  it("calls the outcome unknown for a code of the cloud's no-answer codes, with or without a status", () => {
    expect(outcomeUnknown(hw("ECONNRESET"), noAnswer)).toBe(true);
    expect(outcomeUnknown(ali("NO_ANSWER", 502), noAnswer)).toBe(true);
  });

  it("calls the outcome unknown for any 5xx answer", () => {
    expect(outcomeUnknown(hw("ELB.0004", 500), noAnswer)).toBe(true);
    expect(outcomeUnknown(ali("ServiceUnavailable", 503), noAnswer)).toBe(true);
  });

  it("calls the outcome known for a 4xx answer and for a code without an answer that the cloud does not name", () => {
    expect(outcomeUnknown(hw("ELB.6101", 400), noAnswer)).toBe(false);
    expect(outcomeUnknown(ali("Throttling.User", 429), noAnswer)).toBe(false);
    expect(outcomeUnknown(ali("ENOTFOUND"), noAnswer)).toBe(false);
  });

  it("calls the outcome of an error that is not an API answer unknown", () => {
    expect(outcomeUnknown(new Error("socket hang up"), noAnswer)).toBe(true);
  });
});
