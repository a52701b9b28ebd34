/**
 * What the dynamic-provider host serves for `huawei:ElbV3Listener`: the plan half (configure, check, diff) at once
 * and the full provider on the first create, read, update or delete. `npm run build` bundles this file with the plan
 * as `dist/host/huawei-elbV3.plan.js` and the provider as `dist/host/huawei-elbV3.js`;
 * src/providerHost.ts loads the first.
 */
import { PlannedProvider } from "../../core/planned";
import { ElbV3ListenerPlan } from "./plan";

/** hosted makes the process-wide `huawei:ElbV3Listener` provider (src/providerHost.ts calls it once). */
export function hosted(): PlannedProvider {
  return PlannedProvider.of(ElbV3ListenerPlan, async () => (await import("./provider")).ElbV3ListenerProvider);
}
