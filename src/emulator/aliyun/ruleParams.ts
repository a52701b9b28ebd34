/**
 * How the SLB emulator reads the parameters of the forwarding-rule actions: CreateRules' `RuleList` and DeleteRules'
 * `RuleIds` (JSON arrays in a string, with double quotes or, as Terraform writes them, single quotes), each rule's
 * name, domain and URL rules, and SetRule's settings with their ranges.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest") §6.1, §6.2, §8.4.
 */
import { RULES_PER_CALL } from "./constants";
import { isValidDomain } from "./domainExtensions";
import { SLB_ERRORS, SlbError } from "./errors";
import { anyOf, intIn, isHealthCheckDomain, isHealthCheckUri, isHttpCodes, onOff } from "./protocolParams";
import { RULE_ERRORS } from "./ruleErrors";
import type { RuleInput } from "./rules";
import type { RuleSettings } from "./state";

/**
 * parseJsonArray reads a JSON array written with double quotes or, when the text holds no double quote, with single
 * quotes (`['rule-x']`, `[{'RuleName':'a','Url':'/a','VServerGroupId':'rsp-1'}]`); it returns undefined for anything
 * else. Ref: the family digest §6.2 [S23] (Terraform's DeleteRules sends `['<id>']` and it works); Terraform's
 * `resource_alicloud_slb_rule.go` writes its CreateRules `RuleList` with single quotes too.
 * Assumed: a text that mixes both kinds of quotes is refused (no source shows one).
 */
