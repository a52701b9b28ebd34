// Bundles what the dynamic-provider host loads (`npm run build` runs it after tsc): dist/providerHost.js, and one file
// per cloud, dist/host/<cloud>.js, holding that cloud's provider with io-ts, the fp-ts parts it uses and our modules.
// One file read and compiled instead of about 90 resolved, read and compiled one by one is most of the first Check's
// cost in a fresh host (`npm run bench`, figure 5). The HTTP clients (pop-core, axios) stay outside: the provider
// requires them on its first API call, never in check or diff.
import { rmSync } from "node:fs";
import { build } from "esbuild";

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

await Promise.all([
  build({ ...common, entryPoints: ["src/aliyun/provider.ts"], outfile: "dist/host/aliyun.js" }),
  build({ ...common, entryPoints: ["src/huawei/provider.ts"], outfile: "dist/host/huawei.js" }),
  build({
    ...common,
    entryPoints: ["src/providerHost.ts"],
    outfile: "dist/providerHost.js",
    allowOverwrite: true,
    plugins: [
      {
        name: "per-cloud bundle",
        setup(b) {
          // providerHost requires `./<cloud>/provider` on first use; in the package that is the cloud's bundle.
          b.onResolve({ filter: /^\.\/(aliyun|huawei)\/provider$/ }, (args) => ({
            path: `./host/${args.path.split("/")[1]}.js`,
            external: true,
          }));
        },
      },
    ],
  }),
]);
// tsc's map of providerHost.js describes the file the bundle replaced.
rmSync("dist/providerHost.js.map", { force: true });
