/**
 * The harness's state file: what a stack's last run left behind, keyed by URN, as the Pulumi engine's checkpoint
 * would hold it (type, id, inputs, outputs). Secret values are never written: a secret property is stored as a
 * digest marker, and the harness puts the live value back when the program declares the same value again.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { PropertyMap } from "./host";

/** ResourceState is one managed resource in the state file. */
export interface ResourceState {
  readonly type: string;
  readonly name: string;
  readonly id: string;
  readonly inputs: PropertyMap;
  readonly outputs: PropertyMap;
  /** secretKeys names the top-level properties whose values are secret (stored as digest markers). */
  readonly secretKeys?: readonly string[];
}

/** StackState is the whole state file of one stack; `resources` keeps creation order (deletes run in reverse). */
export interface StackState {
  readonly version: 1;
  readonly stack: string;
  readonly project: string;
  resources: Record<string, ResourceState>;
}

/** SECRET_MARKER_KEY is the key of the object that stands in the state file for a secret value. */
export const SECRET_MARKER_KEY = "secretSha256";

/** emptyState is the state of a stack that has never run. */
export function emptyState(project: string, stack: string): StackState {
  return { version: 1, stack, project, resources: {} };
}

/** readState loads a state file, or returns an empty state when there is none yet. */
export function readState(file: string, project: string, stack: string): StackState {
  if (!fs.existsSync(file)) return emptyState(project, stack);
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as StackState;
  if (parsed.version !== 1 || typeof parsed.resources !== "object") {
    throw new Error(`${file} is not a harness state file (version 1)`);
  }
  return parsed;
}

/** writeState saves a state file atomically (write then rename), creating its directory. */
export function writeState(file: string, state: StackState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

function digest(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/** maskSecrets replaces the named properties by digest markers, for writing to the state file. */
export function maskSecrets(properties: PropertyMap, secretKeys: readonly string[]): PropertyMap {
  const masked: PropertyMap = { ...properties };
  for (const key of secretKeys) {
    if (key in masked) masked[key] = { [SECRET_MARKER_KEY]: digest(masked[key]) };
  }
  return masked;
}

/**
 * restoreSecrets puts live values back in place of digest markers when the newly declared value has the same
 * digest; a marker whose value changed stays a marker (the provider then sees a changed property).
 */
export function restoreSecrets(stored: PropertyMap, declared: PropertyMap): PropertyMap {
  const restored: PropertyMap = { ...stored };
  for (const [key, value] of Object.entries(stored)) {
    if (value !== null && typeof value === "object" && SECRET_MARKER_KEY in value) {
      const marker = (value as Record<string, unknown>)[SECRET_MARKER_KEY];
      if (key in declared && digest(declared[key]) === marker) restored[key] = declared[key];
    }
  }
  return restored;
}

/** defaultStateFile is where a stack's state lives when the run names no file: `<programDir>/.harness-state/<stack>.json`. */
export function defaultStateFile(programDir: string, stack: string): string {
  return path.join(programDir, ".harness-state", `${stack}.json`);
}
