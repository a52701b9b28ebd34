/**
 * The dedicated ELB v3 emulator's errors: one factory per real code with the service's literal code, message and
 * HTTP status, and the renderer of the v3 body `{"error_msg","error_code","request_id"}`.
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md §7; appendix/error_codes.rst (ELB.8902, ELB.8904, ELB.8905,
 * ELB.8906, ELB.8907, ELB.8962); http_status_codes_for_dedicated_load_balancers.rst.
 */
import type { Reply } from "../../http";
import { ELB_V3_CODES } from "../constants";
import { newRequestId, renderFault } from "../errors";

/** V3Error is an error answer of the emulated dedicated ELB service; `field` names the offending request field. */
export class V3Error extends Error {
  override name = "V3Error";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** V3_ERRORS builds each dedicated ELB error the emulator answers with. */
export const V3_ERRORS = {
  /**
   * invalidInput is 400 ELB.8902 `Invalid input for '%s'.` with the field's wire name filled in.
   * Assumed: the service fills `%s` with the top-level field name; only the template is documented.
   */
  invalidInput: (field: string) => new V3Error(ELB_V3_CODES.invalidInput, `Invalid input for '${field}'.`, 400, field),
  /**
   * notFound is 404 ELB.8904 `%s %s could not be found.` with the kind and id filled in.
   * Ref: a logged body reads `subnet <id> could not be found.` (digest §7, ◐); the lowercase kind follows it.
   */
  notFound: (kind: "listener" | "loadbalancer" | "certificate" | "ipgroup" | "security_policy", id: string) =>
    new V3Error(ELB_V3_CODES.notFound, `${kind} ${id} could not be found.`, 404),
  /**
   * quotaExceeded is 409 ELB.8905 `Quota exceeded for resources: %s`.
   * Assumed: `%s` is filled as OpenStack Neutron fills its OverQuota message, a list of resource names.
   */
  quotaExceeded: () => new V3Error(ELB_V3_CODES.quotaExceeded, "Quota exceeded for resources: ['listener']", 409),
  /**
   * portInUse is 409 ELB.8907 for a port already used by a listener of the same load balancer.
   * Ref: digest §7 (code ✔; the text is a logged one, ◐).
   */
  portInUse: (loadbalancerId: string, port: number) =>
    new V3Error(
      ELB_V3_CODES.conflict,
      `Load Balancer ${loadbalancerId} already has a listener with protocol_port of ${port}.`,
      409,
      "protocol_port",
    ),
  /**
   * lbImmutable is 409 ELB.8907 for a change to a load balancer that is not ACTIVE.
   * Assumed: the code and message are undocumented (digest §7 ✘); the emulator uses the conflict code and
   * OpenStack Octavia's ImmutableObject wording, from which the dedicated API descends.
   */
  lbImmutable: (loadbalancerId: string) =>
    new V3Error(
      ELB_V3_CODES.conflict,
      `Load Balancer ${loadbalancerId} is immutable and cannot be updated.`,
      409,
      "loadbalancer_id",
    ),
  /** notSupported is 403 ELB.8962 `The feature is not supported.` (e.g. QUIC or TLS listeners on Open Telekom Cloud). */
  notSupported: (field: string) => new V3Error(ELB_V3_CODES.notSupported, "The feature is not supported.", 403, field),
  /** internal is 500 ELB.8906 `Internal server error.` */
  internal: () => new V3Error(ELB_V3_CODES.internal, "Internal server error.", 500),
} as const;

/** renderV3Error writes a dedicated ELB error body; the request id is in the body and the `X-Request-Id` header. */
export function renderV3Error(error: V3Error, requestId: string): Reply {
  return {
    status: error.status,
    headers: { "content-type": "application/json", "x-request-id": requestId },
    body: JSON.stringify({ error_msg: error.message, error_code: error.code, request_id: requestId }),
  };
}

/** V3_KNOWN_STATUS is the documented HTTP status of the codes a fault rule may name without a status. */
const V3_KNOWN_STATUS: Readonly<Record<string, number>> = {
  [ELB_V3_CODES.invalidInput]: 400,
  [ELB_V3_CODES.notFound]: 404,
  [ELB_V3_CODES.quotaExceeded]: 409,
  [ELB_V3_CODES.internal]: 500,
  [ELB_V3_CODES.conflict]: 409,
  [ELB_V3_CODES.notSupported]: 403,
};

/**
 * renderV3Fault answers a fault rule of kind `error` on a v3 route: a gateway code (`APIGW.*`) as the gateway answers
 * it, a service code in the v3 body with its documented status; without a code it is ELB.8906, 500.
 */
export function renderV3Fault(
  code: string | undefined,
  status: number | undefined,
  message: string | undefined,
): Reply {
  if (code?.startsWith("APIGW.")) return renderFault(code, status, message);
  const c = code ?? ELB_V3_CODES.internal;
  const s = status ?? V3_KNOWN_STATUS[c] ?? (code === undefined ? 500 : c.startsWith("ELB.") ? 400 : 500);
  const text = message ?? (code === undefined ? "Internal server error." : "Injected service fault");
  return renderV3Error(new V3Error(c, text, s), newRequestId());
}
