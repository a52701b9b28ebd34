/**
 * The resources under benchmark, behind one shape: an in-process emulator, a provider built the way the
 * dynamic-provider host builds it (no arguments except the environment to read), the inputs of a typical listener,
 * and the engine's lifecycle steps (check, diff, create, read, update, delete) as the host drives them.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HttpListenerProvider } from "../aliyun/http/provider";
import { HttpsListenerProvider } from "../aliyun/provider";
import { TcpListenerProvider } from "../aliyun/tcp/provider";
import { UdpListenerProvider } from "../aliyun/udp/provider";
import type { Logger } from "../core/log";
import { setLogger } from "../core/log";
import type { AliyunEmulator } from "../emulator/aliyun";
import { startAliyunEmulator } from "../emulator/aliyun";
import type { HuaweiEmulator } from "../emulator/huawei";
import { startHuaweiEmulator } from "../emulator/huawei";
import { ElbV2ListenerProvider } from "../huawei/elbV2/provider";
import { ElbV3ListenerProvider } from "../huawei/elbV3/provider";
import { ElbListenerProvider } from "../huawei/provider";

/** Props is a property bag as the host passes it to a provider. */
export type Props = Record<string, unknown>;

/**
 * CloudName names one resource kind in the figures: `Aliyun` is HttpsListener, `Aliyun HTTP`, `Aliyun TCP` and
 * `Aliyun UDP` the other SLB listener kinds (`Aliyun HTTP redirect` an HttpListener redirecting to HTTPS), `Huawei`
 * is ElbListener, `Huawei v2` ElbV2Listener and `Huawei v3` ElbV3Listener.
 */
export type CloudName =
  | "Aliyun"
  | "Aliyun HTTP"
  | "Aliyun TCP"
  | "Aliyun UDP"
  | "Aliyun HTTP redirect"
  | "Huawei"
  | "Huawei v2"
  | "Huawei v3";

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
  readonly kind:
    | "aliyun:HttpsListener"
    | "aliyun:HttpListener"
    | "aliyun:TcpListener"
    | "aliyun:UdpListener"
    | "huawei:ElbListener"
    | "huawei:ElbV2Listener"
    | "huawei:ElbV3Listener";
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
  /** changed is `raw` with one input changed that the API updates in place (none for a redirect listener: it throws). */
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
  const [https] = await startAliyunKinds(knobs, ["https"]);
  return https;
}

/** AliyunProtocol names the SLB listener kinds the bench drives, by their `ListenerProtocol`. */
export type AliyunProtocol = "https" | "http" | "tcp" | "udp";

/** AliyunKind is what differs between the SLB listener kinds in the bench. */
interface AliyunKind {
  readonly name: CloudName;
  readonly kind: Cloud["kind"];
  readonly make: (env: Readonly<Record<string, string>>) => dynamic.ResourceProvider;
  readonly listener: (loadBalancerId: string, index: number, serverCertificateId: string) => Props;
  readonly changed: (raw: Props) => Props;
}

/**
 * ALIYUN_KINDS are the four SLB listener kinds. Ports: HTTPS 1000 + i, HTTP 2000 + i, TCP 3000 + i, so the three never
 * meet on a port (they share one port space on a load balancer); the `i`th UDP listener takes the port of the `i`th
 * HTTPS, HTTP or TCP listener in turn (UDP has a port space of its own).
 * Ref: ../shared/api-docs/aliyun-slb-listener-family.md §5 (UDP beside TCP on one port; TCP, HTTP, HTTPS never).
 */
