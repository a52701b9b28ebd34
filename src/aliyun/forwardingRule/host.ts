/**
 * What the dynamic-provider host serves for `aliyun:ForwardingRule`: the plan half (configure, check, diff) at once
 * and the full provider on the first create, read, update or delete. `npm run build` bundles this file with the plan as
 * `dist/host/aliyun-forwardingRule.plan.js`, which the package exports as
 * `pulumi-lb-listeners/host/aliyun-forwardingRule` for the serialized provider to require, and the provider as
 * `dist/host/aliyun-forwardingRule.js`.
 */
import { PlannedProvider } from "../../core/planned";
import { ForwardingRulePlan } from "./plan";

/**
 * provider is the process-wide `aliyun:ForwardingRule` provider, made when the host first requires this bundle; its
 * plan and its full provider are made on first use. One provider per process is also what lets the rules of one
 * listener, created or deleted by separate engine calls, meet in one batch.
 */
export const provider: PlannedProvider = PlannedProvider.of(
  ForwardingRulePlan,
  async () => (await import("./provider")).ForwardingRuleProvider,
);
