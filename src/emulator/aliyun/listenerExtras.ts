/**
 * The SLB emulator's HTTPS listener settings beyond the first document: `HealthCheckMethod`, the TLS 1.3 cipher
 * policy, several ACLs in `AclId`, `XForwardedFor_SLBPORT`, `XForwardedFor_ClientSrcPort`, tags at create, the
 * shared-performance refusal of TLS policies, and the Describe members that echo them (`AclIds`, `Tags`,
 * `DomainExtensions`). Ref: shared/api-docs/aliyun-slb-https-extras.md §2, §2.1, §3.
 */
import type { ListenerProtocol } from "./constants";
import { ACL_IDS_PER_LISTENER, EXTRA_WIRE_NAMES, HEALTH_CHECK_METHODS, TAGS_PER_LISTENER } from "./constants";
import { DOMAIN_EXTENSION_ERRORS } from "./domainExtensionErrors";
import { domainExtensionItem, extensionsOf } from "./domainExtensions";
import { SLB_ERRORS } from "./errors";
import { ruleSummary, rulesOf } from "./rules";
import type { FakeListener, FakeLoadBalancer, ListenerConfig, ListenerTag } from "./state";

/**
 * ExtraParamRule is how the service reads one extra string parameter (the shape of handlers' ParamRule, restated so
 * that this module and the handlers do not import each other).
 */
interface ExtraParamRule {
  readonly name: string;
  readonly type: "string";
  readonly valid: (text: string) => boolean;
}

const onOff = (text: string): boolean => text === "on" || text === "off";

/**
 * isValidAclIds accepts the `AclId` parameter: one ACL id or several comma-joined (as Terraform's `acl_ids` sends
 * them), at most ACL_IDS_PER_LISTENER, none empty or repeated. Ref: aliyun-slb-https-extras.md §2 [S3][S27][S21].
 * Assumed: no source gives the code for too many ACLs; the emulator answers InvalidParameter naming AclId.
 */
export function isValidAclIds(text: string): boolean {
  const ids = text.split(",");
  return ids.length <= ACL_IDS_PER_LISTENER && ids.every((id) => id.length > 0) && new Set(ids).size === ids.length;
}

/**
 * LISTENER_EXTRA_PARAMS are the extra listener parameters that Create and Set both take, with their rules.
 * Ref: aliyun-slb-https-extras.md §2 [S3][S4].
 */
export const LISTENER_EXTRA_PARAMS: readonly ExtraParamRule[] = [
  {
    name: EXTRA_WIRE_NAMES.healthCheckMethod,
    type: "string",
    valid: (s) => (HEALTH_CHECK_METHODS as readonly string[]).includes(s),
  },
  { name: EXTRA_WIRE_NAMES.xForwardedForSlbPort, type: "string", valid: onOff },
  { name: EXTRA_WIRE_NAMES.xForwardedForClientSrcPort, type: "string", valid: onOff },
];

/**
 * EXTRA_DESCRIBE_DEFAULTS are the values Describe reports for extra settings never set. Ref: the Describe document's
 * examples give `off` for both headers [S5][S11]. Assumed: HealthCheckMethod has no documented default and is left
 * out until set.
 */
const EXTRA_DESCRIBE_DEFAULTS: Readonly<ListenerConfig> = {
  XForwardedFor_SLBPORT: "off",
  XForwardedFor_ClientSrcPort: "off",
};

const TAG_KEY = /^Tag\.(\d+)\.(Key|Value)$/;

function hasUrl(text: string): boolean {
  return text.includes("http://") || text.includes("https://");
}

/**
 * readTags reads `Tag.N.Key` / `Tag.N.Value` (N 1-20) of a create request, in N order. A key is 1-64 characters, does
 * not start with `aliyun` or `acs:` and holds no `http://` or `https://`; a value is at most 128 characters, may be
 * empty, does not start with `acs:`, same URL ban. Ref: aliyun-slb-https-extras.md §2 [S3][S24].
 * Assumed: a broken rule is an InvalidParameter naming the parameter (`Tag.2.Key`), a value without its key a
 * MissingParameter naming the key, a repeated key an InvalidParameter naming the later one.
 */
