/**
 * The package's own stack configuration namespace. Keys under `alicloud:` and `huaweicloud:` belong to the official
 * providers, which refuse keys they do not define there ("... is not a valid configuration key for the alicloud
 * provider"; pulumi-terraform-bridge #1663, #2582); so every setting of this package's own lives here.
 */

/** Env is the part of the environment the provider reads (a parameter so tests need not touch `process.env`). */
export type Env = Readonly<Record<string, string | undefined>>;

/** PACKAGE_NAMESPACE is the stack config namespace of this package's own settings (the npm package's name). */
export const PACKAGE_NAMESPACE = "pulumi-lb-listeners";

/**
 * PACKAGE_CONFIG_KEYS are this package's own stack config keys, shared by both resources (each resource keeps its own
 * default and its own environment variable).
 */
export const PACKAGE_CONFIG_KEYS = {
  /** Total time budget of one operation, retries included, in seconds. */
  retryBudgetSeconds: `${PACKAGE_NAMESPACE}:retryBudgetSeconds`,
  /** How long one HTTP exchange may take, in seconds. */
  requestTimeoutSeconds: `${PACKAGE_NAMESPACE}:requestTimeoutSeconds`,
} as const;

/**
 * parseConfigObject reads a structured stack config value (Pulumi hands objects and lists to `configure` as JSON
 * text); undefined when the text is not JSON.
 */
export function parseConfigObject(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
