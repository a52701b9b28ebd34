import fc from "fast-check";
import { UNKNOWN_SENTINEL } from "../core/check";
import { checkInputs, normalise } from "./schema";
import { HTTPS_BASE } from "./testing";

/** A valid listener with every conditional rule satisfied; each row below changes one input. */
const BASE = HTTPS_BASE;

interface Row {
  readonly property: string;
  readonly valid: unknown;
  readonly invalid: unknown;
  readonly reason: string;
  /** Other inputs the row needs, e.g. to switch a conditional rule on. */
  readonly with?: Record<string, unknown>;
}

const ONOFF = 'must be one of "on", "off"';

/** Every per-property rule of the document: a valid value, an invalid one, and the exact reason. */
const RULES: readonly Row[] = [
  { property: "loadBalancerId", valid: "lb-bp1", invalid: "", reason: 'must be a non-empty string, got ""' },
  { property: "listenerPort", valid: 65535, invalid: 70000, reason: "must be an integer from 1 to 65535, got 70000" },
  { property: "listenerPort", valid: 1, invalid: 0, reason: "must be an integer from 1 to 65535, got 0" },
  { property: "listenerPort", valid: 80, invalid: 80.5, reason: "must be an integer from 1 to 65535, got 80.5" },
  { property: "listenerPort", valid: 80, invalid: "80", reason: 'must be an integer from 1 to 65535, got "80"' },
  { property: "bandwidth", valid: -1, invalid: 0, reason: "must be -1 or an integer from 1 to 5120, got 0" },
  { property: "bandwidth", valid: 5120, invalid: 5121, reason: "must be -1 or an integer from 1 to 5120, got 5121" },
  { property: "bandwidth", valid: 1, invalid: -2, reason: "must be -1 or an integer from 1 to 5120, got -2" },
  { property: "healthCheck", valid: "off", invalid: "yes", reason: `${ONOFF}, got "yes"` },
  { property: "serverCertificateId", valid: "c", invalid: 5, reason: "must be a non-empty string, got 5" },
  { property: "stickySession", valid: "off", invalid: true, reason: `${ONOFF}, got true` },
  { property: "regionId", valid: "cn-hangzhou", invalid: "", reason: 'must be a non-empty string, got ""' },
  { property: "aclId", valid: "acl-1", invalid: "", reason: 'must be a non-empty string, got ""' },
  { property: "aclStatus", valid: "off", invalid: "ON", reason: `${ONOFF}, got "ON"` },
  {
    property: "aclType",
    valid: "black",
    invalid: "grey",
    reason: 'must be one of "white", "black", got "grey"',
  },
  {
    property: "backendServerPort",
    valid: 8080,
    invalid: 65536,
    reason: "must be an integer from 1 to 65535, got 65536",
  },
  { property: "caCertificateId", valid: "ca-1", invalid: "", reason: 'must be a non-empty string, got ""' },
  {
    property: "cookie",
    valid: "B490B5EBF6F3CD402E515D22BCDA1598",
    invalid: "a,b",
    reason: 'must be 1 to 200 ASCII letters and digits (no comma, semicolon or space, not starting with $), got "a,b"',
  },
  {
    property: "cookie",
    valid: "a".repeat(200),
    invalid: "$abc",
    reason: 'must be 1 to 200 ASCII letters and digits (no comma, semicolon or space, not starting with $), got "$abc"',
  },
  {
    property: "cookie",
    valid: "abc1",
    invalid: "a b",
    reason: 'must be 1 to 200 ASCII letters and digits (no comma, semicolon or space, not starting with $), got "a b"',
  },
  {
    property: "cookie",
    valid: "abc1",
    invalid: "a;b",
    reason: 'must be 1 to 200 ASCII letters and digits (no comma, semicolon or space, not starting with $), got "a;b"',
  },
  { property: "cookieTimeout", valid: 86400, invalid: 86401, reason: "must be an integer from 1 to 86400, got 86401" },
  {
    property: "description",
    valid: "web_listener-1/prod.v2",
    invalid: "Create a listener",
    reason:
      "must be 1 to 80 characters of letters, digits, Chinese characters, hyphens (-), slashes (/), periods (.) " +
      'and underscores (_) (spaces are not allowed, although the document\'s own example "Create a listener" has ' +
      'them: the rule wins), got "Create a listener"',
  },
  {
    property: "description",
    valid: "监听器_1",
    invalid: "x".repeat(81),
    reason:
      "must be 1 to 80 characters of letters, digits, Chinese characters, hyphens (-), slashes (/), periods (.) " +
      `and underscores (_), got "${"x".repeat(56)}...`,
  },
  { property: "enableHttp2", valid: "off", invalid: "", reason: `${ONOFF}, got ""` },
  { property: "gzip", valid: "off", invalid: null, reason: `${ONOFF}, got null` },
  {
    property: "healthCheckConnectPort",
    valid: 8080,
    invalid: 0,
    reason:
      "must be an integer from 1 to 65535, got 0; leave healthCheckConnectPort out to check the backend port " +
      "(what slb.Listener's 0 does)",
  },
  {
    property: "healthCheckDomain",
    valid: "$_ip",
    invalid: "bad_domain",
    reason: 'must be "$_ip" or 1 to 80 characters of letters, digits, hyphens (-) and periods (.), got "bad_domain"',
  },
  {
    property: "healthCheckDomain",
    valid: "www.example-1.com",
    invalid: "d".repeat(81),
    reason: `must be "$_ip" or 1 to 80 characters of letters, digits, hyphens (-) and periods (.), got "${"d".repeat(56)}...`,
  },
  {
    property: "healthCheckHttpCode",
    valid: "http_2xx,http_3xx",
    invalid: "http_2xx,http_6xx",
    reason: 'must be a comma-separated list of http_2xx, http_3xx, http_4xx, http_5xx, got "http_2xx,http_6xx"',
  },
  {
    property: "healthCheckHttpCode",
    valid: "http_5xx",
    invalid: "http_2xx,",
    reason: 'must be a comma-separated list of http_2xx, http_3xx, http_4xx, http_5xx, got "http_2xx,"',
  },
  { property: "healthCheckInterval", valid: 50, invalid: 51, reason: "must be an integer from 1 to 50, got 51" },
  { property: "healthCheckTimeout", valid: 300, invalid: 301, reason: "must be an integer from 1 to 300, got 301" },
  { property: "healthCheckUri", valid: "/test/index.html", invalid: "", reason: 'must be a non-empty string, got ""' },
  { property: "healthyThreshold", valid: 2, invalid: 1, reason: "must be an integer from 2 to 10, got 1" },
  { property: "idleTimeout", valid: 60, invalid: 61, reason: "must be an integer from 1 to 60, got 61" },
  { property: "requestTimeout", valid: 180, invalid: 181, reason: "must be an integer from 1 to 180, got 181" },
  { property: "scheduler", valid: "wlc", invalid: "lc", reason: 'must be one of "wrr", "wlc", "rr", got "lc"' },
  {
    property: "stickySessionType",
    valid: "server",
    invalid: "rewrite",
    reason: 'must be one of "insert", "server", got "rewrite"',
    with: { cookie: "abc" },
  },
  {
    property: "tlsCipherPolicy",
    valid: "tls_cipher_policy_1_2_strict",
    invalid: "tls_cipher_policy_1_3",
    reason:
      'must be one of "tls_cipher_policy_1_0", "tls_cipher_policy_1_1", "tls_cipher_policy_1_2", ' +
      '"tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3", got "tls_cipher_policy_1_3"',
  },
  {
    property: "tlsCipherPolicy",
    valid: "tls_cipher_policy_1_2_strict_with_1_3",
    invalid: "tls_cipher_policy_1_2_strict_with_1_4",
    reason:
      'must be one of "tls_cipher_policy_1_0", "tls_cipher_policy_1_1", "tls_cipher_policy_1_2", ' +
      '"tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3", got "tls_cipher_policy_1_2_strict_with_1_4"',
  },
  { property: "healthCheckMethod", valid: "head", invalid: "GET", reason: 'must be one of "head", "get", got "GET"' },
  { property: "healthCheckMethod", valid: "get", invalid: "post", reason: 'must be one of "head", "get", got "post"' },
  { property: "xForwardedForSlbPort", valid: "on", invalid: "yes", reason: `${ONOFF}, got "yes"` },
  { property: "xForwardedForClientSrcPort", valid: "on", invalid: true, reason: `${ONOFF}, got true` },
  {
    property: "aclIds",
    valid: ["acl-1", "acl-2", "acl-3"],
    invalid: ["acl-1", "acl-2", "acl-3", "acl-4"],
    reason: 'must be a list of 1 to 3 distinct non-empty ACL ids without commas, got ["acl-1","acl-2","acl-3","acl-4"]',
  },
  {
    property: "aclIds",
    valid: ["acl-1"],
    invalid: [],
    reason: "must be a list of 1 to 3 distinct non-empty ACL ids without commas, got []",
  },
  {
    property: "aclIds",
    valid: ["acl-1", "acl-2"],
    invalid: ["acl-1", "acl-1"],
    reason: 'must be a list of 1 to 3 distinct non-empty ACL ids without commas, got ["acl-1","acl-1"]',
  },
  {
    property: "aclIds",
    valid: ["acl-1", "acl-2"],
    invalid: ["acl-1,acl-2"],
    reason: 'must be a list of 1 to 3 distinct non-empty ACL ids without commas, got ["acl-1,acl-2"]',
  },
  {
    property: "aclIds",
    valid: ["acl-1"],
    invalid: "acl-1",
    reason: 'must be a list of 1 to 3 distinct non-empty ACL ids without commas, got "acl-1"',
  },
  ...(
    [
      [{ team: "web", empty: "" }, { "": "x" }, '{"":"x"}'],
      [{ ["k".repeat(64)]: "v" }, { ["k".repeat(65)]: "v" }, `{"${"k".repeat(55)}...`],
      [{ env: "v".repeat(128) }, { env: "v".repeat(129) }, `{"env":"${"v".repeat(49)}...`],
      [{ myaliyun: "x" }, { aliyunTeam: "x" }, '{"aliyunTeam":"x"}'],
      [{ "x-acs:": "x" }, { "acs:team": "x" }, '{"acs:team":"x"}'],
      [{ team: "x-acs:" }, { team: "acs:x" }, '{"team":"acs:x"}'],
      [{ site: "example.com" }, { site: "https://example.com" }, '{"site":"https://example.com"}'],
      [{ site: "x" }, { "http://site": "x" }, '{"http://site":"x"}'],
      [{ n: "1" }, { n: 1 }, '{"n":1}'],
      [
        Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, "v"])),
        Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])),
        '{"k0":"v","k1":"v","k2":"v","k3":"v","k4":"v","k5":"v","k...',
      ],
    ] as const
  ).map(([valid, invalid, shown]) => ({
    property: "tags",
    valid,
    invalid,
    reason:
      'must be at most 20 tags; a key of 1 to 64 characters not starting with "aliyun" or "acs:", a value of at most ' +
      `128 characters not starting with "acs:", neither holding "http://" or "https://", got ${shown}`,
  })),
  { property: "unhealthyThreshold", valid: 10, invalid: 11, reason: "must be an integer from 2 to 10, got 11" },
  { property: "vServerGroupId", valid: "rsp-1", invalid: "", reason: 'must be a non-empty string, got ""' },
  { property: "xForwardedFor", valid: "off", invalid: 1, reason: `${ONOFF}, got 1` },
  { property: "xForwardedForSlbId", valid: "on", invalid: "no", reason: `${ONOFF}, got "no"` },
  { property: "xForwardedForSlbIp", valid: "on", invalid: "no", reason: `${ONOFF}, got "no"` },
  { property: "xForwardedForProto", valid: "on", invalid: "no", reason: `${ONOFF}, got "no"` },
  { property: "adoptExisting", valid: true, invalid: "true", reason: 'must be true or false, got "true"' },
];

