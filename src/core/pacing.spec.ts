import type { QuickRetry } from "./pacing";
import { LockPacer } from "./pacing";

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

describe("LockPacer", () => {
  it("sends at once while nothing is known of the lock", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy);
    for (let i = 0; i < 3; i++) await pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(async () => i), clock);
    expect(clock.slept).toEqual([]);
    expect(pacer.pauseMs(scope, "lb")).toBe(0);
  });

  it("learns a 100 ms lock from busy answers and then sends each mutation just after the lock ends", async () => {
    const clock = fakeClock();
    const lb = fakeLoadBalancer(clock, 100);
    const pacer = new LockPacer((e) => e === busy);
    for (let i = 0; i < 12; i++) await pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(lb.mutate), clock);
    const { lo, hi } = pacer.bounds(scope);
    expect(lo).toBeLessThan(100);
    expect(hi).toBeGreaterThanOrEqual(100);
    expect(hi).toBeLessThanOrEqual(lo * 1.15 + 2);
    // The last mutations go through first time.
    expect(lb.sends.slice(-4).map((s) => s.busy)).toEqual([false, false, false, false]);
    expect(lb.sends.filter((s) => s.busy).length).toBeLessThanOrEqual(8);
  });

  it("retries a busy answer itself at the next learnt send time, reporting each retry", async () => {
    const clock = fakeClock();
    const lb = fakeLoadBalancer(clock, 30);
    const pacer = new LockPacer((e) => e === busy);
    const retries: QuickRetry[] = [];
    const hooks = { ...clock, onQuickRetry: (r: QuickRetry) => retries.push(r) };
    await pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(lb.mutate), hooks);
    await expect(pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(lb.mutate), hooks)).resolves.toBe("ok");
    // Busy at 0, probes at 10, 15 and 22.5 ms (busy), 33.75 ms goes through.
    expect(retries.map((r) => [r.attempt, r.delayMs])).toEqual([
      [1, 10],
      [2, 5],
      [3, 8],
      [4, 11],
    ]);
    expect(pacer.bounds(scope)).toEqual({ lo: 22.5, hi: 33.75 });
  });

  it("gives a busy answer back to the caller after quickRetries busy answers in one attempt", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy, { quickRetries: 2 });
    await pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(async () => "first"), clock);
    let sends = 0;
    const alwaysBusy = async (): Promise<string> => {
      sends += 1;
      throw busy;
    };
    await expect(pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(alwaysBusy), clock)).rejects.toBe(busy);
    expect(sends).toBe(3);
  });

  it("does not learn from a busy answer to the first mutation on a key, and passes it on", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy);
    const failing = async (): Promise<string> => {
      throw busy;
    };
    await expect(pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(failing), clock)).rejects.toBe(busy);
    expect(pacer.bounds(scope)).toEqual({ lo: 0, hi: Infinity });
  });

  it("passes errors that are not busy answers on at once, and still takes the completion time", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy);
    const other = new Error("other");
    await pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(async () => 1), clock);
    await expect(
      pacer.run(
        { scope, key: "lb" },
        (pace) =>
          pace.attempt(async () => {
            throw other;
          }),
        clock,
      ),
    ).rejects.toBe(other);
    expect(pacer.bounds(scope)).toEqual({ lo: 0, hi: Infinity });
  });

  it("waits until the previous completion plus the learnt lock time", async () => {
    const clock = fakeClock();
    const lb = fakeLoadBalancer(clock, 100);
    const pacer = new LockPacer((e) => e === busy);
    for (let i = 0; i < 12; i++) await pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(lb.mutate), clock);
    const hi = pacer.pauseMs(scope, "lb");
    clock.slept.length = 0;
    await clock.sleep(30);
    await pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(lb.mutate), clock);
    expect(clock.slept).toEqual([30, hi - 30]);
  });

  it("shares what one load balancer taught with the others of the same scope, not with other scopes", async () => {
    const clock = fakeClock();
    const lb1 = fakeLoadBalancer(clock, 100);
    const pacer = new LockPacer((e) => e === busy);
    for (let i = 0; i < 12; i++) await pacer.run({ scope, key: "lb1" }, (pace) => pace.attempt(lb1.mutate), clock);
    const lb2 = fakeLoadBalancer(clock, 100);
    for (let i = 0; i < 4; i++) await pacer.run({ scope, key: "lb2" }, (pace) => pace.attempt(lb2.mutate), clock);
    expect(lb2.sends.map((s) => s.busy)).toEqual([false, false, false, false]);
    expect(pacer.pauseMs("other", "lb2")).toBe(0);
  });

  it("lets one key of a scope probe below the known upper bound while the others wait for what it learns", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy);
    const lbs = [fakeLoadBalancer(clock, 100), fakeLoadBalancer(clock, 100)];
    const mutations = (i: number) =>
      (async () => {
        for (let n = 0; n < 3; n++)
          await pacer.run({ scope, key: `lb${i}` }, (pace) => pace.attempt(lbs[i].mutate), clock);
      })();
    await Promise.all([mutations(0), mutations(1)]);
    const busyAnswers = lbs.map((lb) => lb.sends.filter((s) => s.busy).length);
    // Both meet the lock once before anything is known; after that only one of them searches.
    expect(Math.min(...busyAnswers)).toBe(1);
  });

  it("follows a lock that gets longer: a busy answer past the upper bound starts a new search", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy);
    const short = fakeLoadBalancer(clock, 50);
    for (let i = 0; i < 12; i++) await pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(short.mutate), clock);
    const long = fakeLoadBalancer(clock, 200);
    for (let i = 0; i < 16; i++) await pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(long.mutate), clock);
    expect(pacer.bounds(scope).hi).toBeGreaterThanOrEqual(200);
    expect(long.sends.slice(-3).map((s) => s.busy)).toEqual([false, false, false]);
  });

  it("takes the completion time even when the work fails", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy);
    await expect(
      pacer.run(
        { scope, key: "lb" },
        async () => {
          throw new Error("gave up");
        },
        clock,
      ),
    ).rejects.toThrow("gave up");
    let sends = 0;
    const failing = async (): Promise<string> => {
      sends += 1;
      throw busy;
    };
    // A previous completion exists now, so the busy answer is learnt from and retried.
    await expect(pacer.run({ scope, key: "lb" }, (pace) => pace.attempt(failing), clock)).rejects.toBe(busy);
    expect(sends).toBe(9);
  });
});
