/**
 * The SLB emulator's state and business rules: regions' load balancers, certificates and listeners of the four
 * protocols (keyed by protocol and port), the documents' conditional rules over a listener's whole configuration,
 * port sharing, the listener quota, the HTTP redirect listener, listener status (stopped after create, starting then
 * running after start, configuring during a Set, stopping then stopped after a stop), and the load balancer
 * configuration lock (a mutation keeps the load balancer busy for `lockMs`; reads may be refused meanwhile). The
 * forwarding rules' own rules are in rules.ts; their records live on their listener here, so they go with it.
 * Ref: ../shared/api-docs/aliyun-slb-https-extras.md section 4 (statuses; StartLoadBalancerListener moves a stopped
 * listener to starting, then running) and section 5 (OperationBusy reported on a describe during a refresh);
 * aliyun-slb-listener-family.md (below "the family digest") §1.1 (redirect), §4 (ListenerProtocol), §5 (ports, quota).
 */
import type { ListenerProtocol } from "./constants";
import { DOMAIN_EXTENSION_QUOTA, LISTENERS_PER_INSTANCE, RULES_PER_LISTENER, UDP_RESERVED_PORTS } from "./constants";
import { SLB_ERRORS, SlbError } from "./errors";
import type { ListenerConfig } from "./listenerRules";
import {
  conditionalProblem,
  isRedirect,
  normaliseConfig,
  schedulerProblem,
  sharesPortWith,
  withDefaults,
} from "./listenerRules";

export type { ListenerConfig } from "./listenerRules";

/** ListenerStatus is a listener's settled state: what it is once no configuration is pending. */
type ListenerStatus = "running" | "stopped";

/** TransientStatus is the state Describe reports while a change is pending. */
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

/** RuleSettings are a forwarding rule's own scheduler, session and health-check settings, by their SetRule names. */
export type RuleSettings = Record<string, string | number>;

/** FakeRule is one emulated forwarding rule of an HTTP or HTTPS listener. */
export interface FakeRule {
  /** `rule-` and an alphanumeric string. Ref: the family digest §6 [S14]. */
  readonly id: string;
  readonly regionId: string;
  readonly loadBalancerId: string;
  readonly listenerPort: number;
  name: string;
  /** Absent when the rule matches by URL only. */
  readonly domain?: string;
  /** Absent when the rule matches by domain only. */
  readonly url?: string;
  vServerGroupId: string;
  /** `on`: the rule follows its listener's scheduler, session and health check; `off`: `settings` hold its own. */
  listenerSync: "on" | "off";
  /** The rule's own settings; empty while `listenerSync` is `on`. */
  settings: RuleSettings;
}

/** FakeListener is one emulated listener of any of the four protocols. */
export interface FakeListener {
  readonly port: number;
  readonly protocol: ListenerProtocol;
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
  /** Domain extensions (additional certificates) by id; they go with the listener (HTTPS only). */
  domainExtensions?: Map<string, FakeDomainExtension>;
  /** Forwarding rules by id, in creation order; they go with the listener (HTTP and HTTPS only). */
  rules?: Map<string, FakeRule>;
}

/**
 * ListenerTable is a load balancer's listeners keyed by protocol and port. Look-ups by port alone mean the HTTPS
 * listener (the protocol the emulator first modelled), so `listeners.get(443)` keeps answering what HTTPS callers
 * expect; `keys()` lists the port of every listener (a port two protocols share appears twice).
 */
class ListenerTable {
  readonly #byKey = new Map<string, FakeListener>();

  private static key(port: number, protocol: ListenerProtocol): string {
    return `${protocol}:${port}`;
  }

  /** size is the number of listeners of every protocol. */
  get size(): number {
    return this.#byKey.size;
  }

  /** get finds the listener of a protocol on a port. */
  get(port: number, protocol: ListenerProtocol = "https"): FakeListener | undefined {
    return this.#byKey.get(ListenerTable.key(port, protocol));
  }

  /** has says whether a protocol has a listener on a port. */
  has(port: number, protocol: ListenerProtocol = "https"): boolean {
    return this.#byKey.has(ListenerTable.key(port, protocol));
  }

  /** add stores a listener under its protocol and port. */
  add(listener: FakeListener): void {
    this.#byKey.set(ListenerTable.key(listener.port, listener.protocol), listener);
  }

  /** delete removes the listener of a protocol on a port. */
  delete(port: number, protocol: ListenerProtocol = "https"): boolean {
    return this.#byKey.delete(ListenerTable.key(port, protocol));
  }

