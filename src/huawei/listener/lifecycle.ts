/**
 * The lifecycle steps the shared (v2) and dedicated (v3) ELB listeners take alike, written once: the operation's
 * deadline, reading the load balancer, the wait for ACTIVE before and after each change, delete between those waits,
 * the hint on a taken port, and the state kept when nothing is sent. What differs between the two kinds (the word in
 * messages, which statuses never become ACTIVE, what else refuses a load balancer) is one `LoadBalancerKind` entry
 * each, in the kind's provider.
 * Ref: ../shared/api-docs/huawei-elb-v2-listener.md §5 (waits), ../shared/api-docs/huawei-elb-v3-listener.md §6
 * (waits).
 */
import { createOnce, type CreateKind, type Created } from "../../core/createOnce";
import { ListenerError } from "../../core/errors";
import { log } from "../../core/log";
import type { Lane } from "../../core/pipeline";
import { realSleep } from "../../core/retry";
import type { PortListenerApi, WireV3Object } from "../client";
import { retryBudgetMs, type StackConfig, type Target } from "../config";
import { classify } from "../errors";
import { portFamily } from "./codecs";
import { ElbSession, type ElbSessionOptions } from "../session";

/**
 * LoadBalancerKind is one kind's entry for what differs: `kind` is the word in messages (`shared`, `dedicated`),
 * `active` the status waited for, `stuck` the statuses refused at once (they never become ACTIVE) with `stuckAdvice`
 * added to that refusal, and `refuse` any other refusal of a load balancer read.
 */
export interface LoadBalancerKind {
  readonly kind: "shared" | "dedicated";
  readonly active: string;
  readonly stuck: readonly string[];
  readonly stuckAdvice: string;
  readonly refuse?: (lb: WireV3Object) => ListenerError | undefined;
}

/** StoredPlace is where a listener's state says it lives, and its load balancer. */
interface StoredPlace {
  readonly resolvedRegion?: string;
  readonly region?: string;
  readonly resolvedProjectId?: string;
  readonly projectId?: string;
  readonly loadbalancerId: unknown;
}

/** Stored is the part of a listener's state `kept` carries over: its place and the API's timestamps. */
interface Stored {
  readonly resolvedRegion: string;
  readonly resolvedProjectId: string;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

/** TakenPort is what the taken-port hint names: the inputs of the create that failed. */
interface TakenPort {
  readonly loadbalancerId: string;
  readonly protocolPort: number;
  readonly protocol: string;
  readonly adoptExisting?: boolean;
}

/**
 * PortCreate is what a kind tells `creating`: the POST body, whether a found listener's name is the one sent (the
 * kinds differ on an unnamed create), and how to adopt the listener on the port (absent without `adoptExisting`).
 */
interface PortCreate {
  readonly body: object;
  readonly sameName: (name: unknown) => boolean;
  readonly adopt?: (existing: WireV3Object) => Promise<WireV3Object>;
}

/**
 * ListenerLifecycle is one provider instance's shared steps over its session: `name` is `huawei:<Type>` for log
 * lines; the retry budget is read from the stack configuration at each call.
 */
export class ListenerLifecycle<Api extends PortListenerApi> {
  /** The provider instance's session: its clients and mutation pipeline. */
  readonly session: ElbSession<Api>;
  readonly #options: ElbSessionOptions<Api>;
  readonly #stack: StackConfig;
  readonly #kind: LoadBalancerKind;
  readonly #name: string;

  /**
   * The steps of one provider instance: its log name, options and stack configuration, the default client of a
   * target (`build`), and its kind's entry.
   */
  constructor(
    name: string,
    options: ElbSessionOptions<Api>,
    stack: StackConfig,
    build: (target: Target) => Api,
    kind: LoadBalancerKind,
  ) {
    this.session = new ElbSession<Api>(name, options, stack, build);
    this.#options = options;
    this.#stack = stack;
    this.#kind = kind;
    this.#name = name;
  }

