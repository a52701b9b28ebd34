/**
 * Wire strings of the Huawei Cloud / Open Telekom Cloud classic ELB v1.0 API: paths, headers, signing algorithm,
 * status values and error codes. Nothing else in the package spells them.
 *
 * Ref: ../shared/api-docs/huawei-elb-v1-add-listener.md (POST /v1.0/{project_id}/elbaas/listeners);
 * error codes: "Error Codes for Classic Load Balancers" (opentelekomcloud/docs elb/api-reference); gateway codes:
 * Huawei Cloud API Request Signing Guide, "Error Codes" (devg-apisign/api-sign-errorcode.html).
 * The dedicated ELB v3 strings (`V3_*`, `ELB_V3_CODES`) are served on the same `elb.{region}.{cloud}` host.
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md; opentelekomcloud-docs/elastic-load-balancing@15a87b5
 * api-ref/source/apis_v3/listener/*.rst, appendix/error_codes.rst,
 * common_parameters/http_status_codes_for_dedicated_load_balancers.rst.
 */

/** API_VERSION is the path prefix of every classic ELB call. */
const API_VERSION = "v1.0";

/** PATHS builds the classic ELB paths below `/v1.0/{project_id}`. */
export const PATHS = {
  listeners: (projectId: string): string => `/${API_VERSION}/${projectId}/elbaas/listeners`,
  listener: (projectId: string, id: string): string => `/${API_VERSION}/${projectId}/elbaas/listeners/${id}`,
  loadBalancer: (projectId: string, id: string): string => `/${API_VERSION}/${projectId}/elbaas/loadbalancers/${id}`,
  certificates: (projectId: string): string => `/${API_VERSION}/${projectId}/elbaas/certificate`,
} as const;

/** OPERATIONS names each call in errors and logs, with the project id left as a placeholder (never a secret). */
export const OPERATIONS = {
  createListener: "POST /v1.0/{project_id}/elbaas/listeners",
  getListener: "GET /v1.0/{project_id}/elbaas/listeners/{listener_id}",
  listListeners: "GET /v1.0/{project_id}/elbaas/listeners",
  updateListener: "PUT /v1.0/{project_id}/elbaas/listeners/{listener_id}",
  deleteListener: "DELETE /v1.0/{project_id}/elbaas/listeners/{listener_id}",
  getLoadBalancer: "GET /v1.0/{project_id}/elbaas/loadbalancers/{loadbalancer_id}",
  listCertificates: "GET /v1.0/{project_id}/elbaas/certificate",
} as const;

/** ROUTES are the emulator's route names (also the fault-plan targets and call-counter keys). */
export const ROUTES = {
  createListener: "POST /listeners",
  getListener: "GET /listeners/{id}",
  listListeners: "GET /listeners",
  updateListener: "PUT /listeners/{id}",
  deleteListener: "DELETE /listeners/{id}",
  getLoadBalancer: "GET /loadbalancers/{id}",
  listCertificates: "GET /certificate",
} as const;

/** SIGNING holds the strings of the SDK-HMAC-SHA256 AK/SK signature. */
export const SIGNING = {
  algorithm: "SDK-HMAC-SHA256",
  dateHeader: "X-Sdk-Date",
  authorizationHeader: "Authorization",
  /** The gateway rejects a request whose X-Sdk-Date is more than 15 minutes away from its clock. */
  maxClockSkewMs: 15 * 60 * 1000,
} as const;

/** HEADERS are the other header names the client and emulator use. */
export const HEADERS = {
  authToken: "X-Auth-Token",
  projectId: "X-Project-Id",
  requestId: "X-Request-Id",
  contentType: "Content-Type",
} as const;

/** LISTENER_STATUS lists the listener statuses of the document's response table. */
export const LISTENER_STATUS = {
  active: "ACTIVE",
  pendingCreate: "PENDING_CREATE",
  error: "ERROR",
} as const;

