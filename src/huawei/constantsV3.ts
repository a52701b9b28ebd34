/**
 * Wire strings of the Huawei Cloud / Open Telekom Cloud dedicated ELB v3 API (listeners, load balancers,
 * certificates): paths, emulator route names, error codes, protocols, status values. Served on the same
 * `elb.{region}.{cloud}` host as the classic v1.0 API.
 *
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md; opentelekomcloud-docs/elastic-load-balancing@15a87b5
 * api-ref/source/apis_v3/listener/*.rst, appendix/error_codes.rst,
 * common_parameters/http_status_codes_for_dedicated_load_balancers.rst.
 */

/** V3_API_VERSION is the path prefix of every dedicated ELB call. */
export const V3_API_VERSION = "v3";

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
