/**
 * HttpsListenerProvider: the lifecycle of an Alibaba Cloud SLB HTTPS listener as a Pulumi dynamic provider.
 * Every mutation on one load balancer runs under a process-wide lock keyed by load balancer id and under the retry
 * policy (`withRetry` with this cloud's `classify`), each retry logged with the code that caused it.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { CheckFailure } from "../core/check";
import { isUnknown } from "../core/check";
import { ApiError, codeAndStatus, isApiError, ListenerError } from "../core/errors";
import { log } from "../core/log";
import { KeyedMutex } from "../core/mutex";
import type { Pace, QuickRetry } from "../core/pacing";
import { LockPacer } from "../core/pacing";
import type { RetryOptions } from "../core/retry";
import { RetryBudgetExceededError, withRetry } from "../core/retry";
import type { ThrottledRetry } from "../core/throttle";
import { EndpointGate } from "../core/throttle";
import type { Params, ResponseBody, SlbApi } from "./client";
import { SlbClient } from "./client";
import type { ConfigSource, Env } from "./config";
import {
  requireRegion,
  resolveCredentials,
  resolveEndpoint,
  resolveRegion,
  resolveRequestTimeoutMs,
  resolveRetryBudgetMs,
} from "./config";
import { ACTIONS, ERROR_CODES, LISTENER_PROTOCOL, WIRE_NAMES } from "./constants";
import type { WireInput } from "./constants";
import { classify, isLoadBalancerBusy, isThrottled, outcomeUnknown } from "./errors";
import type { HttpsListenerInputs, InputName } from "./schema";
import { API_DEFAULTS, checkInputs, inputProps } from "./schema";

/** HttpsListenerOutputs are the listener's state: every input (regionId resolved) plus its status. */
export type HttpsListenerOutputs = HttpsListenerInputs & {
  /** The region the listener lives in (the configured one when the program gave none). */
  readonly regionId: string;
  /** The listener's status as SLB reports it: `running` after create, or `starting`, `configuring`, `stopped`... */
  readonly status: string;
};

/** REPLACE_INPUTS are the inputs SetLoadBalancerHTTPSListenerAttribute cannot change: changing one replaces. */
export const REPLACE_INPUTS: readonly InputName[] = ["loadBalancerId", "listenerPort", "regionId", "backendServerPort"];

/** PROVIDER_ONLY_INPUTS are inputs of the provider, not of the API; they never cause an update. */
const PROVIDER_ONLY_INPUTS: ReadonlySet<string> = new Set(["adoptExisting"]);

/**
 * CLEARABLE_INPUTS are optional inputs without an API default that the Set action can remove; removing any other
 * such input leaves the listener's value as it is (the API has no way to clear it), so it is not a change.
 */
const CLEARABLE_INPUTS: ReadonlySet<string> = new Set(["vServerGroupId"]);

/** Inputs the Set action needs together: changing one sends the group, so the conditional rules still hold. */
const COMPANION_GROUPS: readonly (readonly InputName[])[] = [
  ["stickySession", "stickySessionType", "cookie", "cookieTimeout"],
  ["aclStatus", "aclId", "aclType"],
  ["healthCheckInterval", "healthCheckTimeout"],
];

const INT_INPUTS: ReadonlySet<string> = new Set(
  Object.entries(inputProps)
    .filter(([, codec]) => codec.name.includes("integer"))
    .map(([key]) => key),
);

/** HttpsListenerProviderOptions let tests (and the engine harness) tune the provider without touching the environment. */
export interface HttpsListenerProviderOptions {
  /** The environment to read instead of `process.env`. */
  readonly env?: Env;
  /** Timeout of one HTTP exchange in milliseconds. */
  readonly requestTimeoutMs?: number;
  /** Retry policy knobs (backoff, clock, sleep, randomness); the budget comes from configuration. */
  readonly retry?: Omit<RetryOptions, "onRetry" | "budgetMs">;
  /** Builds the client; the default is pop-core's SlbClient. */
  readonly clientFactory?: (options: ConstructorParameters<typeof SlbClient>[0]) => SlbApi;
}

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

/** The process-wide lock: one mutation at a time per load balancer, whichever resource asks. */
const loadBalancerLocks = new KeyedMutex();

