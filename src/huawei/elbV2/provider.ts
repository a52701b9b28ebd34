/**
 * ElbV2ListenerProvider: the dynamic-provider implementation of `ElbV2Listener`, a shared ELB v2 listener. check
 * validates (schema.ts, with the stored inputs and the target cloud); diff decides replace versus update from one
 * table; create/update/delete go through the shared MutationPipeline under the same per-load-balancer lock as the
 * other Huawei listeners, wait for the load balancer to be ACTIVE before and after each change (as the Open Telekom
 * Cloud Terraform provider does), and classify errors in the cloud's one errors.ts. Open Telekom Cloud is called on
 * `/v2.0/lbaas/...`, Huawei Cloud on `/v2/{project_id}/elb/...` (plan.ts `routeFamily`).
 * Ref: ../shared/api-docs/huawei-elb-v2-listener.md §1 (routes, tags, v3 on shared listeners), §3 (PUT), §5 (waits),
 * §6 (errors), §8 (Terraform), §9 (shared, dedicated, classic).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { CreateKind } from "../../core/createOnce";
import { isApiError, ListenerError } from "../../core/errors";
import { log } from "../../core/log";
import type { Lane } from "../../core/pipeline";
import { ElbV2Client, type V2Api, type WireV3Object } from "../client";
import type { Target } from "../config";
import { V2_LB_STATUS, V2_TAG_ACTION } from "../constants";
import { classify } from "../errors";
import type { Tags } from "../listener/codecs";
import { cloudOf } from "../listener/plan";
import { kept, ListenerLifecycle, listenerOutputs, type LoadBalancerKind } from "../listener/lifecycle";
import { readBack, readInputs, readResult } from "../listener/readBack";
import { sameValue } from "../schema";
import type { ElbSession, ElbSessionOptions } from "../session";
import { ElbV2ListenerPlan, routeFamily } from "./plan";
import {
  asSet,
  ELB_V2_LISTENER_PROPS,
  INPUT_NAMES,
  INSERT_HEADER_DEFAULTS,
  NOT_COMPARED,
  REPLACE_ON_CHANGE,
  REQUIRED,
  RESOURCE,
  SET_INPUTS,
  type ElbV2ListenerInputs,
  type V2InputName,
} from "./schema";
import {
  createBody,
  fromWire,
  tagChanges,
  tagsFromWire,
  timestamp,
  transparentFromV3,
  updateBody,
  V2_OUTPUT_NAMES,
  v3Body,
  V3_WIRE_NAMES,
  WIRE_NAMES,
  type ElbV2ListenerOutputs,
} from "./wire";

export type { ElbV2ListenerOutputs } from "./wire";

/**
 * V2ProviderOptions are the one provider options shape (core `ProviderOptions`) with the shared ELB client;
 * `pollIntervalMs` is the pause between load balancer GETs while it is not ACTIVE (Terraform polls every 2 s).
 */
export type V2ProviderOptions = ElbSessionOptions<V2Api>;

/** UPDATABLE_INPUTS are the inputs changed in place: by the v2 PUT, the tag API or the v3 PUT. Ref: digest §3. */
const UPDATABLE_INPUTS: readonly V2InputName[] = INPUT_NAMES.filter(
  (n) => !REPLACE_ON_CHANGE.has(n) && !NOT_COMPARED.has(n),
);

const NAME = `huawei:${RESOURCE}`;

/** same compares two values of an input, SET_INPUTS as sets. */
function same(name: V2InputName, a: unknown, b: unknown): boolean {
  return SET_INPUTS.has(name) ? sameValue(asSet(a), asSet(b)) : sameValue(a, b);
}

/**
 * SHARED_LB is what the shared steps need to know of a shared load balancer: ERROR never becomes ACTIVE, and one the
 * v2 GET shows as dedicated (`guaranteed: true`) is refused. Ref: digest §5, §9.
 */
const SHARED_LB: LoadBalancerKind = {
  kind: "shared",
  active: V2_LB_STATUS.active,
  stuck: [V2_LB_STATUS.error],
  stuckAdvice: ": no listener can be changed on it; repair or replace the load balancer",
  refuse: (lb) => (lb.guaranteed === true ? dedicated(lb.id) : undefined),
};

