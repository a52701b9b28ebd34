/**
 * ListenerProvider: the lifecycle of an Alibaba Cloud SLB listener of any protocol as a Pulumi dynamic provider,
 * written once and driven by the protocol's table, over the cloud's session (client, errors) and the shared mutation
 * pipeline (`core/pipeline`: the load balancer's lock, pacing, endpoint gate and retry, one log format). Every kind
 * of the cloud queues on the one per-load-balancer lock of that module.
 * Ref: aliyun-slb-https-extras.md §4 (Terraform's create, read and delete flow); aliyun-slb-listener-family.md §4, §5.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type * as t from "io-ts";
import { createOnce, type CreateKind } from "../../core/createOnce";
import { ApiError, ListenerError } from "../../core/errors";
import { log } from "../../core/log";
import type { Lane } from "../../core/pipeline";
import type { Params, ResponseBody, SlbApi } from "../client";
import { ACTIONS, ERROR_CODES } from "../constants";
import { classify, explainSpecRefusal } from "../errors";
import type { SlbProviderOptions } from "../session";
import { invalidInputs, SlbSession } from "../session";
import { ListenerPlan } from "./plan";
import { checkListener, diffListener, isRedirect, propsOf } from "./schema";
import type { InputBag, InputsOf, ListenerOutputs, ListenerTable } from "./table";
import type { ListenerAddress } from "./wire";
import {
  addressParams,
  createParams,
  listenerIdOf,
  matches,
  parseListenerIdOf,
  protocolParams,
  readListener,
  setParams,
  tagParams,
} from "./wire";

/**
 * ListenerProvider implements a listener's lifecycle against the SLB API: create runs the protocol's create action
 * (once, inside the load balancer's lock) then StartLoadBalancerListener with `ListenerProtocol`, deleting the new
 * listener if it cannot be started; read describes (a listener is gone only on the service's proof); update sends one
 * Set with only what changed and its companions; delete sends DeleteLoadBalancerListener with `ListenerProtocol`
 * (already gone is success). Credentials come from `configure` (stack config) or the environment.
 */
