/**
 * The ELB emulator's state and business rules: one project's classic load balancers (External or Internal),
 * certificates and listeners; the document's parameter rules; port uniqueness, quota, the load-balancer lock while it
 * reconfigures, and the PENDING_CREATE phase before ACTIVE (or ERROR).
 * Ref: ../shared/api-docs/huawei-elb-v1-add-listener.md; "Modifying a Listener"; classic ELB error codes.
 */
import { LB_TYPE, LISTENER_STATUS, SSL_PROTOCOLS } from "./constants";
import { ELB_ERRORS, ElbError } from "./errors";

/** WireValue is a JSON value of a listener field. */
type WireValue = string | number | boolean | readonly string[];

/** FakeLoadBalancer is a classic load balancer: External is public, Internal is private. */
interface FakeLoadBalancer {
  readonly id: string;
  readonly name: string;
  readonly type: "External" | "Internal";
  readonly vipAddress: string;
  lockedUntil: number;
}

/** FakeCertificate is an uploaded certificate. */
interface FakeCertificate {
  readonly id: string;
  readonly name: string;
  readonly domain: string;
}

/** FakeListener is a listener: its stored fields (wire names), status and timestamps. */
interface FakeListener {
  readonly id: string;
  readonly loadbalancerId: string;
  fields: Record<string, WireValue>;
  status: string;
  /** GETs left before a PENDING_CREATE listener settles. */
  pendingReads: number;
  /** What a pending listener settles into. */
  settlesAs: string;
  readonly createTime: string;
  updateTime: string;
}

/** StateOptions tune the business rules. */
interface StateOptions {
  /** How long a mutation keeps its load balancer locked (ELB.1015), in milliseconds; 0 turns it off. */
  lockMs: number;
  /** How many GETs a new listener answers PENDING_CREATE before it is ACTIVE; 0 creates it ACTIVE. */
  pendingCreateReads: number;
  /** Listeners allowed per load balancer before ELB.6091. */
  listenerQuota: number;
  /** GET answers write `tcp_draining` as 1/0, the form of the documented example, instead of true/false. */
  booleansAsIntegers: boolean;
  /** An empty listener list is answered `{}` instead of `[]`, as the classic API is reported to answer. */
  emptyListAsObject: boolean;
  readonly now?: () => number;
}

const PROTOCOLS = ["HTTP", "TCP", "HTTPS", "SSL", "UDP"];
const BACKEND_PROTOCOLS = ["HTTP", "TCP", "UDP"];
const ALGORITHMS = ["roundrobin", "leastconn", "source"];
const CIPHERS = ["Default", "Extended", "Strict"];
const WIRE_TLS: readonly string[] = Object.values(SSL_PROTOCOLS);
const LEGACY_WIRE_TLS = SSL_PROTOCOLS.tls12To10;

/** MANDATORY are the create parameters the document marks mandatory. */
const MANDATORY = [
  "name",
  "loadbalancer_id",
  "protocol",
  "port",
  "backend_protocol",
  "backend_port",
  "lb_algorithm",
] as const;

/** UPDATABLE are the parameters PUT /listeners/{id} accepts. Ref: "Modifying a Listener". */
const UPDATABLE: ReadonlySet<string> = new Set([
  "name",
  "description",
  "port",
  "backend_port",
  "lb_algorithm",
  "tcp_timeout",
  "tcp_draining",
  "tcp_draining_timeout",
  "udp_timeout",
  "ssl_protocols",
  "ssl_ciphers",
  "certificate_id",
  "certificates",
]);

const isInt = (v: unknown, min: number, max: number): boolean =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const isId = (v: unknown): v is string => typeof v === "string" && /^[A-Za-z0-9-]{1,64}$/.test(v);

