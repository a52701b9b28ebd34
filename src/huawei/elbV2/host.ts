/**
 * What the dynamic-provider host serves for `huawei:ElbV2Listener`: the plan half (configure, check, diff) at once and
 * the full provider on the first create, read, update or delete. `npm run build` bundles this file with the plan as
 * `dist/host/huawei-elbV2.plan.js`, which the package exports as `pulumi-lb-listeners/host/huawei-elbV2` for the
 * serialized provider to require, and the provider as `dist/host/huawei-elbV2.js`.
 */
import { PlannedProvider } from "../../core/planned";
import { ElbV2ListenerPlan } from "./plan";

/**
 * provider is the process-wide `huawei:ElbV2Listener` provider, made when the host first requires this bundle; its plan
 * and its full provider are made on first use.
 */
export const provider: PlannedProvider = PlannedProvider.of(
  ElbV2ListenerPlan,
  async () => (await import("./provider")).ElbV2ListenerProvider,
);
