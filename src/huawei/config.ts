/**
 * Where the Huawei half finds its credentials, region, project and endpoint: the stack configuration passed to
 * `configure`, else the environment. Read inside the provider process only; nothing here is ever serialized into the
 * state.
 *
 * Under `huaweicloud:` only keys the huaweicloud provider defines are read, with its meaning: `accessKey`, `secretKey`,
 * `token`, `region`, `projectId`, `cloud` (the endpoints' domain) and the `elb` entry of `endpoints`. Ref:
 * terraform-provider-huaweicloud `huaweicloud/provider.go` (schema: access_key HW_ACCESS_KEY, secret_key HW_SECRET_KEY,
 * token HW_AUTH_TOKEN, region HW_REGION_NAME, project_id HW_PROJECT_ID, cloud HW_CLOUD "The endpoint of cloud provider,
 * defaults to myhuaweicloud.com", endpoints a map of strings) and `docs/index.md` "Configuration Reference"; the Pulumi
 * huaweicloud provider bridges the same schema with camelCase keys. The package's own settings live under
 * `pulumi-lb-listeners:`.
 */
import type { ConfigureRequest } from "@pulumi/pulumi/dynamic";
import { PACKAGE_CONFIG_KEYS, parseConfigObject, type Env } from "../core/config";
import { ConfigError } from "../core/errors";
import { DEFAULT_RETRY_BUDGET_MS } from "../core/retry";

/** ConfigSource is what `configure` receives: a lookup of stack configuration by full key. */
interface ConfigSource {
  get(key: string): string | undefined;
}

/** Env is the part of the environment the provider reads (core/config.ts). */
export type { Env };

/** Setting describes one setting: its stack configuration key and its environment variable. */
interface Setting {
  readonly key: string;
  readonly env: string;
}

/**
 * SETTINGS names every setting; the README lists this table. `endpoint` is the `elb` entry of the map
 * `huaweicloud:endpoints` (the huaweicloud provider's endpoint overrides, keyed by service).
 */
export const SETTINGS = {
  accessKey: { key: "huaweicloud:accessKey", env: "HW_ACCESS_KEY" },
  secretKey: { key: "huaweicloud:secretKey", env: "HW_SECRET_KEY" },
  token: { key: "huaweicloud:token", env: "HW_AUTH_TOKEN" },
  region: { key: "huaweicloud:region", env: "HW_REGION_NAME" },
  projectId: { key: "huaweicloud:projectId", env: "HW_PROJECT_ID" },
  endpoint: { key: "huaweicloud:endpoints", env: "HW_ELB_ENDPOINT" },
  cloud: { key: "huaweicloud:cloud", env: "HW_CLOUD" },
  retryBudgetSeconds: { key: PACKAGE_CONFIG_KEYS.retryBudgetSeconds, env: "HW_RETRY_BUDGET_SECONDS" },
  requestTimeoutSeconds: { key: PACKAGE_CONFIG_KEYS.requestTimeoutSeconds, env: "HW_REQUEST_TIMEOUT_SECONDS" },
} as const satisfies Record<string, Setting>;

/** ENDPOINTS_SERVICE is the key of the classic ELB in the huaweicloud provider's `endpoints` map. */
const ENDPOINTS_SERVICE = "elb";

/**
 * CLOUD_DOMAINS are the endpoint domains chosen by region when `cloud` is not set, and the domains of the two names
 * `cloud` took before it took a domain. Ref: terraform-provider-huaweicloud `huaweicloud/provider.go` getCloudDomain
 * (`myhuaweicloud.com`; `myhuaweicloud.eu` for regions starting `eu-west-1`); Open Telekom Cloud's endpoints
 * `elb.<region>.otc.t-systems.com`, Swiss `eu-ch2` on `sc.otc.t-systems.com` (Open Telekom Cloud "Regions and
 * Endpoints").
 */
export const CLOUD_DOMAINS = {
  huaweicloud: "myhuaweicloud.com",
  huaweicloudEurope: "myhuaweicloud.eu",
  opentelekomcloud: "otc.t-systems.com",
  opentelekomcloudSwiss: "sc.otc.t-systems.com",
} as const;

/** DEFAULT_REQUEST_TIMEOUT_MS is how long one HTTP exchange may take before it counts as a timeout. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

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

/**
 * elbEndpointFromConfig reads the `elb` entry of `huaweicloud:endpoints` (a map of service to URL, handed to
 * `configure` as JSON text); undefined when there is none. Like the huaweicloud provider, an entry without a scheme is
 * reached over HTTPS. Ref: terraform-provider-huaweicloud `huaweicloud/provider.go` flattenProviderEndpoints ("add
 * prefix https://").
 */
