/**
 * The documented Describe answers of the TCP and UDP listeners, verbatim, through the listener core's reader: what
 * `get()` or a refresh makes of them passes `check` as it stands, and a program that declares it sees no difference.
 * (The documented HTTPS sample and the redirect's five-field answer are replayed in provider.spec.ts.)
 * Ref: AlibabaCloudDocs/slb intl.en-US/Classic Load Balancer/User Guide/Developer Guide/TCP listeners/
 * DescribeLoadBalancerTCPListenerAttribute.md @8695f7a [S12]; cn.zh-CN/传统型负载均衡CLB/CLB开发指南/API参考/UDP监听/
 * DescribeLoadBalancerUDPListenerAttribute.md @0b0f7b2 [S13] (aliyun-slb-listener-family.md §3).
 */
import type { ResponseBody } from "../client";
import { TCP_LISTENER } from "../tcp/schema";
import { UDP_LISTENER } from "../udp/schema";
import { checkListener, diffListener } from "./schema";
import type { ListenerTable } from "./table";
import { readListener } from "./wire";

const TCP: ListenerTable = TCP_LISTENER;
const UDP: ListenerTable = UDP_LISTENER;
const ADDRESS = { regionId: "cn-hangzhou", loadBalancerId: "lb-documented", listenerPort: 80 };

/** TCP_EXAMPLE is the documented TCP answer, every member as the document prints it. */
const TCP_EXAMPLE: ResponseBody = {
  HealthCheckHttpCode: "http_2xx,http_3xx",
  PersistenceTimeout: 0,
  HealthCheckType: "tcp",
  HealthyThreshold: 3,
  Scheduler: "wrr",
  UnhealthyThreshold: 3,
  Bandwidth: -1,
  Description: "tcp_80",
  AclStatus: "off",
  HealthCheckURI: "/",
  HealthCheck: "on",
  HealthCheckConnectTimeout: 5,
  ListenerPort: 80,
  Status: "running",
  EstablishedTimeout: 900,
  HealthCheckDomain: "",
  HealthCheckInterval: 2,
  RequestId: "9A113A8C-BB8F-475E-9533-7819ECA2FFC1",
  BackendServerPort: 80,
};

/** UDP_EXAMPLE is the documented UDP answer; its PersistenceTimeout is a member UDP has no input for. */
const UDP_EXAMPLE: ResponseBody = {
  AclStatus: "off",
  HealthCheck: "on",
  HealthCheckConnectTimeout: 5,
  PersistenceTimeout: 0,
  ListenerPort: 80,
  Status: "stopped",
  Scheduler: "wrr",
  HealthyThreshold: 3,
  HealthCheckInterval: 2,
  RequestId: "9C103591-2533-432B-9E6B-6DB098C0E65C",
  UnhealthyThreshold: 3,
  BackendServerPort: 34,
  Bandwidth: 67,
};

/** CASES are each protocol's table, documented answer and the defaults check fills in that the answer leaves out. */
const CASES: [string, ListenerTable, ResponseBody, Record<string, unknown>][] = [
  // The answers leave out settings whose defaults check fills in: TCP's ConnectionDrain and ProxyProtocolV2Enabled,
  // UDP's ProxyProtocolV2Enabled. Read with no stored state (get(), an import), those are unknown, so a program that
  // declares the listener shows them as changed once; a refresh of a listener this package made keeps them.
  ["TCP", TCP, TCP_EXAMPLE, { connectionDrain: "off", proxyProtocolV2Enabled: false }],
  ["UDP", UDP, UDP_EXAMPLE, { proxyProtocolV2Enabled: false }],
];

describe.each(CASES)("the documented %s Describe answer", (_name, table, body, filled) => {
  it("reads into inputs that check accepts, adding only the defaults the answer leaves out", () => {
    const read = readListener(table, body, ADDRESS);
    const checked = checkListener(table, read, ADDRESS.regionId);
    expect(checked.failures).toEqual([]);
    expect(checked.inputs).toEqual({ ...read, ...filled });
    expect(diffListener(table, read, checked.inputs, ADDRESS.regionId)).toEqual({
      changed: Object.keys(filled),
      replaces: [],
    });
  });

  it("reads back with no difference once the state holds what the listener was made with", () => {
    const read = readListener(table, body, ADDRESS, { ...filled });
    const checked = checkListener(table, read, ADDRESS.regionId);
    expect(diffListener(table, { ...read, ...filled }, checked.inputs, ADDRESS.regionId)).toEqual({
      changed: [],
      replaces: [],
    });
  });
});

describe("the documented answers' odd forms", () => {
  it("reads TCP's empty HealthCheckDomain as unset, leaves out the service's own HealthCheckURI \"/\" (no program can set it), and keeps every other documented value", () => {
    expect(readListener(TCP, TCP_EXAMPLE, ADDRESS)).toEqual({
      ...ADDRESS,
      bandwidth: -1,
      backendServerPort: 80,
      description: "tcp_80",
      aclStatus: "off",
      scheduler: "wrr",
      healthCheck: "on",
      healthCheckType: "tcp",
      healthCheckHttpCode: "http_2xx,http_3xx",
      healthCheckTimeout: 5,
      healthCheckInterval: 2,
      healthyThreshold: 3,
      unhealthyThreshold: 3,
      persistenceTimeout: 0,
      establishedTimeout: 900,
    });
  });

  it("leaves out UDP's PersistenceTimeout, a member UDP has no input for", () => {
    expect(readListener(UDP, UDP_EXAMPLE, ADDRESS)).toEqual({
      ...ADDRESS,
      bandwidth: 67,
      backendServerPort: 34,
      aclStatus: "off",
      scheduler: "wrr",
      healthCheck: "on",
      healthCheckTimeout: 5,
      healthCheckInterval: 2,
      healthyThreshold: 3,
      unhealthyThreshold: 3,
    });
  });
});
