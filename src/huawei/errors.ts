/**
 * The one place that maps classic ELB and API gateway error codes to what the provider does about them.
 * Ref: "Error Codes for Classic Load Balancers" (ELB.xxxx, statuses; opentelekomcloud-docs/elastic-load-balancing
 * api-ref/source/appendix/error_codes.rst), the API Request Signing Guide's gateway codes (APIGW.0101 404,
 * APIGW.0301 401, APIGW.0308 429), kubernetes-sigs/cloud-provider-huaweicloud `ErrorRsp` (the classic service's
 * `{"error":{"message","code"}}` body), and terraform-provider-huaweicloud resource_huaweicloud_elb_listener.go
 * (`checkForRetryableError`: 409, 500 and 503 are retried; `isResourceNotFound` on delete). The README table
 * "Error codes the providers act on" lists every code here with its source. The dedicated ELB v3 codes (ELB.89xx,
 * body `{"error_msg","error_code","request_id"}`) are classified here too. Ref: digest
 * ../shared/api-docs/huawei-elb-v3-listener.md §7; appendix/error_codes.rst;
 * http_status_codes_for_dedicated_load_balancers.rst. The shared ELB v2 codes (ELB.2011, ELB.6200, ELB.9807, ELB.5040,
 * body `{"error_code","error_msg"}`) and the `/v2.0/lbaas` routes' `{"NeutronError": {"type", ...}}` types are
 * classified here too. Ref: ../shared/api-docs/huawei-elb-v2-listener.md §6; neutron-lbaas loadbalancerv2.py (◐).
 */
import type { ErrorBehaviour } from "../core/errors";
import type { Classifier } from "../core/pipeline";
import { isApiError, outcomeUnknown } from "../core/errors";
import { RetryBudgetExceededError } from "../core/retry";
import { APIGW_CODES, ELB_CODES, ELB_V2_CODES, ELB_V3_CODES, NETWORK_CODES } from "./constants";

/** HUAWEI_CLASSIFIER is this cloud's classification, as the mutation pipeline takes it. */
export const HUAWEI_CLASSIFIER: Classifier = {
  classify: (error) => classify(error),
  isLoadBalancerBusy: (error) => isLoadBalancerBusy(error),
  isThrottled: (error) => isThrottled(error),
  outcomeUnknown: (error) => outcomeUnknown(error, NO_ANSWER_CODES),
};

/** RETRYABLE_CODES are transient: throttling, a load balancer being reconfigured (locked), and failed exchanges. */
const RETRYABLE_CODES: ReadonlySet<string> = new Set<string>([
  APIGW_CODES.throttled,
  ELB_CODES.lbLocked,
  // Every failed exchange but a host name that does not resolve (a wrong region or endpoint, fatal).
  ...Object.values(NETWORK_CODES).filter((code) => code !== NETWORK_CODES.unresolvable),
  "EAI_AGAIN",
]);

/** GONE_CODES say the listener, or the load balancer it belongs to, does not exist. */
const GONE_CODES: ReadonlySet<string> = new Set<string>([
  ELB_CODES.listenerNotFound,
  ELB_CODES.lbNotFound,
  ELB_CODES.lbNotExist,
  ELB_CODES.listenerLbNotFound,
  ELB_V2_CODES.listenerNotFound,
]);

/** CONFLICT_CODES say the request collides with an existing listener (its port is taken). */
const CONFLICT_CODES: ReadonlySet<string> = new Set<string>([
  ELB_CODES.portInUse,
  ELB_V2_CODES.portInUse,
  ELB_V2_CODES.neutronPortExists,
]);

/**
 * FATAL_V2_CODES are shared ELB refusals no retry changes: ELB.9807 listener quota (400), ELB.5040 and upstream
 * TLSContainerNotFound, a missing certificate (404s that say nothing of the listener), and the upstream 409s
 * EntityInUse (a pool still attached), ListenerPoolProtocolMismatch and OverQuota, which would otherwise be retried
 * as 409s. Ref: digest §6.
 */
const FATAL_V2_CODES: ReadonlySet<string> = new Set<string>([
  ELB_V2_CODES.quotaExceeded,
  ELB_V2_CODES.certificateNotFound,
  ELB_V2_CODES.neutronEntityInUse,
  ELB_V2_CODES.neutronPoolProtocolMismatch,
  ELB_V2_CODES.neutronOverQuota,
  ELB_V2_CODES.neutronTlsContainerNotFound,
]);

/**
 * isV2PortConflict tells a shared listener's taken port that carries no code of its own: a 409 whose message is the
 * upstream "... already has a listener with protocol_port of ..." (a HW CCE log shows it, digest §6 [S10] ◐).
 */
function isV2PortConflict(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.cloud === "huawei" &&
    error.status === 409 &&
    /already has a listener with protocol_port/.test(error.apiMessage)
  );
}

/**
 * isNeutronNotFound tells a `{"NeutronError": {"type": "…NotFound"}}` answer of the `/v2.0/lbaas` routes, the
 * service's own not-found (`HTTPNotFound`, upstream `EntityNotFound`). Ref: digest §6 [S6][S1] ◐.
 */
