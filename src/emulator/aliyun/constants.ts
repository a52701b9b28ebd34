/**
 * The SLB emulator's wire strings: API version, action names, the listener protocol, error codes, messages and the
 * limits it enforces. Written from the documents, not taken from the provider, so that a provider table that drifts
 * from the service shows up as a disagreement (see ../tables.spec.ts) instead of being copied into the fake.
 * Ref: shared/api-docs/aliyun-slb-CreateLoadBalancerHTTPSListener.md (below "the HTTPS document") and
 * shared/api-docs/aliyun-slb-https-extras.md (below "extras", with its source tags [S1]...[S37]).
 */

/** API_VERSION is the SLB RPC API version. Ref: extras, title ("RPC `Slb` 2014-05-15"). */
export const API_VERSION = "2014-05-15";

/**
 * ACTIONS names every listener and load-balancer action the emulator answers.
 * Ref: the HTTPS document (`Action` = CreateLoadBalancerHTTPSListener; Start via StartLoadBalancerListener); extras
 * §2 (SetLoadBalancerHTTPSListenerAttribute), §3 (DescribeLoadBalancerHTTPSListenerAttribute), §4
 * (Start/StopLoadBalancerListener, DeleteLoadBalancerListener, DescribeLoadBalancerAttribute).
 * CreateLoadBalancer and UploadServerCertificate seed tests; no stored document covers them. Ref: their names in
 * alibaba-cloud-sdk-go `services/slb/create_load_balancer.go` and `services/slb/upload_server_certificate.go`.
 */
export const ACTIONS = {
  createListener: "CreateLoadBalancerHTTPSListener",
  startListener: "StartLoadBalancerListener",
  stopListener: "StopLoadBalancerListener",
  setListener: "SetLoadBalancerHTTPSListenerAttribute",
  describeListener: "DescribeLoadBalancerHTTPSListenerAttribute",
  deleteListener: "DeleteLoadBalancerListener",
  describeLoadBalancer: "DescribeLoadBalancerAttribute",
  createLoadBalancer: "CreateLoadBalancer",
  uploadServerCertificate: "UploadServerCertificate",
} as const;

/** DOMAIN_EXTENSION_ACTIONS names the domain-extension (SNI certificate) actions. Ref: extras §1.3-1.7. */
export const DOMAIN_EXTENSION_ACTIONS = {
  create: "CreateDomainExtension",
  describeAll: "DescribeDomainExtensions",
  describe: "DescribeDomainExtensionAttribute",
  set: "SetDomainExtensionAttribute",
  delete: "DeleteDomainExtension",
} as const;

/**
 * LISTENER_PROTOCOL is the `ListenerProtocol` of an HTTPS listener, lower case as Start, Stop and Delete take it.
 * Ref: aliyun-slb-listener-family.md §4 (Terraform sends ListenerProtocol lower case), extras §4.
 */
export const LISTENER_PROTOCOL = "https";

/**
 * ERROR_CODES are the SLB codes the emulator answers with.
 * Ref: extras §5 (SLB "Common error codes" [S10]) for the listener and busy codes; the request-level codes
 * (MissingParameter, InvalidParameter, InvalidAccessKeyId.NotFound, SignatureDoesNotMatch, InvalidAction.NotFound,
 * InvalidLoadBalancerId.NotFound, Throttling.User, ServiceUnavailable, InternalError, Forbidden,
 * QuotaExceeded.Listener) are Alibaba Cloud's common OpenAPI codes; extras §1.9 and §4 show Terraform matching
 * ServiceUnavailable and InternalError.
 */
