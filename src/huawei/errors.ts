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
 * http_status_codes_for_dedicated_load_balancers.rst.
 */
import type { ErrorBehaviour } from "../core/errors";
import type { Classifier } from "../core/pipeline";
import { isApiError, outcomeUnknown } from "../core/errors";
import { RetryBudgetExceededError } from "../core/retry";
import { APIGW_CODES, ELB_CODES, ELB_V3_CODES, NETWORK_CODES } from "./constants";

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
]);

/** CONFLICT_CODES say the request collides with an existing listener (its port is taken). */
const CONFLICT_CODES: ReadonlySet<string> = new Set<string>([ELB_CODES.portInUse]);

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
 * balancer being updated, 409 (v3: ELB.8907 for a load balancer not ACTIVE), 5xx other than ELB.6002 (v3: ELB.8906),
 * reset, timeout, non-JSON answer other than a 404), `gone` (only on the ELB service's word: ELB.6002 listener
 * missing, ELB.1002/1003/6040 load balancer missing, or a 404 whose body is the ELB error shape, v3 ELB.8904
 * included), `conflict` (ELB.6101, v3 ELB.8907 port in use), or `fatal` (validation, v3 ELB.8902/8905/8962, authentication,
 * permissions, quota, any 404 that is not the ELB service's, such as the gateway's APIGW.0101 / APIG.0101 for an API
 * not published at that endpoint, and anything that is not an API error).
 */
export function classify(error: unknown): ErrorBehaviour {
  if (error instanceof RetryBudgetExceededError) return "fatal";
  if (!isApiError(error) || error.cloud !== "huawei") return "fatal";
  const { code, status } = error;
  if (GONE_CODES.has(code)) return "gone";
  // A gateway or proxy 404 says the path is not served here, not that the listener is gone: keep the state.
  if (status === 404) return isElbServiceCode(code) ? "gone" : "fatal";
  if (CONFLICT_CODES.has(code) || isV3PortConflict(error)) return "conflict";
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
  return error.code === ELB_CODES.lbLocked || (error.code === ELB_V3_CODES.conflict && !isV3PortConflict(error));
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
