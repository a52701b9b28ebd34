import { setLogger } from "./log";
import { LockPacer } from "./pacing";
import { MutationPipeline } from "./pipeline";
import { RetryBudgetExceededError } from "./retry";
import type { PipelineOptions } from "./pipeline";

const busy = new Error("busy");
const scope = "cloud|endpoint";
/** A fake clock: sleeping moves time forward and is recorded. */
function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[]; at: () => number } {
  let t = 1000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
    at: () => t,
  };
}

/**
 * A fake load balancer that stays locked `lockMs` after each mutation it accepts; `sends` records the elapsed time
 * since the previous accepted mutation at which each send arrived.
 */
function fakeLoadBalancer(clock: { now: () => number }, lockMs: number) {
  let lockedUntil = -Infinity;
  const sends: { at: number; busy: boolean }[] = [];
  return {
    sends,
    mutate: async (): Promise<string> => {
      const t = clock.now();
      const isBusy = t < lockedUntil;
      sends.push({ at: t, busy: isBusy });
      if (isBusy) throw busy;
      lockedUntil = t + lockMs;
      return "ok";
    },
  };
}

/**
 * paced runs one mutation on `key` through a pipeline around `pacer`: the lock, the pacer's session and the one retry
 * loop. Any backoff delay (100 s) is past the budget (60 s), so an operation ends when the pacer stops suggesting.
 */
function paced<T>(
  pacer: LockPacer,
  key: string,
  send: () => Promise<T>,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> },
  more: PipelineOptions = {},
): Promise<T> {
  const pipeline = new MutationPipeline(
    "Spec",
    {
      classify: (e) => (e === busy ? "retry" : "fatal"),
      isLoadBalancerBusy: (e) => e === busy,
      isThrottled: () => false,
      outcomeUnknown: () => false,
    },
    () => ({ ...clock, random: () => 1, baseDelayMs: 100_000, maxDelayMs: 100_000, budgetMs: 60_000, ...more }),
    pacer,
  );
  return pipeline.mutate(key, "mutate", { endpoint: scope, loadBalancer: key }, send);
}

const lines: string[] = [];
let restore: ReturnType<typeof setLogger>;
beforeAll(() => {
  restore = setLogger({ debug: () => undefined, info: (m) => lines.push(m), warn: (m) => lines.push(m) });
});
afterAll(() => setLogger(restore));
beforeEach(() => {
  lines.length = 0;
});

