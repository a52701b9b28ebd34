/**
 * ElbSession: what every Huawei Cloud / Open Telekom Cloud provider holds for one provider instance to call the API,
 * written once. It reads the instance's StackConfig (the plan half's, from `configure`, read inside the provider
 * process only), and keeps one API client per target (endpoint, project and credentials) and the resource's mutation
 * pipeline (whose retry budget is read from configuration at each call), so a provider says only what to call.
 */
import { MutationPipeline, type LoadBalancerTarget } from "../core/pipeline";
import type { ProviderOptions } from "../core/providerOptions";
import { resolveTarget, retryBudgetMs, type HuaweiSettings, type StackConfig, type Target } from "./config";
import { classify, HUAWEI_CLASSIFIER } from "./errors";

/**
 * ElbSessionOptions are the one provider options shape (core `ProviderOptions`) for Huawei: a client is built for a
 * resolved target, by default the resource's signed client; `requestTimeoutMs` overrides the configured timeout.
 */
export type ElbSessionOptions<Api> = ProviderOptions<Api, Target>;

/** StoredPlace is where a resource's state says it lives: the resolved region and project, else the inputs'. */
interface StoredPlace {
  readonly resolvedRegion?: string;
  readonly region?: string;
  readonly resolvedProjectId?: string;
  readonly projectId?: string;
}

/** Found is a resource read back, with the target it was read from. */
interface Found<T> {
  readonly target: Target;
  readonly found: T;
}

/** Connection is one call's resolved target, its API client and the settings they came from. */
interface Connection<Api> {
  readonly target: Target;
  readonly api: Api;
  readonly settings: HuaweiSettings;
}

/**
 * ElbSession holds one Huawei provider instance's configuration, clients and pipeline. Its fields are #private (not
 * TypeScript `private`): the stack configuration and the environment hold secrets, and client keys hold credentials.
 */
export class ElbSession<Api> {
  readonly #config: StackConfig;
  readonly #clients = new Map<string, Api>();
  readonly #options: ElbSessionOptions<Api>;
  readonly #build: (target: Target) => Api;
  /** The resource's mutation pipeline: per-load-balancer lock, pacing, endpoint gate and retry, one log format. */
  readonly pipeline: MutationPipeline;

  /**
   * `resource` names the resource in log lines (`huawei:<Type>`); `config` is the provider instance's configuration;
   * `build` makes the default client of a target.
   */
  constructor(resource: string, options: ElbSessionOptions<Api>, config: StackConfig, build: (target: Target) => Api) {
    this.#options = options;
    this.#config = config;
    this.#build = build;
    this.pipeline = new MutationPipeline(resource, HUAWEI_CLASSIFIER, () => ({
      ...options.retry,
      budgetMs: retryBudgetMs(this.#config.settings()),
    }));
  }

  /** forgetClients drops the clients built so far: after `configure`, credentials and endpoints may differ. */
  forgetClients(): void {
    this.#clients.clear();
  }

  /**
   * connect resolves the target of a region and project (the inputs', else the configured ones) and returns its one
   * API client for this provider instance, so every operation shares its HTTP connections.
   */
  connect(where: { region?: unknown; projectId?: unknown }): Connection<Api> {
    const settings = this.#config.settings();
    const region = typeof where.region === "string" ? where.region : undefined;
    const projectId = typeof where.projectId === "string" ? where.projectId : undefined;
    const resolved = resolveTarget(settings, region, projectId);
    const { requestTimeoutMs } = this.#options;
    const target = requestTimeoutMs === undefined ? resolved : { ...resolved, requestTimeoutMs };
    const c = target.credentials;
    const key = [target.baseUrl, target.projectId, target.requestTimeoutMs, c.kind, ...Object.values(c)].join("\n");
    let api = this.#clients.get(key);
    if (!api) {
      api = this.#options.clientFor ? this.#options.clientFor(target) : this.#build(target);
      this.#clients.set(key, api);
    }
    return { target, api, settings };
  }

  /** endpoint names a target's endpoint as a pipeline scope (`huawei|<url>`). */
  endpoint(target: Target): string {
    return `huawei|${target.baseUrl}`;
  }

  /** lbTarget is a load balancer's pipeline key; classic and dedicated listeners on one id share its lock. */
  lbTarget(target: Target, loadbalancerId: string): LoadBalancerTarget {
    return { endpoint: this.endpoint(target), loadBalancer: `${target.projectId}|${loadbalancerId}` };
  }

  /**
   * readStored GETs a resource where its state says it lives (else where the configuration points) through the reads
   * lane: undefined when the service answers that it is gone (classify's "gone": its own not-found, never a gateway's
   * 404), the answer and its target otherwise.
   */
  async readStored<T>(id: string, stored: StoredPlace, get: (api: Api) => Promise<T>): Promise<Found<T> | undefined> {
    const { target, api } = this.connect({
      region: stored.resolvedRegion ?? stored.region,
      projectId: stored.resolvedProjectId ?? stored.projectId,
    });
    try {
      const reads = this.pipeline.reads(this.endpoint(target));
      return { target, found: await this.pipeline.call(id, "read listener", reads, () => get(api)) };
    } catch (error) {
      if (classify(error) === "gone") return undefined;
      throw error;
    }
  }
}