/**
 * The process-wide pacer: the configuration lock time it learns from busy answers (per endpoint, refined per load
 * balancer) decides when the next mutation on a load balancer is sent, so queued mutations rarely meet the lock.
 */
const pacer = new LockPacer(isLoadBalancerBusy);

type Bag = Record<string, unknown>;

/** describeFailure says which action answered which code, for retry log lines. */
function describeFailure(error: unknown, action?: string): string {
  if (!isApiError(error)) return action === undefined ? "the call failed" : `${action} failed`;
  return `${error.action} answered ${codeAndStatus(error)}`;
}

function asBag(value: unknown): Bag {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Bag) : {};
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** wireParams turns inputs into request parameters (by the document's names), leaving out absent ones. */
export function wireParams(inputs: Bag, keys: readonly string[] = Object.keys(WIRE_NAMES)): Params {
  const params: Record<string, string | number> = {};
  for (const key of keys) {
    const wire = WIRE_NAMES[key as WireInput];
    const value = inputs[key];
    if (wire && (typeof value === "string" || typeof value === "number")) params[wire] = value;
  }
  return params;
}

/** inputsFromDescribe turns a DescribeLoadBalancerHTTPSListenerAttribute answer into inputs. */
export function inputsFromDescribe(body: ResponseBody, address: ListenerAddress): Bag {
  const inputs: Bag = { ...address };
  for (const [key, wire] of Object.entries(WIRE_NAMES)) {
    if (key === "regionId" || key === "loadBalancerId" || key === "listenerPort") continue;
    const value = body[wire];
    if (value === undefined || value === null || value === "") continue;
    inputs[key] = INT_INPUTS.has(key) ? Number(value) : String(value);
  }
  return inputs;
}

/** DiffSummary is what changed between the stored outputs and new inputs. */
export interface DiffSummary {
  readonly changed: string[];
  readonly replaces: string[];
}

/**
 * diffInputs compares stored outputs with new (checked) inputs: an unknown new value is a change; an input the new
 * program leaves out is a change only if it has an API default (check fills that in) or the API can clear it;
 * `regionId` left out means the configured region.
 */
export function diffInputs(olds: Bag, news: Bag, configuredRegion?: string): DiffSummary {
  const changed: string[] = [];
  for (const key of Object.keys(inputProps)) {
    if (PROVIDER_ONLY_INPUTS.has(key)) continue;
    let next = news[key];
    const prev = olds[key];
    if (key === "regionId" && next === undefined) next = configuredRegion ?? prev;
    if (isUnknown(next)) {
      changed.push(key);
      continue;
    }
    if (next === undefined) {
      if (prev === undefined) continue;
      const def = (API_DEFAULTS as Bag)[key];
      if (def !== undefined ? !same(def, prev) : CLEARABLE_INPUTS.has(key)) changed.push(key);
      continue;
    }
    if (!same(next, prev)) changed.push(key);
  }
  return { changed, replaces: changed.filter((key) => (REPLACE_INPUTS as readonly string[]).includes(key)) };
}

function failuresMessage(failures: readonly CheckFailure[]): string {
  return `HttpsListener inputs are invalid: ${failures.map((f) => f.reason).join("; ")}`;
}

/**
 * HttpsListenerProvider implements the HttpsListener lifecycle against the SLB API: check validates every documented
 * rule and fills in API defaults; create runs CreateLoadBalancerHTTPSListener then StartLoadBalancerListener (deleting
 * the new listener if it cannot be started); update sends one SetLoadBalancerHTTPSListenerAttribute; read describes;
 * delete removes (already gone is success). Credentials come from `configure` (stack config) or the environment.
 */
export class HttpsListenerProvider implements dynamic.ResourceProvider<HttpsListenerInputs, HttpsListenerOutputs> {
  // #private (not TypeScript `private`): util.inspect and JSON never show them, and the client cache is keyed by
  // credentials.
  #stack: ConfigSource = () => undefined;
  readonly #clients = new Map<string, SlbApi>();
  readonly #overrides: HttpsListenerProviderOptions;

  constructor(overrides: HttpsListenerProviderOptions = {}) {
    this.#overrides = overrides;
  }

  private get env(): Env {
    return this.#overrides.env ?? process.env;
  }

  /** configure keeps the stack's config (`alicloud:*` keys); the environment is the fallback for every key. */
  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.#stack = (key) => req.config.get(key);
    this.#clients.clear();
  }

  /** check validates the inputs and returns them with API defaults, normalisation and regionId filled in. */
  async check(
    _olds: HttpsListenerInputs,
    news: HttpsListenerInputs,
  ): Promise<dynamic.CheckResult<HttpsListenerInputs>> {
    const result = checkInputs(news, resolveRegion(this.#stack, this.env));
    return {
      inputs: result.inputs as unknown as HttpsListenerInputs,
      failures: result.failures.length > 0 ? [...result.failures] : undefined,
    };
  }

  /** diff decides update versus replace from REPLACE_INPUTS; olds are the stored outputs. */
  async diff(_id: string, olds: HttpsListenerOutputs, news: HttpsListenerInputs): Promise<dynamic.DiffResult> {
    const { changed, replaces } = diffInputs(asBag(olds), asBag(news), resolveRegion(this.#stack, this.env));
    return {
      changes: changed.length > 0,
      replaces,
      deleteBeforeReplace:
        replaces.length > 0 && !replaces.includes("listenerPort") && !replaces.includes("loadBalancerId"),
    };
  }

  /** create makes the listener, starts it, and returns its id and outputs. */
  async create(inputs: HttpsListenerInputs): Promise<dynamic.CreateResult<HttpsListenerOutputs>> {
    const checked = checkInputs(inputs, resolveRegion(this.#stack, this.env));
    if (checked.failures.length > 0) throw new ListenerError(failuresMessage(checked.failures));
    const values = checked.inputs;
    const address: ListenerAddress = {
      regionId: (values.regionId as string | undefined) ?? requireRegion(this.#stack, this.env),
      loadBalancerId: values.loadBalancerId as string,
      listenerPort: values.listenerPort as number,
    };
    const id = listenerId(address.loadBalancerId, address.listenerPort);
    const outputs = { ...values, regionId: address.regionId };
    const api = this.client(address.regionId);
    const params: Params = { ...wireParams(outputs), RegionId: address.regionId };

    const origin = await this.paced(address, ACTIONS.createListener, id, (pace) =>
      this.createOnce(api, id, address, params, values.adoptExisting === true, pace),
    );
    if (origin === "adopted") {
      await this.mutate(api, id, address, ACTIONS.setListener, { ...params });
    }
    try {
      await this.mutate(api, id, address, ACTIONS.startListener, {
        ...this.addressParams(address),
        ListenerProtocol: LISTENER_PROTOCOL,
      });
    } catch (error) {
      if (origin === "created") await this.removeAfterFailedStart(api, id, address, error);
      throw error;
    }
    return { id, outs: { ...outputs, status: "running" } as unknown as HttpsListenerOutputs };
  }

  /**
   * createOnce sends the create under retry. After an answer that may have been lost (reset, timeout, 5xx, non-JSON),
   * the next attempt first describes the port: a listener there that matches what was sent is this create's own, so
   * it continues with it instead of creating again or failing on ListenerAlreadyExists.
   */
  private async createOnce(
    api: SlbApi,
    id: string,
    address: ListenerAddress,
    params: Params,
    adopt: boolean,
    pace: Pace,
  ): Promise<"created" | "adopted"> {
    let maybeCreated = false;
    return this.retry(id, async () => {
      if (maybeCreated) {
        const live = await this.describe(api, address);
        if (live) {
          if (this.matches(live, params)) return "created";
          if (adopt) return "adopted";
          throw new ApiError({
            cloud: "aliyun",
            action: ACTIONS.createListener,
            code: ERROR_CODES.listenerAlreadyExists,
            apiMessage: `another HTTPS listener already uses port ${address.listenerPort} of ${address.loadBalancerId}`,
          });
        }
      }
      try {
        await pace.attempt(() => api.call(ACTIONS.createListener, params));
        return "created";
      } catch (error) {
        if (outcomeUnknown(error)) maybeCreated = true;
        if (adopt && classify(error) === "conflict") return "adopted";
        throw error;
      }
    }).catch(async (error: unknown) => {
      // The budget ran out right after an attempt whose outcome is unknown: look once more, so a listener that attempt
      // made is continued with instead of being left behind, unrecorded, to block the port on the next run.
      if (maybeCreated && error instanceof RetryBudgetExceededError) {
        const live = await this.describe(api, address).catch(() => undefined);
        if (live && this.matches(live, params)) return "created" as const;
      }
      throw error;
    });
  }

  private matches(live: ResponseBody, params: Params): boolean {
    for (const [wire, value] of Object.entries(params)) {
      if (wire === "RegionId" || wire === "LoadBalancerId" || value === undefined) continue;
      if (String(live[wire]) !== String(value)) return false;
    }
    return true;
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
    const old = asBag(props);
    const { loadBalancerId, listenerPort } = parseListenerId(id);
    const regionId = (typeof old.regionId === "string" && old.regionId) || requireRegion(this.#stack, this.env);
    const address: ListenerAddress = { regionId, loadBalancerId, listenerPort };
    const api = this.client(regionId);
    const live = await this.retry(id, () => this.describe(api, address));
    if (!live) return { id: "" };
    const inputs = inputsFromDescribe(live, address);
    if (old.adoptExisting !== undefined) inputs.adoptExisting = old.adoptExisting;
    const status = typeof live.Status === "string" ? live.Status : "unknown";
    return {
      id,
      props: { ...inputs, status } as unknown as HttpsListenerOutputs,
      inputs: inputs as unknown as HttpsListenerOutputs,
    };
  }

  /** update sends one SetLoadBalancerHTTPSListenerAttribute with the changed inputs (and their companions). */
  async update(
    id: string,
    olds: HttpsListenerOutputs,
    news: HttpsListenerInputs,
  ): Promise<dynamic.UpdateResult<HttpsListenerOutputs>> {
    const prev = asBag(olds);
    const next = { ...asBag(news) };
    const configured = resolveRegion(this.#stack, this.env);
    if (next.regionId === undefined) next.regionId = configured ?? prev.regionId;
    const { changed, replaces } = diffInputs(prev, next, configured);
    if (replaces.length > 0) {
      throw new ListenerError(`HttpsListener ${id}: ${replaces.join(", ")} cannot change in place; replace it`);
    }
    const outputs: Bag = { ...next, status: prev.status ?? "running" };
    for (const key of Object.keys(inputProps)) {
      // An input left out that the API cannot clear keeps its live value; the outputs say so.
      if (next[key] === undefined && prev[key] !== undefined && !changed.includes(key)) outputs[key] = prev[key];
    }
    const sent = changed.filter((key) => !PROVIDER_ONLY_INPUTS.has(key));
    if (sent.length === 0) return { outs: outputs as unknown as HttpsListenerOutputs };
    const keys = new Set(sent);
    for (const group of COMPANION_GROUPS) {
      if (group.some((key) => keys.has(key))) for (const key of group) keys.add(key);
    }
    const address: ListenerAddress = {
      regionId: next.regionId as string,
      loadBalancerId: next.loadBalancerId as string,
      listenerPort: next.listenerPort as number,
    };
    const params: Record<string, string | number | undefined> = {
      ...wireParams(outputs, [...keys]),
      ...this.addressParams(address),
    };
    if (keys.has("vServerGroupId")) params.VServerGroup = next.vServerGroupId === undefined ? "off" : "on";
    await this.mutate(this.client(address.regionId), id, address, ACTIONS.setListener, params);
    return { outs: outputs as unknown as HttpsListenerOutputs };
  }

  /** delete removes the listener; a listener or load balancer already gone is success. */
  async delete(id: string, props: HttpsListenerOutputs): Promise<void> {
    const old = asBag(props);
    const { loadBalancerId, listenerPort } = parseListenerId(id);
    const regionId = (typeof old.regionId === "string" && old.regionId) || requireRegion(this.#stack, this.env);
    const address: ListenerAddress = { regionId, loadBalancerId, listenerPort };
    await this.deleteListener(this.client(regionId), id, address);
  }

  private async deleteListener(api: SlbApi, id: string, address: ListenerAddress): Promise<void> {
    try {
      await this.mutate(api, id, address, ACTIONS.deleteListener, {
        ...this.addressParams(address),
        ListenerProtocol: LISTENER_PROTOCOL,
      });
    } catch (error) {
      if (classify(error) === "gone") return;
      throw error;
    }
  }

  /** describe returns the listener's attributes, or undefined when it or its load balancer is gone. */
  private async describe(api: SlbApi, address: ListenerAddress): Promise<ResponseBody | undefined> {
    try {
      return await api.call(ACTIONS.describeListener, this.addressParams(address));
    } catch (error) {
      if (classify(error) === "gone") return undefined;
      throw error;
    }
  }

  private addressParams(address: ListenerAddress): Params {
    return {
      RegionId: address.regionId,
      LoadBalancerId: address.loadBalancerId,
      ListenerPort: address.listenerPort,
    };
  }

  /** mutate runs one mutating action under the load balancer's lock, its pacing and the retry policy. */
  private async mutate(
    api: SlbApi,
    id: string,
    address: ListenerAddress,
    action: string,
    params: Params,
  ): Promise<void> {
    await this.paced(address, action, id, (pace) => this.retry(id, () => pace.attempt(() => api.call(action, params))));
  }

  /**
   * paced runs work on a load balancer under its process-wide lock; the work sends its mutation through
   * `pace.attempt`, which waits for the lock time learnt for the endpoint and retries busy answers at the next learnt
   * time (logged like the policy's retries) before they reach the retry policy.
   */
  private async paced<T>(
    address: ListenerAddress,
    action: string,
    id: string,
    work: (pace: Pace) => Promise<T>,
  ): Promise<T> {
    const target = {
      scope: `aliyun|${resolveEndpoint(address.regionId, this.env, this.#stack)}`,
      key: address.loadBalancerId,
    };
    const hooks = {
      now: this.#overrides.retry?.now,
      sleep: this.#overrides.retry?.sleep,
      onQuickRetry: ({ attempt, delayMs, error }: QuickRetry) =>
        log.info(`HttpsListener ${id}: ${describeFailure(error, action)}; paced retry ${attempt} in ${delayMs} ms`),
    };
    return loadBalancerLocks.run(address.loadBalancerId, () => pacer.run(target, work, hooks));
  }

  private retry<T>(id: string, op: () => Promise<T>): Promise<T> {
    return withRetry(op, classify, {
      ...this.#overrides.retry,
      budgetMs: resolveRetryBudgetMs(this.#stack, this.env),
      onRetry: ({ attempt, delayMs, error }) => {
        log.info(`HttpsListener ${id}: ${describeFailure(error)}; retry ${attempt} in ${delayMs} ms`);
      },
    });
  }

  private client(regionId: string): SlbApi {
    const credentials = resolveCredentials(this.#stack, this.env);
    const endpoint = resolveEndpoint(regionId, this.env, this.#stack);
    const key = [endpoint, credentials.accessKeyId, credentials.accessKeySecret, credentials.securityToken].join("\n");
    let api = this.#clients.get(key);
    if (!api) {
      const timeoutMs = this.#overrides.requestTimeoutMs ?? resolveRequestTimeoutMs(this.#stack, this.env);
      const options = { ...credentials, endpoint, timeoutMs };
      const raw = this.#overrides.clientFactory ? this.#overrides.clientFactory(options) : new SlbClient(options);
      // The endpoint's gate: at most 32 requests in flight, and after a Throttling answer calls are spaced to the
      // rate the endpoint accepted. The provider is one per process in the host, so this is one gate per endpoint.
      const gate = new EndpointGate(isThrottled);
      const hooks = (action: string, params: Params) => ({
        now: this.#overrides.retry?.now,
        sleep: this.#overrides.retry?.sleep,
        onThrottled: ({ attempt, delayMs, error }: ThrottledRetry) => {
          const { LoadBalancerId: lb, ListenerPort: port } = params;
          const who =
            lb !== undefined && port !== undefined
              ? `HttpsListener ${listenerId(String(lb), Number(port))}`
              : "HttpsListener";
          log.info(`${who}: ${describeFailure(error, action)}; throttled retry ${attempt} in ${delayMs} ms`);
        },
      });
      api = { call: (action, params) => gate.run(() => raw.call(action, params), hooks(action, params)) };
      this.#clients.set(key, api);
    }
    return api;
  }
}