/** Conditional rules: inputs that satisfy the rule, inputs that break it, and the exact failure. */
const CONDITIONAL: readonly { name: string; valid: object; invalid: object; property: string; reason: string }[] = [
  {
    name: "aclId when aclStatus is on",
    valid: { aclStatus: "on", aclId: "acl-1", aclType: "white" },
    invalid: { aclStatus: "on", aclType: "white" },
    property: "aclId",
    reason: "aclId is required when aclStatus is on",
  },
  {
    name: "aclType when aclStatus is on",
    valid: { aclStatus: "on", aclId: "acl-1", aclType: "black" },
    invalid: { aclStatus: "on", aclId: "acl-1" },
    property: "aclType",
    reason: "aclType is required when aclStatus is on",
  },
  {
    name: "backendServerPort when vServerGroupId is not given",
    valid: { backendServerPort: undefined, vServerGroupId: "rsp-1" },
    invalid: { backendServerPort: undefined },
    property: "backendServerPort",
    reason: "backendServerPort is required when vServerGroupId is not given",
  },
  {
    name: "stickySessionType when stickySession is on",
    valid: { stickySession: "on", stickySessionType: "insert", cookieTimeout: 500 },
    invalid: { stickySession: "on" },
    property: "stickySessionType",
    reason: "stickySessionType is required when stickySession is on",
  },
  {
    name: "cookieTimeout when sticky sessions insert cookies",
    valid: { stickySession: "on", stickySessionType: "insert", cookieTimeout: 1 },
    invalid: { stickySession: "on", stickySessionType: "insert" },
    property: "cookieTimeout",
    reason: "cookieTimeout is required when stickySession is on and stickySessionType is insert",
  },
  {
    name: "aclIds instead of aclId when access control is on",
    valid: { aclStatus: "on", aclType: "white", aclIds: ["acl-1", "acl-2"] },
    invalid: { aclStatus: "on", aclType: "white", aclIds: ["acl-1"], aclId: "acl-1" },
    property: "aclIds",
    reason: "aclIds cannot be given with aclId; list every ACL in aclIds",
  },
  {
    name: "cookie when sticky sessions rewrite the server's cookie",
    valid: { stickySession: "on", stickySessionType: "server", cookie: "SESSIONID" },
    invalid: { stickySession: "on", stickySessionType: "server" },
    property: "cookie",
    reason: "cookie is required when stickySession is on and stickySessionType is server",
  },
];