function elbEndpointFromConfig(text: string): string | undefined {
  const value = parseConfigObject(text);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigError(
      `stack config ${SETTINGS.endpoint.key} must be a map of service to endpoint such as ` +
        `{"${ENDPOINTS_SERVICE}": "https://elb.eu-de.otc.t-systems.com"}, as for the huaweicloud provider`,
    );
  }
  const entry = (value as Record<string, unknown>)[ENDPOINTS_SERVICE];
  if (typeof entry !== "string" || entry.trim() === "") return undefined;
  const trimmed = entry.trim();
  return trimmed.startsWith("http") ? trimmed : `https://${trimmed}`;
}

/** readSettings takes each setting from the stack configuration when set there, else from the environment. */
export function readSettings(config: ConfigSource | undefined, env: Env): HuaweiSettings {
  const out: Record<string, string> = {};
  for (const [name, setting] of Object.entries(SETTINGS)) {
    const fromConfig = config?.get(setting.key);
    const configured =
      fromConfig !== undefined && setting === SETTINGS.endpoint ? elbEndpointFromConfig(fromConfig) : fromConfig;
    const value = configured ?? env[setting.env];
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
function resolveCredentials(settings: HuaweiSettings): Credentials {
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
 * cloudDomain is the domain of the endpoints (`elb.<region>.<domain>`): the `huaweicloud:cloud` / `HW_CLOUD` setting
 * when given, as the huaweicloud provider takes it (`myhuaweicloud.com`, `otc.t-systems.com`, ...); else by region:
 * `eu-de` and `eu-nl` are Open Telekom Cloud, `eu-ch2` its Swiss cloud, `eu-west-1*` Huawei Cloud Europe, others
 * Huawei Cloud. The names `huaweicloud` and `opentelekomcloud`, which this setting took before 0.2.0, still mean
 * their clouds (a domain always has a dot, so the two forms cannot be confused).
 */
export function cloudDomain(region: string, explicit: string | undefined): string {
  if (explicit !== undefined) {
    const value = explicit.trim().toLowerCase();
    if (value === "huaweicloud") return CLOUD_DOMAINS.huaweicloud;
    if (value === "opentelekomcloud") {
      return region === "eu-ch2" ? CLOUD_DOMAINS.opentelekomcloudSwiss : CLOUD_DOMAINS.opentelekomcloud;
    }
    if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(value)) return value;
    throw new ConfigError(
      `${both(SETTINGS.cloud)} must be the endpoints' domain, such as myhuaweicloud.com or otc.t-systems.com, ` +
        `got ${JSON.stringify(explicit)}`,
    );
  }
  if (region === "eu-ch2") return CLOUD_DOMAINS.opentelekomcloudSwiss;
  if (/^eu-(de|nl)(-|$)/.test(region)) return CLOUD_DOMAINS.opentelekomcloud;
  if (region.startsWith("eu-west-1")) return CLOUD_DOMAINS.huaweicloudEurope;
  return CLOUD_DOMAINS.huaweicloud;
}

/** endpointFor is the public classic ELB endpoint of a region on a cloud's domain: `https://elb.<region>.<domain>`. */
export function endpointFor(region: string, domain: string): string {
  return `https://elb.${region}.${domain}`;
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
  let baseUrl = settings.endpoint ?? endpointFor(effectiveRegion, cloudDomain(effectiveRegion, settings.cloud));
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)");
    baseUrl = url.origin + url.pathname.replace(/\/+$/, "");
  } catch {
    throw new ConfigError(
      `the ${ENDPOINTS_SERVICE} entry of ${both(SETTINGS.endpoint)} must be a base URL such as http://127.0.0.1:8081`,
    );
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

/**
 * StackConfig is one provider instance's configuration: the stack config `configure` passed (none before it) over
 * the environment. The plan half (check, diff) reads settings from it; the session resolves targets from the same
 * instance. Its fields are #private: util.inspect and JSON never show them.
 */
export class StackConfig {
  #source?: ConfigSource;
  readonly #env: Env | undefined;

  /** `env` replaces `process.env` (tests); the default reads the process environment at each call. */
  constructor(env?: Env) {
    this.#env = env;
  }

  /** configure keeps the stack configuration (`huaweicloud:*` and the package's keys) for every later read. */
  configure(req: ConfigureRequest): void {
    this.#source = req.config;
  }

  /** settings reads the stack config and environment; a ConfigError names a malformed value. */
  settings(): HuaweiSettings {
    return readSettings(this.#source, this.#env ?? process.env);
  }

  /** safeSettings is settings, or undefined where they cannot be read (check and diff must not fail on them). */
  safeSettings(): HuaweiSettings | undefined {
    try {
      return this.settings();
    } catch {
      return undefined;
    }
  }
}
