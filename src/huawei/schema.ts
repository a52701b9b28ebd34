/**
 * The inputs of `ElbListener` as io-ts codecs (one per property, named after the documented rule), the document's
 * cross-field rules as pure functions, and the check that turns raw inputs into normalized inputs, failures and
 * warnings. Nothing here throws on bad input.
 *
 * Ref: ../shared/api-docs/huawei-elb-v1-add-listener.md, Table 1 (request parameters).
 */
import * as t from "io-ts";
import {
  booleanValue,
  type CheckFailure,
  conforms,
  decodeInputs,
  describeValue,
  failure,
  type ForeignNames,
  intRange,
  isUnknown,
  matching,
  oneOf,
} from "../core/check";
import { inputNames, regionCodec, type DecodedOf, type InputsOf } from "./listener/codecs";
import { LB_TYPE, WIRE_SSL_PROTOCOLS } from "./constants";

/** RESOURCE is the resource name used in check messages. */
export const RESOURCE = "ElbListener";

/** PROTOCOLS are the front-end protocols a listener can use. */
const PROTOCOLS = ["HTTP", "TCP", "HTTPS", "SSL", "UDP"] as const;
/** BACKEND_PROTOCOLS are the protocols the backend ECSs can use. */
const BACKEND_PROTOCOLS = ["HTTP", "TCP", "UDP"] as const;
/** LB_ALGORITHMS are the load-balancing algorithms. */
const LB_ALGORITHMS = ["roundrobin", "leastconn", "source"] as const;
/** SSL_PROTOCOLS are the TLS version sets, in the document's spelling (the client translates them on the wire). */
const SSL_PROTOCOLS = ["TLS 1.2", "TLS 1.2 TLS 1.1 TLS 1.0"] as const;
/**
 * SERVICE_SSL_PROTOCOLS maps the services' own `ssl_protocols` spelling to the document's (the inverse of
 * WIRE_SSL_PROTOCOLS), so an input written as the API and the Terraform providers write it (`TLSv1.2`) is the same
 * value as ours (`TLS 1.2`) and shows no diff. Ref: see WIRE_SSL_PROTOCOLS.
 */
const SERVICE_SSL_PROTOCOLS: Readonly<Record<string, (typeof SSL_PROTOCOLS)[number]>> = Object.fromEntries(
  Object.entries(WIRE_SSL_PROTOCOLS).map(([documented, wire]) => [wire, documented as (typeof SSL_PROTOCOLS)[number]]),
);

/**
 * sslProtocolsCodec takes the document's spelling and the services' (SERVICE_SSL_PROTOCOLS) and decodes both to the
 * document's; its name, quoted by failures, lists the document's values.
 */
const sslProtocolsCodec: t.Type<(typeof SSL_PROTOCOLS)[number], (typeof SSL_PROTOCOLS)[number], unknown> = (() => {
  const documented = oneOf(SSL_PROTOCOLS);
  return new t.Type<(typeof SSL_PROTOCOLS)[number], (typeof SSL_PROTOCOLS)[number], unknown>(
    documented.name,
    documented.is,
    (u, c) => {
      const alias = typeof u === "string" && Object.hasOwn(SERVICE_SSL_PROTOCOLS, u) ? SERVICE_SSL_PROTOCOLS[u] : u;
      return documented.validate(alias, c);
    },
    t.identity,
  );
})();

/**
 * CLASSIC_LISTENER_NAMES are the hints check gives to inputs written for the classic listeners of the Open Telekom
 * Cloud and FlexibleEngine Terraform providers, whose names differ from the document's.
 * Ref: terraform-provider-opentelekomcloud `opentelekomcloud/services/elb/v1/resource_opentelekomcloud_elb_listener.go`
 * (before 07346c5d, "[ELB] Remove classic load balancing"): `protocol_port`, `session_sticky_type`; FlexibleEngine's
 * `flexibleengine_elb_listener` documents `protocol_port` and `admin_state_up`.
 */
const CLASSIC_LISTENER_NAMES: ForeignNames = {
  names: {
    protocolPort: "use port",
    sessionStickyType: "use stickySessionType",
    adminStateUp: "it is an output of ElbListener, not an input",
  },
};

