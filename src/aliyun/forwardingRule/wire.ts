/**
 * To and from the SLB wire for forwarding rules: the RuleList of CreateRules, the RuleIds of DeleteRules (JSON arrays
 * in one parameter), SetRule's parameters, and the tolerant readers of the CreateRules, DescribeRules and
 * DescribeRuleAttribute answers. Ref: shared/api-docs/aliyun-slb-listener-family.md §6.1, §6.2.
 */
import { ListenerError } from "../../core/errors";
import type { Params, ResponseBody } from "../client";
import { RULE_WIRE_NAMES as WIRE } from "../constants";
import type { ForwardingRuleInputs } from "./schema";
import { ADVANCED_INPUTS } from "./schema";

/** RuleListener is the listener a rule is on, as every rule request (and the batch scope) names it. */
export interface RuleListener {
  readonly regionId: string;
  readonly loadBalancerId: string;
  readonly listenerPort: number;
  readonly listenerProtocol: "http" | "https";
}

/** listenerName names a listener as its id does: `<loadBalancerId>:<protocol>:<port>`. Ref: family §8.2 [S22]. */
export function listenerName(listener: RuleListener): string {
  return `${listener.loadBalancerId}:${listener.listenerProtocol}:${listener.listenerPort}`;
}

/** ruleMatch names what a rule matches, for messages: `www.example.com/api`, `/api` or `www.example.com`. */
export function ruleMatch(rule: { readonly domain?: string; readonly url?: string }): string {
  return `${rule.domain ?? ""}${rule.url ?? ""}`;
}

/**
 * ruleListItem is one item of CreateRules' RuleList: RuleName, Domain and Url when given, VServerGroupId. The advanced
 * settings are not RuleList keys in the API documents; SetRule sends them. Ref: family §6.1 [S5][S14].
 */
function ruleListItem(inputs: ForwardingRuleInputs): Record<string, string> {
  const item: Record<string, string> = { [WIRE.ruleName]: inputs.ruleName };
  if (inputs.domain !== undefined) item[WIRE.domain] = inputs.domain;
  if (inputs.url !== undefined) item[WIRE.url] = inputs.url;
  item[WIRE.vServerGroupId] = inputs.vServerGroupId;
  return item;
}

/** createParams are CreateRules' parameters for up to ten rules of one listener, RuleList as a JSON array. */
export function createParams(listener: RuleListener, rules: readonly ForwardingRuleInputs[]): Params {
  return {
    ...listParams(listener),
    [WIRE.ruleList]: JSON.stringify(rules.map(ruleListItem)),
  };
}

/** listParams are DescribeRules' parameters: the listener whose rules are listed (with its protocol, always). */
export function listParams(listener: RuleListener): Params {
  return {
    [WIRE.regionId]: listener.regionId,
    [WIRE.loadBalancerId]: listener.loadBalancerId,
    [WIRE.listenerPort]: listener.listenerPort,
    [WIRE.listenerProtocol]: listener.listenerProtocol,
  };
}

/** deleteParams are DeleteRules' parameters: up to ten rule ids as a JSON array (double quotes). Ref: §6.2 [S5]. */
export function deleteParams(regionId: string, ids: readonly string[]): Params {
  return { [WIRE.regionId]: regionId, [WIRE.ruleIds]: JSON.stringify(ids) };
}

/** idParams are DescribeRuleAttribute's parameters. */
export function idParams(regionId: string, id: string): Params {
  return { [WIRE.regionId]: regionId, [WIRE.ruleId]: id };
}

/**
 * setParams are SetRule's parameters: the name, the group and ListenerSync always (Terraform sends ListenerSync after
 * every create [S23]), the advanced settings given when ListenerSync is `off`. Ref: family §6.2 [S5][S14].
 */
