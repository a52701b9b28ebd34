/**
 * To and from the SLB wire for HttpsListener: the listener core's wire (`./listener/wire.ts`) bound to the HTTPS
 * table, with the id `<loadBalancerId>:https:<listenerPort>` HttpsListener has always had.
 * Ref: shared/api-docs/aliyun-slb-CreateLoadBalancerHTTPSListener.md, "Request parameters".
 */
import type { Params, ResponseBody } from "./client";
import { WIRE_NAMES } from "./constants";
import type { InputBag, ListenerOutputs } from "./listener/table";
import type { ListenerAddress } from "./listener/wire";
import { listenerIdOf, parseListenerIdOf, readListener, requestParams } from "./listener/wire";
import type { HttpsListenerInputs } from "./schema";
import { HTTPS_LISTENER, RESOURCE_NAME } from "./schema";

export { tagParams } from "./listener/wire";

/** listenerId is the resource id, `<loadBalancerId>:https:<listenerPort>` as in the alicloud Terraform provider. */
export function listenerId(loadBalancerId: string, listenerPort: number): string {
  return listenerIdOf("https", loadBalancerId, listenerPort);
}

/** parseListenerId reads `<loadBalancerId>:https:<listenerPort>`; it throws a ListenerError on any other form. */
export function parseListenerId(id: string): { loadBalancerId: string; listenerPort: number } {
  return parseListenerIdOf(RESOURCE_NAME, "https", id);
}

/** wireParams turns inputs into CreateLoadBalancerHTTPSListener parameters, leaving out absent ones. */
export function wireParams(inputs: InputBag, keys?: readonly string[]): Params {
  return requestParams(WIRE_NAMES, inputs, keys);
}

/**
 * inputsFromDescribe is the tolerant reader of a DescribeLoadBalancerHTTPSListenerAttribute answer (see the core's
 * readListener): a member the answer leaves out keeps its stored value.
 */
export function inputsFromDescribe(
  body: ResponseBody,
  address: ListenerAddress,
  previous: Partial<HttpsListenerInputs> = {},
): HttpsListenerInputs {
  return readListener(HTTPS_LISTENER, body, address, previous);
}

/** HttpsListenerOutputs are the listener's state: every input (regionId resolved) plus its status. */
export type HttpsListenerOutputs = ListenerOutputs<HttpsListenerInputs>;