  /** onPort lists the listeners of every protocol on a port. */
  onPort(port: number): FakeListener[] {
    return [...this.#byKey.values()].filter((l) => l.port === port);
  }

  /** values lists every listener in creation order. */
  values(): IterableIterator<FakeListener> {
    return this.#byKey.values();
  }

  /** keys lists the port of every listener in creation order. */
  *keys(): IterableIterator<number> {
    for (const listener of this.#byKey.values()) yield listener.port;
  }

  /** sorted lists every listener by port, then protocol (the order the emulator's lists use). */
  sorted(): FakeListener[] {
    return [...this.#byKey.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
  }
}

/** FakeLoadBalancer is one emulated SLB instance. */
export interface FakeLoadBalancer {
  readonly id: string;
  readonly regionId: string;
  readonly name: string;
  readonly addressType: "internet" | "intranet";
  readonly address: string;
  readonly spec?: string;
  /**
   * A shared-performance instance: no TLS policy, no domain extensions, no consistent-hash scheduler.
   * Ref: aliyun-slb-https-extras.md §1.1, §2.1; the family digest §0.
   */
  readonly shared?: boolean;
  readonly listeners: ListenerTable;
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

/**
 * RedirectStatusCase is how a redirect listener's Describe writes its status: `capitalised` as the en-US document's
 * example (`"Stopped"`), `lower` as the zh-CN one (`"stopped"`). Ref: the family digest §3 [S11].
 */
export type RedirectStatusCase = "capitalised" | "lower";

/** StateOptions tune the business rules that depend on time, and the quotas. */
interface StateOptions {
  /** How long a mutation keeps its load balancer busy, in milliseconds (0 turns the lock off). */
  readonly lockMs: number;
  /** Describe calls on a busy load balancer answer OperationBusy ("A previous operation is pending."). */
  readonly refuseReadsWhileBusy?: boolean;
  readonly now?: () => number;
  /** Domain extensions per HTTPS listener. @default DOMAIN_EXTENSION_QUOTA (3) */
  readonly domainExtensionQuota?: number;
  /** Listeners per load balancer, all protocols together. @default LISTENERS_PER_INSTANCE (50) */
  readonly listenerQuota?: number;
  /** @default "capitalised" */
  readonly redirectStatusCase?: RedirectStatusCase;
  /** Forwarding rules per HTTP or HTTPS listener. @default RULES_PER_LISTENER (40) */
  readonly ruleQuota?: number;
}

/** LockKind says which busy code a refused mutation gets: listener configuration or start/stop. */
type LockKind = "configure" | "startStop";

/** ServerGroupSwitches are Set's `VServerGroup` and `MasterSlaveServerGroup` (`on` | `off`). */
interface ServerGroupSwitches {
  readonly vServerGroup?: string;
  readonly masterSlaveServerGroup?: string;
}

/** ListenerFilter narrows DescribeLoadBalancerListeners. */
interface ListenerFilter {
  /** Load balancer ids; empty means every one of the region. */
  readonly loadBalancerIds: readonly string[];
  readonly protocol?: ListenerProtocol;
  readonly port?: number;
  readonly description?: string;
  readonly tags: readonly ListenerTag[];
}

/** ListedListener is one listener of a list, with its load balancer. */
interface ListedListener {
  readonly lb: FakeLoadBalancer;
  readonly listener: FakeListener;
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
  /** Listeners per load balancer before ListenerNumberOverLimit. */
  listenerQuota: number;
  /** How a redirect listener's Describe writes its status. */
  redirectStatusCase: RedirectStatusCase;
  /** Forwarding rules per HTTP or HTTPS listener before TooManyRules. */
  ruleQuota: number;
  private readonly now: () => number;
  private sequence = 0;

  constructor(options: StateOptions) {
    this.lockMs = options.lockMs;
    this.refuseReadsWhileBusy = options.refuseReadsWhileBusy ?? false;
    this.now = options.now ?? Date.now;
    this.domainExtensionQuota = options.domainExtensionQuota ?? DOMAIN_EXTENSION_QUOTA;
    this.listenerQuota = options.listenerQuota ?? LISTENERS_PER_INSTANCE;
    this.redirectStatusCase = options.redirectStatusCase ?? "capitalised";
    this.ruleQuota = options.ruleQuota ?? RULES_PER_LISTENER;
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
      listeners: new ListenerTable(),
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

  /** listener finds the listener of a protocol on a port, or answers "The specified resource does not exist.". */
  private listener(lb: FakeLoadBalancer, port: number, protocol: ListenerProtocol): FakeListener {
    const listener = lb.listeners.get(port, protocol);
    if (!listener) throw SLB_ERRORS.listenerNotFound();
    return listener;
  }

  /**
   * addressed finds the listener Start, Stop or Delete name: by port and `ListenerProtocol` when given, else the one
   * listener on the port. A port with no listener answers "The specified resource does not exist." (as before the
   * other protocols existed, Terraform's gone proof); a protocol that no listener on a used port has answers
   * ListenerNotFound; several listeners and no protocol answer TooManyListeners.
   * Ref: the family digest §4 (ListenerProtocol "required when listeners of different protocols share the port"),
   * extras §5 [S23] (TooManyListeners). Assumed: ListenerNotFound for the absent protocol (see SLB_ERRORS).
   */
  private addressed(lb: FakeLoadBalancer, port: number, protocol: ListenerProtocol | undefined): FakeListener {
    const onPort = lb.listeners.onPort(port);
    if (onPort.length === 0) throw SLB_ERRORS.listenerNotFound();
    if (protocol === undefined) {
      if (onPort.length > 1) throw SLB_ERRORS.tooManyListeners();
      return onPort[0];
    }
    const listener = onPort.find((l) => l.protocol === protocol);
    if (!listener) throw SLB_ERRORS.listenerNotFoundForProtocol();
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

  /**
   * checkRedirectTarget requires a redirect listener's `ForwardPort` to be an HTTPS listener of the same load balancer.
   * Ref: the family digest §1.1 [S1][S16][S35] ("must be an existing HTTPS listener port on the same instance").
   * Assumed: a missing ForwardPort is MissingParameter, a port without an HTTPS listener InvalidParameter naming
   * ForwardPort; no source gives either answer.
   */
  private checkRedirectTarget(lb: FakeLoadBalancer, config: ListenerConfig): void {
    const target = config.ForwardPort;
    if (target === undefined) throw SLB_ERRORS.missingParameter("ForwardPort");
    if (!lb.listeners.has(Number(target), "https")) throw SLB_ERRORS.invalidParameter("ForwardPort");
  }

  /**
   * portProblem applies port sharing, the quota and the UDP reserved ports to a new listener. Ref: the family digest
   * §5 [S18][S19][S10], §1.3 [S6][S20]. Assumed: a clash with another protocol answers ListenerAlreadyExists, the
   * documented same-port code (the digest §5 has no source for the cross-protocol answer).
   */
  private portProblem(lb: FakeLoadBalancer, port: number, protocol: ListenerProtocol): SlbError | undefined {
    if (protocol === "udp" && UDP_RESERVED_PORTS.includes(port)) return SLB_ERRORS.portInvalid();
    if (lb.listeners.onPort(port).some((l) => !sharesPortWith(protocol, l.protocol))) {
      return SLB_ERRORS.listenerAlreadyExists();
    }
    if (lb.listeners.size >= this.listenerQuota) return SLB_ERRORS.listenerNumberOverLimit();
    return undefined;
  }

  /**
   * createListener adds a stopped listener after the documents' rules, certificates (HTTPS), the redirect target
   * (HTTP), port sharing and the quota. `protocol` defaults to HTTPS for the callers written before the others.
   */
  createListener(
    regionId: string,
    lbId: string,
    port: number,
    config: ListenerConfig,
    protocol: ListenerProtocol = "https",
  ): void {
    const lb = this.loadBalancer(regionId, lbId);
    const given = { ...config };
    // ForwardPort only means something with the redirect on. Assumed: otherwise the service ignores it.
    if (protocol === "http" && given.ListenerForward !== "on") delete given.ForwardPort;
    const full = normaliseConfig(protocol, withDefaults(protocol, given));
    const problem = conditionalProblem(protocol, full) ?? schedulerProblem(lb.shared ?? false, full);
    if (problem) throw problem;
    if (protocol === "https") this.checkCertificates(regionId, full);
    if (isRedirect(protocol, full)) this.checkRedirectTarget(lb, full);
    this.mutate(lb, "configure", () => {
      const refused = this.portProblem(lb, port, protocol);
      if (refused) throw refused;
      lb.listeners.add({ port, protocol, status: "stopped", config: full, transientUntil: 0 });
    });
  }

  /**
   * setListener changes a listener's configuration; `VServerGroup=off` detaches its VServer group and
   * `MasterSlaveServerGroup=off` its primary/secondary group. A redirect listener refuses every Set.
   * Ref: extras §2 (VServerGroup); the family digest §2 [S2] (MasterSlaveServerGroup), §1.1 [S28] (redirect).
   */
  setListener(
    regionId: string,
    lbId: string,
    port: number,
    patch: ListenerConfig,
    switches: ServerGroupSwitches = {},
    protocol: ListenerProtocol = "https",
  ): void {
    const lb = this.loadBalancer(regionId, lbId);
    const listener = this.listener(lb, port, protocol);
    if (isRedirect(protocol, listener.config)) throw SLB_ERRORS.operationNotAllowed();
    const next: ListenerConfig = { ...listener.config, ...patch };
    if (switches.vServerGroup === "off") delete next.VServerGroupId;
    if (switches.masterSlaveServerGroup === "off") delete next.MasterSlaveServerGroupId;
    const full = normaliseConfig(protocol, next);
    const problem = conditionalProblem(protocol, full) ?? schedulerProblem(lb.shared ?? false, patch);
    if (problem) throw problem;
    if (protocol === "https") this.checkCertificates(regionId, patch);
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

  /** startListener makes a listener running; without `protocol` the port must hold one listener only. */
  startListener(regionId: string, lbId: string, port: number, protocol?: ListenerProtocol): void {
    const lb = this.loadBalancer(regionId, lbId);
    const listener = this.addressed(lb, port, protocol);
    this.mutate(lb, "startStop", () => {
      listener.status = "running";
      this.transition(listener, "starting");
    });
  }

  /** stopListener makes a listener stopped; without `protocol` the port must hold one listener only. */
  stopListener(regionId: string, lbId: string, port: number, protocol?: ListenerProtocol): void {
    const lb = this.loadBalancer(regionId, lbId);
    const listener = this.addressed(lb, port, protocol);
    this.mutate(lb, "startStop", () => {
      listener.status = "stopped";
      this.transition(listener, "stopping");
    });
  }

  /** deleteListener removes a listener; without `protocol` the port must hold one listener only. */
  deleteListener(regionId: string, lbId: string, port: number, protocol?: ListenerProtocol): void {
    const lb = this.loadBalancer(regionId, lbId);
    const listener = this.addressed(lb, port, protocol);
    this.mutate(lb, "configure", () => {
      lb.listeners.delete(port, listener.protocol);
    });
  }

  /** describeListener returns a listener (reads never wait for the lock; see readListener for the wire's rule). */
  describeListener(regionId: string, lbId: string, port: number, protocol: ListenerProtocol = "https"): FakeListener {
    return this.listener(this.loadBalancer(regionId, lbId), port, protocol);
  }

  /**
   * readListener is describeListener as the wire sees it: with refuseReadsWhileBusy, a load balancer whose
   * configuration is pending answers OperationBusy. Ref: alibaba/terraform-provider issue 451 (OperationBusy from a
   * listener describe during a refresh).
   */
  readListener(regionId: string, lbId: string, port: number, protocol: ListenerProtocol = "https"): FakeListener {
    const lb = this.loadBalancer(regionId, lbId);
    this.refuseBusyRead(lb);
    return this.listener(lb, port, protocol);
  }

  /**
   * refuseBusyRead answers a read of a load balancer whose configuration is pending with OperationBusy when the
   * emulator refuses reads then (refuseReadsWhileBusy); otherwise it does nothing.
   */
  refuseBusyRead(lb: FakeLoadBalancer): void {
    if (this.refuseReadsWhileBusy && this.lockMs > 0 && this.now() < lb.busyUntil) throw SLB_ERRORS.operationBusy();
  }

  /**
   * listListeners lists a region's listeners for DescribeLoadBalancerListeners: the named load balancers (each must
   * exist) or every one, in load balancer creation order, then by port and protocol, narrowed by the filter.
   * Assumed: the order (no source gives one), an exact match on Description, and every given tag must be on the
   * listener; the busy rule of readListener applies to the named load balancers.
   */
  listListeners(regionId: string, filter: ListenerFilter): ListedListener[] {
    const lbs =
      filter.loadBalancerIds.length === 0
        ? [...this.loadBalancers.values()].filter((lb) => lb.regionId === regionId)
        : filter.loadBalancerIds.map((id) => this.loadBalancer(regionId, id));
    if (this.refuseReadsWhileBusy && this.lockMs > 0 && lbs.some((lb) => this.now() < lb.busyUntil)) {
      throw SLB_ERRORS.operationBusy();
    }
    return lbs.flatMap((lb) =>
      lb.listeners
        .sorted()
        .filter(
          (l) =>
            (filter.protocol === undefined || l.protocol === filter.protocol) &&
            (filter.port === undefined || l.port === filter.port) &&
            (filter.description === undefined || l.config.Description === filter.description) &&
            filter.tags.every((t) => (l.tags ?? []).some((o) => o.TagKey === t.TagKey && o.TagValue === t.TagValue)),
        )
        .map((listener) => ({ lb, listener })),
    );
  }

  /** allListeners lists every listener as `<lbId>:<protocol>:<port>`, for tests that check nothing extra exists. */
  allListeners(): string[] {
    const out: string[] = [];
    for (const lb of this.loadBalancers.values()) {
      for (const l of lb.listeners.sorted()) out.push(`${lb.id}:${l.protocol}:${l.port}`);
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
