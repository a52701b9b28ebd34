/**
 * The SLB client: `@alicloud/pop-core`'s RPCClient (API 2014-05-15, POST form, signed HMAC-SHA1) behind one method,
 * `call(action, params)`. Every failure becomes an ApiError built from facts only (action, code, HTTP status, the
 * service's message, request id): pop-core's own errors carry the signed URL, so their messages are never reused.
 */
import type RPCClient from "@alicloud/pop-core";
import { ApiError, redact } from "../core/errors";
import { now, recordCall, recording } from "../core/recorder";
import type { Credentials } from "./config";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "./config";
import { API_VERSION, NETWORK_CODES } from "./constants";

/** Params are the request parameters of one action, by wire name. */
export type Params = Readonly<Record<string, string | number | undefined>>;

/** ResponseBody is a decoded JSON answer. */
export type ResponseBody = Readonly<Record<string, unknown>>;

/** SlbClientOptions configure one client. */
interface SlbClientOptions extends Credentials {
  /** Base URL, e.g. `https://slb.aliyuncs.com` or `http://127.0.0.1:8080`. */
  readonly endpoint: string;
  /** Connect and read timeout of one request in milliseconds. @default 15000 */
  readonly timeoutMs?: number;
}

/** SlbApi is what the provider needs from a client; tests may substitute it. */
export interface SlbApi {
  call(action: string, params: Params): Promise<ResponseBody>;
}

interface PopError {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly data?: unknown;
  readonly entry?: { readonly response?: { readonly statusCode?: unknown } | null };
  readonly text?: unknown;
}

const NETWORK_ERRNOS = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]);

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * toApiError turns whatever pop-core (or the socket under it) threw into an ApiError. It reads the service's Code,
 * Message and RequestId from the JSON body and the status from the HTTP exchange, and nothing else: the URL, the
 * signature and pop-core's composed message are dropped. `secrets` are redacted from the service's message.
 */
export function toApiError(action: string, error: unknown, secrets: readonly (string | undefined)[]): ApiError {
  const e = (error ?? {}) as PopError;
  const data = e.data !== null && typeof e.data === "object" ? (e.data as Record<string, unknown>) : undefined;
  const status = typeof e.entry?.response?.statusCode === "number" ? e.entry.response.statusCode : undefined;
  if (data && str(data.Code)) {
    return new ApiError({
      cloud: "aliyun",
      action,
      code: String(data.Code),
      status,
      apiMessage: redact(str(data.Message) ?? "(no message)", secrets),
      requestId: str(data.RequestId),
    });
  }
  const errno = str(e.code);
  if (errno === "ENOTFOUND") {
    return network(
      action,
      errno,
      "the endpoint's host name does not resolve: check the region or ALICLOUD_SLB_ENDPOINT",
    );
  }
  if (errno && NETWORK_ERRNOS.has(errno)) {
    return network(action, errno === "EPIPE" ? NETWORK_CODES.reset : errno, "the connection failed before an answer");
  }
  if (e.name === "RequestTimeoutError") {
    return network(action, NETWORK_CODES.timeout, "no answer within the request timeout");
  }
  if (e.name === "SyntaxError") {
    return network(action, NETWORK_CODES.invalidResponse, "the answer was not JSON (an HTML error page from a proxy?)");
  }
  return network(action, NETWORK_CODES.network, "the request failed without an answer from the service");
}

function network(action: string, code: string, message: string): ApiError {
  return new ApiError({ cloud: "aliyun", action, code, apiMessage: message });
}

/**
 * recordedError is a failed call as the recorder keeps it: the service's JSON body and status when one came (pop-core
 * throws on an error Code), else the network code the call failed with. pop-core does not keep the text of an answer
 * it could not parse, so such an answer is recorded by its failure code alone.
 */
function recordedError(
  action: string,
  params: Readonly<Record<string, string | number>>,
  error: unknown,
  failed: ApiError,
) {
  const e = (error ?? {}) as PopError;
  const status = typeof e.entry?.response?.statusCode === "number" ? e.entry.response.statusCode : undefined;
  const base = { cloud: "aliyun" as const, action, params };
  return e.data !== null && typeof e.data === "object"
    ? { ...base, status, answer: e.data }
    : { ...base, ...(status === undefined ? {} : { status }), failure: failed.code };
}

/** httpStatusError is the ApiError of an HTTP error answer whose JSON body carries no Code. */
function httpStatusError(action: string, status: number, body: ResponseBody): ApiError {
  return new ApiError({
    cloud: "aliyun",
    action,
    code: `HTTP${status}`,
    status,
    apiMessage: "the service answered an HTTP error without an error code",
    requestId: str(body.RequestId),
  });
}

/**
 * SlbClient calls SLB actions through pop-core and normalises every failure into an ApiError. Everything that holds
 * the credentials is #private (not TypeScript `private`, which JSON and util.inspect show): the secrets kept for
 * redaction and pop-core's RPCClient, which keeps its own copy of the access key secret and token in public fields.
 */
export class SlbClient implements SlbApi {
  readonly endpoint: string;
  readonly #rpc: RPCClient;
  readonly #timeoutMs: number;
  readonly #secrets: readonly (string | undefined)[];
  readonly #auth: "aksk" | "sts";

  constructor(options: SlbClientOptions) {
    this.endpoint = options.endpoint;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.#secrets = [options.accessKeySecret, options.securityToken];
    this.#auth = options.securityToken ? "sts" : "aksk";
    // The second argument (verbose) makes pop-core return the HTTP exchange with the body, so a 5xx whose JSON body
    // has no Code is still seen as an error. It is untyped in pop-core's .d.ts.
    // pop-core is required when the first client is built, not when this module loads: check and diff (all a
    // preview runs) never need it, and loading it would slow the host's first check.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ctor = require("@alicloud/pop-core") as new (config: RPCClient.Config, verbose: boolean) => RPCClient;
    this.#rpc = new Ctor(
      {
        endpoint: options.endpoint,
        apiVersion: API_VERSION,
        accessKeyId: options.accessKeyId,
        accessKeySecret: options.accessKeySecret,
        securityToken: options.securityToken,
      },
      true,
    );
  }

  /** toJSON shows where the client points and how it signs, never its credentials. */
  toJSON(): { endpoint: string; auth: "aksk" | "sts" } {
    return { endpoint: this.endpoint, auth: this.#auth };
  }

  /** call sends one action with its parameters (undefined ones are left out) and returns the JSON answer. */
  async call(action: string, params: Params): Promise<ResponseBody> {
    const clean: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(params)) if (value !== undefined) clean[key] = value;
    let result: unknown;
    const startedAt = now();
    try {
      result = await this.#rpc.request(action, clean, {
        method: "POST",
        formatParams: false,
        timeout: this.#timeoutMs,
      });
    } catch (error) {
      const failed = toApiError(action, error, this.#secrets);
      if (recording())
        recordCall({ ...recordedError(action, clean, error, failed), startedAt, elapsedMs: now() - startedAt });
      throw failed;
    }
    const [body, entry] = result as [ResponseBody, { response?: { statusCode?: number } }];
    const status = entry?.response?.statusCode;
    if (recording()) {
      recordCall({
        cloud: "aliyun",
        action,
        params: clean,
        status,
        answer: body,
        startedAt,
        elapsedMs: now() - startedAt,
      });
    }
    if (typeof status === "number" && status >= 400) throw httpStatusError(action, status, body ?? {});
    return body ?? {};
  }
}
