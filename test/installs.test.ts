/**
 * The packed package installed from the registry the way users install it, next to their own `@pulumi/pulumi`:
 * with npm next to the newest 3.x (one copy of the SDK, not a second one under this package), with npm next to the
 * lowest version the package supports (3.139.0, the first whose dynamic-provider host calls `configure`), and with
 * pnpm (its symlinked layout must let the host resolve `pulumi-lb-listeners/provider-host`). These need the npm
 * registry; each project lives outside the repository so nothing resolves through the repository's node_modules.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { DynamicProviderHost } from "../src/engine/host";
import { buildAndPack, serializeProviders } from "./support/packed";

/** NEWEST_PULUMI is the newest 3.x on the registry when this was written (its engines say Node >= 22). */
const NEWEST_PULUMI = "3.276.0";
/** LOWEST_PULUMI is the lowest version the peer range `^3.139.0` admits. */
const LOWEST_PULUMI = "3.139.0";
/** NODE20_PULUMI is the version this repository pins for its own install, the newest that supports Node 20. */
const NODE20_PULUMI = "3.248.0";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** project writes a package.json depending on the tarball and on one `@pulumi/pulumi`, outside the repository. */
function project(label: string, tarball: string, pulumi: string, extra: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lb-listeners-${label}-`));
  dirs.push(dir);
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({
      name: `scratch-${label}`,
      private: true,
      dependencies: { "@pulumi/pulumi": pulumi, "pulumi-lb-listeners": `file:${tarball}` },
      ...extra,
    }),
  );
  return dir;
}

const run = promisify(execFile);

const figures: Record<string, string> = {};

async function timed(label: string, work: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await work();
  figures[label] = `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

const NPM_FLAGS = [
  "--prefer-offline",
  "--ignore-scripts",
  "--no-audit",
  "--no-fund",
  "--engine-strict=false",
  "--loglevel=error",
];

async function npmInstall(dir: string): Promise<void> {
  await run("npm", ["install", ...NPM_FLAGS], { cwd: dir });
}

async function pnpmInstall(dir: string): Promise<void> {
  await run("npx", ["--yes", "pnpm@9", "install", "--prefer-offline", "--ignore-scripts", "--reporter=silent"], {
    cwd: dir,
  });
}

/** pulumiCopies lists every installed `@pulumi/pulumi` under a project (path relative to it, and version). */
function pulumiCopies(dir: string): string[] {
  const found: string[] = [];
  const walk = (nodeModules: string): void => {
    if (!fs.existsSync(nodeModules)) return;
    for (const entry of fs.readdirSync(nodeModules, { withFileTypes: true })) {
      const full = path.join(nodeModules, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.name === "@pulumi" && entry.isDirectory()) {
        const manifest = path.join(full, "pulumi", "package.json");
        if (fs.existsSync(manifest)) {
          const { version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string };
          found.push(`${path.relative(dir, path.join(full, "pulumi"))}@${version}`);
        }
      }
      if (!entry.isDirectory()) continue;
      if (entry.name.startsWith("@")) {
        for (const scoped of fs.readdirSync(full)) walk(path.join(full, scoped, "node_modules"));
      } else {
        walk(path.join(full, "node_modules"));
      }
    }
  };
  walk(path.join(dir, "node_modules"));
  return found.sort();
}

/** hostCheckWithRegion runs the Aliyun check in the real host of `dir` after configuring `alicloud:region`. */
async function hostCheckWithRegion(dir: string): Promise<{ regionId: unknown; stderr: string }> {
  const texts = serializeProviders(dir);
  const host = await DynamicProviderHost.start({ programDir: dir });
  try {
    await host.configure({ "alicloud:region": { value: "cn-shanghai", secret: false } });
    const checked = await host.check(
      "urn:web",
      {},
      {
        __provider: texts["pulumi-nodejs:dynamic/aliyun:HttpsListener"],
        loadBalancerId: "lb-1",
        listenerPort: 443,
        backendServerPort: 80,
        bandwidth: 10,
        healthCheck: "off",
        serverCertificateId: "cert-1",
        stickySession: "off",
      },
    );
    expect(checked.failures).toEqual([]);
    return { regionId: checked.inputs.regionId, stderr: host.stderr };
  } finally {
    await host.close();
  }
}

describe("the packed package installed from the registry", () => {
  /** The three projects, each installed once its install resolves; the installs share nothing, so they run at once. */
  let installed: { readonly newest: Promise<string>; readonly lowest: Promise<string>; readonly pnpm: Promise<string> };

  beforeAll(() => {
    const tarball = buildAndPack();
    const install = (label: string, pulumi: string, how: (dir: string) => Promise<void>, figure: string) => {
      const dir = project(label, tarball, pulumi);
      const done = timed(figure, () => how(dir)).then(() => dir);
      // The test that needs it awaits it (and fails with its error); until then a failure is not unhandled.
      done.catch(() => undefined);
      return done;
    };
    installed = {
      newest: install("npm-newest", NEWEST_PULUMI, npmInstall, `npm install with ${NEWEST_PULUMI}`),
      lowest: install("npm-lowest", LOWEST_PULUMI, npmInstall, `npm install with ${LOWEST_PULUMI}`),
      pnpm: install("pnpm", NODE20_PULUMI, pnpmInstall, `pnpm install with ${NODE20_PULUMI}`),
    };
  }, 180000);

  afterAll(() => {
    // Install times on this machine (the three side by side), printed so that a slow install shows in the output.
    console.log(`install figures: ${JSON.stringify(figures)}`);
  });

  it(`shares the program's @pulumi/pulumi ${NEWEST_PULUMI} (npm): one copy in node_modules`, async () => {
    const dir = await installed.newest;
    expect(pulumiCopies(dir)).toEqual([`node_modules/@pulumi/pulumi@${NEWEST_PULUMI}`]);
  }, 300000);

  it(`runs with the lowest supported @pulumi/pulumi ${LOWEST_PULUMI}, whose host hands the stack config to configure`, async () => {
    const dir = await installed.lowest;
    expect(pulumiCopies(dir)).toEqual([`node_modules/@pulumi/pulumi@${LOWEST_PULUMI}`]);
    const { regionId } = await hostCheckWithRegion(dir);
    expect(regionId).toBe("cn-shanghai");
  }, 300000);

  it("runs from a pnpm layout: the host resolves pulumi-lb-listeners/provider-host, one copy of the SDK", async () => {
    const dir = await installed.pnpm;
    expect(fs.lstatSync(path.join(dir, "node_modules", "pulumi-lb-listeners")).isSymbolicLink()).toBe(true);
    const store = fs
      .readdirSync(path.join(dir, "node_modules", ".pnpm"))
      .filter((e) => e.startsWith("@pulumi+pulumi@"));
    expect(store).toEqual([`@pulumi+pulumi@${NODE20_PULUMI}`]);
    const { regionId } = await hostCheckWithRegion(dir);
    expect(regionId).toBe("cn-shanghai");
  }, 300000);
});
