/**
 * Batcher: loads of one key kind collected into batch calls, after graphql/dataloader. A load joins the open batch; the
 * batch asks for its turn (for a mutation, the load balancer's lock) and every load made while it waits goes out with
 * it, up to `maxBatchSize` keys per batch call (the rest wait for the next turn). The batch function is the only
 * contract: it answers one result per key, in order, where an Error in a slot fails only that key. Batching is a
 * scheduling concern beside the business code: the batch function says what one call of many keys does.
 */
import { ListenerError } from "./errors";

/**
 * BatchFunction sends one batch of keys on the turn's context and answers one result per key, in order. `more` takes
 * up to `limit` loads that arrived since (never past maxBatchSize in all), for a batch that must wait again before it
 * is sent (the cloud's lock refused it): their keys follow `keys`, and so do their results.
 */
type BatchFunction<K, V, C> = (
  keys: readonly K[],
  context: C,
  more: (limit: number) => readonly K[],
) => Promise<readonly (V | Error)[]>;

/**
 * Turn runs a batch's work when the batch's turn comes, e.g. under a lock, handing it the turn's context (a lane);
 * loads made before the work starts join the batch.
 */
export type Turn<C> = (work: (context: C) => Promise<void>) => Promise<void>;

/** BatcherOptions are the batch function, the turn it waits for, and the batch limits. */
export interface BatcherOptions<K, V, C> {
  /** batch sends one batch; a rejection fails every key of the batch with its error. */
  readonly batch: BatchFunction<K, V, C>;
  /** turn waits for the batch's turn and runs its work. */
  readonly turn: Turn<C>;
  /**
   * ready runs inside the turn before the batch takes its loads: whatever wait comes before the batch can be sent
   * (for a mutation, the learnt end of the cloud's own lock), so loads made meanwhile still join the batch.
   */
  readonly ready?: (context: C) => Promise<void>;
  /** The most keys one batch call takes; more wait for the next turn. 1 turns batching off. @default 10 */
  readonly maxBatchSize?: number;
  /**
   * How long the first load of a batch waits for others before the batch asks for its turn, in milliseconds; 0 waits
   * for the end of the current tick only (dataloader's default).
   * @default 0
   */
  readonly windowMs?: number;
}

/** Pending is one load waiting for its batch: its key and how to settle its promise. */
interface Pending<K, V> {
  readonly key: K;
  readonly resolve: (value: V) => void;
  readonly reject: (error: unknown) => void;
}

/** DEFAULT_MAX_BATCH_SIZE is the batch limit when none is given: the SLB rule actions' ten. */
const DEFAULT_MAX_BATCH_SIZE = 10;

/**
 * Batcher collects loads into batches, each sent by the batch function on its turn. One Batcher serves one batch
 * scope (one listener's creates, say); loads of another scope need their own Batcher (see BatcherTable).
 */
export class Batcher<K, V, C> {
  readonly #options: BatcherOptions<K, V, C>;
  readonly #maxBatchSize: number;
  #queue: Pending<K, V>[] = [];
  /** Whether a batch is waiting for its turn: loads made now join it. */
  #waiting = false;

  constructor(options: BatcherOptions<K, V, C>) {
    const max = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
    if (!Number.isInteger(max) || max < 1) {
      throw new ListenerError(`maxBatchSize must be an integer of at least 1, got ${String(max)}`);
    }
    this.#options = options;
    this.#maxBatchSize = max;
  }

  /** load adds a key to the batch waiting for its turn (starting one when none waits) and answers the key's result. */
  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.#queue.push({ key, resolve, reject });
      if (!this.#waiting) this.#schedule();
    });
  }

  /** pending tells how many loads wait for a turn (not those whose batch is being sent). */
  get pending(): number {
    return this.#queue.length;
  }

  /**
   * schedule starts a batch: after the window (or the end of the tick) it asks for its turn; when the turn comes it
   * takes up to maxBatchSize waiting loads, starts the next batch if loads remain, and sends what it took.
   */
  #schedule(): void {
    this.#waiting = true;
    let taken: Pending<K, V>[] | undefined;
    const take = (): Pending<K, V>[] => {
      taken = this.#queue.splice(0, this.#maxBatchSize);
      if (this.#queue.length > 0) this.#schedule();
      else this.#waiting = false;
      return taken;
    };
    const windowMs = this.#options.windowMs ?? 0;
    const waited = new Promise<void>((resolve) => {
      if (windowMs > 0) setTimeout(resolve, windowMs);
      else setImmediate(resolve);
    });
    void waited
      .then(() =>
        this.#options.turn(async (context) => {
          await this.#options.ready?.(context);
          await this.#send(take(), context);
        }),
      )
      .catch((error: unknown) => {
        // The turn failed before its work took the loads (or the work itself threw): fail what it holds or would take.
        for (const load of taken ?? take()) load.reject(error);
      });
  }

  /**
   * send runs the batch function and settles each load from its slot; a wrong number of results fails them all. The
   * batch function may take more waiting loads while it runs (`more`), up to maxBatchSize in all.
   */
  async #send(taken: readonly Pending<K, V>[], context: C): Promise<void> {
    if (taken.length === 0) return;
    const loads = [...taken];
    const more = (limit: number): readonly K[] => {
      const room = Math.max(0, Math.min(limit, this.#maxBatchSize - loads.length));
      const extra = this.#queue.splice(0, room);
      loads.push(...extra);
      return extra.map((load) => load.key);
    };
    let results: readonly (V | Error)[];
    try {
      results = await this.#options.batch(
        taken.map((load) => load.key),
        context,
        more,
      );
    } catch (error) {
      for (const load of loads) load.reject(error);
      return;
    }
    if (results.length !== loads.length) {
      const error = new ListenerError(`the batch function answered ${results.length} results for ${loads.length} keys`);
      for (const load of loads) load.reject(error);
      return;
    }
    loads.forEach((load, i) => {
      const result = results[i];
      if (result instanceof Error) load.reject(result);
      else load.resolve(result);
    });
  }
}

/** BatcherTable keeps one Batcher per scope key (a listener, an action), made on first use with the scope's options. */
export class BatcherTable<K, V, C> {
  readonly #batchers = new Map<string, Batcher<K, V, C>>();

  /** load sends `key` through the batcher of `scope`, made from `options()` when the scope has none yet. */
  load(scope: string, key: K, options: () => BatcherOptions<K, V, C>): Promise<V> {
    let batcher = this.#batchers.get(scope);
    if (!batcher) {
      batcher = new Batcher(options());
      this.#batchers.set(scope, batcher);
    }
    return batcher.load(key);
  }
}