export const ERROR_CODES = {
  missingParameter: "MissingParameter",
  invalidParameter: "InvalidParameter",
  accessKeyNotFound: "InvalidAccessKeyId.NotFound",
  signatureDoesNotMatch: "SignatureDoesNotMatch",
  invalidAction: "InvalidAction.NotFound",
  /** Ref: extras §5 (Throttling.User; its SLB status is unverified, see errors.ts). */
  throttlingUser: "Throttling.User",
  /** Ref: extras §5. */
  operationBusy: "OperationBusy",
  /** Ref: extras §5. */
  serviceIsConfiguring: "ServiceIsConfiguring",
  /** Ref: extras §5. */
  systemBusy: "SystemBusy",
  /** Ref: extras §5, §4 (Terraform retries it on Set…Attribute). */
  listenerStatusNotSupport: "OperationFailed.ListenerStatusNotSupport",
  serviceUnavailable: "ServiceUnavailable",
  internalError: "InternalError",
  loadBalancerNotFound: "InvalidLoadBalancerId.NotFound",
  /** Ref: extras §5 (404 "You have not created a listener for the specified port of the load balancer."). */
  listenerNotFound: "ListenerNotFound",
  /** Ref: extras §5 (Create*Listener on a port already used). */
  listenerAlreadyExists: "ListenerAlreadyExists",
  /** Assumed: no SLB table lists a not-found code for a CA certificate; named after InvalidLoadBalancerId.NotFound. */
  caCertificateNotFound: "CACertificateId.NotFound",
  /**
   * Assumed: no stored document lists it (the documented listener quota code is ListenerNumberOverLimit,
   * aliyun-slb-listener-family.md §5); kept so that a fault rule naming it gets a status and a message.
   */
  quotaExceededListener: "QuotaExceeded.Listener",
  /** Assumed: no stored document lists it; kept so that a fault rule naming it gets 403 and a message. */
  forbidden: "Forbidden",
} as const;

/** MESSAGES are the exact messages of the codes above, as extras §5 quotes them. Ref: extras §5 [S10][S34]. */
export const MESSAGES = {
  listenerNotFound: "You have not created a listener for the specified port of the load balancer.",
  listenerAlreadyExists: "A listener with the specified port already exists",
  operationBusy: "A previous operation is pending.",
  serviceIsConfiguring: "A previous configuration is pending; please try again later.",
  systemBusy: "The system is busy.",
  throttlingUser: "Request was denied due to user flow control.",
  listenerStatusNotSupport: "The status of the listener does not support this operation. Please try again later.",
  /** InvalidParameter for a CAS certificate id given as ServerCertificateId [S10][S34]. */
  serverCertificateNotSupported: "The specified parameter ServerCertificateId is not Support.",
  /** InvalidParameter, "Generic validation". */
  invalidParameterGeneric: "Invalid parameter in the request.",
} as const;

/**
 * RESOURCE_NOT_FOUND_MESSAGE is the message of InvalidParameter (400) for a listener that does not exist.
 * Ref: extras §5 (Terraform treats this message as "listener gone" on Describe*ListenerAttribute [S10][S26]).
 */
export const RESOURCE_NOT_FOUND_MESSAGE = "The specified resource does not exist.";

/** SYSTEM_BUSY_STATUS is SystemBusy's HTTP status. Ref: extras §5 (449). */
export const SYSTEM_BUSY_STATUS = 449;

/**
 * DOMAIN_EXTENSION_ERROR_CODES are the domain-extension codes and the shared-performance refusal.
 * Ref: extras §1.8 (the domain-extension error table), §2.1 (InvalidParameter.SpecNotSupport [S31]).
 */
export const DOMAIN_EXTENSION_ERROR_CODES = {
  notFound: "InvalidParameter.DomainExtensionId",
  missingId: "MissingParameter.DomainExtensionId",
  domainExists: "InvalidParameter.Domain",
  certificateNotFound: "InvalidParameter.ServerCertificateId",
  regionNotSupport: "InvalidAction.RegionNotSupport",
  processing: "DomainExtensionProcessing",
  incorrectStatus: "IncorrectStatus.DomainExtension",
  relatedRuleExist: "DomainExtensionRelatedRuleExist",
  tooManyListeners: "TooManyListeners",
  specNotSupport: "InvalidParameter.SpecNotSupport",
  /** Assumed: extras §1.8 says no source documents the quota error; named after ListenerNumberOverLimit. */
  numberOverLimit: "DomainExtensionNumberOverLimit",
} as const;

