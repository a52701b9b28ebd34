/**
 * The listener core's wire, written once for every protocol from its table: the resource id
 * (`<loadBalancerId>:<protocol>:<listenerPort>`), the parameters of each action by that action's own wire names, and
 * the tolerant reader that turns a Describe…ListenerAttribute answer back into typed inputs, keeping every stored
 * value the answer does not mention. Ref: aliyun-slb-listener-family.md §0-4; aliyun-slb-https-extras.md §2, §3.
 */
import type * as t from "io-ts";
import { decodeInputs } from "../../core/check";
import { ListenerError } from "../../core/errors";
import type { Params, ResponseBody } from "../client";
import type { ListenerProtocol } from "../constants";
import { LISTENER_PROTOCOL_PARAM, SET_SWITCHES } from "../constants";
import { isRedirect, propsOf, requiredOf } from "./schema";
import type { InputBag, InputsOf, ListenerTable, WireMap } from "./table";

/** ListenerAddress names one listener. */
export interface ListenerAddress {
  readonly regionId: string;
  readonly loadBalancerId: string;
  readonly listenerPort: number;
}

/** listenerIdOf is a listener's resource id, `<loadBalancerId>:<protocol>:<listenerPort>` as in Terraform [S22]. */
export function listenerIdOf(protocol: ListenerProtocol, loadBalancerId: string, listenerPort: number): string {
  return `${loadBalancerId}:${protocol}:${listenerPort}`;
}

/** parseListenerIdOf reads `<loadBalancerId>:<protocol>:<listenerPort>`; it throws a ListenerError on any other form. */
export function parseListenerIdOf(
  resource: string,
  protocol: ListenerProtocol,
  id: string,
): { loadBalancerId: string; listenerPort: number } {
  const match = new RegExp(`^(.+):${protocol}:(\\d{1,5})$`).exec(id);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) {
    throw new ListenerError(`${resource} id must look like <loadBalancerId>:${protocol}:<listenerPort>, got "${id}"`);
  }
  return { loadBalancerId: match[1], listenerPort: port };
}

/** addressParams are the parameters that name one listener of a Describe…ListenerAttribute (protocol in the action). */
export function addressParams(address: ListenerAddress): Params {
  return { RegionId: address.regionId, LoadBalancerId: address.loadBalancerId, ListenerPort: address.listenerPort };
}

/**
 * protocolParams name one listener for Start, Stop and Delete, with `ListenerProtocol`: a port may hold a UDP listener
 * beside a TCP, HTTP or HTTPS one. Ref: aliyun-slb-listener-family.md §4, §5 [S4][S17][S22].
 */
export function protocolParams(protocol: ListenerProtocol, address: ListenerAddress): Params {
  return { ...addressParams(address), [LISTENER_PROTOCOL_PARAM]: protocol };
}

/**
 * requestParams turns inputs into one action's parameters by its wire names, leaving out absent ones: booleans as
 * `"true"`/`"false"` (ProxyProtocolV2Enabled [S1]), several ACLs comma-joined in `AclId` as Terraform's acl_ids
 * sends them [S27]. `keys` limits them to some inputs.
 */
export function requestParams(
  wire: WireMap,
  inputs: InputBag,
  keys: readonly string[] = [...Object.keys(wire), "aclIds"],
): Params {
  const params: Record<string, string | number> = {};
  for (const key of keys) {
    const name = Object.prototype.hasOwnProperty.call(wire, key) ? wire[key] : undefined;
    const value: unknown = inputs[key];
    if (name === undefined) continue;
    if (typeof value === "string" || typeof value === "number") params[name] = value;
    else if (typeof value === "boolean") params[name] = String(value);
  }
  const aclIds: unknown = inputs.aclIds;
  if (keys.includes("aclIds") && Array.isArray(aclIds) && wire.aclId !== undefined) {
    params[wire.aclId] = aclIds.join(",");
  }
  return params;
}

