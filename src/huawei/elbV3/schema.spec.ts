/**
 * ElbV3Listener check: one row per rule of the digest with its exact failure message.
 */
import { UNKNOWN_SENTINEL } from "../../core/check";
import { checkInputs, type CheckContext } from "./schema";

const LB = "e3b00000000000000000000000000003";
const CERT = "e3b00000000000000000000000000007";
const base = (protocol: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  loadbalancerId: LB,
  protocol,
  protocolPort: 8080,
  ...(protocol === "HTTPS" ? { defaultTlsContainerRef: CERT } : {}),
  ...extra,
});

function failures(raw: unknown, context?: CheckContext): string[] {
  const result = checkInputs(raw, context);
  return result.failures.map((f) => `${f.property}: ${f.reason}`);
}

describe("checkInputs of ElbV3Listener", () => {
  it.each([
    ["TCP", {}],
    ["UDP", { keepaliveTimeout: 10 }],
    ["HTTP", { insertHeaders: { "X-Forwarded-ELB-IP": true, "X-Forwarded-For-Processing-Mode": "preserve" } }],
    // The OTC TCP create example sends X-Forwarded-ELB-IP and gets it echoed (digest §2.1).
    ["TCP", { insertHeaders: { "X-Forwarded-ELB-IP": true } }],
    [
      "HTTPS",
      {
        sniContainerRefs: [CERT],
        securityPolicyId: "sp-1",
        http2Enable: true,
        insertHeaders: { "X-Forwarded-TLS-Cipher": true, "X-Forwarded-TLS-Cipher-alias": "X-Cipher" },
        ipgroup: { ipgroupId: "ipg-1", type: "black" },
        tags: { team: "web" },
        enhanceL7policyEnable: true,
        protectionStatus: "consoleProtection",
        protectionReason: "production",
      },
    ],
  ])("accepts a valid %s listener", (protocol, extra) => {
    const result = checkInputs(base(protocol, extra));
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual(base(protocol, extra));
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      "the required inputs",
      {},
      [
        "loadbalancerId: loadbalancerId is required",
        "protocol: protocol is required",
        "protocolPort: protocolPort is required",
      ],
    ],
    [
      "an unknown protocol",
      { loadbalancerId: LB, protocol: "QUIC", protocolPort: 1 },
      ['protocol: protocol must be one of "TCP", "UDP", "HTTP", "HTTPS", got "QUIC"'],
    ],
    [
      "port 0",
      base("TCP", { protocolPort: 0 }),
      ["protocolPort: protocolPort must be an integer from 1 to 65535, got 0"],
    ],
    [
      "a long name",
      base("TCP", { name: "n".repeat(256) }),
      [`name: name must be 0 to 255 characters, got "${"n".repeat(56)}...`],
    ],
    [
      "a long description",
      base("TCP", { description: "d".repeat(256) }),
      [`description: description must be 0 to 255 characters, got "${"d".repeat(56)}...`],
    ],
    [
      "a long load balancer id",
      base("TCP", { loadbalancerId: "x".repeat(37) }),
      [`loadbalancerId: loadbalancerId must be a load balancer ID of 1 to 36 characters, got "${"x".repeat(37)}"`],
    ],
    [
      "TCP keepalive under 10",
      base("TCP", { keepaliveTimeout: 9 }),
      ['keepaliveTimeout: keepaliveTimeout must be an integer from 10 to 4000 for "TCP" listeners, got 9'],
    ],
    [
      "UDP keepalive under 10",
      base("UDP", { keepaliveTimeout: 1 }),
      ['keepaliveTimeout: keepaliveTimeout must be an integer from 10 to 4000 for "UDP" listeners, got 1'],
    ],
    [
      "keepalive over 4000",
      base("HTTP", { keepaliveTimeout: 4001 }),
      ["keepaliveTimeout: keepaliveTimeout must be an integer from 0 to 4000, got 4001"],
    ],
    [
      "client timeout 0",
      base("HTTP", { clientTimeout: 0 }),
      ["clientTimeout: clientTimeout must be an integer from 1 to 300, got 0"],
    ],
    [
      "member timeout 301",
      base("HTTP", { memberTimeout: 301 }),
      ["memberTimeout: memberTimeout must be an integer from 1 to 300, got 301"],
    ],
    [
      "client timeout on TCP",
      base("TCP", { clientTimeout: 30 }),
      ['clientTimeout: clientTimeout applies to HTTP and HTTPS listeners only, not "TCP"'],
    ],
    [
      "member timeout on UDP",
      base("UDP", { memberTimeout: 30 }),
      ['memberTimeout: memberTimeout applies to HTTP and HTTPS listeners only, not "UDP"'],
    ],
    [
      "member retry on TCP",
      base("TCP", { enableMemberRetry: false }),
      ['enableMemberRetry: enableMemberRetry applies to HTTP and HTTPS listeners only, not "TCP"'],
    ],
    [
      "the processing-mode insert header on TCP",
      base("TCP", { insertHeaders: { "X-Forwarded-ELB-IP": true, "X-Forwarded-For-Processing-Mode": "append" } }),
      [
        'insertHeaders: insertHeaders "X-Forwarded-For-Processing-Mode" applies to HTTP and HTTPS listeners only, not "TCP"',
      ],
    ],
    [
      "http2 on HTTP",
      base("HTTP", { http2Enable: true }),
      ['http2Enable: http2Enable applies to HTTPS listeners only, not "HTTP"'],
    ],
    [
      "a certificate on HTTP",
      base("HTTP", { defaultTlsContainerRef: CERT }),
      ['defaultTlsContainerRef: defaultTlsContainerRef applies to HTTPS listeners only, not "HTTP"'],
    ],
    [
      "a client CA on TCP",
      base("TCP", { clientCaTlsContainerRef: CERT }),
      ['clientCaTlsContainerRef: clientCaTlsContainerRef applies to HTTPS listeners only, not "TCP"'],
    ],
    [
      "SNI on TCP",
      base("TCP", { sniContainerRefs: [CERT] }),
      ['sniContainerRefs: sniContainerRefs applies to HTTPS listeners only, not "TCP"'],
    ],
    [
      "a security policy on HTTP",
      base("HTTP", { securityPolicyId: "sp" }),
      ['securityPolicyId: securityPolicyId applies to HTTPS listeners only, not "HTTP"'],
    ],
    [
      "a TLS policy on TCP",
      base("TCP", { tlsCiphersPolicy: "tls-1-2" }),
      ['tlsCiphersPolicy: tlsCiphersPolicy applies to HTTPS listeners only, not "TCP"'],
    ],
    [
      "an SNI match algorithm on HTTP",
      base("HTTP", { sniMatchAlgo: "wildcard" }),
      ['sniMatchAlgo: sniMatchAlgo applies to HTTPS listeners only, not "HTTP"'],
    ],
    [
      "access-log headers on UDP",
      base("UDP", { accessLogCustomizedHeadersConfig: {} }),
      [
        'accessLogCustomizedHeadersConfig: accessLogCustomizedHeadersConfig applies to HTTP and HTTPS listeners only, not "UDP"',
      ],
    ],
    [
      "HTTPS without a certificate",
      { loadbalancerId: LB, protocol: "HTTPS", protocolPort: 443 },
      ['defaultTlsContainerRef: defaultTlsContainerRef is required when protocol is "HTTPS"'],
    ],
    [
      "an unknown TLS policy",
      base("HTTPS", { tlsCiphersPolicy: "tls-9" }),
      [
        `tlsCiphersPolicy: tlsCiphersPolicy must be one of "tls-1-0-inherit", "tls-1-0", "tls-1-1", "tls-1-2", "tls-1-2-strict", "tls-1-2-fs", "tls-1-0-with-1-3", "tls-1-2-fs-with-1-3", "hybrid-policy-1-0", "tls-1-2-strict-no-cbc", got "tls-9"`,
      ],
    ],
    [
      "51 SNI certificates",
      base("HTTPS", { sniContainerRefs: Array.from({ length: 51 }, (_, i) => `c${i}`) }),
      [
        'sniContainerRefs: sniContainerRefs must be a list of at most 50 certificate IDs of 1 to 128 characters each (Open Telekom Cloud: at most 30), got ["c0","c1","c2","c3","c4","c5","c6","c7","c8","c9","c10",...',
      ],
    ],
    [
      "an unknown insert header",
      base("HTTP", { insertHeaders: { "X-Custom": true } }),
      ['insertHeaders: insertHeaders "X-Custom" is not an insert header of dedicated load balancers'],
    ],
    [
      "a TLS insert header on HTTP",
      base("HTTP", { insertHeaders: { "X-Forwarded-TLS-Protocol": true } }),
      ['insertHeaders: insertHeaders "X-Forwarded-TLS-Protocol" applies to HTTPS listeners only, not "HTTP"'],
    ],
    [
      "an alias on HTTP",
      base("HTTP", { insertHeaders: { "X-Forwarded-Clientcert-alias": "X-Cert" } }),
      ['insertHeaders: insertHeaders "X-Forwarded-Clientcert-alias" applies to HTTPS listeners only, not "HTTP"'],
    ],
    [
      "a bad alias",
      base("HTTPS", { insertHeaders: { "X-Forwarded-TLS-Cipher-alias": "X Cipher!" } }),
      [
        'insertHeaders: insertHeaders "X-Forwarded-TLS-Cipher-alias" must be a header name of 1 to 40 letters, digits, underscores (_) or hyphens (-), got "X Cipher!"',
      ],
    ],
    [
      "a string flag",
      base("HTTP", { insertHeaders: { "X-Real-IP": "yes" } }),
      ['insertHeaders: insertHeaders "X-Real-IP" must be true or false, got "yes"'],
    ],
    [
      "a bad processing mode",
      base("HTTP", { insertHeaders: { "X-Forwarded-For-Processing-Mode": "drop" } }),
      [
        'insertHeaders: insertHeaders "X-Forwarded-For-Processing-Mode" must be one of "append", "remove", "preserve", got "drop"',
      ],
    ],
    [
      "a flag of TLS header set to a string on HTTPS",
      base("HTTPS", { insertHeaders: { "X-Forwarded-TLS-Cipher": "on" } }),
      ['insertHeaders: insertHeaders "X-Forwarded-TLS-Cipher" must be true or false, got "on"'],
    ],
    [
      "an IP group without an id",
      base("HTTP", { ipgroup: { type: "white" } }),
      [
        'ipgroup: ipgroup must be { ipgroupId: 1 to 36 characters, enableIpgroup?: true or false, type?: "white" or "black" }, got {"type":"white"}',
      ],
    ],
    [
      "an IP group of a bad type",
      base("HTTP", { ipgroup: { ipgroupId: "g", type: "grey" } }),
      [
        'ipgroup: ipgroup must be { ipgroupId: 1 to 36 characters, enableIpgroup?: true or false, type?: "white" or "black" }, got {"ipgroupId":"g","type":"grey"}',
      ],
    ],
    [
      "transparent client IP off",
      base("TCP", { transparentClientIpEnable: false }),
      ["transparentClientIpEnable: transparentClientIpEnable can only be true on dedicated load balancers, got false"],
    ],
    [
      "a protection reason without protection",
      base("TCP", { protectionReason: "why" }),
      ['protectionReason: protectionReason applies only when protectionStatus is "consoleProtection"'],
    ],
    [
      "angle brackets in the protection reason",
      base("TCP", { protectionStatus: "consoleProtection", protectionReason: "<b>" }),
      ['protectionReason: protectionReason must be 0 to 255 characters without angle brackets (< and >), got "<b>"'],
    ],
    [
      "a long tag key",
      base("TCP", { tags: { ["k".repeat(37)]: "v" } }),
      [
        `tags: tags must be a map of tag keys (1 to 36 characters) to values (0 to 43 characters), got {"${"k".repeat(37)}":"v"}`,
      ],
    ],
    [
      "a long tag value",
      base("TCP", { tags: { k: "v".repeat(44) } }),
      [
        `tags: tags must be a map of tag keys (1 to 36 characters) to values (0 to 43 characters), got {"k":"${"v".repeat(44)}"}`,
      ],
    ],
    [
      "a forbidden access-log header",
      base("HTTP", { accessLogCustomizedHeadersConfig: { includeHeaders: ["Host"] } }),
      [
        'accessLogCustomizedHeadersConfig: accessLogCustomizedHeadersConfig must be { enable?, includeHeaders?, excludeHeaders? } with at most 5 header names of 1 to 40 letters, digits, _ or - each, none of host, user-agent, referer, x-forwarded-for, x-clienttraceid, traceparent, got {"includeHeaders":["Host"]}',
      ],
    ],
    ["a Terraform name", base("TCP", { port: 80 }), ["port: port is not an input of ElbV3Listener; use protocolPort"]],
  ])("refuses %s", (_what, raw, expected) => {
    expect(failures(raw)).toEqual(expected);
  });

  it("refuses enhanceL7policyEnable going back to false or being removed once true", () => {
    const olds = { enhanceL7policyEnable: true };
    expect(failures(base("HTTP", { enhanceL7policyEnable: false }), { olds })).toEqual([
      "enhanceL7policyEnable: enhanceL7policyEnable was true and can never go back to false, got false; keep it true or replace the listener",
    ]);
    expect(failures(base("HTTP"), { olds })).toEqual([
      "enhanceL7policyEnable: enhanceL7policyEnable was true and can never go back to false, got undefined; keep it true or replace the listener",
    ]);
    expect(failures(base("HTTP", { enhanceL7policyEnable: true }), { olds })).toEqual([]);
    expect(
      failures(base("HTTP", { enhanceL7policyEnable: false }), { olds: { enhanceL7policyEnable: false } }),
    ).toEqual([]);
  });

  it("refuses the Huawei Cloud only inputs and values on Open Telekom Cloud, and takes them on Huawei Cloud", () => {
    const raw = base("HTTPS", {
      gzipEnable: true,
      cps: 10,
      connection: 10,
      keepaliveTimeout: 0,
      sniContainerRefs: Array.from({ length: 31 }, (_, i) => `c${i}`),
    });
    expect(failures(raw, { cloud: "opentelekomcloud" })).toEqual([
      'keepaliveTimeout: keepaliveTimeout must be an integer from 1 to 4000 for "HTTPS" listeners on Open Telekom Cloud (0 is Huawei Cloud only), got 0',
      "gzipEnable: gzipEnable is a Huawei Cloud input; Open Telekom Cloud's API does not take it",
      "cps: cps is a Huawei Cloud input; Open Telekom Cloud's API does not take it",
      "connection: connection is a Huawei Cloud input; Open Telekom Cloud's API does not take it",
      "sniContainerRefs: sniContainerRefs must hold at most 30 certificates on Open Telekom Cloud, got 31",
    ]);
    expect(failures(raw, { cloud: "huaweicloud" })).toEqual([]);
  });

  it("skips the rules whose inputs are unknown during preview and passes the unknowns through", () => {
    const raw = { loadbalancerId: UNKNOWN_SENTINEL, protocol: UNKNOWN_SENTINEL, protocolPort: 80, clientTimeout: 30 };
    const result = checkInputs(raw);
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual(raw);
    const https = checkInputs({ ...base("HTTPS"), defaultTlsContainerRef: UNKNOWN_SENTINEL });
    expect(https.failures).toEqual([]);
  });
});
