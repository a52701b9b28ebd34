/**
 * The DomainExtension input schema: one io-ts codec per request parameter of CreateDomainExtension, the documented
 * domain rules, `checkInputs` (typed inputs or failures), and the replace table with `diffInputs`. Nothing here throws
 * on bad input. Ref: shared/api-docs/aliyun-slb-https-extras.md §1.2, §1.3, §1.4, §1.9.
 */
import * as t from "io-ts";
import { booleanValue, conforms, decodeInputs, intRange, isUnknown, matching } from "../../core/check";
import type { CheckedListener } from "../listener/schema";

/** RESOURCE_NAME is the resource name used in check messages. */
export const RESOURCE_NAME = "DomainExtension";

const nonEmptyString = matching("a non-empty string", (s) => s.length > 0);

/**
 * DOMAIN_MAX_LENGTH bounds a domain. Assumed: no source gives a maximum (aliyun-slb-https-extras.md §1.2 ⚠); 253 is
 * the DNS limit of a name, and the emulator applies the same.
 */
const DOMAIN_MAX_LENGTH = 253;

/** DOMAIN_RULE is the domain rule in words, as failures report it. */
export const DOMAIN_RULE =
  "a domain name of letters, digits, hyphens (-) and periods (.) that starts with a letter or digit, with a " +
  `wildcard only as the whole left-most label (*.example.com), at most ${DOMAIN_MAX_LENGTH} characters`;

/**
 * isValidDomain tests the documented domain rules: letters, digits, `-` and `.`, starting with a letter or a digit; a
 * wildcard only as the left-most label (`*.aliyun.com`, `*.market.aliyun.com`). Assumed: empty labels (`a..b`, a
 * trailing dot) are refused, as DNS refuses them. Ref: aliyun-slb-https-extras.md §1.2 [S14].
 */
export function isValidDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > DOMAIN_MAX_LENGTH) return false;
  const name = domain.startsWith("*.") ? domain.slice(2) : domain;
  return /^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*$/.test(name);
}

/** domainCodec checks the domain rule and says why a wildcard was refused when it is not the left-most label. */
const domainCodec = new t.Type<string, string, unknown>(
  DOMAIN_RULE,
  (u): u is string => typeof u === "string" && isValidDomain(u),
  (u, c) => {
    if (typeof u === "string" && isValidDomain(u)) return t.success(u);
    const misplaced = typeof u === "string" && u.includes("*") && !/^\*\.[^*]+$/.test(u);
    return t.failure(u, c, misplaced ? `${DOMAIN_RULE}; "*" may only be the whole left-most label` : undefined);
  },
  t.identity,
);

/** requiredProps are the inputs CreateDomainExtension requires (RegionId is filled in from configuration). */
const requiredProps = {
  /**
   * The ID of the SLB instance whose HTTPS listener gets the extension (guaranteed-performance instances only).
   * Changing it replaces the extension.
   * Ref: CreateDomainExtension, LoadBalancerId (required) [S8][S6]; shared-performance refusal [S16][S17].
   */
  loadBalancerId: nonEmptyString,
  /**
   * The port of the HTTPS listener: an integer from 1 to 65535, an existing HTTPS listener of `loadBalancerId`.
   * Changing it replaces the extension. Pass the listener's output (`listener.listenerPort`) so the extension waits
   * for a listener created in the same program.
   * Ref: CreateDomainExtension, ListenerPort (required) [S8][S6].
   */
  listenerPort: intRange(1, 65535),
  /**
   * The domain whose clients get `serverCertificateId` (SNI): letters, digits, `-` and `.`, starting with a letter or
   * digit; a wildcard only as the left-most label (`*.example.com`). Changing it replaces the extension.
   * Ref: CreateDomainExtension, Domain (required) [S8]; "Add an additional certificate" [S14].
   */
  domain: domainCodec,
  /**
   * The ID of the SLB server certificate served for `domain`, in the same region. The only input that changes in
   * place (SetDomainExtensionAttribute).
   * Ref: CreateDomainExtension, ServerCertificateId (required in the docs) [S8][S16]; SetDomainExtensionAttribute [S9].
   */
  serverCertificateId: nonEmptyString,
};

/** optionalProps are `regionId` and the provider's `adoptExisting`. */
const optionalProps = {
  /**
   * The region of the SLB instance, e.g. `cn-hangzhou`. Changing it replaces the extension.
   * @default the configured region (`alicloud:region` or `ALICLOUD_REGION`)
   * Ref: RegionId (required by the API on every domain-extension action) [S8].
   */
  regionId: nonEmptyString,
  /**
   * When true, create adopts an extension that already exists for `domain` on the listener (bringing it under
   * management and setting its certificate) instead of failing with InvalidParameter.Domain. Not sent to the API.
   * @default false
   */
  adoptExisting: booleanValue,
};

