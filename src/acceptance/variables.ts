/**
 * The acceptance run's inputs from the environment: which clouds have credentials, what each resource kind needs from
 * the account (`PLB_ACC_*`), and the port range. Pure: each reader returns data or a list of problems, one line each,
 * so a malformed variable stops the run before anything is created.
 */
import { CONFIG_KEYS as ALIYUN_KEYS, ENV_VARS as ALIYUN_ENV } from "../aliyun/config";
import type { Env } from "../core/config";
import { SETTINGS as HUAWEI } from "../huawei/config";

/** VARIABLES names every account variable the scenarios read. */
export const VARIABLES = {
  aliyunLoadBalancerId: "PLB_ACC_ALIYUN_LOAD_BALANCER_ID",
  aliyunCertificateIds: "PLB_ACC_ALIYUN_CERTIFICATE_IDS",
  aliyunVServerGroupId: "PLB_ACC_ALIYUN_VSERVER_GROUP_ID",
  huaweiClassicLoadBalancerId: "PLB_ACC_HUAWEI_CLASSIC_LOAD_BALANCER_ID",
  huaweiClassicCertificateId: "PLB_ACC_HUAWEI_CLASSIC_CERTIFICATE_ID",
  huaweiDedicatedLoadBalancerId: "PLB_ACC_HUAWEI_DEDICATED_LOAD_BALANCER_ID",
  huaweiDedicatedCertificateId: "PLB_ACC_HUAWEI_DEDICATED_CERTIFICATE_ID",
  huaweiSharedLoadBalancerId: "PLB_ACC_HUAWEI_SHARED_LOAD_BALANCER_ID",
  huaweiSharedCertificateId: "PLB_ACC_HUAWEI_SHARED_CERTIFICATE_ID",
  ports: "PLB_ACC_PORTS",
} as const;

/** VariableName is one account variable's key in `AccountIds`. */
export type VariableName = Exclude<keyof typeof VARIABLES, "ports">;

/** AccountIds are the account's resources the scenarios use, by role; a role whose variable is unset is absent. */
export type AccountIds = Partial<Record<VariableName, string>>;

/** PortRange is the inclusive range the run picks its ports from. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** DEFAULT_PORTS is the range used when `PLB_ACC_PORTS` is unset. */
const DEFAULT_PORTS: PortRange = { from: 40000, to: 40999 };

/** PREFIX starts every name, description and domain the run creates; the sweep touches nothing without it. */
export const PREFIX = "plbacc-";

/** Read is the outcome of reading the environment: values, or the problems that stop the run. */
type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] };

/** readPorts reads `PLB_ACC_PORTS` (`from-to`, 1-65535, from <= to). */
export function readPorts(env: Env): Read<PortRange> {
  const text = env[VARIABLES.ports];
  if (text === undefined || text === "") return { ok: true, value: DEFAULT_PORTS };
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(text.trim());
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from < 1 || to > 65535 || from > to) {
    return {
      ok: false,
      problems: [`${VARIABLES.ports} must be two ports from-to with 1 <= from <= to <= 65535, got "${text}"`],
    };
  }
  return { ok: true, value: { from, to } };
}

const ID_PATTERNS: Record<VariableName, { readonly rule: string; readonly test: (s: string) => boolean }> = {
  aliyunLoadBalancerId: { rule: "an SLB instance ID such as lb-bp1...", test: (s) => /^lb-[a-z0-9]+$/.test(s) },
  aliyunCertificateIds: {
    rule: "two server certificate IDs separated by a comma",
    test: (s) => /^[\w.-]+,[\w.-]+$/.test(s) && s.split(",")[0] !== s.split(",")[1],
  },
  aliyunVServerGroupId: {
    rule: "a VServer group ID of the SLB instance, such as rsp-bp1...",
    test: (s) => /^rsp-[a-z0-9]+$/.test(s),
  },
  huaweiClassicLoadBalancerId: {
    rule: "a classic load balancer ID (32 hexadecimal characters)",
    test: (s) => /^[0-9a-f]{32}$/.test(s),
  },
  huaweiClassicCertificateId: {
    rule: "a classic certificate ID (32 hexadecimal characters)",
    test: (s) => /^[0-9a-f]{32}$/.test(s),
  },
  huaweiDedicatedLoadBalancerId: {
    rule: "a dedicated load balancer ID (a UUID)",
    test: (s) => /^[0-9a-f]{8}(-?[0-9a-f]{4}){3}-?[0-9a-f]{12}$/.test(s),
  },
  huaweiDedicatedCertificateId: {
    rule: "a certificate ID (1 to 128 characters)",
    test: (s) => /^[\w-]{1,128}$/.test(s),
  },
  huaweiSharedLoadBalancerId: {
    rule: "a shared load balancer ID (a UUID)",
    test: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s),
  },
  huaweiSharedCertificateId: {
    rule: "a certificate ID (1 to 128 characters)",
    test: (s) => /^[\w-]{1,128}$/.test(s),
  },
};

/**
 * readAccountIds reads every `PLB_ACC_*` id that is set. An unset one is left out (the kinds that need it are
 * skipped); a malformed one is a problem that stops the run.
 */
export function readAccountIds(env: Env): Read<AccountIds> {
  const value: AccountIds = {};
  const problems: string[] = [];
  for (const name of Object.keys(ID_PATTERNS) as VariableName[]) {
    const text = env[VARIABLES[name]]?.trim();
    if (text === undefined || text === "") continue;
    if (!ID_PATTERNS[name].test(text)) {
      problems.push(`${VARIABLES[name]} must be ${ID_PATTERNS[name].rule}, got "${text}"`);
      continue;
    }
    value[name] = text;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** ConfigLookup reads one stack config value by its full key (`alicloud:accessKey`); undefined when unset. */
export type ConfigLookup = (key: string) => string | undefined;

const none: ConfigLookup = () => undefined;

/** ALIYUN_CREDENTIALS and HUAWEI_CREDENTIALS are the providers' own credential variables and keys, secrets included. */
const ALIYUN_CREDENTIALS = [...ALIYUN_ENV.accessKey, ...ALIYUN_ENV.secretKey, ...ALIYUN_ENV.securityToken];
const HUAWEI_CREDENTIALS = [HUAWEI.accessKey.env, HUAWEI.secretKey.env, HUAWEI.token.env];

/**
 * hasAliyunCredentials tells whether the environment or the stack config holds an Alibaba Cloud access key (the
 * provider's variables and keys).
 */
export function hasAliyunCredentials(env: Env, config: ConfigLookup = none): boolean {
  return ALIYUN_ENV.accessKey.some((name) => Boolean(env[name])) || Boolean(config(ALIYUN_KEYS.accessKey));
}

/** hasHuaweiCredentials tells whether the environment or the stack config holds a Huawei access key or IAM token. */
export function hasHuaweiCredentials(env: Env, config: ConfigLookup = none): boolean {
  return [HUAWEI.accessKey, HUAWEI.token].some((s) => Boolean(env[s.env]) || Boolean(config(s.key)));
}

/** credentialsOf lists the credential values an environment holds, both clouds', for the redaction. */
export function credentialsOf(env: Env): string[] {
  return [...ALIYUN_CREDENTIALS, ...HUAWEI_CREDENTIALS].map((n) => env[n] ?? "").filter((v) => v.length > 0);
}