/** SSL_CIPHERS are the cipher-suite policies. */
const SSL_CIPHERS = ["Default", "Extended", "Strict"] as const;

/** DEFAULT_SSL_PROTOCOLS is the document's default `ssl_protocols` for HTTPS and SSL listeners. */
const DEFAULT_SSL_PROTOCOLS = "TLS 1.2";
/** DEFAULT_SSL_CIPHERS is the document's default `ssl_ciphers` for HTTPS and SSL listeners. */
const DEFAULT_SSL_CIPHERS = "Default";
/** LEGACY_TLS is the `sslProtocols` value that allows only the `Extended` cipher policy. */
const LEGACY_TLS = "TLS 1.2 TLS 1.1 TLS 1.0";
/**
 * SERVICE_TCP_TIMEOUT_MAX is the largest `tcp_timeout` the providers of both clouds accept (1 to 5 minutes in
 * terraform-provider-huaweicloud and terraform-provider-opentelekomcloud), although the document says 1 to 1440.
 */
const SERVICE_TCP_TIMEOUT_MAX = 5;

const isId = (s: string): boolean => /^[A-Za-z0-9-]{1,64}$/.test(s);
const idCodec = (what: string): t.Type<string, string, unknown> =>
  matching(`${what} of 1 to 64 letters, digits or hyphens`, isId);

/** certificateList is a codec of a non-empty list of certificate IDs. */
const certificateList = new t.Type<string[], string[], unknown>(
  "a non-empty list of certificate IDs (1 to 64 letters, digits or hyphens each)",
  (u): u is string[] => Array.isArray(u) && u.length > 0 && u.every((x) => typeof x === "string" && isId(x)),
  (u, c) =>
    Array.isArray(u) && u.length > 0 && u.every((x) => typeof x === "string" && isId(x))
      ? t.success([...u] as string[])
      : t.failure(u, c),
  t.identity,
);

/**
 * ELB_LISTENER_PROPS are the codecs of every input; each codec's name is the documented rule that failure messages
 * quote ("<property> must be <rule>, got <value>"). The TSDoc on each field (range, `@default`, wire name) is what
 * users read on `ElbListenerArgs`, which derives from these codecs.
 */
