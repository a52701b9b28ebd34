import fc from "fast-check";
import { UNKNOWN_SENTINEL } from "../core/check";
import { checkInputs, diffInputs, INPUT_NAMES, loadBalancerRefusal } from "./schema";

const HTTP = {
  name: "web",
  loadbalancerId: "0b07acf06d243925bc24a0ac7445267a",
  protocol: "HTTP",
  port: 80,
  backendProtocol: "HTTP",
  backendPort: 8080,
  lbAlgorithm: "roundrobin",
};
const TCP = { ...HTTP, protocol: "TCP", backendProtocol: "TCP" };
const UDP = { ...HTTP, protocol: "UDP", backendProtocol: "UDP" };
const HTTPS = { ...HTTP, protocol: "HTTPS", certificateId: "cert-1" };
const SSL = { ...HTTP, protocol: "SSL", backendProtocol: "TCP", certificateId: "cert-1" };

/** The document's own example request, camelCased. Ref: "Example request". */
const DOCUMENT_EXAMPLE = {
  name: "listener1",
  description: "",
  loadbalancerId: "0b07acf06d243925bc24a0ac7445267a",
  protocol: "HTTP",
  port: 88,
  backendProtocol: "HTTP",
  backendPort: 80,
  lbAlgorithm: "roundrobin",
  sessionSticky: true,
  stickySessionType: "insert",
  cookieTimeout: 100,
  tcpDraining: true,
  tcpDrainingTimeout: 5,
};

interface Row {
  readonly rule: string;
  readonly inputs: Record<string, unknown>;
  /** The exact failure, or undefined for the valid side. */
  readonly fails?: { property: string; reason: string };
}

