/**
 * The SLB emulator's forwarding rules: their state on each HTTP or HTTPS listener and the service's rules (only on
 * HTTP/HTTPS listeners, the listener must exist, a unique name and a unique Domain+Url per listener, 40 rules per
 * listener, a CreateRules or DeleteRules call is all or nothing, mutations under the load balancer's configuration lock,
 * the rule's own settings only with ListenerSync off), and the rules' answer bodies.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest") §1.1, §5, §6, §7, §8.4.
 */
import type { ListenerProtocol } from "./constants";
import { SLB_ERRORS } from "./errors";
import { isRedirect } from "./listenerRules";
import { RULE_ERRORS } from "./ruleErrors";
import type { FakeListener, FakeLoadBalancer, FakeRule, RuleSettings, SlbState } from "./state";

/** RuleAddress names the listener of CreateRules and DescribeRules. */
export interface RuleAddress {
  readonly regionId: string;
  readonly loadBalancerId: string;
  readonly listenerPort: number;
  /** `ListenerProtocol`, needed when several protocols share the port. */
  readonly protocol?: ListenerProtocol;
}

/** RuleInput is one item of CreateRules' `RuleList`, as read. */
export interface RuleInput {
  readonly name: string;
  readonly domain?: string;
  readonly url?: string;
  readonly vServerGroupId: string;
}

/** RulePatch is what one SetRule call changes. */
export interface RulePatch {
  readonly name?: string;
  readonly vServerGroupId?: string;
  readonly listenerSync?: "on" | "off";
  readonly settings: RuleSettings;
}

/** Located is a rule with its load balancer and listener. */
interface Located {
  readonly lb: FakeLoadBalancer;
  readonly listener: FakeListener;
  readonly rule: FakeRule;
}

/** rulesOf lists a listener's rules in creation order. */
export function rulesOf(listener: FakeListener): FakeRule[] {
  return [...(listener.rules?.values() ?? [])];
}

/**
 * ruleListener finds the listener a rule action names: by port and `ListenerProtocol` when given, else the one
 * listener on the port; then refuses a listener that cannot hold rules (TCP: RuleNotSupport; UDP:
 * ListenerNotSupportRule) and, for CreateRules, an HTTP redirect listener (Operation.NotAllowed).
 * Ref: the family digest §5 (CreateRules/DescribeRules need ListenerProtocol on a shared port), §6 (HTTP/HTTPS only),
 * §7 [S10][S13][S30] (the codes), §1.1 (the redirect refusal, suggested there).
 * Assumed: no listener of the port (and protocol) is ListenerNotFound for DescribeRules too; a shared port without
 * ListenerProtocol is TooManyListeners, as StartLoadBalancerListener answers; DescribeRules refuses TCP and UDP
 * listeners as CreateRules does, and lists a redirect listener's (empty) rules.
 */
function ruleListener(lb: FakeLoadBalancer, address: RuleAddress, creating: boolean): FakeListener {
  const onPort = lb.listeners.onPort(address.listenerPort);
  const candidates = address.protocol === undefined ? onPort : onPort.filter((l) => l.protocol === address.protocol);
  if (candidates.length === 0) throw RULE_ERRORS.listenerNotFound();
  if (candidates.length > 1) throw SLB_ERRORS.tooManyListeners();
  const listener = candidates[0];
  if (listener.protocol === "tcp") throw RULE_ERRORS.ruleNotSupport();
  if (listener.protocol === "udp") throw RULE_ERRORS.listenerNotSupportRule();
  if (creating && isRedirect(listener.protocol, listener.config)) throw RULE_ERRORS.operationNotAllowed();
  return listener;
}

