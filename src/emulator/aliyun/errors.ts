/**
 * The SLB emulator's errors: one factory per real API code, with the service's literal code, message and HTTP status,
 * and the renderer of the service's error body `{ RequestId, HostId, Code, Message, Recommend }`.
 * Ref: SLB "Common error codes" (CLB developer guide), tabled in ../shared/api-docs/aliyun-slb-https-extras.md
 * section 5. Answers no document words are marked `Assumed:`.
 */
import { randomUUID } from "node:crypto";
import type { Reply } from "../http";
import {
  ERROR_CODES,
  FAMILY_ERROR_CODES,
  FAMILY_MESSAGES,
  MESSAGES,
  RESOURCE_NOT_FOUND_MESSAGE,
  SYSTEM_BUSY_STATUS,
} from "./constants";
import { DOMAIN_EXTENSION_KNOWN_ERRORS } from "./domainExtensionMessages";
import { RULE_KNOWN_ERRORS } from "./ruleMessages";

/** SlbError is an error answer of the emulated SLB service. */
export class SlbError extends Error {
  override name = "SlbError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** HOST_ID is the HostId the emulator puts in error bodies. */
const HOST_ID = "slb.aliyuncs.com";

/** SLB_ERRORS builds each error the emulator answers with, as the real service words it. */
export const SLB_ERRORS = {
  missingParameter: (name: string) =>
    new SlbError(
      ERROR_CODES.missingParameter,
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
      400,
    ),
  invalidParameter: (name: string) =>
    new SlbError(ERROR_CODES.invalidParameter, `The specified parameter "${name}" is not valid.`, 400),
  accessKeyNotFound: () => new SlbError(ERROR_CODES.accessKeyNotFound, "Specified access key is not found.", 404),
  signatureDoesNotMatch: () =>
    new SlbError(ERROR_CODES.signatureDoesNotMatch, "Specified signature is not matched with our calculation.", 400),
  invalidAction: (action: string) =>
    new SlbError(
      ERROR_CODES.invalidAction,
      `Specified api is not found, please check your url and method. (${action})`,
      404,
    ),
  /**
   * Assumed: 400, as other Alibaba Cloud APIs answer Throttling.User; extras §5 notes SLB's status is unverified (one
   * report reads 429). The provider retries the code whatever its status.
   */
  throttlingUser: () => new SlbError(ERROR_CODES.throttlingUser, MESSAGES.throttlingUser, 400),
  operationBusy: () => new SlbError(ERROR_CODES.operationBusy, MESSAGES.operationBusy, 400),
  serviceIsConfiguring: () => new SlbError(ERROR_CODES.serviceIsConfiguring, MESSAGES.serviceIsConfiguring, 400),
  systemBusy: () => new SlbError(ERROR_CODES.systemBusy, MESSAGES.systemBusy, SYSTEM_BUSY_STATUS),
  loadBalancerNotFound: () =>
    new SlbError(ERROR_CODES.loadBalancerNotFound, "The specified LoadBalancerId does not exist.", 404),
  /** listenerNotFound is what the listener actions answer for a port with no listener (InvalidParameter, 400). */
  listenerNotFound: () => new SlbError(ERROR_CODES.invalidParameter, RESOURCE_NOT_FOUND_MESSAGE, 400),
  listenerAlreadyExists: () => new SlbError(ERROR_CODES.listenerAlreadyExists, MESSAGES.listenerAlreadyExists, 400),
  /**
   * serverCertificateNotSupported answers a ServerCertificateId the region does not hold. Ref: "Common error codes" and
   * aliyun/terraform-provider-alicloud issue reports (a CAS certificate id given to CreateLoadBalancerHTTPSListener).
   */
  serverCertificateNotSupported: () =>
    new SlbError(ERROR_CODES.invalidParameter, MESSAGES.serverCertificateNotSupported, 400),
  /** Assumed: no document words the answer for an unknown CA certificate; this code and message are the emulator's. */
  caCertificateNotFound: () =>
    new SlbError(ERROR_CODES.caCertificateNotFound, "The specified CACertificateId does not exist.", 400),
  internalError: () =>
    new SlbError(ERROR_CODES.internalError, "The request processing has failed due to some unknown error.", 500),
  /**
   * listenerNotFoundForProtocol answers Start, Stop or Delete naming a `ListenerProtocol` that no listener on the port
   * has, while other protocols' listeners hold it. Ref: extras §5 [S10] (ListenerNotFound, 404, its message).
   * Assumed: the service picks this code here; a port with no listener at all keeps listenerNotFound's answer.
   */
  listenerNotFoundForProtocol: () => new SlbError(ERROR_CODES.listenerNotFound, MESSAGES.listenerNotFound, 404),
  /**
   * tooManyListeners answers Start, Stop or Delete without `ListenerProtocol` on a port several protocols share.
   * Ref: extras §5 [S23] (Start). Assumed: Stop and Delete answer alike (the family digest §4 says the parameter is
   * required there too, without an error table).
   */
  tooManyListeners: () => new SlbError(FAMILY_ERROR_CODES.tooManyListeners, FAMILY_MESSAGES.tooManyListeners, 400),
  /** listenerNumberOverLimit answers a create past the instance's listener quota. Ref: extras §5 [S10]. */
  listenerNumberOverLimit: () =>
    new SlbError(FAMILY_ERROR_CODES.listenerNumberOverLimit, FAMILY_MESSAGES.listenerNumberOverLimit, 400),
  /**
   * serverGroupMissMatch answers `VServerGroupId` and `MasterSlaveServerGroupId` together. Ref: the family digest §7
   * [S12][S13] (Create TCP/UDP). Assumed: Set answers alike when both would be attached.
   */
  serverGroupMissMatch: () =>
    new SlbError(FAMILY_ERROR_CODES.serverGroupMissMatch, FAMILY_MESSAGES.serverGroupMissMatch, 400),
  /**
   * operationNotAllowed answers SetLoadBalancerHTTPListenerAttribute on a redirect listener. Ref: the family digest
   * §1.1 [S28] (code and message). Assumed: HTTP 400; the report does not show the status.
   */
  operationNotAllowed: () =>
    new SlbError(FAMILY_ERROR_CODES.operationNotAllowed, FAMILY_MESSAGES.operationNotAllowed, 400),
  /** healthCheckReqLength answers a UDP `healthCheckReq` outside 1-64 characters. Ref: the family digest §7 [S13]. */
  healthCheckReqLength: () =>
    new SlbError(FAMILY_ERROR_CODES.healthCheckReqLength, FAMILY_MESSAGES.healthCheckReqLength, 400),
  /**
   * healthCheckExpLength answers a UDP `healthCheckExp` outside 1-64 characters. Ref: the family digest §7 [S13]
   * (listed on Set). Assumed: Create answers alike, as it does for healthCheckReq.
   */
  healthCheckExpLength: () =>
    new SlbError(FAMILY_ERROR_CODES.healthCheckExpLength, FAMILY_MESSAGES.healthCheckExpLength, 400),
  /** bandwidthInvalid answers an HTTP, TCP or UDP `Bandwidth` of 0 or over the cap. Ref: the family digest §7 [S10][S29]. */
  bandwidthInvalid: () => new SlbError(ERROR_CODES.invalidParameter, FAMILY_MESSAGES.bandwidthInvalid, 400),
  /**
   * portInvalid answers a UDP listener on a reserved port (250, 4789). Ref: the family digest §7 [S10] (the message).
   * Assumed: the family digest §1.3 says the reserved port's code is unknown; the documented port message is used.
   */
  portInvalid: () => new SlbError(ERROR_CODES.invalidParameter, FAMILY_MESSAGES.portInvalid, 400),
  /** protocolInvalid answers a `ListenerProtocol` that is none of the four. Ref: the family digest §7 [S10]. */
  protocolInvalid: () => new SlbError(ERROR_CODES.invalidParameter, FAMILY_MESSAGES.protocolInvalid, 400),
} as const;

/** KNOWN_ERRORS gives the status and message of a code the fault plan names without them. */
const KNOWN_ERRORS: Readonly<Record<string, { status: number; message: string }>> = {
  [ERROR_CODES.throttlingUser]: { status: 400, message: MESSAGES.throttlingUser },
  [ERROR_CODES.operationBusy]: { status: 400, message: MESSAGES.operationBusy },
  [ERROR_CODES.serviceIsConfiguring]: { status: 400, message: MESSAGES.serviceIsConfiguring },
  [ERROR_CODES.systemBusy]: { status: SYSTEM_BUSY_STATUS, message: MESSAGES.systemBusy },
  [ERROR_CODES.listenerStatusNotSupport]: { status: 400, message: MESSAGES.listenerStatusNotSupport },
  [ERROR_CODES.serviceUnavailable]: {
    status: 503,
    message: "The request has failed due to a temporary failure of the server.",
  },
  [ERROR_CODES.internalError]: {
    status: 500,
    message: "The request processing has failed due to some unknown error.",
  },
  [ERROR_CODES.invalidParameter]: { status: 400, message: MESSAGES.invalidParameterGeneric },
  [ERROR_CODES.listenerNotFound]: { status: 404, message: MESSAGES.listenerNotFound },
  [ERROR_CODES.loadBalancerNotFound]: { status: 404, message: "The specified LoadBalancerId does not exist." },
  [ERROR_CODES.listenerAlreadyExists]: { status: 400, message: MESSAGES.listenerAlreadyExists },
  // Assumed: neither code nor wording is in a stored document (see ERROR_CODES); the fault plan needs an answer.
  [ERROR_CODES.quotaExceededListener]: { status: 400, message: "The quota of listeners is exceeded." },
  [ERROR_CODES.forbidden]: { status: 403, message: "User not authorized to operate on the specified resource." },
  [FAMILY_ERROR_CODES.serverGroupMissMatch]: { status: 400, message: FAMILY_MESSAGES.serverGroupMissMatch },
  [FAMILY_ERROR_CODES.listenerNumberOverLimit]: { status: 400, message: FAMILY_MESSAGES.listenerNumberOverLimit },
  // Assumed: 400, as SLB_ERRORS.operationNotAllowed (the report does not show the status).
  [FAMILY_ERROR_CODES.operationNotAllowed]: { status: 400, message: FAMILY_MESSAGES.operationNotAllowed },
  [FAMILY_ERROR_CODES.healthCheckReqLength]: { status: 400, message: FAMILY_MESSAGES.healthCheckReqLength },
  [FAMILY_ERROR_CODES.healthCheckExpLength]: { status: 400, message: FAMILY_MESSAGES.healthCheckExpLength },
  ...DOMAIN_EXTENSION_KNOWN_ERRORS,
  ...RULE_KNOWN_ERRORS,
};

/** errorFor builds the error a fault rule names: its code, with the rule's or the known status and message. */
export function errorFor(code: string, status?: number, message?: string): SlbError {
  const known = KNOWN_ERRORS[code];
  return new SlbError(code, message ?? known?.message ?? `Emulated fault ${code}.`, status ?? known?.status ?? 400);
}

/** newRequestId makes a request id in the service's format (an upper-case UUID). */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** renderError is the service's JSON error body for an SlbError, with its HTTP status. */
export function renderError(error: SlbError, requestId: string = newRequestId()): Reply {
  return {
    status: error.status,
    headers: { "content-type": "application/json;charset=utf-8" },
    body: JSON.stringify({
      RequestId: requestId,
      HostId: HOST_ID,
      Code: error.code,
      Message: error.message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Slb`,
    }),
  };
}
