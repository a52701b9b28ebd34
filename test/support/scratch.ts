/**
 * Scratch program directories inside the repository (`.tmp/`, git-ignored), so a program there resolves the
 * repository's node_modules by parent-directory lookup exactly as an installed project would.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** REPO_ROOT is the repository's root directory. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

const created: string[] = [];

/** makeScratchDir creates an empty directory under `<repo>/.tmp/` and returns its path. */
export function makeScratchDir(label: string): string {
  const dir = path.join(REPO_ROOT, ".tmp", `${label}-${randomBytes(4).toString("hex")}`);
  fs.mkdirSync(dir, { recursive: true });
  created.push(dir);
  return dir;
}

/** removeScratchDirs deletes every directory makeScratchDir created in this test file. */
export function removeScratchDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** writeProject writes `Pulumi.yaml` and one `Pulumi.<stack>.yaml` per entry of `stacks` (key: value lines). */
export function writeProject(dir: string, name: string, stacks: Record<string, Record<string, string>>): void {
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  for (const [stack, config] of Object.entries(stacks)) {
    const lines = Object.entries(config).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`);
    fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), `config:\n${lines.join("\n")}\n`);
  }
}
