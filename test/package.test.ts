/**
 * The package as a dependency: `npm pack`, extracted into scratch programs, serialized through `dynamic.Resource`
 * there, and run by the real dynamic-provider host with the scratch program as cwd, so every path the shim
 * requires must resolve through the package's `exports` map exactly as under the Pulumi CLI.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DynamicProviderHost } from "../src/engine/host";
import { HOST_BUNDLES, hostModule, type ProviderKind } from "../src/providerShim";
import { buildAndPack, installTarball, serializeProviders, tarballFiles } from "./support/packed";
import { REPO_ROOT, removeScratchDirs } from "./support/scratch";

afterAll(() => removeScratchDirs());

const SECRET = "packed-secret-Hc72LmQ9vT";

function serializeIn(dir: string): Record<string, string> {
  return serializeProviders(dir, { ALICLOUD_SECRET_KEY: SECRET, HW_SECRET_KEY: SECRET });
}

describe("the packed package installed in a scratch program", () => {
  let tarball: string;
  let first: string;
  let second: string;

  beforeAll(() => {
    tarball = buildAndPack();
    first = installTarball(tarball, "program-a");
    second = installTarball(tarball, "program-b");
  }, 180000);

  it("ships the built entry points and no specs", () => {
    const files = tarballFiles(tarball);
    expect(files).toEqual(
      expect.arrayContaining(["package.json", "dist/index.js", "dist/providerHost.js", "dist/emulator/index.js"]),
    );
    expect(files.filter((f) => f.includes(".spec."))).toEqual([]);
  });

  it("ships what users run (library, provider host, emulator) and leaves the repository's tools out", () => {
    const files = tarballFiles(tarball);
    expect(files).toEqual(
      expect.arrayContaining([
        "dist/index.js",
        "dist/providerHost.js",
        "dist/emulator/index.js",
        "dist/emulator/cli.js",
      ]),
    );
    const tools = ["dist/bench/", "dist/demo/", "dist/engine/", "dist/program/"];
    expect(files.filter((f) => tools.some((folder) => f.startsWith(folder)))).toEqual([]);
  });

  it("ships every file its exports map (the host pattern for every kind) and bin name", () => {
    const files = new Set(tarballFiles(tarball));
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      exports: Record<string, string | Record<string, string>>;
      bin: Record<string, string>;
    };
    const targets = [
      ...Object.values(manifest.exports).flatMap((target) =>
        typeof target === "string" ? [target] : Object.values(target),
      ),
      ...Object.values(manifest.bin),
    ]
      // A pattern export (`./dist/host/*.plan.js`) must serve every kind's bundle.
      .flatMap((target) =>
        target.includes("*") ? Object.values(HOST_BUNDLES).map((bundle) => target.replace("*", bundle)) : [target],
      )
      .map((target) => target.replace(/^\.\//, ""));
    expect(targets.filter((target) => target.includes("/host/")).length).toBe(Object.keys(HOST_BUNDLES).length);
    expect(targets.filter((target) => !files.has(target))).toEqual([]);
  });

  it("runs lb-emulator from the installed package", () => {
    const cli = path.join(first, "node_modules", "pulumi-lb-listeners", "dist", "emulator", "cli.js");
    const help = execFileSync(process.execPath, [cli, "--help"], { cwd: first, encoding: "utf8" });
    expect(help.split("\n")[0]).toBe("Usage: lb-emulator [flags]");
  });

  it("serializes both providers to the same small, secret-free text in two different directories", () => {
    const a = serializeIn(first);
    const b = serializeIn(second);
    expect(Object.keys(a).sort()).toEqual([
      "pulumi-nodejs:dynamic/aliyun:HttpsListener",
      "pulumi-nodejs:dynamic/huawei:ElbListener",
    ]);
    expect(b).toEqual(a);
    for (const text of Object.values(a)) {
      expect(Buffer.byteLength(text)).toBeLessThan(4096);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(first);
      expect(text).not.toContain(REPO_ROOT);
    }
  });

  it("resolves the host module each serialized provider requires, through the exports map", () => {
    const texts = Object.values(serializeIn(first));
    expect(texts.every((t) => t.includes("require(this.module)"))).toBe(true);
    const modules = texts.flatMap((t) => [...t.matchAll(/module: "([^"]+)"/g)].map((m) => m[1])).sort();
    expect(modules).toEqual(["pulumi-lb-listeners/host/aliyun", "pulumi-lb-listeners/host/huawei"]);
  });

  it("exports every kind's plan bundle as its host module", () => {
    const kinds = Object.keys(HOST_BUNDLES) as ProviderKind[];
    expect(kinds.map((kind) => path.relative(first, require.resolve(hostModule(kind), { paths: [first] })))).toEqual(
      kinds.map((kind) =>
        path.join("node_modules", "pulumi-lb-listeners", "dist", "host", `${HOST_BUNDLES[kind]}.plan.js`),
      ),
    );
  });

  it("runs both providers' check in the real host with the scratch program as cwd", async () => {
    const texts = serializeIn(first);
    const host = await DynamicProviderHost.start({ programDir: first });
    try {
      await host.configure({});
      const aliyun = await host.check(
        "urn:web",
        {},
        { __provider: texts["pulumi-nodejs:dynamic/aliyun:HttpsListener"] },
      );
      expect(aliyun.failures).toEqual(
        expect.arrayContaining([{ property: "listenerPort", reason: "listenerPort is required" }]),
      );
      const huawei = await host.check("urn:api", {}, { __provider: texts["pulumi-nodejs:dynamic/huawei:ElbListener"] });
      expect(huawei.failures).toEqual(expect.arrayContaining([{ property: "port", reason: "port is required" }]));
    } finally {
      await host.close();
    }
    expect(host.stderr).toBe("");
  });

  it("ships each resource kind's plan and its full provider as host bundles", () => {
    const host = tarballFiles(tarball)
      .filter((f) => f.startsWith("dist/host/"))
      .sort();
    // Every kind of the registry, and nothing else.
    const kinds = Object.values(HOST_BUNDLES);
    expect(host).toEqual(kinds.flatMap((k) => [`dist/host/${k}.js`, `dist/host/${k}.plan.js`]).sort());
  });

  it("answers check and diff from the plan alone and loads the full provider on the first read", () => {
    const script = [
      'const { provider } = require("pulumi-lb-listeners/host/huawei");',
      'const loaded = () => Object.keys(require.cache).filter((f) => f.includes("dist/host/")).map((f) => f.split("dist/host/")[1]);',
      "(async () => {",
      "  await provider.configure({ config: new Map() });",
      '  const news = { name: "api", loadbalancerId: "lb-1", protocol: "HTTP", port: 80, backendProtocol: "HTTP", backendPort: 8080, lbAlgorithm: "roundrobin" };',
      "  const checked = await provider.check({}, news);",
      '  const diff = await provider.diff("id-1", { ...checked.inputs }, checked.inputs);',
      "  const afterPlan = loaded();",
      '  const read = await provider.read("id-1", {}).then(() => "read", (e) => e.name);',
      "  console.log(JSON.stringify({ failures: checked.failures ?? [], diff, afterPlan, read, afterRead: loaded() }));",
      "})();",
    ].join("\n");
    const out: unknown = JSON.parse(
      execFileSync(process.execPath, ["-e", script], {
        cwd: first,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "" },
      }),
    );
    expect(out).toEqual({
      failures: [],
      diff: { changes: false, replaces: [], deleteBeforeReplace: false },
      afterPlan: ["huawei.plan.js"],
      read: "ConfigError",
      afterRead: ["huawei.plan.js", "huawei.js"],
    });
  });

  it("serves state of earlier releases through provider-host, the same provider as the host module's", () => {
    const script = [
      'const { providerFor } = require("pulumi-lb-listeners/provider-host");',
      `const same = Object.entries(${JSON.stringify(HOST_BUNDLES)})`,
      '  .map(([kind, bundle]) => providerFor(kind) === require("pulumi-lb-listeners/host/" + bundle).provider);',
      "console.log(JSON.stringify(same));",
    ].join("\n");
    const out = execFileSync(process.execPath, ["-e", script], { cwd: first, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual(Object.keys(HOST_BUNDLES).map(() => true));
  });

  it("refuses a kind it has no bundle for, naming it (a state written by a newer release)", () => {
    const script = [
      'const { providerFor } = require("pulumi-lb-listeners/provider-host");',
      'try { providerFor("huawei:ElbV4Listener"); console.log("served"); } catch (e) { console.log(e.message); }',
      'try { providerFor("toString"); console.log("served"); } catch (e) { console.log(e.message); }',
    ].join("\n");
    const out = execFileSync(process.execPath, ["-e", script], { cwd: first, encoding: "utf8" });
    expect(out).toBe("unknown provider kind huawei:ElbV4Listener\nunknown provider kind toString\n");
  });

  it("lets an ESM program (type: module) import every export by name", () => {
    const dir = installTarball(tarball, "esm-program");
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, unknown>;
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ ...manifest, type: "module" }));
    fs.writeFileSync(
      path.join(dir, "index.js"),
      [
        'import { HttpsListener, ElbListener } from "pulumi-lb-listeners";',
        'import { providerFor } from "pulumi-lb-listeners/provider-host";',
        'import * as esm from "pulumi-lb-listeners";',
        'import { createRequire } from "node:module";',
        'const cjs = createRequire(import.meta.url)("pulumi-lb-listeners");',
        'const named = Object.keys(esm).filter((k) => k !== "default").sort();',
        "const missing = Object.keys(cjs).filter((k) => !named.includes(k));",
        "console.log(JSON.stringify({ https: typeof HttpsListener, elb: typeof ElbListener, providerFor: typeof providerFor, missing, count: named.length }));",
      ].join("\n"),
    );
    const out = JSON.parse(execFileSync(process.execPath, ["index.js"], { cwd: dir, encoding: "utf8" })) as {
      count: number;
    };
    expect(out).toEqual({ https: "function", elb: "function", providerFor: "function", missing: [], count: out.count });
    expect(out.count).toBeGreaterThan(10);
  });
});