/** createParams are a create's parameters: every input, the redirect's fixed ones, and the region. */
export function createParams(table: ListenerTable, inputs: InputBag, regionId: string): Params {
  const fixed = isRedirect(table, inputs) ? table.redirect?.createParams : undefined;
  return {
    ...fixed,
    ...requestParams(table.wire.create, inputs),
    RegionId: regionId,
  };
}

/**
 * tagParams are the create-only `Tag.N.Key` / `Tag.N.Value` parameters (N from 1, in the order the tags were given).
 * Ref: aliyun-slb-https-extras.md §2 [S3][S24].
 */
export function tagParams(tags: unknown): Params {
  const params: Record<string, string> = {};
  if (tags === null || typeof tags !== "object") return params;
  Object.entries(tags).forEach(([key, value], n) => {
    params[`Tag.${n + 1}.Key`] = key;
    params[`Tag.${n + 1}.Value`] = typeof value === "string" ? value : "";
  });
  return params;
}

/**
 * setParams are the Set action's parameters for `keys` of `outputs`, with each server group's switch (`VServerGroup`,
 * `MasterSlaveServerGroup`) set to match: `on` while the group is given, `off` once it is left out.
 * Ref: aliyun-slb-listener-family.md §2 [S2][S7].
 */
export function setParams(table: ListenerTable, outputs: InputBag, keys: ReadonlySet<string>): Params {
  const params: Record<string, string | number | undefined> = { ...requestParams(table.wire.set, outputs, [...keys]) };
  for (const [input, name] of Object.entries(SET_SWITCHES)) {
    if (keys.has(input) && table.wire.set[input] !== undefined) {
      params[name] = outputs[input] === undefined ? "off" : "on";
    }
  }
  return params;
}

/**
 * matches tells whether a described listener has every setting of `inputs` that the answer mentions: what this
 * create sent, found after its answer was lost.
 */
export function matches(table: ListenerTable, live: ResponseBody, inputs: InputBag): boolean {
  for (const [key, member] of Object.entries(table.wire.describe)) {
    if (key === "regionId" || key === "loadBalancerId") continue;
    const value = inputs[key];
    const seen = live[member];
    if (value === undefined || seen === undefined || typeof value === "object") continue;
    if (String(seen) !== String(value)) return false;
  }
  return true;
}

/** ValueKind is how the reader converts a describe member: by the codec of its input. */
type ValueKind = "integer" | "boolean" | "text";

/** kindOf tells an input's value kind from its codec's name (the rule failures report). */
function kindOf(codec: t.Mixed): ValueKind {
  if (codec.name.includes("integer")) return "integer";
  if (codec.name === "true or false") return "boolean";
  return "text";
}

/** converted reads one describe member as its input's kind: numbers from numbers or text, booleans from either. */
function converted(kind: ValueKind, value: unknown): unknown {
  if (kind === "integer") return Number(value);
  if (kind === "boolean")
    return value === true || value === "true" ? true : value === false || value === "false" ? false : value;
  return String(value);
}

/** listOf reads a Describe list member such as `AclIds: {AclId: [...]}` (absent or malformed: empty). */
function listOf(member: unknown, item: string): unknown[] {
  if (member === null || typeof member !== "object") return [];
  const list: unknown = Object.entries(member).find(([key]) => key === item)?.[1];
  return Array.isArray(list) ? list : [];
}

/**
 * describedValues reads a describe answer into input names. A member the answer leaves out keeps its stored value
 * (a documented answer omits members, and a redirect listener's answer has five); one that is null or "" is unset.
 */