/** validateField checks one parameter's own rule and returns its error, or undefined. */
function validateField(key: string, v: unknown): ElbError | undefined {
  switch (key) {
    case "name":
      if (typeof v !== "string" || v.length === 0) return ELB_ERRORS.nameInvalid();
      if (v.length > 64) return ELB_ERRORS.nameTooLong();
      return /^[A-Za-z0-9_-]+$/.test(v) ? undefined : ELB_ERRORS.nameInvalid();
    case "description":
      if (typeof v !== "string") return ELB_ERRORS.invalidParameter(key);
      if (v.length > 128) return ELB_ERRORS.descriptionTooLong();
      return /[<>]/.test(v) ? ELB_ERRORS.invalidParameter(key) : undefined;
    case "loadbalancer_id":
    case "certificate_id":
      return isId(v) ? undefined : ELB_ERRORS.invalidParameter(key);
    case "certificates":
      return Array.isArray(v) && v.length > 0 && v.every(isId) ? undefined : ELB_ERRORS.invalidParameter(key);
    case "protocol":
      return typeof v === "string" && PROTOCOLS.includes(v) ? undefined : ELB_ERRORS.protocolInvalid();
    case "backend_protocol":
      return typeof v === "string" && BACKEND_PROTOCOLS.includes(v) ? undefined : ELB_ERRORS.backendProtocolInvalid();
    case "lb_algorithm":
      return typeof v === "string" && ALGORITHMS.includes(v) ? undefined : ELB_ERRORS.algorithmInvalid();
    case "port":
      return isInt(v, 1, 65535) ? undefined : ELB_ERRORS.portInvalid();
    case "backend_port":
      return isInt(v, 1, 65535) ? undefined : ELB_ERRORS.invalidParameter(key);
    case "sticky_session_type":
      return v === "insert" ? undefined : ELB_ERRORS.stickySessionTypeInvalid();
    case "session_sticky":
    case "tcp_draining":
      return typeof v === "boolean" ? undefined : ELB_ERRORS.invalidParameter(key);
    case "cookie_timeout":
    case "tcp_timeout":
    case "udp_timeout":
      return isInt(v, 1, 1440) ? undefined : ELB_ERRORS.invalidParameter(key);
    case "tcp_draining_timeout":
      return isInt(v, 0, 60) ? undefined : ELB_ERRORS.invalidParameter(key);
    case "ssl_protocols":
      return typeof v === "string" && WIRE_TLS.includes(v) ? undefined : ELB_ERRORS.invalidParameter(key);
    case "ssl_ciphers":
      return typeof v === "string" && CIPHERS.includes(v) ? undefined : ELB_ERRORS.invalidParameter(key);
    default:
      // The real service ignores parameters it does not know.
      return undefined;
  }
}

/**
 * applicable says whether a parameter takes effect for a listener's settings; the service keeps only those (the
 * document calls the others "invalid", i.e. unavailable or null).
 */
function applicable(key: string, f: Readonly<Record<string, unknown>>): boolean {
  const p = f.protocol;
  switch (key) {
    case "session_sticky":
      return p !== "SSL";
    case "sticky_session_type":
      return (p === "HTTP" || p === "HTTPS") && f.session_sticky === true;
    case "cookie_timeout":
      return (p === "HTTP" || p === "HTTPS") && f.session_sticky === true && f.sticky_session_type === "insert";
    case "tcp_timeout":
    case "tcp_draining":
      return p === "TCP";
    case "tcp_draining_timeout":
      return p === "TCP" && f.tcp_draining === true;
    case "udp_timeout":
      return p === "UDP";
    case "certificate_id":
    case "ssl_protocols":
    case "ssl_ciphers":
      return p === "HTTPS" || p === "SSL";
    case "certificates":
      return p === "HTTPS";
    default:
      return true;
  }
}

