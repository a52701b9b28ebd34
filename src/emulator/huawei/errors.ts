/**
 * The ELB emulator's errors: one factory per real classic ELB code (`{"error":{"message","code"}}`) and per API
 * gateway code (`{"error_msg","error_code","request_id"}`), with the service's literal code, message and HTTP status,
 * and the renderers of both bodies. Ref: "Error Codes for Classic Load Balancers"; API Request Signing Guide.
 */
import { randomUUID } from "node:crypto";
import type { Reply } from "../http";
import { APIGW_CODES, ELB_CODES } from "./constants";

/** ElbError is an error answer of the emulated ELB service; `parameter` names the offending request parameter. */
export class ElbError extends Error {
  override name = "ElbError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/** GatewayError is an error answer of the emulated API gateway in front of the service. */
export class GatewayError extends Error {
  override name = "GatewayError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** ELB_ERRORS builds each service error the emulator answers with, as the classic error-code table words it. */
export const ELB_ERRORS = {
  emptyRequest: () => new ElbError(ELB_CODES.emptyRequest, "Api request is null.", 400),
  missingParameter: (key: string) =>
    new ElbError(ELB_CODES.missingParameter, `Request parameters error, "${key}" is nil.`, 400, key),
  invalidParameter: (key: string) =>
    new ElbError(ELB_CODES.invalidParameter, `Request parameter is not valid. (${key})`, 400, key),
  nameTooLong: () =>
    new ElbError(ELB_CODES.nameTooLong, "Request parameters error, listener name too long.", 400, "name"),
  nameInvalid: () =>
    new ElbError(ELB_CODES.nameInvalid, "Request parameters error, listener name is not valid.", 400, "name"),
  descriptionTooLong: () =>
    new ElbError(
      ELB_CODES.descriptionTooLong,
      "Request parameters error, listener len description too long.",
      400,
      "description",
    ),
  portInvalid: () =>
    new ElbError(ELB_CODES.portInvalid, "Request parameters error, listener port is not in 1 ~ 65535.", 400, "port"),
  algorithmInvalid: () =>
    new ElbError(
      ELB_CODES.algorithmInvalid,
      "Request parameters error, listener lb algorithm is not valid.",
      400,
      "lb_algorithm",
    ),
  protocolInvalid: () =>
    new ElbError(
      ELB_CODES.protocolInvalid,
      "Request parameters error, listener protocol is not valid.",
      400,
      "protocol",
    ),
  backendProtocolInvalid: () =>
    new ElbError(
      ELB_CODES.backendProtocolInvalid,
      "Request parameters error, listener backend protocol is not valid.",
      400,
      "backend_protocol",
    ),
  stickySessionTypeInvalid: () =>
    new ElbError(
      ELB_CODES.stickySessionTypeInvalid,
      "Request parameters error, listener sticky_session_type is not valid.",
      400,
      "sticky_session_type",
    ),
  listenerQuota: () => new ElbError(ELB_CODES.listenerQuota, "Request lb has more than user listener quota.", 403),
  portInUse: () => new ElbError(ELB_CODES.portInUse, "Listener port is repeated.", 400, "port"),
  /**
   * listenerNotFound is ELB.6002. The table documents it with 503 for a delete; Assumed: a GET of a missing listener
   * answers the same code with 404 (the document's status list for that GET has 404 "Not Found").
   */
  listenerNotFound: (status: 404 | 503) =>
    new ElbError(ELB_CODES.listenerNotFound, "Delete listener failed, listener does not exist.", status),
  propertyNotUpdatable: (key: string) =>
    new ElbError(ELB_CODES.propertyNotUpdatable, "This listener property cannot be updated", 400, key),
  listenerLbNotFound: () =>
    new ElbError(
      ELB_CODES.listenerLbNotFound,
      "The loadbalaner that the listener belongs to is not exist.",
      400,
      "loadbalancer_id",
    ),
  lbNotFound: () => new ElbError(ELB_CODES.lbNotFound, "Find lb failed.", 404),
  /** Assumed: ELB.1015 as the lock of a load balancer being reconfigured (see ELB_CODES.lbLocked). */
  lbLocked: () => new ElbError(ELB_CODES.lbLocked, "Lb can not be updated.", 400),
  /**
   * internal answers a failure of the emulator itself. The table gives ELB.0004 400 (the backend's answer was empty);
   * Assumed: a server-side failure is better shown as 500, so that callers treat it as the service's fault.
   */
  internal: () => new ElbError(ELB_CODES.responseEmpty, "Api response is null or invaild.", 500),
} as const;

/** GATEWAY_ERRORS builds each API gateway error, as the signing guide words it. */
export const GATEWAY_ERRORS = {
  apiNotFound: () =>
    new GatewayError(
      APIGW_CODES.apiNotFound,
      "The API does not exist or has not been published in the environment.",
      404,
    ),
  signatureFailed: () =>
    new GatewayError(
      APIGW_CODES.iamAuthFailed,
      "Incorrect IAM authentication information: verify aksk signature fail",
      401,
    ),
  unknownAccessKey: () =>
    new GatewayError(
      APIGW_CODES.iamAuthFailed,
      "Incorrect IAM authentication information: Get secretKey failed,ak:******,err:ak not exist",
      401,
    ),
  dateInvalid: () =>
    new GatewayError(
      APIGW_CODES.iamAuthFailed,
      "Incorrect IAM authentication information: x-sdk-date is missing or more than 15 minutes from the server time",
      401,
    ),
  missingAuthorization: () =>
    new GatewayError(APIGW_CODES.iamAuthFailed, "Incorrect IAM authentication information: no authorization", 401),
  tokenInvalid: () =>
    new GatewayError(APIGW_CODES.iamAuthFailed, "Incorrect IAM authentication information: decrypt token fail", 401),
  forbidden: () => new GatewayError(APIGW_CODES.iamForbidden, "The IAM user is not authorized to access the API.", 403),
  throttled: (limit: number) =>
    new GatewayError(
      APIGW_CODES.throttled,
      `The throttling threshold has been reached: policy user over ratelimit,limit:${limit},time:1 second`,
      429,
    ),
} as const;

/** newRequestId is a request id in the gateway's form (32 hex characters). */
export function newRequestId(): string {
  return randomUUID().replace(/-/g, "");
}

/** renderElbError writes a service error body; the request id travels in the `X-Request-Id` header. */
export function renderElbError(error: ElbError, requestId: string): Reply {
  return {
    status: error.status,
    headers: { "content-type": "application/json", "x-request-id": requestId },
    body: JSON.stringify({ error: { message: error.message, code: error.code } }),
  };
}

/** renderGatewayError writes a gateway error body, which carries its own `request_id`. */
export function renderGatewayError(error: GatewayError, requestId: string): Reply {
  return {
    status: error.status,
    headers: { "content-type": "application/json", "x-request-id": requestId },
    body: JSON.stringify({ error_msg: error.message, error_code: error.code, request_id: requestId }),
  };
}

/** KNOWN_STATUS is the documented HTTP status of the codes a fault rule may name without a status. */
const KNOWN_STATUS: Readonly<Record<string, number>> = {
  [APIGW_CODES.apiNotFound]: 404,
  [APIGW_CODES.apigApiNotFound]: 404,
  [APIGW_CODES.iamAuthFailed]: 401,
  [APIGW_CODES.iamForbidden]: 403,
  [APIGW_CODES.throttled]: 429,
  [ELB_CODES.listenerNotFound]: 503,
  [ELB_CODES.lbNotFound]: 404,
  [ELB_CODES.listenerQuota]: 403,
};

/** renderFault answers a fault rule of kind `error` with the body of its code's family (gateway or service). */
export function renderFault(code: string | undefined, status: number | undefined, message: string | undefined): Reply {
  const c = code ?? ELB_CODES.responseEmpty;
  const s = status ?? KNOWN_STATUS[c] ?? (code !== undefined && c.startsWith("ELB.") ? 400 : 500);
  const requestId = newRequestId();
  if (c.startsWith("APIGW.") || c.startsWith("APIG."))
    return renderGatewayError(new GatewayError(c, message ?? "Injected gateway fault", s), requestId);
  return renderElbError(new ElbError(c, message ?? "Injected service fault", s), requestId);
}
