/**
 * SlbSession: what every Alibaba Cloud provider holds for one provider instance, written once. It keeps the stack's
 * config (from `configure`, the environment as fallback for every key), one SLB client per endpoint and credentials,
 * and the resource's mutation pipeline (whose retry budget is read from configuration at each call), so a provider
 * says only what to call.
 */
import type { ConfigureRequest } from "@pulumi/pulumi/dynamic";
import type { LoadBalancerTarget, PipelineOptions } from "../core/pipeline";
import { MutationPipeline } from "../core/pipeline";
import type { SlbApi } from "./client";
import { SlbClient } from "./client";
import type { ConfigSource, Env } from "./config";
import {
  requireRegion,
  resolveCredentials,
  resolveEndpoint,
  resolveRegion,
  resolveRequestTimeoutMs,
  resolveRetryBudgetMs,
} from "./config";
import { ALIYUN_CLASSIFIER } from "./errors";

/** SlbProviderOptions let tests (and the engine harness) tune an Aliyun provider without touching the environment. */
export interface SlbProviderOptions {
  /** The environment to read instead of `process.env`. */
  readonly env?: Env;
  /** Timeout of one HTTP exchange in milliseconds. */
  readonly requestTimeoutMs?: number;
  /** The pipeline's options (backoff, clock, sleep, randomness, gate tuning); the budget comes from configuration. */
  readonly retry?: Omit<PipelineOptions, "budgetMs">;
  /** Builds the client; the default is pop-core's SlbClient. */
  readonly clientFactory?: (options: ConstructorParameters<typeof SlbClient>[0]) => SlbApi;
}

/**
 * SlbSession holds one Aliyun provider instance's configuration, clients and pipeline. Its fields are #private (not
 * TypeScript `private`): util.inspect and JSON never show them, and the client cache is keyed by credentials.
 */
export class SlbSession {
  #stack: ConfigSource = () => undefined;
  readonly #clients = new Map<string, SlbApi>();
  readonly #options: SlbProviderOptions;
  /** The resource's mutation pipeline: per-load-balancer lock, pacing, endpoint gate and retry, one log format. */
  readonly pipeline: MutationPipeline;

  constructor(resource: string, options: SlbProviderOptions = {}) {
    this.#options = options;
    this.pipeline = new MutationPipeline(resource, ALIYUN_CLASSIFIER, () => ({
      ...this.#options.retry,
      budgetMs: resolveRetryBudgetMs(this.#stack, this.#env()),
    }));
  }

  #env(): Env {
    return this.#options.env ?? process.env;
  }

  /** configure keeps the stack's config (`alicloud:*` and the package's keys) and forgets clients built before it. */
  configure(req: ConfigureRequest): void {
    this.#stack = (key) => req.config.get(key);
    this.#clients.clear();
  }

  /** region is the configured region (stack config, then environment), or undefined. */
  region(): string | undefined {
    return resolveRegion(this.#stack, this.#env());
  }

  /** requireRegion is the configured region; a ConfigError naming the key and variables when there is none. */
  requireRegion(): string {
    return requireRegion(this.#stack, this.#env());
  }

  /** endpoint names the region's SLB endpoint as a pipeline scope (`aliyun|<url>`). */
  endpoint(regionId: string): string {
    return `aliyun|${resolveEndpoint(regionId, this.#env(), this.#stack)}`;
  }

  /** target is a load balancer's pipeline key: every resource on it (listener, extensions) shares its lock. */
  target(regionId: string, loadBalancerId: string): LoadBalancerTarget {
    return { endpoint: this.endpoint(regionId), loadBalancer: loadBalancerId };
  }

  /** client returns the region's SLB client for the current credentials, built once per endpoint and credentials. */
  client(regionId: string): SlbApi {
    const credentials = resolveCredentials(this.#stack, this.#env());
    const endpoint = resolveEndpoint(regionId, this.#env(), this.#stack);
    const key = [endpoint, credentials.accessKeyId, credentials.accessKeySecret, credentials.securityToken].join("\n");
    let api = this.#clients.get(key);
    if (!api) {
      const timeoutMs = this.#options.requestTimeoutMs ?? resolveRequestTimeoutMs(this.#stack, this.#env());
      const options = { ...credentials, endpoint, timeoutMs };
      api = this.#options.clientFactory ? this.#options.clientFactory(options) : new SlbClient(options);
      this.#clients.set(key, api);
    }
    return api;
  }
}
