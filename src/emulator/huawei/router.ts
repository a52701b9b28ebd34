/**
 * The ELB emulator's router: reads a request, names its route and counts it at arrival, then plays the API gateway
 * (SDK-HMAC-SHA256 signature and 15-minute X-Sdk-Date window, or an IAM token; project check; requests-per-second
 * throttling), then the fault plan and latency, and finally the route's handler.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultPlan, FaultRule } from "../faults";
import { sendWithFault } from "../faults";
import { readBody, TrafficShaper, writeReply, type Reply, type TrafficOptions } from "../http";
import { HEADER_PROJECT_ID, HEADERS, SIGNING } from "./constants";
import { GATEWAY_ERRORS, GatewayError, newRequestId, renderFault, renderGatewayError } from "./errors";
import { HANDLERS } from "./handlers";
import {
  canonicalRequest,
  hmacSignature,
  parseAuthorization,
  parseSdkDate,
  queryOf,
  sha256Hex,
  stringToSign,
} from "./signature";
import type { ElbState } from "./state";
import { isV2Route, matchV2Route, renderV2RouteFault, sharedV3Handler, V2_HANDLERS, type V2State } from "./v2";
import { isV3Route, matchV3Route, renderV3Fault, V3_HANDLERS, type V3State } from "./v3";

/** RouterOptions are the knobs of one emulator instance. */
/** RouterOptions configure a router; the latency, rate and clock knobs come from TrafficOptions. */
interface RouterOptions extends TrafficOptions {
  readonly state: ElbState;
  /** The dedicated ELB v3 state, served on the same endpoint (`/v3/{project_id}/elb/...`). */
  readonly v3: V3State;
  /** The shared ELB v2 state, served on the same endpoint (`/v2.0/lbaas/...`, `/v2/{project_id}/elb/...`). */
  readonly v2: V2State;
  readonly faults: FaultPlan;
  readonly calls: Map<string, number>;
  /** AK/SK pairs the gateway accepts, by access key. */
  readonly keys: ReadonlyMap<string, string>;
  /** IAM tokens the gateway accepts in `X-Auth-Token`. */
  readonly tokens: ReadonlySet<string>;
}

/** RouteMatch is a request's route name (fault target and counter key) and its id segment. */
interface RouteMatch {
  readonly route: string;
  readonly projectId?: string;
  /** True on the routes whose project is the token's (`/v2.0/lbaas`), not the path's. */
  readonly projectFromToken?: boolean;
  readonly id?: string;
  /** The tag key of the v2 tag API's `DELETE …/tags/{key}`. */
  readonly key?: string;
}

const PATH = /^\/v1\.0\/([^/]+)\/elbaas\/(listeners|loadbalancers|certificate)(?:\/([^/]+))?\/?$/;

/**
 * matchRoute names the route of a method and path (v1.0 `POST /listeners`, v3 `POST /v3/listeners`, v2
 * `POST /v2.0/lbaas/listeners` or `POST /v2/listeners`), or `UNKNOWN <method>` when the API has none.
 */
