/**
 * The SLB emulator's thin wire handlers of the HTTP, TCP and UDP listener actions and of the listener list: read the
 * parameters (protocolParams.ts), call the state, render the documented body (familyBodies.ts).
 * Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest") §1-§4.
 */
import { LIST_LISTENERS_ACTION, LIST_MAX_LOAD_BALANCERS, LIST_MAX_RESULTS, PROTOCOL_ACTIONS } from "./constants";
import { SLB_ERRORS } from "./errors";
import { describeBody, listItem } from "./familyBodies";
import type { Handler, RequestParams } from "./handlers";
import { ok, port, protocol, required } from "./handlers";
import { readTags, tagListener } from "./listenerExtras";
import type { FamilyProtocol } from "./protocolParams";
import { CREATE_REQUIRED, intIn, onOff, readParams } from "./protocolParams";
import type { ListenerTag } from "./state";

/** address reads the three parameters that name a listener of the action's protocol. */
function address(params: RequestParams): { regionId: string; lbId: string; listenerPort: number } {
  return {
    regionId: required(params, "RegionId"),
    lbId: required(params, "LoadBalancerId"),
    listenerPort: port(params),
  };
}

/** serverGroupSwitch reads Set's `VServerGroup` or `MasterSlaveServerGroup` (`on` | `off`). Ref: the family digest §2. */
function serverGroupSwitch(params: RequestParams, name: string): string | undefined {
  const value = params[name];
  if (value !== undefined && !onOff(value)) throw SLB_ERRORS.invalidParameter(name);
  return value;
}

/** createHandler answers Create…Listener of one protocol. */
function createHandler(protocolName: FamilyProtocol): Handler {
  return (state, params, requestId) => {
    const { regionId, lbId, listenerPort } = address(params);
    for (const name of CREATE_REQUIRED[protocolName]) required(params, name);
    const config = readParams(protocolName, "create", params);
    const tags = readTags(params);
    state.createListener(regionId, lbId, listenerPort, config, protocolName);
    tagListener(state.loadBalancer(regionId, lbId), listenerPort, protocolName, tags);
    return ok({}, requestId);
  };
}

/**
 * setHandler answers Set…ListenerAttribute of one protocol: `VServerGroup=on` needs a VServerGroupId, TCP/UDP's
 * `MasterSlaveServerGroup=on` a MasterSlaveServerGroupId, and both switches on are the group mismatch.
 * Ref: the family digest §2 [S2] ("not both on"). Assumed: the missing id is MissingParameter naming it, as the
 * emulator's HTTPS Set answers, and the two switches on answer the documented mismatch code.
 */
function setHandler(protocolName: FamilyProtocol): Handler {
  return (state, params, requestId) => {
    const { regionId, lbId, listenerPort } = address(params);
    const vServerGroup = serverGroupSwitch(params, "VServerGroup");
    const masterSlaveServerGroup =
      protocolName === "http" ? undefined : serverGroupSwitch(params, "MasterSlaveServerGroup");
    const patch = readParams(protocolName, "set", params);
    if (vServerGroup === "on" && masterSlaveServerGroup === "on") throw SLB_ERRORS.serverGroupMissMatch();
    if (vServerGroup === "on" && patch.VServerGroupId === undefined)
      throw SLB_ERRORS.missingParameter("VServerGroupId");
    if (masterSlaveServerGroup === "on" && patch.MasterSlaveServerGroupId === undefined) {
      throw SLB_ERRORS.missingParameter("MasterSlaveServerGroupId");
    }
    state.setListener(regionId, lbId, listenerPort, patch, { vServerGroup, masterSlaveServerGroup }, protocolName);
    return ok({}, requestId);
  };
}

/** describeHandler answers Describe…ListenerAttribute of one protocol (the protocol is the action's own). */
function describeHandler(protocolName: FamilyProtocol): Handler {
  return (state, params, requestId) => {
    const { regionId, lbId, listenerPort } = address(params);
    const listener = state.readListener(regionId, lbId, listenerPort, protocolName);
    const lb = state.loadBalancer(regionId, lbId);
    return ok(describeBody(lb, listener, state.reportedStatus(listener), state.redirectStatusCase), requestId);
  };
}

const LOAD_BALANCER_ID_N = /^LoadBalancerId\.(\d+)$/;
const TAG_N = /^Tag\.(\d+)\.(Key|Value)$/;

/**
 * loadBalancerIds reads `LoadBalancerId.N` (N 1-10) in N order. Ref: the family digest §4 [S4] (≤10).
 * Assumed: an N outside 1-10 is InvalidParameter naming the parameter.
 */
