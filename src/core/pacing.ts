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
 * the known upper bound, or for the probe's result. The pacer does not send or retry: after a busy answer it suggests the next learnt send
 * time to the one retry loop (`withRetry`), through the mutation pipeline.
 */

/** PacerOptions tune the search for the lock time. */
interface PacerOptions {
  /** The first probe after a busy answer while nothing is known, in milliseconds. @default 10 */
  readonly floorMs?: number;
  /** The longest wait after a mutation, in milliseconds. @default 10000 */
  readonly maxPauseMs?: number;
  /** Bounds are close when hi <= lo * (1 + marginFraction) + slackMs. @default 0.15 */
  readonly marginFraction?: number;
  /** @default 2 */
  readonly slackMs?: number;
}

/** PaceTarget names a load balancer (key) and the endpoint whose locks behave alike (scope). */
interface PaceTarget {
  readonly scope: string;
  readonly key: string;
}

/**
 * PaceSession is handed to the work of one `session`: the pipeline asks it how long to wait before each mutating
 * send, and tells it how each send was answered. It never sends and never loops.
 */
export interface PaceSession {
  /** waitMs is how long to wait before sending now (after waiting for another key's probe when it must). */
  waitMs(): Promise<number>;
  /** through records that the send made after the last `waitMs` was accepted, answered now. */
  through(): void;
  /**
   * busy records a busy answer to the send made at `sentAt` and returns the delay it suggests before the next send,
   * or undefined when the answer teaches nothing (the first mutation we make on a key meets someone else's lock).
   */
  busy(sentAt: number): number | undefined;
}

/** LockBounds are what is known of the lock time after our completion: lo < L <= hi (milliseconds). */
interface LockBounds {
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
 * LockPacer paces mutations per load balancer by the lock time it learns (see the module comment). The mutation
 * pipeline opens a `session` inside the key's KeyedMutex, so mutations on one key never overlap.
 */
export class LockPacer {
  private readonly keys = new Map<string, KeyState>();
  private readonly scopes = new Map<string, ScopeState>();

  constructor(private readonly options: PacerOptions = {}) {}

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

  /**
   * session runs the work of one mutation on `target`; the pipeline consults the session around each mutating send
   * (reads need no pacing). The key's completion time is taken when the work ends, whether it succeeded or not. Run it
   * inside the key's KeyedMutex, so mutations on one key never overlap.
   */
  async session<T>(target: PaceTarget, now: () => number, work: (session: PaceSession) => Promise<T>): Promise<T> {
    const scope = this.scope(target.scope);
    const key = this.key(target.scope, target.key);
    // The previous completion the current send is measured from (read when the send is planned).
    let previousEnd: number | undefined;
    const session: PaceSession = {
      waitMs: async () => {
        previousEnd = key.previousEnd;
        return previousEnd === undefined ? 0 : this.waitFor(scope, target.key, key, previousEnd, now);
      },
      through: () => {
        // The answer's time, not the send's: the request may have waited (for a throttling slot) before it left,
        // and the lock was over when it arrived, so only the answer's time is an upper bound.
        if (previousEnd === undefined) return;
        key.bounds.throughAt(now() - previousEnd);
        scope.bounds.throughAt(now() - previousEnd);
      },
      busy: (sentAt) => {
        if (previousEnd === undefined) return undefined;
        key.bounds.busyAt(sentAt - previousEnd);
        scope.bounds.busyAt(sentAt - previousEnd);
        const next = this.plan(scope, target.key, key, false);
        return Math.max(0, previousEnd + (next ?? 0) - now());
      },
    };
    try {
      return await work(session);
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
