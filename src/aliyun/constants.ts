/**
 * Wire strings of the Alibaba Cloud SLB RPC API (version 2014-05-15) used by the HttpsListener resource, its client
 * and the emulator: API version, action names, parameter names, error codes and endpoints.
 * Ref: shared/api-docs/aliyun-slb-CreateLoadBalancerHTTPSListener.md
 */

/** API_VERSION is the SLB RPC API version every request carries. */
export const API_VERSION = "2014-05-15";

/** ACTIONS names every SLB action this package calls or the emulator implements. */
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

/** LISTENER_PROTOCOL is the `ListenerProtocol` value of an HTTPS listener (Start/Stop/Delete take it). */
export const LISTENER_PROTOCOL = "https";

/**
 * WIRE_NAMES maps each HttpsListener input to its request parameter. Most are the input with a capital first letter;
 * the exceptions (`CACertificateId`, `HealthCheckURI`, `TLSCipherPolicy`, `XForwardedFor_SLBID`, ...) are spelled as
 * the document spells them.
 */
export const WIRE_NAMES = {
  loadBalancerId: "LoadBalancerId",
  listenerPort: "ListenerPort",
  bandwidth: "Bandwidth",
  healthCheck: "HealthCheck",
  serverCertificateId: "ServerCertificateId",
  stickySession: "StickySession",
  regionId: "RegionId",
  aclId: "AclId",
  aclStatus: "AclStatus",
  aclType: "AclType",
  backendServerPort: "BackendServerPort",
  caCertificateId: "CACertificateId",
  cookie: "Cookie",
  cookieTimeout: "CookieTimeout",
  description: "Description",
  enableHttp2: "EnableHttp2",
  gzip: "Gzip",
  healthCheckConnectPort: "HealthCheckConnectPort",
  healthCheckDomain: "HealthCheckDomain",
  healthCheckHttpCode: "HealthCheckHttpCode",
  healthCheckInterval: "HealthCheckInterval",
  healthCheckTimeout: "HealthCheckTimeout",
  healthCheckUri: "HealthCheckURI",
  healthyThreshold: "HealthyThreshold",
  idleTimeout: "IdleTimeout",
  requestTimeout: "RequestTimeout",
  scheduler: "Scheduler",
  stickySessionType: "StickySessionType",
  tlsCipherPolicy: "TLSCipherPolicy",
  unhealthyThreshold: "UnhealthyThreshold",
  vServerGroupId: "VServerGroupId",
  xForwardedFor: "XForwardedFor",
  xForwardedForSlbId: "XForwardedFor_SLBID",
  xForwardedForSlbIp: "XForwardedFor_SLBIP",
  xForwardedForProto: "XForwardedFor_proto",
  // Ref: aliyun-slb-https-extras.md §2 [S3][S4][S5]. `aclIds` (comma-joined in AclId) and `tags`
  // (Tag.N.Key / Tag.N.Value, create only) are not one-to-one and are written by wire.ts.
  healthCheckMethod: "HealthCheckMethod",
  xForwardedForSlbPort: "XForwardedFor_SLBPORT",
  xForwardedForClientSrcPort: "XForwardedFor_ClientSrcPort",
} as const;

/**
 * ERROR_CODES are the SLB error codes the provider reacts to and the emulator answers with.
 * Ref: SLB "Common error codes" (CLB developer guide), tabled with statuses and messages in
 * ../shared/api-docs/aliyun-slb-https-extras.md section 5; README "Error codes the providers act on".
 */
export const ERROR_CODES = {
  listenerAlreadyExists: "ListenerAlreadyExists",
  loadBalancerNotFound: "InvalidLoadBalancerId.NotFound",
  /** 404 "You have not created a listener for the specified port of the load balancer." */
  listenerNotFound: "ListenerNotFound",
  /** Assumed: no SLB table lists a not-found code for a CA certificate; the emulator's own. */
  caCertificateNotFound: "CACertificateId.NotFound",
  invalidParameter: "InvalidParameter",
  missingParameter: "MissingParameter",
  accessKeyNotFound: "InvalidAccessKeyId.NotFound",
  signatureDoesNotMatch: "SignatureDoesNotMatch",
  throttlingUser: "Throttling.User",
  operationBusy: "OperationBusy",
  serviceIsConfiguring: "ServiceIsConfiguring",
  systemBusy: "SystemBusy",
  listenerStatusNotSupport: "OperationFailed.ListenerStatusNotSupport",
  serviceUnavailable: "ServiceUnavailable",
  internalError: "InternalError",
  invalidAction: "InvalidAction.NotFound",
} as const;

