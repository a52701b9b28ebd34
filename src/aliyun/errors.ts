/**
 * The one place that maps Alibaba Cloud SLB error codes to what the provider does about them.
 * Ref: SLB "Common error codes" (ListenerNotFound 404, InvalidParameter 400 "The specified resource does not exist.",
 * SystemBusy 449, OperationBusy, ServiceIsConfiguring); terraform-provider-alicloud `SlbIsBusy` (SystemBusy,
 * OperationBusy, ServiceIsStopping, BackendServer.configuring, ServiceIsConfiguring), its listener NotFound handling
 * ("The specified resource does not exist", InvalidLoadBalancerId.NotFound). The README table "Error codes the providers
 * act on" lists every code here with its source.
 */
import type { ErrorBehaviour } from "../core/errors";
import { isApiError, ListenerError, outcomeUnknown } from "../core/errors";
import { RetryBudgetExceededError } from "../core/retry";
import type { Classifier } from "../core/pipeline";
import {
  DOMAIN_EXTENSION_ACTIONS,
  DOMAIN_EXTENSION_ERROR_CODES,
  ERROR_CODES,
  NETWORK_CODES,
  RESOURCE_NOT_FOUND_MESSAGE,
  RULE_ACTIONS,
  RULE_ERROR_CODES,
} from "./constants";

/** ALIYUN_CLASSIFIER is this cloud's classification, as the mutation pipeline takes it. */
export const ALIYUN_CLASSIFIER: Classifier = {
  classify: (error) => classify(error),
  isLoadBalancerBusy: (error) => isLoadBalancerBusy(error),
  isThrottled: (error) => isThrottled(error),
  outcomeUnknown: (error) => outcomeUnknown(error, NO_ANSWER_CODES),
};

/** RETRYABLE_CODES are transient: throttling, a load balancer that is busy or reconfiguring, 5xx-style faults. */
const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  ERROR_CODES.operationBusy,
  ERROR_CODES.serviceIsConfiguring,
  ERROR_CODES.systemBusy,
  ERROR_CODES.listenerStatusNotSupport,
  ERROR_CODES.serviceUnavailable,
  ERROR_CODES.internalError,
  "ServiceIsStopping",
  "BackendServer.configuring",
  "InternalError.Unknown",
  "UnknownError",
  // The domain-extension lock: Terraform retries DomainExtensionProcessing on Create, Set and Delete [S25].
  // IncorrectStatus.DomainExtension ("... is being configured, please try again later" [S17]): Assumed retryable too.
  DOMAIN_EXTENSION_ERROR_CODES.processing,
  DOMAIN_EXTENSION_ERROR_CODES.incorrectStatus,
  ...Object.values(NETWORK_CODES),
  "ETIMEDOUT",
  // EAI_AGAIN is a DNS answer that may change; ENOTFOUND (no such host, a wrong endpoint) is fatal.
  "EAI_AGAIN",
]);

/**
 * GONE_CODES say the listener or its load balancer does not exist: ListenerNotFound (404) and
 * InvalidLoadBalancerId.NotFound (404). Ref: SLB "Common error codes".
 */
const GONE_CODES: ReadonlySet<string> = new Set<string>([
  ERROR_CODES.loadBalancerNotFound,
  ERROR_CODES.listenerNotFound,
]);

/**
 * DOMAIN_EXTENSION_GONE_ACTIONS answer InvalidParameter.DomainExtensionId ("The specified DomainExtensionId does not
 * exist.") when the extension is gone: Set and Delete [S17][S18], Describe attribute with its `%s.` template [S19].
 * Only these: on Create the code does not exist, so it stays fatal. Terraform treats it as gone on Read and Delete [S25][S26].
 */
const DOMAIN_EXTENSION_GONE_ACTIONS: ReadonlySet<string> = new Set([
  DOMAIN_EXTENSION_ACTIONS.describe,
  DOMAIN_EXTENSION_ACTIONS.set,
  DOMAIN_EXTENSION_ACTIONS.delete,
]);

/**
 * RULE_GONE_ACTIONS answer InvalidRuleId.NotFound (404 "Rule does not exist.") when the rule is gone: SetRule,
 * DeleteRules and DescribeRuleAttribute [S10]; Terraform reads it as not found on Read and as success on Delete [S23].
 * Ref: aliyun-slb-listener-family.md §6.2, §7.
 */
const RULE_GONE_ACTIONS: ReadonlySet<string> = new Set([RULE_ACTIONS.describe, RULE_ACTIONS.set, RULE_ACTIONS.delete]);

/**
 * LISTENER_FIRST_ACTIONS need their listener to exist: ListenerNotFound from them says the listener was not made yet
 * (a rule created beside its listener, terraform-provider-alicloud #4653), which is an error to report, not a gone
 * resource. Ref: aliyun-slb-listener-family.md §7, §8.4 [S30].
 */
const LISTENER_FIRST_ACTIONS: ReadonlySet<string> = new Set([RULE_ACTIONS.create]);

/**
 * isGone tells whether an SLB error proves the listener or its load balancer is gone, on every protocol's Describe and
 * on Delete alike: a GONE_CODES code, or InvalidParameter with the documented "The specified resource does not exist."
 * (Terraform's DescribeSlbListener reads that message as not found [S26]). Any other InvalidParameter, from a Describe
 * too, is a parameter problem and keeps the state: a refresh must not drop a live listener.
 * Ref: aliyun-slb-https-extras.md §5 [S10][S26].
 */
