/**
 * The values the engine sends a provider, encoded as the Pulumi engine encodes them: an input not known yet becomes
 * the unknown sentinel, a secret arrives bare (the dynamic-provider host does not accept secrets), and the outputs
 * handed back to the program carry Pulumi's secret wrapper again on the keys that were secret.
 */
import { isUnknown as isUnknownOutput } from "@pulumi/pulumi/output";
import type { PropertyMap } from "./host";

/** UNKNOWN is Pulumi's unknown sentinel as the engine sends it to providers during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

// Ref: @pulumi/pulumi runtime/rpc.ts, `specialSigKey` and `specialSecretSig`.
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** isSecretWrapper tells whether a deserialized value is Pulumi's secret wrapper `{ <sig>: <secret sig>, value }`. */
export function isSecretWrapper(value: unknown): value is { value: unknown } {
  return (
    value !== null && typeof value === "object" && (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
  );
}

/** toWire turns a deserialized input into what the engine sends a provider: unknowns as the sentinel, secrets bare. */
export function toWire(value: unknown): unknown {
  if (isUnknownOutput(value)) return UNKNOWN;
  if (isSecretWrapper(value)) return toWire(value.value);
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === "object") {
    const out: PropertyMap = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}

/** withSecrets wraps the named top-level properties as Pulumi secrets again, for the outputs the program sees. */
export function withSecrets(properties: PropertyMap, secretKeys: readonly string[]): PropertyMap {
  const out: PropertyMap = { ...properties };
  for (const key of secretKeys) {
    if (key in out) out[key] = { [SECRET_SIG_KEY]: SECRET_SIG, value: out[key] };
  }
  return out;
}
