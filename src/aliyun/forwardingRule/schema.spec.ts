/**
 * The ForwardingRule check rules, one row per rule with its exact failure message, the cross-field rules, and the
 * replace table.
 */
import { UNKNOWN_SENTINEL } from "../../core/check";
import { DOMAIN_RULE } from "../domainExtension/schema";
import { checkInputs, diffInputs, REPLACE_INPUTS, RULE_NAME_RULE, URL_RULE } from "./schema";
import type { ForwardingRuleInputs } from "./schema";

/** A valid rule; each row below changes one input. */
const BASE: ForwardingRuleInputs = {
  loadBalancerId: "lb-1",
  listenerPort: 443,
  listenerProtocol: "https",
  ruleName: "api",
  domain: "www.example.com",
  url: "/api",
  vServerGroupId: "rsp-1",
};

/** OFF is a valid rule with its own settings. */
const OFF: ForwardingRuleInputs = {
  ...BASE,
  listenerSync: "off",
  scheduler: "wrr",
  stickySession: "off",
  healthCheck: "on",
};

const URI_RULE = "1 to 80 characters of letters, digits and -/.%?#&, starting with / and not only /";

/** Every per-property rule: a valid value, an invalid one, and the exact reason. */
const RULES: readonly { property: keyof ForwardingRuleInputs; valid: unknown; invalid: unknown; reason: string }[] = [
  { property: "loadBalancerId", valid: "lb-bp1", invalid: "", reason: 'must be a non-empty string, got ""' },
  { property: "listenerPort", valid: 65535, invalid: 0, reason: "must be an integer from 1 to 65535, got 0" },
  { property: "listenerPort", valid: 1, invalid: 65536, reason: "must be an integer from 1 to 65535, got 65536" },
  { property: "listenerPort", valid: 80, invalid: "80", reason: 'must be an integer from 1 to 65535, got "80"' },
  { property: "listenerProtocol", valid: "http", invalid: "tcp", reason: 'must be one of "http", "https", got "tcp"' },
  { property: "ruleName", valid: "a/b.c_d-e", invalid: "", reason: `must be ${RULE_NAME_RULE}, got ""` },
  {
    property: "ruleName",
    valid: "r".repeat(40),
    invalid: "r".repeat(41),
    reason: `must be ${RULE_NAME_RULE}, got "${"r".repeat(41)}"`,
  },
  { property: "ruleName", valid: "rule1", invalid: "rule 1", reason: `must be ${RULE_NAME_RULE}, got "rule 1"` },
  { property: "vServerGroupId", valid: "rsp-2", invalid: "", reason: 'must be a non-empty string, got ""' },
  {
    property: "domain",
    valid: "*.example.com",
    invalid: "www.*.example.com",
    reason: `must be ${DOMAIN_RULE}; "*" may only be the whole left-most label, got "www.*.example.com"`,
  },
  {
    property: "domain",
    valid: "a-b.example.com",
    invalid: "exa_mple.com",
    reason: `must be ${DOMAIN_RULE}, got "exa_mple.com"`,
  },
  { property: "url", valid: "/a/b.html?x&y%20#top", invalid: "/", reason: `must be ${URL_RULE}, got "/"` },
  { property: "url", valid: "/a", invalid: "api", reason: `must be ${URL_RULE}, got "api"` },
  {
    property: "url",
    valid: `/${"u".repeat(79)}`,
    invalid: `/${"u".repeat(80)}`,
    reason: `must be ${URL_RULE}, got "/${"u".repeat(55)}...`,
  },
  { property: "url", valid: "/a-b", invalid: "/a b", reason: `must be ${URL_RULE}, got "/a b"` },
  { property: "listenerSync", valid: "on", invalid: "yes", reason: 'must be one of "on", "off", got "yes"' },
  { property: "regionId", valid: "cn-hangzhou", invalid: "", reason: 'must be a non-empty string, got ""' },
  { property: "adoptExisting", valid: true, invalid: "yes", reason: 'must be true or false, got "yes"' },
];

