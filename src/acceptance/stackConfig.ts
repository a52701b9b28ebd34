/**
 * The providers' settings from a stack file, for the acceptance run and the sweep: what `pulumi up` would hand the
 * providers of that stack, read by the engine harness's own reader (secure values decrypted with
 * `PULUMI_CONFIG_PASSPHRASE`).
 */
import * as path from "node:path";
import type { StackConfig } from "../engine/host";
import { readProjectFile, readStackConfig } from "../engine/project";

/** PROVIDER_NAMESPACES are the config namespaces a stack file lends the run: the providers' and this package's. */
const PROVIDER_NAMESPACES = ["alicloud:", "huaweicloud:", "pulumi-lb-listeners:"];

/** providerConfig reads a stack file's provider settings (secure values decrypted with PULUMI_CONFIG_PASSPHRASE). */
export function providerConfig(dir: string, name: string, passphrase?: string): StackConfig {
  const project = readProjectFile(dir)?.name ?? path.basename(dir);
  const all = readStackConfig(dir, project, name, {}, passphrase);
  return Object.fromEntries(Object.entries(all).filter(([k]) => PROVIDER_NAMESPACES.some((ns) => k.startsWith(ns))));
}