/** LB_TYPE is the classic load balancer `type`: External is public, Internal is private. */
export const LB_TYPE = { public: "External", private: "Internal" } as const;

/**
 * WIRE_SSL_PROTOCOLS maps the document's `ssl_protocols` spelling (the input contract) to the spelling the services
 * accept on the wire. Ref: Open Telekom Cloud API reference "Adding a Listener"/"Modifying a Listener" (value
 * `TLSv1.2` or `TLSv1.2 TLSv1.1 TLSv1`); terraform-provider-opentelekomcloud resource_opentelekomcloud_elb_listener.go
 * and gophertelekomcloud elbaas/listeners use the same strings.
 */
export const WIRE_SSL_PROTOCOLS = {
  "TLS 1.2": "TLSv1.2",
  "TLS 1.2 TLS 1.1 TLS 1.0": "TLSv1.2 TLSv1.1 TLSv1",
} as const;

/** ELB_CODES are the classic ELB error codes this package acts on (see the classic error-code table). */
export const ELB_CODES = {
  /**
   * 400 "Lb can not be updated." — retried as the load balancer's configuration lock. Assumed: the table says only
   * "Failed to modify the load balancer. Check the parameters."; that it is the lock while the load balancer is being
   * reconfigured is this package's reading, not the document's.
   */
  lbLocked: "ELB.1015",
  /** 404 "Find lb failed." — the load balancer does not exist. */
  lbNotFound: "ELB.1002",
  /** 400 "Lb not exist." */
  lbNotExist: "ELB.1003",
  /** 400 "Request parameter is not valid." */
  invalidParameter: "ELB.1001",
  /** 400 `Request parameters error, "..nilKey.." is nil.` — a mandatory parameter is missing. */
  missingParameter: "ELB.6001",
  /** 503 "Delete listener failed, listener does not exist." */
  listenerNotFound: "ELB.6002",
  /** 400 "Listener name too long." */
  nameTooLong: "ELB.6011",
  /** 400 "Listener name is not valid." */
  nameInvalid: "ELB.6021",
  /** 400 "Listener description too long." */
  descriptionTooLong: "ELB.6031",
  /** 400 "Listener port is not in 1 ~ 65535." */
  portInvalid: "ELB.6041",
  /** 400 "Listener lb algorithm is not valid." */
  algorithmInvalid: "ELB.6051",
  /** 400 "Listener protocol is not valid." */
  protocolInvalid: "ELB.6061",
  /** 400 "Listener backend protocol is not valid." */
  backendProtocolInvalid: "ELB.6071",
  /** 400 "Listener sticky_session_type is not valid." */
  stickySessionTypeInvalid: "ELB.6081",
  /** 403 "Request lb has more than user listener quota." */
  listenerQuota: "ELB.6091",
  /** 400 "Listener port is repeated." */
  portInUse: "ELB.6101",
  /** 400 "This listener property cannot be updated" */
  propertyNotUpdatable: "ELB.6015",
  /** 400 "The loadbalaner that the listener belongs to is not exist." */
  listenerLbNotFound: "ELB.6040",
  /** 400 "Api request is null." — an empty or unreadable body. */
  emptyRequest: "ELB.0002",
} as const;

/** APIGW_CODES are the API gateway codes (body `{"error_msg","error_code","request_id"}`) this package acts on. */
export const APIGW_CODES = {
  /**
   * 404 "The API does not exist or has not been published in the environment." — wrong endpoint or path, or a region
   * that does not offer the classic ELB API.
   */
  apiNotFound: "APIGW.0101",
  /** 404, the same answer from the older API gateway (APIG): "The API does not exist or has not been published in the environment". */
  apigApiNotFound: "APIG.0101",
  /** 401 "Incorrect IAM authentication information: ..." — bad signature, expired date, unknown AK, bad token. */
  iamAuthFailed: "APIGW.0301",
  /** 403 "The IAM user is not authorized to access the API." */
  iamForbidden: "APIGW.0302",
  /** 429 "The throttling threshold has been reached: ..." */
  throttled: "APIGW.0308",
} as const;