export function setParams(regionId: string, id: string, inputs: ForwardingRuleInputs): Params {
  const params: Record<string, string | number> = {
    ...idParams(regionId, id),
    [WIRE.ruleName]: inputs.ruleName,
    [WIRE.vServerGroupId]: inputs.vServerGroupId,
    [WIRE.listenerSync]: inputs.listenerSync ?? "on",
  };
  if (inputs.listenerSync === "off") {
    for (const key of ADVANCED_INPUTS) {
      const value = inputs[key];
      if (value !== undefined) params[WIRE[key]] = value;
    }
  }
  return params;
}

/** needsSet tells whether a created rule needs a SetRule for its inputs: its own settings (ListenerSync `off`). */
export function needsSet(inputs: ForwardingRuleInputs): boolean {
  return inputs.listenerSync === "off";
}

/** CreatedRule is one item of a CreateRules answer. */
export interface CreatedRule {
  readonly ruleId: string;
  readonly ruleName: string;
}

/** rulesArray reads `Rules.Rule[]` of an answer (CreateRules, DescribeRules), skipping what is not an object. */
function rulesArray(body: ResponseBody): Record<string, unknown>[] {
  const outer = body.Rules;
  const list = outer !== null && typeof outer === "object" ? (outer as Record<string, unknown>).Rule : undefined;
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).filter(
    (item): item is Record<string, unknown> => item !== null && typeof item === "object",
  );
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** createdRules reads `Rules.Rule[{RuleId, RuleName}]` of a CreateRules answer. Ref: family §6.1 [S5][S14]. */
export function createdRules(body: ResponseBody): CreatedRule[] {
  const out: CreatedRule[] = [];
  for (const item of rulesArray(body)) {
    const ruleId = text(item.RuleId);
    if (ruleId !== undefined) out.push({ ruleId, ruleName: text(item.RuleName) ?? "" });
  }
  return out;
}

/** ListedRule is one rule of DescribeRules: what identifies it and what decides whether it is a create's own. */
export interface ListedRule {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly domain?: string;
  readonly url?: string;
  readonly vServerGroupId: string;
}

/** listedRules reads the rules of a DescribeRules answer, skipping items without a RuleId. Ref: family §6.2 [S5]. */
export function listedRules(body: ResponseBody): ListedRule[] {
  const out: ListedRule[] = [];
  for (const item of rulesArray(body)) {
    const ruleId = text(item.RuleId);
    if (ruleId === undefined) continue;
    out.push({
      ruleId,
      ruleName: text(item.RuleName) ?? "",
      domain: text(item.Domain),
      url: text(item.Url),
      vServerGroupId: text(item.VServerGroupId) ?? "",
    });
  }
  return out;
}

/**
 * findByMatch finds the listed rule with a rule's Domain+Url, which are unique per listener (family §6.1 [S5]); the
 * domain compares case-insensitively (Assumed: as DNS does), the URL exactly, an absent one only with an absent one.
 */
export function findByMatch(
  items: readonly ListedRule[],
  rule: { readonly domain?: string; readonly url?: string },
): ListedRule | undefined {
  const domain = (rule.domain ?? "").toLowerCase();
  const url = rule.url ?? "";
  return items.find((item) => (item.domain ?? "").toLowerCase() === domain && (item.url ?? "") === url);
}

/** isOwnRule tells whether a listed rule is what a create sent: the same name and group on the same match. */
export function isOwnRule(found: ListedRule, inputs: ForwardingRuleInputs): boolean {
  return found.ruleName === inputs.ruleName && found.vServerGroupId === inputs.vServerGroupId;
}

/** INTEGER_ADVANCED are the advanced settings Describe answers as integers. Ref: family §6.2 [S5][S9]. */
const INTEGER_ADVANCED: ReadonlySet<string> = new Set([
  "cookieTimeout",
  "healthCheckConnectPort",
  "healthCheckTimeout",
  "healthCheckInterval",
  "healthyThreshold",
  "unhealthyThreshold",
]);

