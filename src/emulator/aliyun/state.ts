/**
 * The SLB emulator's state and business rules: regions' load balancers, certificates and HTTPS listeners, the
 * document's conditional rules over a listener's whole configuration, listener status (stopped after create,
 * starting then running after start, configuring during a Set, stopping then stopped after a stop), and the load
 * balancer configuration lock (a mutation keeps the load balancer busy for `lockMs`; reads may be refused meanwhile).
 * Ref: ../shared/api-docs/aliyun-slb-https-extras.md section 4 (statuses; StartLoadBalancerListener moves a stopped
 * listener to starting, then running) and section 5 (OperationBusy reported on a describe during a refresh).
 */
import { DOMAIN_EXTENSION_QUOTA } from "./constants";
import { SLB_ERRORS, SlbError } from "./errors";

/** ListenerConfig is a listener's configuration by request parameter name (numbers for Integer parameters). */
export type ListenerConfig = Record<string, string | number>;

/** ListenerStatus is a listener's settled state: what it is once no configuration is pending. */
type ListenerStatus = "running" | "stopped";

/** TransientStatus is the state DescribeLoadBalancerHTTPSListenerAttribute reports while a change is pending. */
type TransientStatus = "starting" | "configuring" | "stopping";

/** ListenerTag is one tag of a listener, as Describe reports it. */
export interface ListenerTag {
  readonly TagKey: string;
  readonly TagValue: string;
}

/** FakeDomainExtension is one emulated domain extension. */
export interface FakeDomainExtension {
  /** `de-` and an alphanumeric string. Ref: aliyun-slb-https-extras.md §1.1 [S8]. */
  readonly id: string;
  readonly regionId: string;
  readonly loadBalancerId: string;
  readonly listenerPort: number;
  readonly domain: string;
  serverCertificateId: string;
}

/** FakeListener is one emulated HTTPS listener. */
export interface FakeListener {
  readonly port: number;
  /** The settled status (what Describe reports once `transientUntil` has passed). */
  status: ListenerStatus;
  config: ListenerConfig;
  /**
   * The status Describe reports until `transientUntil`. Assumed: a pending change lasts as long as the load balancer
   * lock (`lockMs`); the documents name the statuses, not their durations.
   */
  transient?: TransientStatus;
  transientUntil: number;
  /** Tags given at create (`Tag.N`), in order. */
  tags?: readonly ListenerTag[];
  /** Domain extensions (additional certificates) by id; they go with the listener. */
  domainExtensions?: Map<string, FakeDomainExtension>;
}

/** FakeLoadBalancer is one emulated SLB instance. */
export interface FakeLoadBalancer {
  readonly id: string;
  readonly regionId: string;
  readonly name: string;
  readonly addressType: "internet" | "intranet";
  readonly address: string;
  readonly spec?: string;
  /** A shared-performance instance: no TLS policy, no domain extensions. Ref: aliyun-slb-https-extras.md §1.1, §2.1. */
  readonly shared?: boolean;
  readonly listeners: Map<number, FakeListener>;
  /** Time until which the load balancer is reconfiguring and refuses mutations. */
  busyUntil: number;
}

/** FakeCertificate is an uploaded server or CA certificate. */
interface FakeCertificate {
  readonly id: string;
  readonly regionId: string;
  readonly kind: "server" | "ca";
  readonly name: string;
}

/** StateOptions tune the business rules that depend on time. */
interface StateOptions {
  /** How long a mutation keeps its load balancer busy, in milliseconds (0 turns the lock off). */
  readonly lockMs: number;
  /** Describe calls on a busy load balancer answer OperationBusy ("A previous operation is pending."). */
  readonly refuseReadsWhileBusy?: boolean;
  readonly now?: () => number;
  /** Domain extensions per HTTPS listener. @default DOMAIN_EXTENSION_QUOTA (3) */
  readonly domainExtensionQuota?: number;
}

