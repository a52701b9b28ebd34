/**
 * The SLB emulator's domain extensions (additional certificates picked by SNI): their state on each HTTPS listener and
 * the service's rules (domain format, one extension per domain, the per-listener quota, no extensions on
 * shared-performance instances, known server certificates, the load balancer's configuration lock).
 * Ref: shared/api-docs/aliyun-slb-https-extras.md §1.
 */
import { DOMAIN_EXTENSION_ERRORS } from "./domainExtensionErrors";
import { SLB_ERRORS } from "./errors";
import type { FakeDomainExtension, FakeListener, FakeLoadBalancer, SlbState } from "./state";

/** DomainExtensionInput is what CreateDomainExtension takes. */
interface DomainExtensionInput {
  readonly regionId: string;
  readonly loadBalancerId: string;
  readonly listenerPort: number;
  readonly domain: string;
  readonly serverCertificateId: string;
}

/** DOMAIN_MAX_LENGTH bounds a domain. Assumed: no source gives a maximum; 253 is the DNS limit of a name. */
export const DOMAIN_MAX_LENGTH = 253;

/**
 * isValidDomain applies the documented domain rules: letters, digits, `-` and `.`, starting with a letter or a digit;
 * a wildcard only as the whole left-most label (`*.example.com`). Assumed: empty labels (`a..b`, a trailing dot) are
 * refused, as DNS refuses them. Ref: aliyun-slb-https-extras.md §1.2 [S14].
 */
export function isValidDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > DOMAIN_MAX_LENGTH) return false;
  const name = domain.startsWith("*.") ? domain.slice(2) : domain;
  return /^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*$/.test(name);
}

/** sameDomain compares two domains. Assumed: case-insensitively, as DNS does. */
function sameDomain(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function listenerOf(lb: FakeLoadBalancer, port: number): FakeListener {
  const listener = lb.listeners.get(port);
  // Assumed: no source documents the answer for a missing listener; the emulator gives its listener not-found answer.
  if (!listener) throw SLB_ERRORS.listenerNotFound();
  return listener;
}

function refuseShared(lb: FakeLoadBalancer): void {
  // Ref: [S16][S17] "not available on listeners of shared-performance instances". Assumed: the code and message.
  if (lb.shared) throw DOMAIN_EXTENSION_ERRORS.domainExtensionSpecNotSupport();
}

function checkServerCertificate(state: SlbState, regionId: string, id: string): void {
  const cert = state.certificates.get(id);
  // Ref: [S16][S17] InvalidParameter.ServerCertificateId; a certificate must be an SLB server one of the same region.
  if (!cert || cert.kind !== "server" || cert.regionId !== regionId) {
    throw DOMAIN_EXTENSION_ERRORS.certificateNotFound();
  }
}

/** domainExtensionItem is one extension as DescribeDomainExtensions and the listener's Describe list it. */
export function domainExtensionItem(extension: FakeDomainExtension): Record<string, string> {
  return {
    DomainExtensionId: extension.id,
    Domain: extension.domain,
    ServerCertificateId: extension.serverCertificateId,
  };
}

/** extensionsOf lists a listener's domain extensions in creation order. */
export function extensionsOf(listener: FakeListener): FakeDomainExtension[] {
  return [...(listener.domainExtensions?.values() ?? [])];
}

interface Located {
  readonly lb: FakeLoadBalancer;
  readonly listener: FakeListener;
  readonly extension: FakeDomainExtension;
}

/** findDomainExtension finds an extension of a region by id or raises InvalidParameter.DomainExtensionId. */
function findDomainExtension(state: SlbState, regionId: string, id: string): Located {
  for (const lb of state.loadBalancers.values()) {
    if (lb.regionId !== regionId) continue;
    for (const listener of lb.listeners.values()) {
      const extension = listener.domainExtensions?.get(id);
      if (extension) return { lb, listener, extension };
    }
  }
  throw DOMAIN_EXTENSION_ERRORS.notFound();
}

/**
 * createDomainExtension adds an extension to an HTTPS listener: the load balancer must exist and not be
 * shared-performance, the listener must exist, the certificate must be known, and then, under the load balancer's lock,
 * the domain must be new on the listener and the quota not reached.
 */
export function createDomainExtension(state: SlbState, input: DomainExtensionInput): FakeDomainExtension {
  const lb = state.loadBalancer(input.regionId, input.loadBalancerId);
  refuseShared(lb);
  const listener = listenerOf(lb, input.listenerPort);
  checkServerCertificate(state, input.regionId, input.serverCertificateId);
  return state.underLock(lb, DOMAIN_EXTENSION_ERRORS.processing, () => {
    const existing = extensionsOf(listener);
    if (existing.some((e) => sameDomain(e.domain, input.domain))) throw DOMAIN_EXTENSION_ERRORS.domainExists();
    if (existing.length >= state.domainExtensionQuota) throw DOMAIN_EXTENSION_ERRORS.numberOverLimit();
    const extension: FakeDomainExtension = { id: state.newId("de-emu", 10), ...input };
    listener.domainExtensions ??= new Map();
    listener.domainExtensions.set(extension.id, extension);
    return extension;
  });
}

/** setDomainExtensionCertificate replaces an extension's certificate (the only thing SetDomainExtensionAttribute changes). */
export function setDomainExtensionCertificate(
  state: SlbState,
  regionId: string,
  id: string,
  serverCertificateId: string,
): void {
  const { lb, extension } = findDomainExtension(state, regionId, id);
  refuseShared(lb);
  checkServerCertificate(state, regionId, serverCertificateId);
  state.underLock(lb, DOMAIN_EXTENSION_ERRORS.processing, () => {
    extension.serverCertificateId = serverCertificateId;
  });
}

/** deleteDomainExtension removes an extension under its load balancer's lock. */
export function deleteDomainExtension(state: SlbState, regionId: string, id: string): void {
  const { lb, listener } = findDomainExtension(state, regionId, id);
  state.underLock(lb, DOMAIN_EXTENSION_ERRORS.processing, () => {
    listener.domainExtensions?.delete(id);
  });
}

/**
 * describeDomainExtensions lists a listener's extensions, optionally only the one with `id`. Reads answer as the
 * listener's Describe does (`readListener`: not found, and OperationBusy while busy if the emulator refuses reads then).
 * Assumed: an id that the listener does not hold gives an empty list, as a filter does; the busy rule applies here too.
 */
export function describeDomainExtensions(
  state: SlbState,
  regionId: string,
  loadBalancerId: string,
  listenerPort: number,
  id?: string,
): FakeDomainExtension[] {
  const listener = state.readListener(regionId, loadBalancerId, listenerPort);
  return extensionsOf(listener).filter((e) => id === undefined || e.id === id);
}

/** describeDomainExtension finds one extension for DescribeDomainExtensionAttribute, under the same read rule. */
export function describeDomainExtension(state: SlbState, regionId: string, id: string): FakeDomainExtension {
  const { extension } = findDomainExtension(state, regionId, id);
  state.readListener(regionId, extension.loadBalancerId, extension.listenerPort);
  return extension;
}
