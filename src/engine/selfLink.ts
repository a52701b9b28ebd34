/**
 * The dynamic-provider host deserializes `__provider` with `require-from-string`, which resolves
 * `pulumi-lb-listeners/provider-host` through `node_modules` of its cwd (the Pulumi project directory) and never by
 * package self-reference. A user's project has the package in node_modules; this repository's own top-level program
 * (Pulumi.yaml at the root) does not, so `npm install` links `node_modules/pulumi-lb-listeners` to the repository,
 * as `npm link` would. Run as a script from the package root (the `prepare` step); a no-op inside node_modules.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const PACKAGE_NAME = "pulumi-lb-listeners";

/**
 * ensureSelfLink makes `<root>/node_modules/pulumi-lb-listeners` point at `root` when `root` is this package's own
 * checkout (not an installed copy) and nothing is there yet; it returns whether the package now resolves there.
 */
export function ensureSelfLink(root: string): boolean {
  const manifest = path.join(root, "package.json");
  if (!fs.existsSync(manifest)) return false;
  const { name } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string };
  if (name !== PACKAGE_NAME || path.basename(path.dirname(root)) === "node_modules") return false;
  const modules = path.join(root, "node_modules");
  const link = path.join(modules, PACKAGE_NAME);
  if (fs.existsSync(link)) return true;
  if (!fs.existsSync(modules)) return false;
  // A relative target keeps the checkout movable.
  fs.symlinkSync("..", link, "dir");
  return true;
}

/** packageRootOf finds the nearest directory at or above `dir` whose package.json names this package. */
export function packageRootOf(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const manifest = path.join(current, "package.json");
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string };
      return name === PACKAGE_NAME ? current : undefined;
    }
    if (path.dirname(current) === current) return undefined;
  }
}

if (require.main === module) ensureSelfLink(process.cwd());