/**
 * DOMAIN_EXTENSION_QUOTA is the default number of domain extensions per HTTPS listener (quota
 * `slb_quota_domain_extensions_num`, raisable to 10). Ref: extras §1.1 [S20].
 */
export const DOMAIN_EXTENSION_QUOTA = 3;

/** ACL_IDS_PER_LISTENER is the default number of ACLs one listener takes. Ref: extras §2 `AclId` [S21]. */
export const ACL_IDS_PER_LISTENER = 3;

/** TAGS_PER_LISTENER is the largest N of `Tag.N.Key` / `Tag.N.Value` at create. Ref: extras §2 (N 1–20) [S3]. */
export const TAGS_PER_LISTENER = 20;

/**
 * TLS_CIPHER_POLICIES are the `TLSCipherPolicy` values. The HTTPS document lists four ("Currently, the following
 * four security policies are supported"); extras §2.1 adds `tls_cipher_policy_1_2_strict_with_1_3` from the current
 * SDK model [S3], which the newer source makes right. Ref: extras §2, §2.1.
 */
export const TLS_CIPHER_POLICIES = [
  "tls_cipher_policy_1_0",
  "tls_cipher_policy_1_1",
  "tls_cipher_policy_1_2",
  "tls_cipher_policy_1_2_strict",
  "tls_cipher_policy_1_2_strict_with_1_3",
] as const;

/** HEALTH_CHECK_METHODS are the `HealthCheckMethod` values. Ref: extras §2 (`head` | `get`) [S3][S4]. */
export const HEALTH_CHECK_METHODS = ["head", "get"] as const;

/**
 * EXTRA_WIRE_NAMES are the request parameters of the HTTPS listener settings the HTTPS document lacks; several ACL
 * ids travel comma-joined in `AclId`. Ref: extras §2.
 */
export const EXTRA_WIRE_NAMES = {
  healthCheckMethod: "HealthCheckMethod",
  xForwardedForSlbPort: "XForwardedFor_SLBPORT",
  xForwardedForClientSrcPort: "XForwardedFor_ClientSrcPort",
  aclIds: "AclId",
} as const;

/**
 * LISTENER_PROTOCOLS are the four `ListenerProtocol` values, lower case as Start, Stop, Delete and the listener list
 * take them. Ref: aliyun-slb-listener-family.md (below "the family digest") §4 [S4].
 */
export const LISTENER_PROTOCOLS = ["http", "https", "tcp", "udp"] as const;

/** ListenerProtocol is one of LISTENER_PROTOCOLS. */
export type ListenerProtocol = (typeof LISTENER_PROTOCOLS)[number];

/**
 * PROTOCOL_ACTIONS names each protocol's Create, Set and Describe actions (HTTPS's are ACTIONS' own).
 * Ref: the family digest §1-3 [S1][S2][S3].
 */
export const PROTOCOL_ACTIONS = {
  http: {
    create: "CreateLoadBalancerHTTPListener",
    set: "SetLoadBalancerHTTPListenerAttribute",
    describe: "DescribeLoadBalancerHTTPListenerAttribute",
  },
  https: { create: ACTIONS.createListener, set: ACTIONS.setListener, describe: ACTIONS.describeListener },
  tcp: {
    create: "CreateLoadBalancerTCPListener",
    set: "SetLoadBalancerTCPListenerAttribute",
    describe: "DescribeLoadBalancerTCPListenerAttribute",
  },
  udp: {
    create: "CreateLoadBalancerUDPListener",
    set: "SetLoadBalancerUDPListenerAttribute",
    describe: "DescribeLoadBalancerUDPListenerAttribute",
  },
} as const satisfies Record<ListenerProtocol, { create: string; set: string; describe: string }>;

/** LIST_LISTENERS_ACTION is the paged listener list of one or more load balancers. Ref: the family digest §4 [S4]. */
export const LIST_LISTENERS_ACTION = "DescribeLoadBalancerListeners";

