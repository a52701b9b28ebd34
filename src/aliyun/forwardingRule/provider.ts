/**
 * ForwardingRuleProvider: the lifecycle of an Alibaba Cloud SLB forwarding rule as a Pulumi dynamic provider, composed
 * from this folder's schema, wire and batch functions, the cloud's config, client and errors, the shared mutation
 * pipeline and the shared Batcher. Creates and deletes of rules of one listener queue for the load balancer's lock (the
 * listener's and the domain extensions' lock) and go out together, up to ten per CreateRules or DeleteRules call.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md §6, §7, §8.4.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { BatcherOptions } from "../../core/batch";
import { BatcherTable } from "../../core/batch";
import { ListenerError } from "../../core/errors";
import type { Lane } from "../../core/pipeline";
import { realSleep } from "../../core/retry";
import type { Params } from "../client";
import { RULE_ACTIONS as ACTIONS, RULES_PER_CALL } from "../constants";
import { classify } from "../errors";
import type { SlbProviderOptions } from "../session";
import { invalidInputs, SlbSession } from "../session";
import type { BatchScope, MadeRule } from "./batches";
import { createRules, deleteRules } from "./batches";
import { ForwardingRulePlan } from "./plan";
import type { ForwardingRuleInputs } from "./schema";
import { checkInputs, diffInputs, RESOURCE_NAME } from "./schema";
import type { ForwardingRuleOutputs, RuleListener } from "./wire";
import { idParams, inputsFromDescribe, listedRules, listenerName, listParams, setParams } from "./wire";

export type { ForwardingRuleOutputs } from "./wire";

/** RuleBatchOptions tune the batching of rule creates and deletes. */
export interface RuleBatchOptions {
  /**
   * The most rules one CreateRules or DeleteRules call takes: 1 to 10; 1 turns batching off.
   * @default 10, or `ALICLOUD_RULE_BATCH_SIZE`
   */
  readonly maxSize?: number;
  /**
   * How long the first rule of a batch waits for others before the batch asks for the lock, in milliseconds.
   * @default 0 (the end of the tick), or `ALICLOUD_RULE_BATCH_WINDOW_MS`
   */
  readonly windowMs?: number;
}

/** ForwardingRuleProviderOptions tune the provider in tests and the bench: the listener's shape, plus batching. */
export type ForwardingRuleProviderOptions = SlbProviderOptions & { readonly batch?: RuleBatchOptions };

/** BATCH_ENV names the environment variables that tune batching where no option is given (the engine's host). */
const BATCH_ENV = { maxSize: "ALICLOUD_RULE_BATCH_SIZE", windowMs: "ALICLOUD_RULE_BATCH_WINDOW_MS" } as const;

/**
 * ForwardingRuleProvider implements the ForwardingRule lifecycle: check validates the documented rules; create joins
 * its listener's CreateRules batch (adopting a rule of the same Domain+Url with `adoptExisting`; SetRule for a rule
 * with its own settings); update sends one SetRule; read describes by id (DescribeRuleAttribute); delete joins its
 * listener's DeleteRules batch (already gone is success). Credentials come from `configure` (stack config) or the
 * environment.
 */
