// Bundles what the dynamic-provider host loads (`npm run build` runs it after tsc, whose dist/core/codeCache.js it
// uses). For each resource kind (<kind> is its folder under src/ with `/` as `-`: aliyun, huawei, huawei-elbV3,
// aliyun-domainExtension):
//   dist/host/<kind>.plan.js        host.ts: the provider the host serves, with the plan half (configure, check and
//                                   diff: schema and config), all a preview loads;
//   dist/host/<kind>.plan.js.cache  V8's code cache of it, made here after a sample check (src/core/codeCache.ts);
//   dist/host/<kind>.js             the full provider (provider.ts), which the plan bundle requires on the first
//                                   create, read, update or delete.
// dist/providerHost.js (the package's `provider-host`) stays small: it loads a kind's plan bundle through loadBundle,
// with its cache. Each bundle holds io-ts, the fp-ts parts it uses and our modules: one file read and compiled instead
// of about 90 resolved one by one (bench figure 5). The bundles are self-contained; the pipeline's process-wide locks
// and pacer live on globalThis (src/core/pipeline.ts), so every kind's copy shares them. The HTTP clients (pop-core,
// axios) stay outside: the provider requires them on its first API call.
import { existsSync, readFileSync, rmSync } from "node:fs";
import process from "node:process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { build } from "esbuild";

/**
 * pureIoTs marks io-ts's classes (TypeScript's ES5 class IIFEs) and its ready-made codecs (`export var string = new
 * StringType()`) as free of side effects, which they are, so the bundles keep only what our codecs use (Type,
 * success, failure, identity): half of io-ts's code and of its load time at a first check. A statement that does
 * something with one of them (io-ts's own `Object.defineProperty(RecursiveType.prototype, ...)`) keeps it.
 */
const pureIoTs = {
  name: "pure io-ts",
  setup(b) {
    b.onLoad({ filter: /[\\/]io-ts[\\/]es6[\\/]index\.js$/ }, (args) => ({
      loader: "js",
      contents: readFileSync(args.path, "utf8")
        .replace(/\/\*\* @class \*\/ \(function/g, "/** @class */ /* @__PURE__ */ (function")
        .replace(/^(export var \w+ = )new /gm, "$1/* @__PURE__ */ new "),
    }));
  },
};

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
  plugins: [pureIoTs],
};

/** The provider folders under src/; each has plan.ts (the plan half) and provider.ts (the full provider). */
const PROVIDERS = ["aliyun", "huawei", "huawei/elbV3", "aliyun/domainExtension"].filter((dir) =>
  existsSync(`src/${dir}/provider.ts`),
);

/**
 * bundleName is the name a plan bundle's stack frames show, the same when its code cache is made and when it is
 * loaded (V8 keeps the name a cached function was compiled under): package-relative, never a path of this machine.
 */
const bundleName = (file) => `pulumi-lb-listeners/dist/${file}`;

/** kindOf names a provider folder's bundles: `huawei/elbV3` -> `host/huawei-elbV3`. */
const kindOf = (dir) => `host/${dir.replace(/\//g, "-")}`;

/**
 * SAMPLES are valid inputs per provider folder (from examples/), checked once with the plan bundle before its code
 * cache is written, so the cache holds the functions a first check runs.
 */
const SAMPLES = {
  aliyun: {
    regionId: "cn-hangzhou",
    loadBalancerId: "lb-sample",
    listenerPort: 443,
    backendServerPort: 80,
    bandwidth: -1,
    serverCertificateId: "cert-sample",
    stickySession: "on",
    stickySessionType: "insert",
    cookieTimeout: 86400,
    healthCheck: "on",
  },
  "aliyun/domainExtension": {
    regionId: "cn-hangzhou",
    loadBalancerId: "lb-sample",
    listenerPort: 443,
    domain: "*.shop.example.com",
    serverCertificateId: "cert-sample",
  },
  huawei: {
    region: "eu-de",
    name: "api",
    loadbalancerId: "lb-sample",
    protocol: "HTTP",
    port: 80,
    backendProtocol: "HTTP",
    backendPort: 8080,
    lbAlgorithm: "roundrobin",
  },
  "huawei/elbV3": {
    region: "eu-de",
    name: "db-tcp",
    loadbalancerId: "lb-sample",
    protocol: "TCP",
    protocolPort: 3306,
    keepaliveTimeout: 900,
    insertHeaders: { "X-Forwarded-ELB-IP": true },
    tags: { app: "db" },
  },
};

/**
 * fullProviderOf makes a plan bundle's `import("./provider")` (in host.ts) a require of the kind's full bundle, which
 * sits beside it in dist/host/.
 */
const fullProviderOf = (dir) => ({
  name: "full provider beside the plan",
  setup(b) {
    b.onResolve({ filter: /^\.\/provider$/ }, (args) =>
      args.importer === resolve(`src/${dir}/host.ts`)
        ? { path: `./${kindOf(dir).slice("host/".length)}.js`, external: true }
        : undefined,
    );
  },
});

rmSync("dist/host", { recursive: true, force: true });
await Promise.all(
  PROVIDERS.flatMap((dir) => [
    build({
      ...common,
      entryPoints: [`src/${dir}/host.ts`],
      outfile: `dist/${kindOf(dir)}.plan.js`,
      // `import()` of the full provider becomes `Promise.resolve().then(() => require(...))`: Node's require.
      supported: { "dynamic-import": false },
      // Keeping names costs a defineProperty per function (about 75) when a first check runs the top level, about
      // 0.2 ms of it. The plan throws nothing but errors whose classes set their own `name` (ConfigError), and its
      // failures are data, so its minified function names reach no user.
      keepNames: false,
      plugins: [...common.plugins, fullProviderOf(dir)],
    }),
    build({ ...common, entryPoints: [`src/${dir}/provider.ts`], outfile: `dist/${kindOf(dir)}.js` }),
  ]),
);

await build({
  ...common,
  entryPoints: ["src/providerHost.ts"],
  outfile: "dist/providerHost.js",
  allowOverwrite: true,
  // As for the plans: what a first check runs, without a defineProperty per function.
  keepNames: false,
  plugins: [],
});
// tsc's map of providerHost.js describes the file the bundle replaced.
rmSync("dist/providerHost.js.map", { force: true });

// The code caches: each plan bundle is compiled, configured and asked to check a sample, then V8's cache is written.
// The plans read their settings from process.env, as in the host: this machine's cloud settings are left out.
for (const name of Object.keys(process.env)) {
  if (/^(ALICLOUD|ALIBABA_CLOUD|HW|PULUMI_LB_LISTENERS)_/.test(name)) delete process.env[name];
}
const { writeCodeCache } = createRequire(import.meta.url)("../dist/core/codeCache.js");
for (const dir of PROVIDERS) {
  const sample = SAMPLES[dir];
  if (sample === undefined) throw new Error(`scripts/bundleHost.mjs has no sample inputs for ${dir}`);
  await writeCodeCache(
    resolve(`dist/${kindOf(dir)}.plan.js`),
    bundleName(`${kindOf(dir)}.plan.js`),
    async (exports) => {
      if (typeof exports.hosted !== "function") throw new Error(`dist/${kindOf(dir)}.plan.js exports no hosted()`);
      const plan = exports.hosted();
      await plan.configure({ config: new Map() });
      const checked = await plan.check({}, sample);
      if (checked.failures?.length) {
        throw new Error(`the sample inputs of ${dir} fail check: ${JSON.stringify(checked.failures)}`);
      }
      await plan.check({}, {});
      await plan.diff("sample", { ...checked.inputs }, checked.inputs);
    },
  );
}