describe("checkInputs", () => {
  it("accepts the base listener", () => {
    expect(checkInputs(BASE).failures).toEqual([]);
  });

  describe.each(RULES)("$property", (row) => {
    it(`accepts ${JSON.stringify(row.valid)?.slice(0, 40)}`, () => {
      expect(checkInputs({ ...BASE, ...row.with, [row.property]: row.valid }).failures).toEqual([]);
    });
    it(`rejects ${JSON.stringify(row.invalid)?.slice(0, 40)}`, () => {
      expect(checkInputs({ ...BASE, ...row.with, [row.property]: row.invalid }).failures).toEqual([
        { property: row.property, reason: `${row.property} ${row.reason}` },
      ]);
    });
  });

  describe.each(CONDITIONAL)("requires $name", (row) => {
    it("accepts inputs that satisfy the rule", () => {
      expect(checkInputs({ ...BASE, ...row.valid }).failures).toEqual([]);
    });
    it("rejects inputs that break it", () => {
      expect(checkInputs({ ...BASE, ...row.invalid }).failures).toEqual([
        { property: row.property, reason: row.reason },
      ]);
    });
  });

  it.each(["loadBalancerId", "listenerPort", "bandwidth", "healthCheck", "serverCertificateId", "stickySession"])(
    "requires %s",
    (property) => {
      expect(checkInputs({ ...BASE, [property]: undefined }).failures).toEqual([
        { property, reason: `${property} is required` },
      ]);
    },
  );

  it("rejects the document's request example, naming backendServerPort and stickySessionType", () => {
    const example = {
      bandwidth: -1,
      healthCheck: "on",
      listenerPort: 80,
      loadBalancerId: "lb-bp1o94dp5i6earr9g6d1l",
      serverCertificateId: "idkp-123-cn-test-01",
      stickySession: "on",
    };
    expect(checkInputs(example).failures).toEqual([
      { property: "backendServerPort", reason: "backendServerPort is required when vServerGroupId is not given" },
      { property: "stickySessionType", reason: "stickySessionType is required when stickySession is on" },
    ]);
  });

  it("rejects a property that is not an input", () => {
    expect(checkInputs({ ...BASE, listenerPorts: 80 }).failures).toEqual([
      { property: "listenerPorts", reason: "listenerPorts is not an input of HttpsListener" },
    ]);
  });

  describe("inputs written for @pulumi/alicloud slb.Listener", () => {
    it("points each slb.Listener name to the HttpsListener input", () => {
      const slb = {
        frontendPort: 443,
        backendPort: 80,
        serverGroupId: "rsp-1",
        sslCertificateId: "c",
        protocol: "https",
      };
      expect(checkInputs({ ...BASE, ...slb }).failures).toEqual([
        { property: "backendPort", reason: "backendPort is not an input of HttpsListener; use backendServerPort" },
        { property: "frontendPort", reason: "frontendPort is not an input of HttpsListener; use listenerPort" },
        {
          property: "protocol",
          reason: "protocol is not an input of HttpsListener; an HttpsListener is always HTTPS, leave protocol out",
        },
        { property: "serverGroupId", reason: "serverGroupId is not an input of HttpsListener; use vServerGroupId" },
        {
          property: "sslCertificateId",
          reason: "sslCertificateId is not an input of HttpsListener; use serverCertificateId",
        },
      ]);
    });

    it("says what slb.Listener's boolean gzip is here", () => {
      expect(checkInputs({ ...BASE, gzip: false }).failures).toEqual([
        {
          property: "gzip",
          reason: 'gzip must be one of "on", "off", got false; slb.Listener\'s gzip: false is gzip: "off" here',
        },
      ]);
    });

    it("says what slb.Listener's xForwardedFor block is here", () => {
      expect(checkInputs({ ...BASE, xForwardedFor: { retriveSlbIp: true } }).failures).toEqual([
        {
          property: "xForwardedFor",
          reason:
            'xForwardedFor must be one of "on", "off", got {"retriveSlbIp":true}; slb.Listener\'s xForwardedFor block ' +
            'is xForwardedFor: "on" here, with retriveSlbIp, retriveSlbId and retriveSlbProto as xForwardedForSlbIp, ' +
            'xForwardedForSlbId and xForwardedForProto ("on" or "off")',
        },
      ]);
    });

    it("says that slb.Listener's healthCheckConnectPort 0 is an absent port here", () => {
      expect(checkInputs({ ...BASE, healthCheckConnectPort: 0 }).failures).toEqual([
        {
          property: "healthCheckConnectPort",
          reason:
            "healthCheckConnectPort must be an integer from 1 to 65535, got 0; leave healthCheckConnectPort out to " +
            "check the backend port (what slb.Listener's 0 does)",
        },
      ]);
    });

    it("adds no hint to a value of the right type that breaks a rule", () => {
      expect(checkInputs({ ...BASE, gzip: "yes", healthCheckConnectPort: 70000 }).failures).toEqual([
        { property: "gzip", reason: 'gzip must be one of "on", "off", got "yes"' },
        {
          property: "healthCheckConnectPort",
          reason: "healthCheckConnectPort must be an integer from 1 to 65535, got 70000",
        },
      ]);
    });
  });

  it("rejects inputs that are not an object", () => {
    expect(checkInputs(null).failures).toEqual([
      { property: "", reason: "HttpsListener inputs must be an object, got null" },
    ]);
  });

  it("skips values unknown during preview and keeps them", () => {
    const r = checkInputs({ ...BASE, loadBalancerId: UNKNOWN_SENTINEL, listenerPort: UNKNOWN_SENTINEL });
    expect(r.failures).toEqual([]);
    expect(r.inputs.loadBalancerId).toBe(UNKNOWN_SENTINEL);
  });

  it("treats an unknown value as satisfying a conditional rule", () => {
    const r = checkInputs({ ...BASE, stickySession: "on", stickySessionType: UNKNOWN_SENTINEL });
    expect(r.failures).toEqual([]);
  });

  it("skips a conditional rule whose deciding input is unknown", () => {
    expect(checkInputs({ ...BASE, aclStatus: UNKNOWN_SENTINEL }).failures).toEqual([]);
  });

  it("fills in the API defaults and the configured region", () => {
    expect(checkInputs(BASE, "cn-hangzhou").inputs).toEqual({
      ...BASE,
      regionId: "cn-hangzhou",
      aclStatus: "off",
      enableHttp2: "on",
      gzip: "on",
      healthCheckHttpCode: "http_2xx",
      idleTimeout: 15,
      requestTimeout: 60,
      scheduler: "wrr",
      xForwardedFor: "on",
      xForwardedForSlbId: "off",
      xForwardedForSlbIp: "off",
      xForwardedForProto: "off",
      xForwardedForSlbPort: "off",
      xForwardedForClientSrcPort: "off",
    });
  });

  it("keeps an explicit regionId over the configured one", () => {
    expect(checkInputs({ ...BASE, regionId: "eu-central-1" }, "cn-hangzhou").inputs.regionId).toBe("eu-central-1");
  });

  it("drops the serialized provider from the inputs it returns", () => {
    expect(checkInputs({ ...BASE, __provider: "x" }).inputs).not.toHaveProperty("__provider");
  });

  it("raises a health check timeout smaller than the interval to the interval", () => {
    const r = checkInputs({ ...BASE, healthCheckInterval: 10, healthCheckTimeout: 3 });
    expect(r.inputs.healthCheckTimeout).toBe(10);
  });

  it("keeps a health check timeout at least the interval", () => {
    expect(checkInputs({ ...BASE, healthCheckInterval: 5, healthCheckTimeout: 30 }).inputs.healthCheckTimeout).toBe(30);
  });

  it("is idempotent: checking its own output changes nothing", () => {
    const once = checkInputs({ ...BASE, healthCheckInterval: 9, healthCheckTimeout: 2 }, "cn-hangzhou").inputs;
    expect(checkInputs(once, "cn-hangzhou").inputs).toEqual(once);
  });
});

