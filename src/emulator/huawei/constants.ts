/**
 * The ELB emulator's wire strings: the API gateway's headers, signing algorithm and codes; the classic ELB v1.0
 * values, error codes and route names; the dedicated ELB v3 protocols, statuses, codes and route names. Written from
 * the documents, not taken from the provider, so that a provider table that drifts from the service shows up as a
 * disagreement (see ../tables.spec.ts) instead of being copied into the fake.
 *
 * Sources, cited below by their short names:
 * - "v1 doc": shared/api-docs/huawei-elb-v1-add-listener.md (Adding a Listener, classic).
 * - "v3 doc": shared/api-docs/huawei-elb-v3-listener.md (dedicated ELB v3 listener digest, § numbers).
 * - "OTC classic": opentelekomcloud/docs@bf7f76b5c8f74af898e3b3f726ee563c89ec2fed, doc/source/elb/api-reference/
 *   {adding-a-listener-classic, modifying-a-listener-classic, creating-a-load-balancer-classic,
 *   error-codes-for-classic-load-balancers}.md.
 * - "signing guide": Huawei Cloud API Request Signing Guide (AK/SK signing; "Error Codes", devg-apisign/
 *   api-sign-errorcode.html), and Open Telekom Cloud's APIG FAQ apig-faq-0009 on the X-Sdk-Date window.
 */

/**
 * HEADERS are the request headers the emulated gateway reads.
 * Ref: v3 doc §1 ("Auth": `X-Auth-Token`, or `Authorization: SDK-HMAC-SHA256 ...` with `X-Sdk-Date`).
 */
export const HEADERS = {
  authToken: "X-Auth-Token",
  authorization: "Authorization",
  sdkDate: "X-Sdk-Date",
} as const;

/** SIGNING holds the strings and the clock window of the SDK-HMAC-SHA256 AK/SK signature. */
export const SIGNING = {
  /** Ref: v3 doc §1; signing guide (the algorithm name opens the Authorization value and the string to sign). */
  algorithm: "SDK-HMAC-SHA256",
  /**
   * The gateway refuses an X-Sdk-Date more than 15 minutes from its own clock. Ref: signing guide; apig-faq-0009
   * ("The difference between the client's signature timestamp x-sdk-date and the APIG server's time exceeds 15
   * minutes").
   */
  maxClockSkewMs: 15 * 60 * 1000,
} as const;

/**
 * APIGW_CODES are the API gateway codes of the body `{"error_msg","error_code","request_id"}`.
 * Ref: signing guide, "Error Codes" (APIGW.0101 404, APIGW.0301 401, APIGW.0302 403, APIGW.0308 429).
 */
export const APIGW_CODES = {
  apiNotFound: "APIGW.0101",
  /**
   * Assumed: the older gateway's (APIG) code for the same 404; apig-faq pages show that gateway's codes spelt
   * `APIG.*` (e.g. APIG.0303), not this one. Only a fault rule names it.
   */
  apigApiNotFound: "APIG.0101",
  iamAuthFailed: "APIGW.0301",
  iamForbidden: "APIGW.0302",
  throttled: "APIGW.0308",
} as const;

/** LB_TYPE is the classic load balancer `type`. Ref: OTC classic, creating-a-load-balancer ("Internal or External"). */
export const LB_TYPE = { public: "External", private: "Internal" } as const;

/** LISTENER_STATUS are the classic listener statuses. Ref: v1 doc, response `status`: ACTIVE, PENDING_CREATE, ERROR. */
export const LISTENER_STATUS = {
  active: "ACTIVE",
  pendingCreate: "PENDING_CREATE",
  error: "ERROR",
} as const;

/**
 * SSL_PROTOCOLS are the classic `ssl_protocols` values the service takes, and its default.
 * Ref: OTC classic, adding-a-listener and modifying-a-listener ("The value is TLSv1.2 or TLSv1.2 TLSv1.1 TLSv1 and
 * the default value is TLSv1.2"). The v1 doc, converted from an older page of the same reference, spells them
 * `TLS 1.2` and `TLS 1.2 TLS 1.1 TLS 1.0`; the emulator takes the OTC spelling, the one clients send (see
 * ../tables.spec.ts for the two documents side by side).
 */