/** NETWORK_CODES are the codes an ApiError carries when there was no usable answer from the service. */
export const NETWORK_CODES = {
  reset: "ECONNRESET",
  refused: "ECONNREFUSED",
  timeout: "RequestTimeout",
  invalidResponse: "InvalidResponse",
  network: "NetworkError",
} as const;

/**
 * RESOURCE_NOT_FOUND_MESSAGE is the message SLB gives, with InvalidParameter and HTTP 400, for a listener that does not
 * exist. Ref: SLB "Common error codes"; terraform-provider-alicloud `DescribeSlbListener` treats it as not found.
 */
export const RESOURCE_NOT_FOUND_MESSAGE = "The specified resource does not exist.";

/** MESSAGES are the documented messages of the SLB answers the emulator gives. Ref: SLB "Common error codes". */
export const MESSAGES = {
  listenerNotFound: "You have not created a listener for the specified port of the load balancer.",
  listenerAlreadyExists: "A listener with the specified port already exists",
  operationBusy: "A previous operation is pending.",
  serviceIsConfiguring: "A previous configuration is pending; please try again later.",
  systemBusy: "The system is busy.",
  serverCertificateNotSupported: "The specified parameter ServerCertificateId is not Support.",
  listenerStatusNotSupport: "The status of the listener does not support this operation. Please try again later.",
} as const;

/** SYSTEM_BUSY_STATUS is the HTTP status SLB gives SystemBusy. Ref: SLB "Common error codes" (449). */
export const SYSTEM_BUSY_STATUS = 449;

/** CENTRAL_ENDPOINT is the SLB endpoint shared by the regions that have no regional one. */
export const CENTRAL_ENDPOINT = "https://slb.aliyuncs.com";

/**
 * CENTRAL_ENDPOINT_REGIONS are the public regions served by `slb.aliyuncs.com`; every other region uses
 * `slb.<region>.aliyuncs.com`. Ref: the SLB endpoint map of alibaba-cloud-sdk-go (`services/slb/endpoint.go`) that
 * terraform-provider-alicloud uses.
 */
export const CENTRAL_ENDPOINT_REGIONS: readonly string[] = [
  "cn-hangzhou",
  "cn-beijing",
  "cn-qingdao",
  "cn-shanghai",
  "cn-shenzhen",
  "cn-hongkong",
  "cn-wuhan",
  "ap-southeast-1",
  "us-east-1",
  "us-west-1",
];

/**
 * DOMAIN_EXTENSION_ACTIONS names the SLB domain-extension (additional certificate, SNI) actions.
 * Ref: shared/api-docs/aliyun-slb-https-extras.md §1.3-1.7.
 */
export const DOMAIN_EXTENSION_ACTIONS = {
  create: "CreateDomainExtension",
  describeAll: "DescribeDomainExtensions",
  describe: "DescribeDomainExtensionAttribute",
  set: "SetDomainExtensionAttribute",
  delete: "DeleteDomainExtension",
} as const;

/**
 * DOMAIN_EXTENSION_ERROR_CODES are the documented error codes of the domain-extension actions, and the SLB code for a
 * parameter a shared-performance load balancer does not support. Ref: shared/api-docs/aliyun-slb-https-extras.md §1.8,
 * §2.1 (InvalidParameter.SpecNotSupport, terraform-provider-alicloud issue 533).
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
  // Assumed: no stored source names the quota error; named after SLB's ListenerNumberOverLimit / AclNumberOverLimit.
  numberOverLimit: "DomainExtensionNumberOverLimit",
} as const;

/**
 * DOMAIN_EXTENSION_QUOTA is the default number of domain extensions per HTTPS listener (quota
 * `slb_quota_domain_extensions_num`, raisable to 10). Ref: shared/api-docs/aliyun-slb-https-extras.md §1.1 [S20].
 */