/** inputProps are all DomainExtension inputs, each with its codec. */
export const inputProps = { ...requiredProps, ...optionalProps };

/** InputName is the name of one DomainExtension input. */
type InputName = keyof typeof inputProps;

/** RequiredInput is the name of an input the API requires. */
type RequiredInput = keyof typeof requiredProps;

/** REQUIRED_INPUTS lists the inputs check requires. */
const REQUIRED_INPUTS = Object.keys(requiredProps) as RequiredInput[];

/** DomainExtensionInputs is the decoded, typed form of the inputs; the resource's args derive from it. */
export type DomainExtensionInputs = t.TypeOf<t.TypeC<typeof requiredProps>> &
  t.TypeOf<t.PartialC<typeof optionalProps>>;

/** CheckedInputs is what checkInputs returns, shaped as a listener's check: typed inputs, else the failures. */
type CheckedInputs = CheckedListener<DomainExtensionInputs>;

/** TERRAFORM_NAMES are hints for inputs written for `alicloud.slb.DomainExtension` (Terraform `frontend_port`). */
const TERRAFORM_NAMES = {
  names: {
    frontendPort: "use listenerPort",
    deleteProtectionValidation: "not supported: delete the extension or protect the load balancer instead",
  },
};

/**
 * checkInputs validates raw DomainExtension inputs and fills in `regionId` from `defaultRegion` when absent. Values
 * unknown during preview are kept and not judged. The reserved `__provider` key is dropped.
 */
export function checkInputs(raw: unknown, defaultRegion?: string): CheckedInputs {
  const decoded = decodeInputs(RESOURCE_NAME, inputProps, REQUIRED_INPUTS, raw, TERRAFORM_NAMES);
  const isObject = raw !== null && typeof raw === "object" && !Array.isArray(raw);
  const source: Record<string, unknown> = isObject ? { ...raw } : {};
  delete source.__provider;
  if (!conforms<typeof inputProps, RequiredInput>(raw, decoded)) {
    return { ok: false, inputs: source, failures: decoded.failures };
  }
  const inputs: DomainExtensionInputs = { ...raw };
  Reflect.deleteProperty(inputs, "__provider");
  if (inputs.regionId === undefined && defaultRegion) inputs.regionId = defaultRegion;
  return { ok: true, inputs, failures: [] };
}

/**
 * REPLACE_INPUTS are the inputs SetDomainExtensionAttribute cannot change (it takes only the certificate): changing
 * one replaces the extension. Ref: aliyun-slb-https-extras.md §1.4 [S8][S2]; Terraform ForceNew [S25].
 */
export const REPLACE_INPUTS: readonly InputName[] = ["loadBalancerId", "listenerPort", "domain", "regionId"];

/** PROVIDER_ONLY_INPUTS are inputs of the provider, not of the API; they never cause an update. */
const PROVIDER_ONLY_INPUTS: ReadonlySet<InputName> = new Set<InputName>(["adoptExisting"]);

/** DiffSummary is what changed between the stored outputs and new inputs. */
interface DiffSummary {
  readonly changed: InputName[];
  readonly replaces: InputName[];
}

const INPUT_NAMES = Object.keys(inputProps) as InputName[];

/**
 * diffInputs compares stored outputs with new (checked) inputs: an unknown new value is a change; `regionId` left out
 * means the configured region; the domain is compared case-insensitively (Assumed: as DNS and the emulator do).
 */
export function diffInputs(
  olds: Readonly<Partial<Record<InputName, unknown>>>,
  news: Readonly<Partial<Record<InputName, unknown>>>,
  configuredRegion?: string,
): DiffSummary {
  const changed: InputName[] = [];
  for (const key of INPUT_NAMES) {
    if (PROVIDER_ONLY_INPUTS.has(key)) continue;
    let next: unknown = news[key];
    const prev: unknown = olds[key];
    if (key === "regionId" && next === undefined) next = configuredRegion ?? prev;
    if (isUnknown(next)) {
      changed.push(key);
      continue;
    }
    if (next === undefined && prev === undefined) continue;
    if (key === "domain" && typeof next === "string" && typeof prev === "string") {
      if (next.toLowerCase() !== prev.toLowerCase()) changed.push(key);
      continue;
    }
    if (next !== prev) changed.push(key);
  }
  return { changed, replaces: changed.filter((key) => REPLACE_INPUTS.includes(key)) };
}
