import { setLogger } from "./log";
import type { PipelineOptions } from "./pipeline";
import { MutationPipeline } from "./pipeline";
import { RetryBudgetExceededError } from "./retry";

const throttled = new Error("throttled");
const isThrottled = (e: unknown): boolean => e === throttled;

/** A fake clock: sleeping moves time forward. */
function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

/** A virtual clock for concurrent sleepers: runUntil wakes them in time order until `done` settles. */
function virtualClock() {
  let t = 0;
  const timers: { at: number; wake: () => void }[] = [];
  const idle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  return {
    now: () => t,
    sleep: (ms: number) => new Promise<void>((wake) => timers.push({ at: t + ms, wake })),
    runUntil: async (done: Promise<unknown>): Promise<void> => {
      let finished = false;
      void done.finally(() => (finished = true));
      while (!finished) {
        await idle();
        if (timers.length === 0) continue;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        t = Math.max(t, next.at);
        next.wake();
      }
      await done;
    },
  };
}

/** A fake endpoint that accepts at most `limit` requests in any window of 1000 ms, like the emulators. */
function limitedEndpoint(clock: { now: () => number }, limit: number) {
  const window: number[] = [];
  const log: { at: number; ok: boolean }[] = [];
  return {
    log,
    call: async (): Promise<string> => {
      const now = clock.now();
      while (window.length > 0 && window[0] <= now - 1000) window.shift();
      const ok = window.length < limit;
      log.push({ at: now, ok });
      if (!ok) throw throttled;
      window.push(now);
      return "ok";
    },
  };
}

/**
 * gated is an endpoint's gate inside a pipeline: `call` sends one request through the gate under the one retry loop.
 * Any backoff delay (100 s) is past the budget (60 s), so a call ends when the gate stops suggesting.
 */
