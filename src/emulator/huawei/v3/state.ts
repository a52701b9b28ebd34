/**
 * The dedicated ELB v3 emulator's state and business rules: one project's dedicated load balancers (with their L4/L7
 * flavors and provisioning status), certificates, IP groups, security policies and listeners; creation, update,
 * deletion and listing with the rules that need more than one object (load balancer exists, is ACTIVE and has a
 * flavor for the protocol; certificates exist with the right type; port free; quota).
 * Ref: ../shared/api-docs/huawei-elb-v3-listener.md; apis_v3/listener/*.rst; apis_v3/load_balancer/
 * viewing_details_of_a_load_balancer.rst; apis_v3/certificate/viewing_details_of_a_certificate.rst.
 */
import { V3_LB_STATUS } from "../constants";
import { V3_ERRORS } from "./errors";
import type { V3Protocol, WireObject } from "./rules";
import {
  CLEARABLE,
  CREATE_ONLY,
  DEFAULT_L7_INSERT_HEADERS,
  FIELD_RULES,
  checkFieldRules,
  checkListenerShape,
  checkProtocolRules,
  ipGroupOf,
  isL7,
  isObject,
  normalizeProtocol,
  portFamily,
} from "./rules";

/** V3_ID_PREFIX starts every v3 emulator id: hex, a letter first (YAML reads it as a string), apart from v1's `e1b`. */
const V3_ID_PREFIX = "e3b";

/** v3EmulatorId is the id of v3 counter value `n` (1, 2, ...): `e3b` and `n` in hex, 32 characters in all. */
export function v3EmulatorId(n: number): string {
  return V3_ID_PREFIX + n.toString(16).padStart(32 - V3_ID_PREFIX.length, "0");
}

/** FlavorType is a load balancer flavor's layer. Ref: querying_flavors.rst (`L4`, `L7`). */
type FlavorType = "L4" | "L7";

/** FakeFlavor is a dedicated load balancer flavor. */
interface FakeFlavor {
  readonly id: string;
  readonly type: FlavorType;
  readonly name: string;
}

/** FakeDedicatedLb is a dedicated load balancer: its flavors decide which listener protocols it takes. */
export interface FakeDedicatedLb {
  readonly id: string;
  readonly name: string;
  readonly l4FlavorId: string | null;
  readonly l7FlavorId: string | null;
  readonly vipAddress: string;
  readonly createdAt: string;
  /** Until when (epoch ms) the load balancer shows PENDING_UPDATE after a change. */
  busyUntil: number;
  /** A status set by a test (e.g. ERROR, PENDING_DELETE) that wins over ACTIVE / PENDING_UPDATE. */
  forcedStatus?: string;
}

/** FakeV3Certificate is a certificate of the v3 API: `server` or `client` (CA). */
export interface FakeV3Certificate {
  readonly id: string;
  readonly name: string;
  readonly type: "server" | "client";
  readonly domain: string | null;
  readonly createdAt: string;
}

/** FakeNamed is an object the listener only refers to by id (IP group, security policy). */
interface FakeNamed {
  readonly id: string;
  readonly name: string;
}

/** FakeV3Listener is a listener: fixed-at-creation facts and its other wire fields (defaults applied). */
export interface FakeV3Listener {
  readonly id: string;
  readonly loadbalancerId: string;
  readonly protocol: V3Protocol;
  readonly protocolPort: number;
  readonly tags: readonly WireObject[];
  fields: WireObject;
  readonly createdAt: string;
  updatedAt: string;
}

/** V3StateOptions tune the business rules. */
export interface V3StateOptions {
  /**
   * How long a change keeps its load balancer PENDING_UPDATE, in milliseconds; 0 keeps it ACTIVE.
   * Assumed: the dedicated API documents ACTIVE and PENDING_DELETE only; Terraform waits for ACTIVE around each change.
   */
  lockMs: number;
  /** Listeners allowed per load balancer before 409 ELB.8905. Assumed: the real quota is per account and region. */
  listenerQuota: number;
  readonly now?: () => number;
}

