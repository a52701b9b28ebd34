/**
 * startAliyunEmulator runs an in-process emulator of the Alibaba Cloud SLB RPC API on 127.0.0.1 (HTTPS, HTTP, TCP and
 * UDP listeners, domain extensions and forwarding rules), seeded with a region holding a public and a private load
 * balancer, a shared-performance one, two server certificates and a CA certificate.
 */
import type { FaultRule } from "../faults";
import { FaultPlan } from "../faults";
import { listenLoopback } from "../http";
import { Router } from "./router";
import type { RedirectStatusCase } from "./state";
import { SlbState } from "./state";

/** DEFAULT_ACCESS_KEY_ID is the key id the emulator accepts unless told otherwise. */
export const DEFAULT_ACCESS_KEY_ID = "LTAIemulatorAccessKey";
/** DEFAULT_ACCESS_KEY_SECRET is the secret the emulator accepts unless told otherwise. */
export const DEFAULT_ACCESS_KEY_SECRET = "emulatorSecretKey0000";
/** DEFAULT_REGION is the region the emulator seeds. */
export const DEFAULT_REGION = "cn-hangzhou";

/** AliyunEmulatorOptions configure one emulator instance. */
export interface AliyunEmulatorOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** @default DEFAULT_ACCESS_KEY_ID */
  readonly accessKeyId?: string;
  /** @default DEFAULT_ACCESS_KEY_SECRET */
  readonly accessKeySecret?: string;
  /** Region of the seeded fixtures. @default "cn-hangzhou" */
  readonly regionId?: string;
  /** How long a mutation keeps its load balancer busy (OperationBusy / ServiceIsConfiguring); 0 = off. @default 20 */
  readonly lockMs?: number;
  /**
   * Describe calls on a load balancer whose configuration is pending answer OperationBusy ("A previous operation is
   * pending."), as SLB does during a refresh. Off by default so call counts stay one per step. @default false
   */
  readonly refuseReadsWhileBusy?: boolean;
  /** Delay before each answer in milliseconds. @default 0 */
  readonly latencyMs?: number;
  /** Requests per second before Throttling.User; 0 = no limit. @default 0 */
  readonly requestsPerSecond?: number;
  /** Fault rules active from the start. */
  readonly faults?: readonly FaultRule[];
  /** Domain extensions per HTTPS listener before the quota error (the service's default quota is 3). @default 3 */
  readonly domainExtensionQuota?: number;
  /**
   * Listeners per load balancer, all protocols together, before ListenerNumberOverLimit (the service's default quota
   * is 50, adjustable). @default 50
   */
  readonly listenerQuota?: number;
  /**
   * How an HTTP redirect listener's Describe writes its status: `capitalised` (`"Stopped"`, the en-US document's
   * example) or `lower` (`"stopped"`, the zh-CN one). @default "capitalised"
   */
  readonly redirectStatusCase?: RedirectStatusCase;
  /** Forwarding rules per HTTP or HTTPS listener before TooManyRules (the service's quota is 40, fixed). @default 40 */
  readonly ruleQuota?: number;
}

/** AliyunSeed names the fixtures the emulator starts with. */
export interface AliyunSeed {
  readonly regionId: string;
  /**
   * `public` is a guaranteed-performance internet instance on which listeners of all four protocols (HTTPS, HTTP, TCP,
   * UDP) can be made, with every scheduler; `private` is an intranet one that takes them too; `shared` is a
   * shared-performance instance: it refuses TLS policies, domain extensions and the sch/tch/qch schedulers.
   */
  readonly loadBalancers: { readonly public: string; readonly private: string; readonly shared: string };
  readonly serverCertificateId: string;
  readonly caCertificateId: string;
  /** Every seeded server certificate (the first is `serverCertificateId`), so that a rotation can be tried. */
  readonly serverCertificateIds: readonly string[];
}

/** AliyunEmulator is a running emulator. */
export interface AliyunEmulator {
  /** Base URL, e.g. `http://127.0.0.1:PORT` (what `ALICLOUD_SLB_ENDPOINT` takes). */
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly seed: AliyunSeed;
  readonly state: SlbState;
  readonly faults: FaultPlan;
  /** Calls per action, counted at arrival (authenticated or not). */
  readonly calls: Map<string, number>;
  /** Live knobs: latency and throttling can change while running. */
  readonly router: Router;
  resetCalls(): void;
  close(): Promise<void>;
}

/** seedRegion adds the standard fixtures to a state. */
export function seedRegion(state: SlbState, regionId: string): AliyunSeed {
  const publicLb = state.createLoadBalancer({ regionId, addressType: "internet", name: "emulator-public" });
  const privateLb = state.createLoadBalancer({
    regionId,
    addressType: "intranet",
    name: "emulator-private",
    spec: "slb.s2.small",
  });
  const server = state.addCertificate(regionId, "server", "emulator-server-cert");
  const ca = state.addCertificate(regionId, "ca", "emulator-ca-cert");
  // Added after the first four so that their ids (in the stack files) stay the same.
  // The shared instance is marked as such; its LoadBalancerSpec is empty, as Terraform reads a shared one [S22][S27].
  // Assumed: the emulator's other instances are guaranteed-performance whatever their spec, so fixtures keep TLS policies.
  const sharedLb = state.createLoadBalancer({
    regionId,
    addressType: "internet",
    name: "emulator-shared",
    shared: true,
  });
  const rotated = state.addCertificate(regionId, "server", "emulator-server-cert-2");
  return {
    regionId,
    loadBalancers: { public: publicLb.id, private: privateLb.id, shared: sharedLb.id },
    serverCertificateId: server.id,
    caCertificateId: ca.id,
    serverCertificateIds: [server.id, rotated.id],
  };
}

/** startAliyunEmulator starts an emulator and resolves once it listens. */
export async function startAliyunEmulator(options: AliyunEmulatorOptions = {}): Promise<AliyunEmulator> {
  const accessKeyId = options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID;
  const accessKeySecret = options.accessKeySecret ?? DEFAULT_ACCESS_KEY_SECRET;
  const state = new SlbState({
    lockMs: options.lockMs ?? 20,
    refuseReadsWhileBusy: options.refuseReadsWhileBusy ?? false,
    domainExtensionQuota: options.domainExtensionQuota,
    listenerQuota: options.listenerQuota,
    redirectStatusCase: options.redirectStatusCase,
    ruleQuota: options.ruleQuota,
  });
  const seed = seedRegion(state, options.regionId ?? DEFAULT_REGION);
  const faults = new FaultPlan(options.faults ?? []);
  const calls = new Map<string, number>();
  const router = new Router({
    state,
    faults,
    calls,
    keys: new Map([[accessKeyId, accessKeySecret]]),
    latencyMs: options.latencyMs ?? 0,
    requestsPerSecond: options.requestsPerSecond ?? 0,
  });
  const listening = await listenLoopback((req, res) => router.handle(req, res), options.port ?? 0);
  return {
    endpoint: listening.endpoint,
    accessKeyId,
    accessKeySecret,
    seed,
    state,
    faults,
    calls,
    router,
    resetCalls: () => calls.clear(),
    close: () => listening.close(),
  };
}
