/**
 * The package as a dependency: `npm pack`, extracted into scratch programs, serialized through `dynamic.Resource`
 * there, and run by the real dynamic-provider host with the scratch program as cwd, so every path the shim
 * requires must resolve through the package's `exports` map exactly as under the Pulumi CLI.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DynamicProviderHost } from "../src/engine/host";
import { buildAndPack, installTarball, tarballFiles } from "./support/packed";
import { REPO_ROOT, removeScratchDirs } from "./support/scratch";

afterAll(() => removeScratchDirs());

const SECRET = "packed-secret-Hc72LmQ9vT";

// Runs in the scratch program: constructs both resources under mocks and prints their `__provider` texts.
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

function serializeIn(dir: string): Record<string, string> {
  fs.writeFileSync(path.join(dir, "serialize.js"), SERIALIZE_SCRIPT);
  const out = execFileSync(process.execPath, ["serialize.js"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ALICLOUD_SECRET_KEY: SECRET, HW_SECRET_KEY: SECRET },
  });
  return JSON.parse(out) as Record<string, string>;
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

  it("ships every file its exports map and bin name", () => {
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
    ].map((target) => target.replace(/^\.\//, ""));
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

  it("resolves every package path the shim requires from the scratch program, through the exports map", () => {
    const texts = Object.values(serializeIn(first));
    const requests = new Set(texts.flatMap((t) => [...t.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])));
    expect([...requests]).toEqual(["pulumi-lb-listeners/provider-host"]);
    for (const request of requests) {
      const resolved = require.resolve(request, { paths: [first] });
      expect(resolved).toBe(path.join(first, "node_modules", "pulumi-lb-listeners", "dist", "providerHost.js"));
    }
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
});