function isNeutronNotFound(code: string): boolean {
  return /^[A-Z][A-Za-z]*NotFound$/.test(code);
}

/**
 * FATAL_V3_CODES are dedicated ELB refusals that no retry changes: ELB.8902 invalid input (400), ELB.8905 quota
 * exceeded (409, which would otherwise be retried as a 409), ELB.8962 feature not supported (403).
 */
const FATAL_V3_CODES: ReadonlySet<string> = new Set<string>([
  ELB_V3_CODES.invalidInput,
  ELB_V3_CODES.quotaExceeded,
  ELB_V3_CODES.notSupported,
]);

/**
 * isV3PortConflict tells the dedicated service's 409 ELB.8907 about a port already in use ("Load Balancer <id>
 * already has a listener with protocol_port of <port>."). Assumed: ELB.8907 is the code of every "data conflict";
 * only the port text (seen in third-party logs, digest §7 ◐) tells a taken port from a load balancer that is not
 * ACTIVE, which is retried as its lock.
 */
function isV3PortConflict(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.cloud === "huawei" &&
    error.code === ELB_V3_CODES.conflict &&
    /protocol_port/.test(error.apiMessage)
  );
}

/** isElbServiceCode tells whether a code is the classic ELB service's own (`ELB.xxxx`, from its `{"error":{...}}` body). */
function isElbServiceCode(code: string): boolean {
  return /^ELB\.\d{4}$/.test(code);
}

/**
 * classify decides what to do with an error from the ELB client: `retry` (429, APIGW.0308 throttling, ELB.1015 load
 * balancer being updated, 409 (v3: ELB.8907 for a load balancer not ACTIVE; v2: StateInvalid), 5xx other than ELB.6002
 * (v3: ELB.8906), reset, timeout, non-JSON answer other than a 404), `gone` (only on the ELB service's word: ELB.6002
 * listener missing, ELB.1002/1003/6040 load balancer missing, v2 ELB.2011, or a 404 whose body is the ELB error shape
 * or a NeutronError `…NotFound`, v3 ELB.8904 included), `conflict` (ELB.6101, v3 ELB.8907 port in use, v2 ELB.6200 at
 * 400 or 409 and the upstream LoadBalancerListenerProtocolPortExists), or `fatal` (validation, v3
 * ELB.8902/8905/8962, v2 ELB.9807/5040, EntityInUse, ListenerPoolProtocolMismatch, authentication,
 * permissions, quota, any 404 that is not the ELB service's, such as the gateway's APIGW.0101 / APIG.0101 for an API
 * not published at that endpoint, and anything that is not an API error).
 */
export function classify(error: unknown): ErrorBehaviour {
  if (error instanceof RetryBudgetExceededError) return "fatal";
  if (!isApiError(error) || error.cloud !== "huawei") return "fatal";
  const { code, status } = error;
  if (GONE_CODES.has(code)) return "gone";
  if (FATAL_V2_CODES.has(code)) return "fatal";
  // A gateway or proxy 404 says the path is not served here, not that the listener is gone: keep the state.
  if (status === 404) return isElbServiceCode(code) || isNeutronNotFound(code) ? "gone" : "fatal";
  if (CONFLICT_CODES.has(code) || isV3PortConflict(error) || isV2PortConflict(error)) return "conflict";
  if (FATAL_V3_CODES.has(code)) return "fatal";
  if (RETRYABLE_CODES.has(code)) return "retry";
  if (code.startsWith("APIGW.") || code.startsWith("APIG.")) {
    return status === 429 || (status !== undefined && status >= 500) ? "retry" : "fatal";
  }
  if (status === 429 || status === 409 || (status !== undefined && status >= 500)) return "retry";
  return "fatal";
}

/**
 * isLoadBalancerBusy tells whether an error is the load balancer's configuration lock (ELB.1015, "Lb can not be
 * updated."); the pipeline's pacer learns from it how long to leave a load balancer between mutations.
 */
export function isLoadBalancerBusy(error: unknown): boolean {
  if (!isApiError(error) || error.cloud !== "huawei") return false;
  // v3: 409 ELB.8907 that is not a port conflict is a load balancer not ACTIVE (Assumed, see isV3PortConflict).
  // v2: upstream 409 StateInvalid "Invalid state PENDING_UPDATE of loadbalancer resource <id>" (digest §5 [S1] ◐).
  return (
    error.code === ELB_CODES.lbLocked ||
    error.code === ELB_V2_CODES.neutronStateInvalid ||
    (error.code === ELB_V3_CODES.conflict && !isV3PortConflict(error))
  );
}

/**
 * NO_ANSWER_CODES are the client's codes of a failed exchange (no answer, a timeout, an answer that is not JSON): with
 * a 5xx, the outcome of such a call is unknown (core `outcomeUnknown`).
 */
const NO_ANSWER_CODES: ReadonlySet<string> = new Set<string>(Object.values(NETWORK_CODES));

/** isThrottled tells whether an error is the API gateway's flow control (429, APIGW.0308); the endpoint gate spaces calls by it. */
function isThrottled(error: unknown): boolean {
  return (
    isApiError(error) && error.cloud === "huawei" && (error.code === APIGW_CODES.throttled || error.status === 429)
  );
}
