/**
 * The provider's and the emulator's forwarding-rule tables agree (each keeps its own copy: the emulator must not
 * import provider code): the actions, the codes the provider acts on with their messages, the batch and listener
 * limits, and every SetRule parameter the provider sends is one the emulator reads back in DescribeRules.
 */
import {
  RULE_ACTIONS as EMULATOR_ACTIONS,
  RULE_ERROR_CODES as EMULATOR_CODES,
  RULES_PER_CALL as EMULATOR_PER_CALL,
  RULES_PER_LISTENER as EMULATOR_PER_LISTENER,
} from "../../emulator/aliyun/constants";
import { RULE_MESSAGES as EMULATOR_MESSAGES } from "../../emulator/aliyun/ruleMessages";
import { startAliyunEmulator } from "../../emulator/aliyun";
import {
  RULE_ACTIONS,
  RULE_ERROR_CODES,
  RULE_MESSAGES,
  RULE_WIRE_NAMES,
  RULES_PER_CALL,
  RULES_PER_LISTENER,
} from "../constants";
import { clientFor, createHttpsListener } from "../testing";
import { ADVANCED_INPUTS } from "./schema";
import type { ForwardingRuleInputs } from "./schema";
import { createParams, listedRules, listParams, setParams } from "./wire";

describe("the provider's and the emulator's rule tables", () => {
  it("name the same five actions", () => {
    expect(RULE_ACTIONS).toEqual(EMULATOR_ACTIONS);
  });

  it("agree on every rule code the emulator answers and the provider names, and on their messages", () => {
    const emulatorCodes = new Set<string>(Object.values(EMULATOR_CODES));
    expect(Object.values(RULE_ERROR_CODES).filter((code) => !emulatorCodes.has(code))).toEqual(["VServerGroupEmpty"]);
    expect(RULE_MESSAGES).toEqual({
      notFound: EMULATOR_MESSAGES.ruleNotFound,
      domainExist: EMULATOR_MESSAGES.domainExist,
      tooManyRules: EMULATOR_MESSAGES.tooManyRules,
      ruleNotSupport: EMULATOR_MESSAGES.ruleNotSupport,
    });
  });

  it("agree on ten rules per call and forty per listener", () => {
    expect([RULES_PER_CALL, RULES_PER_LISTENER]).toEqual([EMULATOR_PER_CALL, EMULATOR_PER_LISTENER]);
  });

  it("agree on every SetRule parameter: what the provider sends, the emulator lists back unchanged", async () => {
    const emulator = await startAliyunEmulator({ lockMs: 0 });
    try {
      const client = clientFor(emulator);
      const listener = {
        regionId: emulator.seed.regionId,
        loadBalancerId: emulator.seed.loadBalancers.public,
        listenerPort: 443,
        listenerProtocol: "https" as const,
      };
      await createHttpsListener(emulator, listener.loadBalancerId);
      const all: ForwardingRuleInputs = {
        loadBalancerId: listener.loadBalancerId,
        listenerPort: 443,
        listenerProtocol: "https",
        ruleName: "every-setting",
        domain: "www.example.com",
        url: "/every",
        vServerGroupId: "rsp-1",
        listenerSync: "off",
        scheduler: "wrr",
        stickySession: "on",
        stickySessionType: "server",
        cookie: "SESSIONID",
        healthCheck: "on",
        healthCheckUri: "/health",
        healthCheckDomain: "www.example.com",
        healthCheckHttpCode: "http_2xx,http_3xx",
        healthCheckConnectPort: 8080,
        healthCheckTimeout: 5,
        healthCheckInterval: 2,
        healthyThreshold: 3,
        unhealthyThreshold: 4,
      };
      const made = await client.call("CreateRules", createParams(listener, [all]));
      const ruleId = String((made.Rules as { Rule: { RuleId: string }[] }).Rule[0].RuleId);
      const sent = setParams(listener.regionId, ruleId, all);
      await client.call("SetRule", sent);
      const body = await client.call("DescribeRules", listParams(listener));
      expect(listedRules(body).map((r) => r.ruleId)).toEqual([ruleId]);
      const item = (body.Rules as { Rule: Record<string, unknown>[] }).Rule[0];
      // cookieTimeout goes only with stickySessionType insert, so it is left out of this rule.
      const names = ADVANCED_INPUTS.filter((key) => key !== "cookieTimeout").map((key) => RULE_WIRE_NAMES[key]);
      expect(Object.fromEntries(names.map((name) => [name, item[name]]))).toEqual(
        Object.fromEntries(names.map((name) => [name, sent[name]])),
      );
      expect([item.RuleName, item.Domain, item.Url, item.VServerGroupId, item.ListenerSync]).toEqual([
        "every-setting",
        "www.example.com",
        "/every",
        "rsp-1",
        "off",
      ]);
    } finally {
      await emulator.close();
    }
  });
});
