/**
 * ElbV3ListenerProvider: the dynamic-provider implementation of `ElbV3Listener`, a dedicated ELB v3 listener. check
 * validates (schema.ts, with the stored inputs and the target cloud); diff decides replace versus update from one
 * table; create/update/delete go through the shared MutationPipeline under the same per-load-balancer lock as
 * ElbListener, wait for the load balancer to be ACTIVE before and after each change (as Terraform does), and classify
 * errors in the cloud's one errors.ts.
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md §3 (PUT), §5 (flavors), §6 (waits), §7 (errors).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { conforms, decodeInputs } from "../../core/check";
import { createOnce, type CreateKind } from "../../core/createOnce";
import { ListenerError } from "../../core/errors";
import { log } from "../../core/log";
import type { Lane } from "../../core/pipeline";
import { realSleep } from "../../core/retry";
import { ElbV3Client, type V3Api, type WireV3Object } from "../client";
import { retryBudgetMs, type Target } from "../config";
import { V3_LB_STATUS } from "../constants";
import { classify } from "../errors";
import { sameValue } from "../schema";
import { ElbSession, type ElbSessionOptions } from "../session";
import { ElbV3ListenerPlan } from "./plan";
import {
  ELB_V3_LISTENER_PROPS,
  INPUT_NAMES,
  INSERT_HEADER_DEFAULTS,
  NOT_COMPARED,
  portFamily,
  REPLACE_ON_CHANGE,
  REQUIRED,
  RESOURCE,
  type ElbV3ListenerInputs,
  type V3InputName,
} from "./schema";
import { createBody, fromWire, trimmed, updateBody, V3_OUTPUT_NAMES, type ElbV3ListenerOutputs } from "./wire";

export type { ElbV3ListenerOutputs } from "./wire";
export { V3_OUTPUT_NAMES } from "./wire";

/**
 * V3ProviderOptions are the one provider options shape (core `ProviderOptions`) with the dedicated client;
 * `pollIntervalMs` is the pause between load balancer GETs while it is not ACTIVE (Terraform polls every second).
 */
export type V3ProviderOptions = ElbSessionOptions<V3Api>;

/** UPDATABLE_INPUTS are the inputs one PUT changes in place. Ref: digest §3. */
const UPDATABLE_INPUTS: readonly V3InputName[] = INPUT_NAMES.filter(
  (n) => !REPLACE_ON_CHANGE.has(n) && !NOT_COMPARED.has(n),
);

const l7 = (protocol: unknown): boolean => protocol === "HTTP" || protocol === "HTTPS";

