/**
 * Settings of the HttpsListener provider, read inside the provider process and never captured into the serialized
 * provider: stack config (through `configure`) first, then the environment.
 *
 * | setting            | stack config                                | environment                                  |
 * |--------------------|---------------------------------------------|----------------------------------------------|
 * | access key id      | `alicloud:accessKey`                        | `ALICLOUD_ACCESS_KEY`, `ALIBABA_CLOUD_ACCESS_KEY_ID` |
 * | access key secret  | `alicloud:secretKey`                        | `ALICLOUD_SECRET_KEY`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` |
 * | STS token          | `alicloud:securityToken`                    | `ALICLOUD_SECURITY_TOKEN`                    |
 * | region             | `alicloud:region`                           | `ALICLOUD_REGION`                            |
 * | SLB endpoint       | `alicloud:endpoints` (its `slb` entry)      | `ALICLOUD_SLB_ENDPOINT`                      |
 * | retry budget (s)   | `pulumi-lb-listeners:retryBudgetSeconds`    | `ALICLOUD_RETRY_BUDGET_SECONDS`              |
 * | request timeout (s)| `pulumi-lb-listeners:requestTimeoutSeconds` | `ALICLOUD_REQUEST_TIMEOUT_SECONDS`           |
 *
 * Under `alicloud:` only keys the alicloud provider defines are read, with its meaning. Ref: terraform-provider-alicloud
 * `alicloud/provider.go` (access_key, secret_key, security_token, region, the `endpoints` block with `slb`) and
 * `website/docs/index.html.markdown` "Argument Reference"; `@pulumi/alicloud` 3.108.0 `config/vars.d.ts` (accessKey,
 * secretKey, securityToken, region, `endpoints: Endpoints[]` whose `slb` entry "override[s] the default endpoint URL
 * constructed from the region").
 */
import type { ConfigureRequest } from "@pulumi/pulumi/dynamic";
import { PACKAGE_CONFIG_KEYS, parseConfigObject, type Env } from "../core/config";
import { ConfigError } from "../core/errors";
import { DEFAULT_RETRY_BUDGET_MS } from "../core/retry";
import { CENTRAL_ENDPOINT, CENTRAL_ENDPOINT_REGIONS } from "./constants";

/** DEFAULT_REQUEST_TIMEOUT_MS bounds one HTTP exchange (connect and read) with the SLB endpoint. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/**
 * CONFIG_KEYS are the stack config keys the provider reads: the alicloud provider's own keys (same meaning) and this
 * package's keys in its own namespace `pulumi-lb-listeners`.
 */
export const CONFIG_KEYS = {
  accessKey: "alicloud:accessKey",
  secretKey: "alicloud:secretKey",
  securityToken: "alicloud:securityToken",
  region: "alicloud:region",
  endpoints: "alicloud:endpoints",
  retryBudgetSeconds: PACKAGE_CONFIG_KEYS.retryBudgetSeconds,
  requestTimeoutSeconds: PACKAGE_CONFIG_KEYS.requestTimeoutSeconds,
} as const;

