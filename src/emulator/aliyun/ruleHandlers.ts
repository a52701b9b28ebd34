/**
 * The SLB emulator's thin wire handlers of the forwarding-rule actions: read the documented parameters (ruleParams.ts),
 * call the rules' state (rules.ts), render the documented answer.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest") §6.1, §6.2.
 */
import { RULE_ACTIONS } from "./constants";
import { SLB_ERRORS } from "./errors";
import type { Handler, RequestParams } from "./handlers";
import { ok, port, protocol, required } from "./handlers";
import { onOff } from "./protocolParams";
import { isRuleName, readRuleIds, readRuleList, readRuleSettings } from "./ruleParams";
import type { RuleAddress, RulePatch } from "./rules";
import { createRules, deleteRules, describeRule, describeRules, ruleAttribute, ruleItem, setRule } from "./rules";

/** address reads the parameters that name a rule's listener: RegionId, LoadBalancerId, ListenerPort, ListenerProtocol. */
function address(params: RequestParams): RuleAddress {
  return {
    regionId: required(params, "RegionId"),
    loadBalancerId: required(params, "LoadBalancerId"),
    listenerPort: port(params),
    protocol: protocol(params),
  };
}

/**
 * rulePatch reads SetRule's changes. Assumed: a RuleName outside the documented form and a ListenerSync other than
 * on/off are InvalidParameter naming them; an empty VServerGroupId is MissingParameter, as `required` answers.
 */
function rulePatch(params: RequestParams): RulePatch {
  const name = params.RuleName;
  if (name !== undefined && !isRuleName(name)) throw SLB_ERRORS.invalidParameter("RuleName");
  const listenerSync = params.ListenerSync;
  if (listenerSync !== undefined && !onOff(listenerSync)) throw SLB_ERRORS.invalidParameter("ListenerSync");
  const vServerGroupId = params.VServerGroupId === undefined ? undefined : required(params, "VServerGroupId");
  return {
    ...(name === undefined ? {} : { name }),
    ...(vServerGroupId === undefined ? {} : { vServerGroupId }),
    ...(listenerSync === "on" || listenerSync === "off" ? { listenerSync } : {}),
    settings: readRuleSettings(params),
  };
}

/** RULE_HANDLERS maps each forwarding-rule action to its handler. */
export const RULE_HANDLERS: Readonly<Record<string, Handler>> = {
  /** Ref: the family digest §6.1 [S5][S14]: `{"Rules":{"Rule":[{"RuleId","RuleName"}]}}`, one item per rule made. */
  [RULE_ACTIONS.create]: (state, params, requestId) => {
    const where = address(params);
    const inputs = readRuleList(required(params, "RuleList"));
    const rules = createRules(state, where, inputs);
    return ok({ Rules: { Rule: rules.map((r) => ({ RuleId: r.id, RuleName: r.name })) } }, requestId);
  },
  [RULE_ACTIONS.describeAll]: (state, params, requestId) => {
    const rules = describeRules(state, address(params));
    return ok({ Rules: { Rule: rules.map(ruleItem) } }, requestId);
  },
  [RULE_ACTIONS.describe]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    return ok(ruleAttribute(describeRule(state, regionId, required(params, "RuleId"))), requestId);
  },
  [RULE_ACTIONS.set]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const id = required(params, "RuleId");
    setRule(state, regionId, id, rulePatch(params));
    return ok({}, requestId);
  },
  [RULE_ACTIONS.delete]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    deleteRules(state, regionId, readRuleIds(required(params, "RuleIds")));
    return ok({}, requestId);
  },
};
