/**
 * The ForwardingRule input schema: one io-ts codec per request parameter of CreateRules (a RuleList item) and SetRule,
 * the documented rules, the cross-field rules in `crossFieldFailures`, `checkInputs` (typed inputs or failures), and
 * the replace table with `diffInputs`. Nothing here throws on bad input.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md §6.1, §6.2, §6.3, §8.4.
 */
import * as t from "io-ts";
import type { CheckFailure } from "../../core/check";
import { booleanValue, conforms, decodeInputs, failure, intRange, isUnknown, matching, oneOf } from "../../core/check";
import type { CheckedListener } from "../listener/schema";
import { DOMAIN_RULE, isValidDomain } from "../domainExtension/schema";

/** RESOURCE_NAME is the resource name used in check messages. */
export const RESOURCE_NAME = "ForwardingRule";

const nonEmptyString = matching("a non-empty string", (s) => s.length > 0);
const onOff = oneOf(["on", "off"] as const);

/** RULE_NAME_RULE is the rule name rule in words. Ref: family §6.1, CreateRules RuleList `RuleName` [S5][S14]. */
export const RULE_NAME_RULE =
  "1 to 40 characters of letters, digits, hyphens (-), slashes (/), periods (.) and underscores (_)";

/** URL_RULE is the rule URL rule in words. Ref: family §6.1, CreateRules RuleList `Url` [S5][S14]. */
export const URL_RULE = "1 to 80 characters of letters, digits and -/.%?#&, starting with / and not only /";

