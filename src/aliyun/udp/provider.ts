/**
 * UdpListenerProvider: the lifecycle of an Alibaba Cloud SLB UDP listener as a Pulumi dynamic provider, the
 * listener core's provider on the UDP table (`./schema.ts`).
 */
import { ListenerProvider } from "../listener/provider";
import type { SlbProviderOptions } from "../session";
import { UDP_LISTENER } from "./schema";

/**
 * UdpListenerProvider implements the UdpListener lifecycle: check validates every documented rule of a UDP
 * listener; create runs CreateLoadBalancerUDPListener then StartLoadBalancerListener (ListenerProtocol `udp`);
 * update sends one SetLoadBalancerUDPListenerAttribute with what changed; read describes; delete removes.
 * Credentials come from `configure` (stack config) or the environment; `options` serve tests.
 */
export class UdpListenerProvider extends ListenerProvider<typeof UDP_LISTENER.required, typeof UDP_LISTENER.optional> {
  constructor(options: SlbProviderOptions = {}) {
    super(UDP_LISTENER, options);
  }
}