export const DOMAIN_EXTENSION_QUOTA = 3;

/** ACL_IDS_PER_LISTENER is the default number of ACLs on one listener. Ref: aliyun-slb-https-extras.md §2 [S21]. */
export const ACL_IDS_PER_LISTENER = 3;

/** TAGS_PER_LISTENER is the number of `Tag.N` pairs a create takes (N 1-20). Ref: aliyun-slb-https-extras.md §2 [S3]. */
export const TAGS_PER_LISTENER = 20;

/**
 * TLS_CIPHER_POLICIES are the `TLSCipherPolicy` values of an HTTPS listener, including the TLS 1.3 one.
 * Ref: shared/api-docs/aliyun-slb-https-extras.md §2.1 [S3].
 */
export const TLS_CIPHER_POLICIES = [
  "tls_cipher_policy_1_0",
  "tls_cipher_policy_1_1",
  "tls_cipher_policy_1_2",
  "tls_cipher_policy_1_2_strict",
  "tls_cipher_policy_1_2_strict_with_1_3",
] as const;

/** HEALTH_CHECK_METHODS are the `HealthCheckMethod` values. Ref: aliyun-slb-https-extras.md §2 [S3][S4]. */
export const HEALTH_CHECK_METHODS = ["head", "get"] as const;

/**
 * EXTRA_WIRE_NAMES maps the HTTPS listener inputs the HTTPS document lacks to their request parameters (`aclIds` is
 * sent comma-joined in `AclId`; tags as `Tag.N.Key` / `Tag.N.Value`, at create only).
 * Ref: shared/api-docs/aliyun-slb-https-extras.md §2.
 */
export const EXTRA_WIRE_NAMES = {
  healthCheckMethod: "HealthCheckMethod",
  xForwardedForSlbPort: "XForwardedFor_SLBPORT",
  xForwardedForClientSrcPort: "XForwardedFor_ClientSrcPort",
  aclIds: "AclId",
} as const;

/**
 * DOMAIN_EXTENSION_WIRE_NAMES maps each DomainExtension input (and its id) to its request parameter.
 * Ref: shared/api-docs/aliyun-slb-https-extras.md §1.3-1.7 [S8][S6].
 */
export const DOMAIN_EXTENSION_WIRE_NAMES = {
  regionId: "RegionId",
  loadBalancerId: "LoadBalancerId",
  listenerPort: "ListenerPort",
  domain: "Domain",
  serverCertificateId: "ServerCertificateId",
  domainExtensionId: "DomainExtensionId",
} as const;

/**
 * ListenerProtocol is a listener's protocol as `ListenerProtocol` takes it (lower case) and as its id spells it
 * (`<loadBalancerId>:<protocol>:<port>`). Ref: aliyun-slb-listener-family.md §4, §5 [S4][S22].
 */
export type ListenerProtocol = "https" | "http" | "tcp" | "udp";

/**
 * LISTENER_ACTIONS names each protocol's create, attribute-set and attribute-describe actions; Start, Stop and Delete
 * are shared (ACTIONS) and take `ListenerProtocol`. Ref: aliyun-slb-listener-family.md §1-3 [S1][S2][S3].
 */
export const LISTENER_ACTIONS = {
  https: { create: ACTIONS.createListener, set: ACTIONS.setListener, describe: ACTIONS.describeListener },
  http: {
    create: "CreateLoadBalancerHTTPListener",
    set: "SetLoadBalancerHTTPListenerAttribute",
    describe: "DescribeLoadBalancerHTTPListenerAttribute",
  },
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
} as const;

/** LISTENER_PROTOCOL_PARAM is the parameter Start, Stop and Delete take the protocol in. Ref: family §4 [S4]. */
export const LISTENER_PROTOCOL_PARAM = "ListenerProtocol";

