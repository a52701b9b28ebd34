/**
 * The shared ELB (v2) emulator's routing and thin handlers: matchV2Route names a v2 request's route (the fault-plan
 * target and call-counter key, e.g. `POST /v2.0/lbaas/listeners` or `POST /v2/listeners`) and its route family; each
 * handler parses its route's parameters and body, calls the state, and renders the service's answer in the family's
 * form. Business rules live in the state and the rules.
 * Ref: ../shared/api-docs/huawei-elb-v2-listener.md §1 (routes, 201/200/200/204/200, `{"listener": ...}` bodies
 * without `request_id`, the tag API), §5 (GET of a load balancer).
 */
import type { Reply } from "../../http";
import { V2_ROUTES, V3_ROUTES } from "../constants";
import { renderTagError, renderV2Error, renderV2Fault, TagError, V2_ERRORS, V2Error, type V2Family } from "./errors";
import type { V2State } from "./state";
import { renderSharedAsV3, renderSharedListenerV3, renderSharedLoadBalancer, renderV2Listener } from "./state";

/** V2RequestContext is what the router hands a v2 handler. */
interface V2RequestContext {
  readonly state: V2State;
  /** The listener or load balancer id of the path, when the route has one. */
  readonly id?: string;
  /** The tag key of `DELETE …/tags/{key}`. */
  readonly key?: string;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly requestId: string;
  /** The request's URL without its query (the base of `listeners_links`). */
  readonly self: string;
}

/** V2Handler answers one v2 route. */
type V2Handler = (ctx: V2RequestContext) => Reply;

/**
 * V2RouteMatch is a v2 request's route name, path project (absent on `/v2.0/lbaas`, whose project comes from the
 * token), and path ids.
 */
interface V2RouteMatch {
  readonly route: string;
  readonly projectId?: string;
  /** True on the routes whose project is the token's (or `X-Project-Id`'s), not the path's. */
  readonly projectFromToken: boolean;
  readonly id?: string;
  readonly key?: string;
}

const OTC_PATH = /^\/v2\.0\/lbaas\/(listeners|loadbalancers)(?:\/([^/]+))?\/?$/;
const HW_PATH = /^\/v2\/([^/]+)\/elb\/(listeners|loadbalancers)(?:\/([^/]+))?\/?$/;
const TAG_PATH = /^\/v2\.0\/([^/]+)\/listeners\/([^/]+)\/tags(?:\/([^/]+))?\/?$/;