/** DedicatedSeed names the v3 fixtures the emulator starts with (the ready line prints them). */
export interface DedicatedSeed {
  /** Dedicated load balancers: both flavors, L4 only, L7 only. */
  readonly dedicated: { readonly l4l7: string; readonly l4: string; readonly l7: string };
  /** A server certificate (domain www.example.com) and a client CA certificate. */
  readonly certificates: { readonly server: string; readonly client: string };
  /** An IP group listeners may use for access control. */
  readonly ipGroupId: string;
  /** A custom security policy HTTPS listeners may use. */
  readonly securityPolicyId: string;
}

/** v3Timestamp writes the API's `yyyy-MM-dd'T'HH:mm:ss'Z'`. */
function v3Timestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** ListPage is the body of a listener list: the listeners and `page_info`. */
interface ListPage {
  readonly listeners: WireObject[];
  readonly page_info: WireObject;
}

/** LIST_FILTERS are the repeatable list filters (OR within a key). Ref: querying_listeners.rst. */
const LIST_FILTERS = [
  "id",
  "name",
  "description",
  "protocol",
  "protocol_port",
  "loadbalancer_id",
  "default_pool_id",
  "default_tls_container_ref",
  "client_ca_tls_container_ref",
  "tls_ciphers_policy",
  "connection_limit",
  "member_timeout",
  "client_timeout",
  "keepalive_timeout",
  "protection_status",
  "enterprise_project_id",
];
/** LIST_BOOL_FILTERS are the single-valued boolean list filters. Ref: querying_listeners.rst. */
const LIST_BOOL_FILTERS = [
  "admin_state_up",
  "http2_enable",
  "enable_member_retry",
  "transparent_client_ip_enable",
  "enhance_l7policy_enable",
];

/** V3State holds everything the v3 emulator knows about one project and enforces the service's rules. */
export class V3State {
  readonly flavors = new Map<string, FakeFlavor>();
  readonly loadBalancers = new Map<string, FakeDedicatedLb>();
  readonly certificates = new Map<string, FakeV3Certificate>();
  readonly ipGroups = new Map<string, FakeNamed>();
  readonly securityPolicies = new Map<string, FakeNamed>();
  readonly listeners = new Map<string, FakeV3Listener>();
  readonly options: V3StateOptions;
  private sequence = 0;

