/**
 * ElbListenerProvider: the dynamic-provider implementation of `ElbListener`. check validates (schema.ts); diff decides
 * replace versus update from one table; create/update/delete call the client under a process-wide per-load-balancer
 * lock and the shared retry policy, with errors classified in errors.ts.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { conforms, decodeInputs, isUnknown, withoutProviderKey } from "../core/check";
import { codeAndStatus, ListenerError, isApiError } from "../core/errors";
import { log } from "../core/log";
import { MutationPipeline, type Lane, type LoadBalancerTarget } from "../core/pipeline";
import { realSleep, RetryBudgetExceededError } from "../core/retry";
import { ElbClient, type ElbApi } from "./client";
import { fromWire, fromWireBoolean, toWireBody, type WireListener, type WireLoadBalancer } from "./wire";
import {
  readSettings,
  resolveTarget,
  retryBudgetMs,
  type ConfigSource,
  type Env,
  type HuaweiSettings,
  type Target,
} from "./config";
import { LB_TYPE, LISTENER_STATUS } from "./constants";
import { classify, HUAWEI_CLASSIFIER, outcomeUnknown } from "./errors";
import {
  checkInputs,
  ELB_LISTENER_PROPS,
  RESOURCE,
  INPUT_NAMES,
  NOT_COMPARED,
  REPLACE_ON_CHANGE,
  REQUIRED,
  type ElbListenerInputs,
  type InputName,
} from "./schema";

/** ElbListenerOutputs are the stored state: the checked inputs (so diffs compare like with like) plus what the API reports. */
export type ElbListenerOutputs = ElbListenerInputs & {
  /** The listener status: ACTIVE, PENDING_CREATE or ERROR. */
  readonly status: string;
  readonly createTime?: string;
  readonly updateTime?: string;
  readonly adminStateUp?: boolean;
  /** The region the listener lives in (the input, else the configured region at creation). */
  readonly resolvedRegion: string;
  /** The project the listener lives in (the input, else the configured project at creation). */
  readonly resolvedProjectId: string;
};

/** OUTPUT_NAMES are the properties that are outputs only. */
export const OUTPUT_NAMES = [
  "status",
  "createTime",
  "updateTime",
  "adminStateUp",
  "resolvedRegion",
  "resolvedProjectId",
] as const;

/** ProviderOptions are test and tuning hooks; a provider constructed without arguments uses the defaults. */
export interface ProviderOptions {
  /** The environment to read settings from. @default process.env */
  readonly env?: Env;
  /** Pause between GETs while a new listener is PENDING_CREATE. @default 1000 */
  readonly pollIntervalMs?: number;
  /** First backoff ceiling of the retry policy. @default 200 */
  readonly retryBaseDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  /** Builds the API client of a target. @default a signed axios ElbClient */
  readonly clientFor?: (target: Target) => ElbApi;
}

/** UPDATABLE_INPUTS are the inputs PUT /listeners/{id} changes in place. Ref: "Modifying a Listener". */
export const UPDATABLE_INPUTS: readonly InputName[] = INPUT_NAMES.filter(
  (n) => !REPLACE_ON_CHANGE.has(n) && !NOT_COMPARED.has(n),
);

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return a === b;
}

function describeError(error: unknown): string {
  if (isApiError(error)) return codeAndStatus(error);
  return error instanceof Error ? error.name : "error";
}

/** ElbListenerProvider implements the lifecycle of a classic ELB v1.0 listener. */
export class ElbListenerProvider implements dynamic.ResourceProvider<ElbListenerInputs, ElbListenerOutputs> {
  // Private fields: the stack configuration and the environment hold secrets, and must not show in inspection.
  #config?: ConfigSource;
  readonly #options: ProviderOptions;
  /** One API client per target (their keys hold credentials, hence private). */
  readonly #clients = new Map<string, ElbApi>();
  /** The type of each load balancer already read, by endpoint, project and id. */
  readonly #loadBalancers = new Map<string, WireLoadBalancer>();
  readonly #pipeline: MutationPipeline;