const ROWS: Row[] = [
  // name
  { rule: "name 1-64 allowed characters", inputs: { ...HTTP, name: "a_B-9".padEnd(64, "x") } },
  {
    rule: "name too long",
    inputs: { ...HTTP, name: "x".repeat(65) },
    fails: {
      property: "name",
      reason: `name must be 1 to 64 characters of letters, digits, underscores (_) and hyphens (-), got "${"x".repeat(56)}...`,
    },
  },
  {
    rule: "name with a space",
    inputs: { ...HTTP, name: "my web" },
    fails: {
      property: "name",
      reason: 'name must be 1 to 64 characters of letters, digits, underscores (_) and hyphens (-), got "my web"',
    },
  },
  {
    rule: "name empty",
    inputs: { ...HTTP, name: "" },
    fails: {
      property: "name",
      reason: 'name must be 1 to 64 characters of letters, digits, underscores (_) and hyphens (-), got ""',
    },
  },
  {
    rule: "name missing",
    inputs: { ...HTTP, name: undefined },
    fails: { property: "name", reason: "name is required" },
  },
  // description
  { rule: "description 128 characters", inputs: { ...HTTP, description: "d".repeat(128) } },
  {
    rule: "description 129 characters",
    inputs: { ...HTTP, description: "d".repeat(129) },
    fails: {
      property: "description",
      reason: `description must be 0 to 128 characters without angle brackets (< and >), got "${"d".repeat(56)}...`,
    },
  },
  {
    rule: "description with an angle bracket",
    inputs: { ...HTTP, description: "a<b" },
    fails: {
      property: "description",
      reason: 'description must be 0 to 128 characters without angle brackets (< and >), got "a<b"',
    },
  },
  // loadbalancerId
  {
    rule: "loadbalancerId with a slash",
    inputs: { ...HTTP, loadbalancerId: "../x" },
    fails: {
      property: "loadbalancerId",
      reason: 'loadbalancerId must be a load balancer ID of 1 to 64 letters, digits or hyphens, got "../x"',
    },
  },
  // enums
  {
    rule: "protocol outside the list",
    inputs: { ...HTTP, protocol: "http" },
    fails: {
      property: "protocol",
      reason: 'protocol must be one of "HTTP", "TCP", "HTTPS", "SSL", "UDP", got "http"',
    },
  },
  {
    rule: "backendProtocol outside the list",
    inputs: { ...HTTP, backendProtocol: "HTTPS" },
    fails: { property: "backendProtocol", reason: 'backendProtocol must be one of "HTTP", "TCP", "UDP", got "HTTPS"' },
  },
  {
    rule: "lbAlgorithm outside the list",
    inputs: { ...HTTP, lbAlgorithm: "random" },
    fails: {
      property: "lbAlgorithm",
      reason: 'lbAlgorithm must be one of "roundrobin", "leastconn", "source", got "random"',
    },
  },
  {
    rule: "stickySessionType other than insert",
    inputs: { ...HTTP, sessionSticky: true, stickySessionType: "server" },
    fails: { property: "stickySessionType", reason: 'stickySessionType must be one of "insert", got "server"' },
  },
  {
    rule: "sslProtocols in a spelling neither the document nor the services use",
    inputs: { ...HTTPS, sslProtocols: "TLSv1.3" },
    fails: {
      property: "sslProtocols",
      reason: 'sslProtocols must be one of "TLS 1.2", "TLS 1.2 TLS 1.1 TLS 1.0", got "TLSv1.3"',
    },
  },
  {
    rule: "sslCiphers outside the list",
    inputs: { ...HTTPS, sslCiphers: "Modern" },
    fails: {
      property: "sslCiphers",
      reason: 'sslCiphers must be one of "Default", "Extended", "Strict", got "Modern"',
    },
  },
  // ranges
  { rule: "port 1", inputs: { ...HTTP, port: 1 } },
  { rule: "port 65535", inputs: { ...HTTP, port: 65535 } },
  {
    rule: "port 0",
    inputs: { ...HTTP, port: 0 },
    fails: { property: "port", reason: "port must be an integer from 1 to 65535, got 0" },
  },
  {
    rule: "backendPort 65536",
    inputs: { ...HTTP, backendPort: 65536 },
    fails: { property: "backendPort", reason: "backendPort must be an integer from 1 to 65535, got 65536" },
  },
  {
    rule: "port not an integer",
    inputs: { ...HTTP, port: 80.5 },
    fails: { property: "port", reason: "port must be an integer from 1 to 65535, got 80.5" },
  },
  {
    rule: "port as a string",
    inputs: { ...HTTP, port: "80" },
    fails: { property: "port", reason: 'port must be an integer from 1 to 65535, got "80"' },
  },
  {
    rule: "cookieTimeout 1440",
    inputs: { ...HTTP, sessionSticky: true, stickySessionType: "insert", cookieTimeout: 1440 },
  },
  {
    rule: "cookieTimeout 1441",
    inputs: { ...HTTP, sessionSticky: true, stickySessionType: "insert", cookieTimeout: 1441 },
    fails: { property: "cookieTimeout", reason: "cookieTimeout must be an integer from 1 to 1440, got 1441" },
  },
  { rule: "tcpTimeout 1", inputs: { ...TCP, tcpTimeout: 1 } },
  {
    rule: "tcpTimeout 0",
    inputs: { ...TCP, tcpTimeout: 0 },
    fails: { property: "tcpTimeout", reason: "tcpTimeout must be an integer from 1 to 1440, got 0" },
  },
  { rule: "udpTimeout 1440", inputs: { ...UDP, udpTimeout: 1440 } },
  {
    rule: "udpTimeout 1441",
    inputs: { ...UDP, udpTimeout: 1441 },
    fails: { property: "udpTimeout", reason: "udpTimeout must be an integer from 1 to 1440, got 1441" },
  },
  { rule: "tcpDrainingTimeout 0", inputs: { ...TCP, tcpDraining: true, tcpDrainingTimeout: 0 } },
  {
    rule: "tcpDrainingTimeout 61",
    inputs: { ...TCP, tcpDraining: true, tcpDrainingTimeout: 61 },
    fails: { property: "tcpDrainingTimeout", reason: "tcpDrainingTimeout must be an integer from 0 to 60, got 61" },
  },
  {
    rule: "sessionSticky not a boolean",
    inputs: { ...HTTP, sessionSticky: "true" },
    fails: { property: "sessionSticky", reason: 'sessionSticky must be true or false, got "true"' },
  },
  // "can only be" rules
  { rule: "UDP front end with a UDP back end", inputs: UDP },
  {
    rule: "UDP front end with a TCP back end",
    inputs: { ...UDP, backendProtocol: "TCP" },
    fails: { property: "backendProtocol", reason: 'backendProtocol must be "UDP" when protocol is "UDP", got "TCP"' },
  },
  { rule: "SSL front end with a TCP back end", inputs: SSL },
  {
    rule: "SSL front end with an HTTP back end",
    inputs: { ...SSL, backendProtocol: "HTTP" },
    fails: { property: "backendProtocol", reason: 'backendProtocol must be "TCP" when protocol is "SSL", got "HTTP"' },
  },
  { rule: "sticky sessions with roundrobin", inputs: { ...TCP, sessionSticky: true } },
  { rule: "no sticky sessions with leastconn", inputs: { ...TCP, lbAlgorithm: "leastconn", sessionSticky: false } },
  {
    rule: "sticky sessions with leastconn on HTTP",
    inputs: { ...HTTP, lbAlgorithm: "leastconn", sessionSticky: true },
    fails: {
      property: "sessionSticky",
      reason: 'sessionSticky must be false when protocol is "HTTP" and lbAlgorithm is "leastconn"',
    },
  },
  {
    rule: "sticky sessions with source on TCP",
    inputs: { ...TCP, lbAlgorithm: "source", sessionSticky: true },
    fails: {
      property: "sessionSticky",
      reason: 'sessionSticky must be false when protocol is "TCP" and lbAlgorithm is "source"',
    },
  },
  { rule: "HTTPS with a certificate", inputs: HTTPS },
  {
    rule: "HTTPS without a certificate",
    inputs: { ...HTTPS, certificateId: undefined },
    fails: { property: "certificateId", reason: 'certificateId is required when protocol is "HTTPS"' },
  },
  {
    rule: "SSL without a certificate",
    inputs: { ...SSL, certificateId: undefined },
    fails: { property: "certificateId", reason: 'certificateId is required when protocol is "SSL"' },
  },
  {
    rule: "legacy TLS with Extended ciphers",
    inputs: { ...HTTPS, sslProtocols: "TLS 1.2 TLS 1.1 TLS 1.0", sslCiphers: "Extended" },
  },
  {
    rule: "legacy TLS with Strict ciphers",
    inputs: { ...HTTPS, sslProtocols: "TLS 1.2 TLS 1.1 TLS 1.0", sslCiphers: "Strict" },
    fails: {
      property: "sslCiphers",
      reason: 'sslCiphers must be "Extended" when sslProtocols is "TLS 1.2 TLS 1.1 TLS 1.0", got "Strict"',
    },
  },
  {
    rule: "legacy TLS with the default ciphers",
    inputs: { ...SSL, sslProtocols: "TLS 1.2 TLS 1.1 TLS 1.0" },
    fails: {
      property: "sslCiphers",
      reason:
        'sslCiphers must be "Extended" when sslProtocols is "TLS 1.2 TLS 1.1 TLS 1.0", got "Default" (the default)',
    },
  },
  { rule: "certificates on HTTPS", inputs: { ...HTTPS, certificates: ["cert-1", "cert-2"] } },
  {
    rule: "certificates empty",
    inputs: { ...HTTPS, certificates: [] },
    fails: {
      property: "certificates",
      reason:
        "certificates must be a non-empty list of certificate IDs (1 to 64 letters, digits or hyphens each), got []",
    },
  },
  // others
  {
    rule: "an unknown input",
    inputs: { ...HTTP, listenerPort: 80 },
    fails: { property: "listenerPort", reason: "listenerPort is not an input of ElbListener" },
  },
  {
    rule: "the classic Terraform listener's protocol_port",
    inputs: { ...HTTP, protocolPort: 80 },
    fails: { property: "protocolPort", reason: "protocolPort is not an input of ElbListener; use port" },
  },
  {
    rule: "the classic Terraform listener's session_sticky_type",
    inputs: { ...HTTP, sessionStickyType: "insert" },
    fails: {
      property: "sessionStickyType",
      reason: "sessionStickyType is not an input of ElbListener; use stickySessionType",
    },
  },
  {
    rule: "the classic listener's admin_state_up",
    inputs: { ...HTTP, adminStateUp: true },
    fails: {
      property: "adminStateUp",
      reason: "adminStateUp is not an input of ElbListener; it is an output of ElbListener, not an input",
    },
  },
  {
    rule: "null where a value belongs",
    inputs: { ...HTTP, lbAlgorithm: null },
    fails: {
      property: "lbAlgorithm",
      reason: 'lbAlgorithm must be one of "roundrobin", "leastconn", "source", got null',
    },
  },
  {
    rule: "region in the wrong form",
    inputs: { ...HTTP, region: "EU DE" },
    fails: { property: "region", reason: 'region must be a region name such as eu-de or cn-north-4, got "EU DE"' },
  },
  { rule: "region and projectId given", inputs: { ...HTTP, region: "eu-de", projectId: "0123456789abcdef" } },
  { rule: "adoptExisting given", inputs: { ...HTTP, adoptExisting: true } },
];

