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

/** WireInput is the name of an input that has a request parameter. */
export type WireInput = keyof typeof WIRE_NAMES;

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