/** LockKind says which busy code a refused mutation gets: listener configuration or start/stop. */
type LockKind = "configure" | "startStop";

/**
 * conditionalProblem applies the document's conditional rules to a listener's whole configuration and returns the
 * error for the first broken one, or undefined.
 */
function conditionalProblem(config: ListenerConfig): SlbError | undefined {
  if (config.AclStatus === "on") {
    if (config.AclId === undefined) return SLB_ERRORS.missingParameter("AclId");
    if (config.AclType === undefined) return SLB_ERRORS.missingParameter("AclType");
  }
  if (config.VServerGroupId === undefined && config.BackendServerPort === undefined) {
    return SLB_ERRORS.missingParameter("BackendServerPort");
  }
  if (config.StickySession === "on") {
    if (config.StickySessionType === undefined) return SLB_ERRORS.missingParameter("StickySessionType");
    if (config.StickySessionType === "insert" && config.CookieTimeout === undefined) {
      return SLB_ERRORS.missingParameter("CookieTimeout");
    }
    if (config.StickySessionType === "server" && config.Cookie === undefined) {
      return SLB_ERRORS.missingParameter("Cookie");
    }
  }
  return undefined;
}

/** LISTENER_DEFAULTS are the values the service applies to absent parameters, from the document. */
const LISTENER_DEFAULTS: Readonly<ListenerConfig> = {
  AclStatus: "off",
  EnableHttp2: "on",
  Gzip: "on",
  HealthCheckHttpCode: "http_2xx",
  IdleTimeout: 15,
  RequestTimeout: 60,
  Scheduler: "wrr",
  XForwardedFor: "on",
  XForwardedFor_SLBID: "off",
  XForwardedFor_SLBIP: "off",
  XForwardedFor_proto: "off",
};

/** normaliseConfig applies the health check timeout note: a timeout below the interval becomes the interval. */
function normaliseConfig(config: ListenerConfig): ListenerConfig {
  const interval = config.HealthCheckInterval;
  const timeout = config.HealthCheckTimeout;
  if (typeof interval === "number" && typeof timeout === "number" && timeout < interval) {
    return { ...config, HealthCheckTimeout: interval };
  }
  return config;
}

/** SlbState holds everything the emulator knows and enforces the service's rules. */
export class SlbState {
  readonly loadBalancers = new Map<string, FakeLoadBalancer>();
  readonly certificates = new Map<string, FakeCertificate>();
  lockMs: number;
  /** Describe calls on a busy load balancer answer OperationBusy (see StateOptions). */
  refuseReadsWhileBusy: boolean;
  /** Domain extensions per HTTPS listener before the quota error. */
  domainExtensionQuota: number;
  private readonly now: () => number;
  private sequence = 0;

  constructor(options: StateOptions) {
    this.lockMs = options.lockMs;
    this.refuseReadsWhileBusy = options.refuseReadsWhileBusy ?? false;
    this.now = options.now ?? Date.now;
    this.domainExtensionQuota = options.domainExtensionQuota ?? DOMAIN_EXTENSION_QUOTA;
  }

  private nextId(prefix: string, length: number): string {
    this.sequence += 1;
    return `${prefix}${this.sequence.toString(36).padStart(length, "0")}`;
  }

  /** createLoadBalancer adds an SLB instance in a region and returns it. */
  createLoadBalancer(input: {
    regionId: string;
    addressType?: "internet" | "intranet";
    name?: string;
    spec?: string;
    shared?: boolean;
  }): FakeLoadBalancer {
    const id = this.nextId("lb-emu", 18);
    const addressType = input.addressType ?? "internet";
    const n = this.sequence % 250;
    const lb: FakeLoadBalancer = {
      id,
      regionId: input.regionId,
      name: input.name ?? `auto_named_slb_${this.sequence}`,
      addressType,
      address: addressType === "internet" ? `47.96.0.${n + 1}` : `192.168.0.${n + 1}`,
      spec: input.spec,
      ...(input.shared ? { shared: true } : {}),
      listeners: new Map(),
      busyUntil: 0,
    };
    this.loadBalancers.set(id, lb);
    return lb;
  }