  constructor(options: ProviderOptions = {}) {
    this.#options = options;
    this.#pipeline = new MutationPipeline(`huawei:${RESOURCE}`, HUAWEI_CLASSIFIER, () => ({
      budgetMs: retryBudgetMs(this.settings()),
      baseDelayMs: this.options.retryBaseDelayMs,
      sleep: this.options.sleep,
      random: this.options.random,
      now: this.options.now,
    }));
  }

  private get options(): ProviderOptions {
    return this.#options;
  }

  /** configure keeps the stack configuration for later calls (read inside the provider process only). */
  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.#config = req.config;
    this.#clients.clear();
  }

  /** check validates the inputs, fills TLS defaults, and drops (with a warning) inputs that have no effect. */
  async check(_olds: ElbListenerInputs, news: ElbListenerInputs): Promise<dynamic.CheckResult<ElbListenerInputs>> {
    const result = checkInputs(news);
    for (const warning of result.warnings) log.warn(`huawei:ElbListener: ${warning.message}`);
    return result.ok ? { inputs: result.inputs } : { inputs: withoutProviderKey(news), failures: [...result.failures] };
  }

  /**
   * diff compares every input with the stored outputs: unknown values count as changes; loadbalancerId, protocol,
   * backendProtocol, sessionSticky, stickySessionType, cookieTimeout, region and projectId replace; the rest update.
   */
  async diff(_id: string, olds: ElbListenerOutputs, news: ElbListenerInputs): Promise<dynamic.DiffResult> {
    const o: ElbListenerOutputs = olds;
    const n: ElbListenerInputs = news;
    const settings = this.safeSettings();
    const changed: InputName[] = [];
    for (const name of INPUT_NAMES) {
      if (NOT_COMPARED.has(name)) continue;
      if (name === "region" || name === "projectId") {
        const resolvedKey = name === "region" ? "resolvedRegion" : "resolvedProjectId";
        if (isUnknown(n[name])) changed.push(name);
        else {
          const next = n[name] ?? settings?.[name];
          const prev = o[name] ?? o[resolvedKey];
          if (next !== undefined && prev !== undefined && next !== prev) changed.push(name);
        }
        continue;
      }
      if (isUnknown(n[name]) || !same(n[name], o[name])) changed.push(name);
    }
    const replaces = changed.filter((c) => REPLACE_ON_CHANGE.has(c));
    // A replacement on the same load balancer and port must delete first: the port is unique per load balancer.
    const sameSlot =
      (isUnknown(n.loadbalancerId) || n.loadbalancerId === o.loadbalancerId) &&
      (isUnknown(n.port) || n.port === o.port);
    return {
      changes: changed.length > 0,
      replaces,
      deleteBeforeReplace: replaces.length > 0 && sameSlot,
    };
  }

  /**
   * create checks the load balancer's type, POSTs once (or adopts an existing listener when asked), waits through
   * PENDING_CREATE, and deletes a listener that ends in ERROR before failing. A retried POST first looks for the
   * listener a lost answer may have created.
   */
  async create(inputs: ElbListenerInputs): Promise<dynamic.CreateResult<ElbListenerOutputs>> {
    const { target, api, settings } = this.connect(inputs);
    const subject = `${inputs.loadbalancerId}:${inputs.port}`;
    const listener = await this.#pipeline.exclusive(this.lbTarget(target, inputs.loadbalancerId), async (lane) => {
      const lb = await this.loadBalancer(api, inputs.loadbalancerId, target);
      this.preflight(lb, inputs);
      if (inputs.adoptExisting) {
        const reads = this.#pipeline.reads(this.endpoint(target));
        const listed = await this.#pipeline.call(subject, "list listeners", reads, () => api.listListeners(lb.id));
        const existing = listed.find((l) => l.port === inputs.port && l.protocol === inputs.protocol);
        if (existing) return this.adopt(api, existing, inputs, lane);
      }
      const created = await this.postOnce(api, inputs, lane);
      return this.settle(api, created, settings, target, lane);
    });
    return { id: listener.id, outs: this.outputs(inputs, listener, target) };
  }

  /** read GETs the listener; a listener that is gone returns an empty id. It returns both props and inputs. */
  async read(id: string, props?: ElbListenerOutputs): Promise<dynamic.ReadResult<ElbListenerOutputs>> {
    const previous: Partial<ElbListenerOutputs> = props ?? {};
    const { target, api } = this.connect({
      region: previous.resolvedRegion ?? previous.region,
      projectId: previous.resolvedProjectId ?? previous.projectId,
    });
    let listener: WireListener;
    try {
      const reads = this.#pipeline.reads(this.endpoint(target));
      listener = await this.#pipeline.call(id, "read listener", reads, () => api.getListener(id));
    } catch (error) {
      if (classify(error) === "gone") return { id: "" };
      throw error;
    }
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
      const value = live[name] ?? previous[name];
      if (value !== undefined) values[name] = value;
    }
    const decoded = decodeInputs(RESOURCE, ELB_LISTENER_PROPS, REQUIRED, values);
    if (!conforms<typeof ELB_LISTENER_PROPS, (typeof REQUIRED)[number]>(values, decoded)) {
      throw new ListenerError(`huawei:ElbListener ${id}: ${decoded.failures.map((f) => f.reason).join("; ")}`);
    }
    const outs = this.outputs(values, listener, target);
    // ReadResult types its inputs as the outputs; the inputs carry no output-only property.
    const inputs: ElbListenerOutputs = { ...outs };
    for (const name of OUTPUT_NAMES) Reflect.deleteProperty(inputs, name);
    return { id: listener.id, props: outs, inputs };
  }

  /** update sends one PUT with the modifiable inputs that changed (certificates only onto a public load balancer). */
  async update(
    id: string,
    olds: ElbListenerOutputs,
    news: ElbListenerInputs,
  ): Promise<dynamic.UpdateResult<ElbListenerOutputs>> {
    const o = olds;
    const n = news;
    const { target, api } = this.connect({
      region: o.resolvedRegion ?? n.region,
      projectId: o.resolvedProjectId ?? n.projectId,
    });
    const changed = UPDATABLE_INPUTS.filter((name) => n[name] !== undefined && !same(n[name], o[name]));
    if (changed.length === 0) {
      const kept: ElbListenerOutputs = {
        ...n,
        status: o.status,
        resolvedRegion: o.resolvedRegion,
        resolvedProjectId: o.resolvedProjectId,
      };
      for (const k of OUTPUT_NAMES) if (o[k] !== undefined) Object.assign(kept, { [k]: o[k] });
      return { outs: kept };
    }
    const listener = await this.#pipeline.exclusive(this.lbTarget(target, news.loadbalancerId), async (lane) => {
      if (changed.includes("certificates")) {
        this.preflight(await this.loadBalancer(api, news.loadbalancerId, target), news);
      }
      const body = toWireBody(news, changed);
      return this.#pipeline.call(id, "update listener", lane, () => api.updateListener(id, body));
    });
    return { outs: this.outputs(n, listener, target) };
  }

  /** delete DELETEs the listener; one that is already gone counts as deleted. */
  async delete(id: string, props: ElbListenerOutputs): Promise<void> {
    const p = props;
    const { target, api } = this.connect({
      region: p.resolvedRegion ?? p.region,
      projectId: p.resolvedProjectId ?? p.projectId,
    });
    try {
      const lb = this.lbTarget(target, String(p.loadbalancerId));
      await this.#pipeline.mutate(id, "delete listener", lb, () => api.deleteListener(id));
    } catch (error) {
      if (classify(error) !== "gone") throw error;
      log.info(`huawei:ElbListener: listener ${id} was already gone`);
    }
  }

  private settings(): HuaweiSettings {
    return readSettings(this.#config, this.options.env ?? process.env);
  }

  private safeSettings(): HuaweiSettings | undefined {
    try {
      return this.settings();
    } catch {
      return undefined;
    }
  }

  private connect(where: { region?: unknown; projectId?: unknown }): {
    target: Target;
    api: ElbApi;
    settings: HuaweiSettings;
  } {
    const settings = this.settings();
    const region = typeof where.region === "string" ? where.region : undefined;
    const projectId = typeof where.projectId === "string" ? where.projectId : undefined;
    const target = resolveTarget(settings, region, projectId);
    return { target, api: this.client(target), settings };
  }

  /**
   * client is the one API client of a target (endpoint, project and credentials) for this provider instance, so
   * every operation shares its HTTP connections instead of building a client (and sockets) per call.
   */
  private client(target: Target): ElbApi {
    const c = target.credentials;
    const key = [target.baseUrl, target.projectId, target.requestTimeoutMs, c.kind, ...Object.values(c)].join("\n");
    let api = this.#clients.get(key);
    if (!api) {
      api = this.options.clientFor ? this.options.clientFor(target) : new ElbClient(target);
      this.#clients.set(key, api);
    }
    return api;
  }

  private endpoint(target: Target): string {
    return `huawei|${target.baseUrl}`;
  }

  private lbTarget(target: Target, loadbalancerId: string): LoadBalancerTarget {
    return { endpoint: this.endpoint(target), loadBalancer: `${target.projectId}|${loadbalancerId}` };
  }

  /**
   * loadBalancer reads a load balancer for its type, once per load balancer for this provider instance: a classic
   * load balancer's type never changes, so later creates on it take one API call.
   */
  private async loadBalancer(api: ElbApi, id: string, target: Target): Promise<WireLoadBalancer> {
    const key = `${this.endpoint(target)}|${target.projectId}|${id}`;
    const known = this.#loadBalancers.get(key);
    if (known) return known;
    try {
      const reads = this.#pipeline.reads(this.endpoint(target));
      const lb = await this.#pipeline.call(id, "read load balancer", reads, () => api.getLoadBalancer(id));
      this.#loadBalancers.set(key, { id: lb.id, type: lb.type });
      return lb;
    } catch (error) {
      if (classify(error) === "gone") {
        throw new ListenerError(
          `Huawei Cloud ELB load balancer ${id} does not exist in project ${target.projectId} (${target.region}): ` +
            `check loadbalancerId, region and projectId`,
        );
      }
      throw error;
    }
  }

  /** preflight refuses, before anything is created, what the load balancer's type does not allow. */
  private preflight(lb: WireLoadBalancer, inputs: ElbListenerInputs): void {
    if (inputs.protocol === "UDP" && lb.type === LB_TYPE.private) {
      throw new ListenerError(
        `Huawei Cloud ELB load balancer ${lb.id} is private (type Internal): a UDP listener cannot be added to a ` +
          `private network load balancer; use an External load balancer or another protocol`,
      );
    }
    if (inputs.certificates !== undefined && lb.type !== LB_TYPE.public) {
      throw new ListenerError(
        `Huawei Cloud ELB load balancer ${lb.id} is not public (type ${lb.type ?? "unknown"}): certificates (SNI) ` +
          `are valid only on a public network load balancer; remove certificates or use an External load balancer`,
      );
    }
  }

  private isMine(l: WireListener, inputs: ElbListenerInputs): boolean {
    return l.port === inputs.port && l.protocol === inputs.protocol && l.name === inputs.name;
  }

  /** postOnce creates the listener; a retry first lists the load balancer's listeners and continues with ours. */
  private async postOnce(api: ElbApi, inputs: ElbListenerInputs, lane: Lane): Promise<WireListener> {
    const body = toWireBody(inputs, INPUT_NAMES);
    const findMine = async (): Promise<WireListener | undefined> =>
      (await api.listListeners(inputs.loadbalancerId)).find((l) => this.isMine(l, inputs));
    // Only an exchange whose outcome is unknown (no answer, a 5xx) may have created the listener.
    let uncertain = false;
    const subject = `${inputs.loadbalancerId}:${inputs.port}`;
    return this.#pipeline
      .retry(subject, "create listener", async (attempt) => {
        if (uncertain) {
          const mine = await this.#pipeline.send(attempt, lane, findMine);
          if (mine) {
            log.info(`huawei:ElbListener: an earlier attempt created listener ${mine.id}; continuing with it`);
            return mine;
          }
        }
        try {
          return await this.#pipeline.send(attempt, lane, () => api.createListener(body));
        } catch (error) {
          const wasUncertain = uncertain;
          uncertain = wasUncertain || outcomeUnknown(error);
          if (wasUncertain && classify(error) === "conflict") {
            const mine = await findMine();
            if (mine) return mine;
          }
          if (classify(error) === "conflict") {
            log.warn(
              `huawei:ElbListener: port ${inputs.port} of load balancer ${inputs.loadbalancerId} is taken; ` +
                `set adoptExisting: true to manage an existing ${inputs.protocol} listener on it`,
            );
          }
          throw error;
        }
      })
      .catch(async (error: unknown) => {
        // The budget ran out right after an exchange whose outcome is unknown: look once more, so a listener that
        // exchange made is continued with instead of being left behind, unrecorded, to block the port on the next run.
        if (uncertain && error instanceof RetryBudgetExceededError) {
          const mine = await findMine().catch(() => undefined);
          if (mine) {
            log.info(`huawei:ElbListener: the last attempt created listener ${mine.id}; continuing with it`);
            return mine;
          }
        }
        throw error;
      });
  }

  /** settle polls a PENDING_CREATE listener until ACTIVE; ERROR (or no end in the budget) deletes it and fails. */
  private async settle(
    api: ElbApi,
    created: WireListener,
    settings: HuaweiSettings,
    target: Target,
    lane: Lane,
  ): Promise<WireListener> {
    const sleep = this.options.sleep ?? realSleep;
    const now = this.options.now ?? Date.now;
    const deadline = now() + retryBudgetMs(settings);
    let listener = created;
    while (listener.status === LISTENER_STATUS.pendingCreate) {
      if (now() > deadline) {
        await this.removeFailed(api, listener, lane);
        throw new ListenerError(
          `Huawei Cloud ELB listener ${listener.id} stayed ${LISTENER_STATUS.pendingCreate} past the retry budget; ` +
            `it was deleted so nothing is left behind`,
        );
      }
      await sleep(this.options.pollIntervalMs ?? 1000);
      const reads = this.#pipeline.reads(this.endpoint(target));
      listener = await this.#pipeline.call(created.id, "read new listener", reads, () => api.getListener(created.id));
    }
    if (listener.status === LISTENER_STATUS.error) {
      await this.removeFailed(api, listener, lane);
      throw new ListenerError(
        `Huawei Cloud ELB listener ${listener.id} on load balancer ${listener.loadbalancer_id ?? "?"} ended in status ` +
          `${LISTENER_STATUS.error}; it was deleted so nothing is left behind`,
      );
    }
    return listener;
  }

  private async removeFailed(api: ElbApi, listener: WireListener, lane: Lane): Promise<void> {
    try {
      await this.#pipeline.call(listener.id, "delete failed listener", lane, () => api.deleteListener(listener.id));
    } catch (error) {
      if (classify(error) !== "gone") {
        throw new ListenerError(
          `Huawei Cloud ELB listener ${listener.id} failed and could not be deleted (${describeError(error)}); ` +
            `delete it by hand`,
        );
      }
    }
  }

  /** adopt takes over an existing listener on the same port and protocol, updating what can be changed in place. */
  private async adopt(
    api: ElbApi,
    existing: WireListener,
    inputs: ElbListenerInputs,
    lane: Lane,
  ): Promise<WireListener> {
    const live = fromWire(existing);
    const wanted: ElbListenerInputs = inputs;
    const fixed = [...REPLACE_ON_CHANGE].filter(
      (k) => k !== "region" && k !== "projectId" && wanted[k] !== undefined && !same(wanted[k], live[k]),
    );
    if (fixed.length > 0) {
      throw new ListenerError(
        `Huawei Cloud ELB listener ${existing.id} on port ${existing.port} cannot be adopted: ${fixed.join(", ")} ` +
          `differ and cannot be changed in place`,
      );
    }
    log.info(`huawei:ElbListener: adopting existing listener ${existing.id} on port ${existing.port}`);
    const changed = UPDATABLE_INPUTS.filter((k) => wanted[k] !== undefined && !same(wanted[k], live[k]));
    if (changed.length === 0) return existing;
    const body = toWireBody(inputs, changed);
    return this.#pipeline.call(existing.id, "update adopted listener", lane, () =>
      api.updateListener(existing.id, body),
    );
  }

  private outputs(inputs: ElbListenerInputs, listener: WireListener, target: Target): ElbListenerOutputs {
    const outs: ElbListenerOutputs = {
      ...inputs,
      status: listener.status ?? LISTENER_STATUS.active,
      resolvedRegion: target.region,
      resolvedProjectId: target.projectId,
    };
    if (listener.create_time !== undefined) Object.assign(outs, { createTime: listener.create_time });
    if (listener.update_time !== undefined) Object.assign(outs, { updateTime: listener.update_time });
    // The API writes this Boolean as true/false or 1/0 (see fromWireBoolean).
    const adminStateUp = fromWireBoolean(listener.admin_state_up);
    if (typeof adminStateUp === "boolean") Object.assign(outs, { adminStateUp });
    return outs;
  }
}
