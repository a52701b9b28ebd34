/**
 * The two resources under benchmark, behind one shape: an in-process emulator, a provider built the way the
 * dynamic-provider host builds it (no arguments except the environment to read), the inputs of a typical listener,
 * and the engine's lifecycle steps (check, diff, create, read, update, delete) as the host drives them.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HttpsListenerProvider } from "../aliyun/provider";
import type { Logger } from "../core/log";
import { setLogger } from "../core/log";
import type { AliyunEmulator } from "../emulator/aliyun";
import { startAliyunEmulator } from "../emulator/aliyun";
import type { HuaweiEmulator } from "../emulator/huawei";
import { startHuaweiEmulator } from "../emulator/huawei";
import { ElbV3ListenerProvider } from "../huawei/elbV3/provider";
import { ElbListenerProvider } from "../huawei/provider";

/** Props is a property bag as the host passes it to a provider. */
export type Props = Record<string, unknown>;

/** CloudName names one half of the package. */
export type CloudName = "Aliyun" | "Huawei" | "Huawei v3";

/** EmulatorKnobs are the emulator settings a benchmark varies. */
export interface EmulatorKnobs {
  /** How long a mutation keeps its load balancer locked, in milliseconds (0 = no lock). */
  readonly lockMs: number;
  /** Requests per second before the emulator throttles (0 = no limit). @default 0 */
  readonly requestsPerSecond?: number;
}

/** Cloud is one resource kind with its running emulator. */
export interface Cloud {
  readonly name: CloudName;
  /** kind is the provider kind the serialized shim names. */
  readonly kind: "aliyun:HttpsListener" | "huawei:ElbListener" | "huawei:ElbV3Listener";
  /** mutations counts the calls of each step that take the load balancer's lock. */
  readonly mutations: { readonly create: number; readonly update: number; readonly delete: number };
  /** env is what the provider reads: credentials, region, project and the emulator's endpoint. */
  readonly env: Readonly<Record<string, string>>;
  readonly provider: dynamic.ResourceProvider;
  /** calls are the emulator's per-action (Aliyun) or per-route (Huawei) counters. */
  readonly calls: Map<string, number>;
  resetCalls(): void;
  /** addLoadBalancers creates `count` fresh load balancers in the emulator and returns their ids. */
  addLoadBalancers(count: number): string[];
  /** listener is the raw inputs of the `index`th listener on a load balancer. */
  listener(loadBalancerId: string, index: number): Props;
  /** changed is `raw` with one input changed that the API updates in place. */
  changed(raw: Props): Props;
  close(): Promise<void>;
}

/** aliyunEnv is the environment that points an HttpsListener provider at an emulator. */
export function aliyunEnv(emulator: AliyunEmulator): Record<string, string> {
  return {
    ALICLOUD_ACCESS_KEY: emulator.accessKeyId,
    ALICLOUD_SECRET_KEY: emulator.accessKeySecret,
    ALICLOUD_REGION: emulator.seed.regionId,
    ALICLOUD_SLB_ENDPOINT: emulator.endpoint,
  };
}

/** huaweiEnv is the environment that points an ElbListener provider at an emulator. */
export function huaweiEnv(emulator: HuaweiEmulator): Record<string, string> {
  return {
    HW_ACCESS_KEY: emulator.accessKey,
    HW_SECRET_KEY: emulator.secretKey,
    HW_REGION_NAME: emulator.seed.region,
    HW_PROJECT_ID: emulator.seed.projectId,
    HW_ELB_ENDPOINT: emulator.endpoint,
  };
}