const ALIYUN_KINDS: Readonly<Record<AliyunProtocol, AliyunKind>> = {
  https: {
    name: "Aliyun",
    kind: "aliyun:HttpsListener",
    make: (env) => new HttpsListenerProvider({ env }),
    listener: (lb, i, cert) => aliyunListener(lb, 1000 + i, cert),
    changed: (raw) => ({ ...raw, idleTimeout: 30 }),
  },
  http: {
    name: "Aliyun HTTP",
    kind: "aliyun:HttpListener",
    make: (env) => new HttpListenerProvider({ env }),
    listener: (lb, i) => ({ ...slbListener(lb, 2000 + i), healthCheck: "off", stickySession: "off" }),
    changed: (raw) => ({ ...raw, idleTimeout: 30 }),
  },
  tcp: {
    name: "Aliyun TCP",
    kind: "aliyun:TcpListener",
    make: (env) => new TcpListenerProvider({ env }),
    listener: (lb, i) => slbListener(lb, 3000 + i),
    changed: (raw) => ({ ...raw, persistenceTimeout: 60 }),
  },
  udp: {
    name: "Aliyun UDP",
    kind: "aliyun:UdpListener",
    make: (env) => new UdpListenerProvider({ env }),
    listener: (lb, i) => slbListener(lb, [1000, 2000, 3000][i % 3] + i),
    changed: (raw) => ({ ...raw, scheduler: "rr" }),
  },
};

/** slbListener is the part every typical SLB listener shares: fixed bandwidth, backend port 8080. */
function slbListener(loadBalancerId: string, listenerPort: number): Props {
  return { loadBalancerId, listenerPort, bandwidth: -1, backendServerPort: 8080 };
}

/** aliyunCloud is one SLB listener kind on a running emulator; `close` closes the emulator. */
function aliyunCloud(emulator: AliyunEmulator, protocol: AliyunProtocol, close: () => Promise<void>): Cloud {
  const kind = ALIYUN_KINDS[protocol];
  const env = aliyunEnv(emulator);
  const { regionId, serverCertificateId } = emulator.seed;
  return {
    name: kind.name,
    kind: kind.kind,
    // Every kind's create is its create action then StartLoadBalancerListener, both under the lock.
    mutations: { create: 2, update: 1, delete: 1 },
    env,
    provider: kind.make(env),
    calls: emulator.calls,
    resetCalls: () => emulator.resetCalls(),
    addLoadBalancers: (count) =>
      Array.from({ length: count }, () => emulator.state.createLoadBalancer({ regionId }).id),
    listener: (loadBalancerId, index) => kind.listener(loadBalancerId, index, serverCertificateId),
    changed: kind.changed,
    close,
  };
}

/**
 * startAliyunKinds starts one SLB emulator and, for each protocol asked, a provider of that kind reading its
 * environment; the kinds share the emulator (its load balancers, lock and counters) and this process's one lock per
 * load balancer, as the kinds of one stack do. Closing any of them closes the emulator, once.
 */
export async function startAliyunKinds(
  knobs: EmulatorKnobs,
  protocols: readonly AliyunProtocol[] = ["https", "http", "tcp", "udp"],
): Promise<Cloud[]> {
  const emulator = await startAliyunEmulator({ lockMs: knobs.lockMs, requestsPerSecond: knobs.requestsPerSecond });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= emulator.close());
  return protocols.map((protocol) => aliyunCloud(emulator, protocol, close));
}

/** startAliyunKind starts an SLB emulator with one listener kind's provider (see startAliyunKinds). */
export function startAliyunKind(protocol: AliyunProtocol): (knobs: EmulatorKnobs) => Promise<Cloud> {
  return async (knobs) => (await startAliyunKinds(knobs, [protocol]))[0];
}

/** REDIRECT_TARGET_PORT is the HTTPS listener's port that the bench's redirect listeners forward to. */
const REDIRECT_TARGET_PORT = 443;

/**
 * startAliyunRedirect starts an SLB emulator and an HttpListener provider whose listeners redirect HTTP to HTTPS:
 * each load balancer it adds holds an HTTPS listener on REDIRECT_TARGET_PORT (made in the emulator's state, no call
 * counted), the redirect's required target. A redirect listener changes nothing in place, so `changed` throws.
 * Ref: ../shared/api-docs/aliyun-slb-listener-family.md §1.1 (the redirect needs an HTTPS listener on ForwardPort;
 * its Set is refused, ListenerForward and ForwardPort are fixed at create).
 */
