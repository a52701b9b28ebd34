import * as vm from "node:vm";
import { noopProviderText } from "./noop";

interface NoopProvider {
  check(olds: unknown, news: Record<string, unknown>): Promise<{ inputs: Record<string, unknown> }>;
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
    expect(Buffer.byteLength(noopProviderText(3737, [], { a: "é", b: 1 }))).toBe(3737);
  });

  it("echoes the inputs it is sent, or answers the ones it was given", async () => {
    const news = { name: "api", port: 80 };
    await expect(load(noopProviderText(2000)).check({}, news)).resolves.toEqual({ inputs: news });
    const answer = { name: "api", port: 80, gzip: "on", idleTimeout: 15, tags: { app: "web" } };
    const alike = load(noopProviderText(2000, [], answer));
    await expect(alike.check({}, news)).resolves.toEqual({ inputs: answer });
    // A fresh object per Check: the host adds __provider to what check answers.
    const [first, second] = await Promise.all([alike.check({}, news), alike.check({}, news)]);
    expect(first.inputs).not.toBe(second.inputs);
  });
});