/** startAliyun starts an SLB emulator and an HttpsListener provider reading its environment. */
export async function startAliyun(knobs: EmulatorKnobs): Promise<Cloud> {
  const emulator = await startAliyunEmulator({ lockMs: knobs.lockMs, requestsPerSecond: knobs.requestsPerSecond });
  const env = aliyunEnv(emulator);
  const { regionId, serverCertificateId } = emulator.seed;
  return {
    name: "Aliyun",
    kind: "aliyun:HttpsListener",
    mutations: { create: 2, update: 1, delete: 1 },
    env,
    provider: new HttpsListenerProvider({ env }),
    calls: emulator.calls,
    resetCalls: () => emulator.resetCalls(),
    addLoadBalancers: (count) =>
      Array.from({ length: count }, () => emulator.state.createLoadBalancer({ regionId }).id),
    listener: (loadBalancerId, index) => aliyunListener(loadBalancerId, 1000 + index, serverCertificateId),
    changed: (raw) => ({ ...raw, idleTimeout: 30 }),
    close: () => emulator.close(),
  };
}

/** aliyunListener is a typical HttpsListener: fixed bandwidth, no health check, no sticky session. */
export function aliyunListener(loadBalancerId: string, listenerPort: number, serverCertificateId: string): Props {
  return {
    loadBalancerId,
    listenerPort,
    bandwidth: -1,
    healthCheck: "off",
    serverCertificateId,
    stickySession: "off",
    backendServerPort: 8080,
  };
}

/**
 * startHuawei starts an ELB emulator whose listeners are ACTIVE at once (no PENDING_CREATE phase) and an ElbListener
 * provider reading its environment.
 */
export async function startHuawei(knobs: EmulatorKnobs, pendingCreateReads = 0): Promise<Cloud> {
  const emulator = await startHuaweiEmulator({
    lockMs: knobs.lockMs,
    requestsPerSecond: knobs.requestsPerSecond,
    pendingCreateReads,
  });
  const env = huaweiEnv(emulator);
  return {
    name: "Huawei",
    kind: "huawei:ElbListener",
    mutations: { create: 1, update: 1, delete: 1 },
    env,
    // The poll interval only matters when pendingCreateReads > 0; a short one keeps such a run quick.
    provider: new ElbListenerProvider({ env, pollIntervalMs: 10 }),
    calls: emulator.calls,
    resetCalls: () => emulator.resetCalls(),
    addLoadBalancers: (count) =>
      Array.from({ length: count }, (_, i) => emulator.state.addLoadBalancer("External", `bench-${i}`).id),
    listener: (loadbalancerId, index) => huaweiListener(loadbalancerId, 1000 + index),
    changed: (raw) => ({ ...raw, backendPort: 8081 }),
    close: () => emulator.close(),
  };
}

/** huaweiListener is a typical ElbListener: HTTP to HTTP, round robin. */
export function huaweiListener(loadbalancerId: string, port: number): Props {
  return {
    name: `bench-${port}`,
    loadbalancerId,
    protocol: "HTTP",
    port,
    backendProtocol: "HTTP",
    backendPort: 8080,
    lbAlgorithm: "roundrobin",
  };
}

/**
 * startHuaweiV3 starts an ELB emulator and an ElbV3Listener provider reading its environment; its load balancers are
 * dedicated ones with an L4 flavor only (the TCP listeners of huaweiV3Listener).
 */
export async function startHuaweiV3(knobs: EmulatorKnobs): Promise<Cloud> {
  const emulator = await startHuaweiEmulator({ lockMs: knobs.lockMs, requestsPerSecond: knobs.requestsPerSecond });
  const env = huaweiEnv(emulator);
  const l4Flavor = emulator.v3.addFlavor("L4", "L4_flavor.elb.bench");
  return {
    name: "Huawei v3",
    kind: "huawei:ElbV3Listener",
    mutations: { create: 1, update: 1, delete: 1 },
    env,
    // The provider GETs the load balancer every pollIntervalMs while it is PENDING_UPDATE after a change (the lock);
    // a short interval keeps the wait close to the lock itself.
    provider: new ElbV3ListenerProvider({ env, pollIntervalMs: 10 }),
    calls: emulator.calls,
    resetCalls: () => emulator.resetCalls(),
    addLoadBalancers: (count) =>
      Array.from({ length: count }, (_, i) => emulator.v3.addLoadBalancer(`bench-v3-${i}`, l4Flavor.id, null).id),
    listener: (loadbalancerId, index) => huaweiV3Listener(loadbalancerId, 1000 + index),
    changed: (raw) => ({ ...raw, keepaliveTimeout: 600 }),
    close: () => emulator.close(),
  };
}

