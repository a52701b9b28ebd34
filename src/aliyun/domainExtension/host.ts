/**
 * What the dynamic-provider host serves for `aliyun:DomainExtension`: the plan half (configure, check, diff) at once
 * and the full provider on the first create, read, update or delete. `npm run build` bundles this file with the plan as
 * `dist/host/aliyun-domainExtension.plan.js`, which the package exports as
 * `pulumi-lb-listeners/host/aliyun-domainExtension` for the serialized provider to require, and the provider as
 * `dist/host/aliyun-domainExtension.js`.
 */
import { PlannedProvider } from "../../core/planned";
import { DomainExtensionPlan } from "./plan";

/**
 * provider is the process-wide `aliyun:DomainExtension` provider, made when the host first requires this bundle; its
 * plan and its full provider are made on first use. src/providerHost.ts serves the same object to state that names
 * `pulumi-lb-listeners/provider-host`.
 */
export const provider: PlannedProvider = PlannedProvider.of(
  DomainExtensionPlan,
  async () => (await import("./provider")).DomainExtensionProvider,
);
