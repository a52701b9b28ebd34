/**
 * ElbListenerProvider: the lifecycle of a classic ELB v1.0 listener as a Pulumi dynamic provider, composed from this
 * folder's schema (check, replace table, load-balancer rule), wire (bodies, reader, outputs), create (the multi-call
 * steps of create), client and errors, and the shared mutation pipeline (`core/pipeline`: lock, pacing, endpoint gate
 * and retry, one log format).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { withoutProviderKey } from "../core/check";
import { ListenerError } from "../core/errors";
import { log } from "../core/log";
import { MutationPipeline, type LoadBalancerTarget } from "../core/pipeline";
import { ElbClient, type ElbApi } from "./client";
import {
  readSettings,
  resolveTarget,
  retryBudgetMs,
  type ConfigSource,
  type Env,
  type HuaweiSettings,
  type Target,
} from "./config";
import { adopt, findAdoptable, postOnce, settle, type CreateSteps } from "./create";
import { classify, HUAWEI_CLASSIFIER } from "./errors";
import {
  changedUpdatable,
  checkInputs,
  diffInputs,
  loadBalancerRefusal,
  RESOURCE,
  type ElbListenerInputs,
} from "./schema";
import {
  inputsFromGet,
  OUTPUT_NAMES,
  outputsFrom,
  toWireBody,
  type ElbListenerOutputs,
  type WireListener,
  type WireLoadBalancer,
} from "./wire";

export { OUTPUT_NAMES } from "./wire";
export type { ElbListenerOutputs } from "./wire";

/** ElbListenerProviderOptions are test and tuning hooks; a provider constructed without arguments uses the defaults. */
export interface ElbListenerProviderOptions {
  /** The environment to read settings from. @default process.env */
  readonly env?: Env;
  /** Pause between GETs while a new listener is PENDING_CREATE. @default 1000 */
  readonly pollIntervalMs?: number;
  /** First backoff ceiling of the retry policy. @default 200 */
  readonly retryBaseDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  /** Builds the API client of a target. @default a signed axios ElbClient */
  readonly clientFor?: (target: Target) => ElbApi;
}

/** ElbListenerProvider implements the lifecycle of a classic ELB v1.0 listener. */
export class ElbListenerProvider implements dynamic.ResourceProvider<ElbListenerInputs, ElbListenerOutputs> {
  // Private fields: the stack configuration and the environment hold secrets, and must not show in inspection.
  #config?: ConfigSource;
  readonly #options: ElbListenerProviderOptions;
  /** One API client per target (their keys hold credentials, hence private). */
  readonly #clients = new Map<string, ElbApi>();
  /** The type of each load balancer already read, by endpoint, project and id. */
  readonly #loadBalancers = new Map<string, WireLoadBalancer>();
  readonly #pipeline: MutationPipeline;

