import { ConfigError } from "../core/errors";
import { cloudDomain, endpointFor, readSettings, resolveTarget, retryBudgetMs } from "./config";

const KEYS = { HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "SK", HW_REGION_NAME: "eu-de", HW_PROJECT_ID: "p1" };

describe("readSettings", () => {
  it("prefers the stack configuration over the environment", () => {
    const config = { get: (k: string) => (k === "huaweicloud:region" ? "eu-nl" : undefined) };
    expect(readSettings(config, KEYS)).toMatchObject({ region: "eu-nl", accessKey: "AK" });
  });
});

describe("resolveTarget", () => {
  it("picks Open Telekom Cloud for its regions", () => {
    expect(resolveTarget(readSettings(undefined, KEYS)).baseUrl).toBe("https://elb.eu-de.otc.t-systems.com");
  });
  it("picks Huawei Cloud for other regions", () => {
    expect(resolveTarget(readSettings(undefined, KEYS), "cn-north-4").baseUrl).toBe(
      "https://elb.cn-north-4.myhuaweicloud.com",
    );
  });
  it("lets HW_ELB_ENDPOINT override the endpoint", () => {
    const t = resolveTarget(readSettings(undefined, { ...KEYS, HW_ELB_ENDPOINT: "http://127.0.0.1:8081/" }));
    expect(t.baseUrl).toBe("http://127.0.0.1:8081");
  });
  it("lets the resource's region and project win", () => {
    expect(resolveTarget(readSettings(undefined, KEYS), "eu-nl", "p2")).toMatchObject({
      region: "eu-nl",
      projectId: "p2",
    });
  });
  it("prefers a token when one is configured", () => {
    expect(resolveTarget(readSettings(undefined, { ...KEYS, HW_AUTH_TOKEN: "t" })).credentials).toEqual({
      kind: "token",
      token: "t",
    });
  });
  it("names the config key and the variable of a missing region", () => {
    expect(() => resolveTarget(readSettings(undefined, { ...KEYS, HW_REGION_NAME: undefined }))).toThrow(
      new ConfigError(
        "Huawei Cloud region is missing: set the region input, or stack config huaweicloud:region or environment variable HW_REGION_NAME",
      ),
    );
  });
  it("names the config key and the variable of a missing project", () => {
    expect(() => resolveTarget(readSettings(undefined, { ...KEYS, HW_PROJECT_ID: undefined }))).toThrow(
      "Huawei Cloud project ID is missing: set the projectId input, or stack config huaweicloud:projectId or environment variable HW_PROJECT_ID",
    );
  });
  it("names only the missing half of a key pair", () => {
    expect(() => resolveTarget(readSettings(undefined, { ...KEYS, HW_SECRET_KEY: undefined }))).toThrow(
      "Huawei Cloud credentials are missing: set stack config huaweicloud:secretKey or environment variable HW_SECRET_KEY (or an IAM token in stack config huaweicloud:token or environment variable HW_AUTH_TOKEN)",
    );
  });
  it("rejects an endpoint that is not a URL without echoing it", () => {
    expect(() => resolveTarget(readSettings(undefined, { ...KEYS, HW_ELB_ENDPOINT: "user:pw@nowhere" }))).toThrow(
      "the elb entry of stack config huaweicloud:endpoints or environment variable HW_ELB_ENDPOINT must be a base URL such as http://127.0.0.1:8081",
    );
  });
  it("reads the elb entry of the huaweicloud provider's endpoints map over HW_ELB_ENDPOINT", () => {
    const config = {
      get: (k: string) => (k === "huaweicloud:endpoints" ? '{"ecs":"x","elb":"http://127.0.0.1:9091/"}' : undefined),
    };
    const t = resolveTarget(readSettings(config, { ...KEYS, HW_ELB_ENDPOINT: "http://127.0.0.1:8081" }));
    expect(t.baseUrl).toBe("http://127.0.0.1:9091");
  });
  it("reaches an elb entry without a scheme over HTTPS, as the huaweicloud provider does", () => {
    const config = { get: (k: string) => (k === "huaweicloud:endpoints" ? '{"elb":"elb.example.com"}' : undefined) };
    expect(resolveTarget(readSettings(config, KEYS)).baseUrl).toBe("https://elb.example.com");
  });
  it("falls back to HW_ELB_ENDPOINT when the endpoints map has no elb entry", () => {
    const config = { get: (k: string) => (k === "huaweicloud:endpoints" ? '{"ecs":"ecs.example.com"}' : undefined) };
    const t = resolveTarget(readSettings(config, { ...KEYS, HW_ELB_ENDPOINT: "http://127.0.0.1:8081" }));
    expect(t.baseUrl).toBe("http://127.0.0.1:8081");
  });
  it("rejects an endpoints value that is not a map", () => {
    const config = { get: (k: string) => (k === "huaweicloud:endpoints" ? "elb.example.com" : undefined) };
    expect(() => readSettings(config, KEYS)).toThrow(
      'stack config huaweicloud:endpoints must be a map of service to endpoint such as {"elb": "https://elb.eu-de.otc.t-systems.com"}, as for the huaweicloud provider',
    );
  });
  it("reads the retry budget and request timeout from the package's own namespace", () => {
    const values: Record<string, string> = {
      "pulumi-lb-listeners:retryBudgetSeconds": "7",
      "pulumi-lb-listeners:requestTimeoutSeconds": "3",
    };
    const settings = readSettings({ get: (k: string) => values[k] }, KEYS);
    expect(retryBudgetMs(settings)).toBe(7_000);
    expect(resolveTarget(settings).requestTimeoutMs).toBe(3_000);
  });
});

