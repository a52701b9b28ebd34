/**
 * What the dynamic-provider host serves for `aliyun:HttpListener`: the plan half (configure, check, diff) at once and
 * the full provider on the first create, read, update or delete. `npm run build` bundles it as
 * `dist/host/aliyun-http.plan.js` (the package export `pulumi-lb-listeners/host/aliyun-http`) and the provider as
 * `dist/host/aliyun-http.js`.
 */
import { PlannedProvider } from "../../core/planned";
import { HttpListenerPlan } from "./plan";

/** provider is the process-wide `aliyun:HttpListener` provider; its plan and full provider are made on first use. */
export const provider: PlannedProvider = PlannedProvider.of(
  HttpListenerPlan,
  async () => (await import("./provider")).HttpListenerProvider,
);
