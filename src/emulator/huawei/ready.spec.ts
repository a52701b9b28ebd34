import { parseArgs } from "../cli";
import { startEmulators } from "../index";

describe("lb-emulator Huawei flags", () => {
  it("reads the Huawei knobs and routes fault rules by target", () => {
    expect(
      parseArgs([
        "--no-aliyun",
        "--huawei-port=0",
        "--huawei-access-key",
        "AK",
        "--huawei-secret-key=SK",
        "--huawei-project-id",
        "p1",
        "--huawei-region",
        "eu-nl",
        "--huawei-token",
        "t1",
        "--huawei-lock-ms=30",
        "--huawei-latency-ms",
        "5",
        "--huawei-rps",
        "50",
        "--huawei-pending-create",
        "3",
        "--fault",
        "POST /listeners:drop-response@first=1",
      ]),
    ).toEqual({
      emulators: {
        huawei: {
          port: 0,
          accessKey: "AK",
          secretKey: "SK",
          projectId: "p1",
          region: "eu-nl",
          tokens: ["t1"],
          lockMs: 30,
          latencyMs: 5,
          requestsPerSecond: 50,
          pendingCreateReads: 3,
        },
      },
      faults: [{ target: "POST /listeners", kind: "drop-response", first: 1 }],
    });
  });

  it("turns the Huawei emulator off with --no-huawei", () => {
    expect(parseArgs(["--no-huawei", "--no-aliyun"]).emulators).toEqual({});
  });
});

describe("startEmulators with the Huawei half", () => {
  it("prints the Huawei ready line member", async () => {
    const emulators = await startEmulators({ huawei: { projectId: "p1", region: "eu-de" } });
    try {
      expect(emulators.ready()).toEqual({
        huawei: {
          endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
          region: "eu-de",
          projectId: "p1",
          loadBalancers: {
            public: "e1b00000000000000000000000000001",
            private: "e1b00000000000000000000000000002",
          },
          certificateId: "e1b00000000000000000000000000003",
          dedicated: {
            l4l7: "e3b00000000000000000000000000003",
            l4: "e3b00000000000000000000000000004",
            l7: "e3b00000000000000000000000000005",
          },
          certificates: { server: "e3b00000000000000000000000000006", client: "e3b00000000000000000000000000007" },
          ipGroupId: "e3b00000000000000000000000000008",
          securityPolicyId: "e3b00000000000000000000000000009",
          shared: {
            loadBalancers: {
              first: "e2b00000-0000-0000-0000-000000000001",
              second: "e2b00000-0000-0000-0000-000000000002",
              error: "e2b00000-0000-0000-0000-000000000003",
            },
            certificateId: "e2b00000000000000000000000000004",
            sniCertificateId: "e2b00000000000000000000000000005",
            caCertificateId: "e2b00000000000000000000000000006",
          },
        },
      });
      const v2 = emulators.huawei!.v2;
      const lbs = emulators.huawei!.seed.shared.loadBalancers;
      expect([lbs.first, lbs.second, lbs.error].map((id) => v2.provisioningStatus(v2.getLoadBalancer(id)))).toEqual([
        "ACTIVE",
        "ACTIVE",
        "ERROR",
      ]);
      expect(emulators.huawei?.state.getLoadBalancer(emulators.huawei.seed.loadBalancers.private).type).toBe(
        "Internal",
      );
    } finally {
      await emulators.close();
    }
  });
});