/**
 * underRuleLocks runs a rule mutation under the configuration lock of each load balancer it touches, as listener
 * mutations run; a load balancer whose configuration is pending, or a listener that is starting, configuring or
 * stopping, refuses it with OperationFailed.ListenerStatusNotSupport and nothing changes.
 * Ref: the family digest §6.2, §7 and "Asynchrony differences" 3 [S14][S23][S31] (rule operations are refused while
 * the listener is transitioning; CreateRules and DeleteRules document the code, Terraform retries it on SetRule).
 * Assumed: a rule mutation keeps the load balancer busy for the lock's duration, as a listener mutation does, and
 * leaves the listener's reported status alone.
 */
function underRuleLocks<T>(
  state: SlbState,
  places: readonly { lb: FakeLoadBalancer; listener: FakeListener }[],
  change: () => T,
): T {
  for (const { listener } of places) {
    if (state.reportedStatus(listener) !== listener.status) throw RULE_ERRORS.listenerStatusNotSupport();
  }
  const lbs = [...new Set(places.map((p) => p.lb))];
  const run = (i: number): T =>
    i === lbs.length ? change() : state.underLock(lbs[i], RULE_ERRORS.listenerStatusNotSupport, () => run(i + 1));
  return run(0);
}

/** sameMatch says whether two rules match the same requests: the same domain (any case) and the same URL. */
function sameMatch(a: { domain?: string; url?: string }, b: { domain?: string; url?: string }): boolean {
  // Assumed: domains compare case-insensitively, as DNS names do; URLs exactly.
  return (a.domain ?? "").toLowerCase() === (b.domain ?? "").toLowerCase() && (a.url ?? "") === (b.url ?? "");
}

/**
 * createRules adds a CreateRules call's rules to an HTTP or HTTPS listener, all or none: the load balancer and the
 * listener must exist, then, under the lock, each rule in order must have a name and a Domain+Url pair no rule of the
 * listener (or earlier in the call) has, and the listener must stay within its quota.
 * Ref: the family digest §6.1 (unique name, unique Domain+Url), §6.3 (40 rules), §7 [S10][S14] (DomainExist,
 * TooManyRules). Assumed: the call is all or nothing (no source shows a partial answer; the answer lists every rule
 * made); a name the listener already has answers RuleListMalformed (no source gives the code).
 */
export function createRules(state: SlbState, address: RuleAddress, inputs: readonly RuleInput[]): FakeRule[] {
  const lb = state.loadBalancer(address.regionId, address.loadBalancerId);
  const listener = ruleListener(lb, address, true);
  return underRuleLocks(state, [{ lb, listener }], () => {
    const taken = rulesOf(listener);
    const batch: RuleInput[] = [];
    for (const input of inputs) {
      const others = [...taken, ...batch];
      if (others.some((r) => r.name === input.name)) throw RULE_ERRORS.ruleListMalformed();
      if (others.some((r) => sameMatch(r, input))) throw RULE_ERRORS.domainExist();
      batch.push(input);
    }
    if (taken.length + batch.length > state.ruleQuota) throw RULE_ERRORS.tooManyRules();
    listener.rules ??= new Map();
    const rules = listener.rules;
    return batch.map((input) => {
      const rule: FakeRule = {
        id: state.newId("rule-emu", 10),
        regionId: address.regionId,
        loadBalancerId: lb.id,
        listenerPort: listener.port,
        name: input.name,
        ...(input.domain === undefined ? {} : { domain: input.domain }),
        ...(input.url === undefined ? {} : { url: input.url }),
        vServerGroupId: input.vServerGroupId,
        listenerSync: "on",
        settings: {},
      };
      rules.set(rule.id, rule);
      return rule;
    });
  });
}

/** findRule finds a rule of a region by id, or answers InvalidRuleId.NotFound. Ref: the family digest §6.2 [S10][S23]. */
function findRule(state: SlbState, regionId: string, id: string): Located {
  for (const lb of state.loadBalancers.values()) {
    if (lb.regionId !== regionId) continue;
    for (const listener of lb.listeners.values()) {
      const rule = listener.rules?.get(id);
      if (rule) return { lb, listener, rule };
    }
  }
  throw RULE_ERRORS.ruleNotFound();
}