function gated(clock: { now: () => number; sleep: (ms: number) => Promise<void> }, more: PipelineOptions = {}) {
  const pipeline = new MutationPipeline(
    "Spec",
    {
      classify: (e) => (e === throttled ? "retry" : "fatal"),
      isLoadBalancerBusy: () => false,
      isThrottled,
      outcomeUnknown: () => false,
    },
    () => ({ ...clock, random: () => 1, baseDelayMs: 100_000, maxDelayMs: 100_000, budgetMs: 60_000, ...more }),
  );
  const lane = pipeline.reads("ep");
  return {
    pipeline,
    gate: lane.gate,
    lane,
    call: <T>(send: () => Promise<T>): Promise<T> => pipeline.call("ep", "call", lane, send),
  };
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

describe("EndpointGate", () => {
  it("lets calls through at once while nothing was throttled", async () => {
    const clock = fakeClock();
    const { gate, call } = gated(clock);
    const endpoint = limitedEndpoint(clock, 100);
    await Promise.all(Array.from({ length: 10 }, () => call(endpoint.call)));
    expect(endpoint.log.map((c) => c.at)).toEqual(Array(10).fill(0));
    expect(gate.rate).toBeUndefined();
  });

  it("after a throttling answer, spaces calls to the rate the endpoint accepted in the last window", async () => {
    const clock = fakeClock();
    const { gate, call } = gated(clock, { gate: { growth: 0 } });
    const endpoint = limitedEndpoint(clock, 5);
    for (let i = 0; i < 5; i++) await call(endpoint.call);
    await expect(call(endpoint.call)).resolves.toBe("ok");
    expect(gate.rate).toBe(5);
    // The throttled call waits until the oldest accepted call leaves the window, then goes through.
    expect(lines).toEqual(["Spec ep: call failed (Error); retry 1 in 1000 ms (throttle)"]);
    for (let i = 0; i < 4; i++) await call(endpoint.call);
    expect(endpoint.log.slice(-5)).toEqual([
      { at: 1000, ok: true },
      { at: 1200, ok: true },
      { at: 1400, ok: true },
      { at: 1600, ok: true },
      { at: 1800, ok: true },
    ]);
  });

  it("spaces many concurrent callers: those sent before the first throttling answer meet it once, then none", async () => {
    const clock = virtualClock();
    const { gate, call } = gated(clock, { gate: { growth: 0 } });
    const endpoint = limitedEndpoint(clock, 10);
    const calls = Promise.all(Array.from({ length: 50 }, () => call(endpoint.call)));
    await clock.runUntil(calls);
    // Only calls sent before the first throttling answer came back (at most the 32 in flight) meet it; every
    // later send is accepted, 10 per second.
    expect(endpoint.log.filter((c) => !c.ok).length).toBeLessThanOrEqual(32);
    expect(endpoint.log.filter((c) => c.at > 0).every((c) => c.ok)).toBe(true);
    expect(Math.max(...endpoint.log.map((c) => c.at))).toBe(4900);
    expect(gate.rate).toBe(10);
  });

  it("raises the rate by a tenth after each window without a throttling answer", async () => {
    const clock = fakeClock();
    const { gate, call } = gated(clock);
    const endpoint = limitedEndpoint(clock, 10);
    for (let i = 0; i < 11; i++) await call(endpoint.call);
    expect(gate.rate).toBe(10);
    // The throttled call went through at 1000 ms, a window after the throttling answer; the next call raises the rate.
    await call(endpoint.call);
    expect(gate.rate).toBe(11);
  });

  it("opens again after a window without throttling in which under half the allowed calls were made", async () => {
    const clock = fakeClock();
    const { gate, call } = gated(clock);
    const endpoint = limitedEndpoint(clock, 10);
    for (let i = 0; i < 11; i++) await call(endpoint.call);
    expect(gate.rate).toBe(10);
    await clock.sleep(3000);
    await call(endpoint.call);
    expect(gate.rate).toBeUndefined();
  });

  it("suggests nothing while the endpoint accepted nothing in the last window: the loop backs off", async () => {
    const clock = fakeClock();
    const { gate, call } = gated(clock);
    let sends = 0;
    const always = async (): Promise<string> => {
      sends += 1;
      throw throttled;
    };
    const error = await call(always).catch((e: unknown) => e);
    expect((error as RetryBudgetExceededError).lastError).toBe(throttled);
    expect(sends).toBe(1);
    expect(gate.rate).toBeUndefined();
  });

  it("has its suggestions taken at most quickRetries times in a row, then the loop backs off", async () => {
    const clock = fakeClock();
    const { call } = gated(clock, { quickRetries: { throttle: 2 } });
    // Accepted at 0, 500 and 900 ms: the throttled call is sent again at 1000 and 1500 ms, while the window still
    // holds accepted calls to space by.
    for (const wait of [0, 500, 400]) {
      await clock.sleep(wait);
      await call(async () => "accepted");
    }
    let sends = 0;
    const always = async (): Promise<string> => {
      sends += 1;
      throw throttled;
    };
    const error = await call(always).catch((e: unknown) => e);
    expect((error as RetryBudgetExceededError).lastError).toBe(throttled);
    expect(sends).toBe(3);
  });

  it("ends the operation when the suggested slot is past the budget", async () => {
    const clock = fakeClock();
    const { call } = gated(clock, { budgetMs: 500 });
    await call(async () => "accepted");
    let sends = 0;
    const always = async (): Promise<string> => {
      sends += 1;
      throw throttled;
    };
    const error = await call(always).catch((e: unknown) => e);
    expect((error as RetryBudgetExceededError).message).toBe(
      "throttled (still failing after 1 attempts in 0 s; retry budget spent)",
    );
    expect(sends).toBe(1);
  });

  it("does not wait for a slot past the deadline it is given: the call goes at once", async () => {
    const clock = fakeClock();
    const { pipeline, lane, call } = gated(clock, { quickRetries: { throttle: 0 } });
    await call(async () => "accepted");
    await call(async () => {
      throw throttled;
    }).catch(() => undefined);
    // The gate now spaces to one call per second; the next slot is at 1000 ms.
    await expect(
      pipeline.send({ number: 1, deadline: 500, suggest: () => undefined }, lane, async () => "sent"),
    ).resolves.toBe("sent");
    expect(clock.now()).toBe(0);
  });

  it("passes other errors on at once", async () => {
    const { gate, call } = gated(fakeClock());
    const other = new Error("other");
    await expect(
      call(async () => {
        throw other;
      }),
    ).rejects.toBe(other);
    expect(gate.rate).toBeUndefined();
  });

  it("has at most maxInFlight calls in flight, and hands seats on in order", async () => {
    const { gate, call } = gated(fakeClock(), { gate: { maxInFlight: 2 } });
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const calls = [0, 1, 2, 3].map((i) =>
      call(
        () =>
          new Promise<number>((resolve) => {
            started.push(i);
            finish.push(() => resolve(i));
          }),
      ),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    finish[0]();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    expect(gate.inFlightNow).toBe(2);
    finish[1]();
    await new Promise((r) => setImmediate(r));
    finish[2]();
    await new Promise((r) => setImmediate(r));
    finish[3]();
    await expect(Promise.all(calls)).resolves.toEqual([0, 1, 2, 3]);
    expect(gate.inFlightNow).toBe(0);
  });
});
