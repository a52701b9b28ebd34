/**
 * To and from the SLB wire: request parameters from typed inputs, the resource id, and the tolerant reader that turns
 * a DescribeLoadBalancerHTTPSListenerAttribute answer back into typed inputs.
 * Ref: shared/api-docs/aliyun-slb-CreateLoadBalancerHTTPSListener.md, "Request parameters".
 */
import { conforms, decodeInputs } from "../core/check";
import { ListenerError } from "../core/errors";
import type { Params, ResponseBody } from "./client";
import { LISTENER_PROTOCOL, WIRE_NAMES } from "./constants";
import type { WireInput } from "./constants";
import type { HttpsListenerInputs, InputName, RequiredInput } from "./schema";
import { inputProps, REQUIRED_INPUTS, RESOURCE_NAME } from "./schema";

/** ListenerAddress names one listener. */
export interface ListenerAddress {
  readonly regionId: string;
  readonly loadBalancerId: string;
  readonly listenerPort: number;
}

/** listenerId is the resource id, `<loadBalancerId>:https:<listenerPort>` as in the alicloud Terraform provider. */
export function listenerId(loadBalancerId: string, listenerPort: number): string {
  return `${loadBalancerId}:${LISTENER_PROTOCOL}:${listenerPort}`;
}

/** parseListenerId reads `<loadBalancerId>:https:<listenerPort>`; it throws a ListenerError on any other form. */
export function parseListenerId(id: string): { loadBalancerId: string; listenerPort: number } {
  const match = /^(.+):https:(\d{1,5})$/.exec(id);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) {
    throw new ListenerError(`HttpsListener id must look like <loadBalancerId>:https:<listenerPort>, got "${id}"`);
  }
  return { loadBalancerId: match[1], listenerPort: port };
}

/** addressParams are the parameters that name one listener. */
export function addressParams(address: ListenerAddress): Params {
  return { RegionId: address.regionId, LoadBalancerId: address.loadBalancerId, ListenerPort: address.listenerPort };
}

function isWireInput(key: string): key is WireInput {
  return Object.prototype.hasOwnProperty.call(WIRE_NAMES, key);
}

/** wireParams turns inputs into request parameters (by the document's names), leaving out absent ones. */
export function wireParams(
  inputs: Readonly<Partial<Record<InputName, unknown>>>,
  keys: readonly string[] = [...Object.keys(WIRE_NAMES), "aclIds"],
): Params {
  const params: Record<string, string | number> = {};
  for (const key of keys) {
    if (!isWireInput(key)) continue;
    const value: unknown = inputs[key];
    if (typeof value === "string" || typeof value === "number") params[WIRE_NAMES[key]] = value;
  }
  // Several ACLs go comma-joined in AclId, as Terraform's acl_ids sends them. Ref: aliyun-slb-https-extras.md §2 [S27].
  const aclIds: unknown = inputs.aclIds;
  if (keys.includes("aclIds") && Array.isArray(aclIds)) params[WIRE_NAMES.aclId] = aclIds.join(",");
  return params;
}

/**
 * tagParams are the create-only `Tag.N.Key` / `Tag.N.Value` parameters (N from 1, in the order the tags were given).
 * Ref: aliyun-slb-https-extras.md §2 [S3][S24].
 */
export function tagParams(tags: Readonly<Record<string, string>> | undefined): Params {
  const params: Record<string, string> = {};
  Object.entries(tags ?? {}).forEach(([key, value], n) => {
    params[`Tag.${n + 1}.Key`] = key;
    params[`Tag.${n + 1}.Value`] = value;
  });
  return params;
}

/** matches tells whether a described listener has every parameter that was sent (region and load balancer aside). */
export function matches(live: ResponseBody, params: Params): boolean {
  for (const [wire, value] of Object.entries(params)) {
    if (wire === "RegionId" || wire === "LoadBalancerId" || wire.startsWith("Tag.") || value === undefined) continue;
    if (String(live[wire]) !== String(value)) return false;
  }
  return true;
}

const INT_INPUTS: ReadonlySet<string> = new Set(
  Object.entries(inputProps)
    .filter(([, codec]) => codec.name.includes("integer"))
    .map(([key]) => key),
);

