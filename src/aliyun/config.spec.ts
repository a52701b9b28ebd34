import { ConfigError } from "../core/errors";
import {
  defaultEndpoint,
  requireRegion,
  resolveCredentials,
  resolveEndpoint,
  resolveRegion,
  resolveRequestTimeoutMs,
  resolveRetryBudgetMs,
} from "./config";

const stack =
  (values: Record<string, string>) =>
  (key: string): string | undefined =>
    values[key];

describe("resolveCredentials", () => {
  it("prefers stack config over the environment", () => {
    expect(
      resolveCredentials(stack({ "alicloud:accessKey": "AK", "alicloud:secretKey": "SK" }), {
        ALICLOUD_ACCESS_KEY: "envAK",
        ALICLOUD_SECRET_KEY: "envSK",
      }),
    ).toEqual({ accessKeyId: "AK", accessKeySecret: "SK" });
  });
  it("reads ALICLOUD_* variables", () => {
    expect(
      resolveCredentials(undefined, {
        ALICLOUD_ACCESS_KEY: "AK",
        ALICLOUD_SECRET_KEY: "SK",
        ALICLOUD_SECURITY_TOKEN: "T",
      }),
    ).toEqual({ accessKeyId: "AK", accessKeySecret: "SK", securityToken: "T" });
  });
  it("falls back to ALIBABA_CLOUD_* variables", () => {
    expect(
      resolveCredentials(undefined, { ALIBABA_CLOUD_ACCESS_KEY_ID: "AK", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "SK" }),
    ).toEqual({ accessKeyId: "AK", accessKeySecret: "SK" });
  });
  it("names the config key and both variables when the access key is missing", () => {
    expect(() => resolveCredentials(undefined, {})).toThrow(
      new ConfigError(
        "Alibaba Cloud access key is not set: set the stack config alicloud:accessKey (pulumi config set alicloud:accessKey ... --secret) or the environment variable ALICLOUD_ACCESS_KEY or ALIBABA_CLOUD_ACCESS_KEY_ID",
      ),
    );
  });
  it("names the config key and both variables when the secret key is missing", () => {
    expect(() => resolveCredentials(undefined, { ALICLOUD_ACCESS_KEY: "AK" })).toThrow(
      "Alibaba Cloud secret key is not set: set the stack config alicloud:secretKey (pulumi config set alicloud:secretKey ... --secret) or the environment variable ALICLOUD_SECRET_KEY or ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    );
  });
});

describe("region", () => {
  it("reads alicloud:region, then ALICLOUD_REGION", () => {
    expect(resolveRegion(stack({ "alicloud:region": "eu-central-1" }), { ALICLOUD_REGION: "cn-hangzhou" })).toBe(
      "eu-central-1",
    );
    expect(resolveRegion(undefined, { ALICLOUD_REGION: "cn-hangzhou" })).toBe("cn-hangzhou");
  });
  it("names the config key and variable when required and missing", () => {
    expect(() => requireRegion(undefined, {})).toThrow(
      "Alibaba Cloud region is not set: give the listener a regionId, set the stack config alicloud:region or the environment variable ALICLOUD_REGION",
    );
  });
});

describe("endpoint", () => {
  it("uses the central endpoint for central regions and the regional one elsewhere", () => {
    expect(defaultEndpoint("cn-hangzhou")).toBe("https://slb.aliyuncs.com");
    expect(defaultEndpoint("eu-central-1")).toBe("https://slb.eu-central-1.aliyuncs.com");
  });
  it("is overridden by ALICLOUD_SLB_ENDPOINT", () => {
    expect(resolveEndpoint("cn-hangzhou", { ALICLOUD_SLB_ENDPOINT: "http://127.0.0.1:8080/" })).toBe(
      "http://127.0.0.1:8080",
    );
  });
  it("reads the slb entry of alicloud:endpoints, a list of objects as @pulumi/alicloud declares it, over the variable", () => {
    const config = stack({ "alicloud:endpoints": JSON.stringify([{ slb: "http://127.0.0.1:9090/" }]) });
    expect(resolveEndpoint("cn-hangzhou", { ALICLOUD_SLB_ENDPOINT: "http://127.0.0.1:8080" }, config)).toBe(
      "http://127.0.0.1:9090",
    );
  });
  it("reaches an slb entry without a scheme over HTTPS, the alicloud provider's default protocol", () => {
    const config = stack({
      "alicloud:endpoints": JSON.stringify([{ ecs: "ecs.example" }, { slb: "slb.example.com" }]),
    });
    expect(resolveEndpoint("cn-hangzhou", {}, config)).toBe("https://slb.example.com");
    expect(resolveEndpoint("cn-hangzhou", {}, stack({ "alicloud:endpoints": '{"slb":"slb.example.com"}' }))).toBe(
      "https://slb.example.com",
    );
  });
  it("ignores alicloud:endpoints without an slb entry", () => {
    const config = stack({ "alicloud:endpoints": JSON.stringify([{ ecs: "ecs.example.com" }]) });
    expect(resolveEndpoint("eu-central-1", {}, config)).toBe("https://slb.eu-central-1.aliyuncs.com");
  });
  it("rejects alicloud:endpoints that is not a list of objects", () => {
    expect(() => resolveEndpoint("cn-hangzhou", {}, stack({ "alicloud:endpoints": "slb.example.com" }))).toThrow(
      'alicloud:endpoints must be a list of endpoint objects such as [{"slb": "slb.cn-hangzhou.aliyuncs.com"}], as ' +
        'for the alicloud provider, got "slb.example.com"',
    );
  });
  it("rejects an slb entry that is not a host or a URL", () => {
    expect(() => resolveEndpoint("cn-hangzhou", {}, stack({ "alicloud:endpoints": '[{"slb":"a b"}]' }))).toThrow(
      "the slb entry of alicloud:endpoints must be a host name such as slb.cn-hangzhou.aliyuncs.com or a base URL " +
        'such as http://127.0.0.1:8080, got "a b"',
    );
  });
  it("rejects an override that is not a URL", () => {
    expect(() => resolveEndpoint("cn-hangzhou", { ALICLOUD_SLB_ENDPOINT: "localhost" })).toThrow(
      'ALICLOUD_SLB_ENDPOINT must be a base URL such as http://127.0.0.1:8080, got "localhost"',
    );
  });
});

describe("resolveRetryBudgetMs", () => {
  it("defaults to five minutes", () => {
    expect(resolveRetryBudgetMs(undefined, {})).toBe(300_000);
  });
  it("reads pulumi-lb-listeners:retryBudgetSeconds, then ALICLOUD_RETRY_BUDGET_SECONDS", () => {
    expect(resolveRetryBudgetMs(stack({ "pulumi-lb-listeners:retryBudgetSeconds": "30" }), {})).toBe(30_000);
    expect(resolveRetryBudgetMs(undefined, { ALICLOUD_RETRY_BUDGET_SECONDS: "1.5" })).toBe(1_500);
  });
  it("rejects a value that is not a number of seconds", () => {
    expect(() => resolveRetryBudgetMs(undefined, { ALICLOUD_RETRY_BUDGET_SECONDS: "soon" })).toThrow(
      'pulumi-lb-listeners:retryBudgetSeconds / ALICLOUD_RETRY_BUDGET_SECONDS must be a number of seconds, got "soon"',
    );
  });
});

describe("resolveRequestTimeoutMs", () => {
  it("defaults to 15 seconds", () => {
    expect(resolveRequestTimeoutMs(undefined, {})).toBe(15_000);
  });
  it("reads pulumi-lb-listeners:requestTimeoutSeconds, then ALICLOUD_REQUEST_TIMEOUT_SECONDS", () => {
    expect(resolveRequestTimeoutMs(stack({ "pulumi-lb-listeners:requestTimeoutSeconds": "40" }), {})).toBe(40_000);
    expect(resolveRequestTimeoutMs(undefined, { ALICLOUD_REQUEST_TIMEOUT_SECONDS: "2.5" })).toBe(2_500);
  });
  it("rejects a value that is not a positive number of seconds", () => {
    expect(() => resolveRequestTimeoutMs(undefined, { ALICLOUD_REQUEST_TIMEOUT_SECONDS: "0" })).toThrow(
      'pulumi-lb-listeners:requestTimeoutSeconds / ALICLOUD_REQUEST_TIMEOUT_SECONDS must be a positive number of seconds, got "0"',
    );
  });
});
