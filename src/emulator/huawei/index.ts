/**
 * startHuaweiEmulator runs an in-process emulator of the classic ELB v1.0 API (behind an emulated API gateway) on
 * 127.0.0.1, seeded with one project holding an External (public) and an Internal (private) load balancer and a
 * certificate; and the dedicated ELB v3 API on the same endpoint, seeded with three dedicated load balancers (L4 and
 * L7 flavors, L4 only, L7 only), a server and a client certificate, an IP group and a security policy; and the shared
 * ELB v2 API of both clouds on the same endpoint (Open Telekom Cloud `/v2.0/lbaas`, Huawei Cloud
 * `/v2/{project_id}/elb`, told apart by their paths), seeded with two shared load balancers, one in ERROR, two server
 * certificates and a client CA certificate.
 */
import type { FaultRule } from "../faults";
import { FaultPlan } from "../faults";
import { listenLoopback } from "../http";
import { LB_TYPE } from "./constants";
import { Router } from "./router";
import { ElbState } from "./state";
import { seedShared, V2State, type SharedSeed } from "./v2";
import { seedDedicated, V3State, type DedicatedSeed } from "./v3";

/** DEFAULT_HUAWEI_ACCESS_KEY is the access key the emulator accepts unless told otherwise. */
export const DEFAULT_HUAWEI_ACCESS_KEY = "HWEMULATORACCESSKEY0";
/** DEFAULT_HUAWEI_SECRET_KEY is the secret key the emulator accepts unless told otherwise. */
export const DEFAULT_HUAWEI_SECRET_KEY = "emulatorSecretKey0000000000000000000000";
/** DEFAULT_HUAWEI_PROJECT_ID is the project the emulator seeds. */
export const DEFAULT_HUAWEI_PROJECT_ID = "0b07acf06d243925bc24a0ac7445267a";
/** DEFAULT_HUAWEI_REGION is the region the emulator reports. */
export const DEFAULT_HUAWEI_REGION = "eu-de";

/** HuaweiEmulatorOptions configure one emulator instance. */
export interface HuaweiEmulatorOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** @default DEFAULT_HUAWEI_ACCESS_KEY */
  readonly accessKey?: string;
  /** @default DEFAULT_HUAWEI_SECRET_KEY */
  readonly secretKey?: string;
  /** IAM tokens accepted in `X-Auth-Token`. @default none */
  readonly tokens?: readonly string[];
  /** @default DEFAULT_HUAWEI_PROJECT_ID */
  readonly projectId?: string;
  /** Region reported in the seed. @default "eu-de" */
  readonly region?: string;
  /**
   * How long a mutation keeps its load balancer locked (v1.0: ELB.1015) or PENDING_UPDATE (v3: 409 ELB.8907 to
   * changes meanwhile; v2: 409 StateInvalid / ELB.8907); 0 = off. @default 20
   */
  readonly lockMs?: number;
  /** GETs a new listener answers PENDING_CREATE before ACTIVE; 0 = created ACTIVE. @default 1 */
  readonly pendingCreateReads?: number;
  /** Listeners per load balancer before ELB.6091 (v1.0, v2 on Huawei Cloud), ELB.8905 (v3), OverQuota (v2 on OTC). @default 50 */
  readonly listenerQuota?: number;
  /** GET answers write `tcp_draining` as 1/0, the documented example's form. @default false */
  readonly booleansAsIntegers?: boolean;
  /** An empty listener list is answered `{}` instead of `[]`, as the classic API is reported to answer. @default false */
  readonly emptyListAsObject?: boolean;
  /**
   * Shared (v2) answers take the documented odd forms that are not the rule: OTC's create example 3 (`project_id`,
   * a TERMINATED_HTTPS cipher policy under the key `""`), Huawei answers without `insert_headers` and the protection
   * fields. @default false
   */
  readonly sharedDocumentedForms?: boolean;
  /** Delay before each answer in milliseconds. @default 0 */
  readonly latencyMs?: number;
  /** Requests per second before 429 APIGW.0308; 0 = no limit. @default 0 */
  readonly requestsPerSecond?: number;
  /** Fault rules active from the start. */
  readonly faults?: readonly FaultRule[];
  /** The gateway's clock (the X-Sdk-Date window), epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/** HuaweiSeed names the fixtures the emulator starts with (the ready line prints it). */
