/**
 * The one retry loop of the package: exponential backoff with full jitter inside a total time budget per operation,
 * and the one place a retry is decided and reported. The lock pacer and the endpoint gate do not loop: they suggest a
 * delay for the answer they understand (a busy load balancer, a throttled endpoint), and this loop takes it instead
 * of a backoff delay. Which errors are retried is decided by each cloud's classifier (`src/<cloud>/errors.ts`).
 */
import type { ErrorBehaviour } from "./errors";
import { ListenerError } from "./errors";

/** RetryClock is the time source of the loop; a parameter so tests need no real time. */
interface RetryClock {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** RetryOptions tune the loop: the budget, the backoff and the clock. */
export interface RetryOptions extends RetryClock {
  /** Total time budget of one operation, retries included, in milliseconds. @default 300000 (five minutes) */
  readonly budgetMs?: number;
  /** First backoff ceiling in milliseconds. @default 200 */
  readonly baseDelayMs?: number;
  /** Largest backoff ceiling in milliseconds. @default 10000 */
  readonly maxDelayMs?: number;
}

/** DelaySource names who chose the delay of a retry: the backoff, the lock pacer or the endpoint gate. */
type DelaySource = "backoff" | "lock" | "throttle";

/** Suggestion is a delay a component (pacer or gate) proposes for the next attempt after an answer it understands. */
export interface Suggestion {
  readonly source: Exclude<DelaySource, "backoff">;
  readonly delayMs: number;
}

/** RetryInfo describes one retry about to happen. */
export interface RetryInfo {
  /** 1-based number of the attempt that failed. */
  readonly attempt: number;
  readonly delayMs: number;
  /** Who chose the delay. */
  readonly source: DelaySource;
  readonly error: unknown;
}

/** Attempt is handed to each attempt of an operation: its number and when the operation's budget ends. */
export interface Attempt {
  /** 1-based attempt number. */
  readonly number: number;
  /** When the budget ends, by the loop's clock: nothing below the loop should wait past it. */
  readonly deadline: number;
  /** Who chose the delay before this attempt (undefined for the first). */
  readonly after?: DelaySource;
  /** suggest proposes the delay before the next attempt, should this one fail with a retryable error. */
  readonly suggest: (suggestion: Suggestion) => void;
}

/** RetryPolicy is what the loop needs besides the operation: classification, suggestions, limits and reporting. */
interface RetryPolicy extends RetryOptions {
  readonly classify: (error: unknown) => ErrorBehaviour;
  /** How many suggested delays of each source are taken in a row before a backoff delay. @default lock 8, throttle 4 */
  readonly quickRetries?: Partial<Record<Suggestion["source"], number>>;
  /** Called before each retry, e.g. to log the code that caused it. */
  readonly onRetry?: (info: RetryInfo) => void;
}

/** DEFAULT_RETRY_BUDGET_MS is the default total time budget of one operation: five minutes. */
export const DEFAULT_RETRY_BUDGET_MS = 300_000;

/** DEFAULT_QUICK_RETRIES are the suggested delays of each source taken in a row before a backoff delay. */
const DEFAULT_QUICK_RETRIES: Readonly<Record<Suggestion["source"], number>> = { lock: 8, throttle: 4 };

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

/** realSleep waits `ms` milliseconds on the real clock; the default `sleep` of the loop and the pipeline. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * withRetry runs `op` until it succeeds, its error is not classified `retry`, or the budget is spent. Errors that are
 * not retryable are rethrown unchanged at once. Before each retry it waits the delay suggested during the failed
 * attempt (`Attempt.suggest`, at most
 * `quickRetries` of a source in a row), else a backoff delay; the backoff grows with the backoff retries only, so a
 * suggested retry does not lengthen the next backoff.
 */
export async function withRetry<T>(op: (attempt: Attempt) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const now = policy.now ?? Date.now;
  const sleep = policy.sleep ?? realSleep;
  const random = policy.random ?? Math.random;
  const budget = policy.budgetMs ?? DEFAULT_RETRY_BUDGET_MS;
  const base = policy.baseDelayMs ?? 200;
  const max = policy.maxDelayMs ?? 10_000;
  const quick = { ...DEFAULT_QUICK_RETRIES, ...policy.quickRetries };
  const start = now();
  const deadline = start + budget;
  const inARow: Record<Suggestion["source"], number> = { lock: 0, throttle: 0 };
  let backoffs = 0;
  let after: DelaySource | undefined;
  for (let number = 1; ; number++) {
    let suggestion: Suggestion | undefined;
    try {
      return await op({ number, deadline, after, suggest: (s) => (suggestion = s) });
    } catch (error) {
      if (policy.classify(error) !== "retry") throw error;
      let source: DelaySource;
      let delayMs: number;
      if (suggestion && inARow[suggestion.source] < quick[suggestion.source]) {
        inARow[suggestion.source] += 1;
        ({ source, delayMs } = suggestion);
      } else {
        backoffs += 1;
        inARow.lock = 0;
        inARow.throttle = 0;
        source = "backoff";
        delayMs = backoffDelay(backoffs, base, max, random);
      }
      const elapsed = now() - start;
      if (elapsed + delayMs > budget) throw new RetryBudgetExceededError(error, number, elapsed);
      policy.onRetry?.({ attempt: number, delayMs, source, error });
      after = source;
      await sleep(delayMs);
    }
  }
}