export const SSL_PROTOCOLS = {
  tls12: "TLSv1.2",
  /** With this value `ssl_ciphers` can only be `Extended`. Ref: v1 doc, `ssl_ciphers`. */
  tls12To10: "TLSv1.2 TLSv1.1 TLSv1",
} as const;

/**
 * ELB_CODES are the classic ELB error codes the emulator answers with (body `{"error":{"message","code"}}`).
 * Ref: OTC classic, error-codes-for-classic-load-balancers (status, code, message per row, quoted at each entry).
 */
export const ELB_CODES = {
  /** 400 "Api request is null." */
  emptyRequest: "ELB.0002",
  /** 400 "Api response is null or invaild." (the emulator's own failures use it with 500, see errors.ts). */
  responseEmpty: "ELB.0004",
  /** 400 "Request parameter is not valid." */
  invalidParameter: "ELB.1001",
  /** 404 "Find lb failed." */
  lbNotFound: "ELB.1002",
  /** 400 "Lb not exist." */
  lbNotExist: "ELB.1003",
  /**
   * 400 "Lb can not be updated." Assumed: that it answers changes while the load balancer reconfigures; the table
   * says only "The load balancer cannot be modified."
   */
  lbLocked: "ELB.1015",
  /** 400 `Request parameters error, "..nilKey.." is nil.` */
  missingParameter: "ELB.6001",
  /** 503 "Delete listener failed, listener does not exist." */
  listenerNotFound: "ELB.6002",
  /** 400 "Request parameters error, listener name too long." */
  nameTooLong: "ELB.6011",
  /** 400 "This listener property cannot be updated" */
  propertyNotUpdatable: "ELB.6015",
  /** 400 "Request parameters error, listener name is not valid." */
  nameInvalid: "ELB.6021",
  /** 400 "Request parameters error, listener len description too long." */
  descriptionTooLong: "ELB.6031",
  /** 400 "The loadbalaner that the listener belongs to is not exist." */
  listenerLbNotFound: "ELB.6040",
  /** 400 "Request parameters error, listener port is not in 1 ~ 65535." */
  portInvalid: "ELB.6041",
  /** 400 "Request parameters error, listener lb algorithm is not valid." */
  algorithmInvalid: "ELB.6051",
  /** 400 "Request parameters error, listener protocol is not valid." */
  protocolInvalid: "ELB.6061",
  /** 400 "Request parameters error, listener backend protocol is not valid." */
  backendProtocolInvalid: "ELB.6071",
  /** 400 "Request parameters error, listener sticky_session_type is not valid." */
  stickySessionTypeInvalid: "ELB.6081",
  /** 403 "Request lb has more than user listener quota." */
  listenerQuota: "ELB.6091",
  /** 400 "Listener port is repeated." */
  portInUse: "ELB.6101",
} as const;

/**
 * ROUTES are the emulator's classic route names: the fault-plan targets and call-counter keys, the method and the
 * path below `/v1.0/{project_id}/elbaas`. Ref: v1 doc (POST /v1.0/{project_id}/elbaas/listeners) and the OTC classic
 * listener, load balancer and certificate pages for the others.
 */
export const ROUTES = {
  createListener: "POST /listeners",
  getListener: "GET /listeners/{id}",
  listListeners: "GET /listeners",
  updateListener: "PUT /listeners/{id}",
  deleteListener: "DELETE /listeners/{id}",
  getLoadBalancer: "GET /loadbalancers/{id}",
  listCertificates: "GET /certificate",
} as const;

/**
 * V3_ROUTES are the emulator's dedicated ELB route names (fault-plan targets and call-counter keys), the method and
 * the path below `/v3/{project_id}/elb` with `/v3` kept to tell them from the classic ones. Ref: v3 doc §1 (routes),
 * §5 (GET of a load balancer); apis_v3/certificate for the certificate GET.
 */
export const V3_ROUTES = {
  createListener: "POST /v3/listeners",
  getListener: "GET /v3/listeners/{id}",
  listListeners: "GET /v3/listeners",
  updateListener: "PUT /v3/listeners/{id}",
  deleteListener: "DELETE /v3/listeners/{id}",
  forceDeleteListener: "DELETE /v3/listeners/{id}/force",
  getLoadBalancer: "GET /v3/loadbalancers/{id}",
  getCertificate: "GET /v3/certificates/{id}",
} as const;

