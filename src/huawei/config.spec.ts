import { ConfigError } from "../core/errors";
import { cloudOf, endpointFor, readSettings, resolveTarget, retryBudgetMs } from "./config";

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
      "stack config huaweicloud:endpoint or environment variable HW_ELB_ENDPOINT must be a base URL such as http://127.0.0.1:8081",
    );
  });
});

describe("cloudOf and endpointFor", () => {
  it("honours an explicit cloud", () => {
    expect(cloudOf("eu-de", "huaweicloud")).toBe("huaweicloud");
    expect(() => cloudOf("eu-de", "aws")).toThrow(
      'stack config huaweicloud:cloud or environment variable HW_CLOUD must be "huaweicloud" or "opentelekomcloud", got "aws"',
    );
  });
  it("knows the Swiss Open Telekom Cloud endpoint", () => {
    expect(endpointFor("eu-ch2", cloudOf("eu-ch2", undefined))).toBe("https://elb.eu-ch2.sc.otc.t-systems.com");
  });
});

describe("retryBudgetMs", () => {
  it("defaults to five minutes and reads seconds", () => {
    expect(retryBudgetMs({})).toBe(300_000);
    expect(retryBudgetMs({ retryBudgetSeconds: "30" })).toBe(30_000);
    expect(() => retryBudgetMs({ retryBudgetSeconds: "-1" })).toThrow(
      'stack config huaweicloud:retryBudgetSeconds or environment variable HW_RETRY_BUDGET_SECONDS must be a positive number of seconds, got "-1"',
    );
  });
});