export class ForwardingRuleProvider
  extends ForwardingRulePlan
  implements dynamic.ResourceProvider<ForwardingRuleInputs, ForwardingRuleOutputs>
{
  // #private (not TypeScript `private`): util.inspect and JSON never show the session's credentials or clients.
  readonly #session: SlbSession;
  readonly #batch: RuleBatchOptions;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #creates = new BatcherTable<ForwardingRuleInputs, MadeRule, Lane>();
  readonly #deletes = new BatcherTable<string, string, Lane>();

  constructor(overrides: ForwardingRuleProviderOptions = {}) {
    super(overrides);
    this.#session = new SlbSession(RESOURCE_NAME, overrides, this.stack);
    this.#batch = overrides.batch ?? {};
    this.#sleep = overrides.retry?.sleep ?? realSleep;
  }

  /** configure keeps the stack's config for the plan half and forgets clients built under the previous one. */
  override async configure(req: dynamic.ConfigureRequest): Promise<void> {
    await super.configure(req);
    this.#session.forgetClients();
  }

  /** create joins the listener's CreateRules batch and returns the rule's RuleId as the resource id. */
  async create(inputs: ForwardingRuleInputs): Promise<dynamic.CreateResult<ForwardingRuleOutputs>> {
    const checked = checkInputs(inputs, this.stack.region());
    if (!checked.ok) {
      throw invalidInputs(RESOURCE_NAME, checked.failures);
    }
    const values = checked.inputs;
    const regionId = values.regionId ?? this.stack.requireRegion();
    const listener: RuleListener = {
      regionId,
      loadBalancerId: values.loadBalancerId,
      listenerPort: values.listenerPort,
      listenerProtocol: values.listenerProtocol,
    };
    const made = await this.#creates.load(this.#scopeKey(listener), values, () =>
      this.#batcher(listener, (scope, lane, rules, more) => createRules(scope, lane, rules, more)),
    );
    return { id: made.ruleId, outs: { ...values, regionId } };
  }

  /**
   * read describes the rule by id; a rule that is gone (InvalidRuleId.NotFound, its listener or load balancer gone, or
   * an answer for another RuleId) returns an empty id. DescribeRuleAttribute has no ListenerProtocol: it comes from
   * the state, or (for `get`) from which of the port's HTTPS or HTTP listener lists the rule.
   */
  async read(id: string, props?: ForwardingRuleOutputs): Promise<dynamic.ReadResult<ForwardingRuleOutputs>> {
    const regionId = props?.regionId || this.stack.requireRegion();
    const body = await this.#session.describeOrGone(regionId, id, ACTIONS.describe, idParams(regionId, id));
    if (body === undefined) return { id: "" };
    // Ref: Terraform treats an answer for another RuleId as not found [S24].
    if (typeof body.RuleId === "string" && body.RuleId !== id) return { id: "" };
    let previous: Partial<ForwardingRuleInputs> = props ?? {};
    if (previous.listenerProtocol === undefined) {
      const lane = this.#session.pipeline.reads(this.#session.endpoint(regionId));
      const listenerProtocol = await this.#protocolOf(id, body, regionId, lane);
      if (listenerProtocol) previous = { ...previous, listenerProtocol };
    }
    const inputs = inputsFromDescribe(id, body, regionId, previous);
    const outs: ForwardingRuleOutputs = { ...inputs, regionId };
    return { id, props: outs, inputs: { ...outs } };
  }

  /** protocolOf finds which listener of the rule's port lists it: HTTPS first, then HTTP (they never share a port). */
  async #protocolOf(
    id: string,
    body: Readonly<Record<string, unknown>>,
    regionId: string,
    lane: Lane,
  ): Promise<"http" | "https" | undefined> {
    const loadBalancerId = typeof body.LoadBalancerId === "string" ? body.LoadBalancerId : undefined;
    const listenerPort = Number(body.ListenerPort);
    if (!loadBalancerId || !Number.isInteger(listenerPort)) return undefined;
    const api = this.#session.client(regionId);
    for (const listenerProtocol of ["https", "http"] as const) {
      const params = listParams({ regionId, loadBalancerId, listenerPort, listenerProtocol });
      const listed = await this.#session.pipeline
        .call(id, ACTIONS.describeAll, lane, () => api.call(ACTIONS.describeAll, params))
        .then(listedRules, () => []);
      if (listed.some((rule) => rule.ruleId === id)) return listenerProtocol;
    }
    return undefined;
  }

  /** update sends one SetRule with the name, the group, ListenerSync and the rule's own settings. */
  async update(
    id: string,
    olds: ForwardingRuleOutputs,
    news: ForwardingRuleInputs,
  ): Promise<dynamic.UpdateResult<ForwardingRuleOutputs>> {
    const configured = this.stack.region();
    const regionId = news.regionId ?? configured ?? olds.regionId;
    const next: ForwardingRuleInputs = { ...news, regionId };
    const { changed, replaces } = diffInputs(olds, next, configured);
    if (replaces.length > 0) {
      throw new ListenerError(`ForwardingRule ${id}: ${replaces.join(", ")} cannot change in place; replace it`);
    }
    // The domain is the rule's as made (it cannot change in place); a rule by URL alone has none.
    const outs: ForwardingRuleOutputs = { ...next, regionId };
    if (olds.domain !== undefined) outs.domain = olds.domain;
    if (changed.length === 0) return { outs };
    const api = this.#session.client(regionId);
    const params: Params = setParams(regionId, id, next);
    try {
      await this.#session.pipeline.mutate(id, ACTIONS.set, this.#session.target(regionId, next.loadBalancerId), () =>
        api.call(ACTIONS.set, params),
      );
    } catch (error) {
      if (classify(error) === "gone") {
        throw new ListenerError(
          `ForwardingRule ${id}: the rule no longer exists on ${next.loadBalancerId}:${next.listenerProtocol}:` +
            `${next.listenerPort}; run pulumi refresh to drop it from the state, then pulumi up to make it again`,
        );
      }
      throw error;
    }
    return { outs };
  }

  /** delete joins the listener's DeleteRules batch; a rule already gone (or whose listener is gone) is success. */
  async delete(id: string, props: ForwardingRuleOutputs): Promise<void> {
    const regionId = props?.regionId || this.stack.requireRegion();
    const listener: RuleListener = {
      regionId,
      loadBalancerId: props.loadBalancerId,
      listenerPort: props.listenerPort,
      listenerProtocol: props.listenerProtocol,
    };
    await this.#deletes.load(this.#scopeKey(listener), id, () =>
      this.#batcher(listener, (scope, lane, ids, more) => deleteRules(scope, lane, ids, more)),
    );
  }

  /** scopeKey names a listener's batch: its endpoint and `<lb>:<protocol>:<port>`. */
  #scopeKey(listener: RuleListener): string {
    return `${this.#session.endpoint(listener.regionId)}\n${listenerName(listener)}`;
  }

  /**
   * batcher makes the Batcher options of one listener: its turn is the load balancer's lock, and inside it the wait
   * for the learnt end of the cloud's own lock (so the rules that arrive while another mutation holds either go out
   * together); its batch function is `send` on the region's client of the moment.
   */
  #batcher<K, V>(
    listener: RuleListener,
    send: (
      scope: BatchScope,
      lane: Lane,
      keys: readonly K[],
      more: (limit: number) => readonly K[],
    ) => Promise<(V | Error)[]>,
  ): BatcherOptions<K, V, Lane> {
    const { pipeline } = this.#session;
    return {
      maxBatchSize: this.#batchSize(),
      windowMs: this.#windowMs(),
      turn: (work) => pipeline.exclusive(this.#session.target(listener.regionId, listener.loadBalancerId), work),
      ready: async (lane) => {
        const waitMs = (await lane.pace?.waitMs()) ?? 0;
        if (waitMs > 0) await this.#sleep(waitMs);
      },
      batch: (keys, lane, more) =>
        send({ pipeline, api: this.#session.client(listener.regionId), listener }, lane, keys, more),
    };
  }

  /** batchSize is the option, else ALICLOUD_RULE_BATCH_SIZE, else 10; it must be an integer from 1 to 10. */
  #batchSize(): number {
    const raw = this.#batch.maxSize ?? this.stack.env[BATCH_ENV.maxSize];
    if (raw === undefined || raw === "") return RULES_PER_CALL;
    const size = Number(raw);
    if (!Number.isInteger(size) || size < 1 || size > RULES_PER_CALL) {
      throw new ListenerError(
        `${BATCH_ENV.maxSize} (batch.maxSize) must be an integer from 1 to ${RULES_PER_CALL}, got ${JSON.stringify(raw)}`,
      );
    }
    return size;
  }

  /** windowMs is the option, else ALICLOUD_RULE_BATCH_WINDOW_MS, else 0; it must be a number from 0 to 1000. */
  #windowMs(): number {
    const raw = this.#batch.windowMs ?? this.stack.env[BATCH_ENV.windowMs];
    if (raw === undefined || raw === "") return 0;
    const ms = Number(raw);
    if (!Number.isFinite(ms) || ms < 0 || ms > 1000) {
      throw new ListenerError(
        `${BATCH_ENV.windowMs} (batch.windowMs) must be a number of milliseconds from 0 to 1000, got ${JSON.stringify(raw)}`,
      );
    }
    return ms;
  }
}