/**
 * V3_PROTOCOLS are the listener protocols Open Telekom Cloud offers on dedicated load balancers.
 * Ref: v3 doc §2 `protocol` ("OTC: TCP, UDP, HTTP, HTTPS"; QUIC, TLS and IP are Huawei Cloud only).
 */
export const V3_PROTOCOLS = ["TCP", "UDP", "HTTP", "HTTPS"] as const;

/** V3_LB_STATUS are the load balancer `provisioning_status` values the emulator shows. */
export const V3_LB_STATUS = {
  /** Ref: v3 doc §5 (documented). */
  active: "ACTIVE",
  /** Ref: v3 doc §5 (documented). */
  pendingDelete: "PENDING_DELETE",
  /** Assumed: not documented for v3 (§5 ✘); the emulator shows it while a change settles, as §6 suggests. */
  pendingUpdate: "PENDING_UPDATE",
  /** Assumed: not documented for v3 (§5 ✘); only a test forces it. */
  error: "ERROR",
} as const;

/**
 * ELB_V3_CODES are the dedicated ELB codes of the body `{"error_msg","error_code","request_id"}`.
 * Ref: v3 doc §7 (appendix/error_codes.rst; http_status_codes_for_dedicated_load_balancers.rst).
 */
export const ELB_V3_CODES = {
  /** 400 "Invalid input for '%s'." */
  invalidInput: "ELB.8902",
  /** 404 "%s %s could not be found." */
  notFound: "ELB.8904",
  /** 409 "Quota exceeded for resources: %s" */
  quotaExceeded: "ELB.8905",
  /** 500 "Internal server error." */
  internal: "ELB.8906",
  /** 409 "Data conflict. ..." (a port already in use) */
  conflict: "ELB.8907",
  /** 403 "The feature is not supported." */
  notSupported: "ELB.8962",
} as const;

/**
 * HEADER_PROJECT_ID is the header an AK/SK-signed request names its project in when the path has none (the Open
 * Telekom Cloud `/v2.0/lbaas` routes). Ref: shared/api-docs/huawei-elb-v2-listener.md §1 ("Project scope": the
 * project comes from the token); gophertelekomcloud's AK/SK signer sends `X-Project-Id`.
 */
export const HEADER_PROJECT_ID = "X-Project-Id";

/**
 * V2_ROUTES are the emulator's shared ELB (v2) route names (fault-plan targets and call-counter keys): the Open
 * Telekom Cloud family below `/v2.0/lbaas` keeps `/v2.0/lbaas`, the Huawei Cloud family below `/v2/{project_id}/elb`
 * keeps `/v2`, the tag API below `/v2.0/{project_id}` keeps `/v2.0`. Ref: "v2 doc" =
 * shared/api-docs/huawei-elb-v2-listener.md §1 (routes and the tag API), §5 (GET of a load balancer).
 */
export const V2_ROUTES = {
  otcCreateListener: "POST /v2.0/lbaas/listeners",
  otcGetListener: "GET /v2.0/lbaas/listeners/{id}",
  otcListListeners: "GET /v2.0/lbaas/listeners",
  otcUpdateListener: "PUT /v2.0/lbaas/listeners/{id}",
  otcDeleteListener: "DELETE /v2.0/lbaas/listeners/{id}",
  otcGetLoadBalancer: "GET /v2.0/lbaas/loadbalancers/{id}",
  hwCreateListener: "POST /v2/listeners",
  hwGetListener: "GET /v2/listeners/{id}",
  hwListListeners: "GET /v2/listeners",
  hwUpdateListener: "PUT /v2/listeners/{id}",
  hwDeleteListener: "DELETE /v2/listeners/{id}",
  hwGetLoadBalancer: "GET /v2/loadbalancers/{id}",
  tagAction: "POST /v2.0/listeners/{id}/tags/action",
  listTags: "GET /v2.0/listeners/{id}/tags",
  addTag: "POST /v2.0/listeners/{id}/tags",
  deleteTag: "DELETE /v2.0/listeners/{id}/tags/{key}",
} as const;

/**
 * V2_PROTOCOLS are the shared listener protocols of both clouds. Ref: v2 doc §2 `protocol` (plain `HTTPS` is not in
 * the v2 enum).
 */
export const V2_PROTOCOLS = ["TCP", "UDP", "HTTP", "TERMINATED_HTTPS"] as const;