  /** deadline is when an operation starting now stops waiting: now plus the retry budget. */
  deadline(): number {
    return (this.#options.retry?.now ?? Date.now)() + retryBudgetMs(this.#stack.settings());
  }

  /** readLoadBalancer GETs the load balancer; one the service says is gone, or that the kind refuses, is refused. */
  async readLoadBalancer(api: Api, id: string, target: Target): Promise<WireV3Object> {
    let lb: WireV3Object;
    try {
      const reads = this.session.pipeline.reads(this.session.endpoint(target));
      lb = await this.session.pipeline.call(id, "read load balancer", reads, () => api.getLoadBalancer(id));
    } catch (error) {
      if (classify(error) === "gone") {
        throw new ListenerError(
          `Huawei Cloud ${this.#kind.kind} load balancer ${id} does not exist in project ${target.projectId} ` +
            `(${target.region}): check loadbalancerId, region and projectId`,
        );
      }
      throw error;
    }
    const refusal = this.#kind.refuse?.(lb);
    if (refusal) throw refusal;
    return lb;
  }

  /**
   * waitActive polls the load balancer until it is ACTIVE, as the Terraform providers do, within the operation's
   * deadline; a stuck status is refused at once; `first` is a read already made.
   */
  async waitActive(api: Api, id: string, target: Target, deadline: number, first?: WireV3Object): Promise<void> {
    const { kind, active, stuck, stuckAdvice } = this.#kind;
    const sleep = this.#options.retry?.sleep ?? realSleep;
    const now = this.#options.retry?.now ?? Date.now;
    let lb = first ?? (await this.readLoadBalancer(api, id, target));
    while (lb.provisioning_status !== active) {
      if (stuck.some((s) => s === lb.provisioning_status)) {
        throw new ListenerError(
          `Huawei Cloud ${kind} load balancer ${id} is ${String(lb.provisioning_status)}, not ${active}${stuckAdvice}`,
        );
      }
      if (now() > deadline) {
        throw new ListenerError(
          `Huawei Cloud ${kind} load balancer ${id} stayed ${String(lb.provisioning_status)} past the retry ` +
            `budget; waiting for ${active}`,
        );
      }
      await sleep(this.#options.pollIntervalMs ?? 1000);
      lb = await this.readLoadBalancer(api, id, target);
    }
  }

  /** delete DELETEs the listener between ACTIVE waits; one that is already gone counts as deleted. */
  async delete(id: string, props: StoredPlace): Promise<void> {
    const { target, api } = this.session.connect({
      region: props.resolvedRegion ?? props.region,
      projectId: props.resolvedProjectId ?? props.projectId,
    });
    const lbId = String(props.loadbalancerId);
    try {
      await this.session.pipeline.exclusive(this.session.lbTarget(target, lbId), async (lane: Lane) => {
        const deadline = this.deadline();
        await this.waitActive(api, lbId, target, deadline);
        await this.session.pipeline.call(id, "delete listener", lane, () => api.deleteListener(id));
        await this.waitActive(api, lbId, target, deadline);
      });
    } catch (error) {
      if (classify(error) !== "gone") throw error;
      log.info(`${this.#name}: listener ${id} was already gone`);
    }
  }

  /**
   * creating is what a create tells the one create path (`core/createOnce`): it POSTs the listener (the answer is the
   * finished listener); it looks by listing the load balancer's listeners on the port, where the one of the same port
   * family is this create's own when protocol and name are the ones sent; `adopt` takes that listener over. Another
   * listener on the port without `adoptExisting` is left to the service's own conflict.
   */
  creating(api: Api, inputs: TakenPort, create: PortCreate): CreateKind<WireV3Object> {
    return {
      subject: `${inputs.loadbalancerId}:${inputs.protocolPort}`,
      action: "create listener",
      send: () => api.createListener(create.body),
      lookUp: async () =>
        (await api.listListeners(inputs.loadbalancerId, inputs.protocolPort)).find(
          (l) => portFamily(l.protocol) === portFamily(inputs.protocol),
        ),
      isOwn: (l) =>
        l.protocol_port === inputs.protocolPort && l.protocol === inputs.protocol && create.sameName(l.name),
      named: (l) => `listener ${l.id}`,
      adopt: create.adopt,
    };
  }

  /**
   * createListener runs the create through the one create path (`core/createOnce`) on `lane`; a create that fails on
   * a taken port logs how to manage the listener already on it.
   */
  async createListener(lane: Lane, kind: CreateKind<WireV3Object>, inputs: TakenPort): Promise<Created<WireV3Object>> {
    return createOnce(this.session.pipeline, lane, kind).catch((error: unknown) => {
      this.warnIfTaken(error, inputs);
      throw error;
    });
  }

  /** adopting logs the adoption of `existing` and sends the PUT `body` of what differs (none when nothing does). */
  async adopting(
    api: Api,
    existing: WireV3Object,
    port: number,
    lane: Lane,
    body: object | undefined,
  ): Promise<WireV3Object> {
    log.info(`${this.#name}: adopting existing listener ${existing.id} on port ${port}`);
    if (body === undefined) return existing;
    return this.session.pipeline.call(existing.id, "update adopted listener", lane, () =>
      api.updateListener(existing.id, body),
    );
  }

  /** warnIfTaken logs, for a create that failed on a taken port, how to manage the listener already on it. */
  private warnIfTaken(error: unknown, inputs: TakenPort): void {
    if (classify(error) !== "conflict" || inputs.adoptExisting) return;
    log.warn(
      `${this.#name}: port ${inputs.protocolPort} of load balancer ${inputs.loadbalancerId} is taken; ` +
        `set adoptExisting: true to manage an existing ${inputs.protocol} listener on it`,
    );
  }
}

/**
 * listenerOutputs is a listener's state: its inputs, where it lives and the API's timestamps, each read by `stamp`
 * (absent when it answers undefined).
 */
export function listenerOutputs<I extends object>(
  inputs: I,
  listener: WireV3Object,
  target: Target,
  stamp: (value: unknown) => string | undefined,
): I & Stored {
  const outs: I & Stored = { ...inputs, resolvedRegion: target.region, resolvedProjectId: target.projectId };
  const createdAt = stamp(listener.created_at);
  const updatedAt = stamp(listener.updated_at);
  if (createdAt !== undefined) Object.assign(outs, { createdAt });
  if (updatedAt !== undefined) Object.assign(outs, { updatedAt });
  return outs;
}

/** kept is the state of an update that sent nothing: the new inputs, with the stored place and timestamps. */
export function kept<I extends object>(olds: Stored, news: I): I & Stored {
  const outs: I & Stored = { ...news, resolvedRegion: olds.resolvedRegion, resolvedProjectId: olds.resolvedProjectId };
  if (olds.createdAt !== undefined) Object.assign(outs, { createdAt: olds.createdAt });
  if (olds.updatedAt !== undefined) Object.assign(outs, { updatedAt: olds.updatedAt });
  return outs;
}
