/**
 * One lock table for the process, however the kinds are bundled. The dynamic-provider host loads each kind's full
 * provider from its own bundle (dist/host/<bundle>.js); the per-load-balancer lock is a module value of core/pipeline,
 * so every kind must reach the one compiled module in dist/core rather than hold a copy of it.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { HOST_BUNDLES } from "../src/providerShim";
import { buildDist } from "./support/packed";
import { REPO_ROOT } from "./support/scratch";

const DIST = path.join(REPO_ROOT, "dist");
const BUNDLES = Object.values(HOST_BUNDLES);

beforeAll(() => buildDist(), 180000);

describe("the full providers' bundles", () => {
  it.each(BUNDLES)("%s requires core/pipeline from dist/core and holds no copy of the lock table", (bundle) => {
    const text = fs.readFileSync(path.join(DIST, "host", `${bundle}.js`), "utf8");
    expect(text).toContain('require("../core/pipeline.js")');
    // keepNames keeps class names in the full bundles: a copy of the pipeline would carry its lock table's class.
    expect(text).not.toMatch(/class KeyedMutex|KeyedMutex=class/);
  });

  it("load one pipeline module between them in one process, as the host loads them", () => {
    const script = `
      const dist = ${JSON.stringify(DIST)};
      for (const b of ${JSON.stringify(BUNDLES)}) require(dist + "/host/" + b + ".js");
      const pipelines = Object.keys(require.cache).filter((k) => k.endsWith("/core/pipeline.js"));
      console.log(JSON.stringify(pipelines.map((k) => k.slice(dist.length))));
    `;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual(["/core/pipeline.js"]);
  });
});
