/**
 * What the dynamic-provider host serves for `huawei:ElbV3Listener`: the plan half (configure, check, diff) at once and
 * the full provider on the first create, read, update or delete. `npm run build` bundles this file with the plan as
 * `dist/host/huawei-elbV3.plan.js`, which the package exports as `pulumi-lb-listeners/host/huawei-elbV3` for the
 * serialized provider to require, and the provider as `dist/host/huawei-elbV3.js`.
 */
import { PlannedProvider } from "../../core/planned";
import { ElbV3ListenerPlan } from "./plan";

/**
 * provider is the process-wide `huawei:ElbV3Listener` provider, made when the host first requires this bundle; its plan
 * and its full provider are made on first use. src/providerHost.ts serves the same object to state that names
 * `pulumi-lb-listeners/provider-host`.
 */
export const provider: PlannedProvider = PlannedProvider.of(
  ElbV3ListenerPlan,
  async () => (await import("./provider")).ElbV3ListenerProvider,
);
