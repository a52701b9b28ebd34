/**
 * The ELB emulator's thin handlers: each parses its route's parameters and body, calls the state, and renders the
 * service's answer as a Reply (status, headers, body). Business rules live in the state.
 */
import type { Reply } from "../http";
import { ROUTES } from "./constants";
import { ELB_ERRORS, ElbError, renderElbError } from "./errors";
import type { ElbState } from "./state";
import { renderListener, renderLoadBalancer } from "./state";

/** RequestContext is what the router hands a handler. */
interface RequestContext {
  readonly state: ElbState;
  /** The id segment of the path (listener or load balancer), when the route has one. */
  readonly id?: string;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly requestId: string;
}

/** Handler answers one route. */
type Handler = (ctx: RequestContext) => Reply;

function json(status: number, value: unknown, requestId: string): Reply {
  return {
    status,
    headers: { "content-type": "application/json", "x-request-id": requestId },
    body: JSON.stringify(value),
  };
}

function parseBody(body: string): unknown {
  if (body.trim() === "") throw ELB_ERRORS.emptyRequest();
  try {
    return JSON.parse(body);
  } catch {
    throw ELB_ERRORS.emptyRequest();
  }
}

/** guarded renders the service's error when a handler's state call refuses the request. */
function guarded(handler: Handler): Handler {
  return (ctx) => {
    try {
      return handler(ctx);
    } catch (error) {
      if (error instanceof ElbError) return renderElbError(error, ctx.requestId);
      return renderElbError(ELB_ERRORS.internal(), ctx.requestId);
    }
  };
}

/** HANDLERS maps each route name (see ROUTES) to its handler. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  [ROUTES.createListener]: guarded((ctx) =>
    json(200, renderListener(ctx.state.createListener(parseBody(ctx.body)), ctx.state.options), ctx.requestId),
  ),
  [ROUTES.getListener]: guarded((ctx) =>
    json(200, renderListener(ctx.state.readListener(ctx.id!), ctx.state.options), ctx.requestId),
  ),
  [ROUTES.listListeners]: guarded((ctx) => {
    const lbId = ctx.query.get("loadbalancer_id") ?? undefined;
    const listeners = ctx.state.listenersOf(lbId).map((l) => renderListener(l, ctx.state.options));
    // The classic API is reported to answer an empty list as `{}`. Ref: kubernetes-sigs/cloud-provider-huaweicloud
    // elb_connection.go ("expect return body: [], but return: {}").
    return json(200, listeners.length === 0 && ctx.state.options.emptyListAsObject ? {} : listeners, ctx.requestId);
  }),
  [ROUTES.updateListener]: guarded((ctx) =>
    json(200, renderListener(ctx.state.updateListener(ctx.id!, parseBody(ctx.body)), ctx.state.options), ctx.requestId),
  ),
  [ROUTES.deleteListener]: guarded((ctx) => {
    ctx.state.deleteListener(ctx.id!);
    return { status: 204, headers: { "x-request-id": ctx.requestId }, body: "" };
  }),
  [ROUTES.getLoadBalancer]: guarded((ctx) =>
    json(200, renderLoadBalancer(ctx.state.getLoadBalancer(ctx.id!)), ctx.requestId),
  ),
  [ROUTES.listCertificates]: guarded((ctx) => {
    const certificates = [...ctx.state.certificates.values()].map((c) => ({
      id: c.id,
      name: c.name,
      domain: c.domain,
      type: "server",
    }));
    return json(200, { certificates, instance_num: String(certificates.length) }, ctx.requestId);
  }),
};
