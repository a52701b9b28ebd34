/**
 * Reading a Pulumi project the way the CLI does: `Pulumi.yaml` (name, runtime, main) and `Pulumi.<stack>.yaml`
 * (`config:` with namespaced keys). Plain values become strings as `pulumi config` stores them (objects as JSON).
 * A `secure:` value is decrypted with the stack file's `encryptionsalt` and the passphrase (as the CLI's passphrase
 * secrets provider does), or taken from the caller's overrides.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import type { ConfigValue, StackConfig } from "./host";
import { decryptValue, passphraseKey } from "./passphrase";

/** ProjectFile is the part of `Pulumi.yaml` the harness uses. */
export interface ProjectFile {
  readonly name: string;
  readonly runtime: string;
  readonly main?: string;
}

/** readProjectFile reads `Pulumi.yaml` in a directory, or returns undefined when there is none. */
export function readProjectFile(programDir: string): ProjectFile | undefined {
  const file = path.join(programDir, "Pulumi.yaml");
  if (!fs.existsSync(file)) return undefined;
  const parsed = yaml.load(fs.readFileSync(file, "utf8")) as Record<string, unknown> | null;
  if (!parsed || typeof parsed.name !== "string") throw new Error(`${file} has no project name`);
  const runtime = parsed.runtime;
  const runtimeName =
    typeof runtime === "string"
      ? runtime
      : runtime && typeof runtime === "object" && "name" in runtime
        ? String((runtime as { name: unknown }).name)
        : "";
  return {
    name: parsed.name,
    runtime: runtimeName,
    main: typeof parsed.main === "string" ? parsed.main : undefined,
  };
}

/** qualifyKey gives a configuration key its namespace (the project's) when it has none, as the CLI does. */
export function qualifyKey(project: string, key: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

function configText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * readStackConfig loads `Pulumi.<stack>.yaml` (absent file: empty config) and applies `overrides` (plain strings or
 * `{value, secret}`) on top. A `secure:` entry is decrypted with `passphrase` (default PULUMI_CONFIG_PASSPHRASE)
 * and the file's `encryptionsalt`, or must have its plaintext in `overrides`; otherwise it is reported by key.
 */
export function readStackConfig(
  programDir: string,
  project: string,
  stack: string,
  overrides: Readonly<Record<string, string | ConfigValue>> = {},
  passphrase: string | undefined = process.env.PULUMI_CONFIG_PASSPHRASE,
): StackConfig {
  const file = path.join(programDir, `Pulumi.${stack}.yaml`);
  const config: Record<string, ConfigValue> = {};
  const missingSecrets: string[] = [];
  const qualifiedOverrides = new Map(Object.entries(overrides).map(([k, v]) => [qualifyKey(project, k), v]));
  if (fs.existsSync(file)) {
    const parsed = yaml.load(fs.readFileSync(file, "utf8")) as {
      config?: Record<string, unknown>;
      encryptionsalt?: string;
    } | null;
    for (const [rawKey, value] of Object.entries(parsed?.config ?? {})) {
      const key = qualifyKey(project, rawKey);
      if (value !== null && typeof value === "object" && "secure" in value) {
        if (qualifiedOverrides.has(key)) continue;
        const ciphertext = (value as { secure: unknown }).secure;
        if (passphrase === undefined || !parsed?.encryptionsalt || typeof ciphertext !== "string") {
          missingSecrets.push(key);
          continue;
        }
        const plaintext = decryptValue(ciphertext, passphraseKey(passphrase, parsed.encryptionsalt));
        config[key] = { value: plaintext, secret: true };
        continue;
      }
      config[key] = { value: configText(value), secret: false };
    }
  }
  if (missingSecrets.length > 0) {
    throw new Error(
      `${path.basename(file)} holds encrypted values the harness cannot decrypt (${missingSecrets.join(", ")}); ` +
        `set PULUMI_CONFIG_PASSPHRASE (with the file's encryptionsalt) or pass their plaintext as config overrides`,
    );
  }
  for (const [key, value] of qualifiedOverrides) {
    config[key] = typeof value === "string" ? { value, secret: false } : value;
  }
  return config;
}