  constructor(
    readonly projectId: string,
    options: Partial<V3StateOptions> = {},
  ) {
    this.options = { lockMs: 0, listenerQuota: 50, ...options };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** newId is the next id of this state's one counter, so every instance seeds the same ids. */
  private newId(): string {
    this.sequence += 1;
    return v3EmulatorId(this.sequence);
  }

  /** addFlavor adds a flavor of a layer. */
  addFlavor(type: FlavorType, name: string): FakeFlavor {
    const flavor = { id: this.newId(), type, name };
    this.flavors.set(flavor.id, flavor);
    return flavor;
  }

  /** addLoadBalancer adds an ACTIVE dedicated load balancer with the given flavors (null = none of that layer). */
  addLoadBalancer(name: string, l4FlavorId: string | null, l7FlavorId: string | null): FakeDedicatedLb {
    const id = this.newId();
    const lb: FakeDedicatedLb = {
      id,
      name,
      l4FlavorId,
      l7FlavorId,
      vipAddress: `192.168.3.${this.sequence}`,
      createdAt: v3Timestamp(this.now()),
      busyUntil: 0,
    };
    this.loadBalancers.set(id, lb);
    return lb;
  }

  /** addCertificate adds a server certificate (with its domain) or a client CA certificate. */
  addCertificate(name: string, type: "server" | "client", domain: string | null): FakeV3Certificate {
    const cert = { id: this.newId(), name, type, domain, createdAt: v3Timestamp(this.now()) };
    this.certificates.set(cert.id, cert);
    return cert;
  }

  /** addIpGroup adds an IP group. */
  addIpGroup(name: string): FakeNamed {
    const group = { id: this.newId(), name };
    this.ipGroups.set(group.id, group);
    return group;
  }

  /** addSecurityPolicy adds a custom security policy. */
  addSecurityPolicy(name: string): FakeNamed {
    const policy = { id: this.newId(), name };
    this.securityPolicies.set(policy.id, policy);
    return policy;
  }

  /** provisioningStatus is a load balancer's status now: a forced one, PENDING_UPDATE while a change settles, ACTIVE. */
  provisioningStatus(lb: FakeDedicatedLb): string {
    if (lb.forcedStatus !== undefined) return lb.forcedStatus;
    return this.now() < lb.busyUntil ? V3_LB_STATUS.pendingUpdate : V3_LB_STATUS.active;
  }

  /** setProvisioningStatus forces a load balancer's status (undefined returns it to its own). For tests. */
  setProvisioningStatus(id: string, status: string | undefined): void {
    this.getLoadBalancer(id).forcedStatus = status;
  }

  /** getLoadBalancer returns a load balancer or 404 ELB.8904. */
  getLoadBalancer(id: string): FakeDedicatedLb {
    const lb = this.loadBalancers.get(id);
    if (!lb) throw V3_ERRORS.notFound("loadbalancer", id);
    return lb;
  }

  /** getCertificate returns a certificate or 404 ELB.8904. */
  getCertificate(id: string): FakeV3Certificate {
    const cert = this.certificates.get(id);
    if (!cert) throw V3_ERRORS.notFound("certificate", id);
    return cert;
  }

  /** getListener returns a listener or 404 ELB.8904. */
  getListener(id: string): FakeV3Listener {
    const listener = this.listeners.get(id);
    if (!listener) throw V3_ERRORS.notFound("listener", id);
    return listener;
  }

  /** listenersOf lists the listeners of one load balancer (or all), in creation order. */
  listenersOf(loadbalancerId?: string): FakeV3Listener[] {
    return [...this.listeners.values()].filter(
      (l) => loadbalancerId === undefined || l.loadbalancerId === loadbalancerId,
    );
  }

  /** assertActive refuses a change to a load balancer that is not ACTIVE (409 ELB.8907, Assumed wording). */
  private assertActive(lb: FakeDedicatedLb): void {
    if (this.provisioningStatus(lb) !== V3_LB_STATUS.active) throw V3_ERRORS.lbImmutable(lb.id);
  }

  /** touch starts the PENDING_UPDATE window after a change. */
  private touch(lb: FakeDedicatedLb): void {
    if (this.options.lockMs > 0) lb.busyUntil = this.now() + this.options.lockMs;
  }

  /**
   * checkFlavor refuses a protocol the load balancer's flavors do not serve: L4 only takes TCP/UDP, L7 only
   * HTTP/HTTPS. Ref: digest §5 (creating_a_load_balancer.rst). Assumed: 400 ELB.8902 on `protocol` (undocumented).
   */
  private checkFlavor(lb: FakeDedicatedLb, protocol: V3Protocol): void {
    const fits = isL7(protocol) ? lb.l7FlavorId !== null : lb.l4FlavorId !== null;
    if (!fits) throw V3_ERRORS.invalidInput("protocol");
  }

  /**
   * checkReferences resolves the ids a body names: certificates must exist (404) and have the right type (server for
   * the default and SNI certificates, client for the CA; else 400), SNI domains must not repeat, IP groups and the
   * security policy must exist, a QUIC upgrade needs an existing QUIC listener (none can exist on Open Telekom Cloud).
   * Assumed: default_pool_id is not resolved (the emulator holds no backend server groups).
   */
  private checkReferences(body: WireObject): void {
    const certOf = (key: string, id: unknown, type: "server" | "client"): FakeV3Certificate => {
      const cert = this.getCertificate(String(id));
      if (cert.type !== type) throw V3_ERRORS.invalidInput(key);
      return cert;
    };
    if (typeof body.default_tls_container_ref === "string") {
      certOf("default_tls_container_ref", body.default_tls_container_ref, "server");
    }
    if (typeof body.client_ca_tls_container_ref === "string") {
      certOf("client_ca_tls_container_ref", body.client_ca_tls_container_ref, "client");
    }
    if (Array.isArray(body.sni_container_refs)) {
      const domains = body.sni_container_refs.map((id) => certOf("sni_container_refs", id, "server").domain);
      // Ref: "The domain names of all SNI certificates must be unique."
      if (domains.some((d) => d === null) || new Set(domains).size !== domains.length) {
        throw V3_ERRORS.invalidInput("sni_container_refs");
      }
    }
    if (typeof body.security_policy_id === "string" && !this.securityPolicies.has(body.security_policy_id)) {
      throw V3_ERRORS.notFound("security_policy", body.security_policy_id);
    }
    if (isObject(body.ipgroup)) {
      for (const id of String(body.ipgroup.ipgroup_id).split(",")) {
        if (!this.ipGroups.has(id)) throw V3_ERRORS.notFound("ipgroup", id);
      }
    }
    if (isObject(body.quic_config)) {
      this.getListener(String(body.quic_config.quic_listener_id));
      throw V3_ERRORS.invalidInput("quic_config");
    }
  }

  /** createListener validates a create body (`{"listener": {...}}`) and adds the listener. */
  createListener(body: unknown): FakeV3Listener {
    const raw = listenerBody(body);
    checkFieldRules(raw);
    for (const key of ["loadbalancer_id", "protocol", "protocol_port"]) {
      if (raw[key] === undefined || raw[key] === null) throw V3_ERRORS.invalidInput(key);
    }
    const protocol = normalizeProtocol(raw.protocol);
    checkProtocolRules(raw, protocol, true);
    const fields = createFields(raw, protocol);
    checkListenerShape(fields, protocol);
    const lb = this.getLoadBalancer(String(raw.loadbalancer_id));
    this.checkFlavor(lb, protocol);
    this.checkReferences(fields);
    this.assertActive(lb);
    const port = raw.protocol_port as number;
    const siblings = this.listenersOf(lb.id);
    if (siblings.length >= this.options.listenerQuota) throw V3_ERRORS.quotaExceeded();
    if (siblings.some((l) => l.protocolPort === port && portFamily(l.protocol) === portFamily(protocol))) {
      throw V3_ERRORS.portInUse(lb.id, port);
    }
    const now = v3Timestamp(this.now());
    const listener: FakeV3Listener = {
      id: this.newId(),
      loadbalancerId: lb.id,
      protocol,
      protocolPort: port,
      tags: Array.isArray(raw.tags) ? raw.tags.map((t: WireObject) => ({ key: t.key, value: t.value ?? "" })) : [],
      fields,
      createdAt: now,
      updatedAt: now,
    };
    this.listeners.set(listener.id, listener);
    this.touch(lb);
    return listener;
  }

  /**
   * updateListener applies a PUT body: create-only fields refused, `null` clears the clearable fields,
   * insert headers merge key by key, enhance_l7policy_enable never back to false, nonProtection clears the reason.
   * Ref: updating_a_listener.rst; digest §3.
   */
  updateListener(id: string, body: unknown): FakeV3Listener {
    const listener = this.getListener(id);
    const raw = listenerBody(body);
    for (const key of CREATE_ONLY) {
      // Ref: "updating attributes that can be specified during creation only" is an ELB.8902 cause.
      if (raw[key] !== undefined && raw[key] !== null) throw V3_ERRORS.invalidInput(key);
    }
    checkFieldRules(raw);
    checkProtocolRules(raw, listener.protocol, false);
    if (listener.fields.enhance_l7policy_enable === true && raw.enhance_l7policy_enable === false) {
      // Ref: "Value false can't be used after this parameter was set to true."
      throw V3_ERRORS.invalidInput("enhance_l7policy_enable");
    }
    const next: WireObject = { ...listener.fields };
    for (const [key, value] of Object.entries(raw)) {
      if (value === undefined || !(key in FIELD_RULES) || (CREATE_ONLY as readonly string[]).includes(key)) continue;
      if (value === null) {
        if ((CLEARABLE as readonly string[]).includes(key)) next[key] = null;
        continue;
      }
      if (key === "ipgroup")
        next.ipgroup = ipGroupOf(value, isObject(listener.fields.ipgroup) ? listener.fields.ipgroup : null);
      else if (key === "insert_headers" && isObject(value)) {
        next.insert_headers = { ...(listener.fields.insert_headers as WireObject), ...value };
      } else next[key] = value;
    }
    // Ref: "protection_status: nonProtection clears protection_reason".
    if (next.protection_status === "nonProtection") next.protection_reason = null;
    checkListenerShape(next, listener.protocol);
    const lb = this.getLoadBalancer(listener.loadbalancerId);
    const changed: WireObject = {};
    for (const key of Object.keys(raw)) if (key in next) changed[key] = next[key];
    this.checkReferences(changed);
    this.assertActive(lb);
    listener.fields = next;
    listener.updatedAt = v3Timestamp(this.now());
    this.touch(lb);
    return listener;
  }

  /**
   * deleteListener removes a listener (204), with `force` as `DELETE …/force` does.
   * Assumed: the plain delete does not check for forwarding policies or a default backend server group (the
   * emulator holds neither), so both forms behave alike.
   */
  deleteListener(id: string, _force = false): void {
    const listener = this.getListener(id);
    const lb = this.loadBalancers.get(listener.loadbalancerId);
    if (lb) this.assertActive(lb);
    this.listeners.delete(id);
    if (lb) this.touch(lb);
  }

  /** deleteOutOfBand removes a listener without any rule, as a console user would (for refresh tests). */
  deleteOutOfBand(id: string): boolean {
    return this.listeners.delete(id);
  }

  /**
   * listListeners answers `GET /v3/{project_id}/elb/listeners` with its documented filters and paging.
   * Ref: querying_listeners.rst. Assumed: creation order, `next_marker` always the page's last id (the last page is
   * not signalled), `limit=0` means no limit, an unknown `marker` is ELB.8902.
   */
  listListeners(query: URLSearchParams): ListPage {
    let rows = this.listenersOf().map((l) => ({ l, wire: renderV3Listener(l, this.projectId) }));
    for (const key of LIST_FILTERS) {
      const wanted = query.getAll(key);
      if (wanted.length === 0) continue;
      rows = rows.filter(({ l, wire }) => {
        const value = key === "loadbalancer_id" ? l.loadbalancerId : key === "enterprise_project_id" ? "0" : wire[key];
        return wanted.includes(String(value));
      });
    }
    for (const key of LIST_BOOL_FILTERS) {
      const text = query.get(key);
      if (text === null) continue;
      if (text !== "true" && text !== "false") throw V3_ERRORS.invalidInput(key);
      rows = rows.filter(({ wire }) => String(wire[key] ?? false) === text);
    }
    const limitText = query.get("limit");
    const limit = limitText === null ? 0 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 0 || limit > 2000) throw V3_ERRORS.invalidInput("limit");
    const reverseText = query.get("page_reverse");
    if (reverseText !== null && reverseText !== "true" && reverseText !== "false") {
      throw V3_ERRORS.invalidInput("page_reverse");
    }
    const marker = query.get("marker");
    if (marker !== null) {
      if (!this.listeners.has(marker)) throw V3_ERRORS.invalidInput("marker");
      const order = this.listenersOf().map((l) => l.id);
      const at = order.indexOf(marker);
      rows = rows.filter(({ l }) => {
        const i = order.indexOf(l.id);
        return reverseText === "true" ? i < at : i > at;
      });
    }
    if (limit > 0) rows = reverseText === "true" ? rows.slice(-limit) : rows.slice(0, limit);
    const listeners = rows.map((r) => r.wire);
    const page_info: WireObject =
      listeners.length === 0
        ? { current_count: 0 }
        : {
            previous_marker: listeners[0].id,
            next_marker: listeners[listeners.length - 1].id,
            current_count: listeners.length,
          };
    return { listeners, page_info };
  }
}