/** isValidUrl tests the documented URL rule: 1-80 characters of `[A-Za-z0-9-/.%?#&]`, starting with `/`, not `/`. */
function isValidUrl(url: string): boolean {
  return url !== "/" && /^\/[-A-Za-z0-9/.%?#&]{0,79}$/.test(url);
}

/**
 * domainCodec checks the rule domain: letters, digits, `-` and `.`, with a wildcard only as the whole first label
 * (the domain extension's rule, which names the same matching). Ref: family §6.1 "Domain format" [S14][S15].
 */
const domainCodec = new t.Type<string, string, unknown>(
  DOMAIN_RULE,
  (u): u is string => typeof u === "string" && isValidDomain(u),
  (u, c) => {
    if (typeof u === "string" && isValidDomain(u)) return t.success(u);
    const misplaced = typeof u === "string" && u.includes("*") && !/^\*\.[^*]+$/.test(u);
    return t.failure(u, c, misplaced ? `${DOMAIN_RULE}; "*" may only be the whole left-most label` : undefined);
  },
  t.identity,
);

/** HEALTH_CHECK_URI_RULE is the rule health check URI rule in words: the listener's. */
const HEALTH_CHECK_URI_RULE = "1 to 80 characters of letters, digits and -/.%?#&, starting with / and not only /";

/** COOKIE_RULE is the cookie rule in words. Ref: SetRule, Cookie [S14]. */
const COOKIE_RULE = "1 to 200 ASCII letters and digits (no comma, semicolon or space, not starting with $)";

/** HEALTH_CHECK_DOMAIN_RULE is the health check domain rule in words. Ref: SetRule, HealthCheckDomain [S14]. */
const HEALTH_CHECK_DOMAIN_RULE = '"$_ip" or 1 to 80 characters of letters, digits, hyphens (-) and periods (.)';

/** HEALTH_CHECK_HTTP_CODE_RULE is the health check HTTP code rule in words. Ref: SetRule, HealthCheckHttpCode [S14]. */
const HEALTH_CHECK_HTTP_CODE_RULE = "a comma-separated list of http_2xx, http_3xx, http_4xx, http_5xx";
const HTTP_CODES = new Set(["http_2xx", "http_3xx", "http_4xx", "http_5xx"]);

/** requiredProps are the inputs CreateRules requires (RegionId is filled in from configuration). */
const requiredProps = {
  /**
   * The ID of the SLB instance. Changing it replaces the rule.
   * Ref: CreateRules, LoadBalancerId (required) [S5].
   */
  loadBalancerId: nonEmptyString,
  /**
   * The port of the HTTP or HTTPS listener: an integer from 1 to 65535. Changing it replaces the rule. Pass the
   * listener's output (`listener.listenerPort`) so the rule waits for a listener created in the same program.
   * Ref: CreateRules, ListenerPort (required) [S5][S14].
   */
  listenerPort: intRange(1, 65535),
  /**
   * The listener's protocol: `"http"` or `"https"` (rules exist only on those; a TCP listener answers RuleNotSupport).
   * Always sent, as a port shared with a UDP listener requires it. Changing it replaces the rule.
   * Ref: CreateRules and DescribeRules, ListenerProtocol; aliyun-slb-listener-family.md §5, §6 [S5][S10].
   */
  listenerProtocol: oneOf(["http", "https"] as const),
  /**
   * The rule's name, unique on its listener: 1 to 40 characters of letters, digits, `-`, `/`, `.` and `_`. Changes in
   * place (SetRule).
   * Ref: CreateRules RuleList `RuleName` (required; an older document says 1-80) [S5][S14]; SetRule `RuleName` [S5].
   */
  ruleName: matching(RULE_NAME_RULE, (s) => /^[-A-Za-z0-9/._]{1,40}$/.test(s)),
  /**
   * The ID of the VServer group that receives the requests the rule matches. Changes in place (SetRule).
   * Ref: CreateRules RuleList `VServerGroupId` (required) [S5]; SetRule `VServerGroupId` [S5][S14].
   */
  vServerGroupId: nonEmptyString,
};

/** optionalProps are the matching, the advanced settings, `regionId` and the provider's `adoptExisting`. */
const optionalProps = {
  /**
   * The domain the rule matches: letters, digits, `-` and `.`, with a wildcard only as the whole first label
   * (`*.example.com`). At least one of `domain` and `url`; Domain+Url is unique per listener. Changing it replaces the
   * rule (SetRule has no Domain).
   * Ref: CreateRules RuleList `Domain`; aliyun-slb-listener-family.md §6.1, §6.2 [S5][S14].
   */
  domain: domainCodec,
  /**
   * The URL path the rule matches, e.g. `/api`: 1 to 80 characters of letters, digits and `-/.%?#&`, starting with `/`
   * and not only `/`. At least one of `domain` and `url`. Changing it replaces the rule (SetRule has no Url).
   * Ref: CreateRules RuleList `Url` (Terraform's and Pulumi's documents say 2-80) [S5][S14][S25].
   */
  url: matching(URL_RULE, isValidUrl),
  /**
   * Whether the rule takes the listener's scheduler, session persistence and health check (`"on"`), or its own
   * (`"off"`, which requires `scheduler`, `stickySession` and `healthCheck`). The other advanced settings apply only
   * with `"off"`.
   * @default "on"
   * Ref: SetRule `ListenerSync` [S5][S14]; Terraform `listener_sync` default `on` [S23].
   */
  listenerSync: onOff,
  /**
   * The rule's scheduling algorithm: `"wrr"` (weighted round robin), `"wlc"` (weighted least connections) or `"rr"`
   * (round robin). Required when `listenerSync` is `"off"`, refused otherwise.
   * Ref: SetRule `Scheduler` (wrr|rr in Tea [S5]; wlc too in the SetRule document [S14] and Terraform [S23]).
   */
  scheduler: oneOf(["wrr", "wlc", "rr"] as const),
  /**
   * Whether session persistence is enabled: `"on"` or `"off"`. Required when `listenerSync` is `"off"`.
   * Ref: SetRule `StickySession` [S5][S14].
   */
  stickySession: onOff,
  /**
   * How the session cookie is handled: `"insert"` (SLB inserts one) or `"server"` (SLB rewrites the backend's).
   * Required when `stickySession` is `"on"`.
   * Ref: SetRule `StickySessionType` [S5][S14].
   */
  stickySessionType: oneOf(["insert", "server"] as const),
  /**
   * The cookie configured on the backend server: 1 to 200 ASCII letters and digits. Required when `stickySessionType`
   * is `"server"`, refused otherwise.
   * Ref: SetRule `Cookie` [S5][S14].
   */
  cookie: matching(COOKIE_RULE, (s) => /^[A-Za-z0-9]{1,200}$/.test(s)),
  /**
   * The timeout of the inserted cookie in seconds: an integer from 1 to 86400. Required when `stickySessionType` is
   * `"insert"`, refused otherwise.
   * Ref: SetRule `CookieTimeout` [S5][S14].
   */
  cookieTimeout: intRange(1, 86400),
  /**
   * Whether the rule's own health check is enabled: `"on"` or `"off"`. Required when `listenerSync` is `"off"`.
   * Ref: SetRule `HealthCheck` [S5][S14].
   */
  healthCheck: onOff,
  /**
   * The URI of health checks, e.g. `/health`: 1 to 80 characters of letters, digits and `-/.%?#&`, starting with `/`
   * and not only `/`. Only with `healthCheck` `"on"`. Assumed: the listener's URI rule; SetRule gives no format.
   * Ref: SetRule `HealthCheckURI` [S5][S14]; the listener's HealthCheckURI, aliyun-slb-listener-family.md §1.2 [S1].
   */
  healthCheckUri: matching(HEALTH_CHECK_URI_RULE, (s) => /^\/[-A-Za-z0-9/.%?#&]{1,79}$/.test(s)),
  /**
   * The domain of health checks: `"$_ip"` (the backend's private IP) or 1 to 80 characters of letters, digits, `-`
   * and `.`. Only with `healthCheck` `"on"`.
   * Ref: SetRule `HealthCheckDomain` [S5][S14].
   */
  healthCheckDomain: matching(HEALTH_CHECK_DOMAIN_RULE, (s) => s === "$_ip" || /^[A-Za-z0-9.-]{1,80}$/.test(s)),
  /**
   * The HTTP status classes that mean healthy: a comma-separated list of `http_2xx`, `http_3xx`, `http_4xx` and
   * `http_5xx`. Only with `healthCheck` `"on"`.
   * Ref: SetRule `HealthCheckHttpCode` [S5][S14].
   */
  healthCheckHttpCode: matching(HEALTH_CHECK_HTTP_CODE_RULE, (s) => s.split(",").every((c) => HTTP_CODES.has(c))),
  /**
   * The port of health checks: an integer from 1 to 65535. Only with `healthCheck` `"on"`.
   * Ref: SetRule `HealthCheckConnectPort` [S5][S14].
   */
  healthCheckConnectPort: intRange(1, 65535),
  /**
   * How long a health check waits for an answer, in seconds: an integer from 1 to 300. Only with `healthCheck` `"on"`.
   * Ref: SetRule `HealthCheckTimeout` [S5][S14].
   */
  healthCheckTimeout: intRange(1, 300),
  /**
   * The interval between health checks in seconds: an integer from 1 to 50. Only with `healthCheck` `"on"`.
   * Ref: SetRule `HealthCheckInterval` [S5][S14].
   */
  healthCheckInterval: intRange(1, 50),
  /**
   * Consecutive successes before a backend counts as healthy: an integer from 2 to 10. Only with `healthCheck` `"on"`.
   * Ref: SetRule `HealthyThreshold` (Terraform accepts 1-10) [S5][S23].
   */
  healthyThreshold: intRange(2, 10),
  /**
   * Consecutive failures before a backend counts as unhealthy: an integer from 2 to 10. Only with `healthCheck`
   * `"on"`.
   * Ref: SetRule `UnhealthyThreshold` (Terraform accepts 1-10) [S5][S23].
   */
  unhealthyThreshold: intRange(2, 10),
  /**
   * The region of the SLB instance, e.g. `cn-hangzhou`. Changing it replaces the rule.
   * @default the configured region (`alicloud:region` or `ALICLOUD_REGION`)
   * Ref: RegionId (required by the API on every rule action) [S5].
   */
  regionId: nonEmptyString,
  /**
   * When true, create adopts a rule that already exists with the same `domain` and `url` on the listener (bringing it
   * under management and setting its name, group and advanced settings) instead of failing with DomainExist. Not sent
   * to the API.
   * @default false
   */
  adoptExisting: booleanValue,
};

/** inputProps are all ForwardingRule inputs, each with its codec. */
export const inputProps = { ...requiredProps, ...optionalProps };

/** InputName is the name of one ForwardingRule input. */
type InputName = keyof typeof inputProps;

/** RequiredInput is the name of an input the API requires. */
type RequiredInput = keyof typeof requiredProps;

/** REQUIRED_INPUTS lists the inputs check requires. */
const REQUIRED_INPUTS = Object.keys(requiredProps) as RequiredInput[];

/** ForwardingRuleInputs is the decoded, typed form of the inputs; the resource's args derive from it. */
export type ForwardingRuleInputs = t.TypeOf<t.TypeC<typeof requiredProps>> & t.TypeOf<t.PartialC<typeof optionalProps>>;

/** HEALTH_CHECK_DETAILS are the settings that apply only with `healthCheck` `"on"`. Ref: SetRule [S14]. */
const HEALTH_CHECK_DETAILS = [
  "healthCheckUri",
  "healthCheckDomain",
  "healthCheckHttpCode",
  "healthCheckConnectPort",
  "healthCheckTimeout",
  "healthCheckInterval",
  "healthyThreshold",
  "unhealthyThreshold",
] as const satisfies readonly InputName[];

/**
 * ADVANCED_INPUTS are the settings SetRule takes only with ListenerSync `off`; the rest of the time the rule follows
 * its listener. Ref: family §6.1 "Advanced fields", §6.2 SetRule [S5][S21].
 */
export const ADVANCED_INPUTS = [
  "scheduler",
  "stickySession",
  "stickySessionType",
  "cookie",
  "cookieTimeout",
  "healthCheck",
  ...HEALTH_CHECK_DETAILS,
] as const satisfies readonly InputName[];

/** SYNC_OFF_REQUIRED are the three settings SetRule requires with ListenerSync `off`. Ref: family §6.2 [S5]. */
const SYNC_OFF_REQUIRED = ["scheduler", "stickySession", "healthCheck"] as const satisfies readonly InputName[];

/**
 * crossFieldFailures checks the rules between inputs on the values as given (a value unknown in preview is taken as
 * present, and rules on it wait): at least one of domain and url; the advanced settings only with listenerSync
 * `off`, which then requires scheduler, stickySession and healthCheck; stickySessionType only with stickySession `on`
 * (and then required), cookie only with `server` and cookieTimeout only with `insert` (each then required); the
 * health check details only with healthCheck `on`.
 * Ref: family §6.1, §6.2; SetRule ("required and takes effect only when ...") [S5][S14].
 */
function crossFieldFailures(
  value: Readonly<Partial<Record<InputName, unknown>>>,
  unknowns: ReadonlySet<string>,
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const has = (key: InputName): boolean => value[key] !== undefined || unknowns.has(key);
  const known = (key: InputName): unknown => (unknowns.has(key) ? undefined : value[key]);
  if (!has("domain") && !has("url")) {
    failures.push(failure("domain", "or url is required: a rule matches by domain, by URL or by both"));
  }
  if (unknowns.has("listenerSync")) return failures;
  if (known("listenerSync") !== "off") {
    for (const key of ADVANCED_INPUTS) {
      if (has(key)) {
        failures.push(
          failure(key, 'applies only when listenerSync is "off" (with "on" the rule follows its listener)'),
        );
      }
    }
    return failures;
  }
  for (const key of SYNC_OFF_REQUIRED) {
    if (!has(key)) failures.push(failure(key, 'is required when listenerSync is "off"'));
  }
  const sticky = known("stickySession");
  const type = known("stickySessionType");
  if (sticky === "on" && !has("stickySessionType")) {
    failures.push(failure("stickySessionType", 'is required when stickySession is "on"'));
  }
  if (sticky === "off" && has("stickySessionType")) {
    failures.push(failure("stickySessionType", 'applies only when stickySession is "on"'));
  }
  const pairs = [
    ["cookie", "server"],
    ["cookieTimeout", "insert"],
  ] as const;
  for (const [key, needs] of pairs) {
    const when = `stickySession is "on" and stickySessionType is "${needs}"`;
    if (sticky === "on" && type === needs && !has(key)) failures.push(failure(key, `is required when ${when}`));
    const otherType = (type === "insert" || type === "server") && type !== needs;
    if (has(key) && (sticky === "off" || otherType)) {
      failures.push(failure(key, `applies only when ${when}`));
    }
  }
  if (known("healthCheck") === "off") {
    for (const key of HEALTH_CHECK_DETAILS) {
      if (has(key)) failures.push(failure(key, 'applies only when healthCheck is "on"'));
    }
  }
  return failures;
}

/** CheckedInputs is what checkInputs returns, shaped as a listener's check: typed inputs, else the failures. */
type CheckedInputs = CheckedListener<ForwardingRuleInputs>;

/**
 * TERRAFORM_NAMES are hints for inputs written for `alicloud.slb.Rule` (Terraform `alicloud_slb_rule`).
 * Ref: aliyun-slb-listener-family.md §8.4 [S23][S34].
 */
const TERRAFORM_NAMES = {
  names: {
    frontendPort: "use listenerPort",
    name: "use ruleName",
    serverGroupId: "use vServerGroupId",
    deleteProtectionValidation: "not supported: protect the load balancer instead",
  },
};

/**
 * checkInputs validates raw ForwardingRule inputs and fills in `regionId` from `defaultRegion` when absent. Values
 * unknown during preview are kept and not judged. The reserved `__provider` key is dropped.
 */
export function checkInputs(raw: unknown, defaultRegion?: string): CheckedInputs {
  const decoded = decodeInputs(RESOURCE_NAME, inputProps, REQUIRED_INPUTS, raw, TERRAFORM_NAMES);
  const isObject = raw !== null && typeof raw === "object" && !Array.isArray(raw);
  const source: Record<string, unknown> = isObject ? { ...raw } : {};
  delete source.__provider;
  // Presence is read from the inputs as given, so a value that failed its codec is not also reported as missing.
  const cross = isObject ? crossFieldFailures(source, decoded.unknowns) : [];
  const failures = [...decoded.failures, ...cross];
  if (failures.length > 0 || !conforms<typeof inputProps, RequiredInput>(raw, decoded)) {
    return { ok: false, inputs: source, failures };
  }
  const inputs: ForwardingRuleInputs = { ...raw };
  Reflect.deleteProperty(inputs, "__provider");
  if (inputs.regionId === undefined && defaultRegion) inputs.regionId = defaultRegion;
  return { ok: true, inputs, failures: [] };
}

/**
 * REPLACE_INPUTS are the inputs SetRule cannot change (it has no Domain, Url or listener): changing one replaces the
 * rule. Ref: aliyun-slb-listener-family.md §6.2 [S5]; Terraform ForceNew [S23].
 */
export const REPLACE_INPUTS: readonly InputName[] = [
  "loadBalancerId",
  "listenerPort",
  "listenerProtocol",
  "domain",
  "url",
  "regionId",
];

/** LISTENER_INPUTS name the listener a rule is on; a replacement on another listener cannot collide with the old. */
const LISTENER_INPUTS: readonly InputName[] = ["loadBalancerId", "listenerPort", "listenerProtocol", "regionId"];

/** PROVIDER_ONLY_INPUTS are inputs of the provider, not of the API; they never cause an update. */
const PROVIDER_ONLY_INPUTS: ReadonlySet<InputName> = new Set<InputName>(["adoptExisting"]);

/**
 * KEPT_WHEN_ABSENT are the in-place settings that, left out of the program, keep what the rule has (nothing is sent
 * for them): the advanced settings. `listenerSync` left out means its default, `"on"`.
 */
const KEPT_WHEN_ABSENT: ReadonlySet<InputName> = new Set<InputName>(ADVANCED_INPUTS);

/** DiffSummary is what changed between the stored outputs and new inputs, and whether the old rule goes first. */
interface DiffSummary {
  readonly changed: InputName[];
  readonly replaces: InputName[];
  /** Whether a replacement must delete the old rule first: it stays on the listener under the same name. */
  readonly deleteBeforeReplace: boolean;
}

const INPUT_NAMES = Object.keys(inputProps) as InputName[];

/**
 * diffInputs compares stored outputs with new (checked) inputs: an unknown new value is a change; `regionId` left out
 * means the configured region; `listenerSync` left out means `"on"`; an advanced setting left out keeps the rule's;
 * the domain is compared case-insensitively (Assumed: as DNS does). A replacement on the same listener under the
 * same rule name deletes the old rule first, since a rule name is unique per listener (family §6.1 [S5]).
 */
export function diffInputs(
  olds: Readonly<Partial<Record<InputName, unknown>>>,
  news: Readonly<Partial<Record<InputName, unknown>>>,
  configuredRegion?: string,
): DiffSummary {
  const changed: InputName[] = [];
  for (const key of INPUT_NAMES) {
    if (PROVIDER_ONLY_INPUTS.has(key)) continue;
    let next: unknown = news[key];
    let prev: unknown = olds[key];
    if (key === "regionId" && next === undefined) next = configuredRegion ?? prev;
    if (key === "listenerSync") {
      next ??= "on";
      prev ??= "on";
    }
    if (isUnknown(next)) {
      changed.push(key);
      continue;
    }
    if (next === undefined && (prev === undefined || KEPT_WHEN_ABSENT.has(key))) continue;
    if (key === "domain" && typeof next === "string" && typeof prev === "string") {
      if (next.toLowerCase() !== prev.toLowerCase()) changed.push(key);
      continue;
    }
    if (next !== prev) changed.push(key);
  }
  const replaces = changed.filter((key) => REPLACE_INPUTS.includes(key));
  const sameListener = !changed.some((key) => LISTENER_INPUTS.includes(key));
  const sameName = !changed.includes("ruleName");
  return { changed, replaces, deleteBeforeReplace: replaces.length > 0 && sameListener && sameName };
}
