/**
 * ProviderOptions: the one options shape of every provider of both clouds, the hooks tests, the engine harness and
 * the benchmarks tune a provider with. Real use passes none: a provider constructed without arguments reads its
 * settings from the stack config and the environment.
 */
import type { PipelineOptions } from "./pipeline";
import type { PlanOptions } from "./planned";

/**
 * ProviderOptions are a provider's test and tuning hooks; `Api` is its cloud's client and `Where` what a client is
 * built for (Aliyun: endpoint, credentials and timeout; Huawei: the resolved target).
 */
export interface ProviderOptions<Api, Where> extends PlanOptions {
  /** Timeout of one HTTP exchange in milliseconds. @default the configured request timeout (15 s Aliyun, 30 s Huawei) */
  readonly requestTimeoutMs?: number;
  /** The pipeline's options: backoff, clock, sleep, randomness, quick retries, gate tuning; the budget is configured. */
  readonly retry?: Omit<PipelineOptions, "budgetMs">;
  /** Pause between reads while a resource settles (a listener PENDING_CREATE, a load balancer not ACTIVE). @default 1000 */
  readonly pollIntervalMs?: number;
  /** Builds the API client a call goes through. @default the cloud's signed client */
  readonly clientFor?: (where: Where) => Api;
}