/** SHARED_WIRE_NAMES are the parameters every protocol spells alike on every action. Ref: family §0 [S1][S2][S3]. */
const SHARED_WIRE_NAMES = {
  loadBalancerId: "LoadBalancerId",
  listenerPort: "ListenerPort",
  regionId: "RegionId",
  bandwidth: "Bandwidth",
  backendServerPort: "BackendServerPort",
  vServerGroupId: "VServerGroupId",
  scheduler: "Scheduler",
  aclId: "AclId",
  aclStatus: "AclStatus",
  aclType: "AclType",
  description: "Description",
  healthCheckConnectPort: "HealthCheckConnectPort",
  healthyThreshold: "HealthyThreshold",
  unhealthyThreshold: "UnhealthyThreshold",
} as const;

/** HTTP_CHECK_WIRE_NAMES are the HTTP health-check parameters of HTTP, HTTPS and TCP listeners. Ref: family §0 [S1]. */
const HTTP_CHECK_WIRE_NAMES = {
  healthCheckDomain: "HealthCheckDomain",
  healthCheckUri: "HealthCheckURI",
  healthCheckHttpCode: "HealthCheckHttpCode",
} as const;

/** HTTP_WIRE is an HTTP listener's parameters on create; Describe spells them alike. Ref: family §0, §1.1 [S1][S3]. */
const HTTP_WIRE = {
  ...SHARED_WIRE_NAMES,
  ...HTTP_CHECK_WIRE_NAMES,
  healthCheck: "HealthCheck",
  healthCheckInterval: "HealthCheckInterval",
  healthCheckTimeout: "HealthCheckTimeout",
  healthCheckMethod: "HealthCheckMethod",
  stickySession: "StickySession",
  stickySessionType: "StickySessionType",
  cookie: "Cookie",
  cookieTimeout: "CookieTimeout",
  gzip: "Gzip",
  idleTimeout: "IdleTimeout",
  requestTimeout: "RequestTimeout",
  xForwardedFor: "XForwardedFor",
  xForwardedForSlbId: "XForwardedFor_SLBID",
  xForwardedForSlbIp: "XForwardedFor_SLBIP",
  xForwardedForProto: "XForwardedFor_proto",
  xForwardedForSlbPort: "XForwardedFor_SLBPORT",
  xForwardedForClientSrcPort: "XForwardedFor_ClientSrcPort",
  listenerForward: "ListenerForward",
  forwardPort: "ForwardPort",
} as const;

/**
 * L4_CREATE_WIRE are the TCP and UDP parameters of a create: the health-check switch is `HealthCheckSwitch`, its
 * timeout `HealthCheckConnectTimeout`, and the interval the lowercase `healthCheckInterval` (create only).
 * Ref: family §0, §1.2, §1.3 [S1][S6][S7].
 */
const L4_CREATE_WIRE = {
  ...SHARED_WIRE_NAMES,
  healthCheck: "HealthCheckSwitch",
  healthCheckTimeout: "HealthCheckConnectTimeout",
  healthCheckInterval: "healthCheckInterval",
  masterSlaveServerGroupId: "MasterSlaveServerGroupId",
  proxyProtocolV2Enabled: "ProxyProtocolV2Enabled",
} as const;

/** TCP_ONLY_WIRE are the TCP listener's own parameters, alike on every action. Ref: family §0, §1.2 [S1][S2][S3]. */
const TCP_ONLY_WIRE = {
  ...HTTP_CHECK_WIRE_NAMES,
  healthCheckType: "HealthCheckType",
  persistenceTimeout: "PersistenceTimeout",
  establishedTimeout: "EstablishedTimeout",
  connectionDrain: "ConnectionDrain",
  connectionDrainTimeout: "ConnectionDrainTimeout",
} as const;

