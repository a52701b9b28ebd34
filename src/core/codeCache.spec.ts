import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CACHE_SUFFIX, loadBundle, writeCodeCache } from "./codeCache";

const NAME = "pulumi-lb-listeners/dist/host/bundle.js";

/** exported is the bundle's exported function `name`, called with the exports as `this`. */
function exported(exports: unknown, name: string): (...args: unknown[]) => unknown {
  const value: unknown = exports !== null && typeof exports === "object" ? Reflect.get(exports, name) : undefined;
  if (typeof value !== "function") throw new Error(`the bundle exports no ${name}`);
  return (...args) => Reflect.apply(value, exports, args);
}

describe("bundles with a code cache", () => {
  let dir: string;
  let file: string;
  const source = [
    "const path = require('node:path');",
    "exports.greet = (name) => 'hello ' + name;",
    "exports.where = () => path.basename(__dirname);",
    "exports.fail = () => { throw new Error('failed'); };",
  ].join("\n");

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-"));
    file = path.join(dir, "bundle.js");
    fs.writeFileSync(file, source);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const greet = (exports: unknown): string => String(exported(exports, "greet")("cache"));

  it("writes V8's cache after the exercise and loads the bundle from it", async () => {
    const seen: string[] = [];
    const report = await writeCodeCache(file, NAME, async (exports) => void seen.push(greet(exports)));
    expect(seen).toEqual(["hello cache"]);
    expect(report).toEqual({ file, bytes: fs.statSync(file + CACHE_SUFFIX).size });
    expect(report.bytes).toBeGreaterThan(0);
    const loaded = loadBundle(file, NAME);
    expect(loaded.cacheUsed).toBe(true);
    expect(greet(loaded.exports)).toBe("hello cache");
  });

  it("runs the bundle as a CommonJS module of its own folder", () => {
    const { exports } = loadBundle(file, NAME);
    expect(exports).toEqual({ greet: expect.any(Function), where: expect.any(Function), fail: expect.any(Function) });
    expect(exported(exports, "where")()).toBe(path.basename(dir));
  });

  it("names its frames by the given name, with the cache and without, never by a path of the machine", async () => {
    const frameOf = (exports: unknown): string => {
      try {
        exported(exports, "fail")();
      } catch (error) {
        // The bundle runs in Node's main context, whose Error is not this test's: read its stack by shape.
        const stack = error !== null && typeof error === "object" && "stack" in error ? String(error.stack) : "";
        return stack.split("\n")[1];
      }
      return "no throw";
    };
    await writeCodeCache(file, NAME, async (exports) => void frameOf(exports));
    const cached = loadBundle(file, NAME);
    expect(cached.cacheUsed).toBe(true);
    expect(frameOf(cached.exports)).toMatch(
      /^ +at Object\.exports\.fail \(pulumi-lb-listeners\/dist\/host\/bundle\.js:4:\d+\)$/,
    );
    fs.rmSync(file + CACHE_SUFFIX);
    expect(frameOf(loadBundle(file, NAME).exports)).toMatch(/\(pulumi-lb-listeners\/dist\/host\/bundle\.js:4:\d+\)$/);
  });

  it("compiles as usual without a cache", () => {
    const loaded = loadBundle(file, NAME);
    expect(loaded.cacheUsed).toBe(false);
    expect(greet(loaded.exports)).toBe("hello cache");
  });

  it("compiles the current source when the cache was made for another (V8 rejects it)", async () => {
    await writeCodeCache(file, NAME, async () => undefined);
    fs.writeFileSync(file, source.replace("'hello '", "'hi '"));
    const loaded = loadBundle(file, NAME);
    expect(loaded.cacheUsed).toBe(false);
    expect(greet(loaded.exports)).toBe("hi cache");
  });

  it("compiles the current source when a change kept its length (V8 alone would take the stale cache)", async () => {
    await writeCodeCache(file, NAME, async () => undefined);
    fs.writeFileSync(file, source.replace("'hello '", "'HELLO '"));
    const loaded = loadBundle(file, NAME);
    expect(loaded.cacheUsed).toBe(false);
    expect(greet(loaded.exports)).toBe("HELLO cache");
  });

  it("writes the source followed by V8's data in base64, one text file", async () => {
    await writeCodeCache(file, NAME, async () => undefined);
    const text = fs.readFileSync(file + CACHE_SUFFIX, "utf8");
    expect(text.startsWith(source)).toBe(true);
    expect(text.slice(source.length)).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it("compiles as usual when the source matches but what follows is not V8's data", () => {
    // A source of its own: V8 answers a source it compiled before in this process from memory, never reading data.
    const own = `${source}\n// junk data`;
    fs.writeFileSync(file, own);
    fs.writeFileSync(file + CACHE_SUFFIX, own + Buffer.from("not a code cache").toString("base64"));
    const loaded = loadBundle(file, NAME);
    expect(loaded.cacheUsed).toBe(false);
    expect(greet(loaded.exports)).toBe("hello cache");
  });

  it("compiles as usual over a cache file that is not a V8 cache", () => {
    fs.writeFileSync(file + CACHE_SUFFIX, "not a code cache");
    const loaded = loadBundle(file, NAME);
    expect(loaded.cacheUsed).toBe(false);
    expect(greet(loaded.exports)).toBe("hello cache");
  });
});
