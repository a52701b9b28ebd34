/**
 * Where the Huawei half finds its credentials, region, project and endpoint: the stack configuration passed to
 * `configure` (namespace `huaweicloud:`), else the environment. Read inside the provider process only; nothing here
 * is ever serialized into the state.
 */
import { ConfigError } from "../core/errors";
import { DEFAULT_RETRY_BUDGET_MS } from "../core/retry";

/** ConfigSource is what `configure` receives: a lookup of stack configuration by full key. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Env is the process environment (a parameter so tests need not touch `process.env`). */
export type Env = Readonly<Record<string, string | undefined>>;

/** Setting describes one setting: its stack configuration key and its environment variable. */
interface Setting {
  readonly key: string;
  readonly env: string;
}

/** SETTINGS names every setting; the README lists this table. */
export const SETTINGS = {
  accessKey: { key: "huaweicloud:accessKey", env: "HW_ACCESS_KEY" },
  secretKey: { key: "huaweicloud:secretKey", env: "HW_SECRET_KEY" },
  token: { key: "huaweicloud:token", env: "HW_AUTH_TOKEN" },
  region: { key: "huaweicloud:region", env: "HW_REGION_NAME" },
  projectId: { key: "huaweicloud:projectId", env: "HW_PROJECT_ID" },
  endpoint: { key: "huaweicloud:endpoint", env: "HW_ELB_ENDPOINT" },
  cloud: { key: "huaweicloud:cloud", env: "HW_CLOUD" },
  retryBudgetSeconds: { key: "huaweicloud:retryBudgetSeconds", env: "HW_RETRY_BUDGET_SECONDS" },
  requestTimeoutSeconds: { key: "huaweicloud:requestTimeoutSeconds", env: "HW_REQUEST_TIMEOUT_SECONDS" },
} as const satisfies Record<string, Setting>;

/** CLOUDS are the two clouds that serve the classic ELB v1.0 API. */
export type CloudName = "huaweicloud" | "opentelekomcloud";

/** DEFAULT_REQUEST_TIMEOUT_MS is how long one HTTP exchange may take before it counts as a timeout. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Credentials are either an AK/SK pair (signed requests) or an IAM token (`X-Auth-Token`). */
export type Credentials =
  | { readonly kind: "aksk"; readonly accessKey: string; readonly secretKey: string }
  | { readonly kind: "token"; readonly token: string };

/** HuaweiSettings are the raw settings, each from configuration or the environment, unvalidated. */
export interface HuaweiSettings {
  readonly accessKey?: string;
  readonly secretKey?: string;
  readonly token?: string;
  readonly region?: string;
  readonly projectId?: string;
  readonly endpoint?: string;
  readonly cloud?: string;
  readonly retryBudgetSeconds?: string;
  readonly requestTimeoutSeconds?: string;
}

/** readSettings takes each setting from the stack configuration when set there, else from the environment. */
export function readSettings(config: ConfigSource | undefined, env: Env): HuaweiSettings {
  const out: Record<string, string> = {};
  for (const [name, setting] of Object.entries(SETTINGS)) {
    const value = config?.get(setting.key) ?? env[setting.env];
    if (value !== undefined && value !== "") out[name] = value;
  }
  return out;
}

/** Target is everything one call needs: where to send it, for which project, with which credentials. */
export interface Target {
  readonly baseUrl: string;
  readonly region: string;
  readonly projectId: string;
  readonly credentials: Credentials;
  readonly requestTimeoutMs: number;
}

const both = (s: Setting): string => `stack config ${s.key} or environment variable ${s.env}`;

