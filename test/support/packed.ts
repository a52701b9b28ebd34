/**
 * The package as users install it: built, packed with `npm pack`, and extracted as a dependency of scratch programs
 * inside the repository (`.tmp/`), whose own package.json keeps Node from resolving the package by self-reference.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeScratchDir, REPO_ROOT } from "./scratch";

const STAMP = path.join(REPO_ROOT, ".tmp", "build-stamp");
const LOCK = path.join(REPO_ROOT, ".tmp", "build-lock");

/** newestSource is the latest change to a TypeScript source or a build script under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|mjs)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * builtAt is when dist/ was last built whole: the later of the stamp buildDist writes and the end of the last whole
 * `npm run build` (tsc, then the bundler into dist/host/), read as the oldest of dist/index.js and the bundles, which
 * every such run rewrites; 0 when there is neither. So the build `npm test` runs first is not run again by the first
 * test file that needs dist/.
 */
function builtAt(): number {
  const stamp = fs.statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const dist = path.join(REPO_ROOT, "dist");
  const host = path.join(dist, "host");
  const bundles = fs.existsSync(host) ? fs.readdirSync(host).filter((f) => f.endsWith(".js")) : [];
  const outputs = [path.join(dist, "index.js"), ...bundles.map((f) => path.join(host, f))];
  const times = outputs.map((f) => fs.statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  // The oldest output: a build stopped half way (tsc failed, or the bundler did) left some of them behind.
  const built = bundles.length > 0 ? Math.min(...times) : 0;
  return Math.max(stamp, built);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * buildDist compiles src/ to dist/, which the dynamic-provider host loads through the installed package (the self
 * link `node_modules/pulumi-lb-listeners` in this checkout, or an extracted tarball). Test files run in parallel, so
 * one build at a time (a lock directory) and none when dist/ is newer than every source file: a host must never
 * read a file another build is rewriting.
 */
export function buildDist(): void {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than any build is left over from a killed run.
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300000) fs.rmSync(LOCK, { recursive: true, force: true });
      else sleepSync(200);
    }
  }
  try {
    // The bundler's script shapes dist/host/ as much as the sources do.
    const newest = Math.max(newestSource(path.join(REPO_ROOT, "src")), newestSource(path.join(REPO_ROOT, "scripts")));
    if (builtAt() > newest) return;
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
      cwd: REPO_ROOT,
      stdio: "pipe",
    });
    // As `npm run build`: the provider host and its per-cloud bundles replace what tsc emitted for them.
    execFileSync(process.execPath, ["scripts/bundleHost.mjs"], { cwd: REPO_ROOT, stdio: "pipe" });
    fs.writeFileSync(STAMP, new Date().toISOString());
  } finally {
    fs.rmdirSync(LOCK);
  }
}

/** buildAndPack builds dist/ and packs it (scripts off: the build just ran), returning the tarball's path. */
export function buildAndPack(): string {
  buildDist();
  const destination = makeScratchDir("pack");
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [{ filename }] = JSON.parse(out) as { filename: string }[];
  return path.join(destination, filename);
}

/** installTarball creates a scratch program that has the tarball extracted as `node_modules/pulumi-lb-listeners`. */
export function installTarball(tarball: string, label: string): string {
  const dir = makeScratchDir(label);
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: `scratch-${label}`, private: true, dependencies: { "pulumi-lb-listeners": "*" } }),
  );
  const target = path.join(dir, "node_modules", "pulumi-lb-listeners");
  fs.mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
  return dir;
}

/** tarballFiles lists the files in a tarball (paths inside the package). */
export function tarballFiles(tarball: string): string[] {
  return execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""));
}

// Runs in a program directory: constructs both resources under mocks and prints their `__provider` texts.
const SERIALIZE_SCRIPT = `
const pulumi = require("@pulumi/pulumi");
const lb = require("pulumi-lb-listeners");
(async () => {
  const texts = {};
  await pulumi.runtime.setMocks({
    newResource: (a) => {
      if (typeof a.inputs.__provider === "string") texts[a.type] = a.inputs.__provider;
      return { id: a.name + "-id", state: a.inputs };
    },
    call: () => ({}),
  }, "scratch", "dev", false);
  new lb.HttpsListener("web", { loadBalancerId: "lb-1", listenerPort: 443 });
  new lb.ElbListener("api", { name: "api", loadbalancerId: "lb-2", protocol: "HTTP", port: 80 });
  await pulumi.runtime.disconnect();
  process.stdout.write(JSON.stringify(texts));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/**
 * serializeProviders constructs both resources in a program directory (with the `@pulumi/pulumi` and the package
 * installed there) and returns each type token's serialized `__provider` text.
 */
export function serializeProviders(dir: string, env: Record<string, string> = {}): Record<string, string> {
  fs.writeFileSync(path.join(dir, "serialize.js"), SERIALIZE_SCRIPT);
  const out = execFileSync(process.execPath, ["serialize.js"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return JSON.parse(out) as Record<string, string>;
}