export async function startAliyunRedirect(knobs: EmulatorKnobs): Promise<Cloud> {
  const emulator = await startAliyunEmulator({ lockMs: knobs.lockMs, requestsPerSecond: knobs.requestsPerSecond });
  const http = aliyunCloud(emulator, "http", () => emulator.close());
  const { regionId, serverCertificateId } = emulator.seed;
  return {
    ...http,
    name: "Aliyun HTTP redirect",
    addLoadBalancers: (count) =>
      http.addLoadBalancers(count).map((lb) => {
        emulator.state.createListener(regionId, lb, REDIRECT_TARGET_PORT, {
          ServerCertificateId: serverCertificateId,
          BackendServerPort: 8080,
        });
        return lb;
      }),
    listener: (loadBalancerId, index) => ({
      loadBalancerId,
      listenerPort: 80 + index,
      listenerForward: "on",
      forwardPort: REDIRECT_TARGET_PORT,
    }),
    changed: () => {
      throw new Error("a redirect listener changes nothing in place: every input replaces it");
    },
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

/**
 * startHuaweiV2 starts an ELB emulator and an ElbV2Listener provider reading its environment; its load balancers are
 * shared ones, ACTIVE until a listener change keeps them PENDING_UPDATE for the lock. The emulator's region, eu-de,
 * makes the provider speak Open Telekom Cloud's routes (`/v2.0/lbaas/...`).
 */
export async function startHuaweiV2(knobs: EmulatorKnobs): Promise<Cloud> {
  const emulator = await startHuaweiEmulator({ lockMs: knobs.lockMs, requestsPerSecond: knobs.requestsPerSecond });
  const env = huaweiEnv(emulator);
  return {
    name: "Huawei v2",
    kind: "huawei:ElbV2Listener",
    mutations: { create: 1, update: 1, delete: 1 },
    env,
    // As for v3: the load balancer is GET every pollIntervalMs while PENDING_UPDATE after a change (the lock).
    provider: new ElbV2ListenerProvider({ env, pollIntervalMs: 10 }),
    calls: emulator.calls,
    resetCalls: () => emulator.resetCalls(),
    addLoadBalancers: (count) =>
      Array.from({ length: count }, (_, i) => emulator.v2.addLoadBalancer(`bench-v2-${i}`).id),
    listener: (loadbalancerId, index) => huaweiV2Listener(loadbalancerId, 1000 + index),
    changed: (raw) => ({ ...raw, description: "changed by the bench" }),
    close: () => emulator.close(),
  };
}

/** huaweiV2Listener is a typical ElbV2Listener: HTTP, named, no tags and no v3-only setting. */
export function huaweiV2Listener(loadbalancerId: string, protocolPort: number): Props {
  return { name: `bench-v2-${protocolPort}`, loadbalancerId, protocol: "HTTP", protocolPort };
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

/**
 * RetryLog is a logger that counts the providers' retry lines by the code that caused them, and nothing else. It
 * reads the pipeline's one retry format, `<resource> <subject>: <action> answered <code> (HTTP <status>); retry <n> in
 * <ms> ms (<source>)`, or `<action> failed (<error name>)` for an error that is not an API answer.
 */
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
    const retry = /; retry \d+ in (\d+) ms(?: \((?:backoff|lock|throttle)\))?$/.exec(message);
    if (!retry) return;
    this.retries += 1;
    this.sleptMs += Number(retry[1]);
    const cause = / answered (\S+)(?: \(HTTP \d+\))?; retry | failed \(([^)]+)\); retry /.exec(message);
    const code = cause?.[1] ?? cause?.[2] ?? "other";
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
