/**
 * The client never lets a secret, a signature or the signed URL into an error.
 */
import type { AliyunEmulator } from "../emulator/aliyun";
import { startAliyunEmulator } from "../emulator/aliyun";
import { ApiError } from "../core/errors";
import { SlbClient, toApiError } from "./client";

const SECRET = "S3cr3t-Distinctive-Value-42";
let emulator: AliyunEmulator;

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0, accessKeySecret: SECRET });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.faults.clear());

async function failure(client: SlbClient, action = "DescribeLoadBalancerAttribute"): Promise<ApiError> {
  const error = await client.call(action, { RegionId: "cn-hangzhou", LoadBalancerId: "lb-x" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

function leaks(error: ApiError): string[] {
  const text = `${error.message}\n${error.stack ?? ""}\n${JSON.stringify(error)}`;
  return [SECRET, "Signature=", "SignatureNonce", "AccessKeyId=", emulator.endpoint].filter((s) => text.includes(s));
}

describe("SlbClient errors", () => {
  it("builds an API error from facts: action, code, status, message, request id", async () => {
    const client = new SlbClient({
      endpoint: emulator.endpoint,
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: SECRET,
    });
    const error = await failure(client);
    expect(error.message).toMatch(
      /^Alibaba Cloud SLB DescribeLoadBalancerAttribute failed: InvalidLoadBalancerId\.NotFound \(HTTP 404\): The specified LoadBalancerId does not exist\. \[request id [0-9A-F-]{36}\]$/,
    );
    expect(leaks(error)).toEqual([]);
  });

  it("keeps the signed URL and signature out of a signature failure", async () => {
    const client = new SlbClient({
      endpoint: emulator.endpoint,
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: "wrong",
    });
    const error = await failure(client);
    expect(error.code).toBe("SignatureDoesNotMatch");
    expect(leaks(error)).toEqual([]);
  });

  it("redacts the secret from a message the service echoes back", async () => {
    emulator.faults.add({
      target: "DescribeLoadBalancerAttribute",
      kind: "error",
      code: "Forbidden",
      message: `bad ${SECRET}`,
    });
    const client = new SlbClient({
      endpoint: emulator.endpoint,
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: SECRET,
    });
    const error = await failure(client);
    expect(error.apiMessage).toBe("bad ***");
    expect(leaks(error)).toEqual([]);
  });

  it.each(["reset", "html502", "stall"] as const)("keeps the URL out of a %s failure", async (kind) => {
    emulator.faults.add({ target: "DescribeLoadBalancerAttribute", kind, stallMs: 1000 });
    const client = new SlbClient({
      endpoint: emulator.endpoint,
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: SECRET,
      timeoutMs: 200,
    });
    expect(leaks(await failure(client))).toEqual([]);
  });

  it("turns an unreachable endpoint into ECONNREFUSED", async () => {
    const client = new SlbClient({ endpoint: "http://127.0.0.1:1", accessKeyId: "a", accessKeySecret: SECRET });
    expect((await failure(client)).code).toBe("ECONNREFUSED");
  });

  it("turns anything unrecognised into a NetworkError without its text", () => {
    const error = toApiError("A", new Error(`GET http://x/?Signature=abc&Secret=${SECRET} failed`), [SECRET]);
    expect(error.message).toBe(
      "Alibaba Cloud SLB A failed: NetworkError: the request failed without an answer from the service",
    );
  });
});