/** NETWORK_CODES are the codes of failed exchanges: no answer, a timeout, or an answer that is not JSON. */
export const NETWORK_CODES = {
  reset: "ECONNRESET",
  refused: "ECONNREFUSED",
  timeout: "ETIMEDOUT",
  notJson: "NON_JSON_RESPONSE",
  other: "NETWORK_ERROR",
  /** The endpoint's host name does not resolve: a wrong region or endpoint, not worth retrying. */
  unresolvable: "ENOTFOUND",
} as const;

/** V3_API_VERSION is the path prefix of every dedicated ELB call. */
const V3_API_VERSION = "v3";

/** V3_PATHS builds the dedicated ELB paths below `/v3/{project_id}/elb`. */
export const V3_PATHS = {
  listeners: (projectId: string): string => `/${V3_API_VERSION}/${projectId}/elb/listeners`,
  listener: (projectId: string, id: string): string => `/${V3_API_VERSION}/${projectId}/elb/listeners/${id}`,
  forceDeleteListener: (projectId: string, id: string): string =>
    `/${V3_API_VERSION}/${projectId}/elb/listeners/${id}/force`,
  loadBalancer: (projectId: string, id: string): string => `/${V3_API_VERSION}/${projectId}/elb/loadbalancers/${id}`,
  certificate: (projectId: string, id: string): string => `/${V3_API_VERSION}/${projectId}/elb/certificates/${id}`,
} as const;

/** V3_ROUTES are the emulator's v3 route names (also the fault-plan targets and call-counter keys). */
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

/** V3_OPERATIONS names each dedicated ELB call in errors and logs, the project id left as a placeholder. */
export const V3_OPERATIONS = {
  createListener: "POST /v3/{project_id}/elb/listeners",
  getListener: "GET /v3/{project_id}/elb/listeners/{listener_id}",
  listListeners: "GET /v3/{project_id}/elb/listeners",
  updateListener: "PUT /v3/{project_id}/elb/listeners/{listener_id}",
  deleteListener: "DELETE /v3/{project_id}/elb/listeners/{listener_id}",
  getLoadBalancer: "GET /v3/{project_id}/elb/loadbalancers/{loadbalancer_id}",
} as const;

/**
 * ELB_V3_CODES are the dedicated ELB error codes (body `{"error_msg","error_code","request_id"}`).
 * Ref: appendix/error_codes.rst; http_status_codes_for_dedicated_load_balancers.rst.
 */
export const ELB_V3_CODES = {
  /** 400 "Invalid input for '%s'." — malformed body, invalid field, create-only field in PUT. */
  invalidInput: "ELB.8902",
  /** 404 "%s %s could not be found." — listener, load balancer, certificate, IP group unknown. */
  notFound: "ELB.8904",
  /** 409 "Quota exceeded for resources: %s" */
  quotaExceeded: "ELB.8905",
  /** 500 "Internal server error." */
  internal: "ELB.8906",
  /** 409 "Data conflict. ..." — the port is already in use (and, as the emulator chooses, a load balancer busy). */
  conflict: "ELB.8907",
  /** 403 "The feature is not supported." */
  notSupported: "ELB.8962",
} as const;

/** V3_PROTOCOLS are the listener protocols Open Telekom Cloud documents for dedicated load balancers. */
export const V3_PROTOCOLS = ["TCP", "UDP", "HTTP", "HTTPS"] as const;

/** V3_LB_STATUS lists the load balancer `provisioning_status` values the emulator answers. */
export const V3_LB_STATUS = {
  active: "ACTIVE",
  /** Assumed: not documented for v3; the emulator shows it while a change settles (see lockMs). */
  pendingUpdate: "PENDING_UPDATE",
  pendingDelete: "PENDING_DELETE",
  error: "ERROR",
} as const;

