/**
 * HttpsListenerProvider: the lifecycle of an Alibaba Cloud SLB HTTPS listener as a Pulumi dynamic provider, the
 * listener core's provider (`./listener/provider.ts`: create once inside the load balancer's lock, start, read, one
 * Set, delete) on the HTTPS table (`./schema.ts`).
 */
import { ListenerProvider } from "./listener/provider";
import { HTTPS_LISTENER } from "./schema";
import type { SlbProviderOptions } from "./session";

export type { HttpsListenerOutputs } from "./wire";

/** HttpsListenerProviderOptions let tests (and the engine harness) tune the provider without touching the environment. */
export type HttpsListenerProviderOptions = SlbProviderOptions;

/**
 * HttpsListenerProvider implements the HttpsListener lifecycle against the SLB API: check validates every documented
 * rule and fills in API defaults; create runs CreateLoadBalancerHTTPSListener then StartLoadBalancerListener (deleting
 * the new listener if it cannot be started); update sends one SetLoadBalancerHTTPSListenerAttribute; read describes;
 * delete removes (already gone is success). Credentials come from `configure` (stack config) or the environment.
 */
export class HttpsListenerProvider extends ListenerProvider<
  typeof HTTPS_LISTENER.required,
  typeof HTTPS_LISTENER.optional
> {
  constructor(options: HttpsListenerProviderOptions = {}) {
    super(HTTPS_LISTENER, options);
  }
}