/** listenerBody reads `{"listener": {...}}`, or refuses it with ELB.8902 on `listener`. */
function listenerBody(body: unknown): WireObject {
  if (!isObject(body) || !isObject(body.listener)) throw V3_ERRORS.invalidInput("listener");
  return body.listener;
}

/**
 * createFields applies the documented defaults to a create body's non-null fields.
 * Ref: adding_a_listener.rst defaults; examples/adding_a_listener_to_a_dedicated_load_balancer.rst (HTTP response:
 * description "", tls_ciphers_policy null, the four default insert headers, timeouts 60, enable_member_retry true,
 * transparent_client_ip_enable true); the TCP examples (tls_ciphers_policy "tls-1-0", keepalive 300, client and member
 * timeouts null, only the insert headers sent).
 */
function createFields(raw: WireObject, protocol: V3Protocol): WireObject {
  const given = (key: string): unknown => (raw[key] === null ? undefined : raw[key]);
  const l7 = isL7(protocol);
  const https = protocol === "HTTPS";
  const headers = isObject(raw.insert_headers) ? raw.insert_headers : {};
  return {
    name: given("name") ?? "",
    description: given("description") ?? "",
    default_pool_id: given("default_pool_id") ?? null,
    default_tls_container_ref: given("default_tls_container_ref") ?? null,
    client_ca_tls_container_ref: given("client_ca_tls_container_ref") ?? null,
    sni_container_refs: given("sni_container_refs") ?? [],
    // Assumed: only HTTPS listeners answer sni_match_algo (no example shows it).
    sni_match_algo: https ? (given("sni_match_algo") ?? "wildcard") : undefined,
    tls_ciphers_policy: given("tls_ciphers_policy") ?? (protocol === "HTTP" ? null : "tls-1-0"),
    security_policy_id: given("security_policy_id") ?? null,
    http2_enable: given("http2_enable") ?? false,
    insert_headers: l7 ? { ...DEFAULT_L7_INSERT_HEADERS, ...headers } : { ...headers },
    // Assumed: TCP/UDP listeners do not answer enable_member_retry (the TCP GET example lacks it).
    enable_member_retry: l7 ? (given("enable_member_retry") ?? true) : undefined,
    keepalive_timeout: given("keepalive_timeout") ?? (l7 ? 60 : 300),
    client_timeout: l7 ? (given("client_timeout") ?? 60) : null,
    member_timeout: l7 ? (given("member_timeout") ?? 60) : null,
    ipgroup: raw.ipgroup === undefined ? null : ipGroupOf(raw.ipgroup, null),
    transparent_client_ip_enable: true,
    enhance_l7policy_enable: given("enhance_l7policy_enable") ?? false,
    protection_status: given("protection_status") ?? "nonProtection",
    protection_reason: given("protection_status") === "consoleProtection" ? (given("protection_reason") ?? null) : null,
    quic_config: given("quic_config") ?? null,
    cps: given("cps") ?? 0,
    connection: given("connection") ?? 0,
    gzip_enable: given("gzip_enable") ?? false,
    nat64_enable: false,
    proxy_protocol_enable: false,
    ssl_early_data_enable: given("ssl_early_data_enable"),
    access_log_customized_headers_config: given("access_log_customized_headers_config"),
  };
}

