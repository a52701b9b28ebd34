/**
 * HttpsListenerPlan: the half of the HttpsListener provider that makes no API call (configure, check, diff), which is
 * all `pulumi preview` asks of it: the listener core's plan on the HTTPS table. The dynamic-provider host loads this
 * half alone for check and diff; HttpsListenerProvider adds create, read, update and delete on the first API call.
 */
import type { PlanOptions } from "../core/planned";
import { ListenerPlan } from "./listener/plan";
import { HTTPS_LISTENER } from "./schema";

/** HttpsListenerPlan checks inputs and decides update versus replace; it never calls the API. */
export class HttpsListenerPlan extends ListenerPlan<typeof HTTPS_LISTENER.required, typeof HTTPS_LISTENER.optional> {
  constructor(options: PlanOptions = {}) {
    super(HTTPS_LISTENER, options);
  }
}
