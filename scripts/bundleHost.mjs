// Bundles what the dynamic-provider host loads (`npm run build` runs it after tsc, whose dist/providerShim.js names
// the kinds). For each resource kind, <bundle> being its folder under src/ with `/` as `-` (HOST_BUNDLES in
// src/providerShim.ts: aliyun, aliyun-domainExtension, huawei, huawei-elbV3):
//   dist/host/<bundle>.plan.js  host.ts: the provider the host serves, with the plan half (configure, check and diff:
//                               schema and config), all a preview loads. The package exports it as
//                               `pulumi-lb-listeners/host/<bundle>`, which the kind's serialized provider requires;
//   dist/host/<bundle>.js       the full provider (provider.ts), which the plan bundle requires on the first create,
//                               read, update or delete.
// dist/providerHost.js (the package's `provider-host`, which state of earlier releases names) requires the plan bundle
// of the kind it is asked for. Each bundle holds io-ts, the fp-ts parts it uses (both as published) and our modules:
// one file resolved, read and compiled instead of about 90, which is what a preview's first check waits for. The
// plan bundles are self-contained but for the log sink (src/core/log.ts), which every bundle requires from
// dist/core/log.js; the full providers require every module of src/core from dist/core/, so all kinds share one lock
// table (fromDist below). The HTTP clients (pop-core, axios) stay outside: the provider requires them on its first API
// call.
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { build } from "esbuild";

/** CORE_SOURCE is the shared glue's sources; CORE_MODULES what tsc compiled them to, the modules the package main loads. */
const CORE_SOURCE = resolve("src/core");
const CORE_MODULES = resolve("dist/core");

/**
 * fromDist makes every import in a bundle written to `outfile` of a module of src/core/ that `shared` selects (its
 * name without `.ts`) a require of tsc's compiled module in dist/core/, by a path relative to the bundle, instead of a
 * copy inside it. A module value is then one value for the whole process:
 * - the log sink (every bundle): with a copy per bundle, a logger set through the package main
 *   (`require("pulumi-lb-listeners")`) or through one kind never saw what another kind's bundle logged;
 * - the whole of core (the full providers): the per-load-balancer lock table and the pacer are module values of
 *   core/pipeline, so a listener and a domain extension of one load balancer queue on one lock whichever kind's
 *   bundle sends them, and the pipeline, the clients and the providers share one error class tree.
 */
const fromDist = (outfile, shared) => ({
  name: "shared core modules",
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const source = resolve(args.resolveDir, args.path);
      if (dirname(source) !== CORE_SOURCE || !shared(basename(source))) return undefined;
      const request = relative(dirname(resolve(outfile)), `${CORE_MODULES}/${basename(source)}.js`).replaceAll(
        sep,
        "/",
      );
      return { path: request.startsWith(".") ? request : `./${request}`, external: true };
    });
  },
});

/** sharedLog shares the log sink only: the plans and the provider host stay one file each for a preview's check. */
const sharedLog = (outfile) => fromDist(outfile, (name) => name === "log");

/** sharedCore shares every core module: the full providers load on the first API call, never in a preview. */
const sharedCore = (outfile) => fromDist(outfile, () => true);

/** Options every bundle shares; `module` first so fp-ts and io-ts come as ES modules and unused exports drop out. */
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  mainFields: ["module", "main"],
  external: ["@alicloud/pop-core", "axios", "@pulumi/pulumi"],
  minify: true,
  // Error classes set their own `name`; keeping function names keeps stack traces readable too.
  keepNames: true,
  legalComments: "none",
  // No source maps: the sources are not in the package, and the minified names are kept.
  sourcemap: false,
  logLevel: "warning",
};

const require = createRequire(import.meta.url);
// The bundles require the compiled core modules at run time; without them each would fail on its first line.
if (!existsSync(`${CORE_MODULES}/pipeline.js`))
  throw new Error("dist/core is missing: run tsc -p tsconfig.build.json first");
const { HOST_BUNDLES } = require("../dist/providerShim.js");
const { exports: EXPORTS } = require("../package.json");

/** BUNDLES are the kinds' bundle names; each folder src/<bundle with `-` as `/`>/ has host.ts and provider.ts. */
const BUNDLES = Object.values(HOST_BUNDLES);
// The serialized provider requires each plan bundle as `pulumi-lb-listeners/host/<bundle>`: one pattern export
// serves every kind, so adding a kind does not touch package.json.
if (EXPORTS["./host/*"] !== "./dist/host/*.plan.js") {
  throw new Error('package.json must export "./host/*": "./dist/host/*.plan.js"');
}

/** dirOf is a bundle's folder under src/: `huawei-elbV3` -> `huawei/elbV3`. */
const dirOf = (bundle) => bundle.replace(/-/g, "/");

/**
 * fullProviderOf makes a plan bundle's `import("./provider")` (in host.ts) a require of the kind's full bundle, which
 * sits beside it in dist/host/.
 */
const fullProviderOf = (bundle) => ({
  name: "full provider beside the plan",
  setup(b) {
    b.onResolve({ filter: /^\.\/provider$/ }, (args) =>
      args.importer === resolve(`src/${dirOf(bundle)}/host.ts`)
        ? { path: `./${bundle}.js`, external: true }
        : undefined,
    );
  },
});

rmSync("dist/host", { recursive: true, force: true });
await Promise.all(
  BUNDLES.flatMap((bundle) => [
    build({
      ...common,
      entryPoints: [`src/${dirOf(bundle)}/host.ts`],
      outfile: `dist/host/${bundle}.plan.js`,
      // `import()` of the full provider becomes `Promise.resolve().then(() => require(...))`: Node's require.
      supported: { "dynamic-import": false },
      // Keeping names costs a defineProperty per function when a first check runs the top level. The plan throws
      // nothing but errors whose classes set their own `name` (ConfigError), and its failures are data, so its
      // minified function names reach no user.
      keepNames: false,
      plugins: [fullProviderOf(bundle), sharedLog(`dist/host/${bundle}.plan.js`)],
    }),
    build({
      ...common,
      entryPoints: [`src/${dirOf(bundle)}/provider.ts`],
      outfile: `dist/host/${bundle}.js`,
      plugins: [sharedCore(`dist/host/${bundle}.js`)],
    }),
  ]),
);

await build({
  ...common,
  entryPoints: ["src/providerHost.ts"],
  outfile: "dist/providerHost.js",
  allowOverwrite: true,
  // As for the plans: what a first check runs, without a defineProperty per function.
  keepNames: false,
  plugins: [sharedLog("dist/providerHost.js")],
});
// tsc's map of providerHost.js describes the file the bundle replaced.
rmSync("dist/providerHost.js.map", { force: true });