/** resolveCredentials prefers a configured token, else the AK/SK pair; neither is a ConfigError naming both ways. */
export function resolveCredentials(settings: HuaweiSettings): Credentials {
  if (settings.token) return { kind: "token", token: settings.token };
  if (settings.accessKey && settings.secretKey) {
    return { kind: "aksk", accessKey: settings.accessKey, secretKey: settings.secretKey };
  }
  const missing = [
    settings.accessKey ? undefined : both(SETTINGS.accessKey),
    settings.secretKey ? undefined : both(SETTINGS.secretKey),
  ].filter(Boolean);
  throw new ConfigError(
    `Huawei Cloud credentials are missing: set ${missing.join(" and ")} ` +
      `(or an IAM token in ${both(SETTINGS.token)})`,
  );
}

/**
 * cloudOf decides which cloud serves a region: the explicit `huaweicloud:cloud` / `HW_CLOUD` setting when given,
 * else Open Telekom Cloud for its regions (`eu-de`, `eu-nl`, `eu-ch2`), else Huawei Cloud.
 */
export function cloudOf(region: string, explicit: string | undefined): CloudName {
  if (explicit !== undefined) {
    const value = explicit.toLowerCase();
    if (value === "huaweicloud" || value === "opentelekomcloud") return value;
    throw new ConfigError(
      `${both(SETTINGS.cloud)} must be "huaweicloud" or "opentelekomcloud", got ${JSON.stringify(explicit)}`,
    );
  }
  return /^eu-(de|nl|ch2)(-|$)/.test(region) ? "opentelekomcloud" : "huaweicloud";
}

/**
 * endpointFor is the public classic ELB endpoint of a region: `https://elb.<region>.myhuaweicloud.com` on Huawei
 * Cloud, `https://elb.<region>.otc.t-systems.com` on Open Telekom Cloud (Swiss `eu-ch2`: `elb.eu-ch2.sc.otc...`).
 */
export function endpointFor(region: string, cloud: CloudName): string {
  if (cloud === "huaweicloud") return `https://elb.${region}.myhuaweicloud.com`;
  if (region === "eu-ch2") return "https://elb.eu-ch2.sc.otc.t-systems.com";
  return `https://elb.${region}.otc.t-systems.com`;
}

function seconds(setting: Setting, text: string | undefined, fallbackMs: number): number {
  if (text === undefined) return fallbackMs;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) {
    throw new ConfigError(`${both(setting)} must be a positive number of seconds, got ${JSON.stringify(text)}`);
  }
  return n * 1000;
}

/** retryBudgetMs is the configured retry budget per operation, default five minutes. */
export function retryBudgetMs(settings: HuaweiSettings): number {
  return seconds(SETTINGS.retryBudgetSeconds, settings.retryBudgetSeconds, DEFAULT_RETRY_BUDGET_MS);
}

/**
 * resolveTarget combines settings with a resource's own `region`/`projectId` (which win) into a Target, or throws a
 * ConfigError naming the stack config key and the environment variable of what is missing.
 */
export function resolveTarget(settings: HuaweiSettings, region?: string, projectId?: string): Target {
  const effectiveRegion = region ?? settings.region;
  if (!effectiveRegion) {
    throw new ConfigError(`Huawei Cloud region is missing: set the region input, or ${both(SETTINGS.region)}`);
  }
  const effectiveProject = projectId ?? settings.projectId;
  if (!effectiveProject) {
    throw new ConfigError(
      `Huawei Cloud project ID is missing: set the projectId input, or ${both(SETTINGS.projectId)}`,
    );
  }
  const credentials = resolveCredentials(settings);
  let baseUrl = settings.endpoint ?? endpointFor(effectiveRegion, cloudOf(effectiveRegion, settings.cloud));
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)");
    baseUrl = url.origin + url.pathname.replace(/\/+$/, "");
  } catch {
    throw new ConfigError(`${both(SETTINGS.endpoint)} must be a base URL such as http://127.0.0.1:8081`);
  }
  return {
    baseUrl,
    region: effectiveRegion,
    projectId: effectiveProject,
    credentials,
    requestTimeoutMs: seconds(
      SETTINGS.requestTimeoutSeconds,
      settings.requestTimeoutSeconds,
      DEFAULT_REQUEST_TIMEOUT_MS,
    ),
  };
}