export const ELB_LISTENER_PROPS = {
  /**
   * The listener name: 1 to 64 letters, digits, underscores (_) and hyphens (-). Updated in place.
   * Ref: Table 1, `name`.
   */
  name: matching("1 to 64 characters of letters, digits, underscores (_) and hyphens (-)", (s) =>
    /^[A-Za-z0-9_-]{1,64}$/.test(s),
  ),
  /**
   * Supplementary information: 0 to 128 characters without `<` or `>`. Updated in place.
   * @default none (not sent)
   * Ref: Table 1, `description`.
   */
  description: matching(
    "0 to 128 characters without angle brackets (< and >)",
    (s) => s.length <= 128 && !/[<>]/.test(s),
  ),
  /** The ID of the classic load balancer. Replaces the listener when changed. Ref: Table 1, `loadbalancer_id`. */
  loadbalancerId: idCodec("a load balancer ID"),
  /**
   * The front-end protocol: `HTTP`, `TCP`, `HTTPS`, `SSL` or `UDP`. UDP is refused on a private (Internal) load
   * balancer before anything is created. Replaces the listener when changed. Ref: Table 1, `protocol`.
   */
  protocol: oneOf(PROTOCOLS),
  /** The listener port, 1 to 65535, unique per load balancer. Updated in place. Ref: Table 1, `port`. */
  port: intRange(1, 65535),
  /**
   * The backend protocol: `HTTP`, `TCP` or `UDP`; must be `UDP` when protocol is UDP and `TCP` when protocol is SSL.
   * Replaces the listener when changed. Ref: Table 1, `backend_protocol`.
   */
  backendProtocol: oneOf(BACKEND_PROTOCOLS),
  /** The backend ECS port, 1 to 65535. Updated in place. Ref: Table 1, `backend_port`. */
  backendPort: intRange(1, 65535),
  /** The algorithm: `roundrobin`, `leastconn` or `source`. Updated in place. Ref: Table 1, `lb_algorithm`. */
  lbAlgorithm: oneOf(LB_ALGORITHMS),
  /**
   * Sticky sessions. Must be false on HTTP, HTTPS or TCP unless lbAlgorithm is `roundrobin`; has no effect on SSL
   * (warned, not sent). Replaces the listener when changed.
   * @default false (the service's)
   * Ref: Table 1, `session_sticky`.
   */
  sessionSticky: booleanValue,
  /**
   * Where the cookie comes from: only `insert`. Takes effect on HTTP (and HTTPS) with sessionSticky true; otherwise
   * warned and not sent. Replaces the listener when changed.
   * Ref: Table 1, `sticky_session_type`.
   */
  stickySessionType: oneOf(["insert"] as const),
  /**
   * Cookie timeout in minutes, 1 to 1440. Takes effect with sessionSticky true and stickySessionType `insert` on HTTP
   * (and HTTPS); otherwise warned and not sent. Replaces the listener when changed.
   * Ref: Table 1, `cookie_timeout`.
   */
  cookieTimeout: intRange(1, 1440),
  /**
   * TCP session timeout in minutes, 1 to 1440 by the document; the services are known to accept only 1 to 5 (check
   * warns above 5). TCP only, otherwise warned and not sent. Updated in place.
   * Ref: Table 1, `tcp_timeout`; terraform-provider-huaweicloud/opentelekomcloud validate 1-5.
   */
  tcpTimeout: intRange(1, 1440),
  /** Keep connections to removed backends. TCP only, otherwise warned and not sent. Updated in place. Ref: `tcp_draining`. */
  tcpDraining: booleanValue,
  /**
   * Draining timeout in minutes, 0 to 60. TCP with tcpDraining true only, otherwise warned and not sent. Updated in
   * place. Ref: Table 1, `tcp_draining_timeout`.
   */
  tcpDrainingTimeout: intRange(0, 60),
  /**
   * The default certificate ID; required for HTTPS and SSL, warned and not sent otherwise. Updated in place.
   * Ref: Table 1, `certificate_id`.
   */
  certificateId: idCodec("a certificate ID"),
  /**
   * SNI certificate IDs (a non-empty list, sent as a JSON list). HTTPS only (warned and not sent otherwise); only on a
   * public (External) load balancer, refused before anything is created otherwise. Updated in place.
   * Ref: Table 1, `certificates`; sent as a list like gophertelekomcloud's `Certificates []string`.
   */
  certificates: certificateList,
  /** UDP session timeout in minutes, 1 to 1440. UDP only, otherwise warned and not sent. Updated in place. Ref: `udp_timeout`. */
  udpTimeout: intRange(1, 1440),
  /**
   * TLS versions, in the document's spelling: `TLS 1.2` or `TLS 1.2 TLS 1.1 TLS 1.0` (the services' `TLSv1.2` and
   * `TLSv1.2 TLSv1.1 TLSv1` are taken as the same values); sent as `TLSv1.2` or `TLSv1.2 TLSv1.1 TLSv1`. HTTPS and
   * SSL only. Updated in place.
   * @default "TLS 1.2" on HTTPS and SSL
   * Ref: Table 1, `ssl_protocols`; OTC API reference and both terraform providers for the wire spelling.
   */
  sslProtocols: sslProtocolsCodec,
  /**
   * Cipher policy: `Default`, `Extended` or `Strict`; must be `Extended` when sslProtocols is
   * `TLS 1.2 TLS 1.1 TLS 1.0`. HTTPS and SSL only. Updated in place.
   * @default "Default" on HTTPS and SSL
   * Ref: Table 1, `ssl_ciphers`.
   */
  sslCiphers: oneOf(SSL_CIPHERS),
  /**
   * Region of the load balancer, e.g. `eu-de` or `cn-north-4`. Replaces the listener when changed. Never sent.
   * @default stack config huaweicloud:region, else HW_REGION_NAME
   */
  region: regionCodec,
  /**
   * Project ID the load balancer belongs to. Replaces the listener when changed. Never sent.
   * @default stack config huaweicloud:projectId, else HW_PROJECT_ID
   */
  projectId: matching("a project ID of 1 to 64 letters, digits, underscores or hyphens", (s) =>
    /^[A-Za-z0-9_-]{1,64}$/.test(s),
  ),
  /**
   * On create, take over an existing listener with the same loadbalancerId, port and protocol (updating what can be
   * changed in place) instead of failing with ELB.6101. Never sent, never causes a diff.
   * @default false
   */
  adoptExisting: booleanValue,
};

