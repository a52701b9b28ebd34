/**
 * The classic ELB v1.0 client: axios for transport, the SDK-HMAC-SHA256 Signer (or an IAM token) for
 * authentication, and the translation between the inputs' spelling and the wire's. Every failure becomes an ApiError
 * built from facts only (operation, code, HTTP status, the service's message, request id): axios errors carry the
 * request configuration, headers included, so they never escape.
 */
import type { AxiosInstance, AxiosStatic } from "axios";
import { ApiError, redact } from "../core/errors";
import { now, recordCall, recording } from "../core/recorder";
import type { Credentials, Target } from "./config";
import {
  HEADERS,
  NETWORK_CODES,
  NEUTRON_ERROR_KEY,
  OPERATIONS,
  PATHS,
  V2_OPERATIONS,
  V2_PATHS,
  V2_TAG_ACTION,
  V3_OPERATIONS,
  V3_PATHS,
  type V2RouteFamily,
} from "./constants";
import { Signer } from "./signer";
import { isEmptyListAsObject, type ListenerBody, type WireListener, type WireLoadBalancer } from "./wire";

/** ElbApi is what the provider needs from a client; tests may substitute it. */
export interface ElbApi {
  createListener(body: ListenerBody): Promise<WireListener>;
  getListener(id: string): Promise<WireListener>;
  listListeners(loadbalancerId: string): Promise<WireListener[]>;
  updateListener(id: string, body: ListenerBody): Promise<WireListener>;
  deleteListener(id: string): Promise<void>;
  getLoadBalancer(id: string): Promise<WireLoadBalancer>;
}

/** ElbClientOptions are the client's parameters beside the target: the signing clock and the transport. */
interface ElbClientOptions {
  readonly clock?: () => Date;
  readonly transport?: AxiosInstance;
}

interface Exchange {
  readonly status: number;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly body: string;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

const MAX_MESSAGE = 300;

/** isElbCode tells whether a code is the classic ELB service's own (`ELB.xxxx`), as its error body `{"error":{"code"}}` carries. */
function isElbCode(code: string | undefined): boolean {
  return code !== undefined && /^ELB\.\d{4}$/.test(code);
}

/** isV2Operation tells a shared ELB v2 operation (either route family, or the listener tag API). */
function isV2Operation(operation: string): boolean {
  return operation.includes(" /v2.0/") || operation.includes(" /v2/");
}

/**
 * ElbClient calls the classic ELB v1.0 API of one project. Secrets stay in private fields (the Signer's, the token
 * here), so neither JSON nor inspection of a client shows them.
 */
export class ElbClient implements ElbApi {
  readonly baseUrl: string;
  readonly projectId: string;
  readonly #credentials: Credentials;
  readonly #signer?: Signer;
  private readonly http: AxiosInstance;
  private readonly timeoutMs: number;