/**
 * LISTENER_WIRE_NAMES maps each protocol's inputs to their parameter per action: create, set, and the member of the
 * describe answer. One input name per setting; the wire differs: `HealthCheck` (HTTP/HTTPS, and every Describe) vs
 * `HealthCheckSwitch` (TCP/UDP create and set), `HealthCheckTimeout` vs `HealthCheckConnectTimeout`, the lowercase
 * `healthCheckInterval` on TCP/UDP create only, the lowercase `healthCheckReq`/`healthCheckExp` on UDP create and set
 * that Describe returns capitalised. Set has no parameter for the backend port, the redirect or tags (they replace).
 * Ref: aliyun-slb-listener-family.md §0-3 [S1][S2][S3][S6][S7].
 */
export const LISTENER_WIRE_NAMES = {
  https: { create: WIRE_NAMES, set: WIRE_NAMES, describe: WIRE_NAMES },
  http: { create: HTTP_WIRE, set: HTTP_WIRE, describe: HTTP_WIRE },
  tcp: {
    create: { ...L4_CREATE_WIRE, ...TCP_ONLY_WIRE },
    set: { ...L4_CREATE_WIRE, ...TCP_ONLY_WIRE, healthCheckInterval: "HealthCheckInterval" },
    describe: {
      ...L4_CREATE_WIRE,
      ...TCP_ONLY_WIRE,
      healthCheck: "HealthCheck",
      healthCheckInterval: "HealthCheckInterval",
    },
  },
  udp: {
    create: { ...L4_CREATE_WIRE, healthCheckReq: "healthCheckReq", healthCheckExp: "healthCheckExp" },
    set: {
      ...L4_CREATE_WIRE,
      healthCheckInterval: "HealthCheckInterval",
      healthCheckReq: "healthCheckReq",
      healthCheckExp: "healthCheckExp",
    },
    describe: {
      ...L4_CREATE_WIRE,
      healthCheck: "HealthCheck",
      healthCheckInterval: "HealthCheckInterval",
      healthCheckReq: "HealthCheckReq",
      healthCheckExp: "HealthCheckExp",
    },
  },
} as const;

/**
 * SET_SWITCHES are the Set-only switches that attach or detach a server group: `VServerGroup` and
 * `MasterSlaveServerGroup` (`on`|`off`). Ref: family §2 [S2][S7].
 */
export const SET_SWITCHES = {
  vServerGroupId: "VServerGroup",
  masterSlaveServerGroupId: "MasterSlaveServerGroup",
} as const;

/**
 * REDIRECT_CREATE_PARAMS are what a redirect (ListenerForward=on) HTTP create sends besides the redirect, as
 * Terraform's create does: health check and sticky sessions off, backend port 80 (the service ignores all three on a
 * redirect listener). Ref: aliyun-slb-listener-family.md §1.1 [S22].
 */
export const REDIRECT_CREATE_PARAMS = { HealthCheck: "off", StickySession: "off", BackendServerPort: 80 } as const;

/** BANDWIDTH_MAX is the highest bandwidth of a listener in Mbit/s (or -1). Ref: family §0, §1.2 [S1][S11][S12]. */
export const BANDWIDTH_MAX = 5120;

/** RESERVED_UDP_PORTS are the ports a UDP listener cannot use. Ref: aliyun-slb-listener-family.md §1.3 [S6][S20]. */
export const RESERVED_UDP_PORTS = [250, 4789] as const;

/**
 * LISTENER_FAMILY_ERROR_CODES are the HTTP, TCP and UDP listener codes beyond the HTTPS ones.
 * Ref: aliyun-slb-listener-family.md §7 [S10][S12][S13][S28].
 */
export const LISTENER_FAMILY_ERROR_CODES = {
  /** Set on a redirect HTTP listener: "Operation Denied. The HTTP listener does not support this action." [S28] */
  operationNotAllowed: "Operation.NotAllowed",
  serverGroupMissMatch: "Abs.VServerGroupIdAndMasterSlaveServerGroupId.MissMatch",
} as const;

/**
 * RULE_ACTIONS names the SLB forwarding-rule actions. Ref: aliyun-slb-listener-family.md §6.1, §6.2 [S5][S9][S14].
 */
