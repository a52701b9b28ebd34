/**
 * Documented SLB answers, each with the document or report it comes from, for the specs that replay them through the
 * client (served by the emulator's fault plan as the service's JSON error body) and the provider.
 * Ref: SLB "Common error codes" (CLB developer guide) and the DescribeLoadBalancerHTTPSListenerAttribute response
 * table, both tabled in ../shared/api-docs/aliyun-slb-https-extras.md (sections 3 and 5).
 */
import { ACTIONS } from "./constants";

/** DocumentedError is one documented error answer: code, HTTP status, exact message, and its source. */
export interface DocumentedError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly source: string;
}

const COMMON = 'SLB "Common error codes"';

/** NOT_FOUND_ANSWERS are the documented answers that prove a listener or its load balancer is gone. */
export const NOT_FOUND_ANSWERS: readonly DocumentedError[] = [
  {
    code: "InvalidParameter",
    status: 400,
    message: "The specified resource does not exist.",
    source: `${COMMON}; terraform-provider-alicloud service_alicloud_slb.go DescribeSlbListener`,
  },
  {
    code: "ListenerNotFound",
    status: 404,
    message: "You have not created a listener for the specified port of the load balancer.",
    source: COMMON,
  },
  {
    code: "InvalidLoadBalancerId.NotFound",
    status: 404,
    message: "The specified LoadBalancerId does not exist.",
    source: `${COMMON}; terraform-provider-alicloud service_alicloud_slb.go`,
  },
];

/** INVALID_PARAMETER is the documented generic validation answer: no proof that anything is gone. */
export const INVALID_PARAMETER: DocumentedError = {
  code: "InvalidParameter",
  status: 400,
  message: "Invalid parameter in the request.",
  source: COMMON,
};

/** BUSY_ANSWERS are the documented answers of a load balancer whose configuration is pending (retried). */
export const BUSY_ANSWERS: readonly DocumentedError[] = [
  {
    code: "OperationBusy",
    status: 400,
    message: "A previous operation is pending.",
    source: `${COMMON}; alibaba/terraform-provider issue 451 (on a listener describe during refresh)`,
  },
  {
    code: "ServiceIsConfiguring",
    status: 400,
    message: "A previous configuration is pending; please try again later.",
    source: `${COMMON}; terraform-provider-alicloud SlbIsBusy`,
  },
  { code: "SystemBusy", status: 449, message: "The system is busy.", source: `${COMMON}; SlbIsBusy` },
];

/** CREATE_ANSWERS are the documented refusals of CreateLoadBalancerHTTPSListener and what the provider makes of them. */
export const CREATE_ANSWERS: readonly (DocumentedError & { readonly behaviour: "conflict" | "fatal" })[] = [
  {
    code: "ListenerAlreadyExists",
    status: 400,
    message: "A listener with the specified port already exists",
    source: COMMON,
    behaviour: "conflict",
  },
  {
    code: "InvalidParameter",
    status: 400,
    message: "The specified parameter ServerCertificateId is not Support.",
    source: `${COMMON}; terraform-provider-alicloud issue reports (a CAS certificate id given to the create)`,
    behaviour: "fatal",
  },
];

/**
 * DESCRIBE_HTTPS_LISTENER is a DescribeLoadBalancerHTTPSListenerAttribute answer with every field of the documented
 * response table in its documented type (Integer fields as numbers, the rest strings or the documented objects),
 * including the fields the provider does not manage. Values are illustrative; the shape is the document's.
 * Ref: aliyun-slb-https-extras.md section 3 (response fields, from the Tea SDK model and the CLB API reference).
 */
export const DESCRIBE_HTTPS_LISTENER = {
  action: ACTIONS.describeListener,
  source: "DescribeLoadBalancerHTTPSListenerAttribute response table (aliyun-slb-https-extras.md section 3)",
  body: {
    RequestId: "CEF72CEB-54B6-4AE8-B225-F876FF7BA984",
    LoadBalancerId: "lb-bp1o94dp5i6earr9g6d1l",
    ListenerPort: 443,
    BackendServerPort: 80,
    Bandwidth: -1,
    Status: "running",
    Description: "doc-listener",
    Scheduler: "wrr",
    StickySession: "on",
    StickySessionType: "insert",
    CookieTimeout: 500,
    Cookie: "",
    HealthCheck: "on",
    HealthCheckDomain: "",
    HealthCheckURI: "/health",
    HealthCheckHttpCode: "http_2xx",
    HealthCheckMethod: "head",
    HealthyThreshold: 4,
    UnhealthyThreshold: 4,
    HealthCheckTimeout: 6,
    HealthCheckInterval: 5,
    HealthCheckConnectPort: 80,
    IdleTimeout: 15,
    RequestTimeout: 60,
    ServerCertificateId: "idkp-123-cn-test-01",
    CACertificateId: "",
    TLSCipherPolicy: "tls_cipher_policy_1_0",
    EnableHttp2: "on",
    Gzip: "on",
    SecurityStatus: "on",
    VServerGroupId: "",
    AclId: "",
    AclStatus: "off",
    AclType: "",
    AclIds: { AclId: [] },
    XForwardedFor: "on",
    XForwardedFor_SLBIP: "off",
    XForwardedFor_SLBID: "off",
    XForwardedFor_proto: "off",
    XForwardedFor_SLBPORT: "off",
    XForwardedFor_ClientSrcPort: "off",
    XForwardedFor_ClientCertSubjectDN: "off",
    XForwardedFor_ClientCertIssuerDN: "off",
    XForwardedFor_ClientCertFingerprint: "off",
    XForwardedFor_ClientCertClientVerify: "off",
    Rules: { Rule: [] },
    DomainExtensions: { DomainExtension: [] },
    Tags: { Tag: [] },
  },
} as const;