/**
 * FAMILY_ERROR_CODES are the codes the HTTP, TCP and UDP listeners add to ERROR_CODES.
 * Ref: the family digest §5 (ListenerNumberOverLimit [S10]), §7 (the rest), extras §5 (TooManyListeners [S23]).
 */
export const FAMILY_ERROR_CODES = {
  /** Ref: the family digest §7 [S12][S13] (Create TCP/UDP with both server groups). */
  serverGroupMissMatch: "Abs.VServerGroupIdAndMasterSlaveServerGroupId.MissMatch",
  /** Ref: the family digest §5, extras §5 [S10] (50 listeners per instance [S19]). */
  listenerNumberOverLimit: "ListenerNumberOverLimit",
  /** Ref: the family digest §1.1, §7 [S28] (Set on an HTTP redirect listener). */
  operationNotAllowed: "Operation.NotAllowed",
  /** Ref: extras §5 [S23] (Start with no ListenerProtocol on a port several protocols share). */
  tooManyListeners: "TooManyListeners",
  /** Ref: the family digest §7 [S13] (UDP `healthCheckReq` of the wrong length). */
  healthCheckReqLength: "InvalidParamLength.HealthCheckReq",
  /** Ref: the family digest §7 [S13] (UDP `healthCheckExp` of the wrong length). */
  healthCheckExpLength: "InvalidParamLength.HealthCheckExp",
} as const;

/** FAMILY_MESSAGES are the exact messages of FAMILY_ERROR_CODES and of the documented InvalidParameter texts. */
export const FAMILY_MESSAGES = {
  /** Ref: the family digest §7 [S12][S13]. */
  serverGroupMissMatch: "The parameters VServerGroupId or MasterSlaveServerGroupId miss match.",
  /** Ref: extras §5 [S10] (the family digest §5 notes an older text said 30 listeners; the message has no number). */
  listenerNumberOverLimit: "The maximum number of listeners is exceeded.",
  /** Ref: the family digest §1.1, §7 [S28]. */
  operationNotAllowed: "Operation Denied. The HTTP listener does not support this action.",
  /** Ref: extras §5 [S23] (StartLoadBalancerListener's error table, with its final period). */
  tooManyListeners: "More than 1 listener is found, please be more specified.",
  /** Ref: the family digest §7 [S13]. */
  healthCheckReqLength: "The length of the parameter HealthCheckReq is invalid.",
  /** Ref: the family digest §7 [S13]. */
  healthCheckExpLength: "The length of the parameter HealthCheckExp is invalid.",
  /** InvalidParameter for a bandwidth of 0 or over the cap. Ref: the family digest §7 [S10][S29]. */
  bandwidthInvalid: "The specified Bandwidth is invalid.",
  /** InvalidParameter for a port the service refuses. Ref: the family digest §7 [S10]. */
  portInvalid: "The specified port is not valid.",
  /** InvalidParameter for a `ListenerProtocol` that is none of the four. Ref: the family digest §7 [S10]. */
  protocolInvalid: "The specified protocol is not valid.",
} as const;

/**
 * BANDWIDTH_MAX is the largest listener `Bandwidth` in Mbit/s (or -1 for pay-by-traffic), on all four protocols.
 * Ref: the family digest §0, §1.2 [S1][S12]; extras §2 ("Bandwidth -1 or 1–5120", current Tea docs). The HTTPS
 * document's 5000 is the older limit.
 */
export const BANDWIDTH_MAX = 5120;

/**
 * LISTENERS_PER_INSTANCE is the default listener quota of one SLB instance (adjustable).
 * Ref: the family digest §5 [S19].
 */
export const LISTENERS_PER_INSTANCE = 50;

/**
 * UDP_RESERVED_PORTS are the ports a UDP listener cannot use (older docs add 4790; the current ones do not).
 * Ref: the family digest §1.3 [S6][S20].
 */
export const UDP_RESERVED_PORTS: readonly number[] = [250, 4789];

