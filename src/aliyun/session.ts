/**
 * SlbSession: what every Alibaba Cloud provider holds for one provider instance to call the API, written once. It
 * reads the instance's StackConfig (the plan half's: stack config from `configure`, the environment as fallback for
 * every key), and keeps one SLB client per endpoint and credentials and the resource's mutation pipeline (whose retry
 * budget is read from configuration at each call), so a provider says only what to call.
 */
import type { CheckFailure } from "../core/check";
import { ListenerError } from "../core/errors";
import type { LoadBalancerTarget } from "../core/pipeline";
import { MutationPipeline } from "../core/pipeline";
import type { ProviderOptions } from "../core/providerOptions";
import type { Params, ResponseBody, SlbApi } from "./client";
import { SlbClient } from "./client";
import type { StackConfig } from "./config";
import { resolveCredentials, resolveEndpoint, resolveRequestTimeoutMs, resolveRetryBudgetMs } from "./config";
import { ALIYUN_CLASSIFIER, classify } from "./errors";

/**
 * SlbProviderOptions are the one provider options shape (core `ProviderOptions`) for Aliyun: a client is built for an
 * endpoint, credentials and timeout, by default pop-core's SlbClient.
 */
export type SlbProviderOptions = ProviderOptions<SlbApi, ConstructorParameters<typeof SlbClient>[0]>;

/**
 * SlbSession holds one Aliyun provider instance's configuration, clients and pipeline. Its fields are #private (not
 * TypeScript `private`): util.inspect and JSON never show them, and the client cache is keyed by credentials.
 */
export class SlbSession {
  readonly #config: StackConfig;
  readonly #clients = new Map<string, SlbApi>();
  readonly #options: SlbProviderOptions;
  /** The resource's mutation pipeline: per-load-balancer lock, pacing, endpoint gate and retry, one log format. */
  readonly pipeline: MutationPipeline;

  /** `resource` names the resource in log lines; `config` is the provider instance's configuration. */
  constructor(resource: string, options: SlbProviderOptions, config: StackConfig) {
    this.#options = options;
    this.#config = config;
    this.pipeline = new MutationPipeline(resource, ALIYUN_CLASSIFIER, () => ({
      ...this.#options.retry,
      budgetMs: resolveRetryBudgetMs(this.#config.source, this.#config.env),
    }));
  }

  /** forgetClients drops the clients built so far: after `configure`, credentials and endpoints may differ. */
  forgetClients(): void {
    this.#clients.clear();
  }

  /** endpoint names the region's SLB endpoint as a pipeline scope (`aliyun|<url>`). */
  endpoint(regionId: string): string {
    return `aliyun|${resolveEndpoint(regionId, this.#config.env, this.#config.source)}`;
  }

  /** target is a load balancer's pipeline key: every resource on it (listener, extensions) shares its lock. */
  target(regionId: string, loadBalancerId: string): LoadBalancerTarget {
    return { endpoint: this.endpoint(regionId), loadBalancer: loadBalancerId };
  }

  /** client returns the region's SLB client for the current credentials, built once per endpoint and credentials. */
  client(regionId: string): SlbApi {
    const credentials = resolveCredentials(this.#config.source, this.#config.env);
    const endpoint = resolveEndpoint(regionId, this.#config.env, this.#config.source);
    const key = [endpoint, credentials.accessKeyId, credentials.accessKeySecret, credentials.securityToken].join("\n");
    let api = this.#clients.get(key);
    if (!api) {
      const timeoutMs =
        this.#options.requestTimeoutMs ?? resolveRequestTimeoutMs(this.#config.source, this.#config.env);
      const options = { ...credentials, endpoint, timeoutMs };
      api = this.#options.clientFor ? this.#options.clientFor(options) : new SlbClient(options);
      this.#clients.set(key, api);
    }
    return api;
  }

  /**
   * describeOrGone sends one describe action for the object `key` on the region's read lane and returns its answer,
   * or undefined when the service answers that the object is gone (its own not-found code, classified "gone").
   */
  async describeOrGone(
    regionId: string,
    key: string,
    action: string,
    params: Params,
  ): Promise<ResponseBody | undefined> {
    const api = this.client(regionId);
    const lane = this.pipeline.reads(this.endpoint(regionId));
    try {
      return await this.pipeline.call(key, action, lane, () => api.call(action, params));
    } catch (error) {
      if (classify(error) === "gone") return undefined;
      throw error;
    }
  }
}

/** invalidInputs is the error create and update throw for inputs that fail check: the resource and every reason. */
export function invalidInputs(resource: string, failures: readonly CheckFailure[]): ListenerError {
  return new ListenerError(`${resource} inputs are invalid: ${failures.map((f) => f.reason).join("; ")}`);
}