/**
 * V2_ROUTE_FAMILY names the two route families of the shared ELB v2 listener API: Open Telekom Cloud documents only
 * `/v2.0/lbaas/...` (project from the token), Huawei Cloud `/v2/{project_id}/elb/...` (its `/v2.0/lbaas` routes are
 * filed as "Discarded"). Ref: ../shared/api-docs/huawei-elb-v2-listener.md §1.
 */
export const V2_ROUTE_FAMILY = { otc: "otc", huawei: "huawei" } as const;

/** V2RouteFamily is one of the two shared ELB route families. */
export type V2RouteFamily = (typeof V2_ROUTE_FAMILY)[keyof typeof V2_ROUTE_FAMILY];

/**
 * V2_PATHS builds the shared ELB v2 paths of each route family, and the tag API both clouds document for listeners
 * (`/v2.0/{project_id}/listeners/{id}/tags`). Ref: digest §1 (routes, tags).
 */
export const V2_PATHS = {
  otc: {
    listeners: (): string => "/v2.0/lbaas/listeners",
    listener: (id: string): string => `/v2.0/lbaas/listeners/${id}`,
    loadBalancer: (id: string): string => `/v2.0/lbaas/loadbalancers/${id}`,
  },
  huawei: {
    listeners: (projectId: string): string => `/v2/${projectId}/elb/listeners`,
    listener: (projectId: string, id: string): string => `/v2/${projectId}/elb/listeners/${id}`,
    loadBalancer: (projectId: string, id: string): string => `/v2/${projectId}/elb/loadbalancers/${id}`,
  },
  tags: (projectId: string, id: string): string => `/v2.0/${projectId}/listeners/${id}/tags`,
  tagsAction: (projectId: string, id: string): string => `/v2.0/${projectId}/listeners/${id}/tags/action`,
} as const;

/** V2_OPERATIONS names each shared ELB call in errors and logs, per route family, the project id left as a placeholder. */
export const V2_OPERATIONS = {
  otc: {
    createListener: "POST /v2.0/lbaas/listeners",
    getListener: "GET /v2.0/lbaas/listeners/{listener_id}",
    listListeners: "GET /v2.0/lbaas/listeners",
    updateListener: "PUT /v2.0/lbaas/listeners/{listener_id}",
    deleteListener: "DELETE /v2.0/lbaas/listeners/{listener_id}",
    getLoadBalancer: "GET /v2.0/lbaas/loadbalancers/{loadbalancer_id}",
  },
  huawei: {
    createListener: "POST /v2/{project_id}/elb/listeners",
    getListener: "GET /v2/{project_id}/elb/listeners/{listener_id}",
    listListeners: "GET /v2/{project_id}/elb/listeners",
    updateListener: "PUT /v2/{project_id}/elb/listeners/{listener_id}",
    deleteListener: "DELETE /v2/{project_id}/elb/listeners/{listener_id}",
    getLoadBalancer: "GET /v2/{project_id}/elb/loadbalancers/{loadbalancer_id}",
  },
  listTags: "GET /v2.0/{project_id}/listeners/{listener_id}/tags",
  tagAction: "POST /v2.0/{project_id}/listeners/{listener_id}/tags/action",
  /** The unified v3 GET and PUT on a shared listener, for the fields v2 lacks (both Terraform providers). */
  getListenerV3: V3_OPERATIONS.getListener,
  updateListenerV3: V3_OPERATIONS.updateListener,
  getLoadBalancerV3: V3_OPERATIONS.getLoadBalancer,
} as const;

/** V2_PROTOCOLS are the shared listener protocols; HTTPS is spelled TERMINATED_HTTPS. Ref: digest §2 `protocol`. */
export const V2_PROTOCOLS = ["TCP", "UDP", "HTTP", "TERMINATED_HTTPS"] as const;

