/**
 * The HttpsListener input schema: the HTTPS table on the listener core (`./listener/`): the codecs it picks from the
 * shared ones, its scheduler, the API defaults, the wire names per action and the replace table. Its inputs, id, type
 * token and state are those HttpsListener always had, so a stack written before the core sees no difference.
 * Ref: shared/api-docs/aliyun-slb-CreateLoadBalancerHTTPSListener.md, "Request parameters";
 * aliyun-slb-https-extras.md §2.
 */
import type * as t from "io-ts";
import { LISTENER_ACTIONS, LISTENER_WIRE_NAMES } from "./constants";
import { HTTPS_PAGE_PROPS, LISTENER_PROPS, SCHEDULERS, schedulerOf } from "./listener/codecs";
import type { CheckedListener, DiffSummary } from "./listener/schema";
import { checkListener, diffListener, normaliseListener } from "./listener/schema";
import type { InputBag, ListenerTable } from "./listener/table";
import { pick, slbListenerHints } from "./listener/table";

/** RESOURCE_NAME is the resource name used in check messages. */
export const RESOURCE_NAME = "HttpsListener";

/** requiredProps are the inputs the document marks required (RegionId is optional here, see regionId). */
const requiredProps = pick(LISTENER_PROPS, [
  "loadBalancerId",
  "listenerPort",
  "bandwidth",
  "healthCheck",
  "serverCertificateId",
  "stickySession",
]);

/** optionalProps are the inputs the document marks optional, plus `regionId` and the provider's `adoptExisting`. */
const optionalProps = {
  ...pick(LISTENER_PROPS, [
    "regionId",
    "aclId",
    "aclStatus",
    "aclType",
    "backendServerPort",
    "caCertificateId",
    "cookie",
    "cookieTimeout",
  ]),
  description: HTTPS_PAGE_PROPS.description,
  ...pick(LISTENER_PROPS, [
    "enableHttp2",
    "gzip",
    "healthCheckConnectPort",
    "healthCheckDomain",
    "healthCheckHttpCode",
    "healthCheckInterval",
    "healthCheckTimeout",
  ]),
  healthCheckUri: HTTPS_PAGE_PROPS.healthCheckUri,
  ...pick(LISTENER_PROPS, ["healthyThreshold", "idleTimeout", "requestTimeout"]),
  /**
   * The scheduling algorithm: `"wrr"` (weighted round robin), `"wlc"` (weighted least connections) or `"rr"`.
   * @default "wrr"
   * Ref: CreateLoadBalancerHTTPSListener, Scheduler.
   */
  scheduler: schedulerOf(SCHEDULERS.https),
  ...pick(LISTENER_PROPS, [
    "stickySessionType",
    "tlsCipherPolicy",
    "unhealthyThreshold",
    "vServerGroupId",
    "xForwardedFor",
    "xForwardedForSlbId",
    "xForwardedForSlbIp",
    "xForwardedForProto",
    "healthCheckMethod",
    "aclIds",
    "xForwardedForSlbPort",
    "xForwardedForClientSrcPort",
    "tags",
    "adoptExisting",
  ]),
};

/** inputProps are all HttpsListener inputs, each with its codec. */
export const inputProps = { ...requiredProps, ...optionalProps };

/** InputName is the name of one HttpsListener input. */
type InputName = keyof typeof inputProps;

/** HttpsListenerInputs is the decoded, typed form of the inputs; the resource's args derive from it. */
export type HttpsListenerInputs = t.TypeOf<t.TypeC<typeof requiredProps>> & t.TypeOf<t.PartialC<typeof optionalProps>>;

/** REPLACE_INPUTS are the inputs SetLoadBalancerHTTPSListenerAttribute cannot change: changing one replaces. */
export const REPLACE_INPUTS: readonly InputName[] = ["loadBalancerId", "listenerPort", "regionId", "backendServerPort"];

/**
 * HTTPS_LISTENER is the HTTPS table. Tags are sent at create only and a later change is ignored with a warning rather
 * than replacing the listener (which would take its port down): HttpsListener has always done so, and existing stacks
 * keep it. Ref: aliyun-slb-https-extras.md §2 (Tag.N).
 */
export const HTTPS_LISTENER: ListenerTable<typeof requiredProps, typeof optionalProps> = {
  resource: RESOURCE_NAME,
  protocol: "https",
  actions: LISTENER_ACTIONS.https,
  required: requiredProps,
  optional: optionalProps,
  // The values the document gives the API's defaults; check fills them in so state equals what a read reports.
  defaults: {
    aclStatus: "off",
    enableHttp2: "on",
    gzip: "on",
    healthCheckHttpCode: "http_2xx",
    idleTimeout: 15,
    requestTimeout: 60,
    scheduler: "wrr",
    xForwardedFor: "on",
    xForwardedForSlbId: "off",
    xForwardedForSlbIp: "off",
    xForwardedForProto: "off",
    xForwardedForSlbPort: "off",
    xForwardedForClientSrcPort: "off",
  },
  wire: LISTENER_WIRE_NAMES.https,
  replace: REPLACE_INPUTS,
  ignoredAfterCreate: ["tags"],
  // Added after state was first written: a stored listener without them had the API default.
  laterDefaults: ["xForwardedForSlbPort", "xForwardedForClientSrcPort"],
  clearable: ["vServerGroupId"],
  companions: [
    ["stickySession", "stickySessionType", "cookie", "cookieTimeout"],
    ["aclStatus", "aclId", "aclIds", "aclType"],
    ["healthCheckInterval", "healthCheckTimeout"],
  ],
  crossField: () => [],
  slbListener: slbListenerHints("https", { sslCertificateId: "use serverCertificateId" }),
  specInput: "tlsCipherPolicy",
};

/**
 * normalise applies the API's documented defaults to absent inputs and its health check timeout rule (a timeout
 * smaller than the interval becomes the interval). Inputs present in `unknowns` are left alone.
 */
export function normalise<T extends Partial<HttpsListenerInputs>>(
  value: T,
  unknowns: ReadonlySet<string> = new Set(),
): T {
  return normaliseListener(HTTPS_LISTENER, value, unknowns);
}

/**
 * checkInputs validates raw HttpsListener inputs (every rule of the document), then fills in the API defaults, the
 * health check timeout normalisation and, when absent, `regionId` from `defaultRegion`. Values unknown during preview
 * are kept and not judged. The reserved `__provider` key is dropped (the provider host re-adds it).
 */
export function checkInputs(raw: unknown, defaultRegion?: string): CheckedListener<HttpsListenerInputs> {
  return checkListener(HTTPS_LISTENER, raw, defaultRegion);
}

/**
 * diffInputs compares stored outputs with new (checked) inputs: an unknown new value is a change; an input the new
 * program leaves out is a change only if it has an API default (check fills that in) or the API can clear it;
 * `regionId` left out means the configured region.
 */
export function diffInputs(olds: InputBag, news: InputBag, configuredRegion?: string): DiffSummary {
  return diffListener(HTTPS_LISTENER, olds, news, configuredRegion);
}