describe("checkInputs rules", () => {
  it.each(ROWS.filter((r) => r.fails === undefined).map((r) => [r.rule, r]))("accepts %s", (_rule, row) => {
    expect(checkInputs(row.inputs).failures).toEqual([]);
  });
  it.each(ROWS.filter((r) => r.fails !== undefined).map((r) => [r.rule, r]))("rejects %s", (_rule, row) => {
    expect(checkInputs(row.inputs).failures).toEqual([row.fails]);
  });
});

interface WarnRow {
  readonly rule: string;
  readonly inputs: Record<string, unknown>;
  readonly dropped: string;
  readonly message: string;
}

const WARN_ROWS: WarnRow[] = [
  {
    rule: "sessionSticky on SSL",
    inputs: { ...SSL, sessionSticky: true },
    dropped: "sessionSticky",
    message:
      'sessionSticky has no effect: it is valid only when protocol is not "SSL" (protocol is "SSL"), so it is not sent',
  },
  {
    rule: "stickySessionType on TCP",
    inputs: { ...TCP, sessionSticky: true, stickySessionType: "insert" },
    dropped: "stickySessionType",
    message:
      'stickySessionType has no effect: it is valid only when protocol is "HTTP" or "HTTPS" and sessionSticky is true (protocol is "TCP"), so it is not sent',
  },
  {
    rule: "stickySessionType without sticky sessions",
    inputs: { ...HTTP, stickySessionType: "insert" },
    dropped: "stickySessionType",
    message:
      'stickySessionType has no effect: it is valid only when protocol is "HTTP" or "HTTPS" and sessionSticky is true (protocol is "HTTP"), so it is not sent',
  },
  {
    rule: "cookieTimeout without sticky sessions",
    inputs: { ...HTTP, cookieTimeout: 10 },
    dropped: "cookieTimeout",
    message:
      'cookieTimeout has no effect: it is valid only when protocol is "HTTP" or "HTTPS", sessionSticky is true and stickySessionType is "insert" (protocol is "HTTP"), so it is not sent',
  },
  {
    rule: "tcpTimeout on HTTP",
    inputs: { ...HTTP, tcpTimeout: 3 },
    dropped: "tcpTimeout",
    message:
      'tcpTimeout has no effect: it is valid only when protocol is "TCP" (protocol is "HTTP"), so it is not sent',
  },
  {
    rule: "tcpDraining on HTTP",
    inputs: { ...HTTP, tcpDraining: true },
    dropped: "tcpDraining",
    message:
      'tcpDraining has no effect: it is valid only when protocol is "TCP" (protocol is "HTTP"), so it is not sent',
  },
  {
    rule: "tcpDrainingTimeout without draining",
    inputs: { ...TCP, tcpDrainingTimeout: 5 },
    dropped: "tcpDrainingTimeout",
    message:
      'tcpDrainingTimeout has no effect: it is valid only when protocol is "TCP" and tcpDraining is true (protocol is "TCP"), so it is not sent',
  },
  {
    rule: "udpTimeout on TCP",
    inputs: { ...TCP, udpTimeout: 5 },
    dropped: "udpTimeout",
    message: 'udpTimeout has no effect: it is valid only when protocol is "UDP" (protocol is "TCP"), so it is not sent',
  },
  {
    rule: "certificateId on HTTP",
    inputs: { ...HTTP, certificateId: "cert-1" },
    dropped: "certificateId",
    message:
      'certificateId has no effect: it is valid only when protocol is "HTTPS" or "SSL" (protocol is "HTTP"), so it is not sent',
  },
  {
    rule: "sslProtocols on TCP",
    inputs: { ...TCP, sslProtocols: "TLS 1.2" },
    dropped: "sslProtocols",
    message:
      'sslProtocols has no effect: it is valid only when protocol is "HTTPS" or "SSL" (protocol is "TCP"), so it is not sent',
  },
  {
    rule: "sslCiphers on UDP",
    inputs: { ...UDP, sslCiphers: "Strict" },
    dropped: "sslCiphers",
    message:
      'sslCiphers has no effect: it is valid only when protocol is "HTTPS" or "SSL" (protocol is "UDP"), so it is not sent',
  },
  {
    rule: "certificates on SSL",
    inputs: { ...SSL, certificates: ["cert-2"] },
    dropped: "certificates",
    message:
      'certificates has no effect: it is valid only when protocol is "HTTPS" (protocol is "SSL"), so it is not sent',
  },
];

