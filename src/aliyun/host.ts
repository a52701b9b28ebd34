/**
 * What the dynamic-provider host serves for `aliyun:HttpsListener`: the plan half (configure, check, diff) at once and
 * the full provider on the first create, read, update or delete. `npm run build` bundles this file with the plan as
 * `dist/host/aliyun.plan.js`, which the package exports as `pulumi-lb-listeners/host/aliyun` for the serialized
 * provider to require, and the provider as `dist/host/aliyun.js`.
 */
import { PlannedProvider } from "../core/planned";
import { HttpsListenerPlan } from "./plan";

/**
 * provider is the process-wide `aliyun:HttpsListener` provider, made when the host first requires this bundle; its plan
 * and its full provider are made on first use. src/providerHost.ts serves the same object to state that names
 * `pulumi-lb-listeners/provider-host`.
 */
export const provider: PlannedProvider = PlannedProvider.of(
  HttpsListenerPlan,
  async () => (await import("./provider")).HttpsListenerProvider,
);
