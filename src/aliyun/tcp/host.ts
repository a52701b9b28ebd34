/**
 * What the dynamic-provider host serves for `aliyun:TcpListener`: the plan half (configure, check, diff) at once and
 * the full provider on the first create, read, update or delete. `npm run build` bundles it as
 * `dist/host/aliyun-tcp.plan.js` (the package export `pulumi-lb-listeners/host/aliyun-tcp`) and the provider as
 * `dist/host/aliyun-tcp.js`.
 */
import { PlannedProvider } from "../../core/planned";
import { TcpListenerPlan } from "./plan";

/** provider is the process-wide `aliyun:TcpListener` provider; its plan and full provider are made on first use. */
export const provider: PlannedProvider = PlannedProvider.of(
  TcpListenerPlan,
  async () => (await import("./provider")).TcpListenerProvider,
);
