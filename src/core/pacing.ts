/**
 * LockPacer learns, per load balancer, how long the cloud keeps it locked after a mutation, so mutations queued by
 * KeyedMutex rarely meet the lock the previous one left (Aliyun OperationBusy, Huawei ELB.1015) and the number of API
 * calls stays near the minimum without knowing the service's lock time.
 */

/** PacingClock is the clock a pacer waits with; a parameter so tests need no real time. */
export interface PacingClock {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** PacerOptions bound what a pacer learns. */
export interface PacerOptions {
  /** The first pause after a busy answer, in milliseconds. @default 10 */
  readonly minPauseMs?: number;
  /** The longest pause, in milliseconds. @default 5000 */
  readonly maxPauseMs?: number;
}

interface Pace {
  lastEnd: number;
  pauseMs: number;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * LockPacer keeps, per key, when the last mutation ended and how long to leave the key before the next: a mutation
 * that met a busy answer doubles the pause (from `minPauseMs` up to `maxPauseMs`), one that went through at once
 * shrinks it by a tenth. Call `run` inside the key's KeyedMutex, so mutations on one key never overlap.
 */
export class LockPacer {
  private readonly paces = new Map<string, Pace>();

  constructor(
    private readonly isBusy: (error: unknown) => boolean,
    private readonly options: PacerOptions = {},
  ) {}

  /** pauseMs is the pause currently learnt for a key (0 before any busy answer). */
  pauseMs(key: string): number {
    return this.paces.get(key)?.pauseMs ?? 0;
  }

  /**
   * run waits until the learnt pause since the key's last mutation has passed, then runs `work`, which reports every
   * error it retries through `observe` so busy answers teach the pacer.
   */
  async run<T>(
    key: string,
    work: (observe: (error: unknown) => void) => Promise<T>,
    clock: PacingClock = {},
  ): Promise<T> {
    const now = clock.now ?? Date.now;
    const sleep = clock.sleep ?? realSleep;
    let pace = this.paces.get(key);
    if (!pace) {
      pace = { lastEnd: 0, pauseMs: 0 };
      this.paces.set(key, pace);
    }
    const wait = pace.lastEnd + pace.pauseMs - now();
    if (wait > 0) await sleep(wait);
    let busy = false;
    try {
      return await work((error) => {
        if (this.isBusy(error)) busy = true;
      });
    } finally {
      const min = this.options.minPauseMs ?? 10;
      const max = this.options.maxPauseMs ?? 5000;
      pace.pauseMs = busy ? Math.min(Math.max(pace.pauseMs * 2, min), max) : Math.floor(pace.pauseMs * 0.9);
      pace.lastEnd = now();
    }
  }
}
