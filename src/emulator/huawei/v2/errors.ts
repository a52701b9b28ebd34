/**
 * The shared ELB (v2) emulator's errors: one factory per real answer, each carrying both of its forms, the ELB code
 * form the Huawei Cloud `/v2/{project_id}/elb` routes answer (`{"error_msg","error_code","request_id"}`) and the
 * Neutron form the Open Telekom Cloud `/v2.0/lbaas` routes answer (`{"NeutronError": {"type","message","detail"}}`);
 * the renderers of both bodies, of the tag API's body, and of fault rules.
 * Ref: ../shared/api-docs/huawei-elb-v2-listener.md §6; OTC http_status_codes_of_shared_load_balancers.rst (the
 * Listener rows), appendix/error_codes.rst; upstream Neutron-LBaaS neutron_lbaas/extensions/loadbalancerv2.py (S1).
 * Which route family answers which form is not documented (§6 ✘); the digest's reading (◐) is followed: ELB codes on
 * `/v2/{project_id}/elb`, NeutronError on `/v2.0/lbaas`.
 */
import type { Reply } from "../../http";
import { ELB_V2_CODES, ELB_V3_CODES, NEUTRON_TYPES, TAG_CODES } from "../constants";
import { newRequestId, renderFault } from "../errors";

/** V2Family is a route family: Open Telekom Cloud's `/v2.0/lbaas` or Huawei Cloud's `/v2/{project_id}/elb`. */
export type V2Family = "otc" | "huawei";

/** NeutronForm is an error as the `/v2.0/lbaas` routes answer it. */
interface NeutronForm {
  readonly status: number;
  readonly type: string;
  readonly message: string;
}

/** V2Error is an error answer of the emulated shared ELB service: its ELB form (code, message, status) and Neutron form. */
export class V2Error extends Error {
  override name = "V2Error";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly neutron: NeutronForm,
  ) {
    super(message);
  }
}