export const RULE_ACTIONS = {
  create: "CreateRules",
  set: "SetRule",
  delete: "DeleteRules",
  describeAll: "DescribeRules",
  describe: "DescribeRuleAttribute",
} as const;

/**
 * RULE_WIRE_NAMES maps each ForwardingRule input to its request parameter (and, for the RuleList items and the
 * Describe answers, its member), plus the batch parameters `RuleList` and `RuleIds`.
 * Ref: aliyun-slb-listener-family.md §6.1, §6.2 [S5][S9][S14].
 */
export const RULE_WIRE_NAMES = {
  regionId: "RegionId",
  loadBalancerId: "LoadBalancerId",
  listenerPort: "ListenerPort",
  listenerProtocol: "ListenerProtocol",
  ruleList: "RuleList",
  ruleIds: "RuleIds",
  ruleId: "RuleId",
  ruleName: "RuleName",
  domain: "Domain",
  url: "Url",
  vServerGroupId: "VServerGroupId",
  listenerSync: "ListenerSync",
  scheduler: "Scheduler",
  stickySession: "StickySession",
  stickySessionType: "StickySessionType",
  cookie: "Cookie",
  cookieTimeout: "CookieTimeout",
  healthCheck: "HealthCheck",
  healthCheckUri: "HealthCheckURI",
  healthCheckDomain: "HealthCheckDomain",
  healthCheckHttpCode: "HealthCheckHttpCode",
  healthCheckConnectPort: "HealthCheckConnectPort",
  healthCheckTimeout: "HealthCheckTimeout",
  healthCheckInterval: "HealthCheckInterval",
  healthyThreshold: "HealthyThreshold",
  unhealthyThreshold: "UnhealthyThreshold",
} as const;

/**
 * RULE_ERROR_CODES are the documented codes of the forwarding-rule actions.
 * Ref: aliyun-slb-listener-family.md §7 [S10][S13][S14][S23].
 */
export const RULE_ERROR_CODES = {
  /** 404 "Rule does not exist." from SetRule, DeleteRules and DescribeRuleAttribute [S10][S23]. */
  notFound: "InvalidRuleId.NotFound",
  /** 400 "rule with same domain and url already exists in specified vip" [S10][S14]. */
  domainExist: "DomainExist",
  /** 400 "the number of rules under specified vip is beyond maximum limit." [S10] */
  tooManyRules: "TooManyRules",
  /** 400 "the specified parameter RuleList is unavailable." [S10] */
  ruleListMalformed: "RuleListMalformed",
  /** 400 "the specified domain in RuleList parameter is unavailable." [S10] */
  domainMalformed: "DomainMalformed",
  /** 400 "the specified url in RuleList parameter is unavailable." [S10] */
  urlMalformed: "UrlMalformed",
  /** 400 "the URL in the rule is invalid." [S10] */
  urlNotSupport: "URLNotSupport",
  /** 400 "Rule is not support in the tcp type listener." [S10] */
  ruleNotSupport: "RuleNotSupport",
  /** 400 "You cannot create a rule for the specified listener." [S13] */
  listenerNotSupportRule: "ListenerNotSupportRule",
  /** 400 "The specified VServerGroupId is invalid; it does not contain vServers." [S10] */
  vServerGroupEmpty: "VServerGroupEmpty",
} as const;

/** RULE_MESSAGES are the documented messages of the rule codes. Ref: aliyun-slb-listener-family.md §7 [S10][S13]. */
export const RULE_MESSAGES = {
  notFound: "Rule does not exist.",
  domainExist: "rule with same domain and url already exists in specified vip",
  tooManyRules: "the number of rules under specified vip is beyond maximum limit.",
  ruleNotSupport: "Rule is not support in the tcp type listener.",
} as const;

/** RULES_PER_CALL is how many rules one CreateRules or DeleteRules call takes. Ref: family §6.1, §6.3 [S5]. */
export const RULES_PER_CALL = 10;

/** RULES_PER_LISTENER is the number of rules an HTTP or HTTPS listener holds, not adjustable. Ref: family §6.3 [S19]. */
export const RULES_PER_LISTENER = 40;