export function readTags(params: Readonly<Record<string, string>>): ListenerTag[] {
  const byIndex = new Map<number, { key?: string; value?: string }>();
  for (const [name, text] of Object.entries(params)) {
    const match = TAG_KEY.exec(name);
    if (!match) continue;
    const n = Number(match[1]);
    if (n < 1 || n > TAGS_PER_LISTENER) throw SLB_ERRORS.invalidParameter(name);
    const entry = byIndex.get(n) ?? {};
    if (match[2] === "Key") entry.key = text;
    else entry.value = text;
    byIndex.set(n, entry);
  }
  const tags: ListenerTag[] = [];
  const seen = new Set<string>();
  for (const n of [...byIndex.keys()].sort((a, b) => a - b)) {
    const { key, value = "" } = byIndex.get(n) ?? {};
    if (key === undefined) throw SLB_ERRORS.missingParameter(`Tag.${n}.Key`);
    if (key.length === 0 || key.length > 64 || /^(aliyun|acs:)/.test(key) || hasUrl(key) || seen.has(key)) {
      throw SLB_ERRORS.invalidParameter(`Tag.${n}.Key`);
    }
    if (value.length > 128 || value.startsWith("acs:") || hasUrl(value)) {
      throw SLB_ERRORS.invalidParameter(`Tag.${n}.Value`);
    }
    seen.add(key);
    tags.push({ TagKey: key, TagValue: value });
  }
  return tags;
}

/** tagListener gives a just-created listener its create-time tags (a plain look-up: no lock, no status rule). */
export function tagListener(
  lb: FakeLoadBalancer,
  port: number,
  protocol: ListenerProtocol,
  tags: readonly ListenerTag[],
): void {
  const listener = lb.listeners.get(port, protocol);
  if (listener && tags.length > 0) listener.tags = tags;
}

/**
 * refuseSharedSpec refuses a TLS policy on a shared-performance load balancer with InvalidParameter.SpecNotSupport.
 * Ref: aliyun-slb-https-extras.md §2.1 [S31] (seen on Set). Assumed: Create refuses it the same way.
 */
export function refuseSharedSpec(lb: FakeLoadBalancer, config: ListenerConfig): void {
  if (lb.shared && config.TLSCipherPolicy !== undefined) throw DOMAIN_EXTENSION_ERRORS.tlsSpecNotSupport();
}

/**
 * describeExtras are the members Describe adds to a listener's parameters: the header defaults, `AclIds`
 * (`{AclId: [...]}` from the comma-joined `AclId`), `Tags` (`{Tag: [{TagKey, TagValue}]}`), `DomainExtensions`
 * (`{DomainExtension: [{DomainExtensionId, Domain, ServerCertificateId}]}`) and `Rules`
 * (`{Rule: [{RuleId, RuleName, Domain, Url, VServerGroupId}]}`). Ref: aliyun-slb-https-extras.md §3 [S5].
 * Assumed: the four lists are present and empty when there is nothing to list.
 */
export function describeExtras(listener: FakeListener): Record<string, unknown> {
  const aclId = listener.config.AclId;
  return {
    ...EXTRA_DESCRIBE_DEFAULTS,
    ...pick(listener.config, Object.keys(EXTRA_DESCRIBE_DEFAULTS)),
    AclIds: { AclId: aclId === undefined ? [] : String(aclId).split(",") },
    Tags: { Tag: [...(listener.tags ?? [])] },
    DomainExtensions: { DomainExtension: extensionsOf(listener).map(domainExtensionItem) },
    Rules: { Rule: rulesOf(listener).map(ruleSummary) },
  };
}

function pick(config: ListenerConfig, names: readonly string[]): ListenerConfig {
  const out: ListenerConfig = {};
  for (const name of names) if (config[name] !== undefined) out[name] = config[name];
  return out;
}
