/**
 * The batch functions of forwarding rules: what one CreateRules or DeleteRules call of up to ten rules of one listener
 * does, under the load balancer's lock the caller holds (core/batch.ts collects the rules; this file never waits for
 * a lock). Each rule gets its own outcome: a batch refused because of one rule (DomainExist, TooManyRules, a malformed
 * domain) is split in halves and resent until each refusal names its rule; a batch whose answer was lost is resolved by
 * DescribeRules before anything is sent again, so no rule is made twice.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md §6.1-6.3, §7.
 */
import type { ApiError } from "../../core/errors";
import { codeAndStatus, isApiError, ListenerError } from "../../core/errors";
import { log } from "../../core/log";
import type { Lane, MutationPipeline } from "../../core/pipeline";
import type { Attempt } from "../../core/retry";
import { RetryBudgetExceededError } from "../../core/retry";
import type { SlbApi } from "../client";
import {
  ERROR_CODES,
  LISTENER_FAMILY_ERROR_CODES,
  RULE_ACTIONS as ACTIONS,
  RULE_ERROR_CODES,
  RULES_PER_CALL,
} from "../constants";
import type { ForwardingRuleInputs } from "./schema";
import type { CreatedRule, ListedRule, RuleListener } from "./wire";
import {
  createdRules,
  createParams,
  deleteParams,
  findByMatch,
  isOwnRule,
  listedRules,
  listenerName,
  listParams,
  needsSet,
  ruleMatch,
  setParams,
} from "./wire";

/** BatchScope is what a batch of one listener sends with: the pipeline, the region's client and the listener. */
export interface BatchScope {
  readonly pipeline: MutationPipeline;
  readonly api: SlbApi;
  readonly listener: RuleListener;
}

/** MadeRule is a create's outcome: the rule's id and how the create came to hold it. */
export interface MadeRule {
  readonly ruleId: string;
  /** `sent` (CreateRules answered it), `found` (a lost answer's rule, found by DescribeRules) or `adopted`. */
  readonly origin: "sent" | "found" | "adopted";
}

/**
 * LISTENER_WIDE_CODES refuse a batch for its listener, load balancer or caller, never for one rule: splitting the
 * batch would get the same answer for every half, so every rule fails with it at once.
 */
const LISTENER_WIDE_CODES: ReadonlySet<string> = new Set<string>([
  ERROR_CODES.listenerNotFound,
  ERROR_CODES.loadBalancerNotFound,
  ERROR_CODES.accessKeyNotFound,
  ERROR_CODES.signatureDoesNotMatch,
  RULE_ERROR_CODES.ruleNotSupport,
  RULE_ERROR_CODES.listenerNotSupportRule,
  // A redirect HTTP listener refuses rules (the family digest §1.1 suggests Operation.NotAllowed; Assumed: on CreateRules).
  LISTENER_FAMILY_ERROR_CODES.operationNotAllowed,
]);

/** splittable tells whether a refused batch may be refused for one of its rules: an API answer not of the listener. */
function splittable(error: unknown): error is ApiError {
  return isApiError(error) && !LISTENER_WIDE_CODES.has(error.code);
}

/** ruleSubject names one rule in messages: `<lb>:<protocol>:<port> <ruleName> (<domain><url>)`. */
function ruleSubject(listener: RuleListener, inputs: ForwardingRuleInputs): string {
  return `${listenerName(listener)} ${inputs.ruleName} (${ruleMatch(inputs)})`;
}

/** plural names a count of rules. */
function rulesCount(n: number): string {
  return `${n} rule${n === 1 ? "" : "s"}`;
}

/**
 * explainCreate turns the error a rule's create ended with into the error that names the rule: ListenerNotFound says
 * the listener does not exist yet (terraform-provider-alicloud #4653) and how to order the rule after it; DomainExist
 * names the match and `adoptExisting`; anything else is prefixed with the rule.
 */
