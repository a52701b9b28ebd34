/**
 * What the package's modules export and what their comments say: an export is something another module or the
 * public API uses, and a comment or a spec name gives a reason, not the project's history.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { HOST_BUNDLES } from "../src/providerShim";
import { unusedExports } from "./support/exportUse";

const ROOT = path.resolve(__dirname, "..");

/**
 * ENTRY_CONTRACTS are exports loaded by a path string rather than an import: the `provider-host` entry that state of
 * earlier releases names (`require("pulumi-lb-listeners/provider-host").providerFor(kind)`), and each kind's host
 * module, which its serialized provider requires as `pulumi-lb-listeners/host/<bundle>` for its `provider`.
 */
const ENTRY_CONTRACTS = new Set([
  "src/providerHost.ts providerFor",
  ...Object.values(HOST_BUNDLES).map((bundle) => `src/${bundle.replace(/-/g, "/")}/host.ts provider`),
]);

/** owned selects the modules whose exports must be used: the package's own, without the tools and entry indexes. */
const owned = (file: string): boolean =>
  file.startsWith("src/") &&
  !/\.spec\.ts$|\.fixture\.ts$|(^|\/)testing\.ts$|(^|\/)index\.ts$/.test(file) &&
  !/^src\/(bench|demo|engine|program)\//.test(file);

describe("exports", () => {
  it("are each imported by another module or re-exported by an entry point", () => {
    const unused = unusedExports(owned)
      .map((u) => `${u.file} ${u.name}`)
      .filter((u) => !ENTRY_CONTRACTS.has(u));
    expect(unused).toEqual([]);
  }, 120000);
});

/** HISTORY matches what a comment or spec name says of the project's past: its issues, findings, bench figures. */
const HISTORY = /\b(?:issue|finding)s? \d+\b|\bfigure \d\b/i;

/** CITATION marks a line that cites another project's issue (a source), which stays. */
const CITATION = /terraform-provider|alibaba\/|github\.com|opentelekomcloud\/|huaweicloud\//i;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(p);
    return /\.(ts|mjs)$/.test(entry.name) ? [p] : [];
  });
}

describe("comments and spec names", () => {
  it("carry no project history (issue or finding numbers, bench figures) outside the bench", () => {
    const files = [
      ...sourceFiles(path.join(ROOT, "src")),
      ...sourceFiles(path.join(ROOT, "test")),
      ...sourceFiles(path.join(ROOT, "scripts")),
    ].filter((f) => !f.includes(`${path.sep}bench${path.sep}`) && f !== __filename);
    const found = files.flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => HISTORY.test(line) && !CITATION.test(line))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
