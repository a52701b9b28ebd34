/**
 * ElbV2Listener check: one row per rule of the digest with its exact failure message, per cloud where the clouds
 * differ; the replace table; SNI lists compared as sets.
 */
import { UNKNOWN_SENTINEL } from "../../core/check";
import { asSet, checkInputs, comparable, REPLACE_ON_CHANGE, type CheckContext } from "./schema";

const LB = "0416b6f1-877f-4a51-987e-978b3f084253";
const CERT = "02dcd56799e045bf8b131533cc911dd6";
const OTC: CheckContext = { cloud: "opentelekomcloud" };
const HW: CheckContext = { cloud: "huaweicloud" };

const base = (protocol: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  loadbalancerId: LB,
  protocol,
  protocolPort: 8080,
  ...(protocol === "TERMINATED_HTTPS" ? { defaultTlsContainerRef: CERT } : {}),
  ...extra,
});

function failures(raw: unknown, context?: CheckContext): string[] {
  return checkInputs(raw, context).failures.map((f) => `${f.property}: ${f.reason}`);
}

const certs = (n: number): string[] => Array.from({ length: n }, (_, i) => `${String(i).padStart(32, "c")}`);

describe("checkInputs of ElbV2Listener", () => {
  it.each<[string, Record<string, unknown>, CheckContext]>([
    ["TCP", { name: "listener-test", adminStateUp: true, connectionLimit: -1 }, OTC],
    ["HTTP", { protocolPort: 21 }, OTC],
    ["TCP", { protocolPort: 21 }, HW],
    ["UDP", { transparentClientIpEnable: false, tags: { env: "prod", team: "" } }, OTC],
    ["HTTP", { defaultPoolId: "c61310de-9a06-4f0c-850c-6f4797b9984c", transparentClientIpEnable: true }, OTC],
    [
      "TERMINATED_HTTPS",
      {
        sniContainerRefs: certs(30),
        clientCaTlsContainerRef: "417a0976969f497db8cbb083bff343ba",
        tlsCiphersPolicy: "tls-1-0-inherit",
        http2Enable: true,
      },
      OTC,
    ],
    [
      "TCP",
      {
        insertHeaders: { "X-Forwarded-ELB-IP": true },
        protectionStatus: "consoleProtection",
        protectionReason: "production",
      },
      HW,
    ],
    ["TERMINATED_HTTPS", { sniContainerRefs: certs(50), tlsCiphersPolicy: "tls-1-2-strict" }, HW],
  ])("accepts a valid %s listener", (protocol, extra, context) => {
    const result = checkInputs(base(protocol, extra), context);
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual(base(protocol, extra));
  });

  it.each<[string, Record<string, unknown>, CheckContext | undefined, string[]]>([
    [
      "the required inputs",
      {},
      undefined,
      [
        "loadbalancerId: loadbalancerId is required",
        "protocol: protocol is required",
        "protocolPort: protocolPort is required",
      ],
    ],
    [
      "HTTPS, naming TERMINATED_HTTPS",
      base("TCP", { protocol: "HTTPS" }),
      undefined,
      [
        'protocol: protocol must be one of "TCP", "UDP", "HTTP", "TERMINATED_HTTPS", got "HTTPS"; a shared listener ' +
          'spells HTTPS "TERMINATED_HTTPS"',
      ],
    ],
    [
      "an unknown protocol",
      base("TCP", { protocol: "QUIC" }),
      undefined,
      ['protocol: protocol must be one of "TCP", "UDP", "HTTP", "TERMINATED_HTTPS", got "QUIC"'],
    ],
    [
      "a classic load balancer id",
      base("TCP", { loadbalancerId: "0b07acf06d243925bc24a0ac7445267a" }),
      undefined,
      [
        "loadbalancerId: loadbalancerId must be a shared load balancer ID (a UUID such as " +
          '0416b6f1-877f-4a51-987e-978b3f084253), got "0b07acf06d243925bc24a0ac7445267a"; that is a classic load ' +
          "balancer ID (32 hexadecimal characters without dashes): use ElbListener",
      ],
    ],
    [
      "a load balancer id that is not a UUID",
      base("TCP", { loadbalancerId: "lb-1" }),
      undefined,
      [
        "loadbalancerId: loadbalancerId must be a shared load balancer ID (a UUID such as " +
          '0416b6f1-877f-4a51-987e-978b3f084253), got "lb-1"',
      ],
    ],
    [
      "port 0",
      base("TCP", { protocolPort: 0 }),
      undefined,
      ["protocolPort: protocolPort must be an integer from 1 to 65535, got 0"],
    ],
    [
      "UDP port 4789",
      base("UDP", { protocolPort: 4789 }),
      undefined,
      ["protocolPort: protocolPort cannot be 4789 for a UDP listener (the port is reserved)"],
    ],
    [
      "a name over 255 characters",
      base("TCP", { name: "n".repeat(256) }),
      undefined,
      [`name: name must be 0 to 255 characters, got "${"n".repeat(56)}...`],
    ],
    [
      "a description over 255 characters",
      base("TCP", { description: "d".repeat(256) }),
      undefined,
      [`description: description must be 0 to 255 characters, got "${"d".repeat(56)}...`],
    ],
    [
      "a connection limit below -1",
      base("TCP", { connectionLimit: -2 }),
      undefined,
      ["connectionLimit: connectionLimit must be an integer from -1 to 2147483647, got -2"],
    ],
    [
      "TERMINATED_HTTPS without a certificate",
      { loadbalancerId: LB, protocol: "TERMINATED_HTTPS", protocolPort: 443 },
      undefined,
      ['defaultTlsContainerRef: defaultTlsContainerRef is required when protocol is "TERMINATED_HTTPS"'],
    ],
    [
      "TLS settings on TCP",
      base("TCP", {
        defaultTlsContainerRef: CERT,
        clientCaTlsContainerRef: CERT,
        sniContainerRefs: [CERT],
        tlsCiphersPolicy: "tls-1-2",
        http2Enable: false,
      }),
      undefined,
      [
        'defaultTlsContainerRef: defaultTlsContainerRef applies to TERMINATED_HTTPS listeners only, not "TCP"',
        'clientCaTlsContainerRef: clientCaTlsContainerRef applies to TERMINATED_HTTPS listeners only, not "TCP"',
        'sniContainerRefs: sniContainerRefs applies to TERMINATED_HTTPS listeners only, not "TCP"',
        'tlsCiphersPolicy: tlsCiphersPolicy applies to TERMINATED_HTTPS listeners only, not "TCP"',
        'http2Enable: http2Enable applies to TERMINATED_HTTPS listeners only, not "TCP"',
      ],
    ],
    [
      "a certificate ID over 128 characters",
      base("TERMINATED_HTTPS", { defaultTlsContainerRef: "c".repeat(129) }),
      undefined,
      [
        `defaultTlsContainerRef: defaultTlsContainerRef must be a certificate ID of 1 to 128 characters, got "${"c".repeat(56)}...`,
      ],
    ],
    [
      "a policy not in the enum",
      base("TERMINATED_HTTPS", { tlsCiphersPolicy: "tls-1-3" }),
      undefined,
      [
        'tlsCiphersPolicy: tlsCiphersPolicy must be one of "tls-1-0-inherit", "tls-1-0", "tls-1-1", "tls-1-2", ' +
          '"tls-1-2-strict", got "tls-1-3"',
      ],
    ],
    [
      "a repeated SNI certificate",
      base("TERMINATED_HTTPS", { sniContainerRefs: [CERT, CERT] }),
      undefined,
      [
        "sniContainerRefs: sniContainerRefs must be a list of at most 50 distinct certificate IDs of 1 to 128 " +
          `characters each (Open Telekom Cloud: at most 30), got ["${CERT}","${CERT.slice(0, 20)}...`,
      ],
    ],
    [
      "31 SNI certificates on Open Telekom Cloud",
      base("TERMINATED_HTTPS", { sniContainerRefs: certs(31) }),
      OTC,
      ["sniContainerRefs: sniContainerRefs must hold at most 30 certificates on Open Telekom Cloud, got 31"],
    ],
    [
      "false client IP pass-through on HTTP",
      base("HTTP", { transparentClientIpEnable: false }),
      undefined,
      [
        "transparentClientIpEnable: transparentClientIpEnable can only be true on shared HTTP listeners, got " +
          "false (TCP and UDP take false)",
      ],
    ],
    [
      "false client IP pass-through on TERMINATED_HTTPS",
      base("TERMINATED_HTTPS", { transparentClientIpEnable: false }),
      undefined,
      [
        "transparentClientIpEnable: transparentClientIpEnable can only be true on shared " +
          "TERMINATED_HTTPS listeners, got false (TCP and UDP take false)",
      ],
    ],
    [
      "Huawei Cloud inputs on Open Telekom Cloud",
      base("TCP", {
        insertHeaders: { "X-Forwarded-Host": false },
        protectionStatus: "consoleProtection",
        protectionReason: "prod",
      }),
      OTC,
      [
        "insertHeaders: insertHeaders is a Huawei Cloud input; Open Telekom Cloud's shared ELB API does not take it",
        "protectionStatus: protectionStatus is a Huawei Cloud input; Open Telekom Cloud's shared ELB API does not take it",
        "protectionReason: protectionReason is a Huawei Cloud input; Open Telekom Cloud's shared ELB API does not take it",
      ],
    ],
    [
      "port 21 for HTTP on Huawei Cloud",
      base("HTTP", { protocolPort: 21 }),
      HW,
      ["protocolPort: protocolPort cannot be 21 for HTTP listeners on Huawei Cloud (the port is reserved)"],
    ],
    [
      "the Open Telekom Cloud policy on Huawei Cloud",
      base("TERMINATED_HTTPS", { tlsCiphersPolicy: "tls-1-0-inherit" }),
      HW,
      [
        'tlsCiphersPolicy: tlsCiphersPolicy "tls-1-0-inherit" is an Open Telekom Cloud value; Huawei Cloud\'s ' +
          "shared ELB API does not take it",
      ],
    ],
    [
      "an administrative state of false on Huawei Cloud",
      base("TCP", { adminStateUp: false }),
      HW,
      ["adminStateUp: adminStateUp can only be true on Huawei Cloud, got false"],
    ],
    [
      "51 SNI certificates",
      base("TERMINATED_HTTPS", { sniContainerRefs: certs(51) }),
      HW,
      [
        "sniContainerRefs: sniContainerRefs must be a list of at most 50 distinct certificate IDs of 1 to 128 " +
          `characters each (Open Telekom Cloud: at most 30), got ["${"c".repeat(31)}0","${"c".repeat(20)}...`,
      ],
    ],
    [
      "an insert header that does not exist",
      base("TCP", { insertHeaders: { "X-Real-IP": true } }),
      HW,
      [
        'insertHeaders: insertHeaders must be { "X-Forwarded-ELB-IP"?: true or false, "X-Forwarded-Host"?: true or ' +
          'false }, got {"X-Real-IP":true}',
      ],
    ],
    [
      "the Huawei Terraform provider's insert header block",
      base("TCP", { insertHeaders: { xForwardedElbIp: "true" } }),
      HW,
      [
        'insertHeaders: insertHeaders must be { "X-Forwarded-ELB-IP"?: true or false, "X-Forwarded-Host"?: true or ' +
          'false }, got {"xForwardedElbIp":"true"}; use the header names with Booleans: { "X-Forwarded-ELB-IP": ' +
          'true, "X-Forwarded-Host": true }',
      ],
    ],
    [
      "a protection reason without console protection",
      base("TCP", { protectionReason: "prod" }),
      HW,
      ['protectionReason: protectionReason applies only when protectionStatus is "consoleProtection"'],
    ],
    [
      "a protection reason with angle brackets",
      base("TCP", { protectionStatus: "consoleProtection", protectionReason: "<b>" }),
      HW,
      ['protectionReason: protectionReason must be 0 to 255 characters without angle brackets (< and >), got "<b>"'],
    ],
    [
      "a tag key of 37 characters",
      base("TCP", { tags: { ["k".repeat(37)]: "v" } }),
      undefined,
      [
        "tags: tags must be a map of at most 10 tags: keys of 1 to 36 and values of 0 to 43 letters, digits, " +
          `underscores (_) or hyphens (-), got {"${"k".repeat(37)}":"v"}`,
      ],
    ],
    [
      "a tag value with a space",
      base("TCP", { tags: { env: "pro d" } }),
      undefined,
      [
        "tags: tags must be a map of at most 10 tags: keys of 1 to 36 and values of 0 to 43 letters, digits, " +
          'underscores (_) or hyphens (-), got {"env":"pro d"}',
      ],
    ],
    [
      "11 tags",
      base("TCP", { tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])) }),
      undefined,
      [
        "tags: tags must be a map of at most 10 tags: keys of 1 to 36 and values of 0 to 43 letters, digits, " +
          'underscores (_) or hyphens (-), got {"k0":"v","k1":"v","k2":"v","k3":"v","k4":"v","k5":"v","k...',
      ],
    ],
    [
      "listener timeouts, naming ElbV3Listener",
      base("HTTP", { keepaliveTimeout: 60, clientTimeout: 30, memberTimeout: 30 }),
      undefined,
      ["clientTimeout", "keepaliveTimeout", "memberTimeout"].map(
        (n) =>
          `${n}: ${n} is not an input of ElbV2Listener; the shared ELB v2 API has no listener timeouts, and neither ` +
          'Terraform provider sets them on a shared listener (Open Telekom Cloud: they "can not be modified"); use ' +
          "ElbV3Listener on a dedicated load balancer",
      ),
    ],
    [
      "member retry, naming ElbV3Listener",
      base("HTTP", { enableMemberRetry: true }),
      undefined,
      [
        "enableMemberRetry: enableMemberRetry is not an input of ElbV2Listener; the shared ELB v2 API has no member " +
          "retry (a v3 setting of HTTP listeners); use ElbV3Listener on a dedicated load balancer",
      ],
    ],
    [
      "an IP group, naming the official provider",
      base("HTTP", { ipgroup: { ipgroupId: "ipg-1" } }),
      undefined,
      [
        "ipgroup: ipgroup is not an input of ElbV2Listener; ElbV2Listener does not set IP groups (only " +
          "opentelekomcloud_lb_listener_v2's ip_group does, through the v3 API); use the official provider, or " +
          "ElbV3Listener on a dedicated load balancer",
      ],
    ],
    [
      "the Terraform port and tenant names",
      { loadbalancerId: LB, protocol: "TCP", port: 80, tenantId: "p" },
      undefined,
      [
        "port: port is not an input of ElbV2Listener; use protocolPort",
        "tenantId: tenantId is not an input of ElbV2Listener; use projectId (Open Telekom Cloud takes the project " +
          "from the token; a tenant_id must equal it)",
        "protocolPort: protocolPort is required",
      ],
    ],
  ])("refuses %s", (_name, raw, context, expected) => {
    expect(failures(raw, context)).toEqual(expected);
  });

  it("refuses a changed connection limit once the listener exists (an administrator's change)", () => {
    expect(failures(base("TCP", { connectionLimit: 100 }), { olds: base("TCP") })).toEqual([
      "connectionLimit: connectionLimit can be changed only by an administrator once the listener exists, got 100 " +
        "(was -1); keep it or replace the listener",
    ]);
    expect(failures(base("TCP", { connectionLimit: 100 }), { olds: base("TCP", { connectionLimit: 100 }) })).toEqual(
      [],
    );
    expect(failures(base("TCP", { connectionLimit: 100 }), { olds: {} })).toEqual([]);
    // A replacement makes a new listener, which takes any limit.
    expect(failures(base("TCP", { connectionLimit: 100, protocolPort: 81 }), { olds: base("TCP") })).toEqual([]);
  });

  it("leaves the rules of unknown values for later", () => {
    const raw = {
      loadbalancerId: UNKNOWN_SENTINEL,
      protocol: UNKNOWN_SENTINEL,
      protocolPort: 4789,
      defaultTlsContainerRef: UNKNOWN_SENTINEL,
    };
    expect(failures(raw, OTC)).toEqual([]);
    expect(failures({ ...raw, protocol: "TERMINATED_HTTPS" }, OTC)).toEqual([]);
  });

  it("applies no cloud rule when the cloud is unknown", () => {
    expect(
      failures(base("TERMINATED_HTTPS", { sniContainerRefs: certs(40), tlsCiphersPolicy: "tls-1-0-inherit" })),
    ).toEqual([]);
    expect(failures(base("TCP", { insertHeaders: { "X-Forwarded-Host": true } }))).toEqual([]);
  });
});

describe("the replace table of ElbV2Listener", () => {
  it("replaces on the load balancer, protocol, port, region and project only", () => {
    expect([...REPLACE_ON_CHANGE].sort()).toEqual([
      "loadbalancerId",
      "projectId",
      "protocol",
      "protocolPort",
      "region",
    ]);
  });

  it("compares SNI certificate lists as sets", () => {
    const a = ["e15d1b5000474adca383c3cd9ddc06d4", "5882325fd6dd4b95a88d33238d293a0f"];
    expect(asSet(a)).toEqual([...a].reverse());
    expect(comparable({ sniContainerRefs: a, name: "x" })).toEqual({ sniContainerRefs: [...a].reverse(), name: "x" });
  });
});
