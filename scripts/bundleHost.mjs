// Bundles what the dynamic-provider host loads (`npm run build` runs it after tsc): dist/providerHost.js, and one file
// per cloud, dist/host/<cloud>.js, holding that cloud's provider with io-ts, the fp-ts parts it uses and our modules.
// One file read and compiled instead of about 90 resolved, read and compiled one by one is most of the first Check's
// cost in a fresh host (`npm run bench`, figure 5). The HTTP clients (pop-core, axios) stay outside: the provider
// requires them on its first API call, never in check or diff.
import { existsSync, rmSync } from "node:fs";
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

/**
 * PROVIDERS are the implementations providerHost requires on first use, one per resource kind (a cloud's first
 * resource at `<cloud>/provider`, a further one at `<cloud>/<resource>/provider`); each becomes one bundle.
 */
const PROVIDERS = ["aliyun", "huawei", "huawei/elbV3", "aliyun/domainExtension"].filter((dir) =>
  existsSync(`src/${dir}/provider.ts`),
);

/** bundleOf names the bundle of a provider folder: `huawei/elbV3` -> `host/huawei-elbV3.js`. */
const bundleOf = (dir) => `host/${dir.replace(/\//g, "-")}.js`;

await Promise.all([
  ...PROVIDERS.map((dir) =>
    build({ ...common, entryPoints: [`src/${dir}/provider.ts`], outfile: `dist/${bundleOf(dir)}` }),
  ),
  build({
    ...common,
    entryPoints: ["src/providerHost.ts"],
    outfile: "dist/providerHost.js",
    allowOverwrite: true,
    plugins: [
      {
        name: "per-resource bundle",
        setup(b) {
          // providerHost requires `./<dir>/provider` on first use; in the package that is the resource's bundle.
          b.onResolve({ filter: /^\.\/[A-Za-z0-9/]+\/provider$/ }, (args) => {
            const dir = args.path.slice(2, -"/provider".length);
            if (!PROVIDERS.includes(dir)) throw new Error(`providerHost requires ${args.path}, which has no bundle`);
            return { path: `./${bundleOf(dir)}`, external: true };
          });
        },
      },
    ],
  }),
]);
// tsc's map of providerHost.js describes the file the bundle replaced.
rmSync("dist/providerHost.js.map", { force: true });