/** The advanced settings' own rules, checked on a rule with listenerSync "off". */
const ADVANCED_RULES: readonly {
  property: keyof ForwardingRuleInputs;
  valid: unknown;
  invalid: unknown;
  reason: string;
  more?: Partial<ForwardingRuleInputs>;
}[] = [
  { property: "scheduler", valid: "wlc", invalid: "sch", reason: 'must be one of "wrr", "wlc", "rr", got "sch"' },
  { property: "stickySession", valid: "off", invalid: "true", reason: 'must be one of "on", "off", got "true"' },
  { property: "healthCheck", valid: "off", invalid: 1, reason: 'must be one of "on", "off", got 1' },
  {
    property: "stickySessionType",
    valid: "insert",
    invalid: "rewrite",
    reason: 'must be one of "insert", "server", got "rewrite"',
    more: { stickySession: "on", cookieTimeout: 60 },
  },
  {
    property: "cookieTimeout",
    valid: 86400,
    invalid: 86401,
    reason: "must be an integer from 1 to 86400, got 86401",
    more: { stickySession: "on", stickySessionType: "insert" },
  },
  {
    property: "cookieTimeout",
    valid: 1,
    invalid: 0,
    reason: "must be an integer from 1 to 86400, got 0",
    more: { stickySession: "on", stickySessionType: "insert" },
  },
  {
    property: "cookie",
    valid: "B490B5EBF6F3CD402E515D22BCDA1598",
    invalid: "$abc",
    reason: 'must be 1 to 200 ASCII letters and digits (no comma, semicolon or space, not starting with $), got "$abc"',
    more: { stickySession: "on", stickySessionType: "server" },
  },
  { property: "healthCheckUri", valid: "/health", invalid: "/", reason: `must be ${URI_RULE}, got "/"` },
  {
    property: "healthCheckDomain",
    valid: "$_ip",
    invalid: "a_b",
    reason: 'must be "$_ip" or 1 to 80 characters of letters, digits, hyphens (-) and periods (.), got "a_b"',
  },
  {
    property: "healthCheckHttpCode",
    valid: "http_2xx,http_3xx",
    invalid: "http_2xx;http_3xx",
    reason: 'must be a comma-separated list of http_2xx, http_3xx, http_4xx, http_5xx, got "http_2xx;http_3xx"',
  },
  { property: "healthCheckConnectPort", valid: 65535, invalid: 0, reason: "must be an integer from 1 to 65535, got 0" },
  { property: "healthCheckTimeout", valid: 300, invalid: 301, reason: "must be an integer from 1 to 300, got 301" },
  { property: "healthCheckInterval", valid: 50, invalid: 51, reason: "must be an integer from 1 to 50, got 51" },
  { property: "healthCheckInterval", valid: 1, invalid: 0, reason: "must be an integer from 1 to 50, got 0" },
  { property: "healthyThreshold", valid: 10, invalid: 1, reason: "must be an integer from 2 to 10, got 1" },
  { property: "unhealthyThreshold", valid: 2, invalid: 11, reason: "must be an integer from 2 to 10, got 11" },
];