/**
 * inputsFromDescribe is the tolerant reader of a DescribeRuleAttribute answer: `ListenerPort` comes as a string (both
 * SDKs; Terraform runs it through formatInt) or a number; `ListenerProtocol` is not in the answer and comes from
 * `previous`; a field missing from the answer is taken from `previous`; ListenerSync `on` (the default) only when
 * `previous` has ListenerSync. The advanced settings are kept only with
 * ListenerSync `off`, and then only those `previous` holds (all of them when there is no previous state, as for
 * `get`). It throws a ListenerError when a required value is missing from both.
 * Ref: aliyun-slb-listener-family.md §6.2 DescribeRuleAttribute [S5][S9][S23].
 */
export function inputsFromDescribe(
  id: string,
  body: ResponseBody,
  regionId: string,
  previous: Partial<ForwardingRuleInputs> = {},
): ForwardingRuleInputs {
  const port = Number(body.ListenerPort);
  const protocol = text(body.ListenerProtocol)?.toLowerCase();
  const values = {
    loadBalancerId: text(body.LoadBalancerId) ?? previous.loadBalancerId,
    listenerPort: Number.isInteger(port) && port >= 1 && port <= 65535 ? port : previous.listenerPort,
    listenerProtocol: protocol === "http" || protocol === "https" ? protocol : previous.listenerProtocol,
    ruleName: text(body.RuleName) ?? previous.ruleName,
    vServerGroupId: text(body.VServerGroupId) ?? previous.vServerGroupId,
  };
  const { loadBalancerId, listenerPort, listenerProtocol, ruleName, vServerGroupId } = values;
  if (!loadBalancerId || !listenerPort || !listenerProtocol || !ruleName || !vServerGroupId) {
    const missing = Object.entries(values)
      .filter(([, value]) => value === undefined)
      .map(([key]) => key);
    throw new ListenerError(`ForwardingRule ${id}: the describe answer lacks ${missing.join(", ")}`);
  }
  const inputs: ForwardingRuleInputs = { loadBalancerId, listenerPort, listenerProtocol, ruleName, vServerGroupId };
  const domain = text(body.Domain) ?? (body.Domain === undefined ? previous.domain : undefined);
  const url = text(body.Url) ?? (body.Url === undefined ? previous.url : undefined);
  if (domain !== undefined) inputs.domain = domain;
  if (url !== undefined) inputs.url = url;
  const sync = text(body.ListenerSync) ?? previous.listenerSync;
  // The default, "on", is kept only where the state has it: a refresh of a rule written without it changes nothing.
  if (sync === "off" || (sync === "on" && previous.listenerSync !== undefined)) inputs.listenerSync = sync;
  if (sync === "off") readAdvanced(inputs, body, previous);
  inputs.regionId = regionId;
  if (previous.adoptExisting !== undefined) inputs.adoptExisting = previous.adoptExisting;
  return inputs;
}

/** readAdvanced copies the advanced settings of a Describe answer that the previous state holds (all without one). */
function readAdvanced(inputs: ForwardingRuleInputs, body: ResponseBody, previous: Partial<ForwardingRuleInputs>): void {
  const all = Object.keys(previous).length === 0;
  const target: Record<string, unknown> = inputs;
  for (const key of ADVANCED_INPUTS) {
    if (!all && previous[key] === undefined) continue;
    const raw = body[WIRE[key]];
    if (INTEGER_ADVANCED.has(key)) {
      const n = Number(raw);
      target[key] = raw !== undefined && raw !== "" && Number.isInteger(n) ? n : previous[key];
    } else {
      target[key] = text(raw) ?? previous[key];
    }
    if (target[key] === undefined) delete target[key];
  }
}

/** ForwardingRuleOutputs are the rule's state: every input, with regionId resolved. */
export type ForwardingRuleOutputs = ForwardingRuleInputs & {
  /** The region the rule lives in (the configured one when the program gave none). */
  readonly regionId: string;
};
