import { LockPacer } from "./pacing";

const busy = new Error("busy");

/** A fake clock: sleeping moves time forward and is recorded. */
function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let t = 1000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}

describe("LockPacer", () => {
  it("does not wait before anything busy was seen", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy);
    await pacer.run("lb", async () => 1, clock);
    await pacer.run("lb", async () => 2, clock);
    expect(clock.slept).toEqual([]);
    expect(pacer.pauseMs("lb")).toBe(0);
  });

  it("doubles the pause after each mutation that met a busy answer, from the minimum to the maximum", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy, { minPauseMs: 10, maxPauseMs: 30 });
    const pauses: number[] = [];
    for (let i = 0; i < 4; i++) {
      await pacer.run("lb", async (observe) => observe(busy), clock);
      pauses.push(pacer.pauseMs("lb"));
    }
    expect(pauses).toEqual([10, 20, 30, 30]);
  });

  it("waits the learnt pause after the previous mutation ended, then shrinks it by a tenth when not busy", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy, { minPauseMs: 100 });
    await pacer.run("lb", async (observe) => observe(busy), clock);
    await pacer.run("lb", async () => undefined, clock);
    expect(clock.slept).toEqual([100]);
    expect(pacer.pauseMs("lb")).toBe(90);
  });

  it("ignores errors that are not busy answers, and keeps keys apart", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy);
    await pacer.run("lb1", async (observe) => observe(new Error("other")), clock);
    await pacer.run("lb2", async (observe) => observe(busy), clock);
    expect(pacer.pauseMs("lb1")).toBe(0);
    expect(pacer.pauseMs("lb2")).toBe(10);
  });

  it("learns from a mutation that fails, and rethrows its error", async () => {
    const clock = fakeClock();
    const pacer = new LockPacer((e) => e === busy);
    await expect(
      pacer.run(
        "lb",
        async (observe) => {
          observe(busy);
          throw new Error("gave up");
        },
        clock,
      ),
    ).rejects.toThrow("gave up");
    expect(pacer.pauseMs("lb")).toBe(10);
  });
});