describe("cloudDomain and endpointFor", () => {
  it("takes the endpoints' domain, as the huaweicloud provider's cloud / HW_CLOUD does", () => {
    expect(endpointFor("eu-de", cloudDomain("eu-de", "otc.t-systems.com"))).toBe("https://elb.eu-de.otc.t-systems.com");
    expect(endpointFor("cn-north-4", cloudDomain("cn-north-4", "myhuaweicloud.com"))).toBe(
      "https://elb.cn-north-4.myhuaweicloud.com",
    );
    expect(resolveTarget(readSettings(undefined, { ...KEYS, HW_CLOUD: "otc.t-systems.com" })).baseUrl).toBe(
      "https://elb.eu-de.otc.t-systems.com",
    );
  });
  it("still takes the names huaweicloud and opentelekomcloud", () => {
    expect(cloudDomain("eu-de", "huaweicloud")).toBe("myhuaweicloud.com");
    expect(cloudDomain("cn-north-4", "opentelekomcloud")).toBe("otc.t-systems.com");
    expect(cloudDomain("eu-ch2", "opentelekomcloud")).toBe("sc.otc.t-systems.com");
  });
  it("rejects a value that is neither a domain nor one of the two names", () => {
    expect(() => cloudDomain("eu-de", "aws")).toThrow(
      'stack config huaweicloud:cloud or environment variable HW_CLOUD must be the endpoints\' domain, such as myhuaweicloud.com or otc.t-systems.com, got "aws"',
    );
  });
  it("chooses by region without it", () => {
    expect(cloudDomain("eu-nl", undefined)).toBe("otc.t-systems.com");
    expect(cloudDomain("eu-west-101", undefined)).toBe("myhuaweicloud.eu");
    expect(cloudDomain("ap-southeast-1", undefined)).toBe("myhuaweicloud.com");
  });
  it("knows the Swiss Open Telekom Cloud endpoint", () => {
    expect(endpointFor("eu-ch2", cloudDomain("eu-ch2", undefined))).toBe("https://elb.eu-ch2.sc.otc.t-systems.com");
  });
});

describe("retryBudgetMs", () => {
  it("defaults to five minutes and reads seconds", () => {
    expect(retryBudgetMs({})).toBe(300_000);
    expect(retryBudgetMs({ retryBudgetSeconds: "30" })).toBe(30_000);
    expect(() => retryBudgetMs({ retryBudgetSeconds: "-1" })).toThrow(
      'stack config pulumi-lb-listeners:retryBudgetSeconds or environment variable HW_RETRY_BUDGET_SECONDS must be a positive number of seconds, got "-1"',
    );
  });
});