describe("checkInputs inputs without effect", () => {
  it.each(WARN_ROWS.map((r) => [r.rule, r]))("warns about %s and leaves it out", (_rule, row) => {
    const result = checkInputs(row.inputs);
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([{ property: row.dropped, message: row.message }]);
    expect(result.inputs).not.toHaveProperty(row.dropped);
  });
  it("warns that a tcpTimeout above 5 may be refused, and keeps it", () => {
    const result = checkInputs({ ...TCP, tcpTimeout: 30 });
    expect(result.inputs.tcpTimeout).toBe(30);
    expect(result.warnings).toEqual([
      {
        property: "tcpTimeout",
        message:
          "tcpTimeout 30 is allowed by the document (1 to 1440) but the services are known to accept only 1 to 5; the request may be refused",
      },
    ]);
  });
});

describe("checkInputs normalization", () => {
  it("accepts the document's example request, warning about the TCP-only draining settings", () => {
    const result = checkInputs(DOCUMENT_EXAMPLE);
    expect(result.failures).toEqual([]);
    expect(result.warnings.map((w) => w.property)).toEqual(["tcpDraining", "tcpDrainingTimeout"]);
    expect(result.inputs).toEqual({
      name: "listener1",
      description: "",
      loadbalancerId: "0b07acf06d243925bc24a0ac7445267a",
      protocol: "HTTP",
      port: 88,
      backendProtocol: "HTTP",
      backendPort: 80,
      lbAlgorithm: "roundrobin",
      sessionSticky: true,
      stickySessionType: "insert",
      cookieTimeout: 100,
    });
  });
  it("takes the services' TLSv1.2 spelling as the document's TLS 1.2", () => {
    const result = checkInputs({ ...HTTPS, sslProtocols: "TLSv1.2" });
    expect(result.failures).toEqual([]);
    expect(result.inputs.sslProtocols).toBe("TLS 1.2");
  });
  it("takes the services' TLSv1.2 TLSv1.1 TLSv1 spelling as TLS 1.2 TLS 1.1 TLS 1.0, with its cipher rule", () => {
    const legacy = checkInputs({ ...HTTPS, sslProtocols: "TLSv1.2 TLSv1.1 TLSv1", sslCiphers: "Extended" });
    expect(legacy.failures).toEqual([]);
    expect(legacy.inputs.sslProtocols).toBe("TLS 1.2 TLS 1.1 TLS 1.0");
    expect(checkInputs({ ...HTTPS, sslProtocols: "TLSv1.2 TLSv1.1 TLSv1", sslCiphers: "Strict" }).failures).toEqual([
      {
        property: "sslCiphers",
        reason: 'sslCiphers must be "Extended" when sslProtocols is "TLS 1.2 TLS 1.1 TLS 1.0", got "Strict"',
      },
    ]);
  });
  it("fills the document's TLS defaults on HTTPS", () => {
    expect(checkInputs(HTTPS).inputs).toMatchObject({ sslProtocols: "TLS 1.2", sslCiphers: "Default" });
  });
  it("strips the serialized provider", () => {
    expect(checkInputs({ ...HTTP, __provider: "x" }).inputs).not.toHaveProperty("__provider");
  });
  it("skips rules whose inputs are unknown during preview and keeps the unknown values", () => {
    const result = checkInputs({ ...UDP, backendProtocol: "TCP", protocol: UNKNOWN_SENTINEL, udpTimeout: 5 });
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.inputs.protocol).toBe(UNKNOWN_SENTINEL);
  });
  it("does not require a certificate while certificateId is unknown", () => {
    expect(checkInputs({ ...HTTPS, certificateId: UNKNOWN_SENTINEL }).failures).toEqual([]);
  });
  it("reports every failure of one input set", () => {
    const failures = checkInputs({ ...UDP, backendProtocol: "HTTP", port: -1 }).failures.map((f) => f.property);
    expect(failures).toEqual(["port", "backendProtocol"]);
  });
});