/** crossFieldProblem applies the document's "can only be" and "mandatory when" rules to a whole listener. */
function crossFieldProblem(f: Readonly<Record<string, unknown>>): ElbError | undefined {
  const p = f.protocol;
  if (p === "UDP" && f.backend_protocol !== "UDP") return ELB_ERRORS.backendProtocolInvalid();
  if (p === "SSL" && f.backend_protocol !== "TCP") return ELB_ERRORS.backendProtocolInvalid();
  if ((p === "HTTP" || p === "HTTPS" || p === "TCP") && f.session_sticky === true && f.lb_algorithm !== "roundrobin") {
    return ELB_ERRORS.invalidParameter("session_sticky");
  }
  if (p === "HTTPS" || p === "SSL") {
    if (f.certificate_id === undefined) return ELB_ERRORS.missingParameter("certificate_id");
    if (f.ssl_protocols === LEGACY_WIRE_TLS && f.ssl_ciphers !== "Extended") {
      return ELB_ERRORS.invalidParameter("ssl_ciphers");
    }
  }
  return undefined;
}

/** ID_PREFIX starts every emulator id: hex like the rest, and a letter first, so YAML reads the id as a string. */
const ID_PREFIX = "e1b";

/** emulatorId is the id of counter value `n` (1, 2, ...): `e1b` and `n` in hex, 32 characters in all. */
export function emulatorId(n: number): string {
  return ID_PREFIX + n.toString(16).padStart(32 - ID_PREFIX.length, "0");
}

function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 19);
}

/** ElbState holds everything the emulator knows about one project and enforces the service's rules. */
export class ElbState {
  readonly loadBalancers = new Map<string, FakeLoadBalancer>();
  readonly certificates = new Map<string, FakeCertificate>();
  readonly listeners = new Map<string, FakeListener>();
  readonly options: StateOptions;
  /** The next N created listeners settle into ERROR instead of ACTIVE. */
  failNextCreates = 0;
  private sequence = 0;

