/**
 * HttpListenerPlan: the half of the HttpListener provider that makes no API call (configure, check, diff): the
 * listener core's plan on the HTTP table. The dynamic-provider host loads it alone for a preview.
 */
import type { PlanOptions } from "../../core/planned";
import { ListenerPlan } from "../listener/plan";
import { HTTP_LISTENER } from "./schema";

/** HttpListenerPlan checks an HTTP listener's inputs and decides update versus replace; it never calls the API. */
export class HttpListenerPlan extends ListenerPlan<typeof HTTP_LISTENER.required, typeof HTTP_LISTENER.optional> {
  constructor(options: PlanOptions = {}) {
    super(HTTP_LISTENER, options);
  }
}
