/**
 * The one create path against a fake cloud with one place (a port): each send is answered from a script (made,
 * made but the answer lost, no answer, throttled, fatal), a send to a taken place is a conflict, and the clock is
 * fake, so the retry budget runs out in a few attempts (backoff 100, 200, 400, 800 ms against a 1 s budget).
 */
import { createOnce, type CreateKind, type Created } from "./createOnce";
import type { ErrorBehaviour } from "./errors";
import { setLogger, type Logger } from "./log";
import { MutationPipeline } from "./pipeline";
import { RetryBudgetExceededError } from "./retry";

/** Thing is what the fake cloud holds on its place. */
interface Thing {
  readonly id: string;
  readonly owner: string;
}

/** Answer scripts one send: made; made and the answer lost; no answer (not made); throttled; refused for good. */
type Answer = "made" | "lost" | "down" | "throttled" | "fatal";

class FakeError extends Error {
  constructor(
    readonly behaviour: ErrorBehaviour,
    readonly unknown: boolean,
  ) {
    super(`fake ${behaviour}${unknown ? " (outcome unknown)" : ""}`);
  }
}

/** FakeCloud answers sends from its script (then `made`), and looks at its one place. */
class FakeCloud {
  place?: Thing;
  sends = 0;
  looks = 0;
  constructor(private readonly script: Answer[] = []) {}

  async send(owner: string): Promise<Thing> {
    this.sends += 1;
    const answer = this.script.shift() ?? "made";
    if (answer === "down") throw new FakeError("retry", true);
    if (answer === "throttled") throw new FakeError("retry", false);
    if (answer === "fatal") throw new FakeError("fatal", false);
    if (this.place) throw new FakeError("conflict", false);
    this.place = { id: `t${this.sends}`, owner };
    if (answer === "lost") throw new FakeError("retry", true);
    return this.place;
  }

  async lookUp(): Promise<Thing | undefined> {
    this.looks += 1;
    return this.place;
  }
}

let t = 0;
const pipeline = new MutationPipeline(
  "Spec",
  {
    classify: (e) => (e instanceof FakeError ? e.behaviour : "fatal"),
    isLoadBalancerBusy: () => false,
    isThrottled: () => false,
    outcomeUnknown: (e) => !(e instanceof FakeError) || e.unknown,
  },
  () => ({
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    random: () => 1,
    baseDelayMs: 100,
    maxDelayMs: 10_000,
    budgetMs: 1000,
  }),
);

function kind(cloud: FakeCloud, more: Partial<CreateKind<Thing>> = {}): CreateKind<Thing> {
  return {
    subject: "lb-1:80",
    action: "create thing",
    send: () => cloud.send("me"),
    lookUp: () => cloud.lookUp(),
    isOwn: (thing) => thing.owner === "me",
    named: (thing) => `thing ${thing.id}`,
    ...more,
  };
}

function create(cloud: FakeCloud, more: Partial<CreateKind<Thing>> = {}): Promise<Created<Thing>> {
  return pipeline.exclusive({ endpoint: "ep", loadBalancer: "lb-1" }, (lane) =>
    createOnce(pipeline, lane, kind(cloud, more)),
  );
}

/** adopting is an adopt step that records what it took over and answers it renamed, as an update would. */
function adopting(adopted: Thing[]): (thing: Thing) => Promise<Thing> {
  return async (thing) => {
    adopted.push(thing);
    return { ...thing, owner: "me" };
  };
}

let previousLogger: Logger;
const lines: string[] = [];
beforeAll(() => {
  previousLogger = setLogger({ debug: () => undefined, info: (m) => lines.push(m), warn: (m) => lines.push(m) });
});
afterAll(() => setLogger(previousLogger));
beforeEach(() => {
  lines.length = 0;
});