function describedValues(
  table: ListenerTable,
  props: t.Props,
  body: ResponseBody,
  address: ListenerAddress,
  previous: InputBag,
): Record<string, unknown> {
  const values: Record<string, unknown> = { ...address };
  for (const [key, member] of Object.entries(table.wire.describe)) {
    if (key === "regionId" || key === "loadBalancerId" || key === "listenerPort" || !(key in props)) continue;
    if (!Object.prototype.hasOwnProperty.call(body, member)) {
      if (previous[key] !== undefined) values[key] = previous[key];
      continue;
    }
    const value = body[member];
    if (value === undefined || value === null || value === "") continue;
    values[key] = converted(kindOf(props[key]), value);
  }
  if ("aclIds" in props) readAclIds(body, previous, values);
  if ("tags" in props) {
    if (body.Tags === undefined) {
      if (previous.tags !== undefined) values.tags = previous.tags;
    } else {
      const tags: Record<string, string> = {};
      for (const tag of listOf(body.Tags, "Tag")) {
        if (tag === null || typeof tag !== "object") continue;
        const key: unknown = "TagKey" in tag ? tag.TagKey : undefined;
        const value: unknown = "TagValue" in tag ? tag.TagValue : undefined;
        if (typeof key === "string") tags[key] = typeof value === "string" ? value : "";
      }
      if (Object.keys(tags).length > 0) values.tags = tags;
    }
  }
  return values;
}

/**
 * readAclIds reads `AclIds.AclId[]`: several ACLs (or one the program gave as aclIds) are aclIds, and AclId then holds
 * them comma-joined; an answer without AclIds keeps the stored aclIds.
 */
function readAclIds(body: ResponseBody, previous: InputBag, values: Record<string, unknown>): void {
  if (body.AclIds === undefined) {
    if (previous.aclIds !== undefined) {
      values.aclIds = previous.aclIds;
      delete values.aclId;
    }
    return;
  }
  const aclIds = listOf(body.AclIds, "AclId").filter((id): id is string => typeof id === "string");
  if (aclIds.length > 1 || (aclIds.length === 1 && previous.aclIds !== undefined)) {
    values.aclIds = aclIds;
    delete values.aclId;
  }
}

/** isInputs is the type guard of values that decoded without failure against a table. */
function isInputs<I extends object>(values: object, failures: readonly unknown[]): values is I {
  return failures.length === 0;
}

/**
 * readListener is the tolerant reader: it turns a Describe…ListenerAttribute answer into typed inputs. A member the
 * answer leaves out keeps its stored value; a value the answer gives that fails its rule (set outside Pulumi) is taken
 * from `previous` instead, or left out; `adoptExisting` comes from `previous`. It throws a ListenerError only when a
 * required input is still missing or invalid.
 */
export function readListener<RP extends t.Props, OP extends t.Props>(
  table: ListenerTable<RP, OP>,
  body: ResponseBody,
  address: ListenerAddress,
  previous: InputBag = {},
): InputsOf<RP, OP> {
  // The widest codecs: a UDP threshold Set to 1 reads back although a create needs 2.
  const props = propsOf(table, "set");
  const redirect = table.redirect === undefined ? undefined : table.wire.describe[table.redirect.input];
  const redirects = isRedirect(table, previous) || (redirect !== undefined && body[redirect] === "on");
  // A redirect listener's answer has five members [S11]: nothing else is required of it.
  const required = redirects ? [] : requiredOf(table);
  const values = describedValues(table, props, body, address, previous);
  if (previous.adoptExisting !== undefined) values.adoptExisting = previous.adoptExisting;
  const first = decodeInputs(table.resource, props, required, values);
  for (const { property } of first.failures) {
    const kept = previous[property];
    if (kept === undefined) delete values[property];
    else values[property] = kept;
  }
  const decoded = decodeInputs(table.resource, props, required, values);
  if (!isInputs<InputsOf<RP, OP>>(values, decoded.failures)) {
    const reasons = decoded.failures.map((f) => f.reason).join("; ");
    throw new ListenerError(
      `${table.resource} ${listenerIdOf(table.protocol, address.loadBalancerId, address.listenerPort)}: ${reasons}`,
    );
  }
  return values;
}