/** ElbV3ListenerProvider implements the lifecycle of a dedicated ELB v3 listener. */
export class ElbV3ListenerProvider
  extends ElbV3ListenerPlan
  implements dynamic.ResourceProvider<ElbV3ListenerInputs, ElbV3ListenerOutputs>
{
  // #private (not TypeScript `private`): the session holds the stack configuration and credentials.
  readonly #options: V3ProviderOptions;
  readonly #session: ElbSession<V3Api>;

  constructor(options: V3ProviderOptions = {}) {
    super(options);
    this.#options = options;
    this.#session = new ElbSession<V3Api>(
      `huawei:${RESOURCE}`,
      options,
      this.stack,
      (target) => new ElbV3Client(target),
    );
  }

  /** configure keeps the stack's config for the plan half and forgets clients built under the previous one. */
  override async configure(req: dynamic.ConfigureRequest): Promise<void> {
    await super.configure(req);
    this.#session.forgetClients();
  }

  /**
   * create reads the load balancer once and refuses a protocol its flavors do not serve or a status that will not
   * become ACTIVE, waits for ACTIVE, POSTs once through the one create path (a retried POST first looks for the
   * listener a lost answer made; a taken port is adopted when asked), and waits for ACTIVE again. The POST answers
   * the finished listener.
   */
  async create(inputs: ElbV3ListenerInputs): Promise<dynamic.CreateResult<ElbV3ListenerOutputs>> {
    const { target, api } = this.#session.connect(inputs);
    const listener = await this.#session.pipeline.exclusive(
      this.#session.lbTarget(target, inputs.loadbalancerId),
      async (lane) => {
        const deadline = this.deadline();
        const lb = await this.readLoadBalancer(api, inputs.loadbalancerId, target);
        this.preflight(lb, inputs);
        await this.waitActive(api, inputs.loadbalancerId, target, deadline, lb);
        const made = await createOnce(this.#session.pipeline, lane, this.creating(api, inputs, lane)).catch(
          (error: unknown) => {
            if (classify(error) === "conflict" && !inputs.adoptExisting) {
              log.warn(
                `huawei:${RESOURCE}: port ${inputs.protocolPort} of load balancer ${inputs.loadbalancerId} is taken; ` +
                  `set adoptExisting: true to manage an existing ${inputs.protocol} listener on it`,
              );
            }
            throw error;
          },
        );
        await this.waitActive(api, inputs.loadbalancerId, target, deadline);
        return made.resource;
      },
    );
    return { id: listener.id, outs: this.outputs(inputs, listener, target) };
  }

  /** read GETs the listener; one that is gone (ELB.8904 in the service's body) returns an empty id. */
  async read(id: string, props?: ElbV3ListenerOutputs): Promise<dynamic.ReadResult<ElbV3ListenerOutputs>> {
    const previous: Partial<ElbV3ListenerOutputs> = props ?? {};
    const read = await this.#session.readStored(id, previous, (api) => api.getListener(id));
    if (!read) return { id: "" };
    const { target, found: listener } = read;
    const live = fromWire(listener);
    const hadInputs = INPUT_NAMES.some((k) => previous[k] !== undefined);
    const values: Record<string, unknown> = {};
    for (const name of INPUT_NAMES) {
      if (name === "region" || name === "projectId" || name === "adoptExisting") {
        if (previous[name] !== undefined) values[name] = previous[name];
        continue;
      }
      const wanted = !hadInputs || previous[name] !== undefined || (REQUIRED as readonly string[]).includes(name);
      if (!wanted) continue;
      let value: unknown = live[name];
      if (hadInputs && name === "insertHeaders" && live.insertHeaders) {
        value = trimmed(live.insertHeaders, previous.insertHeaders, INSERT_HEADER_DEFAULTS);
      } else if (hadInputs && name === "ipgroup" && live.ipgroup) {
        value = trimmed(live.ipgroup, previous.ipgroup, { enableIpgroup: true, type: "white" });
      } else if (hadInputs && name === "accessLogCustomizedHeadersConfig" && live.accessLogCustomizedHeadersConfig) {
        value = trimmed(live.accessLogCustomizedHeadersConfig, previous.accessLogCustomizedHeadersConfig, {});
      }
      if (value !== undefined) values[name] = value;
    }
    const decoded = decodeInputs(RESOURCE, ELB_V3_LISTENER_PROPS, REQUIRED, values);
    if (!conforms<typeof ELB_V3_LISTENER_PROPS, (typeof REQUIRED)[number]>(values, decoded)) {
      throw new ListenerError(`huawei:${RESOURCE} ${id}: ${decoded.failures.map((f) => f.reason).join("; ")}`);
    }
    const outs = this.outputs(values, listener, target);
    const inputs: ElbV3ListenerOutputs = { ...outs };
    for (const name of V3_OUTPUT_NAMES) Reflect.deleteProperty(inputs, name);
    return { id: listener.id, props: outs, inputs };
  }

  /** update sends one PUT with the inputs that changed (null or the default for removed ones), between ACTIVE waits. */
  async update(
    id: string,
    olds: ElbV3ListenerOutputs,
    news: ElbV3ListenerInputs,
  ): Promise<dynamic.UpdateResult<ElbV3ListenerOutputs>> {
    const { target, api } = this.#session.connect({
      region: olds.resolvedRegion ?? news.region,
      projectId: olds.resolvedProjectId ?? news.projectId,
    });
    const changed = UPDATABLE_INPUTS.filter((name) => !sameValue(news[name], olds[name]));
    const body = updateBody(olds, news, changed);
    if (Object.keys(body).length === 0) {
      const kept: ElbV3ListenerOutputs = {
        ...news,
        resolvedRegion: olds.resolvedRegion,
        resolvedProjectId: olds.resolvedProjectId,
      };
      if (olds.createdAt !== undefined) Object.assign(kept, { createdAt: olds.createdAt });
      if (olds.updatedAt !== undefined) Object.assign(kept, { updatedAt: olds.updatedAt });
      return { outs: kept };
    }
    const listener = await this.#session.pipeline.exclusive(
      this.#session.lbTarget(target, news.loadbalancerId),
      async (lane) => {
        const deadline = this.deadline();
        await this.waitActive(api, news.loadbalancerId, target, deadline);
        const updated = await this.#session.pipeline.call(id, "update listener", lane, () =>
          api.updateListener(id, { listener: body }),
        );
        await this.waitActive(api, news.loadbalancerId, target, deadline);
        return updated;
      },
    );
    return { outs: this.outputs(news, listener, target) };
  }

  /** delete DELETEs the listener between ACTIVE waits; one that is already gone counts as deleted. */
  async delete(id: string, props: ElbV3ListenerOutputs): Promise<void> {
    const { target, api } = this.#session.connect({
      region: props.resolvedRegion ?? props.region,
      projectId: props.resolvedProjectId ?? props.projectId,
    });
    const lbId = String(props.loadbalancerId);
    try {
      await this.#session.pipeline.exclusive(this.#session.lbTarget(target, lbId), async (lane) => {
        const deadline = this.deadline();
        await this.waitActive(api, lbId, target, deadline);
        await this.#session.pipeline.call(id, "delete listener", lane, () => api.deleteListener(id));
        await this.waitActive(api, lbId, target, deadline);
      });
    } catch (error) {
      if (classify(error) !== "gone") throw error;
      log.info(`huawei:${RESOURCE}: listener ${id} was already gone`);
    }
  }

  private deadline(): number {
    return (this.#options.retry?.now ?? Date.now)() + retryBudgetMs(this.stack.settings());
  }

  private async readLoadBalancer(api: V3Api, id: string, target: Target): Promise<WireV3Object> {
    try {
      const reads = this.#session.pipeline.reads(this.#session.endpoint(target));
      return await this.#session.pipeline.call(id, "read load balancer", reads, () => api.getLoadBalancer(id));
    } catch (error) {
      if (classify(error) === "gone") {
        throw new ListenerError(
          `Huawei Cloud dedicated load balancer ${id} does not exist in project ${target.projectId} ` +
            `(${target.region}): check loadbalancerId, region and projectId`,
        );
      }
      throw error;
    }
  }

  /** preflight refuses, before anything is created, a protocol the flavors do not serve and a dead load balancer. */
  private preflight(lb: WireV3Object, inputs: ElbV3ListenerInputs): void {
    const layer = l7(inputs.protocol) ? "l7_flavor_id" : "l4_flavor_id";
    if (typeof lb[layer] !== "string" || lb[layer] === "") {
      const has = l7(inputs.protocol)
        ? "no Layer-7 flavor (it takes TCP and UDP only)"
        : "no Layer-4 flavor (it takes HTTP and HTTPS only)";
      throw new ListenerError(
        `Huawei Cloud dedicated load balancer ${lb.id} has ${has}: a ${inputs.protocol} listener cannot be added; ` +
          `use another protocol or a load balancer with a ${l7(inputs.protocol) ? "Layer-7" : "Layer-4"} flavor`,
      );
    }
    const status = lb.provisioning_status;
    if (status === V3_LB_STATUS.error || status === V3_LB_STATUS.pendingDelete) {
      throw new ListenerError(
        `Huawei Cloud dedicated load balancer ${lb.id} is ${String(status)}, not ${V3_LB_STATUS.active}: ` +
          `no listener can be added to it`,
      );
    }
  }

  /**
   * waitActive polls the load balancer until it is ACTIVE, as Terraform's waitForElbV3LoadBalancer does, within
   * the operation's deadline; `first` is a read already made. Ref: digest §6.
   */
  private async waitActive(
    api: V3Api,
    id: string,
    target: Target,
    deadline: number,
    first?: WireV3Object,
  ): Promise<void> {
    const sleep = this.#options.retry?.sleep ?? realSleep;
    const now = this.#options.retry?.now ?? Date.now;
    let lb = first ?? (await this.readLoadBalancer(api, id, target));
    while (lb.provisioning_status !== V3_LB_STATUS.active) {
      if (lb.provisioning_status === V3_LB_STATUS.error || lb.provisioning_status === V3_LB_STATUS.pendingDelete) {
        throw new ListenerError(
          `Huawei Cloud dedicated load balancer ${id} is ${String(lb.provisioning_status)}, not ${V3_LB_STATUS.active}`,
        );
      }
      if (now() > deadline) {
        throw new ListenerError(
          `Huawei Cloud dedicated load balancer ${id} stayed ${String(lb.provisioning_status)} past the retry ` +
            `budget; waiting for ${V3_LB_STATUS.active}`,
        );
      }
      await sleep(this.#options.pollIntervalMs ?? 1000);
      lb = await this.readLoadBalancer(api, id, target);
    }
  }

  /**
   * creating is what an ElbV3Listener create tells the one create path (`core/createOnce`): it POSTs the listener
   * (the answer is the finished listener); it looks by listing the load balancer's listeners on the port, where the
   * one of the same port family (TCP, HTTP and HTTPS share one) is this create's own when protocol and name are the
   * ones sent; with `adoptExisting` it adopts that listener (`adopt`). Another listener on the port without
   * `adoptExisting` is left to the service's own conflict (ELB.8907).
   */
  private creating(api: V3Api, inputs: ElbV3ListenerInputs, lane: Lane): CreateKind<WireV3Object> {
    const body = { listener: createBody(inputs) };
    return {
      subject: `${inputs.loadbalancerId}:${inputs.protocolPort}`,
      action: "create listener",
      send: () => api.createListener(body),
      lookUp: async () =>
        (await api.listListeners(inputs.loadbalancerId, inputs.protocolPort)).find(
          (l) => portFamily(l.protocol) === portFamily(inputs.protocol),
        ),
      isOwn: (l) =>
        l.protocol_port === inputs.protocolPort &&
        l.protocol === inputs.protocol &&
        (inputs.name === undefined || l.name === inputs.name),
      named: (l) => `listener ${l.id}`,
      adopt: inputs.adoptExisting ? (existing) => this.adopt(api, existing, inputs, lane) : undefined,
    };
  }

  /** adopt takes over an existing listener on the same port, updating what can be changed in place. */
  private async adopt(
    api: V3Api,
    existing: WireV3Object,
    inputs: ElbV3ListenerInputs,
    lane: Lane,
  ): Promise<WireV3Object> {
    const live = fromWire(existing);
    const fixed = (["protocol", "tags"] as const).filter(
      (k) => inputs[k] !== undefined && !sameValue(inputs[k], live[k]),
    );
    if (fixed.length > 0) {
      throw new ListenerError(
        `Huawei Cloud dedicated listener ${existing.id} on port ${inputs.protocolPort} cannot be adopted: ` +
          `${fixed.join(", ")} differ and cannot be changed in place`,
      );
    }
    log.info(`huawei:${RESOURCE}: adopting existing listener ${existing.id} on port ${inputs.protocolPort}`);
    const changed = UPDATABLE_INPUTS.filter((k) => inputs[k] !== undefined && !sameValue(inputs[k], live[k]));
    if (changed.length === 0) return existing;
    const body = updateBody({}, inputs, changed);
    return this.#session.pipeline.call(existing.id, "update adopted listener", lane, () =>
      api.updateListener(existing.id, { listener: body }),
    );
  }

  private outputs(inputs: ElbV3ListenerInputs, listener: WireV3Object, target: Target): ElbV3ListenerOutputs {
    const outs: ElbV3ListenerOutputs = {
      ...inputs,
      resolvedRegion: target.region,
      resolvedProjectId: target.projectId,
    };
    if (typeof listener.created_at === "string") Object.assign(outs, { createdAt: listener.created_at });
    if (typeof listener.updated_at === "string") Object.assign(outs, { updatedAt: listener.updated_at });
    return outs;
  }
}