function parseJsonArray(text: string): unknown[] | undefined {
  const parsed = parseJson(text) ?? (text.includes('"') ? undefined : parseJson(text.replace(/'/g, '"')));
  return Array.isArray(parsed) ? parsed : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** RULE_NAME is a rule's name: 1-40 letters, digits and `-/._`. Ref: the family digest §6.1 [S5][S14]. */
const RULE_NAME = /^[A-Za-z0-9\-/._]{1,40}$/;

/** isRuleName accepts a forwarding rule's name. */
export function isRuleName(text: string): boolean {
  return RULE_NAME.test(text);
}

/** URL_TEXT is a rule's URL text: 1-80 letters, digits and `-/.%?#&`. Ref: the family digest §6.1 [S5][S14]. */
const URL_TEXT = /^[A-Za-z0-9\-/.%?#&]{1,80}$/;

/**
 * urlProblem applies the URL rules: 1-80 characters of the documented set (UrlMalformed), starting with `/` and not
 * only `/` (URLNotSupport). Ref: the family digest §6.1 [S5][S14] (the rules), §7 [S10] (the codes).
 * Assumed: which code answers which rule (see RULE_ERRORS.urlNotSupport).
 */
function urlProblem(url: string): SlbError | undefined {
  if (!URL_TEXT.test(url)) return RULE_ERRORS.urlMalformed();
  if (!url.startsWith("/") || url === "/") return RULE_ERRORS.urlNotSupport();
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * optionalText reads an optional string member; an empty string counts as absent. Assumed: the service reads `""` as
 * no domain or URL (no source sends one); a member of another type makes the list malformed.
 */
function optionalText(item: Record<string, unknown>, name: string): string | undefined {
  const value = item[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw RULE_ERRORS.ruleListMalformed();
  return value;
}

/**
 * readRuleItem reads one `RuleList` item: `RuleName` (1-40 of the documented characters) and `VServerGroupId` required,
 * at least one of `Domain` and `Url`, each in its documented form. Ref: the family digest §6.1 [S5][S14], §7 [S10].
 * Assumed: a missing or malformed name, a missing group and neither Domain nor Url answer RuleListMalformed (the codes
 * §7 lists name only the list, the domain and the URL); keys the documents do not list (ROS's AdvancedSettings, the
 * SetRule settings) are ignored, as the digest §6.1 marks their inline use unknown.
 */
function readRuleItem(value: unknown): RuleInput {
  if (!isRecord(value)) throw RULE_ERRORS.ruleListMalformed();
  const name = value.RuleName;
  const vServerGroupId = value.VServerGroupId;
  if (typeof name !== "string" || !isRuleName(name)) throw RULE_ERRORS.ruleListMalformed();
  if (typeof vServerGroupId !== "string" || vServerGroupId === "") throw RULE_ERRORS.ruleListMalformed();
  const domain = optionalText(value, "Domain");
  const url = optionalText(value, "Url");
  if (domain === undefined && url === undefined) throw RULE_ERRORS.ruleListMalformed();
  if (domain !== undefined && !isValidDomain(domain)) throw RULE_ERRORS.domainMalformed();
  const problem = url === undefined ? undefined : urlProblem(url);
  if (problem) throw problem;
  return { name, vServerGroupId, ...(domain === undefined ? {} : { domain }), ...(url === undefined ? {} : { url }) };
}

/**
 * readRuleList reads CreateRules' `RuleList`: a JSON array of 1-10 rules, each checked in order, so that the first
 * broken rule's code answers for the whole call. Ref: the family digest §6.1 [S5] ("≤ 10 rules per call").
 * Assumed: an empty list, more than 10 rules and a text that is no JSON array answer RuleListMalformed.
 */
export function readRuleList(text: string): RuleInput[] {
  const items = parseJsonArray(text);
  if (items === undefined || items.length === 0 || items.length > RULES_PER_CALL) {
    throw RULE_ERRORS.ruleListMalformed();
  }
  return items.map(readRuleItem);
}

/**
 * readRuleIds reads DeleteRules' `RuleIds`: a JSON array of 1-10 ids, double- or single-quoted; a repeated id counts
 * once. Ref: the family digest §6.2 [S5][S14][S23] (1-10 ids; Terraform's single quotes work).
 * Assumed: an empty list, more than 10 ids, an item that is no non-empty string and a text that is no JSON array answer
 * InvalidParameter naming RuleIds (no source gives the code).
 */
export function readRuleIds(text: string): string[] {
  const items = parseJsonArray(text);
  if (items === undefined || items.length === 0 || items.length > RULES_PER_CALL) {
    throw SLB_ERRORS.invalidParameter("RuleIds");
  }
  const ids: string[] = [];
  for (const item of items) {
    if (typeof item !== "string" || item === "") throw SLB_ERRORS.invalidParameter("RuleIds");
    if (!ids.includes(item)) ids.push(item);
  }
  return ids;
}

/** RuleSetting is how SetRule reads one of a rule's own settings. */
interface RuleSetting {
  readonly name: string;
  readonly type: "int" | "string";
  readonly valid: (text: string) => boolean;
}

/**
 * RULE_SETTINGS are SetRule's scheduler, session and health-check settings with their documented values.
 * Ref: the family digest §6.2 [S5][S9][S14] (Scheduler wrr|rr, CookieTimeout 1-86400, Cookie 1-200, HealthCheckTimeout
 * 1-300, HealthCheckInterval 1-50, thresholds 2-10); AlibabaCloudDocs/slb `intl.en-US/User Guide/Developer Guide/
 * Forwarding rules/SetRule.md` (wlc among the schedulers; the cookie's characters; HealthCheckDomain `$_ip` or 1-80
 * characters; HealthCheckHttpCode http_2xx-http_5xx, comma-separated; HealthCheckConnectPort 1-65535).
 * Assumed: the health-check URI follows the listener's rule (the SetRule document gives none).
 */
const RULE_SETTINGS: readonly RuleSetting[] = [
  { name: "Scheduler", type: "string", valid: anyOf("wrr", "rr", "wlc") },
  { name: "StickySession", type: "string", valid: onOff },
  { name: "StickySessionType", type: "string", valid: anyOf("insert", "server") },
  { name: "CookieTimeout", type: "int", valid: intIn(1, 86400) },
  { name: "Cookie", type: "string", valid: (s) => /^[a-zA-Z0-9]{1,200}$/.test(s) },
  { name: "HealthCheck", type: "string", valid: onOff },
  { name: "HealthCheckURI", type: "string", valid: isHealthCheckUri },
  { name: "HealthCheckDomain", type: "string", valid: isHealthCheckDomain },
  { name: "HealthCheckHttpCode", type: "string", valid: isHttpCodes },
  { name: "HealthCheckConnectPort", type: "int", valid: intIn(1, 65535) },
  { name: "HealthCheckTimeout", type: "int", valid: intIn(1, 300) },
  { name: "HealthCheckInterval", type: "int", valid: intIn(1, 50) },
  { name: "HealthyThreshold", type: "int", valid: intIn(2, 10) },
  { name: "UnhealthyThreshold", type: "int", valid: intIn(2, 10) },
];

/**
 * readRuleSettings reads the SetRule settings present in a request (integers as numbers).
 * Assumed: a value outside its documented set is InvalidParameter naming the parameter, as the listener actions answer.
 */
export function readRuleSettings(params: Readonly<Record<string, string>>): RuleSettings {
  const settings: RuleSettings = {};
  for (const rule of RULE_SETTINGS) {
    const text = params[rule.name];
    if (text === undefined) continue;
    if (!rule.valid(text)) throw SLB_ERRORS.invalidParameter(rule.name);
    settings[rule.name] = rule.type === "int" ? Number(text) : text;
  }
  return settings;
}