/** ElbV2ListenerProvider implements the lifecycle of a shared ELB v2 listener. */
export class ElbV2ListenerProvider
  extends ElbV2ListenerPlan
  implements dynamic.ResourceProvider<ElbV2ListenerInputs, ElbV2ListenerOutputs>
{
  // #private (not TypeScript `private`): the session holds the stack configuration and credentials.
  readonly #session: ElbSession<V2Api>;
  readonly #steps: ListenerLifecycle<V2Api>;

  constructor(options: V2ProviderOptions = {}) {
    super(options);
    this.#steps = new ListenerLifecycle(
      NAME,
      options,
      this.stack,
      (target) => new ElbV2Client(target, routeFamily(cloudOf(this.stack.safeSettings(), target.region))),
      SHARED_LB,
    );
    this.#session = this.#steps.session;
  }

  /** configure keeps the stack's config for the plan half and forgets clients built under the previous one. */
  override async configure(req: dynamic.ConfigureRequest): Promise<void> {
    await super.configure(req);
    this.#session.forgetClients();
  }

  /**
   * create refuses a dedicated load balancer (`guaranteed: true` on the v3 GET) and a missing or ERROR one before
   * anything is sent, waits for ACTIVE, POSTs once through the one create path (a retried POST first looks for the
   * listener a lost answer made; a taken port is adopted when asked), waits for ACTIVE, then sets what v2 lacks with
   * the v3 PUT and the tags with the tag API. When one of the steps after the POST fails, the listener this create
   * made is deleted again (never an adopted one), so a failed create leaves nothing behind.
   */
  async create(inputs: ElbV2ListenerInputs): Promise<dynamic.CreateResult<ElbV2ListenerOutputs>> {
    const { target, api } = this.#session.connect(inputs);
    const lbId = inputs.loadbalancerId;
    const listener = await this.#session.pipeline.exclusive(this.#session.lbTarget(target, lbId), async (lane) => {
      const deadline = this.#steps.deadline();
      await this.refuseDedicated(api, lbId, target);
      const lb = await this.#steps.readLoadBalancer(api, lbId, target);
      await this.#steps.waitActive(api, lbId, target, deadline, lb);
      const made = await this.#steps.createListener(lane, this.creating(api, inputs, lane), inputs);
      try {
        await this.#steps.waitActive(api, lbId, target, deadline);
        const v3 = v3Body(inputs);
        if (Object.keys(v3).length > 0) {
          await this.#session.pipeline.call(made.resource.id, "update listener (v3)", lane, () =>
            api.updateListenerV3(made.resource.id, { listener: v3 }),
          );
          await this.#steps.waitActive(api, lbId, target, deadline);
        }
        // An adopted listener's tags are made the program's only when the program sets tags.
        if (inputs.tags !== undefined) {
          const reads = this.#session.pipeline.reads(this.#session.endpoint(target));
          const current = made.origin === "adopted" ? await this.readTags(api, made.resource.id, reads) : {};
          await this.applyTags(api, made.resource.id, current, inputs.tags, lane);
        }
      } catch (error) {
        if (made.origin !== "adopted") await this.rollback(api, made.resource.id, lane, error);
        throw error;
      }
      return made.resource;
    });
    return { id: listener.id, outs: this.outputs(inputs, listener, target) };
  }

  /**
   * read GETs the listener (one the service says is gone returns an empty id), its tags from the tag API and, where
   * the state holds it, `transparent_client_ip_enable` from the v3 GET (a failure there is logged and the stored value
   * kept, as the Huawei Terraform provider does). SNI certificates in another order keep the stored order.
   */
  async read(id: string, props?: ElbV2ListenerOutputs): Promise<dynamic.ReadResult<ElbV2ListenerOutputs>> {
    const previous: Partial<ElbV2ListenerOutputs> = props ?? {};
    const read = await this.#session.readStored(id, previous, (api) => api.getListener(id));
    if (!read) return { id: "" };
    const { target, found: listener } = read;
    const { api } = this.#session.connect({ region: target.region, projectId: target.projectId });
    const reads = this.#session.pipeline.reads(this.#session.endpoint(target));
    const hadInputs = INPUT_NAMES.some((k) => previous[k] !== undefined);
    const live: Partial<Record<V2InputName, unknown>> = { ...fromWire(listener, api.family) };
    if (!hadInputs || previous.tags !== undefined) {
      const tags = await this.readTags(api, id, reads);
      if (hadInputs || Object.keys(tags).length > 0) live.tags = tags;
    }
    if (!hadInputs || previous.transparentClientIpEnable !== undefined) {
      live.transparentClientIpEnable = await this.readTransparent(api, id, reads, previous.transparentClientIpEnable);
    }
    const values = readBack(INPUT_NAMES, REQUIRED, previous, live, (name, value, had) => {
      if (had && name === "insertHeaders" && value !== undefined) return trimmedHeaders(value, previous.insertHeaders);
      return SET_INPUTS.has(name) && same(name, value, previous[name]) ? previous[name] : value;
    });
    const inputs = readInputs(RESOURCE, ELB_V2_LISTENER_PROPS, REQUIRED, id, values);
    return readResult(listener.id, this.outputs(inputs, listener, target), V2_OUTPUT_NAMES);
  }

  /**
   * update sends one v2 PUT with the inputs of the v2 body that changed (null or the default for removed ones), the
   * v3 PUT for a changed client IP pass-through and the tag API's changes, between ACTIVE waits.
   */
  async update(
    id: string,
    olds: ElbV2ListenerOutputs,
    news: ElbV2ListenerInputs,
  ): Promise<dynamic.UpdateResult<ElbV2ListenerOutputs>> {
    const { target, api } = this.#session.connect({
      region: olds.resolvedRegion ?? news.region,
      projectId: olds.resolvedProjectId ?? news.projectId,
    });
    const changed = UPDATABLE_INPUTS.filter((name) => !same(name, news[name], olds[name]));
    const body = updateBody(
      olds,
      news,
      changed.filter((n) => WIRE_NAMES[n] !== undefined),
    );
    const v3 = v3Body(
      Object.fromEntries(changed.filter((n) => V3_WIRE_NAMES[n] !== undefined).map((n) => [n, news[n]])),
    );
    const tags = changed.includes("tags") ? tagChanges(olds.tags, news.tags) : { create: [], delete: [] };
    if (
      Object.keys(body).length === 0 &&
      Object.keys(v3).length === 0 &&
      tags.create.length + tags.delete.length === 0
    ) {
      return { outs: kept(olds, news) };
    }
    const listener = await this.#session.pipeline.exclusive(
      this.#session.lbTarget(target, news.loadbalancerId),
      async (lane) => {
        const deadline = this.#steps.deadline();
        let answer: WireV3Object | undefined;
        if (Object.keys(body).length > 0 || Object.keys(v3).length > 0) {
          await this.#steps.waitActive(api, news.loadbalancerId, target, deadline);
          if (Object.keys(body).length > 0) {
            answer = await this.#session.pipeline.call(id, "update listener", lane, () =>
              api.updateListener(id, { listener: body }),
            );
            await this.#steps.waitActive(api, news.loadbalancerId, target, deadline);
          }
          if (Object.keys(v3).length > 0) {
            await this.#session.pipeline.call(id, "update listener (v3)", lane, () =>
              api.updateListenerV3(id, { listener: v3 }),
            );
            await this.#steps.waitActive(api, news.loadbalancerId, target, deadline);
          }
        }
        await this.applyTags(api, id, olds.tags ?? {}, news.tags, lane);
        return answer;
      },
    );
    return { outs: listener ? this.outputs(news, listener, target) : kept(olds, news) };
  }

  /** delete DELETEs the listener between ACTIVE waits; one that is already gone counts as deleted. */
  async delete(id: string, props: ElbV2ListenerOutputs): Promise<void> {
    await this.#steps.delete(id, props);
  }

  /**
   * refuseDedicated reads the load balancer on the unified v3 route, whose `guaranteed` is true for a dedicated load
   * balancer and false for a shared one (digest §9), and refuses a dedicated one before anything is sent. A v3 answer
   * that the load balancer is not there, or a 404 of a region without the v3 route, leaves the decision to the v2 GET.
   */
  private async refuseDedicated(api: V2Api, id: string, target: Target): Promise<void> {
    const reads = this.#session.pipeline.reads(this.#session.endpoint(target));
    let lb: WireV3Object;
    try {
      lb = await this.#session.pipeline.call(id, "read load balancer (v3)", reads, () => api.getLoadBalancerV3(id));
    } catch (error) {
      if (classify(error) === "gone" || (isApiError(error) && error.status === 404)) return;
      throw error;
    }
    if (lb.guaranteed === true) throw dedicated(id);
  }

  /**
   * creating is what an ElbV2Listener create tells the one create path (`core/createOnce`): it POSTs the listener
   * (the 201 answer is the finished listener); it looks by listing the load balancer's listeners on the port, where
   * the one of the same port family (UDP apart from the others, as the v3 model and the emulator keep them; digest §7
   * ✘ for v2) is this create's own when protocol and name are the ones sent; with `adoptExisting` it adopts that
   * listener (`adopt`). Another listener on the port without `adoptExisting` is left to the service's own conflict
   * (ELB.6200).
   */
  private creating(api: V2Api, inputs: ElbV2ListenerInputs, lane: Lane): CreateKind<WireV3Object> {
    return this.#steps.creating(api, inputs, {
      body: { listener: createBody(inputs) },
      // A create without a name makes a listener named "" (or without one).
      sameName: (name) => (inputs.name === undefined ? name === "" || name === undefined : name === inputs.name),
      adopt: inputs.adoptExisting ? (existing) => this.adopt(api, existing, inputs, lane) : undefined,
    });
  }

  /** adopt takes over an existing listener on the same port, updating what the v2 PUT changes in place. */
  private async adopt(
    api: V2Api,
    existing: WireV3Object,
    inputs: ElbV2ListenerInputs,
    lane: Lane,
  ): Promise<WireV3Object> {
    const live: Partial<Record<V2InputName, unknown>> = fromWire(existing, api.family);
    if (live.protocol !== inputs.protocol) {
      throw new ListenerError(
        `Huawei Cloud shared listener ${existing.id} on port ${inputs.protocolPort} cannot be adopted: it is ` +
          `${String(live.protocol)}, not ${inputs.protocol}, and the protocol cannot be changed in place`,
      );
    }
    const changed = UPDATABLE_INPUTS.filter(
      (k) => WIRE_NAMES[k] !== undefined && inputs[k] !== undefined && !same(k, inputs[k], live[k]),
    );
    const body = changed.length === 0 ? undefined : { listener: updateBody({}, inputs, changed) };
    return this.#steps.adopting(api, existing, inputs.protocolPort, lane, body);
  }

  /** readTags reads the listener's tags from the tag API. */
  private async readTags(api: V2Api, id: string, lane: Lane): Promise<Tags> {
    return tagsFromWire(await this.#session.pipeline.call(id, "read tags", lane, () => api.listTags(id)));
  }

  /** applyTags makes the listener's tags `wanted`: one `delete` and one `create` call, each only when needed. */
  private async applyTags(api: V2Api, id: string, current: Tags, wanted: Tags | undefined, lane: Lane): Promise<void> {
    const changes = tagChanges(current, wanted);
    if (changes.delete.length > 0) {
      await this.#session.pipeline.call(id, "delete tags", lane, () =>
        api.tagAction(id, V2_TAG_ACTION.delete, changes.delete),
      );
    }
    if (changes.create.length > 0) {
      await this.#session.pipeline.call(id, "create tags", lane, () =>
        api.tagAction(id, V2_TAG_ACTION.create, changes.create),
      );
    }
  }

  /** readTransparent reads the v3 field; a failure is logged and `stored` kept (the Huawei provider only logs it). */
  private async readTransparent(
    api: V2Api,
    id: string,
    lane: Lane,
    stored: boolean | undefined,
  ): Promise<boolean | undefined> {
    try {
      const l = await this.#session.pipeline.call(id, "read listener (v3)", lane, () => api.getListenerV3(id));
      return transparentFromV3(l) ?? stored;
    } catch (error) {
      log.warn(
        `${NAME}: listener ${id}: the v3 read of transparentClientIpEnable failed ` +
          `(${error instanceof Error ? error.message : String(error)}); keeping the stored value`,
      );
      return stored;
    }
  }

  /** rollback deletes the listener a create made when a later step of the create failed, then lets the error go on. */
  private async rollback(api: V2Api, id: string, lane: Lane, cause: unknown): Promise<void> {
    const why = cause instanceof Error ? cause.message : String(cause);
    try {
      await this.#session.pipeline.call(id, "delete listener", lane, () => api.deleteListener(id));
      log.warn(`${NAME}: listener ${id} was created, but setting it up failed (${why}); it was deleted again`);
    } catch (error) {
      if (classify(error) === "gone") return;
      log.warn(
        `${NAME}: listener ${id} was created, but setting it up failed (${why}), and deleting it failed too ` +
          `(${error instanceof Error ? error.message : String(error)}); delete it by hand or adopt it with adoptExisting`,
      );
    }
  }

  private outputs(inputs: ElbV2ListenerInputs, listener: WireV3Object, target: Target): ElbV2ListenerOutputs {
    return listenerOutputs(inputs, listener, target, timestamp);
  }
}

/** dedicated is the refusal of a dedicated load balancer. */
function dedicated(id: string): ListenerError {
  return new ListenerError(
    `Huawei Cloud load balancer ${id} is a dedicated load balancer (guaranteed: true), not a shared one: ` +
      `use ElbV3Listener`,
  );
}

/**
 * trimmedHeaders keeps of the read-back insert headers the ones the program set, plus those that differ from their
 * default (a change made outside Pulumi), so defaults the service fills in do not show as drift.
 */
function trimmedHeaders(live: unknown, previous: unknown): unknown {
  if (live === null || typeof live !== "object") return live;
  const prev = previous !== null && typeof previous === "object" ? previous : {};
  return Object.fromEntries(
    Object.entries(live).filter(([k, v]) => Object.hasOwn(prev, k) || INSERT_HEADER_DEFAULTS[k] !== v),
  );
}
