/**
 * The forwarding rules' wire: the parameters built from typed inputs, and the tolerant readers of the CreateRules,
 * DescribeRules and DescribeRuleAttribute answers (the documented string ListenerPort included).
 */
import { ListenerError } from "../../core/errors";
import type { ForwardingRuleInputs } from "./schema";
import {
  createdRules,
  createParams,
  deleteParams,
  findByMatch,
  inputsFromDescribe,
  listedRules,
  setParams,
} from "./wire";
import type { RuleListener } from "./wire";

const LISTENER: RuleListener = {
  regionId: "cn-hangzhou",
  loadBalancerId: "lb-1",
  listenerPort: 443,
  listenerProtocol: "https",
};
const RULE: ForwardingRuleInputs = {
  loadBalancerId: "lb-1",
  listenerPort: 443,
  listenerProtocol: "https",
  ruleName: "api",
  url: "/api",
  vServerGroupId: "rsp-1",
};
const OWN: ForwardingRuleInputs = {
  ...RULE,
  listenerSync: "off",
  scheduler: "wrr",
  stickySession: "off",
  healthCheck: "on",
  healthCheckTimeout: 5,
};

describe("forwarding rule parameters", () => {
  it("writes RuleList as a JSON array of name, the given match and group, with the listener and its protocol", () => {
    expect(
      createParams(LISTENER, [RULE, { ...RULE, ruleName: "web", url: undefined, domain: "www.example.com" }]),
    ).toEqual({
      RegionId: "cn-hangzhou",
      LoadBalancerId: "lb-1",
      ListenerPort: 443,
      ListenerProtocol: "https",
      RuleList:
        '[{"RuleName":"api","Url":"/api","VServerGroupId":"rsp-1"},{"RuleName":"web","Domain":"www.example.com","VServerGroupId":"rsp-1"}]',
    });
  });

  it("leaves the advanced settings out of RuleList: SetRule sends them", () => {
    expect(JSON.parse(String(createParams(LISTENER, [OWN]).RuleList))).toEqual([
      { RuleName: "api", Url: "/api", VServerGroupId: "rsp-1" },
    ]);
  });

  it("writes RuleIds as a JSON array with double quotes", () => {
    expect(deleteParams("cn-hangzhou", ["rule-a", "rule-b"])).toEqual({
      RegionId: "cn-hangzhou",
      RuleIds: '["rule-a","rule-b"]',
    });
  });

  it("sends SetRule the name, the group and ListenerSync, and the advanced settings only with ListenerSync off", () => {
    expect(setParams("cn-hangzhou", "rule-a", RULE)).toEqual({
      RegionId: "cn-hangzhou",
      RuleId: "rule-a",
      RuleName: "api",
      VServerGroupId: "rsp-1",
      ListenerSync: "on",
    });
    expect(setParams("cn-hangzhou", "rule-a", OWN)).toEqual({
      RegionId: "cn-hangzhou",
      RuleId: "rule-a",
      RuleName: "api",
      VServerGroupId: "rsp-1",
      ListenerSync: "off",
      Scheduler: "wrr",
      StickySession: "off",
      HealthCheck: "on",
      HealthCheckTimeout: 5,
    });
  });
});

describe("forwarding rule answers", () => {
  it("reads CreateRules' Rules.Rule[] and skips items without an id", () => {
    expect(createdRules({ Rules: { Rule: [{ RuleId: "rule-a", RuleName: "api" }, { RuleName: "x" }, null] } })).toEqual(
      [{ ruleId: "rule-a", ruleName: "api" }],
    );
    expect(createdRules({})).toEqual([]);
  });

  it("finds a listed rule by Domain+Url: the domain in any case, an absent URL only as absent", () => {
    const listed = listedRules({
      Rules: {
        Rule: [
          { RuleId: "rule-a", RuleName: "a", Domain: "WWW.example.com", VServerGroupId: "rsp-1" },
          { RuleId: "rule-b", RuleName: "b", Domain: "www.example.com", Url: "/b", VServerGroupId: "rsp-1" },
        ],
      },
    });
    expect(findByMatch(listed, { domain: "www.example.com" })?.ruleId).toBe("rule-a");
    expect(findByMatch(listed, { domain: "www.example.com", url: "/b" })?.ruleId).toBe("rule-b");
    expect(findByMatch(listed, { url: "/b" })).toBeUndefined();
  });

  it("reads DescribeRuleAttribute's ListenerPort as the documented string, the protocol from the state, and ListenerSync on only where the state has it", () => {
    const body = {
      RuleId: "rule-a",
      RuleName: "api",
      LoadBalancerId: "lb-1",
      ListenerPort: "443",
      Url: "/api",
      VServerGroupId: "rsp-2",
      ListenerSync: "on",
    };
    expect(inputsFromDescribe("rule-a", body, "cn-hangzhou", { ...RULE })).toEqual({
      ...RULE,
      vServerGroupId: "rsp-2",
      regionId: "cn-hangzhou",
    });
    const synced = inputsFromDescribe("rule-a", body, "cn-hangzhou", { ...RULE, listenerSync: "on" });
    expect(synced.listenerSync).toBe("on");
    expect(inputsFromDescribe("rule-a", { ...body, ListenerPort: 443 }, "cn-hangzhou", { ...RULE }).listenerPort).toBe(
      443,
    );
  });

  it("keeps the advanced settings the state holds, only with ListenerSync off, integers as numbers", () => {
    const body = {
      RuleId: "rule-a",
      RuleName: "api",
      LoadBalancerId: "lb-1",
      ListenerPort: "443",
      Url: "/api",
      VServerGroupId: "rsp-1",
      ListenerSync: "off",
      Scheduler: "wrr",
      StickySession: "off",
      HealthCheck: "on",
      HealthCheckTimeout: "7",
      HealthCheckInterval: 2,
    };
    expect(inputsFromDescribe("rule-a", body, "cn-hangzhou", OWN)).toEqual({
      ...OWN,
      healthCheckTimeout: 7,
      regionId: "cn-hangzhou",
    });
    expect(inputsFromDescribe("rule-a", { ...body, ListenerSync: "on" }, "cn-hangzhou", OWN)).toEqual({
      ...RULE,
      listenerSync: "on",
      regionId: "cn-hangzhou",
    });
  });

  it("fails an answer that lacks what the state cannot give, naming what is missing", () => {
    expect(() => inputsFromDescribe("rule-a", { RuleId: "rule-a" }, "cn-hangzhou")).toThrow(
      new ListenerError(
        "ForwardingRule rule-a: the describe answer lacks loadBalancerId, listenerPort, listenerProtocol, ruleName, vServerGroupId",
      ),
    );
  });
});
