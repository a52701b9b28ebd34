/**
 * HttpsListenerProvider: the lifecycle of an Alibaba Cloud SLB HTTPS listener as a Pulumi dynamic provider, composed
 * from this folder's schema (check, replace table), wire (parameters, reader), client and errors, and the shared
 * mutation pipeline (`core/pipeline`: lock, pacing, endpoint gate and retry, one log format).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { createOnce, type CreateKind } from "../core/createOnce";
import { ApiError, ListenerError } from "../core/errors";
import { log } from "../core/log";
import type { Lane } from "../core/pipeline";
import type { Params, ResponseBody, SlbApi } from "./client";
import { ACTIONS, ERROR_CODES, LISTENER_PROTOCOL } from "./constants";
import { classify, explainSpecRefusal } from "./errors";
import type { HttpsListenerInputs, InputName } from "./schema";
import { HttpsListenerPlan } from "./plan";
import { checkInputs, COMPANION_GROUPS, diffInputs, inputProps, PROVIDER_ONLY_INPUTS, RESOURCE_NAME } from "./schema";
import type { HttpsListenerOutputs, ListenerAddress } from "./wire";
import type { SlbProviderOptions } from "./session";
import { SlbSession } from "./session";
import {
  addressParams,
  changedParams,
  inputsFromDescribe,
  listenerId,
  matches,
  parseListenerId,
  tagParams,
  wireParams,
} from "./wire";

export type { HttpsListenerOutputs } from "./wire";

/** HttpsListenerProviderOptions let tests (and the engine harness) tune the provider without touching the environment. */
export type HttpsListenerProviderOptions = SlbProviderOptions;

const INPUT_NAMES = Object.keys(inputProps) as InputName[];

/**
 * HttpsListenerProvider implements the HttpsListener lifecycle against the SLB API: check validates every documented
 * rule and fills in API defaults; create runs CreateLoadBalancerHTTPSListener then StartLoadBalancerListener (deleting
 * the new listener if it cannot be started); update sends one SetLoadBalancerHTTPSListenerAttribute; read describes;
 * delete removes (already gone is success). Credentials come from `configure` (stack config) or the environment.
 */
