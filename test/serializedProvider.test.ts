/**
 * The `__provider` text `dynamic.Resource` stores for both resources: small, path-independent and secret-free,
 * because the shim only requires its kind's host module from the installed package by name.
 */
import { ElbListener, HttpsListener } from "../src";
import { hostModule, type ProviderKind } from "../src/providerShim";
import { REPO_ROOT } from "./support/scratch";
import { serializedProviders } from "./support/serialize";

const SECRET = "shim-secret-Zq81xK0pW3";

async function shimTexts(): Promise<Map<string, string>> {
  process.env.ALICLOUD_SECRET_KEY = SECRET;
  process.env.HW_SECRET_KEY = SECRET;
  try {
    return await serializedProviders(() => {
      new HttpsListener("web", {
        loadBalancerId: "lb-1",
        listenerPort: 443,
        bandwidth: 10,
        healthCheck: "off",
        serverCertificateId: "cert-1",
        stickySession: "off",
      });
      new ElbListener("api", {
        name: "api",
        loadbalancerId: "elb-1",
        protocol: "HTTP",
        port: 80,
        backendProtocol: "HTTP",
        backendPort: 8080,
        lbAlgorithm: "roundrobin",
      });
    });
  } finally {
    delete process.env.ALICLOUD_SECRET_KEY;
    delete process.env.HW_SECRET_KEY;
  }
}

describe("the serialized provider of HttpsListener and ElbListener", () => {
  it("is under 4 KB for each resource kind", async () => {
    const texts = await shimTexts();
    expect([...texts.keys()].sort()).toEqual([
      "pulumi-nodejs:dynamic/aliyun:HttpsListener",
      "pulumi-nodejs:dynamic/huawei:ElbListener",
    ]);
    for (const text of texts.values()) expect(Buffer.byteLength(text)).toBeLessThan(4096);
  });

  it("names the installed package and its kind, and nothing of the source tree", async () => {
    const texts = await shimTexts();
    for (const [type, text] of texts) {
      expect(text).toContain("require(this.module)");
      expect(text).toContain(
        `module: ${JSON.stringify(hostModule(type.slice("pulumi-nodejs:dynamic/".length) as ProviderKind))}`,
      );
      expect(text).not.toContain(REPO_ROOT);
      expect(text).not.toMatch(/["'`](\/|[A-Za-z]:\\)/);
    }
  });

  it("holds no secret from the environment", async () => {
    const texts = await shimTexts();
    for (const text of texts.values()) expect(text).not.toContain(SECRET);
  });
});