function decoded(segment: string | undefined): string | undefined | null {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** matchV2Route names the v2 route of a method and path, or undefined when no v2 route serves it. */
export function matchV2Route(method: string, pathname: string): V2RouteMatch | undefined {
  let found: { route: string; projectId?: string; id?: string; key?: string } | undefined;
  const otc = OTC_PATH.exec(pathname);
  const hw = HW_PATH.exec(pathname);
  const tag = TAG_PATH.exec(pathname);
  if (otc) found = { route: `${method} /v2.0/lbaas/${otc[1]}${otc[2] === undefined ? "" : "/{id}"}`, id: otc[2] };
  else if (hw) {
    found = { route: `${method} /v2/${hw[2]}${hw[3] === undefined ? "" : "/{id}"}`, projectId: hw[1], id: hw[3] };
  } else if (tag) {
    const [, projectId, id, rest] = tag;
    const action = rest === "action" && method === "POST";
    const route = `${method} /v2.0/listeners/{id}/tags${action ? "/action" : rest === undefined ? "" : "/{key}"}`;
    found = { route, projectId, id, key: action ? undefined : rest };
  }
  if (!found || !(found.route in V2_HANDLERS)) return undefined;
  const id = decoded(found.id);
  const key = decoded(found.key);
  if (id === null || key === null) return undefined;
  return { route: found.route, projectId: found.projectId, projectFromToken: otc !== null, id, key };
}

/** isV2Route tells a route name served by the v2 handlers. */
export function isV2Route(route: string): boolean {
  return route in V2_HANDLERS;
}

/** familyOf is a v2 route's family: `/v2.0/lbaas` is Open Telekom Cloud's, the rest (tags included) Huawei's form. */
function familyOf(route: string): V2Family {
  return route.includes(" /v2.0/lbaas/") ? "otc" : "huawei";
}

function json(status: number, value: unknown, requestId: string): Reply {
  return {
    status,
    headers: { "content-type": "application/json", "x-request-id": requestId },
    body: JSON.stringify(value),
  };
}

const noContent = (requestId: string): Reply => ({ status: 204, headers: { "x-request-id": requestId }, body: "" });

/** parseJson reads a request body; an empty or malformed one is read as no body (Assumed: the ELB.0002 answer). */
function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** guarded renders the service's error, in the route family's form, when a state call refuses the request. */
function guarded(family: V2Family, handler: V2Handler): V2Handler {
  return (ctx) => {
    try {
      return handler(ctx);
    } catch (error) {
      if (error instanceof V2Error) return renderV2Error(error, family, ctx.requestId);
      if (error instanceof TagError) return renderTagError(error, ctx.requestId);
      return renderV2Error(V2_ERRORS.internal(), family, ctx.requestId);
    }
  };
}

/** listenerHandlers are the five listener routes and the load balancer GET of one family. */
function listenerHandlers(family: V2Family): Record<string, V2Handler> {
  const render = (ctx: V2RequestContext, id: string, creating = false): unknown => ({
    listener: renderV2Listener(
      ctx.state.getListener(id),
      family,
      ctx.state.projectId,
      ctx.state.options.documentedForms ? (creating ? "create" : "read") : undefined,
    ),
  });
  const otc = family === "otc";
  return {
    // Ref: §1: 201 on create; Open Telekom Cloud clients accept only 201/202 [G].
    [otc ? V2_ROUTES.otcCreateListener : V2_ROUTES.hwCreateListener]: guarded(family, (ctx) =>
      json(201, render(ctx, ctx.state.createListener(parseJson(ctx.body), family).id, true), ctx.requestId),
    ),
    [otc ? V2_ROUTES.otcGetListener : V2_ROUTES.hwGetListener]: guarded(family, (ctx) =>
      json(200, render(ctx, ctx.id!), ctx.requestId),
    ),
    [otc ? V2_ROUTES.otcListListeners : V2_ROUTES.hwListListeners]: guarded(family, (ctx) =>
      json(200, ctx.state.listListeners(ctx.query, family, ctx.self), ctx.requestId),
    ),
    [otc ? V2_ROUTES.otcUpdateListener : V2_ROUTES.hwUpdateListener]: guarded(family, (ctx) =>
      json(200, render(ctx, ctx.state.updateListener(ctx.id!, parseJson(ctx.body), family).id), ctx.requestId),
    ),
    [otc ? V2_ROUTES.otcDeleteListener : V2_ROUTES.hwDeleteListener]: guarded(family, (ctx) => {
      ctx.state.deleteListener(ctx.id!);
      return noContent(ctx.requestId);
    }),
    [otc ? V2_ROUTES.otcGetLoadBalancer : V2_ROUTES.hwGetLoadBalancer]: guarded(family, (ctx) =>
      json(
        200,
        { loadbalancer: renderSharedLoadBalancer(ctx.state.getLoadBalancer(ctx.id!), ctx.state, family) },
        ctx.requestId,
      ),
    ),
  };
}

/** V2_HANDLERS maps each v2 route name (see V2_ROUTES) to its handler. */
export const V2_HANDLERS: Readonly<Record<string, V2Handler>> = {
  ...listenerHandlers("otc"),
  ...listenerHandlers("huawei"),
  // Ref: §1 tag API: action 204, list 200 `{"tags": [...]}`, add 204, delete 204.
  [V2_ROUTES.tagAction]: guarded("huawei", (ctx) => {
    ctx.state.tagAction(ctx.id!, parseJson(ctx.body));
    return noContent(ctx.requestId);
  }),
  [V2_ROUTES.listTags]: guarded("huawei", (ctx) => json(200, { tags: ctx.state.listTags(ctx.id!) }, ctx.requestId)),
  [V2_ROUTES.addTag]: guarded("huawei", (ctx) => {
    ctx.state.addTag(ctx.id!, parseJson(ctx.body));
    return noContent(ctx.requestId);
  }),
  [V2_ROUTES.deleteTag]: guarded("huawei", (ctx) => {
    ctx.state.deleteTag(ctx.id!, ctx.key!);
    return noContent(ctx.requestId);
  }),
};

/** renderV2RouteFault answers a fault rule of kind `error` on a v2 route in its family's form. */
export function renderV2RouteFault(
  route: string,
  code: string | undefined,
  status: number | undefined,
  message: string | undefined,
): Reply {
  return renderV2Fault(familyOf(route), code, status, message);
}

/**
 * sharedV3Handler is the handler of a v3 request that names a shared object, as the unified v3 API serves both kinds:
 * `GET /v3/{project_id}/elb/loadbalancers/{id}` of a shared load balancer (`guaranteed: false`, §9), and `GET`/`PUT
 * /v3/{project_id}/elb/listeners/{id}` of a shared listener (what both Terraform providers call for the fields the v2
 * body lacks, §1). Its errors are in the v3 body. Undefined when the v3 state answers the request itself.
 */
export function sharedV3Handler(
  route: string,
  id: string | undefined,
  state: V2State,
  ipGroups: ReadonlySet<string>,
): V2Handler | undefined {
  if (id === undefined) return undefined;
  if (route === V3_ROUTES.getLoadBalancer && state.loadBalancers.has(id)) {
    return (ctx) =>
      json(
        200,
        { loadbalancer: renderSharedAsV3(state.getLoadBalancer(id), state), request_id: ctx.requestId },
        ctx.requestId,
      );
  }
  if (!state.listeners.has(id)) return undefined;
  const answer = (ctx: V2RequestContext, listener: Parameters<typeof renderSharedListenerV3>[0]): Reply =>
    json(
      200,
      { listener: renderSharedListenerV3(listener, state.projectId), request_id: ctx.requestId },
      ctx.requestId,
    );
  if (route === V3_ROUTES.getListener) return guarded("huawei", (ctx) => answer(ctx, state.getListener(id)));
  if (route === V3_ROUTES.updateListener) {
    return guarded("huawei", (ctx) => answer(ctx, state.updateThroughV3(id, parseJson(ctx.body), ipGroups)));
  }
  return undefined;
}
