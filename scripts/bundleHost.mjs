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
// bundles are self-contained but for the log sink (src/core/log.ts), which every bundle requires from
// dist/core/log.js (sharedLog below); the pipeline's process-wide locks and pacer live on globalThis
// (src/core/pipeline.ts), so every kind's copy shares them. The HTTP clients (pop-core, axios) stay outside: the
// provider requires them on its first API call.
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative, resolve, sep } from "node:path";
import { build } from "esbuild";

/** LOG_SOURCE is the log sink's source; LOG_MODULE is what tsc compiled it to, the module the package main requires. */
const LOG_SOURCE = resolve("src/core/log.ts");
const LOG_MODULE = resolve("dist/core/log.js");

/**
 * sharedLog makes every import of src/core/log.ts in a bundle written to `outfile` a require of dist/core/log.js, by
 * a path relative to the bundle, instead of a copy inside it. The logger `setLogger` installs is a module value: with
 * a copy per bundle, a logger set through the package main (`require("pulumi-lb-listeners")`) or through one kind
 * never saw what another kind's bundle logged. One compiled module is one value for the whole process.
 */
const sharedLog = (outfile) => ({
  name: "one log sink per process",
  setup(b) {
    b.onResolve({ filter: /(?:^|\/)log$/ }, (args) => {
      if (resolve(args.resolveDir, `${args.path}.ts`) !== LOG_SOURCE) return undefined;
      const request = relative(dirname(resolve(outfile)), LOG_MODULE).replaceAll(sep, "/");
      return { path: request.startsWith(".") ? request : `./${request}`, external: true };
    });
  },
});

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
// The bundles require the compiled log sink at run time; without it each would fail on its first line.
if (!existsSync(LOG_MODULE)) throw new Error("dist/core/log.js is missing: run tsc -p tsconfig.build.json first");
const { HOST_BUNDLES } = require("../dist/providerShim.js");
const { exports: EXPORTS } = require("../package.json");

/** BUNDLES are the kinds' bundle names; each folder src/<bundle with `-` as `/`>/ has host.ts and provider.ts. */
const BUNDLES = Object.values(HOST_BUNDLES);
for (const bundle of BUNDLES) {
  // The serialized provider requires the plan bundle by this export; a kind without it fails in the host.
  if (EXPORTS[`./host/${bundle}`] !== `./dist/host/${bundle}.plan.js`) {
    throw new Error(`package.json must export "./host/${bundle}": "./dist/host/${bundle}.plan.js"`);
  }
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
      plugins: [sharedLog(`dist/host/${bundle}.js`)],
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