function isGone(code: string, action: string, apiMessage: string): boolean {
  if (code === ERROR_CODES.listenerNotFound && LISTENER_FIRST_ACTIONS.has(action)) return false;
  if (GONE_CODES.has(code)) return true;
  if (code === RULE_ERROR_CODES.notFound) return RULE_GONE_ACTIONS.has(action);
  if (code === DOMAIN_EXTENSION_ERROR_CODES.notFound) return DOMAIN_EXTENSION_GONE_ACTIONS.has(action);
  return code === ERROR_CODES.invalidParameter && apiMessage.includes(RESOURCE_NOT_FOUND_MESSAGE.slice(0, -1));
}

/**
 * CONFLICT_CODES say the place is taken: ListenerAlreadyExists (the port), InvalidParameter.Domain (the extension's
 * domain) and DomainExist (a rule's Domain+Url on the listener, aliyun-slb-listener-family.md §6.1, §7 [S10][S14]).
 */
const CONFLICT_CODES: ReadonlySet<string> = new Set<string>([
  ERROR_CODES.listenerAlreadyExists,
  DOMAIN_EXTENSION_ERROR_CODES.domainExists,
  RULE_ERROR_CODES.domainExist,
]);

/**
 * classify decides what to do with an error from the SLB client: `retry` (throttling, busy or configuring load
 * balancer (SystemBusy comes with HTTP 449), listener status not ready, 5xx, 429, reset, timeout, non-JSON answer), `gone` (only on proof:
 * ListenerNotFound, InvalidLoadBalancerId.NotFound, InvalidParameter with "The specified resource does not exist.";
 * InvalidParameter.DomainExtensionId from the actions that take an extension id; InvalidRuleId.NotFound from SetRule,
 * DeleteRules and DescribeRuleAttribute), `conflict` (ListenerAlreadyExists; InvalidParameter.Domain, the domain
 * already on the listener; DomainExist, a rule's Domain+Url already on the listener), or `fatal` (everything else:
 * ListenerNotFound from CreateRules, the rules' TooManyRules and malformed-rule codes, validation, authentication,
 * quota, unknown certificate, an InvalidParameter with another message, Operation.NotAllowed (a Set on a redirect
 * listener), and errors that are not API errors).
 */
export function classify(error: unknown): ErrorBehaviour {
  if (error instanceof RetryBudgetExceededError) return "fatal";
  if (!isApiError(error) || error.cloud !== "aliyun") return "fatal";
  const { code, status, action, apiMessage } = error;
  if (CONFLICT_CODES.has(code)) return "conflict";
  if (isGone(code, action, apiMessage)) return "gone";
  if (code.startsWith("Throttling")) return "retry";
  if (RETRYABLE_CODES.has(code)) return "retry";
  if (status !== undefined && (status >= 500 || status === 429)) return "retry";
  return "fatal";
}

/** BUSY_CODES say the load balancer is locked by a configuration in progress; the pacer learns the lock from them. */
const BUSY_CODES: ReadonlySet<string> = new Set([
  ERROR_CODES.operationBusy,
  ERROR_CODES.serviceIsConfiguring,
  ERROR_CODES.systemBusy,
  ERROR_CODES.listenerStatusNotSupport,
  DOMAIN_EXTENSION_ERROR_CODES.processing,
  DOMAIN_EXTENSION_ERROR_CODES.incorrectStatus,
]);

/** isLoadBalancerBusy tells whether an error is the load balancer's configuration lock (see BUSY_CODES). */
export function isLoadBalancerBusy(error: unknown): boolean {
  return isApiError(error) && error.cloud === "aliyun" && BUSY_CODES.has(error.code);
}

/**
 * NO_ANSWER_CODES are the client's codes of an exchange without a usable answer (reset, refused, timeout, a body that
 * is not JSON, no answer at all): with a 5xx, the outcome of such a call is unknown (core `outcomeUnknown`).
 */
const NO_ANSWER_CODES: ReadonlySet<string> = new Set<string>(Object.values(NETWORK_CODES));

/** isThrottled tells whether an error is the API's flow control (`Throttling.*`); the endpoint gate spaces calls by it. */
function isThrottled(error: unknown): boolean {
  return isApiError(error) && error.cloud === "aliyun" && error.code.startsWith("Throttling");
}

/**
 * explainSpecRefusal turns the shared-performance refusal (`InvalidParameter.SpecNotSupport`, HTTP 400, "The
 * loadBalancer of shared spec doesn't support the parameter: TlsCipherPolicy." [S31]) into a ListenerError that names
 * the input to change; any other error is returned as it is. Ref: aliyun-slb-https-extras.md §2.1.
 */
export function explainSpecRefusal(error: unknown, subject: string, input: string, loadBalancerId: string): unknown {
  if (!isApiError(error) || error.cloud !== "aliyun") return error;
  if (error.code !== DOMAIN_EXTENSION_ERROR_CODES.specNotSupport) return error;
  return new ListenerError(
    `${subject}: ${input} is not supported on load balancer ${loadBalancerId}, a shared-performance instance ` +
      `(${error.action} answered ${error.code}: ${error.apiMessage}); use a guaranteed-performance instance or ` +
      `leave ${input} out`,
  );
}
