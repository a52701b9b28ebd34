/**
 * UdpListenerPlan: the half of the UdpListener provider that makes no API call (configure, check, diff): the
 * listener core's plan on the UDP table. The dynamic-provider host loads it alone for a preview.
 */
import type { PlanOptions } from "../../core/planned";
import { ListenerPlan } from "../listener/plan";
import { UDP_LISTENER } from "./schema";

/** UdpListenerPlan checks a UDP listener's inputs and decides update versus replace; it never calls the API. */
export class UdpListenerPlan extends ListenerPlan<typeof UDP_LISTENER.required, typeof UDP_LISTENER.optional> {
  constructor(options: PlanOptions = {}) {
    super(UDP_LISTENER, options);
  }
}