/** huaweiV3Listener is a typical ElbV3Listener: TCP with an explicit idle timeout. */
export function huaweiV3Listener(loadbalancerId: string, protocolPort: number): Props {
  return {
    name: `bench-v3-${protocolPort}`,
    loadbalancerId,
    protocol: "TCP",
    protocolPort,
    keepaliveTimeout: 300,
  };
}

/** totalCalls sums an emulator's counters. */
export function totalCalls(calls: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const n of calls.values()) sum += n;
  return sum;
}

/** describeCalls prints counters as `Action n, Action n`, largest first. */
export function describeCalls(calls: ReadonlyMap<string, number>): string {
  const parts = [...calls.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  return parts.length > 0 ? parts.join(", ") : "no calls";
}

/** Managed is a listener the bench created: its id, stored outputs and the checked inputs behind them. */
export interface Managed {
  readonly id: string;
  readonly outs: Props;
  readonly inputs: Props;
}

/** checkInputs runs check as the engine does for new inputs and throws when the provider reports failures. */
export async function checkInputs(cloud: Cloud, olds: Props, news: Props): Promise<Props> {
  const result = await cloud.provider.check!(olds, news);
  if (result.failures && result.failures.length > 0) {
    throw new Error(`${cloud.kind} check failed: ${result.failures.map((f) => f.reason).join("; ")}`);
  }
  return (result.inputs ?? news) as Props;
}

/** createListener is the engine's create step: check, then create with the checked inputs. */
export async function createListener(cloud: Cloud, raw: Props): Promise<Managed> {
  const inputs = await checkInputs(cloud, {}, raw);
  const { id, outs } = await cloud.provider.create(inputs);
  return { id, outs: (outs ?? {}) as Props, inputs };
}

/** updateListener is the engine's update step: check the new inputs, diff against the outputs, update in place. */
export async function updateListener(cloud: Cloud, managed: Managed, raw: Props): Promise<Managed> {
  const inputs = await checkInputs(cloud, managed.inputs, raw);
  const diff = await cloud.provider.diff!(managed.id, managed.outs, inputs);
  if (!diff.changes || (diff.replaces && diff.replaces.length > 0)) {
    throw new Error(`${cloud.kind} ${managed.id}: expected an in-place update, diff said ${JSON.stringify(diff)}`);
  }
  const result = await cloud.provider.update!(managed.id, managed.outs, inputs);
  return { id: managed.id, outs: (result.outs ?? {}) as Props, inputs };
}

/** deleteListener is the engine's delete step. */
export async function deleteListener(cloud: Cloud, managed: Managed): Promise<void> {
  await cloud.provider.delete!(managed.id, managed.outs);
}

/** RetryLog is a logger that counts the providers' retry lines by the code that caused them, and nothing else. */
export class RetryLog implements Logger {
  retries = 0;
  readonly byCode = new Map<string, number>();
  /** sleptMs sums the backoff delays the retry lines announce. */
  sleptMs = 0;
  debug(): void {}
  warn(message: string): void {
    this.info(message);
  }
  info(message: string): void {
    const retry = /retry \d+ in (\d+) ms$/.exec(message);
    if (!retry) return;
    this.retries += 1;
    this.sleptMs += Number(retry[1]);
    const code = /(?:answered|failed with) (\S+)/.exec(message)?.[1] ?? "other";
    this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
  }
  reset(): void {
    this.retries = 0;
    this.sleptMs = 0;
    this.byCode.clear();
  }
}

/** withLogger runs `work` with the providers' log going to `logger`, then restores the previous logger. */
export async function withLogger<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  const previous = setLogger(logger);
  try {
    return await work();
  } finally {
    setLogger(previous);
  }
}