export class HttpsListenerProvider
  extends HttpsListenerPlan
  implements dynamic.ResourceProvider<HttpsListenerInputs, HttpsListenerOutputs>
{
  // #private (not TypeScript `private`): util.inspect and JSON never show the session's credentials or clients.
  readonly #session: SlbSession;

  constructor(overrides: HttpsListenerProviderOptions = {}) {
    super(overrides);
    this.#session = new SlbSession(RESOURCE_NAME, overrides, this.stack);
  }

  /** configure keeps the stack's config for the plan half and forgets clients built under the previous one. */
  override async configure(req: dynamic.ConfigureRequest): Promise<void> {
    await super.configure(req);
    this.#session.forgetClients();
  }

  /** create makes the listener, starts it, and returns its id and outputs. */
  async create(inputs: HttpsListenerInputs): Promise<dynamic.CreateResult<HttpsListenerOutputs>> {
    const checked = checkInputs(inputs, this.stack.region());
    if (!checked.ok) {
      throw new ListenerError(`HttpsListener inputs are invalid: ${checked.failures.map((f) => f.reason).join("; ")}`);
    }
    const values = checked.inputs;
    const regionId = values.regionId ?? this.stack.requireRegion();
    const address: ListenerAddress = {
      regionId,
      loadBalancerId: values.loadBalancerId,
      listenerPort: values.listenerPort,
    };
    const id = listenerId(address.loadBalancerId, address.listenerPort);
    const outputs: HttpsListenerOutputs = { ...values, regionId, status: "running" };
    const api = this.#session.client(regionId);
    const params: Params = { ...wireParams(values), RegionId: regionId };

    const made = await this.#session.pipeline
      .exclusive(this.#session.target(address.regionId, address.loadBalancerId), (lane) =>
        createOnce(this.#session.pipeline, lane, this.creating(api, id, address, params, values, lane)),
      )
      .catch((error: unknown) => {
        throw explainSpecRefusal(error, `HttpsListener ${id}`, "tlsCipherPolicy", address.loadBalancerId);
      });
    try {
      const start = { ...addressParams(address), ListenerProtocol: LISTENER_PROTOCOL };
      await this.mutate(api, id, address, ACTIONS.startListener, start);
    } catch (error) {
      if (made.origin !== "adopted") await this.removeAfterFailedStart(api, id, address, error);
      throw error;
    }
    return { id, outs: outputs };
  }

  /**
   * creating is what an HttpsListener create tells the one create path (`core/createOnce`): it sends
   * CreateLoadBalancerHTTPSListener with the tags; it looks by describing the port, where a listener that matches
   * what was sent is this create's own; with `adoptExisting` it adopts the port's listener by setting every input on
   * it, else another listener there fails as ListenerAlreadyExists.
   */
  private creating(
    api: SlbApi,
    id: string,
    address: ListenerAddress,
    params: Params,
    values: HttpsListenerInputs,
    lane: Lane,
  ): CreateKind<ResponseBody> {
    const tags = tagParams(values.tags);
    return {
      subject: id,
      action: ACTIONS.createListener,
      send: () => api.call(ACTIONS.createListener, { ...params, ...tags }),
      lookUp: () => this.describe(api, address),
      isOwn: (live) => matches(live, params),
      named: () => `listener ${id}`,
      adopt:
        values.adoptExisting === true
          ? async (live) => {
              await this.#session.pipeline.call(id, ACTIONS.setListener, lane, () =>
                api.call(ACTIONS.setListener, { ...params }),
              );
              return live;
            }
          : undefined,
      taken: () =>
        new ApiError({
          cloud: "aliyun",
          action: ACTIONS.createListener,
          code: ERROR_CODES.listenerAlreadyExists,
          apiMessage: `another HTTPS listener already uses port ${address.listenerPort} of ${address.loadBalancerId}`,
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
    log.warn(`HttpsListener ${id}: could not start the new listener (${reason}); deleting it`);
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

  /** read describes the listener; a listener or load balancer that is gone returns an empty id. */
  async read(id: string, props?: HttpsListenerOutputs): Promise<dynamic.ReadResult<HttpsListenerOutputs>> {
    const { loadBalancerId, listenerPort } = parseListenerId(id);
    const regionId = props?.regionId || this.stack.requireRegion();
    const address: ListenerAddress = { regionId, loadBalancerId, listenerPort };
    const api = this.#session.client(regionId);
    const lane = this.#session.pipeline.reads(this.#session.endpoint(regionId));
    const live = await this.#session.pipeline.call(id, ACTIONS.describeListener, lane, () =>
      this.describe(api, address),
    );
    if (!live) return { id: "" };
    const inputs = inputsFromDescribe(live, address, props);
    const status = typeof live.Status === "string" ? live.Status : "unknown";
    const outs: HttpsListenerOutputs = { ...inputs, regionId, status };
    // ReadResult types its inputs as the outputs; the inputs carry no status.
    const readInputs: HttpsListenerOutputs = { ...outs };
    Reflect.deleteProperty(readInputs, "status");
    return { id, props: outs, inputs: readInputs };
  }

  /** update sends one SetLoadBalancerHTTPSListenerAttribute with the changed inputs (and their companions). */
  async update(
    id: string,
    olds: HttpsListenerOutputs,
    news: HttpsListenerInputs,
  ): Promise<dynamic.UpdateResult<HttpsListenerOutputs>> {
    const configured = this.stack.region();
    const regionId = news.regionId ?? configured ?? olds.regionId;
    const next: HttpsListenerInputs = { ...news, regionId };
    const { changed, replaces } = diffInputs(olds, next, configured);
    if (replaces.length > 0) {
      throw new ListenerError(`HttpsListener ${id}: ${replaces.join(", ")} cannot change in place; replace it`);
    }
    // Tags are create-only: the listener keeps those it was created with.
    const outputs: HttpsListenerOutputs = { ...next, tags: olds.tags, regionId, status: olds.status ?? "running" };
    if (outputs.tags === undefined) delete outputs.tags;
    for (const key of INPUT_NAMES) {
      // An input left out that the API cannot clear keeps its live value; the outputs say so.
      if (next[key] === undefined && olds[key] !== undefined && !changed.includes(key)) {
        Object.assign(outputs, { [key]: olds[key] });
      }
    }
    const keys = new Set(changed.filter((key) => !PROVIDER_ONLY_INPUTS.has(key)));
    if (keys.size === 0) return { outs: outputs };
    for (const group of COMPANION_GROUPS) {
      if (group.some((key) => keys.has(key))) for (const key of group) keys.add(key);
    }
    const address: ListenerAddress = { regionId, loadBalancerId: next.loadBalancerId, listenerPort: next.listenerPort };
    const params: Params = {
      ...changedParams({ ...outputs, vServerGroupId: next.vServerGroupId }, keys),
      ...addressParams(address),
    };
    try {
      await this.mutate(this.#session.client(regionId), id, address, ACTIONS.setListener, params);
    } catch (error) {
      throw explainSpecRefusal(error, `HttpsListener ${id}`, "tlsCipherPolicy", address.loadBalancerId);
    }
    return { outs: outputs };
  }

  /** delete removes the listener; a listener or load balancer already gone is success. */
  async delete(id: string, props: HttpsListenerOutputs): Promise<void> {
    const { loadBalancerId, listenerPort } = parseListenerId(id);
    const regionId = props?.regionId || this.stack.requireRegion();
    await this.deleteListener(this.#session.client(regionId), id, { regionId, loadBalancerId, listenerPort });
  }

  private async deleteListener(api: SlbApi, id: string, address: ListenerAddress): Promise<void> {
    try {
      const params = { ...addressParams(address), ListenerProtocol: LISTENER_PROTOCOL };
      await this.mutate(api, id, address, ACTIONS.deleteListener, params);
    } catch (error) {
      if (classify(error) === "gone") return;
      throw error;
    }
  }

  /** describe returns the listener's attributes, or undefined when it or its load balancer is gone. */
  private async describe(api: SlbApi, address: ListenerAddress): Promise<ResponseBody | undefined> {
    try {
      return await api.call(ACTIONS.describeListener, addressParams(address));
    } catch (error) {
      if (classify(error) === "gone") return undefined;
      throw error;
    }
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
