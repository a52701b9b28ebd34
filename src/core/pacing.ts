/**
 * LockPacer learns how long the cloud keeps a load balancer locked after a mutation (Aliyun OperationBusy /
 * ServiceIsConfiguring, Huawei ELB.1015) and sends the next mutation on that load balancer just after the lock ends.
 *
 * Mutations on one load balancer are serialized in-process (KeyedMutex), so after each one completes the load
 * balancer stays locked for about L. Every send tells something about L, measured from the completion of our previous
 * mutation on the same load balancer: a busy answer to a request sent at elapsed time e means L > e; a mutation
 * answered at e went through, so L <= e. The pacer keeps those bounds (lo, hi] for the whole endpoint (scope) and for each load balancer (key),
 * and waits until previous completion + hi once the bounds are close. While they are not, one mutation of the scope at
 * a time probes (growing by half from `floorMs` while no upper bound is known, then halving the interval); the others wait at
 * the known upper bound, or for the probe's result. Busy answers are retried here, at the next learnt send time, a
 * few times (`quickRetries`) before the error goes back to the caller's retry policy.
 */
import { realSleep } from "./retry";

/** PacingClock is the clock a pacer waits with; a parameter so tests need no real time. */
export interface PacingClock {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** QuickRetry describes one busy answer the pacer retries itself. */
export interface QuickRetry {
  /** 1-based count of busy answers retried by the pacer in this attempt. */
  readonly attempt: number;
  /** How long the pacer waits before sending again. */
  readonly delayMs: number;
  readonly error: unknown;
}

/** PaceHooks are the clock plus a callback for each busy answer the pacer retries (to log it). */
export interface PaceHooks extends PacingClock {
  readonly onQuickRetry?: (info: QuickRetry) => void;
}

/** PacerOptions tune the search for the lock time. */
export interface PacerOptions {
  /** The first probe after a busy answer while nothing is known, in milliseconds. @default 10 */
  readonly floorMs?: number;
  /** The longest wait after a mutation, in milliseconds. @default 10000 */
  readonly maxPauseMs?: number;
  /** Bounds are close when hi <= lo * (1 + marginFraction) + slackMs. @default 0.15 */
  readonly marginFraction?: number;
  /** @default 2 */
  readonly slackMs?: number;
  /** Busy answers retried by the pacer in one attempt before the error goes to the caller. @default 8 */
  readonly quickRetries?: number;
}

/** PaceTarget names a load balancer (key) and the endpoint whose locks behave alike (scope). */
export interface PaceTarget {
  readonly scope: string;
  readonly key: string;
}

/** Pace is handed to the work of one `run`: `attempt` wraps each mutating send. */
export interface Pace {
  /** attempt waits for the learnt end of the lock, sends, and retries busy answers at the next learnt time. */
  attempt<T>(send: () => Promise<T>): Promise<T>;
}

/** LockBounds are what is known of the lock time after our completion: lo < L <= hi (milliseconds). */
export interface LockBounds {
  readonly lo: number;
  readonly hi: number;
}

class Bounds implements LockBounds {
  lo = 0;
  hi = Infinity;
  /** Whether a busy answer was ever seen: until then there is no lock to wait for. */
  locked = false;

  busyAt(elapsed: number): void {
    this.locked = true;
    this.lo = Math.max(this.lo, elapsed);
    // The lock got longer than the known upper bound: search upwards again.
    if (this.lo >= this.hi) this.hi = Infinity;
  }

  throughAt(elapsed: number): void {
    this.hi = Math.min(this.hi, elapsed);
    // The lock got shorter than the known lower bound: forget it.
    if (this.hi <= this.lo) this.lo = this.hi / 2;
  }
}

interface KeyState {
  /** When our previous mutation on this key completed (undefined before the first). */
  previousEnd?: number;
  readonly bounds: Bounds;
}

interface ScopeState {
  readonly bounds: Bounds;
  /** The key that may probe below the upper bound, and a promise settled when it is done. */
  prober?: { key: string; done: Promise<void>; release: () => void };
}

/**
 * LockPacer paces mutations per load balancer by the lock time it learns (see the module comment). Call `run` inside
 * the key's KeyedMutex, so mutations on one key never overlap.
 */
export class LockPacer {
  private readonly keys = new Map<string, KeyState>();
  private readonly scopes = new Map<string, ScopeState>();

  constructor(
    private readonly isBusy: (error: unknown) => boolean,
    private readonly options: PacerOptions = {},
  ) {}

  /** bounds is what is known of the lock time of a scope, or of one key of it. */
  bounds(scope: string, key?: string): LockBounds {
    const b = key === undefined ? this.scopes.get(scope)?.bounds : this.keys.get(`${scope}\n${key}`)?.bounds;
    return { lo: b?.lo ?? 0, hi: b?.hi ?? Infinity };
  }

  /** pauseMs is how long after its previous mutation the next one on a key would be sent (0 when nothing is known). */
  pauseMs(scope: string, key: string): number {
    const bounds = this.effective(this.scope(scope), this.key(scope, key));
    return Number.isFinite(bounds.hi) ? bounds.hi : 0;
  }