describe("ForwardingRule checkInputs", () => {
  it("accepts the base inputs and fills in the configured region", () => {
    expect(checkInputs(BASE, "cn-hangzhou")).toEqual({
      ok: true,
      inputs: { ...BASE, regionId: "cn-hangzhou" },
      failures: [],
    });
  });

  it.each(RULES)("$property: accepts $valid, refuses $invalid", ({ property, valid, invalid, reason }) => {
    expect(checkInputs({ ...BASE, [property]: valid }).failures).toEqual([]);
    expect(checkInputs({ ...BASE, [property]: invalid }).failures).toEqual([
      { property, reason: `${property} ${reason}` },
    ]);
  });

  it.each(ADVANCED_RULES)(
    "$property (listenerSync off): accepts $valid, refuses $invalid",
    ({ property, valid, invalid, reason, more }) => {
      expect(checkInputs({ ...OFF, ...more, [property]: valid }).failures).toEqual([]);
      expect(checkInputs({ ...OFF, ...more, [property]: invalid }).failures).toEqual([
        { property, reason: `${property} ${reason}` },
      ]);
    },
  );

  it.each(["loadBalancerId", "listenerPort", "listenerProtocol", "ruleName", "vServerGroupId"] as const)(
    "requires %s",
    (property) => {
      const inputs: Partial<ForwardingRuleInputs> = { ...BASE };
      delete inputs[property];
      expect(checkInputs(inputs).failures).toEqual([{ property, reason: `${property} is required` }]);
    },
  );

  it("requires a domain or a URL, and accepts either alone", () => {
    const { domain, url, ...neither } = BASE;
    expect(checkInputs(neither).failures).toEqual([
      { property: "domain", reason: "domain or url is required: a rule matches by domain, by URL or by both" },
    ]);
    expect(checkInputs({ ...neither, domain }).ok).toBe(true);
    expect(checkInputs({ ...neither, url }).ok).toBe(true);
  });

  it("waits for a domain or URL still unknown in preview", () => {
    const { domain: _d, url: _u, ...neither } = BASE;
    expect(checkInputs({ ...neither, url: UNKNOWN_SENTINEL }).failures).toEqual([]);
  });

  it.each([undefined, "on"] as const)(
    "refuses each advanced setting unless listenerSync is off (listenerSync %p)",
    (listenerSync) => {
      const { listenerSync: _off, ...advanced } = OFF;
      const inputs = { ...advanced, ...(listenerSync ? { listenerSync } : {}), healthCheckTimeout: 5 };
      const reason = 'applies only when listenerSync is "off" (with "on" the rule follows its listener)';
      expect(checkInputs(inputs).failures).toEqual(
        ["scheduler", "stickySession", "healthCheck", "healthCheckTimeout"].map((property) => ({
          property,
          reason: `${property} ${reason}`,
        })),
      );
    },
  );

  it("requires scheduler, stickySession and healthCheck when listenerSync is off", () => {
    expect(checkInputs({ ...BASE, listenerSync: "off" }).failures).toEqual(
      ["scheduler", "stickySession", "healthCheck"].map((property) => ({
        property,
        reason: `${property} is required when listenerSync is "off"`,
      })),
    );
  });

  it("requires stickySessionType with stickySession on, and refuses it with off", () => {
    expect(checkInputs({ ...OFF, stickySession: "on" }).failures).toEqual([
      { property: "stickySessionType", reason: 'stickySessionType is required when stickySession is "on"' },
    ]);
    expect(checkInputs({ ...OFF, stickySessionType: "insert" }).failures).toEqual([
      { property: "stickySessionType", reason: 'stickySessionType applies only when stickySession is "on"' },
    ]);
  });

  it("requires cookieTimeout with insert and cookie with server, and refuses each with the other", () => {
    const on = { ...OFF, stickySession: "on" as const };
    expect(checkInputs({ ...on, stickySessionType: "insert" }).failures).toEqual([
      {
        property: "cookieTimeout",
        reason: 'cookieTimeout is required when stickySession is "on" and stickySessionType is "insert"',
      },
    ]);
    expect(checkInputs({ ...on, stickySessionType: "server" }).failures).toEqual([
      { property: "cookie", reason: 'cookie is required when stickySession is "on" and stickySessionType is "server"' },
    ]);
    expect(checkInputs({ ...on, stickySessionType: "insert", cookieTimeout: 60, cookie: "abc" }).failures).toEqual([
      {
        property: "cookie",
        reason: 'cookie applies only when stickySession is "on" and stickySessionType is "server"',
      },
    ]);
    expect(checkInputs({ ...OFF, cookieTimeout: 60 }).failures).toEqual([
      {
        property: "cookieTimeout",
        reason: 'cookieTimeout applies only when stickySession is "on" and stickySessionType is "insert"',
      },
    ]);
  });

  it("refuses the health check details with healthCheck off", () => {
    expect(
      checkInputs({ ...OFF, healthCheck: "off", healthCheckUri: "/health", healthyThreshold: 3 }).failures,
    ).toEqual([
      { property: "healthCheckUri", reason: 'healthCheckUri applies only when healthCheck is "on"' },
      { property: "healthyThreshold", reason: 'healthyThreshold applies only when healthCheck is "on"' },
    ]);
  });

  it("reports a value that fails its codec once, not also as missing", () => {
    expect(checkInputs({ ...OFF, scheduler: "sch" }).failures).toEqual([
      { property: "scheduler", reason: 'scheduler must be one of "wrr", "wlc", "rr", got "sch"' },
    ]);
  });

  it("names the input to use for slb.Rule's names", () => {
    const { ruleName: _n, listenerPort: _p, vServerGroupId: _g, ...rest } = BASE;
    expect(checkInputs({ ...rest, name: "r", frontendPort: 80, serverGroupId: "rsp-1" }).failures).toEqual([
      { property: "frontendPort", reason: "frontendPort is not an input of ForwardingRule; use listenerPort" },
      { property: "name", reason: "name is not an input of ForwardingRule; use ruleName" },
      { property: "serverGroupId", reason: "serverGroupId is not an input of ForwardingRule; use vServerGroupId" },
      { property: "listenerPort", reason: "listenerPort is required" },
      { property: "ruleName", reason: "ruleName is required" },
      { property: "vServerGroupId", reason: "vServerGroupId is required" },
    ]);
  });
});

