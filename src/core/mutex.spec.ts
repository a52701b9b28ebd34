import { KeyedMutex } from "./mutex";

describe("KeyedMutex", () => {
  it("runs work on one key one at a time, in order", async () => {
    const m = new KeyedMutex();
    const events: string[] = [];
    const job = (name: string) => async () => {
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      events.push(`end ${name}`);
    };
    await Promise.all([m.run("lb", job("a")), m.run("lb", job("b"))]);
    expect(events).toEqual(["start a", "end a", "start b", "end b"]);
    expect(m.size).toBe(0);
  });
  it("lets different keys run together", async () => {
    const m = new KeyedMutex();
    const events: string[] = [];
    const job = (name: string) => async () => {
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      events.push(`end ${name}`);
    };
    await Promise.all([m.run("lb1", job("a")), m.run("lb2", job("b"))]);
    expect(events.slice(0, 2)).toEqual(["start a", "start b"]);
  });
  it("releases the key when work fails", async () => {
    const m = new KeyedMutex();
    await expect(m.run("lb", async () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    await expect(m.run("lb", async () => 1)).resolves.toBe(1);
  });
});