  /** reset forgets everything learnt (tests). */
  reset(): void {
    this.keys.clear();
    this.scopes.clear();
  }

  /**
   * run runs the work of one mutation on `target`; the work calls `pace.attempt` around each mutating send (reads
   * need no pacing). The key's completion time is taken when the work ends, whether it succeeded or not.
   */
  async run<T>(target: PaceTarget, work: (pace: Pace) => Promise<T>, hooks: PaceHooks = {}): Promise<T> {
    const now = hooks.now ?? Date.now;
    const sleep = hooks.sleep ?? realSleep;
    const scope = this.scope(target.scope);
    const key = this.key(target.scope, target.key);
    const quickRetries = this.options.quickRetries ?? 8;
    const pace: Pace = {
      attempt: async <R>(send: () => Promise<R>): Promise<R> => {
        for (let busy = 0; ;) {
          const previousEnd = key.previousEnd;
          if (previousEnd !== undefined) {
            const waitMs = await this.waitFor(scope, target.key, key, previousEnd, now);
            if (waitMs > 0) await sleep(waitMs);
          }
          const sentAt = now();
          try {
            const result = await send();
            if (previousEnd !== undefined) {
              // The answer's time, not the send's: the request may have waited (for a throttling slot) before it
              // left, and the lock was over when it arrived, so only the answer's time is an upper bound.
              key.bounds.throughAt(now() - previousEnd);
              scope.bounds.throughAt(now() - previousEnd);
            }
            return result;
          } catch (error) {
            // A busy answer to the first mutation we make on a key is someone else's lock: nothing to learn from it.
            if (!this.isBusy(error) || previousEnd === undefined || busy >= quickRetries) throw error;
            key.bounds.busyAt(sentAt - previousEnd);
            scope.bounds.busyAt(sentAt - previousEnd);
            busy += 1;
            const next = this.plan(scope, target.key, key, false);
            const delayMs = Math.max(0, Math.round(previousEnd + (next ?? 0) - now()));
            hooks.onQuickRetry?.({ attempt: busy, delayMs, error });
          }
        }
      },
    };
    try {
      return await work(pace);
    } finally {
      key.previousEnd = now();
      if (scope.prober?.key === target.key) {
        scope.prober.release();
        scope.prober = undefined;
      }
    }
  }

  private scope(name: string): ScopeState {
    let state = this.scopes.get(name);
    if (!state) {
      state = { bounds: new Bounds() };
      this.scopes.set(name, state);
    }
    return state;
  }

  private key(scope: string, name: string): KeyState {
    const id = `${scope}\n${name}`;
    let state = this.keys.get(id);
    if (!state) {
      state = { bounds: new Bounds() };
      this.keys.set(id, state);
    }
    return state;
  }

  private close(bounds: LockBounds): boolean {
    const margin = this.options.marginFraction ?? 0.15;
    const slack = this.options.slackMs ?? 2;
    return Number.isFinite(bounds.hi) && bounds.hi <= bounds.lo * (1 + margin) + slack;
  }

  /** effective is the key's own bounds once they are close (the load balancer taught its own lock), else the scope's. */
  private effective(scope: ScopeState, key: KeyState): Bounds {
    return this.close(key.bounds) ? key.bounds : scope.bounds;
  }

  /**
   * plan is the time after the previous completion at which to send, or undefined when the key must wait for the
   * scope's probe to end first. `claim` takes the scope's probe for the key when it needs it and it is free.
   */
  private plan(scope: ScopeState, name: string, key: KeyState, claim: boolean): number | undefined {
    const max = this.options.maxPauseMs ?? 10_000;
    const bounds = this.effective(scope, key);
    if (!scope.bounds.locked && !key.bounds.locked) return 0;
    if (this.close(bounds)) return Math.min(bounds.hi, max);
    const mine = scope.prober?.key === name;
    if (!mine && scope.prober !== undefined) return Number.isFinite(bounds.hi) ? Math.min(bounds.hi, max) : undefined;
    if (claim && !mine) {
      let release!: () => void;
      const done = new Promise<void>((resolve) => (release = resolve));
      scope.prober = { key: name, done, release };
    }
    if (Number.isFinite(bounds.hi)) return Math.min((bounds.lo + bounds.hi) / 2, max);
    const floor = this.options.floorMs ?? 10;
    // Growing by half overshoots the lock by at most half while the others wait for the probe.
    return Math.min(Math.max(floor, bounds.lo * 1.5), max);
  }

  /** waitFor is how long to sleep before sending, after waiting for another key's probe when it must. */
  private async waitFor(
    scope: ScopeState,
    name: string,
    key: KeyState,
    previousEnd: number,
    now: () => number,
  ): Promise<number> {
    for (;;) {
      const after = this.plan(scope, name, key, true);
      if (after !== undefined) return previousEnd + after - now();
      await scope.prober?.done;
    }
  }
}
