import * as vm from "node:vm";
import { noopProviderText } from "./noop";

interface NoopProvider {
  check(olds: unknown, news: Record<string, unknown>): Promise<{ inputs: Record<string, unknown> }>;
  create(inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }>;
  read(id: string, props: Record<string, unknown>): Promise<{ id: string; props: unknown; inputs: unknown }>;
}

/** load evaluates a serialized provider's text as the host does (a CommonJS module exporting `handler`). */
function load(text: string): NoopProvider {
  const module = { exports: {} as { handler?: () => NoopProvider } };
  vm.runInThisContext(`(function (exports, module) { ${text}\n})`)(module.exports, module);
  const { handler } = module.exports;
  if (handler === undefined) throw new Error("the text exports no handler");
  return handler();
}

describe("noopProviderText", () => {
  it("is padded to the size asked for", () => {
    expect(Buffer.byteLength(noopProviderText(3737))).toBe(3737);
    expect(Buffer.byteLength(noopProviderText(3737, [], { check: { a: "é", b: 1 } }))).toBe(3737);
  });

  it("echoes the inputs it is sent, or lays them over the answers it was given", async () => {
    const news = { name: "api", port: 80 };
    await expect(load(noopProviderText(2000)).check({}, news)).resolves.toEqual({ inputs: news });
    const answer = { name: "web", port: 443, gzip: "on", idleTimeout: 15, tags: { app: "web" } };
    const alike = load(noopProviderText(2000, [], { check: answer }));
    await expect(alike.check({}, news)).resolves.toEqual({
      inputs: { name: "api", port: 80, gzip: "on", idleTimeout: 15, tags: { app: "web" } },
    });
    // A fresh object per Check: the host adds __provider to what check answers.
    const [first, second] = await Promise.all([alike.check({}, news), alike.check({}, news)]);
    expect(first.inputs).not.toBe(second.inputs);
  });

  it("creates with the outputs it was given under the inputs it is sent", async () => {
    const inputs = { name: "api", port: 80 };
    await expect(load(noopProviderText(2000)).create(inputs)).resolves.toMatchObject({ outs: inputs });
    const outputs = { name: "web", port: 443, status: "running", listenerId: "lsn-1" };
    const created = await load(noopProviderText(2000, [], { outputs })).create(inputs);
    expect(created.outs).toEqual({ name: "api", port: 80, status: "running", listenerId: "lsn-1" });
    expect(typeof created.id === "string" && created.id !== "").toBe(true);
  });

  it("reads back the properties it is sent, and as inputs only those its check answers name", async () => {
    const props = { name: "api", port: 80, status: "running" };
    await expect(load(noopProviderText(2000)).read("id-1", props)).resolves.toEqual({
      id: "id-1",
      props,
      inputs: props,
    });
    const alike = load(noopProviderText(2000, [], { check: { name: "web", port: 443, gzip: "on" } }));
    await expect(alike.read("id-1", props)).resolves.toEqual({ id: "id-1", props, inputs: { name: "api", port: 80 } });
  });
});