/** V2_LB_STATUS are the shared load balancer `provisioning_status` values the emulator shows. */
export const V2_LB_STATUS = {
  /** Ref: v2 doc §5 (documented). */
  active: "ACTIVE",
  /** Ref: v2 doc §5 (documented; the emulator seeds one load balancer in it). */
  error: "ERROR",
  /**
   * Assumed: not documented for v2 (§5 ✘); upstream Neutron-LBaaS shows it around every listener change, and the
   * digest's emulator advice is to show it briefly after a change.
   */
  pendingUpdate: "PENDING_UPDATE",
} as const;

/**
 * ELB_V2_CODES are the shared ELB codes of the body `{"error_msg","error_code","request_id"}` (the Huawei Cloud
 * `/v2/{project_id}/elb` routes). Ref: v2 doc §6; OTC http_status_codes_of_shared_load_balancers.rst and
 * appendix/error_codes.rst (status and message quoted at each factory in v2/errors.ts).
 */
export const ELB_V2_CODES = {
  bodyMissing: "ELB.0002",
  internal: "ELB.0004",
  /**
   * 400 "The listener does not exist." (appendix). Only a fault rule names it: the emulator answers an unknown listener
   * 404 ELB.9800, as both Terraform providers read a missing listener as a 404 (see v2/errors.ts `notFound`).
   */
  listenerNotFound: "ELB.2011",
  /**
   * 400 "Quota exceeded for resources:['listener']." (status table; the account's 100 listeners). Only a fault rule
   * names it: the emulator models the 50 listeners per load balancer (ELB.6091), not the account quota.
   */
  quotaExceeded: "ELB.9807",
  certificateIdLength: "ELB.5020",
  certificateNotFound: "ELB.5040",
  nameTooLong: "ELB.6011",
  propertyNotUpdatable: "ELB.6015",
  nameInvalid: "ELB.6021",
  updateNameTooLong: "ELB.6025",
  descriptionTooLong: "ELB.6031",
  updateNameInvalid: "ELB.6035",
  listenerLbNotFound: "ELB.6040",
  portInvalid: "ELB.6041",
  updateDescriptionTooLong: "ELB.6045",
  protocolInvalid: "ELB.6061",
  listenerLimit: "ELB.6091",
  portInUse: "ELB.6200",
  conflict: "ELB.8907",
  notFound: "ELB.9800",
  requiredParameter: "ELB.9805",
  /**
   * Answered on the v3 route to a shared listener: "Only [ HTTP, HTTPS ] listeners support 'client_timeout',
   * 'member_timeout' and 'enable_member_retry' attribute " (S11, a logged v3 body, trailing space kept).
   */
  v3ProtocolAttribute: "ELB.8901",
  /** Answered on the v3 route to a shared listener: "Listener v2 does not supported attribute %s" (S5, logged). */
  v3Invalid: "ELB.8902",
  tenantMismatch: "ELB.9808",
  invalidParameter: "ELB.9899",
} as const;

/**
 * NEUTRON_TYPES are the `type` values of the `{"NeutronError": {"type","message","detail"}}` body of the Open Telekom
 * Cloud `/v2.0/lbaas` routes: the exception class names upstream Neutron-LBaaS writes there. Ref: v2 doc §6 (a
 * logged `HTTPNotFound` body, S6; the upstream classes, S1 ◐).
 */
export const NEUTRON_TYPES = {
  badRequest: "HTTPBadRequest",
  notFound: "HTTPNotFound",
  entityNotFound: "EntityNotFound",
  entityInUse: "EntityInUse",
  portExists: "LoadBalancerListenerProtocolPortExists",
  stateInvalid: "StateInvalid",
  overQuota: "OverQuota",
  /** Only a fault rule names it: the emulator holds no backend server groups whose protocol could mismatch. */
  poolProtocolMismatch: "ListenerPoolProtocolMismatch",
  tlsDefaultContainerNotSpecified: "TLSDefaultContainerNotSpecified",
  tlsContainerNotFound: "TLSContainerNotFound",
  internal: "HTTPInternalServerError",
} as const;

/**
 * TAG_CODES are the codes of the listener tag API (both clouds). Ref: apis_v2.0/tag/status_codes.rst (Table 2).
 */
export const TAG_CODES = {
  invalid: "VPC.1801",
  operation: "VPC.1814",
} as const;