/** ElbListenerProps is the type of the codec table. */
type ElbListenerProps = typeof ELB_LISTENER_PROPS;

/** REQUIRED lists the inputs the document marks mandatory. */
export const REQUIRED = [
  "name",
  "loadbalancerId",
  "protocol",
  "port",
  "backendProtocol",
  "backendPort",
  "lbAlgorithm",
] as const satisfies readonly (keyof ElbListenerProps)[];

type Required_ = (typeof REQUIRED)[number];

/** ElbListenerInputs are checked inputs: the mandatory ones always present, the rest optional. */
export type ElbListenerInputs = InputsOf<ElbListenerProps, Required_>;

/** InputName is the name of one input. */
export type InputName = keyof ElbListenerProps;

/** INPUT_NAMES lists every input, in the document's order. */
export const INPUT_NAMES: InputName[] = inputNames(ELB_LISTENER_PROPS);

/**
 * REPLACE_ON_CHANGE are the inputs the API cannot modify (absent from PUT /listeners/{id}): changing one replaces the
 * listener. region and projectId also replace (another project is another listener). Ref: "Modifying a Listener".
 */
export const REPLACE_ON_CHANGE: ReadonlySet<InputName> = new Set<InputName>([
  "loadbalancerId",
  "protocol",
  "backendProtocol",
  "sessionSticky",
  "stickySessionType",
  "cookieTimeout",
  "region",
  "projectId",
]);

/** NOT_COMPARED are inputs that only steer `create` and never cause a diff. */
const NOT_COMPARED: ReadonlySet<InputName> = new Set<InputName>(["adoptExisting"]);

/** UPDATABLE_INPUTS are the inputs PUT /listeners/{id} changes in place. Ref: "Modifying a Listener". */
export const UPDATABLE_INPUTS: readonly InputName[] = INPUT_NAMES.filter(
  (n) => !REPLACE_ON_CHANGE.has(n) && !NOT_COMPARED.has(n),
);

/**
 * sameValue tells whether two input values are equal: lists item by item, objects key by key in any order (a key
 * set to undefined counts as absent). Both Huawei resources compare with it.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * changedUpdatable lists the UPDATABLE_INPUTS that `wanted` sets to another value than `current` has: what one PUT
 * must send.
 */
export function changedUpdatable(
  wanted: Partial<ElbListenerInputs>,
  current: Partial<Record<InputName, unknown>>,
): InputName[] {
  return UPDATABLE_INPUTS.filter((name) => wanted[name] !== undefined && !sameValue(wanted[name], current[name]));
}

/**
 * changedInputs lists the inputs whose new value differs from the stored one, for both Huawei resources: an unknown
 * value is a change; region and projectId left out mean the configured ones, compared with those resolved at create;
 * the names in `notCompared` (provider-only inputs) never count.
 */
export function changedInputs<N extends string>(
  names: readonly N[],
  notCompared: ReadonlySet<N>,
  olds: Partial<Record<N, unknown>> & { readonly resolvedRegion?: string; readonly resolvedProjectId?: string },
  news: Partial<Record<N, unknown>>,
  configured?: { readonly region?: string; readonly projectId?: string },
): N[] {
  const changed: N[] = [];
  for (const name of names) {
    if (notCompared.has(name)) continue;
    if (name === "region" || name === "projectId") {
      const located = name === "region" ? "region" : "projectId";
      const resolved = located === "region" ? olds.resolvedRegion : olds.resolvedProjectId;
      if (isUnknown(news[name])) changed.push(name);
      else {
        const next = news[name] ?? configured?.[located];
        const prev = olds[name] ?? resolved;
        if (next !== undefined && prev !== undefined && next !== prev) changed.push(name);
      }
      continue;
    }
    if (isUnknown(news[name]) || !sameValue(news[name], olds[name])) changed.push(name);
  }
  return changed;
}

