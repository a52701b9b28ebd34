/**
 * The shared ELB (v2) emulator's state and business rules: one project's shared load balancers (with their
 * provisioning status), certificates, listeners and listener tags, served to both route families (Open Telekom
 * Cloud's `/v2.0/lbaas` and Huawei Cloud's `/v2/{project_id}/elb`); creation, update, deletion and listing with the
 * rules that need more than one object (project, load balancer exists and is ACTIVE, certificates exist with the
 * right type, port free, 50 listeners per load balancer).
 * Ref: ../shared/api-docs/huawei-elb-v2-listener.md; OTC apis_v2.0/listener/*.rst, apis_v2.0/load_balancer/
 * querying_details_of_a_load_balancer.rst, apis_v2.0/tag/*.rst.
 */
import { V2_LB_STATUS } from "../constants";
import { ipGroupOf } from "../v3/rules";
import { TAG_ERRORS, V2_ERRORS, type V2Family } from "./errors";
import {
  CLEARABLE,
  CLOUD_RULES,
  CREATE_ONLY,
  DEFAULT_INSERT_HEADERS,
  TLS,
  checkFieldRules,
  checkKnownFields,
  checkProtocolRules,
  isObject,
  listenerBody,
  portFamily,
  readPort,
  readProtocol,
  type V2Protocol,
  type WireObject,
} from "./rules";

/** V2_ID_PREFIX starts every v2 emulator id: hex, a letter first (YAML reads it as a string), apart from `e1b`/`e3b`. */
const V2_ID_PREFIX = "e2b";

/** hexOf is counter value `n` as `e2b` and hex digits, 32 characters in all. */
function hexOf(n: number): string {
  return V2_ID_PREFIX + n.toString(16).padStart(32 - V2_ID_PREFIX.length, "0");
}

/**
 * v2EmulatorId is the UUID-shaped id of v2 counter value `n` (load balancers, listeners): shared ELB ids are UUIDs,
 * classic ones 32 hex characters without dashes. Ref: §9 "ID shape".
 */
