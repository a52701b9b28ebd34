/**
 * The package as users install it, for figures 5 and 6: `npm pack` of this checkout's built `dist/`, extracted as
 * `node_modules/pulumi-lb-listeners` of a scratch program under `<repo>/.tmp/` (git-ignored), plus the `__provider`
 * text each resource serializes when a program in that directory constructs it.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** PACKAGE_ROOT is this checkout (the bench runs from `<root>/dist/bench/`). */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

/** InstalledPackage is a scratch program with the packed package installed. */
export interface InstalledPackage {
  readonly tarball: string;
  readonly tarballBytes: number;
  /** programDir is the scratch program: the dynamic-provider host's cwd. */
  readonly programDir: string;
  /** providerTexts are the serialized `__provider` texts by kind (`aliyun:HttpsListener`, `huawei:ElbListener`). */
  readonly providerTexts: Readonly<Record<string, string>>;
  remove(): void;
}

// Runs in the scratch program: constructs both resources under mocks and prints their `__provider` texts.
const SERIALIZE_SCRIPT = `
const pulumi = require("@pulumi/pulumi");
const lb = require("pulumi-lb-listeners");
(async () => {
  const texts = {};
  await pulumi.runtime.setMocks({
    newResource: (a) => {
      if (typeof a.inputs.__provider === "string") texts[a.type.replace("pulumi-nodejs:dynamic/", "")] = a.inputs.__provider;
      return { id: a.name + "-id", state: a.inputs };
    },
    call: () => ({}),
  }, "bench", "dev", false);
  new lb.HttpsListener("web", { loadBalancerId: "lb-1", listenerPort: 443, bandwidth: -1, healthCheck: "off",
    serverCertificateId: "cert-1", stickySession: "off", backendServerPort: 80 });
  new lb.ElbListener("api", { name: "api", loadbalancerId: "lb-2", protocol: "HTTP", port: 80, backendProtocol: "HTTP",
    backendPort: 8080, lbAlgorithm: "roundrobin" });
  await pulumi.runtime.disconnect();
  process.stdout.write(JSON.stringify(texts));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/**
 * installPacked packs the checkout (scripts off: `npm run build` made dist/ already), installs the tarball in a
 * fresh scratch program and serializes both resources there.
 */
export function installPacked(): InstalledPackage {
  const dir = path.join(PACKAGE_ROOT, ".tmp", `bench-${randomBytes(4).toString("hex")}`);
  const packDir = path.join(dir, "pack");
  const programDir = path.join(dir, "program");
  fs.mkdirSync(packDir, { recursive: true });
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], {
    cwd: PACKAGE_ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [{ filename }] = JSON.parse(out) as { filename: string }[];
  const tarball = path.join(packDir, filename);
  const target = path.join(programDir, "node_modules", "pulumi-lb-listeners");
  fs.mkdirSync(target, { recursive: true });
  // Its own package.json keeps Node from resolving the package by self-reference to this checkout.
  fs.writeFileSync(
    path.join(programDir, "package.json"),
    JSON.stringify({ name: "bench-program", private: true, dependencies: { "pulumi-lb-listeners": "*" } }),
  );
  execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
  fs.writeFileSync(path.join(programDir, "serialize.js"), SERIALIZE_SCRIPT);
  const texts = execFileSync(process.execPath, ["serialize.js"], { cwd: programDir, encoding: "utf8" });
  return {
    tarball,
    tarballBytes: fs.statSync(tarball).size,
    programDir,
    providerTexts: JSON.parse(texts) as Record<string, string>,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