/** describedValues reads a DescribeLoadBalancerHTTPSListenerAttribute answer into input names (absent, null and "" left out). */
function describedValues(
  body: ResponseBody,
  address: ListenerAddress,
  previous?: Partial<HttpsListenerInputs>,
): Record<string, unknown> {
  const values: Record<string, unknown> = { ...address };
  for (const [key, wire] of Object.entries(WIRE_NAMES)) {
    if (key === "regionId" || key === "loadBalancerId" || key === "listenerPort") continue;
    const value = body[wire];
    if (value === undefined || value === null || value === "") continue;
    values[key] = INT_INPUTS.has(key) ? Number(value) : String(value);
  }
  const aclIds = listOf(body.AclIds, "AclId").filter((id): id is string => typeof id === "string");
  if (aclIds.length > 1 || (aclIds.length === 1 && previous?.aclIds !== undefined)) {
    // Several ACLs (or one the program gave as aclIds) are aclIds; AclId then holds them comma-joined.
    values.aclIds = aclIds;
    delete values.aclId;
  }
  const tags: Record<string, string> = {};
  for (const tag of listOf(body.Tags, "Tag")) {
    if (tag === null || typeof tag !== "object") continue;
    const { TagKey: key, TagValue: value } = tag as Record<string, unknown>;
    if (typeof key === "string") tags[key] = typeof value === "string" ? value : "";
  }
  if (Object.keys(tags).length > 0) values.tags = tags;
  return values;
}

/** listOf reads a Describe list member such as `AclIds: {AclId: [...]}` (absent or malformed: empty). */
function listOf(member: unknown, item: string): unknown[] {
  if (member === null || typeof member !== "object") return [];
  const list = (member as Record<string, unknown>)[item];
  return Array.isArray(list) ? list : [];
}

/**
 * inputsFromDescribe is the tolerant reader: it turns a describe answer into typed inputs. A value the answer gives
 * that fails its rule (set outside Pulumi) is taken from `previous` instead, or left out; `adoptExisting` comes from
 * `previous`. It throws a ListenerError only when a required input is still missing or invalid.
 */
export function inputsFromDescribe(
  body: ResponseBody,
  address: ListenerAddress,
  previous: Partial<HttpsListenerInputs> = {},
): HttpsListenerInputs {
  const values = describedValues(body, address, previous);
  if (previous.adoptExisting !== undefined) values.adoptExisting = previous.adoptExisting;
  const first = decodeInputs(RESOURCE_NAME, inputProps, REQUIRED_INPUTS, values);
  for (const { property } of first.failures) {
    const key: string = property;
    const kept: unknown = Object.entries(previous).find(([name]) => name === key)?.[1];
    if (kept === undefined) delete values[key];
    else values[key] = kept;
  }
  const decoded = decodeInputs(RESOURCE_NAME, inputProps, REQUIRED_INPUTS, values);
  if (!conforms<typeof inputProps, RequiredInput>(values, decoded)) {
    const reasons = decoded.failures.map((f) => f.reason).join("; ");
    throw new ListenerError(`HttpsListener ${listenerId(address.loadBalancerId, address.listenerPort)}: ${reasons}`);
  }
  return values;
}

/** changedParams are the Set action's parameters for `keys` of `outputs`, with VServerGroup switched to match. */
export function changedParams(
  outputs: Readonly<Partial<Record<InputName, unknown>>>,
  keys: ReadonlySet<InputName>,
): Params {
  const params: Record<string, string | number | undefined> = { ...wireParams(outputs, [...keys]) };
  if (keys.has("vServerGroupId")) params.VServerGroup = outputs.vServerGroupId === undefined ? "off" : "on";
  return params;
}

/** HttpsListenerOutputs are the listener's state: every input (regionId resolved) plus its status. */
export type HttpsListenerOutputs = HttpsListenerInputs & {
  /** The region the listener lives in (the configured one when the program gave none). */
  readonly regionId: string;
  /** The listener's status as SLB reports it: `running` after create, or `starting`, `configuring`, `stopped`... */
  readonly status: string;
};