describe("checkInputs never throws", () => {
  const anyValue = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme", maxLength: 300 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(UNKNOWN_SENTINEL),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
    fc.constantFrom(
      "HTTP",
      "TCP",
      "HTTPS",
      "SSL",
      "UDP",
      "roundrobin",
      "leastconn",
      "TLS 1.2 TLS 1.1 TLS 1.0",
      "insert",
    ),
  );
  const names = fc.constantFrom(...INPUT_NAMES, "__provider", "other", "constructor", "__proto__");
  it("returns data for arbitrary inputs (fixed seed)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(names, anyValue), anyValue), (raw) => {
        const result = checkInputs(raw);
        expect(Array.isArray(result.failures)).toBe(true);
        for (const f of result.failures) expect(f.reason.startsWith(f.property) || f.property === "").toBe(true);
      }),
      { seed: 20240506, numRuns: Number(process.env.FC_RUNS ?? 500) },
    );
  });
});

describe("diffInputs", () => {
  const stored = { ...HTTP, resolvedRegion: "eu-de", resolvedProjectId: "p1" };
  it("updates in place what PUT can change", () => {
    expect(diffInputs(stored, { ...HTTP, port: 81 })).toEqual({
      changed: ["port"],
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
  it("replaces on protocol, deleting first on the same load balancer and port", () => {
    expect(diffInputs(stored, { ...TCP })).toEqual({
      changed: ["protocol", "backendProtocol"],
      replaces: ["protocol", "backendProtocol"],
      deleteBeforeReplace: true,
    });
  });
  it("compares a region left out with the configured one against the region of creation", () => {
    expect(diffInputs(stored, HTTP, { region: "eu-de" }).changed).toEqual([]);
    expect(diffInputs(stored, HTTP, { region: "eu-nl" }).replaces).toEqual(["region"]);
  });
  it("counts an unknown value as a change and never compares adoptExisting", () => {
    expect(diffInputs(stored, { ...HTTP, name: UNKNOWN_SENTINEL, adoptExisting: true }).changed).toEqual(["name"]);
  });
});

describe("loadBalancerRefusal", () => {
  it("refuses UDP on a private load balancer", () => {
    expect(loadBalancerRefusal({ id: "lb1", type: "Internal" }, { protocol: "UDP" })).toBe(
      "Huawei Cloud ELB load balancer lb1 is private (type Internal): a UDP listener cannot be added to a private " +
        "network load balancer; use an External load balancer or another protocol",
    );
  });
  it("refuses SNI certificates on a load balancer that is not public", () => {
    expect(loadBalancerRefusal({ id: "lb1" }, { protocol: "HTTPS", certificates: ["c1"] })).toBe(
      "Huawei Cloud ELB load balancer lb1 is not public (type unknown): certificates (SNI) are valid only on a public " +
        "network load balancer; remove certificates or use an External load balancer",
    );
  });
  it("allows both on a public load balancer", () => {
    expect(loadBalancerRefusal({ id: "lb1", type: "External" }, { protocol: "UDP", certificates: ["c1"] })).toBe(
      undefined,
    );
  });
});