/** ENV_VARS are the environment variables the provider reads, in order of preference for each setting. */
export const ENV_VARS = {
  accessKey: ["ALICLOUD_ACCESS_KEY", "ALIBABA_CLOUD_ACCESS_KEY_ID"],
  secretKey: ["ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
  securityToken: ["ALICLOUD_SECURITY_TOKEN"],
  region: ["ALICLOUD_REGION"],
  retryBudgetSeconds: ["ALICLOUD_RETRY_BUDGET_SECONDS"],
  requestTimeoutSeconds: ["ALICLOUD_REQUEST_TIMEOUT_SECONDS"],
  endpoint: ["ALICLOUD_SLB_ENDPOINT"],
} as const;

/** ConfigSource reads one stack config value by its full key (`alicloud:accessKey`); undefined when unset. */
type ConfigSource = (key: string) => string | undefined;

/** Env is the part of the environment the provider reads (core/config.ts). */
export type { Env };

/** Credentials are an access key pair and an optional STS token. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

const noConfig: ConfigSource = () => undefined;

function lookup(stack: ConfigSource, key: string, names: readonly string[], env: Env): string | undefined {
  const fromStack = stack(key);
  if (fromStack) return fromStack;
  for (const name of names) {
    const value = env[name];
    if (value) return value;
  }
  return undefined;
}

function missing(what: string, key: string, names: readonly string[]): ConfigError {
  return new ConfigError(
    `Alibaba Cloud ${what} is not set: set the stack config ${key} (pulumi config set ${key} ...${
      key.endsWith("Key") || key.endsWith("Token") ? " --secret" : ""
    }) or the environment variable ${names.join(" or ")}`,
  );
}

/**
 * resolveCredentials reads the access key pair and token: stack config first, then the environment. A missing key
 * id or secret is a ConfigError naming both the config key and the environment variables.
 */
export function resolveCredentials(stack: ConfigSource = noConfig, env: Env = process.env): Credentials {
  const accessKeyId = lookup(stack, CONFIG_KEYS.accessKey, ENV_VARS.accessKey, env);
  if (!accessKeyId) throw missing("access key", CONFIG_KEYS.accessKey, ENV_VARS.accessKey);
  const accessKeySecret = lookup(stack, CONFIG_KEYS.secretKey, ENV_VARS.secretKey, env);
  if (!accessKeySecret) throw missing("secret key", CONFIG_KEYS.secretKey, ENV_VARS.secretKey);
  const securityToken = lookup(stack, CONFIG_KEYS.securityToken, ENV_VARS.securityToken, env);
  return securityToken ? { accessKeyId, accessKeySecret, securityToken } : { accessKeyId, accessKeySecret };
}

/** resolveRegion reads the configured region, or undefined when none is set. */
export function resolveRegion(stack: ConfigSource = noConfig, env: Env = process.env): string | undefined {
  return lookup(stack, CONFIG_KEYS.region, ENV_VARS.region, env);
}

/** requireRegion reads the configured region or throws a ConfigError naming the config key and variable. */
export function requireRegion(stack: ConfigSource = noConfig, env: Env = process.env): string {
  const region = resolveRegion(stack, env);
  if (!region) {
    throw new ConfigError(
      `Alibaba Cloud region is not set: give the listener a regionId, set the stack config ${CONFIG_KEYS.region} ` +
        `or the environment variable ${ENV_VARS.region[0]}`,
    );
  }
  return region;
}

/** defaultEndpoint is the public SLB endpoint of a region: `slb.aliyuncs.com` or `slb.<region>.aliyuncs.com`. */
export function defaultEndpoint(region: string): string {
  return CENTRAL_ENDPOINT_REGIONS.includes(region) ? CENTRAL_ENDPOINT : `https://slb.${region}.aliyuncs.com`;
}

/**
 * slbEndpointFromConfig reads the `slb` entry of `alicloud:endpoints`: a list of endpoint objects as
 * `@pulumi/alicloud` declares it (`endpoints: Endpoints[]`), or one object. Undefined when there is no `slb` entry.
 */
function slbEndpointFromConfig(text: string): string | undefined {
  const value = parseConfigObject(text);
  const entries = Array.isArray(value) ? value : [value];
  if (!entries.every((e) => e !== null && typeof e === "object" && !Array.isArray(e))) {
    throw new ConfigError(
      `${CONFIG_KEYS.endpoints} must be a list of endpoint objects such as [{"slb": "slb.cn-hangzhou.aliyuncs.com"}], ` +
        `as for the alicloud provider, got ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}`,
    );
  }
  for (const entry of entries as Record<string, unknown>[]) {
    const slb = entry.slb;
    if (typeof slb === "string" && slb.trim() !== "") return slb.trim();
  }
  return undefined;
}

/**
 * resolveEndpoint is the SLB endpoint: the `slb` entry of the stack config `alicloud:endpoints`, else
 * `ALICLOUD_SLB_ENDPOINT` (a base URL such as `http://127.0.0.1:8080`), else the region's default. An `slb` entry
 * without a scheme (`slb.cn-hangzhou.aliyuncs.com`, as the alicloud provider's `endpoints` take it) is reached over
 * HTTPS, the alicloud provider's default `protocol` (Ref: terraform-provider-alicloud `website/docs/index.html.markdown`,
 * `protocol`: "Default to HTTPS").
 */
export function resolveEndpoint(region: string, env: Env = process.env, stack: ConfigSource = noConfig): string {
  const fromStack = stack(CONFIG_KEYS.endpoints);
  const slb = fromStack ? slbEndpointFromConfig(fromStack) : undefined;
  if (slb !== undefined) {
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(slb) ? slb : `https://${slb}`;
    if (!/^https?:\/\/[^\s]+$/.test(url)) {
      throw new ConfigError(
        `the slb entry of ${CONFIG_KEYS.endpoints} must be a host name such as slb.cn-hangzhou.aliyuncs.com or a ` +
          `base URL such as http://127.0.0.1:8080, got ${JSON.stringify(slb)}`,
      );
    }
    return url.replace(/\/+$/, "");
  }
  const override = env[ENV_VARS.endpoint[0]];
  if (override) {
    if (!/^https?:\/\/[^\s]+$/.test(override)) {
      throw new ConfigError(
        `${ENV_VARS.endpoint[0]} must be a base URL such as http://127.0.0.1:8080, got ${JSON.stringify(override)}`,
      );
    }
    return override.replace(/\/+$/, "");
  }
  return defaultEndpoint(region);
}

/**
 * resolveRetryBudgetMs reads the total time budget of one operation, retries included: stack config
 * `pulumi-lb-listeners:retryBudgetSeconds`, else `ALICLOUD_RETRY_BUDGET_SECONDS`, else five minutes. A value that is not a
 * positive number of seconds is a ConfigError.
 */
export function resolveRetryBudgetMs(stack: ConfigSource = noConfig, env: Env = process.env): number {
  const text = lookup(stack, CONFIG_KEYS.retryBudgetSeconds, ENV_VARS.retryBudgetSeconds, env);
  if (text === undefined) return DEFAULT_RETRY_BUDGET_MS;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new ConfigError(
      `${CONFIG_KEYS.retryBudgetSeconds} / ${ENV_VARS.retryBudgetSeconds[0]} must be a number of seconds, got ${JSON.stringify(text)}`,
    );
  }
  return seconds * 1000;
}