  /** addCertificate stores an uploaded certificate and returns its id. */
  addCertificate(regionId: string, kind: "server" | "ca", name?: string): FakeCertificate {
    const id = kind === "server" ? this.nextId("idkp-emu-", 8) + `-${regionId}` : this.nextId("ca-emu-", 8);
    const cert: FakeCertificate = { id, regionId, kind, name: name ?? id };
    this.certificates.set(id, cert);
    return cert;
  }

  /** loadBalancer finds an instance in a region or raises InvalidLoadBalancerId.NotFound. */
  loadBalancer(regionId: string, id: string): FakeLoadBalancer {
    const lb = this.loadBalancers.get(id);
    if (!lb || lb.regionId !== regionId) throw SLB_ERRORS.loadBalancerNotFound();
    return lb;
  }

  /** deleteLoadBalancer removes an instance and its listeners (tests use it to model out-of-band deletes). */
  deleteLoadBalancer(id: string): boolean {
    return this.loadBalancers.delete(id);
  }

  private listener(lb: FakeLoadBalancer, port: number): FakeListener {
    const listener = lb.listeners.get(port);
    if (!listener) throw SLB_ERRORS.listenerNotFound();
    return listener;
  }

  /** mutate runs a change on a load balancer under its configuration lock; a busy load balancer refuses it. */
  private mutate<T>(lb: FakeLoadBalancer, kind: LockKind, change: () => T): T {
    const now = this.now();
    if (this.lockMs > 0 && now < lb.busyUntil) {
      throw kind === "configure" ? SLB_ERRORS.operationBusy() : SLB_ERRORS.serviceIsConfiguring();
    }
    const result = change();
    if (this.lockMs > 0) lb.busyUntil = now + this.lockMs;
    return result;
  }

  /** transition makes Describe report a transient status for as long as the lock lasts (at once settled when 0). */
  private transition(lb: FakeListener, status: TransientStatus): void {
    if (this.lockMs <= 0) return;
    lb.transient = status;
    lb.transientUntil = this.now() + this.lockMs;
  }

  /** reportedStatus is the status Describe reports now: the transient one while a change is pending, else settled. */
  reportedStatus(listener: FakeListener): ListenerStatus | TransientStatus {
    if (listener.transient !== undefined && this.now() < listener.transientUntil) return listener.transient;
    listener.transient = undefined;
    return listener.status;
  }

  private checkCertificates(regionId: string, config: ListenerConfig): void {
    const server = config.ServerCertificateId;
    if (server !== undefined) {
      const cert = this.certificates.get(String(server));
      if (!cert || cert.kind !== "server" || cert.regionId !== regionId) {
        throw SLB_ERRORS.serverCertificateNotSupported();
      }
    }
    const ca = config.CACertificateId;
    if (ca !== undefined) {
      const cert = this.certificates.get(String(ca));
      if (!cert || cert.kind !== "ca" || cert.regionId !== regionId) throw SLB_ERRORS.caCertificateNotFound();
    }
  }

  /** createListener adds a stopped HTTPS listener after the document's rules, certificates and port checks. */
  createListener(regionId: string, lbId: string, port: number, config: ListenerConfig): void {
    const lb = this.loadBalancer(regionId, lbId);
    const full = normaliseConfig({ ...LISTENER_DEFAULTS, ...config });
    const problem = conditionalProblem(full);
    if (problem) throw problem;
    this.checkCertificates(regionId, full);
    this.mutate(lb, "configure", () => {
      if (lb.listeners.has(port)) throw SLB_ERRORS.listenerAlreadyExists();
      lb.listeners.set(port, { port, status: "stopped", config: full, transientUntil: 0 });
    });
  }

