/**
 * What the dynamic-provider host serves for `aliyun:DomainExtension`: the plan half (configure, check, diff) at once
 * and the full provider on the first create, read, update or delete. `npm run build` bundles this file with the plan
 * as `dist/host/aliyun-domainExtension.plan.js` and the provider as `dist/host/aliyun-domainExtension.js`;
 * src/providerHost.ts loads the first.
 */
import { PlannedProvider } from "../../core/planned";
import { DomainExtensionPlan } from "./plan";

/** hosted makes the process-wide `aliyun:DomainExtension` provider (src/providerHost.ts calls it once). */
export function hosted(): PlannedProvider {
  return PlannedProvider.of(DomainExtensionPlan, async () => (await import("./provider")).DomainExtensionProvider);
}
