/**
 * The Batcher with a fake batch function and a turn the spec opens by hand: which loads go out together, in what
 * order, and how each key gets its own result.
 */
import { Batcher, BatcherTable } from "./batch";
import type { BatcherOptions, Turn } from "./batch";
import { ListenerError } from "./errors";

/** Gate is a turn held shut until the spec opens it, like a lock another mutation holds. */
function gate(): { turn: Turn<string>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const turn: Turn<string> = async (work) => {
    await opened;
    await work("lane-1");
  };
  return { turn, open };
}

/** lockTurn serializes turns like the load balancer's lock: one batch's work at a time, in order. */
function lockTurn(): Turn<string> {
  let tail = Promise.resolve();
  return (work) => {
    const run = tail.then(() => work("lane"));
    tail = run.catch(() => undefined);
    return run;
  };
}

/** recording is a batch function that records each batch and answers each key doubled (or an Error for "bad"). */
function recording(): { calls: string[][]; options: Pick<BatcherOptions<string, string, string>, "batch"> } {
  const calls: string[][] = [];
  return {
    calls,
    options: {
      batch: async (keys) => {
        calls.push([...keys]);
        return keys.map((key) => (key.startsWith("bad") ? new ListenerError(`${key} refused`) : `${key}${key}`));
      },
    },
  };
}