function explainCreate(error: unknown, listener: RuleListener, inputs: ForwardingRuleInputs): Error {
  const subject = `ForwardingRule ${ruleSubject(listener, inputs)}`;
  const answered = isApiError(error) ? `${error.action} answered ${codeAndStatus(error)}: ${error.apiMessage}` : "";
  if (isApiError(error) && error.code === ERROR_CODES.listenerNotFound) {
    return new ListenerError(
      `${subject}: listener ${listenerName(listener)} does not exist (${answered}); create the listener first and ` +
        "pass its outputs (listener.loadBalancerId, listener.listenerPort) so the rule waits for it",
    );
  }
  if (isApiError(error) && error.code === RULE_ERROR_CODES.domainExist) {
    return new ListenerError(
      `${subject}: another rule on listener ${listenerName(listener)} already matches ${ruleMatch(inputs)} ` +
        `(${answered}); set adoptExisting to take it over`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ListenerError(`${subject}: ${message}`);
}

/**
 * createRules is the CreateRules batch function: it answers one MadeRule or Error per rule, in order (the rules it
 * took with `more` after its own). Rules with `adoptExisting` whose match is already on the listener are adopted
 * without sending; the others go out together. While the load balancer's lock refuses the whole batch, each retry
 * first takes the rules that arrived meanwhile (`more`), up to ten in all, so they go out with it.
 * After the rules are made, those with their own settings (ListenerSync `off`) and the adopted ones get one SetRule
 * each; a made rule whose SetRule fails is deleted again, so a failed create leaves nothing behind.
 */
export async function createRules(
  scope: BatchScope,
  lane: Lane,
  batch: readonly ForwardingRuleInputs[],
  more: (limit: number) => readonly ForwardingRuleInputs[] = () => [],
): Promise<(MadeRule | Error)[]> {
  const { pipeline, api, listener } = scope;
  // The batch's rules: those it was given, then those it takes while the load balancer's lock makes it wait.
  const rules: ForwardingRuleInputs[] = [...batch];
  const where = listenerName(listener);
  const results: (MadeRule | Error | undefined)[] = rules.map(() => undefined);
  // Rules that were in a send whose outcome is unknown: before they are sent again the listener is listed.
  const uncertain = new Set<number>();
  const list = async (): Promise<ListedRule[]> =>
    listedRules(
      await pipeline.call(where, ACTIONS.describeAll, lane, () => api.call(ACTIONS.describeAll, listParams(listener))),
    );
  const continuing = (i: number, found: ListedRule, when: string): void => {
    log.info(`${pipeline.resource}: ${when} attempt created rule ${found.ruleId}; continuing with it`);
    results[i] = { ruleId: found.ruleId, origin: "found" };
  };

  /** resolveUncertain gives each unresolved, uncertain rule of `group` that the listing holds as its own its id. */
  const resolveUncertain = (group: readonly number[], listed: readonly ListedRule[], when: string): void => {
    for (const i of group) {
      if (results[i] !== undefined || !uncertain.has(i)) continue;
      const found = findByMatch(listed, rules[i]);
      if (found && isOwnRule(found, rules[i])) continuing(i, found, when);
    }
  };

  /** assign gives each sent rule its id from the answer: by position when the answer agrees, else by name. */
  const assign = async (sent: readonly number[], created: readonly CreatedRule[]): Promise<void> => {
    const byPosition =
      created.length === sent.length && sent.every((i, k) => created[k].ruleName === rules[i].ruleName);
    const unused = [...created];
    const missing: number[] = [];
    sent.forEach((i, k) => {
      const match = byPosition ? created[k] : unused.find((c) => c.ruleName === rules[i].ruleName);
      if (match === undefined) {
        missing.push(i);
        return;
      }
      unused.splice(unused.indexOf(match), 1);
      results[i] = { ruleId: match.ruleId, origin: "sent" };
    });
    if (missing.length === 0) return;
    // Assumed: an answer that leaves a rule out still made it; the listing says which id it has.
    const listed = await list();
    for (const i of missing) {
      const found = findByMatch(listed, rules[i]);
      results[i] =
        found && isOwnRule(found, rules[i])
          ? { ruleId: found.ruleId, origin: "sent" }
          : explainCreate(new ListenerError("CreateRules answered without this rule's id"), listener, rules[i]);
    }
  };

  /**
   * sendGroup sends the unresolved rules of `group` in one CreateRules, in the one retry loop; a whole batch (`topUp`)
   * takes the rules that arrived meanwhile before each retry after the lock refused it.
   */
  const sendGroup = async (group: number[], topUp: boolean): Promise<void> => {
    const subject = `${where} (${rulesCount(group.length)})`;
    let locked = false;
    try {
      await pipeline.retry(subject, ACTIONS.create, async (attempt: Attempt) => {
        if (topUp && locked) {
          for (const inputs of more(RULES_PER_CALL - group.length)) {
            rules.push(inputs);
            results.push(undefined);
            group.push(rules.length - 1);
          }
        }
        let open = group.filter((i) => results[i] === undefined);
        if (open.some((i) => uncertain.has(i))) {
          const body = await pipeline.send(attempt, lane, () => api.call(ACTIONS.describeAll, listParams(listener)));
          resolveUncertain(open, listedRules(body), "an earlier");
          open = open.filter((i) => results[i] === undefined);
        }
        if (open.length === 0) return;
        let body;
        try {
          body = await pipeline.send(attempt, lane, () =>
            api.call(
              ACTIONS.create,
              createParams(
                listener,
                open.map((i) => rules[i]),
              ),
            ),
          );
        } catch (error) {
          if (pipeline.classifier.outcomeUnknown(error)) for (const i of open) uncertain.add(i);
          locked = pipeline.classifier.isLoadBalancerBusy(error);
          throw error;
        }
        await assign(open, createdRules(body));
      });
    } catch (error) {
      // The budget ran out right after a send whose outcome is unknown: look once more, so what it made is kept.
      if (error instanceof RetryBudgetExceededError && group.some((i) => uncertain.has(i) && !results[i])) {
        const listed = await list().catch(() => undefined);
        if (listed) resolveUncertain(group, listed, "the last");
      }
      if (group.some((i) => results[i] === undefined)) throw error;
    }
  };

  /** alone settles one rule whose own send failed: a conflict may be its own lost create, or one it may adopt. */
  const alone = async (i: number, error: unknown): Promise<MadeRule | Error> => {
    if (pipeline.classifier.classify(error) !== "conflict") return explainCreate(error, listener, rules[i]);
    const found = findByMatch(await list().catch(() => []), rules[i]);
    if (found && uncertain.has(i) && isOwnRule(found, rules[i])) {
      log.info(`${pipeline.resource}: an earlier attempt created rule ${found.ruleId}; continuing with it`);
      return { ruleId: found.ruleId, origin: "found" };
    }
    if (found && rules[i].adoptExisting === true) return { ruleId: found.ruleId, origin: "adopted" };
    return explainCreate(error, listener, rules[i]);
  };

  /** settle sends `group`; a batch refused for a rule is split in halves until each refusal is one rule's. */
  const settle = async (group: number[], topUp = false): Promise<void> => {
    try {
      await sendGroup(group, topUp);
    } catch (error) {
      const open = group.filter((i) => results[i] === undefined);
      if (open.length === 1) {
        results[open[0]] = await alone(open[0], error);
        return;
      }
      if (!splittable(error)) {
        for (const i of open) results[i] = explainCreate(error, listener, rules[i]);
        return;
      }
      const half = Math.ceil(open.length / 2);
      log.info(
        `${pipeline.resource} ${where}: ${error.action} of ${rulesCount(open.length)} answered ${codeAndStatus(error)}; ` +
          `sending them again as ${half} and ${open.length - half}`,
      );
      await settle(open.slice(0, half));
      await settle(open.slice(half));
    }
  };

  const adopting = rules.map((r, i) => (r.adoptExisting === true ? i : -1)).filter((i) => i >= 0);
  if (adopting.length > 0) {
    let listed: ListedRule[] = [];
    try {
      listed = await list();
    } catch (error) {
      for (const i of adopting) results[i] = explainCreate(error, listener, rules[i]);
    }
    for (const i of adopting) {
      const found = results[i] === undefined ? findByMatch(listed, rules[i]) : undefined;
      if (found) results[i] = { ruleId: found.ruleId, origin: "adopted" };
    }
  }
  const toSend = results.map((r, i) => (r === undefined ? i : -1)).filter((i) => i >= 0);
  if (toSend.length > 0) await settle(toSend, true);

  const out: (MadeRule | Error)[] = [];
  for (const [i, result] of results.entries()) {
    out.push(result === undefined ? explainCreate(new ListenerError("no outcome"), listener, rules[i]) : result);
  }
  for (const [i, result] of out.entries()) {
    if (result instanceof Error) continue;
    if (result.origin !== "adopted" && !needsSet(rules[i])) continue;
    out[i] = await configureRule(scope, lane, rules[i], result);
  }
  return out;
}

/**
 * configureRule sends a made or adopted rule's SetRule (name, group, ListenerSync and its own settings). When it
 * fails, a rule this create made is deleted again (an adopted one is left as it was) and the rule's error is answered.
 */
async function configureRule(
  scope: BatchScope,
  lane: Lane,
  inputs: ForwardingRuleInputs,
  made: MadeRule,
): Promise<MadeRule | Error> {
  const { pipeline, api, listener } = scope;
  const { regionId } = listener;
  try {
    await pipeline.call(made.ruleId, ACTIONS.set, lane, () =>
      api.call(ACTIONS.set, setParams(regionId, made.ruleId, inputs)),
    );
    return made;
  } catch (error) {
    if (made.origin === "adopted") return explainCreate(error, listener, inputs);
    const undone = await pipeline
      .call(made.ruleId, ACTIONS.delete, lane, () => api.call(ACTIONS.delete, deleteParams(regionId, [made.ruleId])))
      .then(
        () => `rule ${made.ruleId} was deleted again`,
        (e: unknown) =>
          `deleting rule ${made.ruleId} again failed too (${e instanceof Error ? e.message : String(e)}); delete it by hand`,
      );
    const message = error instanceof Error ? error.message : String(error);
    return explainCreate(new ListenerError(`${message}; ${undone}`), listener, inputs);
  }
}

/**
 * deleteRules is the DeleteRules batch function: it answers, per rule id in order (those taken with `more` after its
 * own), the id when the rule is gone (deleted now or already: InvalidRuleId.NotFound, or its listener or load
 * balancer gone) or an Error naming it. Like createRules, a batch the lock refuses takes the ids that arrived
 * meanwhile.
 */
export async function deleteRules(
  scope: BatchScope,
  lane: Lane,
  batch: readonly string[],
  more: (limit: number) => readonly string[] = () => [],
): Promise<(string | Error)[]> {
  const { pipeline, api, listener } = scope;
  const where = listenerName(listener);
  const ids: string[] = [...batch];
  const done: (true | Error | undefined)[] = ids.map(() => undefined);
  const uncertain = new Set<number>();

  const sendGroup = async (group: number[], topUp: boolean): Promise<void> => {
    const subject = `${where} (${rulesCount(group.length)})`;
    let locked = false;
    await pipeline.retry(subject, ACTIONS.delete, async (attempt: Attempt) => {
      if (topUp && locked) {
        for (const id of more(RULES_PER_CALL - group.length)) {
          ids.push(id);
          done.push(undefined);
          group.push(ids.length - 1);
        }
      }
      let open = group.filter((i) => done[i] === undefined);
      if (open.some((i) => uncertain.has(i))) {
        // A lost answer: the rules the listener no longer lists were deleted by it.
        const listed = listedRules(
          await pipeline.send(attempt, lane, () => api.call(ACTIONS.describeAll, listParams(listener))),
        );
        const live = new Set(listed.map((r) => r.ruleId));
        for (const i of open) if (uncertain.has(i) && !live.has(ids[i])) done[i] = true;
        open = open.filter((i) => done[i] === undefined);
      }
      if (open.length === 0) return;
      try {
        await pipeline.send(attempt, lane, () =>
          api.call(
            ACTIONS.delete,
            deleteParams(
              listener.regionId,
              open.map((i) => ids[i]),
            ),
          ),
        );
      } catch (error) {
        if (pipeline.classifier.outcomeUnknown(error)) for (const i of open) uncertain.add(i);
        locked = pipeline.classifier.isLoadBalancerBusy(error);
        throw error;
      }
      for (const i of open) done[i] = true;
    });
  };

  const settle = async (group: number[], topUp = false): Promise<void> => {
    try {
      await sendGroup(group, topUp);
    } catch (error) {
      const open = group.filter((i) => done[i] === undefined);
      const gone = pipeline.classifier.classify(error) === "gone";
      // InvalidRuleId.NotFound for several ids does not say which is gone: split; for one id it is success.
      const oneRuleGone = gone && isApiError(error) && error.code === RULE_ERROR_CODES.notFound;
      if (gone && (!oneRuleGone || open.length === 1)) {
        for (const i of open) done[i] = true;
        return;
      }
      if (open.length === 1 || !(oneRuleGone || splittable(error))) {
        const message = error instanceof Error ? error.message : String(error);
        for (const i of open) done[i] = new ListenerError(`ForwardingRule ${ids[i]} on ${where}: ${message}`);
        return;
      }
      const half = Math.ceil(open.length / 2);
      if (isApiError(error)) {
        log.info(
          `${pipeline.resource} ${where}: ${error.action} of ${rulesCount(open.length)} answered ${codeAndStatus(error)}; ` +
            `sending them again as ${half} and ${open.length - half}`,
        );
      }
      await settle(open.slice(0, half));
      await settle(open.slice(half));
    }
  };

  await settle(
    ids.map((_, i) => i),
    true,
  );
  return done.map((d, i) => (d instanceof Error ? d : ids[i]));
}
