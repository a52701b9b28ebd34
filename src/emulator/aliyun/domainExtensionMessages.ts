/**
 * The wording of the SLB emulator's domain-extension and shared-spec errors: the message of each code and the table the
 * fault plan reads (kept apart from the error factories so that `errors.ts` can read it without an import circle).
 * Ref: shared/api-docs/aliyun-slb-https-extras.md §1.8 (domain-extension errors), §2.1 (shared spec).
 */
import { DOMAIN_EXTENSION_ERROR_CODES as CODES } from "./constants";

/** DOMAIN_EXTENSION_MESSAGES are the messages of the domain-extension error codes, as the service words them. */
export const DOMAIN_EXTENSION_MESSAGES = {
  /** Ref: [S17][S18] (Set, Delete); DescribeDomainExtensionAttribute documents the template `%s.` [S19]. */
  notFound: "The specified DomainExtensionId does not exist.",
  /** Ref: [S19]. */
  missingId: "The param DomainExtensionId is missing",
  /** Ref: [S16]. */
  domainExists: "The specified Domain exists.",
  /** Ref: [S16][S17]. */
  certificateNotFound: "The specified ServerCertificateId does not exist.",
  /** Ref: [S16]. */
  regionNotSupport: "The region does not support this action.",
  /** Ref: [S16][S17][S18]. */
  processing: "A previous configuration of the DomainExtension is pending, please try again later.",
  /** Ref: [S17]; the source cuts the text off after "late", so the emulator ends it as the other busy messages do. */
  incorrectStatus: "The listener to which the domain extension belongs is being configured, please try again later.",
  /** Ref: [S18]. */
  relatedRuleExist: "The DomainExtension is related with rules.",
  /** Ref: [S18]. */
  tooManyListeners: "More than 1 listener is found, please be more specified",
  /** Ref: [S31] (SetLoadBalancerHTTPSListenerAttribute on a shared-spec load balancer). */
  tlsSpecNotSupport: "The loadBalancer of shared spec doesn't support the parameter: TlsCipherPolicy.",
  /** Assumed: no source shows the refusal of a domain extension on a shared instance; worded as the TLS one. */
  domainExtensionSpecNotSupport: "The loadBalancer of shared spec doesn't support the parameter: DomainExtension.",
  /** Assumed: no source documents the quota error; worded as SLB's ListenerNumberOverLimit. */
  numberOverLimit: "The maximum number of domain extensions is exceeded.",
} as const;

/**
 * DOMAIN_EXTENSION_KNOWN_ERRORS give the fault plan the status and message of each domain-extension code, so that
 * `--fault CreateDomainExtension:error:DomainExtensionProcessing` answers as the service does.
 */
export const DOMAIN_EXTENSION_KNOWN_ERRORS: Readonly<Record<string, { status: number; message: string }>> = {
  [CODES.notFound]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.notFound },
  [CODES.missingId]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.missingId },
  [CODES.domainExists]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.domainExists },
  [CODES.certificateNotFound]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.certificateNotFound },
  [CODES.regionNotSupport]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.regionNotSupport },
  [CODES.processing]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.processing },
  [CODES.incorrectStatus]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.incorrectStatus },
  [CODES.relatedRuleExist]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.relatedRuleExist },
  [CODES.tooManyListeners]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.tooManyListeners },
  [CODES.specNotSupport]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.tlsSpecNotSupport },
  [CODES.numberOverLimit]: { status: 400, message: DOMAIN_EXTENSION_MESSAGES.numberOverLimit },
};
