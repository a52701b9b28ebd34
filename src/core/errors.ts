/**
 * The small error tree of the package: every failure that reaches a user is one of these, with a message built from
 * facts (cloud, action, code, status, request id) and never from secrets.
 */

/** Cloud names the API family an error comes from. */
export type Cloud = "aliyun" | "huawei";

/** ErrorBehaviour is what the provider does with an API error: retry it, treat the resource as gone, or give up. */
export type ErrorBehaviour = "retry" | "gone" | "conflict" | "fatal";

const CLOUD_LABEL: Record<Cloud, string> = { aliyun: "Alibaba Cloud SLB", huawei: "Huawei Cloud ELB" };

/** ListenerError is the base class of every error this package raises. */
export class ListenerError extends Error {
  override name = "ListenerError";
}

/** ApiErrorFacts are the facts an API error carries; its message is built from them. */
export interface ApiErrorFacts {
  readonly cloud: Cloud;
  /** The API action or operation, e.g. `CreateLoadBalancerHTTPSListener` or `POST /v1.0/{project_id}/elbaas/listeners`. */
  readonly action: string;
  /** The cloud's error code, e.g. `ListenerAlreadyExists`, `ELB.6002`, `APIGW.0301`, or a network code such as `ECONNRESET`. */
  readonly code: string;
  /** The HTTP status, when there was an HTTP answer. */
  readonly status?: number;
  /** The cloud's message, as it sent it. */
  readonly apiMessage: string;
  /** The request id the cloud returned, for support tickets. */
  readonly requestId?: string;
}

/** ApiError is an error answer (or a failed exchange) from a cloud API, with the facts needed to act on it. */
export class ApiError extends ListenerError implements ApiErrorFacts {
  override name = "ApiError";
  readonly cloud: Cloud;
  readonly action: string;
  readonly code: string;
  readonly status?: number;
  readonly apiMessage: string;
  readonly requestId?: string;

  constructor(facts: ApiErrorFacts) {
    const request = facts.requestId ? ` [request id ${facts.requestId}]` : "";
    super(`${CLOUD_LABEL[facts.cloud]} ${facts.action} failed: ${codeAndStatus(facts)}: ${facts.apiMessage}${request}`);
    this.cloud = facts.cloud;
    this.action = facts.action;
    this.code = facts.code;
    this.status = facts.status;
    this.apiMessage = facts.apiMessage;
    this.requestId = facts.requestId;
  }
}

/** codeAndStatus renders an API error's code and, when there was an HTTP answer, its status: `ELB.1015 (HTTP 400)`. */
export function codeAndStatus(facts: Pick<ApiErrorFacts, "code" | "status">): string {
  return `${facts.code}${facts.status === undefined ? "" : ` (HTTP ${facts.status})`}`;
}

/** ConfigError says a setting (credential, region, endpoint) is missing or wrong, naming the config key and variable. */
export class ConfigError extends ListenerError {
  override name = "ConfigError";
}

/** isApiError is the type guard of ApiError. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * outcomeUnknown tells whether a failed call may still have taken effect: anything that is not an API error (the
 * client never saw an answer, so nothing is known), a 5xx, or a code of `noAnswerCodes`, the cloud's codes of an
 * exchange without a usable answer (a reset, a timeout, a body that is not JSON). A create that failed so is looked
 * for before it is sent again. Each cloud's `errors.ts` names its codes and binds this into its Classifier.
 */
export function outcomeUnknown(error: unknown, noAnswerCodes: ReadonlySet<string>): boolean {
  if (!isApiError(error)) return true;
  if (noAnswerCodes.has(error.code)) return true;
  return error.status !== undefined && error.status >= 500;
}

/** isConfigError is the type guard of ConfigError. */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}

/** redact replaces every occurrence of each non-empty secret in a text with `***`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join("***");
  }
  return out;
}