function loadBalancerIds(params: RequestParams): string[] {
  const byIndex = new Map<number, string>();
  for (const [name, value] of Object.entries(params)) {
    const match = LOAD_BALANCER_ID_N.exec(name);
    if (!match) continue;
    const n = Number(match[1]);
    if (n < 1 || n > LIST_MAX_LOAD_BALANCERS) throw SLB_ERRORS.invalidParameter(name);
    if (value !== "") byIndex.set(n, value);
  }
  return [...byIndex.keys()].sort((a, b) => a - b).map((n) => byIndex.get(n) ?? "");
}

/** tagFilter reads the list's `Tag.N.Key` / `Tag.N.Value` filter (N 1-20). Ref: the family digest §4 [S4]. */
function tagFilter(params: RequestParams): ListenerTag[] {
  const byIndex = new Map<number, { key?: string; value?: string }>();
  for (const [name, text] of Object.entries(params)) {
    const match = TAG_N.exec(name);
    if (!match) continue;
    const n = Number(match[1]);
    if (n < 1 || n > 20) throw SLB_ERRORS.invalidParameter(name);
    const entry = byIndex.get(n) ?? {};
    if (match[2] === "Key") entry.key = text;
    else entry.value = text;
    byIndex.set(n, entry);
  }
  return [...byIndex.entries()].map(([n, { key, value = "" }]) => {
    if (key === undefined) throw SLB_ERRORS.missingParameter(`Tag.${n}.Key`);
    return { TagKey: key, TagValue: value };
  });
}

/**
 * pageStart reads `NextToken`: the emulator's tokens are the decimal offset of the next page.
 * Assumed: the service's tokens are opaque (the Tea example is `FFmyTO70tTpLG6I3FmYAXGKPd****`); a token the
 * emulator did not issue is InvalidParameter naming NextToken.
 */
function pageStart(params: RequestParams): number {
  const token = params.NextToken;
  if (token === undefined || token === "") return 0;
  if (!/^\d{1,9}$/.test(token)) throw SLB_ERRORS.invalidParameter("NextToken");
  return Number(token);
}

/**
 * listListeners answers DescribeLoadBalancerListeners: a page of `MaxResults` (1-100, default 20) items, `Listeners`
 * absent when there are none, `TotalCount` of the whole list, `NextToken` empty on the last page.
 * Ref: the family digest §4 [S4][S8].
 */
const listListeners: Handler = (state, params, requestId) => {
  const regionId = required(params, "RegionId");
  const maxText = params.MaxResults;
  if (maxText !== undefined && !intIn(LIST_MAX_RESULTS.min, LIST_MAX_RESULTS.max)(maxText)) {
    throw SLB_ERRORS.invalidParameter("MaxResults");
  }
  const maxResults = maxText === undefined ? LIST_MAX_RESULTS.default : Number(maxText);
  const portText = params.ListenerPort;
  if (portText !== undefined && !intIn(1, 65535)(portText)) throw SLB_ERRORS.invalidParameter("ListenerPort");
  const start = pageStart(params);
  const all = state.listListeners(regionId, {
    loadBalancerIds: loadBalancerIds(params),
    protocol: protocol(params),
    port: portText === undefined ? undefined : Number(portText),
    description: params.Description,
    tags: tagFilter(params),
  });
  if (start > all.length) throw SLB_ERRORS.invalidParameter("NextToken");
  const page = all.slice(start, start + maxResults);
  const next = start + page.length;
  return ok(
    {
      ...(page.length > 0
        ? { Listeners: page.map(({ lb, listener }) => listItem(lb, listener, state.reportedStatus(listener))) }
        : {}),
      TotalCount: all.length,
      MaxResults: maxResults,
      NextToken: next < all.length ? String(next) : "",
    },
    requestId,
  );
};

/** FAMILY_HANDLERS maps the HTTP, TCP and UDP listener actions and the listener list to their handlers. */
export const FAMILY_HANDLERS: Readonly<Record<string, Handler>> = {
  [PROTOCOL_ACTIONS.http.create]: createHandler("http"),
  [PROTOCOL_ACTIONS.http.set]: setHandler("http"),
  [PROTOCOL_ACTIONS.http.describe]: describeHandler("http"),
  [PROTOCOL_ACTIONS.tcp.create]: createHandler("tcp"),
  [PROTOCOL_ACTIONS.tcp.set]: setHandler("tcp"),
  [PROTOCOL_ACTIONS.tcp.describe]: describeHandler("tcp"),
  [PROTOCOL_ACTIONS.udp.create]: createHandler("udp"),
  [PROTOCOL_ACTIONS.udp.set]: setHandler("udp"),
  [PROTOCOL_ACTIONS.udp.describe]: describeHandler("udp"),
  [LIST_LISTENERS_ACTION]: listListeners,
};
