/**
 * The HttpListener table on the listener core: HTTPS's settings without the certificate and TLS ones, plus the
 * HTTP-to-HTTPS redirect (`listenerForward`, `forwardPort`). Ref: shared/api-docs/aliyun-slb-listener-family.md §0,
 * §1.1 (CreateLoadBalancerHTTPListener and the redirect), §2, §3.
 */
import { failure } from "../../core/check";
import { LISTENER_ACTIONS, LISTENER_WIRE_NAMES, REDIRECT_CREATE_PARAMS } from "../constants";
import { LISTENER_PROPS, SCHEDULERS, schedulerOf } from "../listener/codecs";
import type { InputsOf, ListenerOutputs, ListenerTable } from "../listener/table";
import { pick, slbListenerHints } from "../listener/table";

/** requiredProps are the inputs every HTTP listener needs (healthCheck too, unless it redirects: see crossField). */
const requiredProps = pick(LISTENER_PROPS, ["loadBalancerId", "listenerPort"]);

/** optionalProps are the other HTTP inputs, by the names HttpsListener uses. */
const optionalProps = {
  ...pick(LISTENER_PROPS, [
    "regionId",
    "bandwidth",
    "healthCheck",
    "stickySession",
    "aclId",
    "aclStatus",
    "aclType",
    "aclIds",
    "backendServerPort",
    "vServerGroupId",
    "cookie",
    "cookieTimeout",
    "description",
    "gzip",
    "healthCheckConnectPort",
    "healthCheckDomain",
    "healthCheckHttpCode",
    "healthCheckInterval",
    "healthCheckTimeout",
    "healthCheckUri",
    "healthCheckMethod",
    "healthyThreshold",
    "unhealthyThreshold",
    "idleTimeout",
    "requestTimeout",
    "stickySessionType",
    "xForwardedFor",
    "xForwardedForSlbId",
    "xForwardedForSlbIp",
    "xForwardedForProto",
    "xForwardedForSlbPort",
    "xForwardedForClientSrcPort",
    "listenerForward",
    "forwardPort",
    "tags",
    "adoptExisting",
  ]),
  /**
   * The scheduling algorithm: `"wrr"` (weighted round robin) or `"rr"` (round robin).
   * @default "wrr"
   * Ref: CreateLoadBalancerHTTPListener, Scheduler; aliyun-slb-listener-family.md §0 [S1].
   */
  scheduler: schedulerOf(SCHEDULERS.http),
};

/** HttpListenerInputs are the typed inputs of an HttpListener; its args derive from them. */
export type HttpListenerInputs = InputsOf<typeof requiredProps, typeof optionalProps>;

/** HttpListenerOutputs are an HttpListener's state: every input (regionId resolved) plus its status. */
export type HttpListenerOutputs = ListenerOutputs<HttpListenerInputs>;

/** HTTP_LISTENER is the HTTP table. Ref: aliyun-slb-listener-family.md §0-3, §8 [S1][S2][S3][S22]. */
export const HTTP_LISTENER: ListenerTable<typeof requiredProps, typeof optionalProps> = {
  resource: "HttpListener",
  protocol: "http",
  actions: LISTENER_ACTIONS.http,
  required: requiredProps,
  optional: optionalProps,
  defaults: {
    aclStatus: "off",
    gzip: "on",
    healthCheckHttpCode: "http_2xx",
    idleTimeout: 15,
    requestTimeout: 60,
    scheduler: "wrr",
    stickySession: "off",
    xForwardedFor: "on",
    xForwardedForSlbId: "off",
    xForwardedForSlbIp: "off",
    xForwardedForProto: "off",
    xForwardedForSlbPort: "off",
    xForwardedForClientSrcPort: "off",
    listenerForward: "off",
  },
  wire: LISTENER_WIRE_NAMES.http,
  // SetLoadBalancerHTTPListenerAttribute has no ListenerPort, BackendServerPort, ListenerForward, ForwardPort or Tag [S2].
  replace: [
    "loadBalancerId",
    "listenerPort",
    "regionId",
    "backendServerPort",
    "listenerForward",
    "forwardPort",
    "tags",
  ],
  ignoredAfterCreate: [],
  laterDefaults: [],
  clearable: ["vServerGroupId"],
  companions: [
    ["stickySession", "stickySessionType", "cookie", "cookieTimeout"],
    ["aclStatus", "aclId", "aclIds", "aclType"],
    ["healthCheckInterval", "healthCheckTimeout"],
  ],
  crossField: (value, present) => [
    ...(present("healthCheck") ? [] : [failure("healthCheck", "is required when listenerForward is off")]),
    ...(present("forwardPort") && (value.listenerForward === "off" || !present("listenerForward"))
      ? [failure("forwardPort", 'is used only when listenerForward is "on"')]
      : []),
  ],
  slbListener: slbListenerHints("http"),
  // A redirect listener takes only these; its Describe answers ListenerPort, ListenerForward, ForwardPort and Status
  // [S11], a Set is refused with Operation.NotAllowed [S28], and Terraform's note says the rest is ignored [S25].
  redirect: {
    input: "listenerForward",
    allowed: ["loadBalancerId", "listenerPort", "regionId", "listenerForward", "forwardPort", "adoptExisting"],
    required: ["forwardPort"],
    createParams: REDIRECT_CREATE_PARAMS,
  },
};

/** INPUT_NAMES are every HttpListener input, for the resource's output slots. */
export const INPUT_NAMES: readonly string[] = Object.keys({ ...requiredProps, ...optionalProps });
