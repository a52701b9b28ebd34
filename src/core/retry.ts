/**
 * The one retry policy of the package: exponential backoff with full jitter inside a total time budget per
 * operation. Which errors are retried is decided by each cloud's classifier (`src/<cloud>/errors.ts`), not here.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { ErrorBehaviour } from "./errors";
import { ListenerError } from "./errors";

/** RetryOptions tune the policy; clock, sleep and randomness are parameters so tests need no real time. */
export interface RetryOptions {
  /** Total time budget of one operation, retries included, in milliseconds. @default 300000 (five minutes) */
  readonly budgetMs?: number;
  /** First backoff ceiling in milliseconds. @default 200 */
  readonly baseDelayMs?: number;
  /** Largest backoff ceiling in milliseconds. @default 10000 */
  readonly maxDelayMs?: number;
  /** Called before each retry, e.g. to log the code that caused it. */
  readonly onRetry?: (info: RetryInfo) => void;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** RetryInfo describes one retry about to happen. */
export interface RetryInfo {
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: unknown;
}

/** DEFAULT_RETRY_BUDGET_MS is the default total time budget of one operation: five minutes. */
export const DEFAULT_RETRY_BUDGET_MS = 300_000;

/** RetryBudgetExceededError wraps the last retryable error once the time budget of an operation has run out. */
export class RetryBudgetExceededError extends ListenerError {
  override name = "RetryBudgetExceededError";
  constructor(
    readonly lastError: unknown,
    readonly attempts: number,
    readonly elapsedMs: number,
  ) {
    const last = lastError instanceof Error ? lastError.message : String(lastError);
    super(
      `${last} (still failing after ${attempts} attempts in ${Math.round(elapsedMs / 1000)} s; retry budget spent)`,
    );
  }
}

/** backoffDelay is the full-jitter delay before retry number `attempt` (1-based): random in [0, min(max, base*2^(n-1))]. */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.floor(random() * ceiling);
}

/** realSleep waits `ms` milliseconds on the real clock; the default `sleep` of the retry, pacing and gate hooks. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const deadlines = new AsyncLocalStorage<number>();

/**
 * retryDeadline is when the budget of the innermost `withRetry` running the current call ends (by that call's clock),
 * so retries below it (the endpoint gate's) do not wait past the budget; undefined outside withRetry.
 */
export function retryDeadline(): number | undefined {
  return deadlines.getStore();
}

/**
 * withRetry runs `op` until it succeeds, its error is not classified `retry`, or the budget is spent. Errors that are
 * not retryable are rethrown unchanged at once.
 */
export async function withRetry<T>(
  op: (attempt: number) => Promise<T>,
  classify: (error: unknown) => ErrorBehaviour,
  options: RetryOptions = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const budget = options.budgetMs ?? DEFAULT_RETRY_BUDGET_MS;
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 10_000;
  const start = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await deadlines.run(start + budget, () => op(attempt));
    } catch (error) {
      if (classify(error) !== "retry") throw error;
      const delayMs = backoffDelay(attempt, base, max, random);
      const elapsed = now() - start;
      if (elapsed + delayMs > budget) throw new RetryBudgetExceededError(error, attempt, elapsed);
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