/** TagError is an error answer of the listener tag API (`VPC.*` codes). */
export class TagError extends Error {
  override name = "TagError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const badRequest = (message: string): NeutronForm => ({ status: 400, type: NEUTRON_TYPES.badRequest, message });

/** invalidInput is upstream Neutron's wording of a refused attribute value. */
const invalidInput = (field: string, reason: string): string => `Invalid input for ${field}. Reason: ${reason}.`;

/** V2_ERRORS builds each shared ELB error the emulator answers with. */
export const V2_ERRORS = {
  /**
   * bodyMissing: no `listener` object. Ref: ELB.0002 400 "Listener is null, request is invalid." (status table,
   * Listener row); Neutron: "Unable to find 'listener' in request body" (upstream, ◐).
   */
  bodyMissing: () =>
    new V2Error(
      ELB_V2_CODES.bodyMissing,
      "Listener is null, request is invalid.",
      400,
      badRequest("Unable to find 'listener' in request body"),
    ),
  /**
   * required: a mandatory field missing or null. Ref: ELB.9805 400 "RequestBody listener[protocol] is null, this is a
   * required parameter." (and protocol_port, loadbalancer_id); Neutron: "Failed to parse request. Required attribute
   * '%s' not specified" (upstream, ◐).
   */
  required: (field: string) =>
    new V2Error(
      ELB_V2_CODES.requiredParameter,
      `RequestBody listener[${field}] is null, this is a required parameter.`,
      400,
      badRequest(`Failed to parse request. Required attribute '${field}' not specified`),
    ),
  /**
   * unrecognized: a field the cloud's v2 body does not have. Neutron: "Unrecognized attribute(s) '%s'" (upstream ◐).
   * Only the Open Telekom Cloud routes raise it; Assumed: the Huawei routes ignore unknown fields, as the v3 API does.
   */
  unrecognized: (fields: readonly string[]) =>
    new V2Error(
      ELB_V2_CODES.invalidParameter,
      `Unrecognized attribute(s) '${fields.join(", ")}'`,
      400,
      badRequest(`Unrecognized attribute(s) '${fields.join(", ")}'`),
    ),
  /**
   * invalid: a value its rule refuses, without a code of its own. Neutron's "Invalid input for %s. Reason: %s." (◐).
   * Assumed: the Huawei routes answer ELB.9899 (the status table's code for a refused value, "see the returned
   * information") with the same wording.
   */
  invalid: (field: string, reason: string) =>
    new V2Error(
      ELB_V2_CODES.invalidParameter,
      invalidInput(field, reason),
      400,
      badRequest(invalidInput(field, reason)),
    ),
  /** nameTooLong: Ref: ELB.6011 (create) / ELB.6025 (update), 400, appendix. */
  nameTooLong: (updating: boolean, value: string) =>
    new V2Error(
      updating ? ELB_V2_CODES.updateNameTooLong : ELB_V2_CODES.nameTooLong,
      updating
        ? "Invalid update request parameters. The listener name is too long."
        : "Invalid request parameters. The listener name is too long.",
      400,
      badRequest(invalidInput("name", `'${value}' exceeds maximum length of 255`)),
    ),
  /** nameInvalid: a name that is not a string. Ref: ELB.6021 (create) / ELB.6035 (update), 400, appendix. */
  nameInvalid: (updating: boolean, value: unknown) =>
    new V2Error(
      updating ? ELB_V2_CODES.updateNameInvalid : ELB_V2_CODES.nameInvalid,
      updating
        ? "Invalid update request parameters. Invalid listener name."
        : "Invalid request parameters. Invalid listener name.",
      400,
      badRequest(invalidInput("name", `'${String(value)}' is not a valid string`)),
    ),
  /** descriptionTooLong: Ref: ELB.6031 (create) / ELB.6045 (update), 400, appendix. */
  descriptionTooLong: (updating: boolean, value: string) =>
    new V2Error(
      updating ? ELB_V2_CODES.updateDescriptionTooLong : ELB_V2_CODES.descriptionTooLong,
      updating
        ? "Invalid update request parameters. The listener description is too long."
        : "Invalid request parameters. The listener description is too long.",
      400,
      badRequest(invalidInput("description", `'${value}' exceeds maximum length of 255`)),
    ),
  /** portInvalid: Ref: ELB.6041 400 "... The listener port must be within the range of 1 to 65535." (appendix). */
  portInvalid: (value: unknown) =>
    new V2Error(
      ELB_V2_CODES.portInvalid,
      "Invalid request parameters. The listener port must be within the range of 1 to 65535.",
      400,
      badRequest(invalidInput("protocol_port", `'${String(value)}' is not in range 1 through 65535`)),
    ),
  /** protocolInvalid: Ref: ELB.6061 400 "Invalid request parameters. Invalid listener protocol." (appendix). */
  protocolInvalid: (value: unknown) =>
    new V2Error(
      ELB_V2_CODES.protocolInvalid,
      "Invalid request parameters. Invalid listener protocol.",
      400,
      badRequest(invalidInput("protocol", `'${String(value)}' is not in ['TCP', 'UDP', 'HTTP', 'TERMINATED_HTTPS']`)),
    ),
  /**
   * tenantMismatch: a body `tenant_id`/`project_id` other than the token's project. Ref: ELB.9808 400 "Tenant_id in
   * token mismatches with tenant_id in url." (status table); Neutron's own refusal of another project (upstream, ◐).
   */
  tenantMismatch: () =>
    new V2Error(
      ELB_V2_CODES.tenantMismatch,
      "Tenant_id in token mismatches with tenant_id in url.",
      400,
      badRequest(
        "Specifying 'project_id' or 'tenant_id' other than the authenticated project in request requires admin privileges",
      ),
    ),
  /**
   * certificateIdLength: Ref: ELB.5020 400 "The certificate ID must be 32 characters." (status table, Certificate
   * rows). Assumed: the `/v2.0/lbaas` routes answer the same text as HTTPBadRequest.
   */
  certificateIdLength: () =>
    new V2Error(
      ELB_V2_CODES.certificateIdLength,
      "The certificate ID must be 32 characters.",
      400,
      badRequest("The certificate ID must be 32 characters."),
    ),
  /**
   * certificateNotFound: Ref: ELB.5040 404 "The certificate does not exist." (status table); Neutron
   * TLSContainerNotFound 404 "TLS container %s could not be found" (upstream, ◐).
   */
  certificateNotFound: (id: string) =>
    new V2Error(ELB_V2_CODES.certificateNotFound, "The certificate does not exist.", 404, {
      status: 404,
      type: NEUTRON_TYPES.tlsContainerNotFound,
      message: `TLS container ${id} could not be found`,
    }),
  /**
   * tlsCertificateRequired: a TERMINATED_HTTPS listener created without `default_tls_container_ref`. Neutron
   * TLSDefaultContainerNotSpecified 400 "Default TLS container was not specified" (upstream, ◐). Assumed: the Huawei
   * routes answer ELB.9805 in its documented required-parameter wording (§6 ✘ for this case).
   */
  tlsCertificateRequired: () =>
    new V2Error(
      ELB_V2_CODES.requiredParameter,
      "RequestBody listener[default_tls_container_ref] is null, this is a required parameter.",
      400,
      {
        status: 400,
        type: NEUTRON_TYPES.tlsDefaultContainerNotSpecified,
        message: "Default TLS container was not specified",
      },
    ),
  /**
   * tlsCertificateNotClearable: Ref: ELB.9899 400 "The default_tls_container_ref field of the TERMINATED_HTTPS listener
   * does not allow updating to null" (status table). Assumed: the `/v2.0/lbaas` routes answer the same text.
   */
  tlsCertificateNotClearable: () =>
    new V2Error(
      ELB_V2_CODES.invalidParameter,
      "The default_tls_container_ref field of the TERMINATED_HTTPS listener does not allow updating to null",
      400,
      badRequest(
        "The default_tls_container_ref field of the TERMINATED_HTTPS listener does not allow updating to null",
      ),
    ),
  /**
   * propertyNotUpdatable: a field fixed at creation in a PUT body. Ref: ELB.6015 400 "The listener property cannot be
   * updated." (appendix); Neutron "Cannot update read-only attribute %s" (upstream allow_put False, ◐).
   */
  propertyNotUpdatable: (field: string) =>
    new V2Error(
      ELB_V2_CODES.propertyNotUpdatable,
      "The listener property cannot be updated.",
      400,
      badRequest(`Cannot update read-only attribute ${field}`),
    ),
  /**
   * listenerLbNotFound: a create naming a load balancer the shared API does not hold (a dedicated or classic one
   * included, §9 ◐). Ref: ELB.6040 400 "The load balancer that the listener is associated with does not exist."
   * (appendix); Neutron EntityNotFound 404 "%(name)s %(id)s could not be found" (upstream, ◐).
   */
  listenerLbNotFound: (id: string) =>
    new V2Error(
      ELB_V2_CODES.listenerLbNotFound,
      "The load balancer that the listener is associated with does not exist.",
      400,
      { status: 404, type: NEUTRON_TYPES.entityNotFound, message: `loadbalancer ${id} could not be found` },
    ),
  /**
   * notFound: an unknown listener or load balancer in the path. Ref: the logged `/v2.0/lbaas` body `{"type":
   * "HTTPNotFound","message":"The resource could not be found.","detail":""}` (S6); ELB.9800 404 "Resource could not
   * be found." (status table, Load balancer rows). Assumed: listeners answer the same as load balancers, and the
   * Huawei routes answer 404 (the appendix's ELB.2011 is 400; both Terraform providers read a 404 as gone).
   */
  notFound: () =>
    new V2Error(ELB_V2_CODES.notFound, "Resource could not be found.", 404, {
      status: 404,
      type: NEUTRON_TYPES.notFound,
      message: "The resource could not be found.",
    }),
  /**
   * lbNotActive: a listener change while its load balancer is not ACTIVE ("the listener cannot be updated", §3).
   * Neutron StateInvalid "Invalid state %(state)s of loadbalancer resource %(id)s", 409 as the digest reads upstream
   * (◐). Assumed: the Huawei routes answer 409 ELB.8907 (the conflict code) with the same text (§6 ✘).
   */
  lbNotActive: (id: string, state: string) =>
    new V2Error(ELB_V2_CODES.conflict, `Invalid state ${state} of loadbalancer resource ${id}`, 409, {
      status: 409,
      type: NEUTRON_TYPES.stateInvalid,
      message: `Invalid state ${state} of loadbalancer resource ${id}`,
    }),
  /**
   * portInUse: Ref: ELB.6200 400 "Load Balaner *** already has a listener with protocol_port of ***." (status table,
   * its spelling kept); Neutron LoadBalancerListenerProtocolPortExists 409 "Load Balancer %(lb_id)s already has a
   * listener with protocol_port of %(protocol_port)s" (upstream; a logged 409 with this text, S10, ◐).
   */
  portInUse: (lbId: string, port: number) =>
    new V2Error(
      ELB_V2_CODES.portInUse,
      `Load Balaner ${lbId} already has a listener with protocol_port of ${port}.`,
      400,
      {
        status: 409,
        type: NEUTRON_TYPES.portExists,
        message: `Load Balancer ${lbId} already has a listener with protocol_port of ${port}`,
      },
    ),
  /**
   * listenerLimit: the load balancer holds its 50 listeners. Ref: ELB.6091 403 "The number of listeners reaches the
   * limit." (appendix); Neutron OverQuota 409 "Quota exceeded for resources: %(overs)s." (upstream, ◐; the status
   * table's ELB.9807 text is "Quota exceeded for resources:['listener'].").
   */
  listenerLimit: () =>
    new V2Error(ELB_V2_CODES.listenerLimit, "The number of listeners reaches the limit.", 403, {
      status: 409,
      type: NEUTRON_TYPES.overQuota,
      message: "Quota exceeded for resources: ['listener'].",
    }),
  /**
   * poolAttached: a delete of a listener that still has a default backend server group ("All backend server groups
   * associated with the listener must be deleted before the listener is deleted", §3). Neutron EntityInUse 409
   * "%(entity_using)s %(id)s is using this %(entity_in_use)s" (upstream, ◐). Assumed: 409 ELB.8907 on the Huawei routes.
   */
  poolAttached: (poolId: string) =>
    new V2Error(ELB_V2_CODES.conflict, `Pool ${poolId} is using this listener`, 409, {
      status: 409,
      type: NEUTRON_TYPES.entityInUse,
      message: `Pool ${poolId} is using this listener`,
    }),
  /**
   * v3Unsupported: the v3 route's answer to an attribute a shared listener does not have. Ref: §2/§6 ELB.8902
   * "Listener v2 does not supported attribute enhance_l7policy_enable" (S5, logged on eu-de). Assumed: the same answer
   * for every attribute only dedicated listeners have (the shared timeouts "can not be modified", S2).
   */
  v3Unsupported: (field: string) =>
    new V2Error(ELB_V2_CODES.v3Invalid, `Listener v2 does not supported attribute ${field}`, 400, {
      status: 400,
      type: NEUTRON_TYPES.badRequest,
      message: `Listener v2 does not supported attribute ${field}`,
    }),
  /** v3Invalid: the v3 route's ELB.8902 "Invalid input for '%s'." (the v3 template), e.g. a bad `ipgroup`. */
  v3Invalid: (field: string) =>
    new V2Error(
      ELB_V2_CODES.v3Invalid,
      `Invalid input for '${field}'.`,
      400,
      badRequest(`Invalid input for '${field}'.`),
    ),
  /** v3IpGroupNotFound: the v3 route's 404 ELB.8904 "%s %s could not be found." for an unknown IP group. */
  v3IpGroupNotFound: (id: string) =>
    new V2Error(ELB_V3_CODES.notFound, `ipgroup ${id} could not be found.`, 404, {
      status: 404,
      type: NEUTRON_TYPES.notFound,
      message: `ipgroup ${id} could not be found.`,
    }),
  /**
   * v3MemberRetry: `enable_member_retry` on a shared TCP or UDP listener. Ref: ELB.8901 "Only [ HTTP, HTTPS ] listeners
   * support 'client_timeout', 'member_timeout' and 'enable_member_retry' attribute " (S11, logged, trailing space);
   * §2 "on shared LBs only HTTP and TERMINATED_HTTPS".
   */
  v3MemberRetry: () =>
    new V2Error(
      ELB_V2_CODES.v3ProtocolAttribute,
      "Only [ HTTP, HTTPS ] listeners support 'client_timeout', 'member_timeout' and 'enable_member_retry' attribute ",
      400,
      badRequest(
        "Only [ HTTP, HTTPS ] listeners support 'client_timeout', 'member_timeout' and 'enable_member_retry' attribute ",
      ),
    ),
  /**
   * internal: a failure of the emulator itself. Assumed: 500 with ELB.0004 "Api response is null or invaild." (the
   * status table's 400 code for an empty backend answer) and Neutron's generic 500 text.
   */
  internal: () =>
    new V2Error(ELB_V2_CODES.internal, "Api response is null or invaild.", 500, {
      status: 500,
      type: NEUTRON_TYPES.internal,
      message: "Request Failed: internal server error while processing your request.",
    }),
} as const;

/** TAG_ERRORS builds each tag API error, as apis_v2.0/tag/status_codes.rst (Table 2) words it. */
export const TAG_ERRORS = {
  /** Ref: VPC.1801 "Tag length is invalid. The key length must be in range [1,36] and value in range [0,43]". */
  length: () =>
    new TagError(
      TAG_CODES.invalid,
      "Tag length is invalid. The key length must be in range [1,36] and value in range [0,43]",
      400,
    ),
  /** Ref: VPC.1801 "InvalidInput/Tag value xxx is invalid." (key or value with other characters). */
  characters: (text: string) => new TagError(TAG_CODES.invalid, `Tag value ${text} is invalid.`, 400),
  /** Ref: VPC.1801 "action is invalid." */
  action: () => new TagError(TAG_CODES.invalid, "action is invalid.", 400),
  /** Ref: VPC.1801 "Tag can not be null." */
  missing: () => new TagError(TAG_CODES.invalid, "Tag can not be null.", 400),
  /** Ref: VPC.1801 "number of tags exceeds max unm of 10." (more than 10 in one request; spelling kept). */
  batchTooLarge: () => new TagError(TAG_CODES.invalid, "number of tags exceeds max unm of 10.", 400),
  /** Ref: VPC.1814 "Invalid input for operation: tags key is duplicated." */
  duplicated: () => new TagError(TAG_CODES.operation, "Invalid input for operation: tags key is duplicated.", 400),
  /** Ref: VPC.1814 "Invalid input for operation: resource_id: XXXX, number of tags exceed max num of 10." */
  tooMany: (id: string) =>
    new TagError(
      TAG_CODES.operation,
      `Invalid input for operation: resource_id: ${id}, number of tags exceed max num of 10.`,
      400,
    ),
  /** Ref: VPC.1814 "Resource XXX XXX could not be found." (400, an unknown listener). */
  listenerNotFound: (id: string) =>
    new TagError(TAG_CODES.operation, `Resource listener ${id} could not be found.`, 400),
  /** Ref: VPC.1814 "The resource could not be found." (a key to delete that does not exist). */
  keyNotFound: () => new TagError(TAG_CODES.operation, "The resource could not be found.", 400),
} as const;

const headers = (requestId: string): Record<string, string> => ({
  "content-type": "application/json",
  "x-request-id": requestId,
});

/** renderV2Error writes an error in the family's body: NeutronError on `/v2.0/lbaas`, the ELB code body on `/v2`. */
export function renderV2Error(error: V2Error, family: V2Family, requestId: string): Reply {
  if (family === "otc") {
    const { status, type, message } = error.neutron;
    return {
      status,
      headers: headers(requestId),
      body: JSON.stringify({ NeutronError: { type, message, detail: "" } }),
    };
  }
  return {
    status: error.status,
    headers: headers(requestId),
    body: JSON.stringify({ error_msg: error.message, error_code: error.code, request_id: requestId }),
  };
}

/**
 * renderTagError writes a tag API error. Assumed: the `{"error_msg","error_code","request_id"}` body of the
 * project-scoped APIs (the tag pages show codes and messages, not the body).
 */
export function renderTagError(error: TagError, requestId: string): Reply {
  return {
    status: error.status,
    headers: headers(requestId),
    body: JSON.stringify({ error_msg: error.message, error_code: error.code, request_id: requestId }),
  };
}

/** V2_KNOWN_STATUS is the documented HTTP status of the ELB codes a fault rule may name without a status. */
const V2_KNOWN_STATUS: Readonly<Record<string, number>> = {
  [ELB_V2_CODES.certificateNotFound]: 404,
  [ELB_V2_CODES.listenerLimit]: 403,
  [ELB_V2_CODES.conflict]: 409,
  [ELB_V2_CODES.notFound]: 404,
};

/** NEUTRON_KNOWN_STATUS is the status of the Neutron types a fault rule may name (as its code) without a status. */
const NEUTRON_KNOWN_STATUS: Readonly<Record<string, number>> = {
  [NEUTRON_TYPES.badRequest]: 400,
  [NEUTRON_TYPES.notFound]: 404,
  [NEUTRON_TYPES.entityNotFound]: 404,
  [NEUTRON_TYPES.entityInUse]: 409,
  [NEUTRON_TYPES.portExists]: 409,
  [NEUTRON_TYPES.stateInvalid]: 409,
  [NEUTRON_TYPES.overQuota]: 409,
  [NEUTRON_TYPES.internal]: 500,
};

/**
 * renderV2Fault answers a fault rule of kind `error` on a v2 route: a gateway code (`APIGW.*`) as the gateway answers
 * it; on `/v2.0/lbaas` a NeutronError whose `type` is the rule's code; on `/v2` the ELB code body. Without a code it
 * is the family's 500.
 */
export function renderV2Fault(
  family: V2Family,
  code: string | undefined,
  status: number | undefined,
  message: string | undefined,
): Reply {
  if (code?.startsWith("APIGW.")) return renderFault(code, status, message);
  if (code === undefined) {
    const internal = V2_ERRORS.internal();
    const error =
      status === undefined && message === undefined
        ? internal
        : new V2Error(internal.code, message ?? internal.message, status ?? 500, {
            ...internal.neutron,
            status: status ?? 500,
            message: message ?? internal.neutron.message,
          });
    return renderV2Error(error, family, newRequestId());
  }
  const text = message ?? "Injected service fault";
  const s =
    status ??
    (family === "otc" ? NEUTRON_KNOWN_STATUS[code] : V2_KNOWN_STATUS[code]) ??
    (code.startsWith("ELB.") || family === "otc" ? 400 : 500);
  return renderV2Error(new V2Error(code, text, s, { status: s, type: code, message: text }), family, newRequestId());
}