  constructor(
    readonly projectId: string,
    options: Partial<StateOptions> = {},
  ) {
    this.options = {
      lockMs: 0,
      pendingCreateReads: 1,
      listenerQuota: 50,
      booleansAsIntegers: false,
      emptyListAsObject: false,
      ...options,
    };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /**
   * newId is the next id of this state's one counter for load balancers, certificates and listeners alike: 32 lowercase
   * hex characters like the service's ids, so every emulator instance seeds the same fixture ids and an id names one
   * object. Ids are unique within an instance only.
   */
  private newId(): string {
    this.sequence += 1;
    return emulatorId(this.sequence);
  }

  /** addLoadBalancer adds a classic load balancer of a type and returns it. */
  addLoadBalancer(type: "External" | "Internal", name: string): FakeLoadBalancer {
    const lb: FakeLoadBalancer = {
      id: this.newId(),
      name,
      type,
      vipAddress: type === LB_TYPE.public ? `80.158.0.${this.sequence}` : `192.168.0.${this.sequence}`,
      lockedUntil: 0,
    };
    this.loadBalancers.set(lb.id, lb);
    return lb;
  }

  /** addCertificate adds a certificate and returns it. */
  addCertificate(name: string, domain: string): FakeCertificate {
    const cert = { id: this.newId(), name, domain };
    this.certificates.set(cert.id, cert);
    return cert;
  }

  /** getLoadBalancer returns a load balancer or ELB.1002. */
  getLoadBalancer(id: string): FakeLoadBalancer {
    const lb = this.loadBalancers.get(id);
    if (!lb) throw ELB_ERRORS.lbNotFound();
    return lb;
  }

  /** listenersOf lists the listeners of one load balancer, or of all when no id is given. */
  listenersOf(loadbalancerId?: string): FakeListener[] {
    return [...this.listeners.values()].filter(
      (l) => loadbalancerId === undefined || l.loadbalancerId === loadbalancerId,
    );
  }

  private checkLock(lb: FakeLoadBalancer): void {
    const pending = this.listenersOf(lb.id).some((l) => l.status === LISTENER_STATUS.pendingCreate);
    if (pending || this.now() < lb.lockedUntil) throw ELB_ERRORS.lbLocked();
  }

  private lock(lb: FakeLoadBalancer): void {
    if (this.options.lockMs > 0) lb.lockedUntil = this.now() + this.options.lockMs;
  }

  private checkReferences(f: Readonly<Record<string, unknown>>, lb: FakeLoadBalancer): void {
    if (f.protocol === "UDP" && lb.type === LB_TYPE.private) throw ELB_ERRORS.protocolInvalid();
    if (typeof f.certificate_id === "string" && !this.certificates.has(f.certificate_id)) {
      throw ELB_ERRORS.invalidParameter("certificate_id");
    }
    const certs = f.certificates;
    if (Array.isArray(certs)) {
      if (lb.type !== LB_TYPE.public || certs.some((c) => !this.certificates.has(c as string))) {
        throw ELB_ERRORS.invalidParameter("certificates");
      }
    }
  }

  private portTaken(lbId: string, port: unknown, except?: string): boolean {
    return this.listenersOf(lbId).some((l) => l.id !== except && l.fields.port === port);
  }

  /** createListener validates a create body and adds the listener (PENDING_CREATE unless configured otherwise). */
  createListener(body: unknown): FakeListener {
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw ELB_ERRORS.emptyRequest();
    const raw = body as Record<string, unknown>;
    for (const key of MANDATORY)
      if (raw[key] === undefined || raw[key] === null) throw ELB_ERRORS.missingParameter(key);
    for (const [key, value] of Object.entries(raw)) {
      if (value === null) continue;
      const problem = validateField(key, value);
      if (problem) throw problem;
    }
    const fields: Record<string, WireValue> = { session_sticky: false };
    for (const [key, value] of Object.entries(raw)) {
      if (value !== null && value !== undefined && applicable(key, { session_sticky: false, ...raw })) {
        fields[key] = value as WireValue;
      }
    }
    if (fields.protocol === "HTTPS" || fields.protocol === "SSL") {
      fields.ssl_protocols ??= SSL_PROTOCOLS.tls12;
      fields.ssl_ciphers ??= "Default";
    }
    const problem = crossFieldProblem(fields);
    if (problem) throw problem;
    const lb = this.loadBalancers.get(String(raw.loadbalancer_id));
    if (!lb) throw ELB_ERRORS.listenerLbNotFound();
    this.checkReferences(fields, lb);
    this.checkLock(lb);
    if (this.portTaken(lb.id, fields.port)) throw ELB_ERRORS.portInUse();
    if (this.listenersOf(lb.id).length >= this.options.listenerQuota) throw ELB_ERRORS.listenerQuota();
    const now = timestamp(this.now());
    const fail = this.failNextCreates > 0;
    if (fail) this.failNextCreates -= 1;
    const pending = this.options.pendingCreateReads;
    const settlesAs = fail ? LISTENER_STATUS.error : LISTENER_STATUS.active;
    const listener: FakeListener = {
      id: this.newId(),
      loadbalancerId: lb.id,
      fields,
      status: pending > 0 ? LISTENER_STATUS.pendingCreate : settlesAs,
      pendingReads: pending,
      settlesAs,
      createTime: now,
      updateTime: now,
    };
    this.listeners.set(listener.id, listener);
    this.lock(lb);
    return listener;
  }

  /** readListener returns a listener for a GET, moving a pending one towards its settled status. */
  readListener(id: string): FakeListener {
    const listener = this.listeners.get(id);
    if (!listener) throw ELB_ERRORS.listenerNotFound(404);
    if (listener.status === LISTENER_STATUS.pendingCreate) {
      listener.pendingReads -= 1;
      if (listener.pendingReads <= 0) listener.status = listener.settlesAs;
    }
    return listener;
  }

  /** updateListener applies a PUT body: only modifiable parameters, same rules as create, port still unique. */
  updateListener(id: string, body: unknown): FakeListener {
    const listener = this.listeners.get(id);
    if (!listener) throw ELB_ERRORS.listenerNotFound(503);
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw ELB_ERRORS.emptyRequest();
    const raw = body as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) {
      if (value === null || value === undefined) continue;
      if (!UPDATABLE.has(key)) {
        if (key in listener.fields && listener.fields[key] === value) continue;
        throw ELB_ERRORS.propertyNotUpdatable(key);
      }
      const problem = validateField(key, value);
      if (problem) throw problem;
    }
    const next: Record<string, WireValue> = { ...listener.fields };
    for (const [key, value] of Object.entries(raw)) {
      if (value !== null && value !== undefined && UPDATABLE.has(key) && applicable(key, { ...next, ...raw })) {
        next[key] = value as WireValue;
      }
    }
    const problem = crossFieldProblem(next);
    if (problem) throw problem;
    const lb = this.getLoadBalancer(listener.loadbalancerId);
    this.checkReferences(next, lb);
    this.checkLock(lb);
    if (next.port !== listener.fields.port && this.portTaken(lb.id, next.port, id)) throw ELB_ERRORS.portInUse();
    listener.fields = next;
    listener.updateTime = timestamp(this.now());
    this.lock(lb);
    return listener;
  }