const now = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("Batcher", () => {
  it("sends the loads of one tick as one batch and answers each key its own result, in order", async () => {
    const { calls, options } = recording();
    const b = new Batcher({ ...options, turn: lockTurn() });
    await expect(Promise.all(["a", "b", "c"].map((k) => b.load(k)))).resolves.toEqual(["aa", "bb", "cc"]);
    expect(calls).toEqual([["a", "b", "c"]]);
  });

  it("fails only the key whose slot holds an Error", async () => {
    const { options } = recording();
    const b = new Batcher({ ...options, turn: lockTurn() });
    const results = await Promise.allSettled(["a", "bad-1", "c"].map((k) => b.load(k)));
    expect(results).toEqual([
      { status: "fulfilled", value: "aa" },
      { status: "rejected", reason: new ListenerError("bad-1 refused") },
      { status: "fulfilled", value: "cc" },
    ]);
  });

  it("splits a batch at maxBatchSize: 25 loads make batches of 10, 10 and 5", async () => {
    const { calls, options } = recording();
    const b = new Batcher({ ...options, turn: lockTurn(), maxBatchSize: 10 });
    const keys = Array.from({ length: 25 }, (_, i) => `k${i}`);
    await Promise.all(keys.map((k) => b.load(k)));
    expect(calls.map((c) => c.length)).toEqual([10, 10, 5]);
    expect(calls.flat()).toEqual(keys);
  });

  it("takes 10 by default", async () => {
    const { calls, options } = recording();
    const b = new Batcher({ ...options, turn: lockTurn() });
    await Promise.all(Array.from({ length: 11 }, (_, i) => b.load(`k${i}`)));
    expect(calls.map((c) => c.length)).toEqual([10, 1]);
  });

  it("sends each key alone with maxBatchSize 1 (batching off)", async () => {
    const { calls, options } = recording();
    const b = new Batcher({ ...options, turn: lockTurn(), maxBatchSize: 1 });
    await Promise.all(["a", "b", "c"].map((k) => b.load(k)));
    expect(calls).toEqual([["a"], ["b"], ["c"]]);
  });

  it("adds loads made while the batch waits for its turn, across ticks, to that batch", async () => {
    const { calls, options } = recording();
    const { turn, open } = gate();
    const b = new Batcher({ ...options, turn });
    const first = b.load("a");
    await now();
    await now();
    const second = b.load("b");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const third = b.load("c");
    expect(b.pending).toBe(3);
    open();
    await expect(Promise.all([first, second, third])).resolves.toEqual(["aa", "bb", "cc"]);
    expect(calls).toEqual([["a", "b", "c"]]);
  });

  it("sends loads made after a batch took its keys in the next batch, on the next turn", async () => {
    const calls: string[][] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const b = new Batcher<string, string, string>({
      turn: lockTurn(),
      batch: async (keys) => {
        calls.push([...keys]);
        if (calls.length === 1) await held;
        return keys.map((key) => key.toUpperCase());
      },
    });
    const first = b.load("a");
    while (calls.length === 0) await now();
    const later = [b.load("b"), b.load("c")];
    await now();
    expect(calls).toEqual([["a"]]);
    release();
    await expect(Promise.all([first, ...later])).resolves.toEqual(["A", "B", "C"]);
    expect(calls).toEqual([["a"], ["b", "c"]]);
  });

  it("takes its loads only once ready has waited inside the turn, so loads made meanwhile join", async () => {
    const { calls, options } = recording();
    let ready!: () => void;
    const waited = new Promise<void>((resolve) => (ready = resolve));
    const contexts: string[] = [];
    const b = new Batcher({
      ...options,
      turn: lockTurn(),
      ready: async (context: string) => {
        contexts.push(context);
        await waited;
      },
    });
    const first = b.load("a");
    while (contexts.length === 0) await now();
    const second = b.load("b");
    ready();
    await expect(Promise.all([first, second])).resolves.toEqual(["aa", "bb"]);
    expect(calls).toEqual([["a", "b"]]);
    expect(contexts).toEqual(["lane"]);
  });

  it("lets the batch function take loads that arrived since (more), up to maxBatchSize, answering them after its keys", async () => {
    const calls: string[][] = [];
    let release!: () => void;
    const refused = new Promise<void>((resolve) => (release = resolve));
    const b = new Batcher<string, string, string>({
      turn: lockTurn(),
      maxBatchSize: 3,
      batch: async (keys, _context, more) => {
        await refused;
        const all = [...keys, ...more(10)];
        calls.push(all);
        return all.map((key) => key.toUpperCase());
      },
    });
    const first = b.load("a");
    await now();
    await now();
    const later = ["b", "c", "d"].map((k) => b.load(k));
    release();
    await expect(Promise.all([first, ...later])).resolves.toEqual(["A", "B", "C", "D"]);
    expect(calls).toEqual([["a", "b", "c"], ["d"]]);
  });

  it("hands the batch function the turn's context", async () => {
    const contexts: string[] = [];
    const { turn, open } = gate();
    const b = new Batcher<string, string, string>({
      turn,
      batch: async (keys, context) => {
        contexts.push(context);
        return keys.map(() => context);
      },
    });
    const done = b.load("a");
    open();
    await expect(done).resolves.toBe("lane-1");
    expect(contexts).toEqual(["lane-1"]);
  });

  it("fails every key of a batch whose batch function rejects, with its error", async () => {
    const error = new ListenerError("CreateRules refused the listener");
    const b = new Batcher<string, string, string>({ turn: lockTurn(), batch: async () => Promise.reject(error) });
    const results = await Promise.allSettled([b.load("a"), b.load("b")]);
    expect(results).toEqual([
      { status: "rejected", reason: error },
      { status: "rejected", reason: error },
    ]);
  });

  it("fails every key when the batch function answers another number of results", async () => {
    const b = new Batcher<string, string, string>({ turn: lockTurn(), batch: async () => ["only one"] });
    const results = await Promise.allSettled([b.load("a"), b.load("b")]);
    const error = new ListenerError("the batch function answered 1 results for 2 keys");
    expect(results).toEqual([
      { status: "rejected", reason: error },
      { status: "rejected", reason: error },
    ]);
  });

  it("fails the waiting loads when the turn fails before the work runs, and serves later loads", async () => {
    const { calls, options } = recording();
    let turns = 0;
    const b = new Batcher<string, string, string>({
      ...options,
      turn: async (work) => {
        turns += 1;
        if (turns === 1) throw new ListenerError("no lock");
        await work("lane");
      },
    });
    await expect(Promise.all([b.load("a"), b.load("b")])).rejects.toEqual(new ListenerError("no lock"));
    await expect(b.load("c")).resolves.toBe("cc");
    expect(calls).toEqual([["c"]]);
  });

  it("waits windowMs before asking for its turn, so loads made within the window join", async () => {
    const { calls, options } = recording();
    const b = new Batcher({ ...options, turn: lockTurn(), windowMs: 30 });
    const first = b.load("a");
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = b.load("b");
    await Promise.all([first, second]);
    expect(calls).toEqual([["a", "b"]]);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses maxBatchSize %p", (max) => {
    expect(() => new Batcher({ ...recording().options, turn: lockTurn(), maxBatchSize: max })).toThrow(
      new ListenerError(`maxBatchSize must be an integer of at least 1, got ${String(max)}`),
    );
  });
});

describe("BatcherTable", () => {
  it("keeps one batcher per scope: loads of two scopes never share a batch", async () => {
    const { calls, options } = recording();
    const table = new BatcherTable<string, string, string>();
    const make = () => ({ ...options, turn: lockTurn() });
    const results = await Promise.all([
      table.load("lb-1:https:443", "a", make),
      table.load("lb-1:http:80", "b", make),
      table.load("lb-1:https:443", "c", make),
    ]);
    expect(results).toEqual(["aa", "bb", "cc"]);
    expect(calls).toEqual([["a", "c"], ["b"]]);
  });
});
