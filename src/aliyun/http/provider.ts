/**
 * HttpListenerProvider: the lifecycle of an Alibaba Cloud SLB HTTP listener as a Pulumi dynamic provider, the
 * listener core's provider on the HTTP table (`./schema.ts`).
 */
import { ListenerProvider } from "../listener/provider";
import type { SlbProviderOptions } from "../session";
import { HTTP_LISTENER } from "./schema";

/**
 * HttpListenerProvider implements the HttpListener lifecycle: check validates every documented rule of an HTTP
 * listener; create runs CreateLoadBalancerHTTPListener then StartLoadBalancerListener (ListenerProtocol `http`);
 * update sends one SetLoadBalancerHTTPListenerAttribute with what changed; read describes; delete removes.
 * Credentials come from `configure` (stack config) or the environment; `options` serve tests.
 */
export class HttpListenerProvider extends ListenerProvider<
  typeof HTTP_LISTENER.required,
  typeof HTTP_LISTENER.optional
> {
  constructor(options: SlbProviderOptions = {}) {
    super(HTTP_LISTENER, options);
  }
}
