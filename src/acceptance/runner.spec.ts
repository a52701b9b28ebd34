/**
 * The run's pure parts for the kinds beside HTTPS: the port picker's sharing rule (a UDP listener beside a TCP, HTTP
 * or HTTPS one on an SLB instance) and the account variables of the forwarding rule and the shared ELB.
 */
import { freePort } from "./runner";
import { SCENARIOS } from "./scenarios";
import { readAccountIds } from "./variables";

describe("freePort", () => {
  const range = { from: 10, to: 13 };
  const taken = [
    { port: 10, protocol: "tcp" },
    { port: 11, protocol: "udp" },
    { port: 12, protocol: "https" },
  ];

  it("gives a UDP listener the first port no UDP listener holds", () => {
    expect(freePort(range, taken, "udp")).toBe(10);
  });

  it("gives a TCP, HTTP or HTTPS listener the first port none of those three holds", () => {
    expect(freePort(range, taken, "http")).toBe(11);
    expect(freePort(range, taken, "TCP")).toBe(11);
  });

  it("counts every listener as taking its port when the kind names no protocol (the Huawei kinds)", () => {
    expect(freePort(range, taken)).toBe(13);
    expect(freePort({ from: 10, to: 12 }, taken)).toBeUndefined();
  });
});

describe("the scenarios' protocols", () => {
  it("are the SLB protocols of the Aliyun kinds' listeners, and absent on the Huawei kinds", () => {
    expect(SCENARIOS.map((s) => `${s.kind} ${s.protocol ?? "-"}`)).toEqual([
      "HttpsListener https",
      "DomainExtension https",
      "HttpListener http",
      "TcpListener tcp",
      "UdpListener udp",
      "ForwardingRule http",
      "ElbListener -",
      "ElbV3Listener -",
      "ElbV2Listener -",
    ]);
  });

  it("need the certificates only for the HTTPS kinds, and the VServer group only for the rule", () => {
    const needs = Object.fromEntries(SCENARIOS.map((s) => [s.kind, s.needs.join(",")]));
    expect(needs.HttpListener).toBe("aliyunLoadBalancerId");
    expect(needs.ForwardingRule).toBe("aliyunLoadBalancerId,aliyunVServerGroupId");
    expect(needs.ElbV2Listener).toBe("huaweiSharedLoadBalancerId,huaweiSharedCertificateId");
  });
});

describe("readAccountIds", () => {
  it("reads the VServer group and the shared load balancer and certificate", () => {
    expect(
      readAccountIds({
        PLB_ACC_ALIYUN_VSERVER_GROUP_ID: "rsp-bp1abc",
        PLB_ACC_HUAWEI_SHARED_LOAD_BALANCER_ID: "0416b6f1-877f-4a51-987e-978b3f084253",
        PLB_ACC_HUAWEI_SHARED_CERTIFICATE_ID: "e2b00000000000000000000000000004",
      }),
    ).toEqual({
      ok: true,
      value: {
        aliyunVServerGroupId: "rsp-bp1abc",
        huaweiSharedLoadBalancerId: "0416b6f1-877f-4a51-987e-978b3f084253",
        huaweiSharedCertificateId: "e2b00000000000000000000000000004",
      },
    });
  });

  it("refuses a malformed one with one line naming the variable and the form it needs", () => {
    expect(
      readAccountIds({
        PLB_ACC_ALIYUN_VSERVER_GROUP_ID: "lb-bp1abc",
        PLB_ACC_HUAWEI_SHARED_LOAD_BALANCER_ID: "0b07acf06d243925bc24a0ac7445267a",
      }),
    ).toEqual({
      ok: false,
      problems: [
        'PLB_ACC_ALIYUN_VSERVER_GROUP_ID must be a VServer group ID of the SLB instance, such as rsp-bp1..., got "lb-bp1abc"',
        "PLB_ACC_HUAWEI_SHARED_LOAD_BALANCER_ID must be a shared load balancer ID (a UUID), " +
          'got "0b07acf06d243925bc24a0ac7445267a"',
      ],
    });
  });
});
