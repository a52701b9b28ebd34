/**
 * What the dynamic-provider host serves for `aliyun:HttpsListener`: the plan half (configure, check, diff) at once
 * and the full provider on the first create, read, update or delete. `npm run build` bundles this file with the plan
 * as `dist/host/aliyun.plan.js` and the provider as `dist/host/aliyun.js`; src/providerHost.ts loads the first.
 */
import { PlannedProvider } from "../core/planned";
import { HttpsListenerPlan } from "./plan";

/** hosted makes the process-wide `aliyun:HttpsListener` provider (src/providerHost.ts calls it once). */
export function hosted(): PlannedProvider {
  return PlannedProvider.of(HttpsListenerPlan, async () => (await import("./provider")).HttpsListenerProvider);
}