/** REQUIRED_WHEN_OFF are the settings SetRule requires with `ListenerSync=off`. Ref: the family digest §6.2 [S5]. */
const REQUIRED_WHEN_OFF = ["Scheduler", "StickySession", "HealthCheck"] as const;

/** STICKY_DETAILS are the settings that take effect only with StickySession on. */
const STICKY_DETAILS = ["StickySessionType", "CookieTimeout", "Cookie"] as const;

/** HEALTH_CHECK_DETAILS are the settings that take effect only with HealthCheck on. */
const HEALTH_CHECK_DETAILS = [
  "HealthCheckURI",
  "HealthCheckDomain",
  "HealthCheckHttpCode",
  "HealthCheckConnectPort",
  "HealthCheckTimeout",
  "HealthCheckInterval",
  "HealthyThreshold",
  "UnhealthyThreshold",
] as const;

/**
 * effectiveSettings keeps the settings that take effect: the session details with StickySession on (CookieTimeout with
 * `insert`, Cookie with `server`), the health-check details with HealthCheck on. It also applies the documented
 * companions of a sticky session. Ref: SetRule.md (AlibabaCloudDocs/slb, intl.en-US; "required and effective only
 * when ...") and the family digest §6.2 [S5]. Assumed: a setting that takes no effect is dropped, so Describe does not
 * show it; a missing companion is MissingParameter naming it, as the listener actions answer.
 */
function effectiveSettings(settings: RuleSettings): RuleSettings {
  const out: RuleSettings = { ...settings };
  if (out.StickySession === "on") {
    if (out.StickySessionType === undefined) throw SLB_ERRORS.missingParameter("StickySessionType");
    if (out.StickySessionType === "insert" && out.CookieTimeout === undefined) {
      throw SLB_ERRORS.missingParameter("CookieTimeout");
    }
    if (out.StickySessionType === "server" && out.Cookie === undefined) throw SLB_ERRORS.missingParameter("Cookie");
    if (out.StickySessionType === "insert") delete out.Cookie;
    else delete out.CookieTimeout;
  } else {
    for (const name of STICKY_DETAILS) delete out[name];
  }
  if (out.HealthCheck !== "on") for (const name of HEALTH_CHECK_DETAILS) delete out[name];
  return out;
}

/**
 * setRule changes a rule's name, VServer group and settings. With `ListenerSync=off` the request must carry
 * Scheduler, StickySession and HealthCheck; with `on` the rule drops its own settings; without ListenerSync the
 * settings change only a rule that is already off. Domain and Url cannot change (SetRule has no parameter for them).
 * Ref: the family digest §6.2 [S5][S9][S14]. Assumed: settings sent to a rule that follows its listener are ignored
 * (the documents call them "effective only" with ListenerSync off); a name another rule of the listener has is
 * InvalidParameter naming RuleName (no source gives the code); HealthCheckTimeout is kept as sent (the note that a
 * timeout below the interval takes the interval's value is about the check, not about what Describe returns).
 */
export function setRule(state: SlbState, regionId: string, id: string, patch: RulePatch): void {
  const { lb, listener, rule } = findRule(state, regionId, id);
  if (patch.listenerSync === "off") {
    for (const name of REQUIRED_WHEN_OFF) {
      if (patch.settings[name] === undefined) throw SLB_ERRORS.missingParameter(name);
    }
  }
  const sync = patch.listenerSync ?? rule.listenerSync;
  const settings = sync === "on" ? {} : effectiveSettings({ ...rule.settings, ...patch.settings });
  underRuleLocks(state, [{ lb, listener }], () => {
    const name = patch.name;
    if (name !== undefined && rulesOf(listener).some((r) => r.id !== rule.id && r.name === name)) {
      throw SLB_ERRORS.invalidParameter("RuleName");
    }
    if (name !== undefined) rule.name = name;
    if (patch.vServerGroupId !== undefined) rule.vServerGroupId = patch.vServerGroupId;
    rule.listenerSync = sync;
    rule.settings = settings;
  });
}

