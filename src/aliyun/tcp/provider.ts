/**
 * TcpListenerProvider: the lifecycle of an Alibaba Cloud SLB TCP listener as a Pulumi dynamic provider, the
 * listener core's provider on the TCP table (`./schema.ts`).
 */
import { ListenerProvider } from "../listener/provider";
import type { SlbProviderOptions } from "../session";
import { TCP_LISTENER } from "./schema";

/**
 * TcpListenerProvider implements the TcpListener lifecycle: check validates every documented rule of a TCP
 * listener; create runs CreateLoadBalancerTCPListener then StartLoadBalancerListener (ListenerProtocol `tcp`);
 * update sends one SetLoadBalancerTCPListenerAttribute with what changed; read describes; delete removes.
 * Credentials come from `configure` (stack config) or the environment; `options` serve tests.
 */
export class TcpListenerProvider extends ListenerProvider<typeof TCP_LISTENER.required, typeof TCP_LISTENER.optional> {
  constructor(options: SlbProviderOptions = {}) {
    super(TCP_LISTENER, options);
  }
}