export interface HuaweiSeed {
  readonly region: string;
  readonly projectId: string;
  readonly loadBalancers: { readonly public: string; readonly private: string };
  readonly certificateId: string;
}

/**
 * HuaweiEmulatorSeed is everything the emulator seeds: the classic fixtures, the dedicated (v3) ones and, under
 * `shared`, the shared (v2) ones.
 */
export type HuaweiEmulatorSeed = HuaweiSeed & DedicatedSeed & SharedSeed;

/** HuaweiEmulator is a running emulator. */
export interface HuaweiEmulator {
  /** Base URL, e.g. `http://127.0.0.1:PORT` (what `HW_ELB_ENDPOINT` takes). */
  readonly endpoint: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly seed: HuaweiEmulatorSeed;
  readonly state: ElbState;
  /** The dedicated ELB v3 state (load balancers, certificates, listeners under `/v3/{project_id}/elb`). */
  readonly v3: V3State;
  /** The shared ELB v2 state (load balancers, certificates, listeners under `/v2.0/lbaas` and `/v2/{project_id}/elb`). */
  readonly v2: V2State;
  readonly faults: FaultPlan;
  /** Calls per route (e.g. `POST /listeners`, `POST /v3/listeners`), counted at arrival, authenticated or not. */
  readonly calls: Map<string, number>;
  /** Live knobs: latency and throttling can change while running. */
  readonly router: Router;
  resetCalls(): void;
  close(): Promise<void>;
}

/** seedProject adds the standard fixtures to a state. */
export function seedProject(state: ElbState, region: string): HuaweiSeed {
  const publicLb = state.addLoadBalancer(LB_TYPE.public, "emulator-public");
  const privateLb = state.addLoadBalancer(LB_TYPE.private, "emulator-private");
  const cert = state.addCertificate("emulator-cert", "www.example.com");
  return {
    region,
    projectId: state.projectId,
    loadBalancers: { public: publicLb.id, private: privateLb.id },
    certificateId: cert.id,
  };
}

/** startHuaweiEmulator starts an emulator and resolves once it listens. */
export async function startHuaweiEmulator(options: HuaweiEmulatorOptions = {}): Promise<HuaweiEmulator> {
  const accessKey = options.accessKey ?? DEFAULT_HUAWEI_ACCESS_KEY;
  const secretKey = options.secretKey ?? DEFAULT_HUAWEI_SECRET_KEY;
  const state = new ElbState(options.projectId ?? DEFAULT_HUAWEI_PROJECT_ID, {
    lockMs: options.lockMs ?? 20,
    pendingCreateReads: options.pendingCreateReads ?? 1,
    listenerQuota: options.listenerQuota ?? 50,
    booleansAsIntegers: options.booleansAsIntegers ?? false,
    emptyListAsObject: options.emptyListAsObject ?? false,
    now: options.now,
  });
  const v3 = new V3State(state.projectId, {
    lockMs: options.lockMs ?? 20,
    listenerQuota: options.listenerQuota ?? 50,
    now: options.now,
  });
  const v2 = new V2State(state.projectId, {
    lockMs: options.lockMs ?? 20,
    listenerQuota: options.listenerQuota ?? 50,
    documentedForms: options.sharedDocumentedForms ?? false,
    now: options.now,
  });
  const seed = {
    ...seedProject(state, options.region ?? DEFAULT_HUAWEI_REGION),
    ...seedDedicated(v3),
    ...seedShared(v2),
  };
  const faults = new FaultPlan(options.faults ?? []);
  const calls = new Map<string, number>();
  const router = new Router({
    state,
    v3,
    v2,
    faults,
    calls,
    keys: new Map([[accessKey, secretKey]]),
    tokens: new Set(options.tokens ?? []),
    latencyMs: options.latencyMs ?? 0,
    requestsPerSecond: options.requestsPerSecond ?? 0,
    now: options.now,
  });
  const listening = await listenLoopback((req, res) => router.handle(req, res), options.port ?? 0);
  return {
    endpoint: listening.endpoint,
    accessKey,
    secretKey,
    seed,
    state,
    v3,
    v2,
    faults,
    calls,
    router,
    resetCalls: () => calls.clear(),
    close: () => listening.close(),
  };
}

export { ElbState } from "./state";
export { Router } from "./router";
