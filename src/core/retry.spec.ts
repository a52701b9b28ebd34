import { backoffDelay, RetryBudgetExceededError, withRetry } from "./retry";
import type { ErrorBehaviour } from "./errors";

function fakeClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe("backoffDelay", () => {
  it("doubles the ceiling per attempt up to the maximum", () => {
    expect(backoffDelay(1, 200, 10_000, () => 0.999999)).toBe(199);
    expect(backoffDelay(3, 200, 10_000, () => 0.999999)).toBe(799);
    expect(backoffDelay(20, 200, 10_000, () => 0.999999)).toBe(9999);
  });
});

describe("withRetry", () => {
  const classify = (e: unknown): ErrorBehaviour => ((e as Error).message === "busy" ? "retry" : "fatal");
  it("retries retryable errors until success and reports each retry", async () => {
    const clock = fakeClock();
    const seen: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new Error("busy");
        return "ok";
      },
      { classify, ...clock, random: () => 0.5, onRetry: (i) => seen.push(i.attempt) },
    );
    expect(result).toBe("ok");
    expect(seen).toEqual([1, 2]);
  });
  it("never retries a fatal error", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error("denied");
        },
        { classify, ...fakeClock() },
      ),
    ).rejects.toThrow("denied");
    expect(calls).toBe(1);
  });
  it("gives up when the budget is spent, keeping the last error", async () => {
    const clock = fakeClock();
    const err = await withRetry(
      async () => {
        throw new Error("busy");
      },
      { classify, ...clock, budgetMs: 1000, random: () => 1 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryBudgetExceededError);
    expect((err as RetryBudgetExceededError).message).toMatch(
      /^busy \(still failing after \d+ attempts in \d+ s; retry budget spent\)$/,
    );
  });
  it("takes a suggested delay instead of a backoff delay, and logs who chose each delay", async () => {
    const clock = fakeClock();
    const busy = new Error("busy");
    const seen: [number, number, string][] = [];
    let calls = 0;
    await withRetry(
      async ({ number, suggest }) => {
        calls++;
        suggest({ source: "lock", delayMs: 7 });
        if (number < 4) throw busy;
        return "ok";
      },
      {
        classify,
        ...clock,
        random: () => 1,
        quickRetries: { lock: 2 },
        onRetry: (i) => seen.push([i.attempt, i.delayMs, i.source]),
      },
    );
    // Two suggestions in a row are taken, then one backoff (the first, 200 ms), which lets suggestions in again.
    expect(seen).toEqual([
      [1, 7, "lock"],
      [2, 7, "lock"],
      [3, 200, "backoff"],
    ]);
    expect(calls).toBe(4);
  });

  it("hands each attempt its number and the budget's deadline", async () => {
    const clock = fakeClock();
    const attempts: { number: number; deadline: number; after?: string }[] = [];
    await withRetry(
      async ({ number, deadline, after }) => {
        attempts.push({ number, deadline, after });
        if (number < 2) throw new Error("busy");
      },
      { classify, ...clock, budgetMs: 5000, random: () => 0 },
    );
    expect(attempts).toEqual([
      { number: 1, deadline: 5000, after: undefined },
      { number: 2, deadline: 5000, after: "backoff" },
    ]);
  });
});