/**
 * resolveRequestTimeoutMs reads how long one HTTP exchange may take: stack config
 * `pulumi-lb-listeners:requestTimeoutSeconds`,
 * else `ALICLOUD_REQUEST_TIMEOUT_SECONDS`, else 15 seconds. A value that is not a positive number is a ConfigError.
 */
export function resolveRequestTimeoutMs(stack: ConfigSource = noConfig, env: Env = process.env): number {
  const text = lookup(stack, CONFIG_KEYS.requestTimeoutSeconds, ENV_VARS.requestTimeoutSeconds, env);
  if (text === undefined) return DEFAULT_REQUEST_TIMEOUT_MS;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new ConfigError(
      `${CONFIG_KEYS.requestTimeoutSeconds} / ${ENV_VARS.requestTimeoutSeconds[0]} must be a positive number of ` +
        `seconds, got ${JSON.stringify(text)}`,
    );
  }
  return seconds * 1000;
}

/**
 * StackConfig is one provider instance's configuration: the stack config `configure` passed (none before it) over
 * the environment. The plan half (check, diff) reads the region from it; the session reads credentials, endpoint and
 * tuning from the same instance. Its fields are #private: util.inspect and JSON never show them.
 */
export class StackConfig {
  #source: ConfigSource = noConfig;
  readonly #env: Env | undefined;

  /** `env` replaces `process.env` (tests); the default reads the process environment at each call. */
  constructor(env?: Env) {
    this.#env = env;
  }

  /** configure keeps the stack's config (`alicloud:*` and the package's keys) for every later read. */
  configure(req: ConfigureRequest): void {
    this.#source = (key) => req.config.get(key);
  }

  /** source reads one stack config value by its full key. */
  get source(): ConfigSource {
    return this.#source;
  }

  /** env is the environment read where the stack config has no value. */
  get env(): Env {
    return this.#env ?? process.env;
  }

  /** region is the configured region (stack config, then environment), or undefined. */
  region(): string | undefined {
    return resolveRegion(this.#source, this.env);
  }

  /** requireRegion is the configured region; a ConfigError naming the key and variables when there is none. */
  requireRegion(): string {
    return requireRegion(this.#source, this.env);
  }
}
