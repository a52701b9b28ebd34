/**
 * ElbV3ListenerProvider: the dynamic-provider implementation of `ElbV3Listener`, a dedicated ELB v3 listener. check
 * validates (schema.ts, with the stored inputs and the target cloud); diff decides replace versus update from one
 * table; create/update/delete go through the shared MutationPipeline under the same per-load-balancer lock as
 * ElbListener, wait for the load balancer to be ACTIVE before and after each change (as Terraform does), and classify
 * errors in the cloud's one errors.ts.
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md §3 (PUT), §5 (flavors), §6 (waits), §7 (errors).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { CreateKind } from "../../core/createOnce";
import { ListenerError } from "../../core/errors";
import type { Lane } from "../../core/pipeline";
import { ElbV3Client, type V3Api, type WireV3Object } from "../client";
import type { Target } from "../config";
import { V3_LB_STATUS } from "../constants";
import { kept, ListenerLifecycle, listenerOutputs, type LoadBalancerKind } from "../listener/lifecycle";
import { readBack, readInputs, readResult } from "../listener/readBack";
import { sameValue } from "../schema";
import type { ElbSession, ElbSessionOptions } from "../session";
import { ElbV3ListenerPlan } from "./plan";
import {
  ELB_V3_LISTENER_PROPS,
  INPUT_NAMES,
  INSERT_HEADER_DEFAULTS,
  NOT_COMPARED,
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

const NAME = `huawei:${RESOURCE}`;

/**
 * DEDICATED_LB is what the shared steps need to know of a dedicated load balancer: ERROR and PENDING_DELETE never
 * become ACTIVE. Ref: digest §6.
 */
const DEDICATED_LB: LoadBalancerKind = {
  kind: "dedicated",
  active: V3_LB_STATUS.active,
  stuck: [V3_LB_STATUS.error, V3_LB_STATUS.pendingDelete],
  stuckAdvice: "",
};

/** ElbV3ListenerProvider implements the lifecycle of a dedicated ELB v3 listener. */
export class ElbV3ListenerProvider
  extends ElbV3ListenerPlan
  implements dynamic.ResourceProvider<ElbV3ListenerInputs, ElbV3ListenerOutputs>
{
  // #private (not TypeScript `private`): the session holds the stack configuration and credentials.
  readonly #session: ElbSession<V3Api>;
  readonly #steps: ListenerLifecycle<V3Api>;

  constructor(options: V3ProviderOptions = {}) {
    super(options);
    this.#steps = new ListenerLifecycle(NAME, options, this.stack, (target) => new ElbV3Client(target), DEDICATED_LB);
    this.#session = this.#steps.session;
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
        const deadline = this.#steps.deadline();
        const lb = await this.#steps.readLoadBalancer(api, inputs.loadbalancerId, target);
        this.preflight(lb, inputs);
        await this.#steps.waitActive(api, inputs.loadbalancerId, target, deadline, lb);
        const made = await this.#steps.createListener(lane, this.creating(api, inputs, lane), inputs);
        await this.#steps.waitActive(api, inputs.loadbalancerId, target, deadline);
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
    const values = readBack(INPUT_NAMES, REQUIRED, previous, live, (name, value, hadInputs) => {
      if (hadInputs && name === "insertHeaders" && live.insertHeaders) {
        return trimmed(live.insertHeaders, previous.insertHeaders, INSERT_HEADER_DEFAULTS);
      } else if (hadInputs && name === "ipgroup" && live.ipgroup) {
        return trimmed(live.ipgroup, previous.ipgroup, { enableIpgroup: true, type: "white" });
      } else if (hadInputs && name === "accessLogCustomizedHeadersConfig" && live.accessLogCustomizedHeadersConfig) {
        return trimmed(live.accessLogCustomizedHeadersConfig, previous.accessLogCustomizedHeadersConfig, {});
      }
      return value;
    });
    const inputs = readInputs(RESOURCE, ELB_V3_LISTENER_PROPS, REQUIRED, id, values);
    return readResult(listener.id, this.outputs(inputs, listener, target), V3_OUTPUT_NAMES);
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
    if (Object.keys(body).length === 0) return { outs: kept(olds, news) };
    const listener = await this.#session.pipeline.exclusive(
      this.#session.lbTarget(target, news.loadbalancerId),
      async (lane) => {
        const deadline = this.#steps.deadline();
        await this.#steps.waitActive(api, news.loadbalancerId, target, deadline);
        const updated = await this.#session.pipeline.call(id, "update listener", lane, () =>
          api.updateListener(id, { listener: body }),
        );
        await this.#steps.waitActive(api, news.loadbalancerId, target, deadline);
        return updated;
      },
    );
    return { outs: this.outputs(news, listener, target) };
  }

  /** delete DELETEs the listener between ACTIVE waits; one that is already gone counts as deleted. */
  async delete(id: string, props: ElbV3ListenerOutputs): Promise<void> {
    await this.#steps.delete(id, props);
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
   * creating is what an ElbV3Listener create tells the one create path (`core/createOnce`): it POSTs the listener
   * (the answer is the finished listener); it looks by listing the load balancer's listeners on the port, where the
   * one of the same port family (TCP, HTTP and HTTPS share one) is this create's own when protocol and name are the
   * ones sent; with `adoptExisting` it adopts that listener (`adopt`). Another listener on the port without
   * `adoptExisting` is left to the service's own conflict (ELB.8907).
   */
  private creating(api: V3Api, inputs: ElbV3ListenerInputs, lane: Lane): CreateKind<WireV3Object> {
    return this.#steps.creating(api, inputs, {
      body: { listener: createBody(inputs) },
      sameName: (name) => inputs.name === undefined || name === inputs.name,
      adopt: inputs.adoptExisting ? (existing) => this.adopt(api, existing, inputs, lane) : undefined,
    });
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
    const changed = UPDATABLE_INPUTS.filter((k) => inputs[k] !== undefined && !sameValue(inputs[k], live[k]));
    const body = changed.length === 0 ? undefined : { listener: updateBody({}, inputs, changed) };
    return this.#steps.adopting(api, existing, inputs.protocolPort, lane, body);
  }

  private outputs(inputs: ElbV3ListenerInputs, listener: WireV3Object, target: Target): ElbV3ListenerOutputs {
    return listenerOutputs(inputs, listener, target, (v) => (typeof v === "string" ? v : undefined));
  }
}