  constructor(options: ElbListenerProviderOptions = {}) {
    this.#options = options;
    this.#pipeline = new MutationPipeline(`huawei:${RESOURCE}`, HUAWEI_CLASSIFIER, () => ({
      budgetMs: retryBudgetMs(this.settings()),
      baseDelayMs: this.options.retryBaseDelayMs,
      sleep: this.options.sleep,
      random: this.options.random,
      now: this.options.now,
    }));
  }

  private get options(): ElbListenerProviderOptions {
    return this.#options;
  }

  /** configure keeps the stack configuration for later calls (read inside the provider process only). */
  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.#config = req.config;
    this.#clients.clear();
  }

  /** check validates the inputs, fills TLS defaults, and drops (with a warning) inputs that have no effect. */
  async check(_olds: ElbListenerInputs, news: ElbListenerInputs): Promise<dynamic.CheckResult<ElbListenerInputs>> {
    const result = checkInputs(news);
    for (const warning of result.warnings) log.warn(`huawei:ElbListener: ${warning.message}`);
    return result.ok ? { inputs: result.inputs } : { inputs: withoutProviderKey(news), failures: [...result.failures] };
  }

  /**
   * diff compares every input with the stored outputs: unknown values count as changes; loadbalancerId, protocol,
   * backendProtocol, sessionSticky, stickySessionType, cookieTimeout, region and projectId replace; the rest update.
   */
  async diff(_id: string, olds: ElbListenerOutputs, news: ElbListenerInputs): Promise<dynamic.DiffResult> {
    const { changed, replaces, deleteBeforeReplace } = diffInputs(olds, news, this.safeSettings());
    return { changes: changed.length > 0, replaces, deleteBeforeReplace };
  }

  /**
   * create checks the load balancer's type, POSTs once (or adopts an existing listener when asked), waits through
   * PENDING_CREATE, and deletes a listener that ends in ERROR before failing. A retried POST first looks for the
   * listener a lost answer may have created.
   */
  async create(inputs: ElbListenerInputs): Promise<dynamic.CreateResult<ElbListenerOutputs>> {
    const { target, api, settings } = this.connect(inputs);
    const subject = `${inputs.loadbalancerId}:${inputs.port}`;
    const listener = await this.#pipeline.exclusive(this.lbTarget(target, inputs.loadbalancerId), async (lane) => {
      const steps: CreateSteps = {
        pipeline: this.#pipeline,
        api,
        lane,
        reads: this.#pipeline.reads(this.endpoint(target)),
      };
      this.preflight(await this.loadBalancer(api, inputs.loadbalancerId, target), inputs);
      const existing = inputs.adoptExisting ? await findAdoptable(steps, subject, inputs) : undefined;
      if (existing) return adopt(steps, existing, inputs);
      const created = await postOnce(steps, inputs);
      const { sleep, now, pollIntervalMs } = this.options;
      return settle(steps, created, { sleep, now, pollIntervalMs, budgetMs: retryBudgetMs(settings) });
    });
    return { id: listener.id, outs: outputsFrom(inputs, listener, target) };
  }

  /** read GETs the listener; a listener that is gone returns an empty id. It returns both props and inputs. */
  async read(id: string, props?: ElbListenerOutputs): Promise<dynamic.ReadResult<ElbListenerOutputs>> {
    const previous: Partial<ElbListenerOutputs> = props ?? {};
    const { target, api } = this.connect({
      region: previous.resolvedRegion ?? previous.region,
      projectId: previous.resolvedProjectId ?? previous.projectId,
    });
    let listener: WireListener;
    try {
      const reads = this.#pipeline.reads(this.endpoint(target));
      listener = await this.#pipeline.call(id, "read listener", reads, () => api.getListener(id));
    } catch (error) {
      if (classify(error) === "gone") return { id: "" };
      throw error;
    }
    const outs = outputsFrom(inputsFromGet(listener, previous), listener, target);
    // ReadResult types its inputs as the outputs; the inputs carry no output-only property.
    const inputs: ElbListenerOutputs = { ...outs };
    for (const name of OUTPUT_NAMES) Reflect.deleteProperty(inputs, name);
    return { id: listener.id, props: outs, inputs };
  }

  /** update sends one PUT with the modifiable inputs that changed (certificates only onto a public load balancer). */
  async update(
    id: string,
    olds: ElbListenerOutputs,
    news: ElbListenerInputs,
  ): Promise<dynamic.UpdateResult<ElbListenerOutputs>> {
    const o = olds;
    const n = news;
    const { target, api } = this.connect({
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
    const listener = await this.#pipeline.exclusive(this.lbTarget(target, news.loadbalancerId), async (lane) => {
      if (changed.includes("certificates")) {
        this.preflight(await this.loadBalancer(api, news.loadbalancerId, target), news);
      }
      const body = toWireBody(news, changed);
      return this.#pipeline.call(id, "update listener", lane, () => api.updateListener(id, body));
    });
    return { outs: outputsFrom(n, listener, target) };
  }

  /** delete DELETEs the listener; one that is already gone counts as deleted. */
  async delete(id: string, props: ElbListenerOutputs): Promise<void> {
    const p = props;
    const { target, api } = this.connect({
      region: p.resolvedRegion ?? p.region,
      projectId: p.resolvedProjectId ?? p.projectId,
    });
    try {
      const lb = this.lbTarget(target, String(p.loadbalancerId));
      await this.#pipeline.mutate(id, "delete listener", lb, () => api.deleteListener(id));
    } catch (error) {
      if (classify(error) !== "gone") throw error;
      log.info(`huawei:ElbListener: listener ${id} was already gone`);
    }
  }

  private settings(): HuaweiSettings {
    return readSettings(this.#config, this.options.env ?? process.env);
  }

  private safeSettings(): HuaweiSettings | undefined {
    try {
      return this.settings();
    } catch {
      return undefined;
    }
  }

  private connect(where: { region?: unknown; projectId?: unknown }): {
    target: Target;
    api: ElbApi;
    settings: HuaweiSettings;
  } {
    const settings = this.settings();
    const region = typeof where.region === "string" ? where.region : undefined;
    const projectId = typeof where.projectId === "string" ? where.projectId : undefined;
    const target = resolveTarget(settings, region, projectId);
    return { target, api: this.client(target), settings };
  }

  /**
   * client is the one API client of a target (endpoint, project and credentials) for this provider instance, so
   * every operation shares its HTTP connections instead of building a client (and sockets) per call.
   */
  private client(target: Target): ElbApi {
    const c = target.credentials;
    const key = [target.baseUrl, target.projectId, target.requestTimeoutMs, c.kind, ...Object.values(c)].join("\n");
    let api = this.#clients.get(key);
    if (!api) {
      api = this.options.clientFor ? this.options.clientFor(target) : new ElbClient(target);
      this.#clients.set(key, api);
    }
    return api;
  }

  private endpoint(target: Target): string {
    return `huawei|${target.baseUrl}`;
  }

  private lbTarget(target: Target, loadbalancerId: string): LoadBalancerTarget {
    return { endpoint: this.endpoint(target), loadBalancer: `${target.projectId}|${loadbalancerId}` };
  }

  /**
   * loadBalancer reads a load balancer for its type, once per load balancer for this provider instance: a classic
   * load balancer's type never changes, so later creates on it take one API call.
   */
  private async loadBalancer(api: ElbApi, id: string, target: Target): Promise<WireLoadBalancer> {
    const key = `${this.endpoint(target)}|${target.projectId}|${id}`;
    const known = this.#loadBalancers.get(key);
    if (known) return known;
    try {
      const reads = this.#pipeline.reads(this.endpoint(target));
      const lb = await this.#pipeline.call(id, "read load balancer", reads, () => api.getLoadBalancer(id));
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