/**
 * renderV3Listener is the listener object as GET/POST/PUT answer it: the documented field set, `null` where a value
 * is unset, and no provisioning or operating status (only the load balancer has one). Fields whose value is
 * `undefined` (enable_member_retry on TCP/UDP, protection_reason without protection, the Huawei-only
 * ssl_early_data_enable and access-log config when never set) are left out, as the examples leave them out.
 * Ref: digest §4; viewing_details_of_a_listener.rst; querying_listeners.rst.
 */
export function renderV3Listener(l: FakeV3Listener, projectId: string): WireObject {
  const f = l.fields;
  const out: WireObject = {
    id: l.id,
    name: f.name,
    protocol_port: l.protocolPort,
    protocol: l.protocol,
    description: f.description,
    default_tls_container_ref: f.default_tls_container_ref,
    admin_state_up: true,
    loadbalancers: [{ id: l.loadbalancerId }],
    client_ca_tls_container_ref: f.client_ca_tls_container_ref,
    project_id: projectId,
    sni_container_refs: f.sni_container_refs,
    sni_match_algo: f.sni_match_algo,
    connection_limit: -1,
    member_timeout: f.member_timeout,
    client_timeout: f.client_timeout,
    keepalive_timeout: f.keepalive_timeout,
    default_pool_id: f.default_pool_id,
    ipgroup: f.ipgroup,
    tls_ciphers_policy: f.tls_ciphers_policy,
    security_policy_id: f.security_policy_id,
    tags: l.tags,
    created_at: l.createdAt,
    updated_at: l.updatedAt,
    http2_enable: f.http2_enable,
    enable_member_retry: f.enable_member_retry,
    insert_headers: f.insert_headers,
    transparent_client_ip_enable: f.transparent_client_ip_enable,
    enhance_l7policy_enable: f.enhance_l7policy_enable,
    protection_status: f.protection_status,
    protection_reason: f.protection_reason ?? undefined,
    quic_config: f.quic_config,
    cps: f.cps,
    connection: f.connection,
    gzip_enable: f.gzip_enable,
    nat64_enable: f.nat64_enable,
    proxy_protocol_enable: f.proxy_protocol_enable,
    ssl_early_data_enable: f.ssl_early_data_enable,
    access_log_customized_headers_config: f.access_log_customized_headers_config,
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * renderDedicatedLoadBalancer is a dedicated load balancer as `GET /v3/{project_id}/elb/loadbalancers/{id}` answers
 * it, with `listeners` kept in step with the state. Ref: viewing_details_of_a_load_balancer.rst (example response).
 */
export function renderDedicatedLoadBalancer(lb: FakeDedicatedLb, state: V3State): WireObject {
  return {
    id: lb.id,
    project_id: state.projectId,
    name: lb.name,
    description: null,
    vip_port_id: null,
    vip_address: lb.vipAddress,
    admin_state_up: true,
    provisioning_status: state.provisioningStatus(lb),
    operating_status: "ONLINE",
    listeners: state.listenersOf(lb.id).map((l) => ({ id: l.id })),
    pools: [],
    tags: [],
    provider: null,
    created_at: lb.createdAt,
    updated_at: lb.createdAt,
    vpc_id: null,
    enterprise_project_id: "0",
    availability_zone_list: [],
    ipv6_vip_address: null,
    ipv6_vip_virsubnet_id: null,
    ipv6_vip_port_id: null,
    publicips: [],
    elb_virsubnet_ids: [],
    eips: [],
    guaranteed: true,
    billing_info: null,
    l4_flavor_id: lb.l4FlavorId,
    l4_scale_flavor_id: null,
    l7_flavor_id: lb.l7FlavorId,
    l7_scale_flavor_id: null,
    deletion_protection_enable: false,
  };
}

/**
 * renderV3Certificate is a certificate as `GET /v3/{project_id}/elb/certificates/{id}` answers it, without the PEM
 * bodies (the emulator holds no key material). Ref: viewing_details_of_a_certificate.rst.
 * Assumed: `expire_time` is a fixed far date.
 */
export function renderV3Certificate(cert: FakeV3Certificate, projectId: string): WireObject {
  return {
    id: cert.id,
    project_id: projectId,
    name: cert.name,
    type: cert.type,
    domain: cert.domain,
    description: "",
    admin_state_up: true,
    created_at: cert.createdAt,
    updated_at: cert.createdAt,
    expire_time: "2045-11-17T13:25:47Z",
  };
}

/** seedDedicated adds the standard v3 fixtures: L4 and L7 flavors, three load balancers, two certificates, an IP group, a security policy. */
export function seedDedicated(state: V3State): DedicatedSeed {
  const l4 = state.addFlavor("L4", "L4_flavor.elb.s1.small");
  const l7 = state.addFlavor("L7", "L7_flavor.elb.s1.small");
  const both = state.addLoadBalancer("emulator-dedicated-l4l7", l4.id, l7.id);
  const l4only = state.addLoadBalancer("emulator-dedicated-l4", l4.id, null);
  const l7only = state.addLoadBalancer("emulator-dedicated-l7", null, l7.id);
  const server = state.addCertificate("emulator-server-cert", "server", "www.example.com");
  const client = state.addCertificate("emulator-client-ca", "client", null);
  const ipGroup = state.addIpGroup("emulator-ipgroup");
  const policy = state.addSecurityPolicy("emulator-security-policy");
  return {
    dedicated: { l4l7: both.id, l4: l4only.id, l7: l7only.id },
    certificates: { server: server.id, client: client.id },
    ipGroupId: ipGroup.id,
    securityPolicyId: policy.id,
  };
}