describe("createOnce", () => {
  it("sends once and answers what the send made", async () => {
    const cloud = new FakeCloud();
    expect(await create(cloud)).toEqual({ origin: "sent", resource: { id: "t1", owner: "me" } });
    expect([cloud.sends, cloud.looks]).toEqual([1, 0]);
  });

  it("looks before sending again after a lost answer, and continues with its own without a second send", async () => {
    const cloud = new FakeCloud(["lost"]);
    expect(await create(cloud)).toEqual({ origin: "found", resource: { id: "t1", owner: "me" } });
    expect([cloud.sends, cloud.looks]).toEqual([1, 1]);
    expect(lines).toContain("Spec: an earlier attempt created thing t1; continuing with it");
  });

  it("sends again when the look after an unanswered send finds nothing", async () => {
    const cloud = new FakeCloud(["down"]);
    expect(await create(cloud)).toEqual({ origin: "sent", resource: { id: "t2", owner: "me" } });
    expect([cloud.sends, cloud.looks]).toEqual([2, 1]);
  });

  it("never looks after an answer that says the send did nothing", async () => {
    const cloud = new FakeCloud(["throttled"]);
    expect(await create(cloud)).toEqual({ origin: "sent", resource: { id: "t2", owner: "me" } });
    expect([cloud.sends, cloud.looks]).toEqual([2, 0]);
  });

  it("fails at once on a fatal answer, without a look", async () => {
    const cloud = new FakeCloud(["fatal"]);
    await expect(create(cloud)).rejects.toThrow("fake fatal");
    expect([cloud.sends, cloud.looks]).toEqual([1, 0]);
  });

  it("fails on a conflict of its first send without a look when it may not adopt", async () => {
    const cloud = new FakeCloud();
    cloud.place = { id: "x", owner: "someone" };
    await expect(create(cloud)).rejects.toThrow("fake conflict");
    expect([cloud.sends, cloud.looks]).toEqual([1, 0]);
  });

  it("where adoption is allowed, looks before the first send and adopts what holds the place, without a send", async () => {
    const cloud = new FakeCloud();
    cloud.place = { id: "x", owner: "me" };
    const adopted: Thing[] = [];
    expect(await create(cloud, { adopt: adopting(adopted) })).toEqual({
      origin: "adopted",
      resource: { id: "x", owner: "me" },
    });
    // Even a match is adopted: it was there before this create sent anything.
    expect(adopted).toEqual([{ id: "x", owner: "me" }]);
    expect([cloud.sends, cloud.looks]).toEqual([0, 1]);
  });

  it("where adoption is allowed, sends when the first look finds the place empty", async () => {
    const cloud = new FakeCloud();
    const adopted: Thing[] = [];
    expect(await create(cloud, { adopt: adopting(adopted) })).toEqual({
      origin: "sent",
      resource: { id: "t1", owner: "me" },
    });
    expect(adopted).toEqual([]);
    expect([cloud.sends, cloud.looks]).toEqual([1, 1]);
  });

  it("resolves a conflict by adoption where allowed: the place taken since the first look is adopted", async () => {
    const cloud = new FakeCloud();
    const lookUp = async (): Promise<Thing | undefined> => {
      cloud.looks += 1;
      const seen = cloud.place;
      cloud.place ??= { id: "x", owner: "someone" };
      return seen;
    };
    const adopted: Thing[] = [];
    expect(await create(cloud, { lookUp, adopt: adopting(adopted) })).toEqual({
      origin: "adopted",
      resource: { id: "x", owner: "me" },
    });
    expect(adopted).toEqual([{ id: "x", owner: "someone" }]);
    expect([cloud.sends, cloud.looks]).toEqual([1, 2]);
  });

  it("fails with the conflict when adoption is allowed but every look finds the place empty", async () => {
    const cloud = new FakeCloud();
    cloud.place = { id: "x", owner: "someone" };
    const lookUp = async (): Promise<Thing | undefined> => {
      cloud.looks += 1;
      return undefined;
    };
    await expect(create(cloud, { adopt: adopting([]), lookUp })).rejects.toThrow("fake conflict");
    expect([cloud.sends, cloud.looks]).toEqual([1, 2]);
  });

  it("takes a conflict after an unanswered send for its own when the look finds its own there", async () => {
    const cloud = new FakeCloud(["down"]);
    // The unanswered send landed after all, between the look and the next send.
    const lookUp = async (): Promise<Thing | undefined> => {
      cloud.looks += 1;
      const seen = cloud.place;
      cloud.place ??= { id: "late", owner: "me" };
      return seen;
    };
    expect(await create(cloud, { lookUp })).toEqual({ origin: "found", resource: { id: "late", owner: "me" } });
    expect([cloud.sends, cloud.looks]).toEqual([2, 2]);
    expect(lines).toContain("Spec: an earlier attempt created thing late; continuing with it");
  });

  it("after a lost answer fails with the kind's own error when another holds the place and it may not adopt", async () => {
    const cloud = new FakeCloud(["down"]);
    const lookUp = async (): Promise<Thing | undefined> => {
      cloud.looks += 1;
      cloud.place = { id: "x", owner: "someone" };
      return cloud.place;
    };
    const taken = (thing: Thing): Error => new Error(`${thing.id} holds the place`);
    await expect(create(cloud, { lookUp, taken })).rejects.toThrow("x holds the place");
    expect([cloud.sends, cloud.looks]).toEqual([1, 1]);
  });

  it("after a lost answer sends again when another holds the place, so the service answers its conflict", async () => {
    const cloud = new FakeCloud(["down"]);
    const lookUp = async (): Promise<Thing | undefined> => {
      cloud.looks += 1;
      cloud.place = { id: "x", owner: "someone" };
      return cloud.place;
    };
    await expect(create(cloud, { lookUp })).rejects.toThrow("fake conflict");
    // The conflict follows an unknown outcome, so the path looked once more for its own before failing.
    expect([cloud.sends, cloud.looks]).toEqual([2, 2]);
  });

  it("after a lost answer adopts another's resource where allowed, without a second send", async () => {
    const cloud = new FakeCloud(["down"]);
    // Empty at the first look; another's by the look after the unanswered send.
    const lookUp = async (): Promise<Thing | undefined> => {
      cloud.looks += 1;
      if (cloud.looks > 1) cloud.place = { id: "x", owner: "someone" };
      return cloud.place;
    };
    const adopted: Thing[] = [];
    expect(await create(cloud, { lookUp, adopt: adopting(adopted) })).toEqual({
      origin: "adopted",
      resource: { id: "x", owner: "me" },
    });
    expect(adopted).toEqual([{ id: "x", owner: "someone" }]);
    expect([cloud.sends, cloud.looks]).toEqual([1, 2]);
  });

  it("looks one last time when the budget runs out right after a lost answer, and continues with its own", async () => {
    // 100 + 200 + 400 ms of backoff, then the fourth send's answer is lost and the next delay (800) ends the budget.
    const cloud = new FakeCloud(["down", "down", "down", "lost"]);
    expect(await create(cloud)).toEqual({ origin: "found", resource: { id: "t4", owner: "me" } });
    // One look before each of sends 2 to 4, then the last look.
    expect([cloud.sends, cloud.looks]).toEqual([4, 4]);
    expect(lines).toContain("Spec: the last attempt created thing t4; continuing with it");
  });

  it("fails with the spent budget when the last look finds nothing", async () => {
    const cloud = new FakeCloud(["down", "down", "down", "down"]);
    const error = await create(cloud).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryBudgetExceededError);
    expect((error as Error).message).toBe(
      "fake retry (outcome unknown) (still failing after 4 attempts in 1 s; retry budget spent)",
    );
    expect([cloud.sends, cloud.looks]).toEqual([4, 4]);
  });

  it("does not look when the budget runs out after answers that say nothing was made", async () => {
    const cloud = new FakeCloud(["throttled", "throttled", "throttled", "throttled"]);
    await expect(create(cloud)).rejects.toThrow(RetryBudgetExceededError);
    expect([cloud.sends, cloud.looks]).toEqual([4, 0]);
  });
});
