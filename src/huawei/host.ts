/**
 * What the dynamic-provider host serves for `huawei:ElbListener`: the plan half (configure, check, diff) at once
 * and the full provider on the first create, read, update or delete. `npm run build` bundles this file with the plan
 * as `dist/host/huawei.plan.js` and the provider as `dist/host/huawei.js`; src/providerHost.ts loads the first.
 */
import { PlannedProvider } from "../core/planned";
import { ElbListenerPlan } from "./plan";

/** hosted makes the process-wide `huawei:ElbListener` provider (src/providerHost.ts calls it once). */
export function hosted(): PlannedProvider {
  return PlannedProvider.of(ElbListenerPlan, async () => (await import("./provider")).ElbListenerProvider);
}