export class ListenerProvider<RP extends t.Props, OP extends t.Props>
  extends ListenerPlan<RP, OP>
  implements dynamic.ResourceProvider<InputsOf<RP, OP>, ListenerOutputs<InputsOf<RP, OP>>>
{
  // #private (not TypeScript `private`): util.inspect and JSON never show the session's credentials or clients.
  readonly #session: SlbSession;

  constructor(table: ListenerTable<RP, OP>, options: SlbProviderOptions = {}) {
    super(table, options);
    this.#session = new SlbSession(table.resource, options, this.stack);
  }

  /** configure keeps the stack's config for the plan half and forgets clients built under the previous one. */
  override async configure(req: dynamic.ConfigureRequest): Promise<void> {
    await super.configure(req);
    this.#session.forgetClients();
  }

  /** create makes the listener, starts it, and returns its id and outputs. */
  async create(inputs: InputsOf<RP, OP>): Promise<dynamic.CreateResult<ListenerOutputs<InputsOf<RP, OP>>>> {
    const { resource, protocol } = this.table;
    const checked = checkListener(this.table, inputs, this.stack.region());
    if (!checked.ok) {
      throw invalidInputs(resource, checked.failures);
    }
    const values = checked.inputs;
    const regionId = values.regionId ?? this.stack.requireRegion();
    const address: ListenerAddress = {
      regionId,
      loadBalancerId: values.loadBalancerId,
      listenerPort: values.listenerPort,
    };
    const id = listenerIdOf(protocol, address.loadBalancerId, address.listenerPort);
    const outs: ListenerOutputs<InputsOf<RP, OP>> = { ...values, regionId, status: "running" };
    const api = this.#session.client(regionId);
    const made = await this.#session.pipeline
      .exclusive(this.#session.target(regionId, address.loadBalancerId), (lane) =>
        createOnce(this.#session.pipeline, lane, this.creating(api, id, address, values, lane)),
      )
      .catch((error: unknown) => {
        throw this.explained(this.portTaken(error, id, values), id, address);
      });
    try {
      await this.mutate(api, id, address, ACTIONS.startListener, protocolParams(protocol, address));
    } catch (error) {
      if (made.origin !== "adopted") await this.removeAfterFailedStart(api, id, address, error);
      throw error;
    }
    return { id, outs };
  }

  /**
   * creating is what a listener create tells the one create path (`core/createOnce`): it sends the protocol's create
   * with the tags; it looks by describing the port with the protocol's own action, where a listener that matches what
   * was sent is this create's own; with `adoptExisting` it adopts the port's listener of this protocol by setting
   * every input on it (a redirect listener takes no Set), else another listener there fails as ListenerAlreadyExists.
   * A listener of another protocol on the port is not found by that action, so the create's ListenerAlreadyExists
   * stands: it is never adopted.
   */
  private creating(
    api: SlbApi,
    id: string,
    address: ListenerAddress,
    values: InputBag,
    lane: Lane,
  ): CreateKind<ResponseBody> {
    const { actions, resource } = this.table;
    const params = { ...createParams(this.table, values, address.regionId), ...tagParams(values.tags) };
    const adopt = async (live: ResponseBody): Promise<ResponseBody> => {
      if (isRedirect(this.table, values)) return live;
      // Every input Set takes: not those that replace (no Set has a parameter for them), the region aside.
      const all = new Set(
        Object.keys(propsOf(this.table, "set")).filter(
          (key) => key === "regionId" || !this.table.replace.includes(key),
        ),
      );
      const set = { ...setParams(this.table, values, all), ...addressParams(address) };
      await this.#session.pipeline.call(id, actions.set, lane, () => api.call(actions.set, set));
      return live;
    };
    return {
      subject: id,
      action: actions.create,
      send: () => api.call(actions.create, params),
      lookUp: () => this.describe(api, address),
      isOwn: (live) => matches(this.table, live, values),
      named: () => `listener ${id}`,
      adopt: values.adoptExisting === true ? adopt : undefined,
      taken: () =>
        new ApiError({
          cloud: "aliyun",
          action: actions.create,
          code: ERROR_CODES.listenerAlreadyExists,
          apiMessage: `another ${resource} already uses port ${address.listenerPort} of ${address.loadBalancerId}`,
        }),
    };
  }

  /** removeAfterFailedStart deletes a listener this create made but could not start, so nothing is orphaned. */
  private async removeAfterFailedStart(
    api: SlbApi,
    id: string,
    address: ListenerAddress,
    startError: unknown,
  ): Promise<void> {
    const reason = startError instanceof Error ? startError.message : String(startError);
    log.warn(`${this.table.resource} ${id}: could not start the new listener (${reason}); deleting it`);
    try {
      await this.deleteListener(api, id, address);
    } catch (deleteError) {
      const why = deleteError instanceof Error ? deleteError.message : String(deleteError);
      throw new ListenerError(
        `${reason}; the listener ${id} was created but could not be started, and deleting it failed too: ${why}. ` +
          `Delete it by hand or import it with adoptExisting.`,
      );
    }
  }

  /** read describes the listener; a listener or load balancer that is gone (on the service's proof) returns an empty id. */
  async read(
    id: string,
    props?: ListenerOutputs<InputsOf<RP, OP>>,
  ): Promise<dynamic.ReadResult<ListenerOutputs<InputsOf<RP, OP>>>> {
    const { loadBalancerId, listenerPort } = parseListenerIdOf(this.table.resource, this.table.protocol, id);
    const regionId = props?.regionId || this.stack.requireRegion();
    const address: ListenerAddress = { regionId, loadBalancerId, listenerPort };
    const api = this.#session.client(regionId);
    const lane = this.#session.pipeline.reads(this.#session.endpoint(regionId));
    const live = await this.#session.pipeline.call(id, this.table.actions.describe, lane, () =>
      this.describe(api, address),
    );
    if (!live) return { id: "" };
    const inputs = readListener(this.table, live, address, props);
    // Statuses come capitalised in some documents ("Stopped"); Terraform lower-cases them [S11][S24].
    const status = typeof live.Status === "string" ? live.Status.toLowerCase() : "unknown";
    const outs: ListenerOutputs<InputsOf<RP, OP>> = { ...inputs, regionId, status };
    // ReadResult types its inputs as the outputs; the inputs carry no status.
    const readInputs: ListenerOutputs<InputsOf<RP, OP>> = { ...outs };
    Reflect.deleteProperty(readInputs, "status");
    return { id, props: outs, inputs: readInputs };
  }

  /** update sends one Set with the changed inputs (and their companions); inputs that replace never get here. */
  async update(
    id: string,
    olds: ListenerOutputs<InputsOf<RP, OP>>,
    news: InputsOf<RP, OP>,
  ): Promise<dynamic.UpdateResult<ListenerOutputs<InputsOf<RP, OP>>>> {
    const { resource, actions, ignoredAfterCreate, companions, clearable } = this.table;
    const configured = this.stack.region();
    const regionId = news.regionId ?? configured ?? olds.regionId;
    const next: InputsOf<RP, OP> = { ...news, regionId };
    const { changed, replaces } = diffListener(this.table, olds, next, configured);
    if (replaces.length > 0) {
      throw new ListenerError(`${resource} ${id}: ${replaces.join(", ")} cannot change in place; replace it`);
    }
    const outs: ListenerOutputs<InputsOf<RP, OP>> = { ...next, regionId, status: olds.status ?? "running" };
    const stored: InputBag = olds;
    for (const key of Object.keys(propsOf(this.table, "create"))) {
      // An input ignored after create, or left out where the API cannot clear it, keeps its live value.
      const ignored = ignoredAfterCreate.includes(key);
      if (ignored || (next[key] === undefined && stored[key] !== undefined && !changed.includes(key))) {
        if (stored[key] === undefined) Reflect.deleteProperty(outs, key);
        else Object.assign(outs, { [key]: stored[key] });
      }
    }
    const keys = new Set(changed.filter((key) => key !== "adoptExisting"));
    if (keys.size === 0) return { outs };
    for (const group of companions) {
      if (group.some((key) => keys.has(key))) for (const key of group) keys.add(key);
    }
    const address: ListenerAddress = { regionId, loadBalancerId: next.loadBalancerId, listenerPort: next.listenerPort };
    const cleared = Object.fromEntries(clearable.map((key) => [key, next[key]]));
    const params: Params = { ...setParams(this.table, { ...outs, ...cleared }, keys), ...addressParams(address) };
    try {
      await this.mutate(this.#session.client(regionId), id, address, actions.set, params);
    } catch (error) {
      throw this.explained(error, id, address);
    }
    return { outs };
  }

  /** delete removes the listener; a listener or load balancer already gone is success. */
  async delete(id: string, props: ListenerOutputs<InputsOf<RP, OP>>): Promise<void> {
    const { loadBalancerId, listenerPort } = parseListenerIdOf(this.table.resource, this.table.protocol, id);
    const regionId = props?.regionId || this.stack.requireRegion();
    await this.deleteListener(this.#session.client(regionId), id, { regionId, loadBalancerId, listenerPort });
  }

  private async deleteListener(api: SlbApi, id: string, address: ListenerAddress): Promise<void> {
    try {
      const params = protocolParams(this.table.protocol, address);
      await this.mutate(api, id, address, ACTIONS.deleteListener, params);
    } catch (error) {
      if (classify(error) === "gone") return;
      throw error;
    }
  }

  /** describe returns the listener's attributes, or undefined when it or its load balancer is gone. */
  private async describe(api: SlbApi, address: ListenerAddress): Promise<ResponseBody | undefined> {
    try {
      return await api.call(this.table.actions.describe, addressParams(address));
    } catch (error) {
      if (classify(error) === "gone") return undefined;
      throw error;
    }
  }

  /**
   * portTaken explains a conflict that adoption could not resolve: the protocol's own Describe found no listener on the
   * port, so one of another protocol holds it (TCP, HTTP and HTTPS ports are unique among themselves; only a UDP
   * listener shares a port). Such a listener is never adopted. Ref: aliyun-slb-listener-family.md §5 [S18].
   */
  private portTaken(error: unknown, id: string, values: InputBag): unknown {
    if (values.adoptExisting !== true || classify(error) !== "conflict" || !(error instanceof Error)) return error;
    const sharing = this.table.protocol === "udp" ? "UDP listeners" : "TCP, HTTP and HTTPS listeners";
    return new ListenerError(
      `${this.table.resource} ${id}: port ${String(values.listenerPort)} of ${String(values.loadBalancerId)} is ` +
        `held by a listener of another protocol, which adoptExisting never takes over (${sharing} cannot share a ` +
        `port): ${error.message}`,
    );
  }

  /** explained names the input a shared-performance load balancer refused, when the table says which. */
  private explained(error: unknown, id: string, address: ListenerAddress): unknown {
    const input = this.table.specInput;
    return input === undefined
      ? error
      : explainSpecRefusal(error, `${this.table.resource} ${id}`, input, address.loadBalancerId);
  }

  /** mutate runs one mutating action through the pipeline: the load balancer's lock, pacing, gate and retry. */
  private async mutate(
    api: SlbApi,
    id: string,
    address: ListenerAddress,
    action: string,
    params: Params,
  ): Promise<void> {
    await this.#session.pipeline.mutate(
      id,
      action,
      this.#session.target(address.regionId, address.loadBalancerId),
      () => api.call(action, params),
    );
  }
}
