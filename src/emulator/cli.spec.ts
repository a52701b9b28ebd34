import { HELP, main, parseArgs } from "./cli";
import { readFileSync } from "node:fs";
import { startEmulators } from "./index";

describe("lb-emulator flags", () => {
  it("reads the Aliyun knobs and fault rules", () => {
    expect(
      parseArgs([
        "--aliyun-port",
        "0",
        "--aliyun-access-key=AK",
        "--aliyun-secret-key",
        "SK",
        "--aliyun-lock-ms",
        "50",
        "--aliyun-latency-ms=5",
        "--aliyun-rps",
        "20",
        "--fault",
        "StartLoadBalancerListener:error:ServiceIsConfiguring:400@first=2",
      ]),
    ).toEqual({
      emulators: {
        aliyun: { port: 0, accessKeyId: "AK", accessKeySecret: "SK", lockMs: 50, latencyMs: 5, requestsPerSecond: 20 },
        huawei: {},
      },
      faults: [
        { target: "StartLoadBalancerListener", kind: "error", code: "ServiceIsConfiguring", status: 400, first: 2 },
      ],
    });
  });

  it("reads the domain-extension quota", () => {
    expect(parseArgs(["--aliyun-domain-extension-quota", "10"]).emulators.aliyun).toEqual({ domainExtensionQuota: 10 });
  });

  it("rejects an unknown flag", () => {
    expect(() => parseArgs(["--aliyun-prot", "1"])).toThrow("unknown flag --aliyun-prot");
  });

  it("rejects a port that is not a number", () => {
    expect(() => parseArgs(["--aliyun-port", "x"])).toThrow('--aliyun-port needs a non-negative number, got "x"');
  });
});

describe("startEmulators", () => {
  it("reports the ready line members of the Aliyun emulator", async () => {
    const emulators = await startEmulators({ aliyun: {} });
    try {
      const ready = emulators.ready() as { aliyun: Record<string, unknown> };
      expect(Object.keys(ready)).toEqual(["aliyun"]);
      expect(ready.aliyun).toEqual({
        endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        regionId: "cn-hangzhou",
        loadBalancers: {
          public: expect.stringMatching(/^lb-/),
          private: expect.stringMatching(/^lb-/),
          shared: expect.stringMatching(/^lb-/),
        },
        serverCertificateId: expect.any(String),
        caCertificateId: expect.any(String),
        serverCertificateIds: [expect.stringMatching(/^idkp-/), expect.stringMatching(/^idkp-/)],
      });
      const aliyun = ready.aliyun as { serverCertificateId: string; serverCertificateIds: string[] };
      expect(aliyun.serverCertificateIds[0]).toBe(aliyun.serverCertificateId);
      expect(new Set(aliyun.serverCertificateIds).size).toBe(2);
    } finally {
      await emulators.close();
    }
  });
});

describe("lb-emulator --help", () => {
  it("prints usage without starting anything", async () => {
    const writes: string[] = [];
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      await main(["--help"]);
    } finally {
      spy.mockRestore();
    }
    expect(writes).toEqual([HELP]);
  });
  it("documents every flag the parser reads", () => {
    const source = readFileSync(require.resolve("./cli"), "utf8");
    const flags = [...source.matchAll(/case "(--[a-z-]+)":/g)].map((m) => m[1]);
    expect(flags.length).toBeGreaterThan(15);
    expect(flags.filter((flag) => !HELP.includes(flag))).toEqual([]);
  });
});
