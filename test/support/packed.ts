/**
 * The package as users install it: built, packed with `npm pack`, and extracted as a dependency of scratch programs
 * inside the repository (`.tmp/`), whose own package.json keeps Node from resolving the package by self-reference.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeScratchDir, REPO_ROOT } from "./scratch";

/**
 * buildDist compiles src/ to dist/, which the dynamic-provider host loads through the installed package (the self
 * link `node_modules/pulumi-lb-listeners` in this checkout, or an extracted tarball).
 */
export function buildDist(): void {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: REPO_ROOT,
    stdio: "pipe",
  });
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
