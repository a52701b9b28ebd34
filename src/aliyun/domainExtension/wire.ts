/**
 * To and from the SLB wire for domain extensions: request parameters from typed inputs, and the tolerant readers of the
 * DescribeDomainExtensionAttribute and DescribeDomainExtensions answers.
 * Ref: shared/api-docs/aliyun-slb-https-extras.md §1.3-1.6.
 */
import { ListenerError } from "../../core/errors";
import type { Params, ResponseBody } from "../client";
import { DOMAIN_EXTENSION_WIRE_NAMES as WIRE } from "../constants";
import type { DomainExtensionInputs } from "./schema";

/** ExtensionAddress is what every request of a domain extension names: its region (and, for lists, its listener). */
export interface ExtensionAddress {
  readonly regionId: string;
  readonly loadBalancerId: string;
  readonly listenerPort: number;
}

/** createParams are CreateDomainExtension's parameters. */
export function createParams(inputs: DomainExtensionInputs, regionId: string): Params {
  return {
    [WIRE.regionId]: regionId,
    [WIRE.loadBalancerId]: inputs.loadBalancerId,
    [WIRE.listenerPort]: inputs.listenerPort,
    [WIRE.domain]: inputs.domain,
    [WIRE.serverCertificateId]: inputs.serverCertificateId,
  };
}

/** listParams are DescribeDomainExtensions' parameters: the listener whose extensions are listed. */
export function listParams(address: ExtensionAddress): Params {
  return {
    [WIRE.regionId]: address.regionId,
    [WIRE.loadBalancerId]: address.loadBalancerId,
    [WIRE.listenerPort]: address.listenerPort,
  };
}

/** idParams are the parameters of the actions that take one extension (Describe attribute, Set, Delete). */
export function idParams(regionId: string, id: string): Params {
  return { [WIRE.regionId]: regionId, [WIRE.domainExtensionId]: id };
}

/** ListedExtension is one item of DescribeDomainExtensions. */
export interface ListedExtension {
  readonly domainExtensionId: string;
  readonly domain: string;
  readonly serverCertificateId: string;
}

/**
 * listedExtensions reads `DomainExtensions.DomainExtension[]` of a DescribeDomainExtensions answer (or a listener's
 * Describe); items without an id or domain are skipped. Ref: [S6][S8].
 */
export function listedExtensions(body: ResponseBody): ListedExtension[] {
  const outer = body.DomainExtensions;
  const list =
    outer !== null && typeof outer === "object" ? (outer as Record<string, unknown>).DomainExtension : undefined;
  if (!Array.isArray(list)) return [];
  const items: ListedExtension[] = [];
  for (const item of list as unknown[]) {
    if (item === null || typeof item !== "object") continue;
    const { DomainExtensionId: id, Domain: domain, ServerCertificateId: cert } = item as Record<string, unknown>;
    if (typeof id !== "string" || typeof domain !== "string") continue;
    items.push({ domainExtensionId: id, domain, serverCertificateId: typeof cert === "string" ? cert : "" });
  }
  return items;
}

/** findByDomain finds the listed extension of a domain (Assumed: case-insensitively, as DNS compares names). */
export function findByDomain(items: readonly ListedExtension[], domain: string): ListedExtension | undefined {
  return items.find((item) => item.domain.toLowerCase() === domain.toLowerCase());
}

/**
 * inputsFromDescribe is the tolerant reader of a DescribeDomainExtensionAttribute answer: `ListenerPort` may come as a
 * number or, as in the docs' example, a string [S9]; a field missing from the answer is taken from `previous`. It
 * throws a ListenerError when a required value is missing from both.
 */
export function inputsFromDescribe(
  id: string,
  body: ResponseBody,
  regionId: string,
  previous: Partial<DomainExtensionInputs> = {},
): DomainExtensionInputs {
  const text = (value: unknown): string | undefined =>
    typeof value === "string" && value.length > 0 ? value : undefined;
  const port = Number(body.ListenerPort);
  const values = {
    loadBalancerId: text(body.LoadBalancerId) ?? previous.loadBalancerId,
    listenerPort: Number.isInteger(port) && port >= 1 && port <= 65535 ? port : previous.listenerPort,
    domain: text(body.Domain) ?? previous.domain,
    serverCertificateId: text(body.ServerCertificateId) ?? previous.serverCertificateId,
  };
  const { loadBalancerId, listenerPort, domain, serverCertificateId } = values;
  if (loadBalancerId === undefined || listenerPort === undefined || domain === undefined || !serverCertificateId) {
    const missing = Object.entries(values)
      .filter(([, value]) => value === undefined)
      .map(([key]) => key);
    throw new ListenerError(`DomainExtension ${id}: the describe answer lacks ${missing.join(", ")}`);
  }
  const inputs: DomainExtensionInputs = { loadBalancerId, listenerPort, domain, serverCertificateId, regionId };
  if (previous.adoptExisting !== undefined) inputs.adoptExisting = previous.adoptExisting;
  return inputs;
}

/** DomainExtensionOutputs are the extension's state: every input, with regionId resolved. */
export type DomainExtensionOutputs = DomainExtensionInputs & {
  /** The region the extension lives in (the configured one when the program gave none). */
  readonly regionId: string;
};
