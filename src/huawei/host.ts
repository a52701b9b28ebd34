/**
 * What the dynamic-provider host serves for `huawei:ElbListener`: the plan half (configure, check, diff) at once and
 * the full provider on the first create, read, update or delete. `npm run build` bundles this file with the plan as
 * `dist/host/huawei.plan.js`, which the package exports as `pulumi-lb-listeners/host/huawei` for the serialized
 * provider to require, and the provider as `dist/host/huawei.js`.
 */
import { PlannedProvider } from "../core/planned";
import { ElbListenerPlan } from "./plan";

/**
 * provider is the process-wide `huawei:ElbListener` provider, made when the host first requires this bundle; its plan
 * and its full provider are made on first use. src/providerHost.ts serves the same object to state that names
 * `pulumi-lb-listeners/provider-host`.
 */
export const provider: PlannedProvider = PlannedProvider.of(
  ElbListenerPlan,
  async () => (await import("./provider")).ElbListenerProvider,
);