/** StoredInputs are the stored outputs as diff reads them: the inputs, and the region and project resolved at create. */
type StoredInputs = Partial<Record<InputName, unknown>> & {
  readonly resolvedRegion?: string;
  readonly resolvedProjectId?: string;
};

/** ElbListenerDiff is what changed between the stored outputs and new inputs, and how to apply it. */
interface ElbListenerDiff {
  readonly changed: InputName[];
  readonly replaces: InputName[];
  /** A replacement on the same load balancer and port must delete first: the port is unique per load balancer. */
  readonly deleteBeforeReplace: boolean;
}

/**
 * diffInputs compares every input with the stored outputs: unknown values count as changes; REPLACE_ON_CHANGE inputs
 * replace, the rest update. `region` and `projectId` left out mean the configured ones (`configured`), compared with
 * what the listener was created in.
 */
export function diffInputs(
  olds: StoredInputs,
  news: Partial<Record<InputName, unknown>>,
  configured?: { readonly region?: string; readonly projectId?: string },
): ElbListenerDiff {
  const changed = changedInputs(INPUT_NAMES, NOT_COMPARED, olds, news, configured);
  const replaces = changed.filter((c) => REPLACE_ON_CHANGE.has(c));
  const sameSlot =
    (isUnknown(news.loadbalancerId) || news.loadbalancerId === olds.loadbalancerId) &&
    (isUnknown(news.port) || news.port === olds.port);
  return { changed, replaces, deleteBeforeReplace: replaces.length > 0 && sameSlot };
}

/**
 * loadBalancerRefusal is why a listener cannot go onto a load balancer of this type, or undefined when it can: UDP is
 * refused on a private (Internal) load balancer, and SNI `certificates` are valid only on a public (External) one.
 * Ref: Table 1, `protocol` and `certificates`.
 */
export function loadBalancerRefusal(
  lb: { readonly id: string; readonly type?: string },
  inputs: Partial<ElbListenerInputs>,
): string | undefined {
  if (inputs.protocol === "UDP" && lb.type === LB_TYPE.private) {
    return (
      `Huawei Cloud ELB load balancer ${lb.id} is private (type Internal): a UDP listener cannot be added to a ` +
      `private network load balancer; use an External load balancer or another protocol`
    );
  }
  if (inputs.certificates !== undefined && lb.type !== LB_TYPE.public) {
    return (
      `Huawei Cloud ELB load balancer ${lb.id} is not public (type ${lb.type ?? "unknown"}): certificates (SNI) ` +
      `are valid only on a public network load balancer; remove certificates or use an External load balancer`
    );
  }
  return undefined;
}

/** CheckWarning says an input has no effect for the chosen settings (it is not sent) or may be refused by a service. */
interface CheckWarning {
  readonly property: string;
  readonly message: string;
}

/** Known is the decoded view a rule sees: values known now, and which inputs are still unknown (preview). */
export interface Known {
  readonly value: Partial<DecodedOf<ElbListenerProps>>;
  readonly unknowns: ReadonlySet<string>;
}

const q = (v: unknown): string => describeValue(v);
const has = (k: Known, p: InputName): boolean => k.value[p] !== undefined;

/**
 * crossFieldFailures applies the document's "can only be" and "mandatory when" rules. A rule whose inputs are unknown
 * during preview is skipped.
 */
