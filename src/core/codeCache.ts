/**
 * Loading a bundle of the provider host with a V8 code cache made when the package was built: the host's first check
 * compiles the plan half of one resource kind, and reading that compilation from `<bundle>.cache` instead of making
 * it again saves about 1 ms of the first check (`npm run bench`, figure 5). V8 checks a cache against its own version
 * and flags but, of the source, only its length, so the cache file starts with the very source it was made from and
 * is used only when that is the bundle's source character for character (a comparison of strings; a hash would first
 * load OpenSSL's hashing, which costs more than the cache saves). V8's data follows in base64: both files are read as
 * UTF-8, the one read path the host has already run hot (Node reads every module that way), where the first binary
 * read of a fresh host costs about 0.4 ms more than decoding the base64. A cache that is not used (another Node
 * version, a changed file) costs nothing but the read, and the bundle is compiled as usual. Node 22 offers this as
 * `module.enableCompileCache()`; Node 20 does not.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

/** CACHE_SUFFIX names a bundle's code cache: `<bundle>.cache`. */
export const CACHE_SUFFIX = ".cache";

/** Bundle is one compiled bundle, ready to run, and whether V8 took its code cache. */
interface Bundle {
  readonly script: Script;
  readonly source: string;
  readonly cacheUsed: boolean;
}

/** The CommonJS wrapper Node itself puts around a module; the cache is made and read over exactly this text. */
function wrapped(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

/**
 * compile compiles a bundle under `name`, the name its stack frames show. A function compiled from a cache keeps the
 * name it was compiled under when the cache was made, so the name must not be a path of the machine that built the
 * package: callers pass the same package-relative name at both ends (`pulumi-lb-listeners/dist/host/<file>`). The cache
 * file is the bundle's source, character for character, followed by V8's data in base64.
 */
function compile(file: string, name: string, cache: string | undefined): Bundle {
  const source = readFileSync(file, "utf8");
  const cachedData =
    cache !== undefined && cache.length > source.length && cache.startsWith(source)
      ? Buffer.from(cache.slice(source.length), "base64")
      : undefined;
  const script = new Script(wrapped(source), { filename: name, cachedData });
  return { script, source, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

function run(file: string, bundle: Bundle): unknown {
  const module = { exports: {} };
  const body: unknown = bundle.script.runInThisContext();
  if (typeof body !== "function") throw new Error(`${file} did not compile to a module function`);
  body.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

function readCache(file: string): string | undefined {
  try {
    return readFileSync(file + CACHE_SUFFIX, "utf8");
  } catch {
    return undefined;
  }
}

/** LoadedBundle is a bundle's exports and whether V8 took its code cache. */
export interface LoadedBundle {
  readonly exports: unknown;
  readonly cacheUsed: boolean;
}

/**
 * loadBundle runs a self-contained CommonJS bundle (one that requires only packages and Node built-ins) and returns
 * its exports, compiled from its code cache when V8 accepts it; its stack frames name it `name`. Call it once per
 * file: it does not cache exports.
 */
export function loadBundle(file: string, name: string): LoadedBundle {
  const bundle = compile(file, name, readCache(file));
  return { exports: run(file, bundle), cacheUsed: bundle.cacheUsed };
}

/** CacheReport says what writeCodeCache wrote. */
export interface CacheReport {
  readonly file: string;
  readonly bytes: number;
}

/**
 * writeCodeCache compiles and runs a bundle, lets `exercise` call into its exports (so the functions a first check
 * runs are compiled too, not only the top level), and writes V8's code cache beside it. Build time only.
 */
export async function writeCodeCache(
  file: string,
  name: string,
  exercise: (exports: unknown) => Promise<void>,
): Promise<CacheReport> {
  const bundle = compile(file, name, undefined);
  await exercise(run(file, bundle));
  const data = bundle.source + bundle.script.createCachedData().toString("base64");
  writeFileSync(file + CACHE_SUFFIX, data);
  return { file, bytes: Buffer.byteLength(data) };
}