/**
 * deleteRules removes a DeleteRules call's rules, all or none: every id must be a rule of the region.
 * Ref: the family digest §6.2 [S5][S14] (1-10 ids), §7 [S10][S23] (InvalidRuleId.NotFound, 404).
 * Assumed: one id the region does not hold fails the whole call with InvalidRuleId.NotFound and deletes nothing (no
 * source shows a call naming a missing id beside existing ones); the ids may lie on several listeners.
 */
export function deleteRules(state: SlbState, regionId: string, ids: readonly string[]): void {
  const located = ids.map((id) => findRule(state, regionId, id));
  underRuleLocks(state, located, () => {
    for (const { listener, rule } of located) listener.rules?.delete(rule.id);
  });
}

/**
 * describeRules lists a listener's rules for DescribeRules (no paging), under the read rule of the listener actions
 * (OperationBusy while the load balancer is configuring, if the emulator refuses reads then).
 * Ref: the family digest §6.2 [S5][S9] (no paging).
 */
export function describeRules(state: SlbState, address: RuleAddress): FakeRule[] {
  const lb = state.loadBalancer(address.regionId, address.loadBalancerId);
  state.refuseBusyRead(lb);
  return rulesOf(ruleListener(lb, address, false));
}

/** describeRule finds one rule for DescribeRuleAttribute, under the same read rule. */
export function describeRule(state: SlbState, regionId: string, id: string): FakeRule {
  const { lb, rule } = findRule(state, regionId, id);
  state.refuseBusyRead(lb);
  return rule;
}

/** Body is a JSON answer's members. */
type Body = Record<string, unknown>;

/**
 * ruleMatch is a rule's `Domain` and `Url`, each left out when the rule has none, as the documented DescribeRules
 * example leaves out `Url` of a domain-only rule. Ref: AlibabaCloudDocs/slb `cn.zh-CN/API参考/转发规则/DescribeRules.md`
 * (its JSON example).
 */
function ruleMatch(rule: FakeRule): Body {
  return {
    ...(rule.domain === undefined ? {} : { Domain: rule.domain }),
    ...(rule.url === undefined ? {} : { Url: rule.url }),
  };
}

/**
 * ruleSummary is one rule as a listener's Describe lists it in `Rules.Rule[]`: RuleId, RuleName, Domain, Url,
 * VServerGroupId, all strings. Ref: extras §3 [S5] (HTTPS); the family digest §3 (HTTP).
 */
export function ruleSummary(rule: FakeRule): Body {
  return { RuleId: rule.id, RuleName: rule.name, ...ruleMatch(rule), VServerGroupId: rule.vServerGroupId };
}

/**
 * ruleItem is one rule as DescribeRules lists it: the summary, ListenerSync and, with ListenerSync off, the rule's own
 * settings (integers as JSON numbers). Ref: the family digest §6.2 [S5][S9]; the documented DescribeRules and
 * DescribeRuleAttribute examples show a rule with ListenerSync on without any of the settings (AlibabaCloudDocs/slb
 * `cn.zh-CN/API参考/转发规则/DescribeRules.md`, `DescribeRuleAttribute.md`).
 */
export function ruleItem(rule: FakeRule): Body {
  return { ...ruleSummary(rule), ListenerSync: rule.listenerSync, ...rule.settings };
}

/**
 * ruleAttribute is DescribeRuleAttribute's answer: the item plus `LoadBalancerId` and `ListenerPort` as a string.
 * Ref: the family digest §6.2 [S5][S9][S23] (a String in both SDKs; Terraform runs it through `formatInt`); the zh-CN
 * document's JSON example writes `"ListenerPort":90`, its field table says String.
 */
export function ruleAttribute(rule: FakeRule): Body {
  return { ...ruleItem(rule), LoadBalancerId: rule.loadBalancerId, ListenerPort: String(rule.listenerPort) };
}