function matchRoute(method: string, pathname: string): RouteMatch {
  const m = PATH.exec(pathname);
  if (!m) return matchV3Route(method, pathname) ?? matchV2Route(method, pathname) ?? { route: `UNKNOWN ${method}` };
  const [, projectId, collection, id] = m;
  const route = `${method} /${collection}${id === undefined ? "" : "/{id}"}`;
  if (!(route in HANDLERS)) return { route: `UNKNOWN ${method}` };
  return { route, projectId, id: id === undefined ? undefined : decodeURIComponent(id) };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * authenticate plays the gateway's IAM check: a known token, or an SDK-HMAC-SHA256 signature by a known access key,
 * recomputed from the request as received, with an X-Sdk-Date within 15 minutes of the emulator's clock.
 */
function authenticate(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  options: Pick<RouterOptions, "keys" | "tokens" | "now">,
): void {
  const token = header(req, HEADERS.authToken);
  if (token !== undefined) {
    if (![...options.tokens].some((t) => sameText(t, token))) throw GATEWAY_ERRORS.tokenInvalid();
    return;
  }
  const authorization = header(req, HEADERS.authorization);
  if (authorization === undefined) throw GATEWAY_ERRORS.missingAuthorization();
  const parsed = parseAuthorization(authorization);
  if (!parsed) throw GATEWAY_ERRORS.signatureFailed();
  const secret = options.keys.get(parsed.accessKey);
  if (secret === undefined) throw GATEWAY_ERRORS.unknownAccessKey();
  const sdkDate = header(req, HEADERS.sdkDate);
  const signedAt = sdkDate === undefined ? undefined : parseSdkDate(sdkDate);
  const now = (options.now ?? Date.now)();
  if (signedAt === undefined || Math.abs(now - signedAt) > SIGNING.maxClockSkewMs) throw GATEWAY_ERRORS.dateInvalid();
  // Assumed: the gateway refuses a signature that leaves out host or x-sdk-date; the guide's signers always sign
  // both, and no source shows the answer to one that does not.
  if (!parsed.signedHeaders.includes("host") || !parsed.signedHeaders.includes("x-sdk-date")) {
    throw GATEWAY_ERRORS.signatureFailed();
  }
  // No prototype, so that a signed header name such as `__proto__` is stored like any other.
  const headers: Record<string, string> = Object.create(null);
  for (const name of parsed.signedHeaders) headers[name] = header(req, name) ?? "";
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw GATEWAY_ERRORS.signatureFailed();
  }
  const canonical = canonicalRequest({
    method: req.method ?? "GET",
    path,
    query: queryOf(url.searchParams),
    headers,
    payloadHash: sha256Hex(body),
  });
  const expected = hmacSignature(secret, stringToSign(sdkDate!, canonical));
  if (!sameText(expected, parsed.signature)) throw GATEWAY_ERRORS.signatureFailed();
}

/** Router handles every request of one emulator instance. */
export class Router extends TrafficShaper<RouterOptions> {
  /** gateway runs the gateway's checks and returns its error reply, or undefined when the request may pass. */
  gateway(req: IncomingMessage, url: URL, body: Buffer, match: RouteMatch, requestId: string): Reply | undefined {
    try {
      const projectId = match.projectFromToken ? this.tokenProject(req) : match.projectId;
      if (projectId === undefined) throw GATEWAY_ERRORS.apiNotFound();
      authenticate(req, url, body, this.options);
      if (projectId !== this.options.state.projectId) throw GATEWAY_ERRORS.forbidden();
      if (this.throttled()) throw GATEWAY_ERRORS.throttled(this.options.requestsPerSecond);
      return undefined;
    } catch (error) {
      if (error instanceof GatewayError) return renderGatewayError(error, requestId);
      throw error;
    }
  }

  /**
   * tokenProject is the project of a request whose path has none: the `X-Project-Id` an AK/SK-signed request names, else
   * the emulator's one project (every accepted token is scoped to it). Assumed: a signed request without the header
   * acts in the key's default project, which is the emulator's.
   */
  private tokenProject(req: IncomingMessage): string {
    return header(req, HEADER_PROJECT_ID) ?? this.options.state.projectId;
  }

  /** handle is the HTTP request listener. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://emulator");
    const match = matchRoute(method, url.pathname);
    this.options.calls.set(match.route, (this.options.calls.get(match.route) ?? 0) + 1);
    const requestId = newRequestId();
    const refused = this.gateway(req, url, body, match, requestId);
    if (refused) {
      writeReply(res, refused);
      return;
    }
    const v3 = isV3Route(match.route);
    const v2 = isV2Route(match.route);
    // A v3 request naming a shared load balancer or listener is answered from the v2 state (the unified v3 API).
    const shared = v3
      ? sharedV3Handler(match.route, match.id, this.options.v2, new Set(this.options.v3.ipGroups.keys()))
      : undefined;
    await sendWithFault(
      this.options.faults.next(match.route),
      req,
      res,
      async () => {
        await this.delay();
        const ctx = { id: match.id, query: url.searchParams, body: body.toString("utf8"), requestId };
        if (v2 || shared) {
          const self = `http://${header(req, "host") ?? "127.0.0.1"}${url.pathname}`;
          const handler = shared ?? V2_HANDLERS[match.route];
          return handler({ ...ctx, key: match.key, self, state: this.options.v2 });
        }
        return v3
          ? V3_HANDLERS[match.route]({ ...ctx, state: this.options.v3 })
          : HANDLERS[match.route]({ ...ctx, state: this.options.state });
      },
      (rule: FaultRule) =>
        v2
          ? renderV2RouteFault(match.route, rule.code, rule.status, rule.message)
          : (v3 ? renderV3Fault : renderFault)(rule.code, rule.status, rule.message),
    );
  }
}
