/**
 * The SLB emulator's errors for domain extensions and the shared-performance refusals: one factory per code, with the
 * service's literal code, message and HTTP status where a source gives them, `Assumed:` where none does.
 * Ref: shared/api-docs/aliyun-slb-https-extras.md §1.8 (domain-extension errors), §2.1 (shared spec).
 */
import { DOMAIN_EXTENSION_ERROR_CODES as CODES } from "./constants";
import { DOMAIN_EXTENSION_MESSAGES } from "./domainExtensionMessages";
import { SlbError } from "./errors";

/** DOMAIN_EXTENSION_ERRORS builds each error the emulator's domain-extension actions answer with. */
export const DOMAIN_EXTENSION_ERRORS = {
  notFound: () => new SlbError(CODES.notFound, DOMAIN_EXTENSION_MESSAGES.notFound, 400),
  missingId: () => new SlbError(CODES.missingId, DOMAIN_EXTENSION_MESSAGES.missingId, 400),
  domainExists: () => new SlbError(CODES.domainExists, DOMAIN_EXTENSION_MESSAGES.domainExists, 400),
  certificateNotFound: () =>
    new SlbError(CODES.certificateNotFound, DOMAIN_EXTENSION_MESSAGES.certificateNotFound, 400),
  processing: () => new SlbError(CODES.processing, DOMAIN_EXTENSION_MESSAGES.processing, 400),
  tlsSpecNotSupport: () => new SlbError(CODES.specNotSupport, DOMAIN_EXTENSION_MESSAGES.tlsSpecNotSupport, 400),
  domainExtensionSpecNotSupport: () =>
    new SlbError(CODES.specNotSupport, DOMAIN_EXTENSION_MESSAGES.domainExtensionSpecNotSupport, 400),
  numberOverLimit: () => new SlbError(CODES.numberOverLimit, DOMAIN_EXTENSION_MESSAGES.numberOverLimit, 400),
} as const;