export function v2EmulatorId(n: number): string {
  const h = hexOf(n);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** FakeSharedLb is a shared load balancer. */
interface FakeSharedLb {
  readonly id: string;
  readonly name: string;
  readonly vipAddress: string;
  readonly vipSubnetId: string;
  readonly vipPortId: string;
  readonly createdAt: string;
  /** Until when (epoch ms) the load balancer shows PENDING_UPDATE after a change. */
  busyUntil: number;
  /** A status set by the seed or a test (e.g. ERROR) that wins over ACTIVE / PENDING_UPDATE. */
  forcedStatus?: string;
}

/** FakeSharedCertificate is a certificate of the shared ELB: `server` or `client` (CA), 32 hex characters. */
interface FakeSharedCertificate {
  readonly id: string;
  readonly name: string;
  readonly type: "server" | "client";
  readonly domain: string | null;
}

/** FakeV2Listener is a listener: fixed-at-creation facts, its other wire fields (defaults applied) and its tags. */
interface FakeV2Listener {
  readonly id: string;
  readonly loadbalancerId: string;
  readonly protocol: V2Protocol;
  readonly protocolPort: number;
  fields: WireObject;
  /** The v3-only settings (`transparent_client_ip_enable`, `enable_member_retry`, `ipgroup`), apart from the v2 fields. */
  v3: WireObject;
  readonly tags: Map<string, string>;
  readonly createdAt: string;
  updatedAt: string;
}

/** V2StateOptions tune the business rules. */
interface V2StateOptions {
  /** How long a listener change keeps its load balancer PENDING_UPDATE, in milliseconds; 0 keeps it ACTIVE. */
  lockMs: number;
  /** Listeners allowed per load balancer. Ref: §7 "Listeners per LB 50". */
  listenerQuota: number;
  /**
   * Answer the documented odd forms that are not the rule: OTC's create example 3 (`project_id`, and the cipher policy
   * of a TERMINATED_HTTPS listener under the key `""`), Huawei answers without `insert_headers` and the protection
   * fields ("may be absent"). Ref: §4 "Odd forms in [D] examples".
   */
  documentedForms: boolean;
  readonly now?: () => number;
}

/** SharedSeed names the shared (v2) fixtures the emulator starts with (the ready line prints them as `shared`). */
export interface SharedSeed {
  readonly shared: {
    /** Two ACTIVE shared load balancers, and one in ERROR. */
    readonly loadBalancers: { readonly first: string; readonly second: string; readonly error: string };
    /** A server certificate (domain www.example.com). */
    readonly certificateId: string;
    /** A second server certificate (domain api.example.com), e.g. for SNI. */
    readonly sniCertificateId: string;
    /** A client CA certificate (mutual authentication). */
    readonly caCertificateId: string;
  };
}

/** v2Timestamp writes the shared API's `YYYY-MM-DDTHH:MM:SS`, without `Z`. Ref: §4 `created_at`. */
function v2Timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** ListPage is the body of a listener list: the listeners and, on OTC's paged answers, `listeners_links`. */
interface ListPage {
  readonly listeners: WireObject[];
  readonly listeners_links?: { href: string; rel: "next" | "previous" }[];
}

/**
 * LIST_FILTERS are the documented list filters per cloud; repeated values of one key match any of them.
 * Ref: §1.1 "Filters" (OTC adds `sni_container_refs`, Huawei `enterprise_project_id`).
 */
const LIST_FILTERS = [
  "id",
  "tenant_id",
  "name",
  "description",
  "loadbalancer_id",
  "connection_limit",
  "admin_state_up",
  "default_pool_id",
  "http2_enable",
  "default_tls_container_ref",
  "client_ca_tls_container_ref",
  "protocol",
  "protocol_port",
  "tls_ciphers_policy",
] as const;

/** V2State holds the shared ELB objects of one project and enforces the service's rules. */
export class V2State {
  readonly loadBalancers = new Map<string, FakeSharedLb>();
  readonly certificates = new Map<string, FakeSharedCertificate>();
  readonly listeners = new Map<string, FakeV2Listener>();
  readonly options: V2StateOptions;
  private sequence = 0;

  constructor(
    readonly projectId: string,
    options: Partial<V2StateOptions> = {},
  ) {
    this.options = { lockMs: 0, listenerQuota: 50, documentedForms: false, ...options };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private next(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** addLoadBalancer adds a shared load balancer, ACTIVE unless a status is forced (e.g. ERROR). */
  addLoadBalancer(name: string, forcedStatus?: string): FakeSharedLb {
    const n = this.next();
    const lb: FakeSharedLb = {
      id: v2EmulatorId(n),
      name,
      vipAddress: `192.168.2.${n}`,
      vipSubnetId: v2EmulatorId(0x100 + n),
      vipPortId: v2EmulatorId(0x200 + n),
      createdAt: v2Timestamp(this.now()),
      busyUntil: 0,
      forcedStatus,
    };
    this.loadBalancers.set(lb.id, lb);
    return lb;
  }

  /** addCertificate adds a server certificate (with its domain) or a client CA certificate. */
  addCertificate(name: string, type: "server" | "client", domain: string | null): FakeSharedCertificate {
    const cert = { id: hexOf(this.next()), name, type, domain };
    this.certificates.set(cert.id, cert);
    return cert;
  }

  /** provisioningStatus is a load balancer's status now: a forced one, PENDING_UPDATE while a change settles, ACTIVE. */
  provisioningStatus(lb: FakeSharedLb): string {
    if (lb.forcedStatus !== undefined) return lb.forcedStatus;
    return this.now() < lb.busyUntil ? V2_LB_STATUS.pendingUpdate : V2_LB_STATUS.active;
  }

  /** setProvisioningStatus forces a load balancer's status (undefined returns it to its own). For tests. */
  setProvisioningStatus(id: string, status: string | undefined): void {
    this.getLoadBalancer(id).forcedStatus = status;
  }

  /** getLoadBalancer returns a shared load balancer or the not-found answer. */
  getLoadBalancer(id: string): FakeSharedLb {
    const lb = this.loadBalancers.get(id);
    if (!lb) throw V2_ERRORS.notFound();
    return lb;
  }

  /** getListener returns a listener or the not-found answer. */
  getListener(id: string): FakeV2Listener {
    const listener = this.listeners.get(id);
    if (!listener) throw V2_ERRORS.notFound();
    return listener;
  }

  /** listenersOf lists the listeners of one load balancer (or all), in id order (the creation order). */
  listenersOf(loadbalancerId?: string): FakeV2Listener[] {
    return [...this.listeners.values()].filter(
      (l) => loadbalancerId === undefined || l.loadbalancerId === loadbalancerId,
    );
  }

  /**
   * assertActive refuses a listener change while the load balancer is not ACTIVE. Ref: §3 "If the provisioning status
   * of the associated load balancer is not ACTIVE, the listener cannot be updated"; Assumed for create and delete, as
   * upstream Neutron-LBaaS refuses every change then (§5 ◐).
   */
  private assertActive(lb: FakeSharedLb): void {
    const status = this.provisioningStatus(lb);
    if (status !== V2_LB_STATUS.active) throw V2_ERRORS.lbNotActive(lb.id, status);
  }

  /** touch starts the PENDING_UPDATE window after a change (upstream sets PENDING_UPDATE around every change, §5 ◐). */
  private touch(lb: FakeSharedLb): void {
    if (this.options.lockMs > 0) lb.busyUntil = this.now() + this.options.lockMs;
  }

  /**
   * checkTenant refuses a body `tenant_id` or `project_id` other than the request's project. Ref: §1 "a body
   * `tenant_id` must equal it".
   */
  private checkTenant(raw: WireObject): void {
    for (const key of ["tenant_id", "project_id"]) {
      if (typeof raw[key] === "string" && raw[key] !== this.projectId) throw V2_ERRORS.tenantMismatch();
    }
  }

  /**
   * checkCertificates resolves the certificates a body names: each must exist (ELB.5040) and be of the right type,
   * server for the default and SNI certificates, client (CA) for `client_ca_tls_container_ref`. Assumed: a certificate
   * of the other type is refused as an invalid value (no source shows the answer).
   */
  private checkCertificates(fields: WireObject): void {
    const certOf = (key: string, id: unknown, type: "server" | "client"): void => {
      const cert = this.certificates.get(String(id));
      if (!cert) throw V2_ERRORS.certificateNotFound(String(id));
      if (cert.type !== type) throw V2_ERRORS.invalid(key, `certificate ${cert.id} is not a ${type} certificate`);
    };
    if (typeof fields.default_tls_container_ref === "string") {
      certOf("default_tls_container_ref", fields.default_tls_container_ref, "server");
    }
    if (typeof fields.client_ca_tls_container_ref === "string") {
      certOf("client_ca_tls_container_ref", fields.client_ca_tls_container_ref, "client");
    }
    if (Array.isArray(fields.sni_container_refs)) {
      for (const id of fields.sni_container_refs) certOf("sni_container_refs", id, "server");
    }
  }

  /**
   * createListener validates a create body (`{"listener": {...}}`) from one route family and adds the listener.
   * Order: body, fields the cloud lacks, required fields (as the status table lists them), field rules, protocol
   * rules, project, load balancer, certificates, ACTIVE, the 50-listener limit, then the port.
   */
  createListener(body: unknown, family: V2Family): FakeV2Listener {
    const raw = listenerBody(body);
    checkKnownFields(raw, family);
    for (const key of ["protocol", "protocol_port", "loadbalancer_id"]) {
      if (raw[key] === undefined || raw[key] === null) throw V2_ERRORS.required(key);
    }
    checkFieldRules(raw, family, false);
    const protocol = readProtocol(raw.protocol);
    const port = readPort(raw.protocol_port);
    checkProtocolRules(raw, protocol, port, family);
    if (protocol === TLS && (raw.default_tls_container_ref ?? null) === null) throw V2_ERRORS.tlsCertificateRequired();
    this.checkTenant(raw);
    const lbId = String(raw.loadbalancer_id);
    const lb = this.loadBalancers.get(lbId);
    if (!lb) throw V2_ERRORS.listenerLbNotFound(lbId);
    const fields = createFields(raw, protocol);
    this.checkCertificates(fields);
    this.assertActive(lb);
    const siblings = this.listenersOf(lb.id);
    if (siblings.length >= this.options.listenerQuota) throw V2_ERRORS.listenerLimit();
    if (siblings.some((l) => l.protocolPort === port && portFamily(l.protocol) === portFamily(protocol))) {
      throw V2_ERRORS.portInUse(lb.id, port);
    }
    const now = v2Timestamp(this.now());
    const listener: FakeV2Listener = {
      id: v2EmulatorId(this.next()),
      loadbalancerId: lb.id,
      protocol,
      protocolPort: port,
      fields,
      v3: v3Defaults(protocol),
      tags: new Map(),
      createdAt: now,
      updatedAt: now,
    };
    this.listeners.set(listener.id, listener);
    this.touch(lb);
    return listener;
  }

  /**
   * updateListener applies a PUT body: fields fixed at creation refused (ELB.6015), `null` clears the clearable
   * fields (never the server certificate of a TERMINATED_HTTPS listener, ELB.9899), SNI lists answered sorted, a
   * cipher policy kept only on TERMINATED_HTTPS, insert headers merged key by key, nonProtection clearing the reason.
   * Ref: §3. Assumed: a `null` in another field is ignored; insert headers merge as the v3 API's do; an update of
   * `connection_limit` ("admin only" on OTC) is taken, as no source shows the refusal.
   */
  updateListener(id: string, body: unknown, family: V2Family): FakeV2Listener {
    const listener = this.getListener(id);
    const raw = listenerBody(body);
    checkKnownFields(raw, family);
    for (const key of CREATE_ONLY) if (key in raw) throw V2_ERRORS.propertyNotUpdatable(key);
    checkFieldRules(raw, family, true);
    checkProtocolRules(raw, listener.protocol, listener.protocolPort, family);
    const fields = CLOUD_RULES[family].fields;
    const next: WireObject = { ...listener.fields };
    const tls = listener.protocol === TLS;
    for (const [key, value] of Object.entries(raw)) {
      if (value === undefined || !fields.includes(key)) continue;
      if (value === null) {
        if (key === "default_tls_container_ref" && tls) throw V2_ERRORS.tlsCertificateNotClearable();
        if ((CLEARABLE as readonly string[]).includes(key)) next[key] = null;
        continue;
      }
      if (key === "sni_container_refs") next[key] = sortedRefs(value);
      else if (key === "tls_ciphers_policy") next[key] = tls ? value : null;
      else if (key === "insert_headers" && isObject(value)) {
        next[key] = { ...(isObject(listener.fields.insert_headers) ? listener.fields.insert_headers : {}), ...value };
      } else next[key] = value;
    }
    if (next.protection_status === "nonProtection") next.protection_reason = undefined;
    const changed: WireObject = {};
    for (const key of Object.keys(raw)) if (key in next) changed[key] = next[key];
    this.checkCertificates(changed);
    const lb = this.getLoadBalancer(listener.loadbalancerId);
    this.assertActive(lb);
    listener.fields = next;
    listener.updatedAt = v2Timestamp(this.now());
    this.touch(lb);
    return listener;
  }

  /**
   * deleteListener removes a listener (204): refused while its load balancer is not ACTIVE, or while it still has a
   * default backend server group. Ref: §3 "All backend server groups associated with the listener must be deleted
   * before the listener is deleted".
   */
  deleteListener(id: string): void {
    const listener = this.getListener(id);
    const lb = this.loadBalancers.get(listener.loadbalancerId);
    if (lb) this.assertActive(lb);
    if (typeof listener.fields.default_pool_id === "string") {
      throw V2_ERRORS.poolAttached(listener.fields.default_pool_id);
    }
    this.listeners.delete(id);
    if (lb) this.touch(lb);
  }

  /**
   * updateThroughV3 applies `PUT /v3/{project_id}/elb/listeners/{id}` to a shared listener, as both Terraform providers
   * send it for what the v2 body lacks: `transparent_client_ip_enable` (TCP/UDP true or false, HTTP and
   * TERMINATED_HTTPS only true), `ipgroup` (null or `{}` detaches; the group must exist) and `enable_member_retry`
   * (HTTP and TERMINATED_HTTPS only); the v2 body's own fields go through the v2 update's rules; an attribute only
   * dedicated listeners have is refused (ELB.8902). Ref: §1 ("the unified v3 API accepts shared-listener IDs"), §2.
   */
  updateThroughV3(id: string, body: unknown, ipGroups: ReadonlySet<string>): FakeV2Listener {
    const listener = this.getListener(id);
    if (!isObject(body) || !isObject(body.listener)) throw V2_ERRORS.v3Invalid("listener");
    const v2Fields: WireObject = {};
    const v3Fields: WireObject = {};
    for (const [key, value] of Object.entries(body.listener)) {
      if (V3_SHARED_FIELDS.includes(key)) v3Fields[key] = value;
      else if (CLOUD_RULES.huawei.fields.includes(key)) v2Fields[key] = value;
      else throw V2_ERRORS.v3Unsupported(key);
    }
    const l4 = listener.protocol === "TCP" || listener.protocol === "UDP";
    const transparent = v3Fields.transparent_client_ip_enable;
    if (transparent !== undefined && (typeof transparent !== "boolean" || (!l4 && !transparent))) {
      throw V2_ERRORS.v3Invalid("transparent_client_ip_enable");
    }
    const retry = v3Fields.enable_member_retry;
    if (retry !== undefined && l4) throw V2_ERRORS.v3MemberRetry();
    if (retry !== undefined && typeof retry !== "boolean") throw V2_ERRORS.v3Invalid("enable_member_retry");
    let ipgroup = listener.v3.ipgroup;
    if (v3Fields.ipgroup !== undefined) {
      const current = isObject(listener.v3.ipgroup) ? listener.v3.ipgroup : null;
      try {
        ipgroup = ipGroupOf(v3Fields.ipgroup, current);
      } catch {
        throw V2_ERRORS.v3Invalid("ipgroup");
      }
      if (isObject(ipgroup)) {
        for (const group of String(ipgroup.ipgroup_id).split(",")) {
          if (!ipGroups.has(group)) throw V2_ERRORS.v3IpGroupNotFound(group);
        }
      }
    }
    if (Object.keys(v2Fields).length > 0) this.updateListener(id, { listener: v2Fields }, "huawei");
    else this.assertActive(this.getLoadBalancer(listener.loadbalancerId));
    listener.v3 = {
      ...listener.v3,
      ...(transparent === undefined ? {} : { transparent_client_ip_enable: transparent }),
      ...(retry === undefined ? {} : { enable_member_retry: retry }),
      ipgroup,
    };
    listener.updatedAt = v2Timestamp(this.now());
    this.touch(this.getLoadBalancer(listener.loadbalancerId));
    return listener;
  }

  /** deleteOutOfBand removes a listener without any rule, as a console user would (for refresh tests). */
  deleteOutOfBand(id: string): boolean {
    return this.listeners.delete(id);
  }

  /**
   * listListeners answers a listener list with its documented filters, sorting and paging: ascending by id unless
   * `sort_key`/`sort_dir` say otherwise (their counts must match), `limit`, `marker` (the last id of the previous page)
   * and `page_reverse`; on Open Telekom Cloud a paged answer carries `listeners_links` as upstream Neutron builds them
   * (`next` unless a short forward page, `previous` unless a short reverse page). Ref: §1.1.
   * Assumed: unknown filters are ignored; an unknown marker, a bad limit or sort direction is an invalid value.
   */
  listListeners(query: URLSearchParams, family: V2Family, self: string): ListPage {
    let rows = this.listenersOf().map((l) => ({ l, wire: renderV2Listener(l, family, this.projectId) }));
    const filters: string[] = [...LIST_FILTERS, family === "otc" ? "sni_container_refs" : "enterprise_project_id"];
    for (const key of [...filters, "tls_container_id"]) {
      const wanted = query.getAll(key);
      if (wanted.length === 0) continue;
      rows = rows.filter(({ l, wire }) => {
        if (key === "loadbalancer_id") return wanted.includes(l.loadbalancerId);
        if (key === "enterprise_project_id") return wanted.some((w) => w === "0" || w === "all_granted_eps");
        if (key === "tls_container_id" || key === "sni_container_refs") {
          const refs = [l.fields.default_tls_container_ref, ...(l.fields.sni_container_refs as string[])];
          return wanted.some((w) => (key === "tls_container_id" ? refs : refs.slice(1)).includes(w));
        }
        return wanted.includes(String(wire[key]));
      });
    }
    const sortKeys = query.getAll("sort_key");
    const sortDirs = query.getAll("sort_dir");
    if (sortDirs.length > 0 && sortDirs.length !== sortKeys.length) {
      throw V2_ERRORS.invalid("sort_dir", "the number of sort_keys and sort_dirs must be same");
    }
    if (sortDirs.some((d) => d !== "asc" && d !== "desc")) throw V2_ERRORS.invalid("sort_dir", "must be asc or desc");
    const keys = [...sortKeys, "id"];
    const order = (a: WireObject, b: WireObject): number => {
      for (const [i, key] of keys.entries()) {
        const x = String(a[key] ?? "");
        const y = String(b[key] ?? "");
        if (x !== y) return (x < y ? -1 : 1) * (sortDirs[i] === "desc" ? -1 : 1);
      }
      return 0;
    };
    rows.sort((a, b) => order(a.wire, b.wire));
    const limitText = query.get("limit");
    const limit = limitText === null ? 0 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 0)
      throw V2_ERRORS.invalid("limit", `'${limitText}' is not a valid integer`);
    const reverse = (query.get("page_reverse") ?? "false").toLowerCase() === "true";
    const marker = query.get("marker");
    if (marker !== null) {
      const at = this.listeners.get(marker);
      if (!at) throw V2_ERRORS.invalid("marker", `'${marker}' is not a listener`);
      const edge = renderV2Listener(at, family, this.projectId);
      rows = rows.filter((r) => (reverse ? order(r.wire, edge) < 0 : order(r.wire, edge) > 0));
    }
    if (limit > 0) rows = reverse ? rows.slice(-limit) : rows.slice(0, limit);
    const listeners = rows.map((r) => r.wire);
    if (limit === 0 || !CLOUD_RULES[family].answersLinks) return { listeners };
    const link = (rel: "next" | "previous"): { href: string; rel: "next" | "previous" } => {
      const params = new URLSearchParams(query);
      params.delete("marker");
      params.delete("page_reverse");
      const edge = rel === "next" ? listeners[listeners.length - 1] : listeners[0];
      if (edge !== undefined) params.set("marker", String(edge.id));
      if (rel === "previous") params.set("page_reverse", "True");
      return { href: `${self}?${params.toString()}`, rel };
    };
    const links: { href: string; rel: "next" | "previous" }[] = [];
    if (!(listeners.length < limit && !reverse)) links.push(link("next"));
    if (!(listeners.length < limit && reverse)) links.push(link("previous"));
    return { listeners, listeners_links: links };
  }

  /** listTags answers a listener's tags. Ref: apis_v2.0/tag/querying_all_tags_of_a_listener.rst. */
  listTags(id: string): { key: string; value: string }[] {
    return [...this.tagged(id).tags].map(([key, value]) => ({ key, value }));
  }

  /**
   * tagAction applies `{"action": "create"|"delete", "tags": [...]}`: create adds or overwrites keys, delete removes
   * them. Ref: apis_v2.0/tag/batch_adding_tags_to_a_listener.rst ("the key in the database is overwritten"; duplicate
   * keys in the body are an error). Assumed: a batch delete of a key the listener lacks is not an error.
   */
  tagAction(id: string, body: unknown): void {
    const listener = this.tagged(id);
    if (!isObject(body) || (body.action !== "create" && body.action !== "delete")) throw TAG_ERRORS.action();
    if (!Array.isArray(body.tags)) throw TAG_ERRORS.missing();
    if (body.tags.length > 10) throw TAG_ERRORS.batchTooLarge();
    const tags = body.tags.map((t: unknown) => readTag(t, body.action === "delete"));
    if (new Set(tags.map((t) => t.key)).size !== tags.length) throw TAG_ERRORS.duplicated();
    if (body.action === "delete") {
      for (const t of tags) listener.tags.delete(t.key);
      return;
    }
    const merged = new Map(listener.tags);
    for (const t of tags) merged.set(t.key, t.value);
    if (merged.size > 10) throw TAG_ERRORS.tooMany(id);
    for (const t of tags) listener.tags.set(t.key, t.value);
  }

  /** addTag adds or overwrites one tag (`{"tag": {key, value}}`). Ref: apis_v2.0/tag/adding_a_tag_to_a_listener.rst. */
  addTag(id: string, body: unknown): void {
    const listener = this.tagged(id);
    if (!isObject(body)) throw TAG_ERRORS.missing();
    const tag = readTag(body.tag, false);
    if (!listener.tags.has(tag.key) && listener.tags.size >= 10) throw TAG_ERRORS.tooMany(id);
    listener.tags.set(tag.key, tag.value);
  }

  /** deleteTag removes one tag by key. Ref: apis_v2.0/tag/deleting_a_tag_from_a_listener.rst. */
  deleteTag(id: string, key: string): void {
    if (!this.tagged(id).tags.delete(key)) throw TAG_ERRORS.keyNotFound();
  }

  /** tagged returns a listener for the tag API, or its own not-found answer (VPC.1814, 400). */
  private tagged(id: string): FakeV2Listener {
    const listener = this.listeners.get(id);
    if (!listener) throw TAG_ERRORS.listenerNotFound(id);
    return listener;
  }
}

/** V3_SHARED_FIELDS are the v3-only fields the v3 PUT sets on a shared listener. Ref: §2 (v3 rows), §8 [TO][TH]. */
const V3_SHARED_FIELDS: readonly string[] = ["transparent_client_ip_enable", "ipgroup", "enable_member_retry"];

/** TAG_TEXT is the documented tag key and value character set. Ref: batch_adding_tags_to_a_listener.rst, Table 4. */
const TAG_TEXT = /^[A-Za-z0-9_-]*$/;

/**
 * readTag reads one `{key, value}` tag (value optional when deleting). Ref: tag status_codes.rst: key 1–36 and value
 * 0–43 characters (the request tables say 128 and 255, §7 ✘; the error table's stricter range is enforced).
 */
function readTag(t: unknown, deleting: boolean): { key: string; value: string } {
  if (!isObject(t) || typeof t.key !== "string") throw TAG_ERRORS.missing();
  const value = t.value === undefined && deleting ? "" : t.value;
  if (typeof value !== "string") throw TAG_ERRORS.missing();
  if (t.key.length < 1 || t.key.length > 36 || value.length > 43) throw TAG_ERRORS.length();
  if (!TAG_TEXT.test(t.key)) throw TAG_ERRORS.characters(t.key);
  if (!TAG_TEXT.test(value)) throw TAG_ERRORS.characters(value);
  return { key: t.key, value };
}

/** sortedRefs is an SNI list as the service answers it: without repeats, ascending. Ref: §4 (create example 3). */
function sortedRefs(v: unknown): string[] {
  return Array.isArray(v) ? [...new Set(v.map(String))].sort() : [];
}

/**
 * createFields applies the documented defaults to a create body's non-null fields. Ref: §2 defaults; §4 (null
 * references, `""` descriptions, `tls_ciphers_policy` "tls-1-0" on TERMINATED_HTTPS and null otherwise).
 * The Huawei-only fields are kept for every listener and answered on the Huawei routes only.
 */
function createFields(raw: WireObject, protocol: V2Protocol): WireObject {
  const given = (key: string): unknown => (raw[key] === null ? undefined : raw[key]);
  const tls = protocol === TLS;
  const protection = given("protection_status") ?? "nonProtection";
  return {
    name: given("name") ?? "",
    description: given("description") ?? "",
    connection_limit: given("connection_limit") ?? -1,
    admin_state_up: given("admin_state_up") ?? true,
    http2_enable: given("http2_enable") ?? false,
    default_pool_id: given("default_pool_id") ?? null,
    default_tls_container_ref: tls ? given("default_tls_container_ref") : null,
    client_ca_tls_container_ref: tls ? (given("client_ca_tls_container_ref") ?? null) : null,
    sni_container_refs: tls ? sortedRefs(given("sni_container_refs")) : [],
    tls_ciphers_policy: tls ? (given("tls_ciphers_policy") ?? "tls-1-0") : null,
    insert_headers: isObject(raw.insert_headers) ? raw.insert_headers : DEFAULT_INSERT_HEADERS,
    protection_status: protection,
    protection_reason: protection === "consoleProtection" ? (given("protection_reason") ?? "") : undefined,
  };
}

/**
 * v3Defaults are the v3-only settings a new shared listener has (set through the v3 PUT). Ref: §2
 * transparent_client_ip_enable "shared TCP/UDP true|false (default false); shared HTTP/TLS only true (default true)";
 * enable_member_retry "on shared LBs only HTTP and TERMINATED_HTTPS" (default true); no IP group.
 */
function v3Defaults(protocol: V2Protocol): WireObject {
  const l4 = protocol === "TCP" || protocol === "UDP";
  return { transparent_client_ip_enable: !l4, enable_member_retry: l4 ? undefined : true, ipgroup: null };
}

/**
 * renderV2Listener is the listener object as GET/POST/PUT answer it on a route family (`documented` selects the odd
 * forms of V2StateOptions.documentedForms for a create or another answer), in the documented GET
 * example's key order: `loadbalancers: [{id}]` and no `loadbalancer_id`, `null` references, `""` descriptions,
 * `tags: []`, timestamps without `Z`; `project_id` and the Huawei-only fields on the Huawei routes only.
 * Ref: §4 (OTC querying_details_of_a_listener.rst example; the Huawei SDK's ListenerResp; S7 log). Assumed: `tags`
 * stays `[]` however the tag API tags the listener (every documented body shows `[]`; tags are read through the tag
 * API).
 */
export function renderV2Listener(
  l: FakeV2Listener,
  family: V2Family,
  projectId: string,
  documented?: "create" | "read",
): WireObject {
  const f = l.fields;
  const huawei = CLOUD_RULES[family].answersProjectId;
  const sparse = huawei && documented !== undefined;
  const out: WireObject = {
    protocol_port: l.protocolPort,
    protocol: l.protocol,
    description: f.description,
    client_ca_tls_container_ref: f.client_ca_tls_container_ref,
    default_tls_container_ref: f.default_tls_container_ref,
    admin_state_up: f.admin_state_up,
    http2_enable: f.http2_enable,
    loadbalancers: [{ id: l.loadbalancerId }],
    tenant_id: projectId,
    project_id: huawei ? projectId : undefined,
    sni_container_refs: f.sni_container_refs,
    connection_limit: f.connection_limit,
    default_pool_id: f.default_pool_id,
    id: l.id,
    tags: [],
    name: f.name,
    tls_ciphers_policy: f.tls_ciphers_policy,
    created_at: l.createdAt,
    updated_at: l.updatedAt,
    insert_headers: huawei && !sparse ? f.insert_headers : undefined,
    protection_status: huawei && !sparse ? f.protection_status : undefined,
    protection_reason: huawei && !sparse ? f.protection_reason : undefined,
  };
  if (!huawei && documented === "create") {
    // Ref: §4, OTC create example 3 verbatim: `project_id` present, the policy under the key `""`.
    out.project_id = projectId;
    if (l.protocol === TLS) {
      out[""] = out.tls_ciphers_policy;
      delete out.tls_ciphers_policy;
    }
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * renderSharedLoadBalancer is a shared load balancer as the v2 GET answers it, `listeners` kept in step with the
 * state, `project_id` on the Huawei route only. Ref: OTC apis_v2.0/load_balancer/querying_details_of_a_load_balancer
 * .rst (example response 1); the Huawei SDK's LoadbalancerResp (§5).
 */
export function renderSharedLoadBalancer(lb: FakeSharedLb, state: V2State, family: V2Family): WireObject {
  return {
    description: "",
    admin_state_up: true,
    tenant_id: state.projectId,
    ...(CLOUD_RULES[family].answersProjectId ? { project_id: state.projectId } : {}),
    provisioning_status: state.provisioningStatus(lb),
    vip_subnet_id: lb.vipSubnetId,
    listeners: state.listenersOf(lb.id).map((l) => ({ id: l.id })),
    vip_address: lb.vipAddress,
    vip_port_id: lb.vipPortId,
    provider: "vlb",
    pools: [],
    id: lb.id,
    operating_status: "ONLINE",
    tags: [],
    name: lb.name,
    created_at: lb.createdAt,
    updated_at: lb.createdAt,
  };
}

/**
 * renderSharedAsV3 is a shared load balancer as `GET /v3/{project_id}/elb/loadbalancers/{id}` answers it: the unified
 * v3 API serves shared load balancers too, with `guaranteed: false` and no flavors. Ref: §9 (`guaranteed` false for
 * shared, true for dedicated; D v3, S v3). Assumed: the other v3 fields as the dedicated emulator answers them.
 */
export function renderSharedAsV3(lb: FakeSharedLb, state: V2State): WireObject {
  return {
    id: lb.id,
    project_id: state.projectId,
    name: lb.name,
    description: "",
    vip_port_id: lb.vipPortId,
    vip_subnet_cidr_id: lb.vipSubnetId,
    vip_address: lb.vipAddress,
    admin_state_up: true,
    provisioning_status: state.provisioningStatus(lb),
    operating_status: "ONLINE",
    listeners: state.listenersOf(lb.id).map((l) => ({ id: l.id })),
    pools: [],
    tags: [],
    provider: "vlb",
    created_at: `${lb.createdAt}Z`,
    updated_at: `${lb.createdAt}Z`,
    enterprise_project_id: "0",
    availability_zone_list: [],
    guaranteed: false,
    l4_flavor_id: null,
    l7_flavor_id: null,
  };
}

/**
 * renderSharedListenerV3 is a shared listener as `GET`/`PUT /v3/{project_id}/elb/listeners/{id}` answer it: the v2
 * fields, `TERMINATED_HTTPS` kept as such (§1: on a shared load balancer v3 stores HTTPS as TERMINATED_HTTPS), the v3
 * timestamps with `Z`, and the v3-only settings. Assumed: the v3 example's other fields (timeouts, security policy,
 * QUIC) are left out, as a shared listener has none of them.
 */
export function renderSharedListenerV3(l: FakeV2Listener, projectId: string): WireObject {
  const f = l.fields;
  const out: WireObject = {
    id: l.id,
    name: f.name,
    protocol_port: l.protocolPort,
    protocol: l.protocol,
    description: f.description,
    default_tls_container_ref: f.default_tls_container_ref,
    admin_state_up: f.admin_state_up,
    loadbalancers: [{ id: l.loadbalancerId }],
    client_ca_tls_container_ref: f.client_ca_tls_container_ref,
    project_id: projectId,
    sni_container_refs: f.sni_container_refs,
    connection_limit: f.connection_limit,
    default_pool_id: f.default_pool_id,
    ipgroup: l.v3.ipgroup,
    tls_ciphers_policy: f.tls_ciphers_policy,
    tags: [],
    created_at: `${l.createdAt}Z`,
    updated_at: `${l.updatedAt}Z`,
    http2_enable: f.http2_enable,
    enable_member_retry: l.v3.enable_member_retry,
    insert_headers: f.insert_headers,
    transparent_client_ip_enable: l.v3.transparent_client_ip_enable,
    protection_status: f.protection_status,
    protection_reason: f.protection_reason,
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * seedShared adds the standard v2 fixtures: two ACTIVE shared load balancers and one in ERROR, two server
 * certificates and a client CA certificate.
 */
export function seedShared(state: V2State): SharedSeed {
  const first = state.addLoadBalancer("emulator-shared-1");
  const second = state.addLoadBalancer("emulator-shared-2");
  const error = state.addLoadBalancer("emulator-shared-error", V2_LB_STATUS.error);
  const server = state.addCertificate("emulator-shared-cert", "server", "www.example.com");
  const sni = state.addCertificate("emulator-shared-sni-cert", "server", "api.example.com");
  const ca = state.addCertificate("emulator-shared-ca", "client", null);
  return {
    shared: {
      loadBalancers: { first: first.id, second: second.id, error: error.id },
      certificateId: server.id,
      sniCertificateId: sni.id,
      caCertificateId: ca.id,
    },
  };
}
