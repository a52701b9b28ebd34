/**
 * ElbListenerProvider: the lifecycle of a classic ELB v1.0 listener as a Pulumi dynamic provider, composed from this
 * folder's schema (check, replace table, load-balancer rule), wire (bodies, reader, outputs), create (the multi-call
 * steps of create), client and errors, and the shared mutation pipeline (`core/pipeline`: lock, pacing, endpoint gate
 * and retry, one log format).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { createOnce } from "../core/createOnce";
import { ListenerError } from "../core/errors";
import { log } from "../core/log";
import { ElbClient, type ElbApi } from "./client";
import { retryBudgetMs, type Target } from "./config";
import { creating, settle, warnIfTaken, type CreateSteps } from "./create";
import { classify } from "./errors";
import { readResult } from "./listener/readBack";
import { ElbListenerPlan } from "./plan";
import { changedUpdatable, loadBalancerRefusal, RESOURCE, type ElbListenerInputs } from "./schema";
import { ElbSession, type ElbSessionOptions } from "./session";
import {
  inputsFromGet,
  OUTPUT_NAMES,
  outputsFrom,
  toWireBody,
  type ElbListenerOutputs,
  type WireLoadBalancer,
} from "./wire";

export { OUTPUT_NAMES } from "./wire";
export type { ElbListenerOutputs } from "./wire";

/**
 * ElbListenerProviderOptions are the one provider options shape (core `ProviderOptions`) with the classic client;
 * `pollIntervalMs` is the pause between GETs while a new listener is PENDING_CREATE.
 */
export type ElbListenerProviderOptions = ElbSessionOptions<ElbApi>;