/**
 * SCHEDULERS are each protocol's `Scheduler` values. `wlc` is in older docs of every protocol and in Terraform's
 * list, so the emulator accepts it everywhere. Ref: the family digest §0, §1.3 [S1][S12], §8.1 [S22].
 */
export const SCHEDULERS: Readonly<Record<ListenerProtocol, readonly string[]>> = {
  http: ["wrr", "rr", "wlc"],
  https: ["wrr", "rr", "wlc"],
  tcp: ["wrr", "rr", "sch", "tch", "wlc"],
  udp: ["wrr", "rr", "sch", "tch", "qch", "wlc"],
};

/**
 * HIGH_PERFORMANCE_SCHEDULERS are the consistent-hash schedulers only high-performance (non-shared) instances offer.
 * Ref: the family digest §0 [S1][S12] and the Tea listener list's Scheduler text [S4].
 */
export const HIGH_PERFORMANCE_SCHEDULERS: readonly string[] = ["sch", "tch", "qch"];

/**
 * LIST_MAX_RESULTS bounds `MaxResults` of DescribeLoadBalancerListeners, with its default, and LIST_MAX_LOAD_BALANCERS
 * the `LoadBalancerId.N` it takes. Ref: the family digest §4 [S4].
 */
export const LIST_MAX_RESULTS = { min: 1, max: 100, default: 20 } as const;

/** LIST_MAX_LOAD_BALANCERS is the largest N of `LoadBalancerId.N`. Ref: the family digest §4 [S4] (≤10). */
export const LIST_MAX_LOAD_BALANCERS = 10;

/**
 * RULE_ACTIONS names the forwarding-rule actions. Ref: aliyun-slb-listener-family.md (the family digest) §6.1, §6.2
 * [S5][S9][S14].
 */
export const RULE_ACTIONS = {
  create: "CreateRules",
  describeAll: "DescribeRules",
  describe: "DescribeRuleAttribute",
  set: "SetRule",
  delete: "DeleteRules",
} as const;

/**
 * RULE_ERROR_CODES are the codes of the forwarding-rule actions (OperationFailed.ListenerStatusNotSupport, ListenerNotFound
 * and Operation.NotAllowed are in ERROR_CODES and FAMILY_ERROR_CODES). Ref: the family digest §6, §7 [S10][S13][S14].
 */
export const RULE_ERROR_CODES = {
  /** Ref: the family digest §7 [S10] (CreateRules on a TCP listener). */
  ruleNotSupport: "RuleNotSupport",
  /** Ref: the family digest §7 [S13] (listed on CreateRules in the UDP listener's document). */
  listenerNotSupportRule: "ListenerNotSupportRule",
  /** Ref: the family digest §7 [S10][S14] (the same Domain and Url on the listener). */
  domainExist: "DomainExist",
  /** Ref: the family digest §6.3, §7 [S10][S19] (over 40 rules on the listener). */
  tooManyRules: "TooManyRules",
  /** Ref: the family digest §7 [S10]. */
  ruleListMalformed: "RuleListMalformed",
  /** Ref: the family digest §7 [S10]. */
  domainMalformed: "DomainMalformed",
  /** Ref: the family digest §7 [S10]. */
  urlMalformed: "UrlMalformed",
  /** Ref: the family digest §7 [S10]. */
  urlNotSupport: "URLNotSupport",
  /** Ref: the family digest §6.2, §7 [S10][S23] (404). */
  ruleNotFound: "InvalidRuleId.NotFound",
} as const;

/**
 * RULES_PER_LISTENER is the number of forwarding rules one HTTP or HTTPS listener holds (quota `slb_quota_rules_num`,
 * not adjustable; an older console document said 20). Ref: the family digest §6.3 [S19][S15].
 */
export const RULES_PER_LISTENER = 40;

/** RULES_PER_CALL bounds the RuleList of CreateRules and the RuleIds of DeleteRules. Ref: the family digest §6.3 [S5]. */
export const RULES_PER_CALL = 10;
