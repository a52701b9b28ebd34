/**
 * The SLB emulator's router: reads an RPC request as `@alicloud/pop-core` sends it (GET query or POST form), counts
 * it, applies the fault plan, latency, the access key and HMAC-SHA1 signature check and the requests-per-second
 * limit, then dispatches to the action's handler and writes its Reply.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultPlan, FaultRule } from "../faults";
import { sendWithFault } from "../faults";
import { readBody, TrafficShaper, type Reply, type TrafficOptions } from "../http";
import { errorFor, newRequestId, renderError, SLB_ERRORS, SlbError } from "./errors";
import type { RequestParams } from "./handlers";
import { DOMAIN_EXTENSION_HANDLERS } from "./domainExtensionHandlers";
import { FAMILY_HANDLERS } from "./familyHandlers";
import { HANDLERS } from "./handlers";
import { RULE_HANDLERS } from "./ruleHandlers";
import type { SlbState } from "./state";

/** RouterOptions are the knobs of one emulator instance. */
/** RouterOptions configure a router; the latency, rate and clock knobs come from TrafficOptions. */
interface RouterOptions extends TrafficOptions {
  readonly state: SlbState;
  readonly faults: FaultPlan;
  readonly calls: Map<string, number>;
  /** Access key pairs the emulator accepts, by key id. */
  readonly keys: ReadonlyMap<string, string>;
}

/** percentEncode is the RPC signature's encoding: RFC 3986, as pop-core's `encode`. */
function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** canonicalQuery is the sorted, encoded `key=value&...` of every parameter except Signature. */
function canonicalQuery(params: RequestParams): string {
  return Object.keys(params)
    .filter((key) => key !== "Signature")
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join("&");
}

/** stringToSign is `METHOD&%2F&encode(canonicalQuery)`. */
export function stringToSign(method: string, params: RequestParams): string {
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalQuery(params))}`;
}

/** sign is the base64 HMAC-SHA1 of the string to sign with key `secret&`. */
export function sign(method: string, params: RequestParams, secret: string): string {
  return createHmac("sha1", `${secret}&`).update(stringToSign(method, params)).digest("base64");
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** authenticate checks the access key and the signature; it throws the service's error when they fail. */
function authenticate(method: string, params: RequestParams, keys: ReadonlyMap<string, string>): void {
  const keyId = params.AccessKeyId;
  if (!keyId) throw SLB_ERRORS.missingParameter("AccessKeyId");
  const secret = keys.get(keyId);
  if (secret === undefined) throw SLB_ERRORS.accessKeyNotFound();
  const signature = params.Signature;
  if (!signature) throw SLB_ERRORS.missingParameter("Signature");
  if (!sameText(sign(method, params, secret), signature)) throw SLB_ERRORS.signatureDoesNotMatch();
}

function toParams(search: URLSearchParams, into: Record<string, string>): void {
  for (const [key, value] of search) into[key] = value;
}

/** readParams collects a request's parameters from the query string and, for a form POST, the body. */
async function readParams(req: IncomingMessage): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  toParams(new URL(req.url ?? "/", "http://emulator").searchParams, params);
  const body = (await readBody(req)).toString("utf8");
  if (body.length > 0 && (req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) {
    toParams(new URLSearchParams(body), params);
  }
  return params;
}

/** Router handles every request of one emulator instance. */
export class Router extends TrafficShaper<RouterOptions> {
  /** answer runs the checks and the handler for one request (no fault) and returns its Reply. */
  async answer(method: string, params: RequestParams): Promise<Reply> {
    const requestId = newRequestId();
    try {
      await this.delay();
      const action = params.Action;
      if (!action) throw SLB_ERRORS.missingParameter("Action");
      authenticate(method, params, this.options.keys);
      if (this.throttled()) throw SLB_ERRORS.throttlingUser();
      const handler =
        HANDLERS[action] ?? FAMILY_HANDLERS[action] ?? DOMAIN_EXTENSION_HANDLERS[action] ?? RULE_HANDLERS[action];
      if (!handler) throw SLB_ERRORS.invalidAction(action);
      return handler(this.options.state, params, requestId);
    } catch (error) {
      if (error instanceof SlbError) return renderError(error, requestId);
      return renderError(SLB_ERRORS.internalError(), requestId);
    }
  }

  /** handle is the HTTP request listener. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let params: Record<string, string>;
    try {
      params = await readParams(req);
    } catch {
      res.destroy();
      return;
    }
    const action = params.Action ?? "(none)";
    this.options.calls.set(action, (this.options.calls.get(action) ?? 0) + 1);
    const method = (req.method ?? "GET").toUpperCase();
    const rule = this.options.faults.next(action);
    await sendWithFault(
      rule,
      req,
      res,
      () => this.answer(method, params),
      (r: FaultRule) => renderError(errorFor(r.code ?? "InternalError", r.status, r.message)),
    );
  }
}