/** ElbListenerProvider implements the lifecycle of a classic ELB v1.0 listener. */
export class ElbListenerProvider
  extends ElbListenerPlan
  implements dynamic.ResourceProvider<ElbListenerInputs, ElbListenerOutputs>
{
  // #private (not TypeScript `private`): the session holds the stack configuration and credentials.
  readonly #options: ElbListenerProviderOptions;
  readonly #session: ElbSession<ElbApi>;
  /** The type of each load balancer already read, by endpoint, project and id. */
  readonly #loadBalancers = new Map<string, WireLoadBalancer>();

  constructor(options: ElbListenerProviderOptions = {}) {
    super(options);
    this.#options = options;
    this.#session = new ElbSession<ElbApi>(
      `huawei:${RESOURCE}`,
      options,
      this.stack,
      (target) => new ElbClient(target),
    );
  }

  /** configure keeps the stack's config for the plan half and forgets clients built under the previous one. */
  override async configure(req: dynamic.ConfigureRequest): Promise<void> {
    await super.configure(req);
    this.#session.forgetClients();
  }

  /**
   * create checks the load balancer's type, POSTs once through the one create path (a retried POST first looks for
   * the listener a lost answer may have created; a taken port is adopted when asked), waits through PENDING_CREATE,
   * and deletes a listener that ends in ERROR before failing.
   */
  async create(inputs: ElbListenerInputs): Promise<dynamic.CreateResult<ElbListenerOutputs>> {
    const { target, api, settings } = this.#session.connect(inputs);
    const listener = await this.#session.pipeline.exclusive(
      this.#session.lbTarget(target, inputs.loadbalancerId),
      async (lane) => {
        const steps: CreateSteps = {
          pipeline: this.#session.pipeline,
          api,
          lane,
          reads: this.#session.pipeline.reads(this.#session.endpoint(target)),
        };
        this.preflight(await this.loadBalancer(api, inputs.loadbalancerId, target), inputs);
        const made = await createOnce(this.#session.pipeline, lane, creating(steps, inputs)).catch((error: unknown) => {
          warnIfTaken(error, inputs);
          throw error;
        });
        if (made.origin === "adopted") return made.resource;
        const { retry, pollIntervalMs } = this.#options;
        const clock = { sleep: retry?.sleep, now: retry?.now, pollIntervalMs, budgetMs: retryBudgetMs(settings) };
        return settle(steps, made.resource, clock);
      },
    );
    return { id: listener.id, outs: outputsFrom(inputs, listener, target) };
  }

  /** read GETs the listener; a listener that is gone returns an empty id. It returns both props and inputs. */
  async read(id: string, props?: ElbListenerOutputs): Promise<dynamic.ReadResult<ElbListenerOutputs>> {
    const previous: Partial<ElbListenerOutputs> = props ?? {};
    const read = await this.#session.readStored(id, previous, (api) => api.getListener(id));
    if (!read) return { id: "" };
    const { target, found: listener } = read;
    return readResult(listener.id, outputsFrom(inputsFromGet(listener, previous), listener, target), OUTPUT_NAMES);
  }

  /** update sends one PUT with the modifiable inputs that changed (certificates only onto a public load balancer). */
  async update(
    id: string,
    olds: ElbListenerOutputs,
    news: ElbListenerInputs,
  ): Promise<dynamic.UpdateResult<ElbListenerOutputs>> {
    const o = olds;
    const n = news;
    const { target, api } = this.#session.connect({
      region: o.resolvedRegion ?? n.region,
      projectId: o.resolvedProjectId ?? n.projectId,
    });
    const changed = changedUpdatable(n, o);
    if (changed.length === 0) {
      const kept: ElbListenerOutputs = {
        ...n,
        status: o.status,
        resolvedRegion: o.resolvedRegion,
        resolvedProjectId: o.resolvedProjectId,
      };
      for (const k of OUTPUT_NAMES) if (o[k] !== undefined) Object.assign(kept, { [k]: o[k] });
      return { outs: kept };
    }
    const listener = await this.#session.pipeline.exclusive(
      this.#session.lbTarget(target, news.loadbalancerId),
      async (lane) => {
        if (changed.includes("certificates")) {
          this.preflight(await this.loadBalancer(api, news.loadbalancerId, target), news);
        }
        const body = toWireBody(news, changed);
        return this.#session.pipeline.call(id, "update listener", lane, () => api.updateListener(id, body));
      },
    );
    return { outs: outputsFrom(n, listener, target) };
  }

  /** delete DELETEs the listener; one that is already gone counts as deleted. */
  async delete(id: string, props: ElbListenerOutputs): Promise<void> {
    const p = props;
    const { target, api } = this.#session.connect({
      region: p.resolvedRegion ?? p.region,
      projectId: p.resolvedProjectId ?? p.projectId,
    });
    try {
      const lb = this.#session.lbTarget(target, String(p.loadbalancerId));
      await this.#session.pipeline.mutate(id, "delete listener", lb, () => api.deleteListener(id));
    } catch (error) {
      if (classify(error) !== "gone") throw error;
      log.info(`huawei:ElbListener: listener ${id} was already gone`);
    }
  }

  /**
   * loadBalancer reads a load balancer for its type, once per load balancer for this provider instance: a classic
   * load balancer's type never changes, so later creates on it take one API call.
   */
  private async loadBalancer(api: ElbApi, id: string, target: Target): Promise<WireLoadBalancer> {
    const key = `${this.#session.endpoint(target)}|${target.projectId}|${id}`;
    const known = this.#loadBalancers.get(key);
    if (known) return known;
    try {
      const reads = this.#session.pipeline.reads(this.#session.endpoint(target));
      const lb = await this.#session.pipeline.call(id, "read load balancer", reads, () => api.getLoadBalancer(id));
      this.#loadBalancers.set(key, { id: lb.id, type: lb.type });
      return lb;
    } catch (error) {
      if (classify(error) === "gone") {
        throw new ListenerError(
          `Huawei Cloud ELB load balancer ${id} does not exist in project ${target.projectId} (${target.region}): ` +
            `check loadbalancerId, region and projectId`,
        );
      }
      throw error;
    }
  }

  /** preflight refuses, before anything is created, what the load balancer's type does not allow. */
  private preflight(lb: WireLoadBalancer, inputs: ElbListenerInputs): void {
    const refusal = loadBalancerRefusal(lb, inputs);
    if (refusal !== undefined) throw new ListenerError(refusal);
  }
}
