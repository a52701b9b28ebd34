/**
 * The SLB emulator's thin wire handlers of the domain-extension actions: read the documented parameters, call the
 * domain-extension rules, render the documented answer.
 * Ref: shared/api-docs/aliyun-slb-https-extras.md §1.3-1.8.
 */
import { DOMAIN_EXTENSION_ACTIONS } from "./constants";
import { DOMAIN_EXTENSION_ERRORS } from "./domainExtensionErrors";
import {
  createDomainExtension,
  deleteDomainExtension,
  describeDomainExtension,
  describeDomainExtensions,
  domainExtensionItem,
  isValidDomain,
  setDomainExtensionCertificate,
} from "./domainExtensions";
import { SLB_ERRORS } from "./errors";
import type { Handler, RequestParams } from "./handlers";
import { ok, port, required } from "./handlers";

function extensionId(params: RequestParams): string {
  // Assumed: Set and Delete name a missing id as DescribeDomainExtensionAttribute does (only it is documented [S19]).
  const id = params.DomainExtensionId;
  if (id === undefined || id === "") throw DOMAIN_EXTENSION_ERRORS.missingId();
  return id;
}

/** DOMAIN_EXTENSION_HANDLERS maps each domain-extension action to its handler. */
export const DOMAIN_EXTENSION_HANDLERS: Readonly<Record<string, Handler>> = {
  [DOMAIN_EXTENSION_ACTIONS.create]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const loadBalancerId = required(params, "LoadBalancerId");
    const listenerPort = port(params);
    const domain = required(params, "Domain");
    // Assumed: a domain outside the documented rules is an InvalidParameter naming Domain (no source gives the code).
    if (!isValidDomain(domain)) throw SLB_ERRORS.invalidParameter("Domain");
    // Ref: [S8] required in the docs (Tea no longer marks it; the emulator keeps the docs' rule).
    const serverCertificateId = required(params, "ServerCertificateId");
    // ServerCertificate.N.* and CertificateId.N (SDK-old only, undocumented) are accepted and ignored [S2].
    const extension = createDomainExtension(state, {
      regionId,
      loadBalancerId,
      listenerPort,
      domain,
      serverCertificateId,
    });
    return ok({ ListenerPort: extension.listenerPort, DomainExtensionId: extension.id }, requestId);
  },
  [DOMAIN_EXTENSION_ACTIONS.describeAll]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const loadBalancerId = required(params, "LoadBalancerId");
    const listenerPort = port(params);
    const filter = params.DomainExtensionId === "" ? undefined : params.DomainExtensionId;
    const list = describeDomainExtensions(state, regionId, loadBalancerId, listenerPort, filter);
    return ok({ DomainExtensions: { DomainExtension: list.map(domainExtensionItem) } }, requestId);
  },
  [DOMAIN_EXTENSION_ACTIONS.describe]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const extension = describeDomainExtension(state, regionId, extensionId(params));
    // Ref: [S9][S2] ListenerPort is an Integer in both SDKs, although the docs' JSON example quotes it.
    return ok(
      {
        DomainExtensionId: extension.id,
        Domain: extension.domain,
        LoadBalancerId: extension.loadBalancerId,
        ListenerPort: extension.listenerPort,
        ServerCertificateId: extension.serverCertificateId,
      },
      requestId,
    );
  },
  [DOMAIN_EXTENSION_ACTIONS.set]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    const id = extensionId(params);
    const serverCertificateId = required(params, "ServerCertificateId");
    setDomainExtensionCertificate(state, regionId, id, serverCertificateId);
    return ok({}, requestId);
  },
  [DOMAIN_EXTENSION_ACTIONS.delete]: (state, params, requestId) => {
    const regionId = required(params, "RegionId");
    deleteDomainExtension(state, regionId, extensionId(params));
    return ok({}, requestId);
  },
};