function crossFieldFailures(k: Known): CheckFailure[] {
  const out: CheckFailure[] = [];
  const { protocol, backendProtocol, lbAlgorithm, sessionSticky } = k.value;
  // "If protocol is set to UDP, the value of this parameter can only be UDP."
  if (protocol === "UDP" && backendProtocol !== undefined && backendProtocol !== "UDP") {
    out.push(failure("backendProtocol", `must be "UDP" when protocol is "UDP", got ${q(backendProtocol)}`));
  }
  // "If protocol is set to SSL, the value of this parameter can only be TCP."
  if (protocol === "SSL" && backendProtocol !== undefined && backendProtocol !== "TCP") {
    out.push(failure("backendProtocol", `must be "TCP" when protocol is "SSL", got ${q(backendProtocol)}`));
  }
  // "If protocol is set to HTTP, HTTPS, or TCP and lb_algorithm is not roundrobin, ... can only be false."
  if (
    sessionSticky === true &&
    (protocol === "HTTP" || protocol === "HTTPS" || protocol === "TCP") &&
    lbAlgorithm !== undefined &&
    lbAlgorithm !== "roundrobin"
  ) {
    out.push(
      failure("sessionSticky", `must be false when protocol is ${q(protocol)} and lbAlgorithm is ${q(lbAlgorithm)}`),
    );
  }
  if (protocol === "HTTPS" || protocol === "SSL") {
    // "This parameter is mandatory when protocol is set to HTTPS or SSL."
    if (!has(k, "certificateId") && !k.unknowns.has("certificateId")) {
      out.push(failure("certificateId", `is required when protocol is ${q(protocol)}`));
    }
    // "When ssl_protocols is set to TLS 1.2 TLS 1.1 TLS 1.0, this parameter can only be set to Extended."
    const ciphers = k.value.sslCiphers;
    if (k.value.sslProtocols === LEGACY_TLS && !k.unknowns.has("sslCiphers") && ciphers !== "Extended") {
      const got = ciphers === undefined ? `${q(DEFAULT_SSL_CIPHERS)} (the default)` : q(ciphers);
      out.push(failure("sslCiphers", `must be "Extended" when sslProtocols is ${q(LEGACY_TLS)}, got ${got}`));
    }
  }
  return out;
}

/** Inapplicable is an input that the document calls invalid for the chosen settings: warned about and not sent. */
interface Inapplicable {
  readonly property: InputName;
  readonly condition: string;
}

/**
 * inapplicableInputs lists the inputs the document says are "invalid" or "valid only when" for the chosen settings.
 * While a deciding input is unknown (preview), nothing is dropped.
 */
export function inapplicableInputs(k: Known): Inapplicable[] {
  const out: Inapplicable[] = [];
  const v = k.value;
  const protocolKnown = v.protocol !== undefined;
  const drop = (property: InputName, condition: string, invalid: boolean): void => {
    if (has(k, property) && invalid) out.push({ property, condition });
  };
  if (!protocolKnown) return out;
  const p = v.protocol;
  // session_sticky: "If protocol is set to SSL, the sticky session feature is not supported and the parameter is invalid."
  drop("sessionSticky", 'protocol is not "SSL"', p === "SSL");
  // sticky_session_type: "valid when protocol is set to HTTP and session_sticky to true"; "invalid when TCP, SSL, UDP".
  const stickyKnown = !k.unknowns.has("sessionSticky");
  drop(
    "stickySessionType",
    'protocol is "HTTP" or "HTTPS" and sessionSticky is true',
    p === "TCP" || p === "SSL" || p === "UDP" || (stickyKnown && v.sessionSticky !== true),
  );
  // cookie_timeout: "valid when protocol is HTTP, session_sticky true, sticky_session_type insert"; invalid TCP/SSL/UDP.
  const typeKnown = !k.unknowns.has("stickySessionType");
  drop(
    "cookieTimeout",
    'protocol is "HTTP" or "HTTPS", sessionSticky is true and stickySessionType is "insert"',
    p === "TCP" ||
      p === "SSL" ||
      p === "UDP" ||
      (stickyKnown && v.sessionSticky !== true) ||
      (typeKnown && v.stickySessionType !== "insert"),
  );
  // tcp_timeout, tcp_draining: "valid when protocol is set to TCP".
  drop("tcpTimeout", 'protocol is "TCP"', p !== "TCP");
  drop("tcpDraining", 'protocol is "TCP"', p !== "TCP");
  // tcp_draining_timeout: "valid when protocol is set to TCP and tcp_draining to true".
  drop(
    "tcpDrainingTimeout",
    'protocol is "TCP" and tcpDraining is true',
    p !== "TCP" || (!k.unknowns.has("tcpDraining") && v.tcpDraining !== true),
  );
  // udp_timeout: "valid when protocol is set to UDP".
  drop("udpTimeout", 'protocol is "UDP"', p !== "UDP");
  // certificate_id, ssl_protocols, ssl_ciphers: "available only when protocol is set to HTTPS or SSL".
  const tls = p === "HTTPS" || p === "SSL";
  drop("certificateId", 'protocol is "HTTPS" or "SSL"', !tls);
  drop("sslProtocols", 'protocol is "HTTPS" or "SSL"', !tls);
  drop("sslCiphers", 'protocol is "HTTPS" or "SSL"', !tls);
  // certificates: "Lists the certificate IDs if protocol is set to HTTPS."
  drop("certificates", 'protocol is "HTTPS"', p !== "HTTPS");
  return out;
}

