/**
 * TcpListenerPlan: the half of the TcpListener provider that makes no API call (configure, check, diff): the
 * listener core's plan on the TCP table. The dynamic-provider host loads it alone for a preview.
 */
import type { PlanOptions } from "../../core/planned";
import { ListenerPlan } from "../listener/plan";
import { TCP_LISTENER } from "./schema";

/** TcpListenerPlan checks a TCP listener's inputs and decides update versus replace; it never calls the API. */
export class TcpListenerPlan extends ListenerPlan<typeof TCP_LISTENER.required, typeof TCP_LISTENER.optional> {
  constructor(options: PlanOptions = {}) {
    super(TCP_LISTENER, options);
  }
}
