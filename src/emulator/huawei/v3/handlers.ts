/**
 * The dedicated ELB v3 emulator's routing and thin handlers: matchV3Route names a v3 request's route (the fault-plan
 * target and call-counter key, e.g. `POST /v3/listeners`); each handler parses its route's parameters and body,
 * calls the state, and renders the service's answer. Business rules live in the state and the rules.
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md §1 (routes, 201/200/204, `{"listener": ...}` bodies).
 */
import type { Reply } from "../../http";
import { V3_ROUTES } from "../constants";
import { V3_ERRORS, V3Error, renderV3Error } from "./errors";
import type { V3State } from "./state";
import { renderDedicatedLoadBalancer, renderV3Certificate, renderV3Listener } from "./state";

/** V3RequestContext is what the router hands a v3 handler. */
interface V3RequestContext {
  readonly state: V3State;
  /** The id segment of the path, when the route has one. */
  readonly id?: string;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly requestId: string;
}

/** V3Handler answers one v3 route. */
type V3Handler = (ctx: V3RequestContext) => Reply;

/** V3RouteMatch is a v3 request's route name, project and id segment. */
interface V3RouteMatch {
  readonly route: string;
  readonly projectId: string;
  readonly id?: string;
}

const V3_PATH = /^\/v3\/([^/]+)\/elb\/(listeners|loadbalancers|certificates)(?:\/([^/]+)(\/force)?)?\/?$/;

/** matchV3Route names the v3 route of a method and path, or undefined when no v3 route serves it. */
export function matchV3Route(method: string, pathname: string): V3RouteMatch | undefined {
  const m = V3_PATH.exec(pathname);
  if (!m) return undefined;
  const [, projectId, collection, id, force] = m;
  const route = `${method} /v3/${collection}${id === undefined ? "" : "/{id}"}${force ?? ""}`;
  if (!(route in V3_HANDLERS)) return undefined;
  let decoded: string | undefined;
  try {
    decoded = id === undefined ? undefined : decodeURIComponent(id);
  } catch {
    return undefined;
  }
  return { route, projectId, id: decoded };
}

/** isV3Route tells a route name served by the v3 handlers. */
export function isV3Route(route: string): boolean {
  return route in V3_HANDLERS;
}

function json(status: number, value: unknown, requestId: string): Reply {
  return {
    status,
    headers: { "content-type": "application/json", "x-request-id": requestId },
    body: JSON.stringify(value),
  };
}

/** parseJson reads a request body; an empty or malformed one is ELB.8902 on `listener` (Assumed wording). */
function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw V3_ERRORS.invalidInput("listener");
  }
}

/** guarded renders the service's error when a handler's state call refuses the request. */
function guarded(handler: V3Handler): V3Handler {
  return (ctx) => {
    try {
      return handler(ctx);
    } catch (error) {
      if (error instanceof V3Error) return renderV3Error(error, ctx.requestId);
      return renderV3Error(V3_ERRORS.internal(), ctx.requestId);
    }
  };
}

const noContent = (requestId: string): Reply => ({ status: 204, headers: { "x-request-id": requestId }, body: "" });

/** V3_HANDLERS maps each v3 route name (see V3_ROUTES) to its handler. */
export const V3_HANDLERS: Readonly<Record<string, V3Handler>> = {
  [V3_ROUTES.createListener]: guarded((ctx) => {
    const listener = ctx.state.createListener(parseJson(ctx.body));
    return json(
      201,
      { listener: renderV3Listener(listener, ctx.state.projectId), request_id: ctx.requestId },
      ctx.requestId,
    );
  }),
  [V3_ROUTES.getListener]: guarded((ctx) =>
    json(
      200,
      { listener: renderV3Listener(ctx.state.getListener(ctx.id!), ctx.state.projectId), request_id: ctx.requestId },
      ctx.requestId,
    ),
  ),
  [V3_ROUTES.listListeners]: guarded((ctx) =>
    json(200, { ...ctx.state.listListeners(ctx.query), request_id: ctx.requestId }, ctx.requestId),
  ),
  [V3_ROUTES.updateListener]: guarded((ctx) => {
    const listener = ctx.state.updateListener(ctx.id!, parseJson(ctx.body));
    return json(
      200,
      { listener: renderV3Listener(listener, ctx.state.projectId), request_id: ctx.requestId },
      ctx.requestId,
    );
  }),
  [V3_ROUTES.deleteListener]: guarded((ctx) => {
    ctx.state.deleteListener(ctx.id!);
    return noContent(ctx.requestId);
  }),
  [V3_ROUTES.forceDeleteListener]: guarded((ctx) => {
    ctx.state.deleteListener(ctx.id!, true);
    return noContent(ctx.requestId);
  }),
  [V3_ROUTES.getLoadBalancer]: guarded((ctx) =>
    json(
      200,
      {
        loadbalancer: renderDedicatedLoadBalancer(ctx.state.getLoadBalancer(ctx.id!), ctx.state),
        request_id: ctx.requestId,
      },
      ctx.requestId,
    ),
  ),
  [V3_ROUTES.getCertificate]: guarded((ctx) =>
    json(
      200,
      {
        certificate: renderV3Certificate(ctx.state.getCertificate(ctx.id!), ctx.state.projectId),
        request_id: ctx.requestId,
      },
      ctx.requestId,
    ),
  ),
};