describe("normalise", () => {
  it("does not fill a default over an unknown value", () => {
    expect(normalise({ scheduler: undefined }, new Set(["scheduler"])).scheduler).toBeUndefined();
  });
});

describe("checkInputs on arbitrary input", () => {
  const anyValue = fc.oneof(
    fc.anything(),
    fc.string({ unit: "binary" }),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.constant(UNKNOWN_SENTINEL),
    fc.string({ maxLength: 5000 }),
  );
  const keys = fc.constantFrom(
    ...Object.keys(BASE),
    "regionId",
    "aclStatus",
    "cookie",
    "description",
    "stickySessionType",
    "healthCheckTimeout",
    "__provider",
    "unknownKey",
  );

  it("never throws and always returns failures with a property and a reason", () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.dictionary(keys, anyValue)), (raw) => {
        const r = checkInputs(raw);
        for (const f of r.failures) {
          expect(typeof f.property).toBe("string");
          expect(f.reason.length).toBeGreaterThan(0);
        }
      }),
      { seed: 20240601, numRuns: 500 },
    );
  });

  it("never throws when one input of a valid listener is replaced by anything", () => {
    fc.assert(
      fc.property(keys, anyValue, (key, value) => {
        const r = checkInputs({ ...BASE, [key]: value });
        expect(Array.isArray(r.failures)).toBe(true);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