/**
 * CheckedInputs is the result of checking: the typed inputs to store (defaults in, inapplicable out, Pulumi's unknown
 * values passed through unchanged) when every rule holds, else the failures; warnings either way.
 */
type CheckedInputs = (
  | { readonly ok: true; readonly inputs: ElbListenerInputs; readonly failures: readonly [] }
  | {
      readonly ok: false;
      readonly inputs: Readonly<Record<string, unknown>>;
      readonly failures: readonly CheckFailure[];
    }
) & { readonly warnings: readonly CheckWarning[] };

/**
 * checkInputs decodes raw inputs, applies the cross-field rules, drops (and warns about) inputs that have no
 * effect for the chosen protocol, and fills the document's TLS defaults for HTTPS and SSL. Never throws.
 */
export function checkInputs(raw: unknown): CheckedInputs {
  const decoded = decodeInputs(RESOURCE, ELB_LISTENER_PROPS, REQUIRED, raw, CLASSIC_LISTENER_NAMES);
  const known: Known = { value: decoded.value, unknowns: decoded.unknowns as ReadonlySet<string> };
  const failures = [...decoded.failures, ...crossFieldFailures(known)];
  const warnings: CheckWarning[] = [];
  const inputs: Record<string, unknown> = {};
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    const source = raw as Record<string, unknown>;
    for (const name of INPUT_NAMES) {
      if (decoded.unknowns.has(name)) inputs[name] = source[name];
      else if (decoded.value[name] !== undefined) inputs[name] = decoded.value[name];
    }
  }
  for (const item of inapplicableInputs(known)) {
    delete inputs[item.property];
    warnings.push({
      property: item.property,
      message:
        `${item.property} has no effect: it is valid only when ${item.condition} ` +
        `(protocol is ${q(decoded.value.protocol)}), so it is not sent`,
    });
  }
  const p = decoded.value.protocol;
  if (p === "HTTPS" || p === "SSL") {
    if (inputs.sslProtocols === undefined) inputs.sslProtocols = DEFAULT_SSL_PROTOCOLS;
    if (inputs.sslCiphers === undefined) inputs.sslCiphers = DEFAULT_SSL_CIPHERS;
  }
  const tcpTimeout = inputs.tcpTimeout;
  if (typeof tcpTimeout === "number" && tcpTimeout > SERVICE_TCP_TIMEOUT_MAX) {
    warnings.push({
      property: "tcpTimeout",
      message:
        `tcpTimeout ${tcpTimeout} is allowed by the document (1 to 1440) but the services are known to accept only ` +
        `1 to ${SERVICE_TCP_TIMEOUT_MAX}; the request may be refused`,
    });
  }
  const decodedAgain = decodeInputs(RESOURCE, ELB_LISTENER_PROPS, REQUIRED, inputs);
  if (failures.length > 0 || !conforms<ElbListenerProps, Required_>(inputs, decodedAgain)) {
    return { ok: false, inputs, failures: failures.length > 0 ? failures : decodedAgain.failures, warnings };
  }
  return { ok: true, inputs, failures: [], warnings };
}