describe("LockPacer", () => {
  it("sends at once while nothing is known of the lock", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer();
    for (let i = 0; i < 3; i++) await paced(pacer, "lb", async () => i, clock);
    expect(clock.slept).toEqual([]);
    expect(pacer.pauseMs(scope, "lb")).toBe(0);
  });

  it("learns a 100 ms lock from busy answers and then sends each mutation just after the lock ends", async () => {
    const clock = fakeClock();
    const lb = fakeLoadBalancer(clock, 100);
    const pacer = new LockPacer();
    for (let i = 0; i < 12; i++) await paced(pacer, "lb", lb.mutate, clock);
    const { lo, hi } = pacer.bounds(scope);
    expect(lo).toBeLessThan(100);
    expect(hi).toBeGreaterThanOrEqual(100);
    expect(hi).toBeLessThanOrEqual(lo * 1.15 + 2);
    // The last mutations go through first time.
    expect(lb.sends.slice(-4).map((s) => s.busy)).toEqual([false, false, false, false]);
    expect(lb.sends.filter((s) => s.busy).length).toBeLessThanOrEqual(8);
  });

  it("suggests the next learnt send time for a busy answer, and the one retry loop logs and takes it", async () => {
    const clock = fakeClock();
    const lb = fakeLoadBalancer(clock, 30);
    const pacer = new LockPacer();
    await paced(pacer, "lb", lb.mutate, clock);
    await expect(paced(pacer, "lb", lb.mutate, clock)).resolves.toBe("ok");
    // Busy at 0, probes at 10, 15 and 22.5 ms (busy), 33.75 ms goes through.
    expect(lines).toEqual([
      "Spec lb: mutate failed (Error); retry 1 in 10 ms (lock)",
      "Spec lb: mutate failed (Error); retry 2 in 5 ms (lock)",
      "Spec lb: mutate failed (Error); retry 3 in 8 ms (lock)",
      "Spec lb: mutate failed (Error); retry 4 in 11 ms (lock)",
    ]);
    expect(pacer.bounds(scope)).toEqual({ lo: 22.5, hi: 33.75 });
  });

  it("has its suggestions taken at most quickRetries times in a row, then the loop backs off", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer();
    await paced(pacer, "lb", async () => "first", clock);
    let sends = 0;
    const alwaysBusy = async (): Promise<string> => {
      sends += 1;
      throw busy;
    };
    const error = await paced(pacer, "lb", alwaysBusy, clock, { quickRetries: { lock: 2 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryBudgetExceededError);
    expect((error as RetryBudgetExceededError).lastError).toBe(busy);
    expect(sends).toBe(3);
  });

  it("suggests nothing for a busy answer to the first mutation on a key, and learns nothing from it", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer();
    let sends = 0;
    const failing = async (): Promise<string> => {
      sends += 1;
      throw busy;
    };
    const error = await paced(pacer, "lb", failing, clock).catch((e: unknown) => e);
    expect((error as RetryBudgetExceededError).lastError).toBe(busy);
    expect(sends).toBe(1);
    expect(pacer.bounds(scope)).toEqual({ lo: 0, hi: Infinity });
  });

  it("passes errors that are not busy answers on at once, and still takes the completion time", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer();
    const other = new Error("other");
    await paced(pacer, "lb", async () => 1, clock);
    await expect(
      paced(
        pacer,
        "lb",
        async () => {
          throw other;
        },
        clock,
      ),
    ).rejects.toBe(other);
    expect(pacer.bounds(scope)).toEqual({ lo: 0, hi: Infinity });
  });

  it("waits until the previous completion plus the learnt lock time", async () => {
    const clock = fakeClock();
    const lb = fakeLoadBalancer(clock, 100);
    const pacer = new LockPacer();
    for (let i = 0; i < 12; i++) await paced(pacer, "lb", lb.mutate, clock);
    const hi = pacer.pauseMs(scope, "lb");
    clock.slept.length = 0;
    await clock.sleep(30);
    await paced(pacer, "lb", lb.mutate, clock);
    expect(clock.slept).toEqual([30, hi - 30]);
  });

  it("shares what one load balancer taught with the others of the same scope, not with other scopes", async () => {
    const clock = fakeClock();
    const lb1 = fakeLoadBalancer(clock, 100);
    const pacer = new LockPacer();
    for (let i = 0; i < 12; i++) await paced(pacer, "lb1", lb1.mutate, clock);
    const lb2 = fakeLoadBalancer(clock, 100);
    for (let i = 0; i < 4; i++) await paced(pacer, "lb2", lb2.mutate, clock);
    expect(lb2.sends.map((s) => s.busy)).toEqual([false, false, false, false]);
    expect(pacer.pauseMs("other", "lb2")).toBe(0);
  });

  it("lets one key of a scope probe below the known upper bound while the others wait for what it learns", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer();
    const lbs = [fakeLoadBalancer(clock, 100), fakeLoadBalancer(clock, 100)];
    const mutations = (i: number) =>
      (async () => {
        for (let n = 0; n < 3; n++) await paced(pacer, `lb${i}`, lbs[i].mutate, clock);
      })();
    await Promise.all([mutations(0), mutations(1)]);
    const busyAnswers = lbs.map((lb) => lb.sends.filter((s) => s.busy).length);
    // Both meet the lock once before anything is known; after that only one of them searches.
    expect(Math.min(...busyAnswers)).toBe(1);
  });

  it("follows a lock that gets longer: a busy answer past the upper bound starts a new search", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer();
    const short = fakeLoadBalancer(clock, 50);
    for (let i = 0; i < 12; i++) await paced(pacer, "lb", short.mutate, clock);
    const long = fakeLoadBalancer(clock, 200);
    for (let i = 0; i < 16; i++) await paced(pacer, "lb", long.mutate, clock);
    expect(pacer.bounds(scope).hi).toBeGreaterThanOrEqual(200);
    expect(long.sends.slice(-3).map((s) => s.busy)).toEqual([false, false, false]);
  });

  it("takes the completion time even when the work fails", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer();
    await expect(
      pacer.session({ scope, key: "lb" }, clock.now, async () => {
        throw new Error("gave up");
      }),
    ).rejects.toThrow("gave up");
    let sends = 0;
    const failing = async (): Promise<string> => {
      sends += 1;
      throw busy;
    };
    // A previous completion exists now, so the busy answer is learnt from and its suggestions taken (8 in a row).
    const error = await paced(pacer, "lb", failing, clock).catch((e: unknown) => e);
    expect((error as RetryBudgetExceededError).lastError).toBe(busy);
    expect(sends).toBe(9);
  });
});