  /** deleteListener removes a listener (ELB.6002 with 503 when it does not exist). */
  deleteListener(id: string): void {
    const listener = this.listeners.get(id);
    if (!listener) throw ELB_ERRORS.listenerNotFound(503);
    const lb = this.loadBalancers.get(listener.loadbalancerId);
    if (lb) this.checkLock(lb);
    this.listeners.delete(id);
    if (lb) this.lock(lb);
  }

  /** deleteOutOfBand removes a listener without any rule, as a console user would (for refresh tests). */
  deleteOutOfBand(id: string): boolean {
    return this.listeners.delete(id);
  }
}

/** RenderForms are the documented spellings a GET answer may use. */
interface RenderForms {
  /** Write `tcp_draining` as 1/0 (the documented example's form) instead of true/false. */
  readonly booleansAsIntegers?: boolean;
}

/**
 * renderListener is the listener's JSON as the API returns it: every field of the document's Table 2 plus
 * `tcp_draining` and `tcp_draining_timeout` (in the examples), with `null` for a setting the listener does not have,
 * as the documented examples give `sticky_session_type`, `certificate_id`, `healthcheck_id` and `tcp_timeout`.
 * Ref: "Querying Details of a Listener" and "Querying Listeners" (Table 2, example responses).
 */
export function renderListener(l: FakeListener, forms: RenderForms = {}): Record<string, unknown> {
  const f = l.fields;
  const or = (key: string): unknown => f[key] ?? null;
  const draining = f.tcp_draining === true;
  return {
    update_time: l.updateTime,
    backend_port: f.backend_port,
    id: l.id,
    backend_protocol: f.backend_protocol,
    sticky_session_type: or("sticky_session_type"),
    description: f.description ?? "",
    loadbalancer_id: l.loadbalancerId,
    create_time: l.createTime,
    status: l.status,
    protocol: f.protocol,
    port: f.port,
    cookie_timeout: or("cookie_timeout"),
    admin_state_up: true,
    member_number: 0,
    healthcheck_id: null,
    session_sticky: f.session_sticky === true,
    lb_algorithm: f.lb_algorithm,
    name: f.name,
    certificate_id: or("certificate_id"),
    ...(f.certificates === undefined ? {} : { certificates: f.certificates }),
    tcp_timeout: or("tcp_timeout"),
    udp_timeout: or("udp_timeout"),
    ssl_protocols: or("ssl_protocols"),
    ssl_ciphers: or("ssl_ciphers"),
    tcp_draining: forms.booleansAsIntegers ? Number(draining) : draining,
    tcp_draining_timeout: or("tcp_draining_timeout"),
  };
}

/** renderLoadBalancer is a classic load balancer's JSON. */
export function renderLoadBalancer(lb: FakeLoadBalancer): Record<string, unknown> {
  return {
    id: lb.id,
    name: lb.name,
    type: lb.type,
    status: "ACTIVE",
    admin_state_up: 1,
    vip_address: lb.vipAddress,
    bandwidth: lb.type === LB_TYPE.public ? 5 : undefined,
  };
}