describe("ForwardingRule diffInputs", () => {
  const olds = { ...BASE, regionId: "cn-hangzhou" };

  it("replaces on every input of REPLACE_INPUTS", () => {
    expect(REPLACE_INPUTS).toEqual(["loadBalancerId", "listenerPort", "listenerProtocol", "domain", "url", "regionId"]);
  });

  it("updates the name, the group and the advanced settings in place", () => {
    expect(diffInputs(olds, { ...BASE, vServerGroupId: "rsp-2" }, "cn-hangzhou")).toEqual({
      changed: ["vServerGroupId"],
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffInputs(olds, { ...OFF, ruleName: "api2" }, "cn-hangzhou").changed).toEqual([
      "ruleName",
      "listenerSync",
      "scheduler",
      "stickySession",
      "healthCheck",
    ]);
  });

  it("sees no change for listenerSync left out against on, nor for an advanced setting left out", () => {
    expect(diffInputs({ ...olds, listenerSync: "on" }, BASE, "cn-hangzhou").changed).toEqual([]);
    expect(diffInputs({ ...OFF, regionId: "cn-hangzhou", healthCheckUri: "/h" }, OFF, "cn-hangzhou").changed).toEqual(
      [],
    );
  });

  it("deletes first a replacement on the same listener under the same name (names are unique per listener)", () => {
    expect(diffInputs(olds, { ...BASE, url: "/v2" }, "cn-hangzhou")).toEqual({
      changed: ["url"],
      replaces: ["url"],
      deleteBeforeReplace: true,
    });
  });

  it("creates first a replacement on another listener or under another name", () => {
    expect(diffInputs(olds, { ...BASE, listenerPort: 8443 }, "cn-hangzhou").deleteBeforeReplace).toBe(false);
    expect(diffInputs(olds, { ...BASE, url: "/v2", ruleName: "api-v2" }, "cn-hangzhou").deleteBeforeReplace).toBe(
      false,
    );
  });

  it("compares the domain case-insensitively and treats an unknown value as a change", () => {
    expect(diffInputs(olds, { ...BASE, domain: "WWW.example.com" }, "cn-hangzhou").changed).toEqual([]);
    expect(diffInputs(olds, { ...BASE, domain: UNKNOWN_SENTINEL }, "cn-hangzhou").replaces).toEqual(["domain"]);
  });
});
