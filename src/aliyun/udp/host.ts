/**
 * What the dynamic-provider host serves for `aliyun:UdpListener`: the plan half (configure, check, diff) at once and
 * the full provider on the first create, read, update or delete. `npm run build` bundles it as
 * `dist/host/aliyun-udp.plan.js` (the package export `pulumi-lb-listeners/host/aliyun-udp`) and the provider as
 * `dist/host/aliyun-udp.js`.
 */
import { PlannedProvider } from "../../core/planned";
import { UdpListenerPlan } from "./plan";

/** provider is the process-wide `aliyun:UdpListener` provider; its plan and full provider are made on first use. */
export const provider: PlannedProvider = PlannedProvider.of(
  UdpListenerPlan,
  async () => (await import("./provider")).UdpListenerProvider,
);