  constructor(target: Target, options: ElbClientOptions = {}) {
    this.baseUrl = target.baseUrl;
    this.projectId = target.projectId;
    this.timeoutMs = target.requestTimeoutMs;
    this.#credentials = target.credentials;
    if (target.credentials.kind === "aksk") {
      this.#signer = new Signer({
        accessKey: target.credentials.accessKey,
        secretKey: target.credentials.secretKey,
        clock: options.clock,
      });
    }
    // axios is required when the first client is built, not when this module loads: check and diff (all a preview
    // runs) never need it, and loading it is most of the time the host takes to load the provider.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.http = options.transport ?? (require("axios") as AxiosStatic).create();
  }

  /** createListener posts a new listener. Ref: POST /v1.0/{project_id}/elbaas/listeners (200). */
  async createListener(body: ListenerBody): Promise<WireListener> {
    const answer = await this.send(OPERATIONS.createListener, "POST", PATHS.listeners(this.projectId), body);
    return this.listener(OPERATIONS.createListener, answer);
  }

  /** getListener reads one listener. */
  async getListener(id: string): Promise<WireListener> {
    const answer = await this.send(OPERATIONS.getListener, "GET", PATHS.listener(this.projectId, id));
    return this.listener(OPERATIONS.getListener, answer);
  }

  /** listListeners lists the listeners of one load balancer (`?loadbalancer_id=`); the answer is a bare list. */
  async listListeners(loadbalancerId: string): Promise<WireListener[]> {
    const path = `${PATHS.listeners(this.projectId)}?loadbalancer_id=${encodeURIComponent(loadbalancerId)}`;
    const answer = await this.send(OPERATIONS.listListeners, "GET", path);
    if (isEmptyListAsObject(answer.json)) return [];
    const wrapped = (answer.json as { listeners?: unknown } | undefined)?.listeners;
    if (isEmptyListAsObject(wrapped)) return [];
    const list = Array.isArray(answer.json) ? answer.json : wrapped;
    if (!Array.isArray(list)) throw this.unexpected(OPERATIONS.listListeners, answer.exchange);
    return list.filter(
      (l): l is WireListener => l !== null && typeof l === "object" && typeof (l as WireListener).id === "string",
    );
  }

  /** updateListener changes the modifiable fields of a listener. Ref: PUT /v1.0/{project_id}/elbaas/listeners/{id}. */
  async updateListener(id: string, body: ListenerBody): Promise<WireListener> {
    const answer = await this.send(OPERATIONS.updateListener, "PUT", PATHS.listener(this.projectId, id), body);
    return this.listener(OPERATIONS.updateListener, answer);
  }

  /** deleteListener deletes a listener (204). */
  async deleteListener(id: string): Promise<void> {
    await this.send(OPERATIONS.deleteListener, "DELETE", PATHS.listener(this.projectId, id));
  }

  /** getLoadBalancer reads a classic load balancer, for its `type`. */
  async getLoadBalancer(id: string): Promise<WireLoadBalancer> {
    const answer = await this.send(OPERATIONS.getLoadBalancer, "GET", PATHS.loadBalancer(this.projectId, id));
    const lb = answer.json as WireLoadBalancer | null;
    if (lb === null || typeof lb !== "object" || typeof lb.id !== "string") {
      throw this.unexpected(OPERATIONS.getLoadBalancer, answer.exchange);
    }
    return lb;
  }

  /**
   * exchange performs one signed request of another API on the same endpoint (the dedicated ELB v3 client uses it)
   * and returns the parsed JSON of a 2xx answer, or throws an ApiError built from facts.
   */
  async exchange(
    operation: string,
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    body?: object,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<unknown> {
    return (await this.send(operation, method, path, body, headers)).json;
  }

  /** toJSON shows where the client points, never its credentials. */
  toJSON(): { baseUrl: string; projectId: string; auth: string } {
    return { baseUrl: this.baseUrl, projectId: this.projectId, auth: this.#credentials.kind };
  }

  private listener(operation: string, answer: { json: unknown; exchange: Exchange }): WireListener {
    const l = answer.json as WireListener | null;
    if (l === null || typeof l !== "object" || typeof l.id !== "string")
      throw this.unexpected(operation, answer.exchange);
    return l;
  }

  private secrets(): (string | undefined)[] {
    const c = this.#credentials;
    return c.kind === "token" ? [c.token] : [c.secretKey];
  }

  private unexpected(operation: string, exchange: Exchange): ApiError {
    return new ApiError({
      cloud: "huawei",
      action: operation,
      code: NETWORK_CODES.notJson,
      status: exchange.status,
      apiMessage: "the answer is not the JSON document the API defines",
      requestId: text(exchange.headers["x-request-id"]),
    });
  }

  /** send performs one exchange and returns the parsed JSON of a 2xx answer, or throws an ApiError. */
  private async send(
    operation: string,
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    body?: object,
    extra: Readonly<Record<string, string>> = {},
  ): Promise<{ json: unknown; exchange: Exchange }> {
    const url = new URL(this.baseUrl + path);
    const payload = body === undefined ? "" : JSON.stringify(body);
    const base: Record<string, string> = { ...extra, [HEADERS.contentType]: "application/json" };
    const c = this.#credentials;
    const headers =
      c.kind === "token"
        ? { ...base, [HEADERS.authToken]: c.token }
        : this.#signer!.sign({ method, url, headers: base, body: payload });
    let exchange: Exchange;
    const startedAt = now();
    try {
      const response = await this.http.request<string>({
        method,
        url: url.toString(),
        headers,
        data: payload === "" ? undefined : payload,
        timeout: this.timeoutMs,
        responseType: "text",
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        maxRedirects: 0,
      });
      exchange = {
        status: response.status,
        headers: response.headers as Record<string, unknown>,
        body: typeof response.data === "string" ? response.data : "",
      };
    } catch (error) {
      // A fresh ApiError from facts only: the axios error holds the request config and headers (the signature).
      const failed = networkError(operation, error, this.timeoutMs);
      if (recording()) {
        recordCall({
          ...this.recorded(operation, method, path, body),
          failure: failed.code,
          startedAt,
          elapsedMs: now() - startedAt,
        });
      }
      throw failed;
    }
    if (recording()) {
      recordCall({
        ...this.recorded(operation, method, path, body),
        status: exchange.status,
        ...answerOf(exchange.body),
        startedAt,
        elapsedMs: now() - startedAt,
      });
    }
    return this.interpret(operation, exchange);
  }

  /** recorded is the request half of a recorded call: what was sent, never how it was signed. */
  private recorded(action: string, method: string, path: string, body: object | undefined) {
    return { cloud: "huawei" as const, action, method, path, ...(body === undefined ? {} : { body }) };
  }

  private interpret(operation: string, exchange: Exchange): { json: unknown; exchange: Exchange } {
    let json: unknown;
    let parsed = true;
    if (exchange.body.trim() === "") json = undefined;
    else {
      try {
        json = JSON.parse(exchange.body);
      } catch {
        parsed = false;
      }
    }
    const headerRequestId = text(exchange.headers["x-request-id"]);
    if (exchange.status >= 200 && exchange.status < 300) {
      if (!parsed) throw this.unexpected(operation, exchange);
      return { json, exchange };
    }
    const o = parsed && json !== null && typeof json === "object" ? (json as Record<string, unknown>) : undefined;
    const nested = o?.error !== null && typeof o?.error === "object" ? (o.error as Record<string, unknown>) : undefined;
    // The `/v2.0/lbaas` routes answer OpenStack's `{"NeutronError": {"type","message","detail"}}` (digest v2 §6).
    const neutronBody = o?.[NEUTRON_ERROR_KEY];
    const neutron =
      neutronBody !== null && typeof neutronBody === "object" ? (neutronBody as Record<string, unknown>) : undefined;
    // The dedicated (v3) and shared (v2) services write their own code at the top level: `{"error_msg","error_code"}`.
    const v3 = operation.includes(" /v3/");
    const v2 = isV2Operation(operation);
    const serviceCode = v3 || v2 ? text(o?.error_code) : text(nested?.code);
    const serviceAnswered = isElbCode(serviceCode) || (v2 && text(neutron?.type) !== undefined);
    if (exchange.status === 404 && !serviceAnswered) {
      // A 404 without the ELB service's own error body is the gateway or a proxy: the path is not served here.
      const code = text(o?.error_code) ?? text(nested?.code) ?? text(o?.code) ?? `HTTP${exchange.status}`;
      const said = text(o?.error_msg) ?? text(nested?.message) ?? text(o?.message) ?? "a 404 that is not an ELB error";
      const api = v3 ? "the dedicated ELB API (v3)" : v2 ? "the shared ELB API (v2)" : "the classic ELB API (v1.0)";
      const why =
        ` (${this.baseUrl} answered 404 without an ELB error body: ${api} may not be offered ` +
        `in this region, or the endpoint is wrong)`;
      return this.fail(operation, exchange, code, said, headerRequestId ?? text(o?.request_id), why);
    }
    if (o === undefined) {
      return this.fail(operation, exchange, NETWORK_CODES.notJson, "the answer is not JSON", headerRequestId);
    }
    const code =
      text(o.error_code) ?? text(nested?.code) ?? text(neutron?.type) ?? text(o.code) ?? `HTTP${exchange.status}`;
    const message =
      text(o.error_msg) ?? text(nested?.message) ?? text(neutron?.message) ?? text(o.message) ?? "(no message)";
    return this.fail(operation, exchange, code, message, headerRequestId ?? text(o.request_id));
  }

  /** fail throws the ApiError of an error answer; `note` (facts of this client, never the answer's text) is kept whole. */
  private fail(
    operation: string,
    exchange: Exchange,
    code: string,
    message: string,
    requestId?: string,
    note = "",
  ): never {
    const clean = redact(message, this.secrets());
    throw new ApiError({
      cloud: "huawei",
      action: operation,
      code,
      status: exchange.status,
      apiMessage: (clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE - 3)}...` : clean) + note,
      requestId,
    });
  }
}

/**
 * PortListenerApi is what the listener lifecycle core (listener/lifecycle.ts) needs from a shared or dedicated ELB
 * client: the listener POST, GET, list by port, PUT and DELETE, and the load balancer GET.
 */
export interface PortListenerApi {
  createListener(body: object): Promise<WireV3Object>;
  getListener(id: string): Promise<WireV3Object>;
  /** listListeners lists the listeners of one load balancer on one port (`?loadbalancer_id=&protocol_port=`). */
  listListeners(loadbalancerId: string, protocolPort: number): Promise<WireV3Object[]>;
  updateListener(id: string, body: object): Promise<WireV3Object>;
  deleteListener(id: string): Promise<void>;
  getLoadBalancer(id: string): Promise<WireV3Object>;
}

/** V3Api is what the ElbV3Listener provider needs from a dedicated ELB v3 client; tests may substitute it. */
export type V3Api = PortListenerApi;

/** WireV3Object is a listener or load balancer object of a v3 answer, by wire name (read tolerantly). */
export type WireV3Object = Readonly<Record<string, unknown>> & { readonly id: string };

/**
 * ElbV3Client calls the dedicated ELB v3 API of one project on the same endpoint, signer and credentials as the
 * classic client (it sends through one). Ref: ../shared/api-docs/huawei-elb-v3-listener.md §1: 201/200/204,
 * bodies wrapped as `{"listener": {...}}` and `{"loadbalancer": {...}}`.
 */
export class ElbV3Client implements V3Api {
  readonly #classic: ElbClient;
  readonly projectId: string;

  constructor(target: Target, options: ElbClientOptions = {}) {
    this.#classic = new ElbClient(target, options);
    this.projectId = target.projectId;
  }

  /** createListener posts a new listener; the 201 answer is the finished listener. */
  async createListener(body: object): Promise<WireV3Object> {
    const op = V3_OPERATIONS.createListener;
    return objectIn(op, "listener", await this.#classic.exchange(op, "POST", V3_PATHS.listeners(this.projectId), body));
  }

  /** getListener reads one listener. */
  async getListener(id: string): Promise<WireV3Object> {
    const op = V3_OPERATIONS.getListener;
    const path = V3_PATHS.listener(this.projectId, encodeURIComponent(id));
    return objectIn(op, "listener", await this.#classic.exchange(op, "GET", path));
  }

  /** listListeners filters the project's listeners by load balancer and port (one page of up to 2000). */
  async listListeners(loadbalancerId: string, protocolPort: number): Promise<WireV3Object[]> {
    const op = V3_OPERATIONS.listListeners;
    const query = `?loadbalancer_id=${encodeURIComponent(loadbalancerId)}&protocol_port=${protocolPort}`;
    const json = await this.#classic.exchange(op, "GET", V3_PATHS.listeners(this.projectId) + query);
    const list = (json as { listeners?: unknown } | null)?.listeners;
    if (!Array.isArray(list)) throw notJson(op);
    return list.filter((l): l is WireV3Object => isObjectWithId(l));
  }

  /** updateListener PUTs the changed fields. */
  async updateListener(id: string, body: object): Promise<WireV3Object> {
    const op = V3_OPERATIONS.updateListener;
    const path = V3_PATHS.listener(this.projectId, encodeURIComponent(id));
    return objectIn(op, "listener", await this.#classic.exchange(op, "PUT", path, body));
  }

  /** deleteListener deletes a listener (204). */
  async deleteListener(id: string): Promise<void> {
    const op = V3_OPERATIONS.deleteListener;
    await this.#classic.exchange(op, "DELETE", V3_PATHS.listener(this.projectId, encodeURIComponent(id)));
  }

  /** getLoadBalancer reads a dedicated load balancer (flavors, provisioning status). */
  async getLoadBalancer(id: string): Promise<WireV3Object> {
    const op = V3_OPERATIONS.getLoadBalancer;
    const path = V3_PATHS.loadBalancer(this.projectId, encodeURIComponent(id));
    return objectIn(op, "loadbalancer", await this.#classic.exchange(op, "GET", path));
  }

  /** toJSON shows where the client points, never its credentials. */
  toJSON(): { baseUrl: string; projectId: string; auth: string } {
    return this.#classic.toJSON();
  }
}

/** WireTag is one tag of the listener tag API. */
export interface WireTag {
  readonly key: string;
  readonly value: string;
}

/**
 * V2Api is what the ElbV2Listener provider needs from a shared ELB client; tests may substitute it. `family` is the
 * route family the client calls (Open Telekom Cloud's `/v2.0/lbaas`, Huawei Cloud's `/v2/{project_id}/elb`).
 */
export interface V2Api extends PortListenerApi {
  readonly family: V2RouteFamily;
  /** getLoadBalancer reads a shared load balancer on the v2 routes (`provisioning_status`). */
  getLoadBalancer(id: string): Promise<WireV3Object>;
  /** getLoadBalancerV3 reads a load balancer on the unified v3 route, whose `guaranteed` tells dedicated from shared. */
  getLoadBalancerV3(id: string): Promise<WireV3Object>;
  /** getListenerV3 reads a shared listener on the unified v3 route (the fields v2 lacks). */
  getListenerV3(id: string): Promise<WireV3Object>;
  /** updateListenerV3 PUTs the fields v2 lacks on the unified v3 route, as both Terraform providers do. */
  updateListenerV3(id: string, body: object): Promise<WireV3Object>;
  listTags(id: string): Promise<WireTag[]>;
  /** tagAction adds (`create`, replacing a key's value) or removes (`delete`) tags in one call (204). */
  tagAction(
    id: string,
    action: (typeof V2_TAG_ACTION)[keyof typeof V2_TAG_ACTION],
    tags: readonly WireTag[],
  ): Promise<void>;
}

/**
 * ElbV2Client calls the shared ELB v2 API of one project on the same endpoint, signer and credentials as the classic
 * client (it sends through one), on one route family. Open Telekom Cloud's `/v2.0/lbaas` paths carry no project: it
 * is sent as `X-Project-Id` (Ref: Open Telekom Cloud "Common Request Headers": "Project ID. This parameter is used to
 * obtain the token for the project."). Ref: ../shared/api-docs/huawei-elb-v2-listener.md §1: 201/200/200/204, bodies
 * wrapped as `{"listener": {...}}`, `{"listeners": [...]}` and `{"loadbalancer": {...}}`.
 */
export class ElbV2Client implements V2Api {
  readonly #classic: ElbClient;
  readonly projectId: string;
  readonly family: V2RouteFamily;

  constructor(target: Target, family: V2RouteFamily, options: ElbClientOptions = {}) {
    this.#classic = new ElbClient(target, options);
    this.projectId = target.projectId;
    this.family = family;
  }

  /** createListener posts a new listener; the 201 answer is the finished listener. */
  async createListener(body: object): Promise<WireV3Object> {
    const op = V2_OPERATIONS[this.family].createListener;
    return objectIn(op, "listener", await this.send(op, "POST", this.listenersPath(), body));
  }

  /** getListener reads one listener. */
  async getListener(id: string): Promise<WireV3Object> {
    const op = V2_OPERATIONS[this.family].getListener;
    return objectIn(op, "listener", await this.send(op, "GET", this.listenerPath(id)));
  }

  /**
   * listListeners filters the listeners by load balancer and port; without `limit` the service answers every match
   * on one page (digest §1.1). The answer's objects name their load balancer in `loadbalancers`, so the filter is
   * applied again here.
   */
  async listListeners(loadbalancerId: string, protocolPort: number): Promise<WireV3Object[]> {
    const op = V2_OPERATIONS[this.family].listListeners;
    const query = `?loadbalancer_id=${encodeURIComponent(loadbalancerId)}&protocol_port=${protocolPort}`;
    const json = await this.send(op, "GET", this.listenersPath() + query);
    const list = (json as { listeners?: unknown } | null)?.listeners;
    if (!Array.isArray(list)) throw notJson(op);
    return list.filter(
      (l): l is WireV3Object =>
        isObjectWithId(l) && l.protocol_port === protocolPort && loadBalancerOf(l) === loadbalancerId,
    );
  }

  /** updateListener PUTs the changed fields. */
  async updateListener(id: string, body: object): Promise<WireV3Object> {
    const op = V2_OPERATIONS[this.family].updateListener;
    return objectIn(op, "listener", await this.send(op, "PUT", this.listenerPath(id), body));
  }

  /** deleteListener deletes a listener (204). */
  async deleteListener(id: string): Promise<void> {
    const op = V2_OPERATIONS[this.family].deleteListener;
    await this.send(op, "DELETE", this.listenerPath(id));
  }

  /** getLoadBalancer reads a shared load balancer (its provisioning status). */
  async getLoadBalancer(id: string): Promise<WireV3Object> {
    const op = V2_OPERATIONS[this.family].getLoadBalancer;
    const enc = encodeURIComponent(id);
    const path =
      this.family === "otc" ? V2_PATHS.otc.loadBalancer(enc) : V2_PATHS.huawei.loadBalancer(this.projectId, enc);
    return objectIn(op, "loadbalancer", await this.send(op, "GET", path));
  }

  /** getLoadBalancerV3 reads the load balancer on the unified v3 route (`guaranteed`). */
  async getLoadBalancerV3(id: string): Promise<WireV3Object> {
    const op = V2_OPERATIONS.getLoadBalancerV3;
    const path = V3_PATHS.loadBalancer(this.projectId, encodeURIComponent(id));
    return objectIn(op, "loadbalancer", await this.#classic.exchange(op, "GET", path));
  }

  /** getListenerV3 reads the shared listener on the unified v3 route. */
  async getListenerV3(id: string): Promise<WireV3Object> {
    const op = V2_OPERATIONS.getListenerV3;
    const path = V3_PATHS.listener(this.projectId, encodeURIComponent(id));
    return objectIn(op, "listener", await this.#classic.exchange(op, "GET", path));
  }

  /** updateListenerV3 PUTs fields v2 lacks on the unified v3 route. */
  async updateListenerV3(id: string, body: object): Promise<WireV3Object> {
    const op = V2_OPERATIONS.updateListenerV3;
    const path = V3_PATHS.listener(this.projectId, encodeURIComponent(id));
    return objectIn(op, "listener", await this.#classic.exchange(op, "PUT", path, body));
  }

  /** listTags reads the listener's tags (`{"tags": [{key, value}]}`). */
  async listTags(id: string): Promise<WireTag[]> {
    const op = V2_OPERATIONS.listTags;
    const json = await this.#classic.exchange(op, "GET", V2_PATHS.tags(this.projectId, encodeURIComponent(id)));
    const tags = (json as { tags?: unknown } | null)?.tags;
    if (!Array.isArray(tags)) throw notJson(op);
    return tags
      .filter(
        (t): t is { key: string; value?: unknown } => t !== null && typeof t === "object" && typeof t.key === "string",
      )
      .map((t) => ({ key: t.key, value: typeof t.value === "string" ? t.value : "" }));
  }

  /** tagAction adds or removes tags in one call. */
  async tagAction(
    id: string,
    action: (typeof V2_TAG_ACTION)[keyof typeof V2_TAG_ACTION],
    tags: readonly WireTag[],
  ): Promise<void> {
    const op = V2_OPERATIONS.tagAction;
    const path = V2_PATHS.tagsAction(this.projectId, encodeURIComponent(id));
    await this.#classic.exchange(op, "POST", path, { action, tags: tags.map((t) => ({ key: t.key, value: t.value })) });
  }

  /** toJSON shows where the client points, never its credentials. */
  toJSON(): { baseUrl: string; projectId: string; auth: string } {
    return this.#classic.toJSON();
  }

  private listenersPath(): string {
    return this.family === "otc" ? V2_PATHS.otc.listeners() : V2_PATHS.huawei.listeners(this.projectId);
  }

  private listenerPath(id: string): string {
    const enc = encodeURIComponent(id);
    return this.family === "otc" ? V2_PATHS.otc.listener(enc) : V2_PATHS.huawei.listener(this.projectId, enc);
  }

  /** send sends on the family's route; Open Telekom Cloud's carry the project as `X-Project-Id`. */
  private send(op: string, method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: object): Promise<unknown> {
    const headers: Record<string, string> = this.family === "otc" ? { [HEADERS.projectId]: this.projectId } : {};
    return this.#classic.exchange(op, method, path, body, headers);
  }
}

/**
 * loadBalancerOf is the load balancer a listener object names: `loadbalancers[0].id` (the documented form), else a
 * top-level `loadbalancer_id`. Ref: digest v2 §4.
 */
export function loadBalancerOf(l: Readonly<Record<string, unknown>>): string | undefined {
  if (typeof l.loadbalancer_id === "string" && l.loadbalancer_id !== "") return l.loadbalancer_id;
  const lbs = Array.isArray(l.loadbalancers) ? (l.loadbalancers as unknown[]) : [];
  const first = lbs[0];
  if (first !== null && typeof first === "object" && typeof (first as { id?: unknown }).id === "string") {
    return (first as { id: string }).id;
  }
  return undefined;
}

/** objectIn is the object under `key` of a v2 or v3 answer; an answer without one is the client's `notJson` error. */
function objectIn(operation: string, key: string, json: unknown): WireV3Object {
  const inner = json !== null && typeof json === "object" ? (json as Record<string, unknown>)[key] : undefined;
  if (!isObjectWithId(inner)) throw notJson(operation);
  return inner;
}

/** notJson is the error of a v2 or v3 answer that is not the JSON document the API defines. */
function notJson(operation: string): ApiError {
  return new ApiError({
    cloud: "huawei",
    action: operation,
    code: NETWORK_CODES.notJson,
    apiMessage: "the answer is not the JSON document the API defines",
  });
}

function isObjectWithId(v: unknown): v is WireV3Object {
  return v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { id?: unknown }).id === "string";
}

/** answerOf is an answer as the recorder keeps it: parsed JSON, or the raw text when it is not JSON. */
function answerOf(text: string): { answer?: unknown; answerText?: string } {
  if (text.trim() === "") return {};
  try {
    return { answer: JSON.parse(text) as unknown };
  } catch {
    return { answerText: text };
  }
}

/** networkError turns a failed exchange (no answer) into an ApiError with a network code and a factual message. */
export function networkError(operation: string, error: unknown, timeoutMs: number): ApiError {
  const code = (error as { code?: unknown } | null)?.code;
  let networkCode: string = NETWORK_CODES.other;
  let message = "the exchange failed before an answer arrived";
  if (code === "ECONNABORTED" || code === "ETIMEDOUT" || code === "ERR_CANCELED") {
    networkCode = NETWORK_CODES.timeout;
    message = `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
  } else if (code === "ECONNRESET" || code === "EPIPE" || code === "ERR_BAD_RESPONSE") {
    networkCode = NETWORK_CODES.reset;
    message = "the connection was closed before an answer arrived";
  } else if (code === "ECONNREFUSED") {
    networkCode = NETWORK_CODES.refused;
    message = "the connection was refused";
  } else if (code === "ENOTFOUND") {
    networkCode = NETWORK_CODES.unresolvable;
    message = "the endpoint's host name does not resolve: check the region, huaweicloud:cloud or HW_ELB_ENDPOINT";
  } else if (code === "EAI_AGAIN") {
    message = "the endpoint's host name could not be resolved";
  }
  return new ApiError({ cloud: "huawei", action: operation, code: networkCode, apiMessage: message });
}