/** V2_TLS_PROTOCOL is the shared listeners' spelling of HTTPS (the v3 API converts HTTPS to it). Ref: digest §1, §9. */
export const V2_TLS_PROTOCOL = "TERMINATED_HTTPS";

/** V2_UDP_RESERVED_PORT is the port a UDP listener cannot use. Ref: digest §2 `protocol_port` ("UDP ≠ 4789"). */
export const V2_UDP_RESERVED_PORT = 4789;

/** V2_LB_STATUS lists the shared load balancer `provisioning_status` values. Ref: digest §5. */
export const V2_LB_STATUS = {
  active: "ACTIVE",
  pendingCreate: "PENDING_CREATE",
  error: "ERROR",
} as const;

/** V2_TAG_ACTION are the `action` values of the listener tag API. Ref: digest §1 (tags). */
export const V2_TAG_ACTION = { create: "create", delete: "delete" } as const;

/** NEUTRON_ERROR_KEY is the key of the OpenStack-style error body of the `/v2.0/lbaas` routes. Ref: digest §6. */
export const NEUTRON_ERROR_KEY = "NeutronError";

/**
 * ELB_V2_CODES are the shared ELB error codes this package acts on (body `{"error_code","error_msg","request_id"}`)
 * and the upstream Neutron-LBaaS `type`s of `{"NeutronError": {"type","message","detail"}}` bodies.
 * Ref: digest §6; opentelekomcloud-docs/elastic-load-balancing@15a87b5 appendix/error_codes.rst; neutron-lbaas
 * `neutron_lbaas/extensions/loadbalancerv2.py` (◐ for both clouds).
 */
export const ELB_V2_CODES = {
  /** 400 (documented) or 409 (upstream, a HW log) "Load Balaner *** already has a listener with protocol_port of ***." */
  portInUse: "ELB.6200",
  /** 400 "The listener does not exist." */
  listenerNotFound: "ELB.2011",
  /** 400 "The load balancer that the listener is associated with does not exist." (the classic code's twin) */
  listenerLbNotFound: "ELB.6040",
  /** 400 "Quota exceeded for resources:['listener']." */
  quotaExceeded: "ELB.9807",
  /** 400 "The default_tls_container_ref field of the TERMINATED_HTTPS listener does not allow updating to null" */
  certificateNotNull: "ELB.9899",
  /** 400 "The certificate ID must be 32 characters." */
  certificateIdLength: "ELB.5020",
  /** 404 "The certificate does not exist." — a 404 that is not the listener's. */
  certificateNotFound: "ELB.5040",
  /** 400 "Tenant_id in token mismatches with tenant_id in url." */
  tenantMismatch: "ELB.9808",
  /** NeutronError 409: a listener already holds the port (upstream exception name). */
  neutronPortExists: "LoadBalancerListenerProtocolPortExists",
  /** NeutronError 409: the load balancer is PENDING_* ("Invalid state PENDING_UPDATE of loadbalancer resource <id>"). */
  neutronStateInvalid: "StateInvalid",
  /** NeutronError 409: "%(entity_using)s is using %(entity_in_use)s %(id)s" (a pool still attached). */
  neutronEntityInUse: "EntityInUse",
  /** NeutronError 409: the default pool's protocol does not fit the listener's. */
  neutronPoolProtocolMismatch: "ListenerPoolProtocolMismatch",
  /** NeutronError 409: upstream's quota refusal "Quota exceeded for resources: %(overs)s." */
  neutronOverQuota: "OverQuota",
  /** NeutronError 404: the certificate a listener names does not exist (not the listener). */
  neutronTlsContainerNotFound: "TLSContainerNotFound",
  /** NeutronError 404: a route or resource the service does not find ("The resource could not be found."). */
  neutronHttpNotFound: "HTTPNotFound",
} as const;