  /** setListener changes a listener's configuration; `vServerGroup` `off` detaches its VServer group. */
  setListener(regionId: string, lbId: string, port: number, patch: ListenerConfig, vServerGroup?: string): void {
    const lb = this.loadBalancer(regionId, lbId);
    const listener = this.listener(lb, port);
    const next: ListenerConfig = { ...listener.config, ...patch };
    if (vServerGroup === "off") delete next.VServerGroupId;
    const full = normaliseConfig(next);
    const problem = conditionalProblem(full);
    if (problem) throw problem;
    this.checkCertificates(regionId, patch);
    this.mutate(lb, "configure", () => {
      listener.config = full;
      this.transition(listener, "configuring");
    });
  }

  /** settle ends every configuration lock and pending status now, as if lockMs had passed (tests use it instead of waiting). */
  settle(): void {
    for (const lb of this.loadBalancers.values()) {
      lb.busyUntil = 0;
      for (const listener of lb.listeners.values()) listener.transientUntil = 0;
    }
  }

  /** startListener makes a listener running. */
  startListener(regionId: string, lbId: string, port: number): void {
    const lb = this.loadBalancer(regionId, lbId);
    const listener = this.listener(lb, port);
    this.mutate(lb, "startStop", () => {
      listener.status = "running";
      this.transition(listener, "starting");
    });
  }

  /** stopListener makes a listener stopped. */
  stopListener(regionId: string, lbId: string, port: number): void {
    const lb = this.loadBalancer(regionId, lbId);
    const listener = this.listener(lb, port);
    this.mutate(lb, "startStop", () => {
      listener.status = "stopped";
      this.transition(listener, "stopping");
    });
  }

  /** deleteListener removes a listener. */
  deleteListener(regionId: string, lbId: string, port: number): void {
    const lb = this.loadBalancer(regionId, lbId);
    this.listener(lb, port);
    this.mutate(lb, "configure", () => {
      lb.listeners.delete(port);
    });
  }

  /** describeListener returns a listener (reads never wait for the lock; see readListener for the wire's rule). */
  describeListener(regionId: string, lbId: string, port: number): FakeListener {
    return this.listener(this.loadBalancer(regionId, lbId), port);
  }

  /**
   * readListener is describeListener as the wire sees it: with refuseReadsWhileBusy, a load balancer whose
   * configuration is pending answers OperationBusy. Ref: alibaba/terraform-provider issue 451 (OperationBusy from a
   * listener describe during a refresh).
   */
  readListener(regionId: string, lbId: string, port: number): FakeListener {
    const lb = this.loadBalancer(regionId, lbId);
    if (this.refuseReadsWhileBusy && this.lockMs > 0 && this.now() < lb.busyUntil) throw SLB_ERRORS.operationBusy();
    return this.listener(lb, port);
  }

  /** allListeners lists every listener as `<lbId>:https:<port>`, for tests that check nothing extra exists. */
  allListeners(): string[] {
    const out: string[] = [];
    for (const lb of this.loadBalancers.values()) {
      for (const port of [...lb.listeners.keys()].sort((a, b) => a - b)) out.push(`${lb.id}:https:${port}`);
    }
    return out;
  }

  /** newId makes an id from the state's one sequence, e.g. `newId("de-emu", 10)` for a domain extension. */
  newId(prefix: string, length: number): string {
    return this.nextId(prefix, length);
  }

  /**
   * underLock runs a change on a load balancer under its configuration lock, as listener mutations do, but answers
   * a busy load balancer with the caller's error (domain extensions answer DomainExtensionProcessing).
   */
  underLock<T>(lb: FakeLoadBalancer, busy: () => SlbError, change: () => T): T {
    const now = this.now();
    if (this.lockMs > 0 && now < lb.busyUntil) throw busy();
    const result = change();
    if (this.lockMs > 0) lb.busyUntil = now + this.lockMs;
    return result;
  }
}
