/**
 * To and from the classic ELB wire: request bodies from typed inputs (snake_case, the services' `ssl_protocols`
 * spelling), the tolerant reader of listeners back into input names and spelling, and the outputs a listener answer
 * gives.
 * Ref: ../shared/api-docs/huawei-elb-v1-add-listener.md, Tables 1 and 2.
 */
import { readBack, readInputs } from "./listener/readBack";
import type { Target } from "./config";
import { LISTENER_STATUS, WIRE_SSL_PROTOCOLS } from "./constants";
import type { ElbListenerInputs, InputName, Known } from "./schema";
import { ELB_LISTENER_PROPS, inapplicableInputs, INPUT_NAMES, REQUIRED, RESOURCE } from "./schema";

/**
 * WireBoolean is a Boolean field as the classic API writes it: `true`/`false`, or `1`/`0` (the documented example of
 * "Querying Details of a Listener" gives `"tcp_draining": 1`).
 */
type WireBoolean = boolean | 0 | 1 | number;

/**
 * WireListener is a listener as the API returns it (snake_case). Fields that do not apply to the listener's protocol
 * may still carry values (a TCP listener with `cookie_timeout: 100`) or `null`.
 * Ref: Open Telekom Cloud API reference, classic load balancer APIs, "Querying Details of a Listener" and "Querying
 * Listeners" (Table 2 and the example responses).
 */
export interface WireListener {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly loadbalancer_id?: string;
  readonly protocol?: string;
  readonly port?: number;
  readonly backend_protocol?: string;
  readonly backend_port?: number;
  readonly lb_algorithm?: string;
  readonly session_sticky?: WireBoolean | null;
  readonly sticky_session_type?: string | null;
  readonly cookie_timeout?: number | null;
  readonly tcp_timeout?: number | null;
  readonly tcp_draining?: WireBoolean | null;
  readonly tcp_draining_timeout?: number | null;
  readonly certificate_id?: string | null;
  readonly certificates?: readonly string[] | string | null;
  readonly udp_timeout?: number | null;
  readonly ssl_protocols?: string | null;
  readonly ssl_ciphers?: string | null;
  readonly status?: string;
  readonly admin_state_up?: WireBoolean | null;
  readonly create_time?: string;
  readonly update_time?: string;
}

/** WireLoadBalancer is the part of a classic load balancer the provider reads: its `type` (External or Internal). */
export interface WireLoadBalancer {
  readonly id: string;
  readonly name?: string;
  readonly type?: string;
  readonly status?: string;
}

/** ListenerBody is a create or update body, by wire name. */
export type ListenerBody = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/** WIRE_NAMES maps each input that is sent to its wire name; region, projectId and adoptExisting are never sent. */
export const WIRE_NAMES: Readonly<Partial<Record<InputName, string>>> = {
  name: "name",
  description: "description",
  loadbalancerId: "loadbalancer_id",
  protocol: "protocol",
  port: "port",
  backendProtocol: "backend_protocol",
  backendPort: "backend_port",
  lbAlgorithm: "lb_algorithm",
  sessionSticky: "session_sticky",
  stickySessionType: "sticky_session_type",
  cookieTimeout: "cookie_timeout",
  tcpTimeout: "tcp_timeout",
  tcpDraining: "tcp_draining",
  tcpDrainingTimeout: "tcp_draining_timeout",
  certificateId: "certificate_id",
  certificates: "certificates",
  udpTimeout: "udp_timeout",
  sslProtocols: "ssl_protocols",
  sslCiphers: "ssl_ciphers",
};

/**
 * toWireBody renders the named inputs as a request body. `sslProtocols` is translated from the document's spelling
 * (`TLS 1.2 TLS 1.1 TLS 1.0`) to the services' (`TLSv1.2 TLSv1.1 TLSv1`); `certificates` is sent as a JSON list of
 * IDs, as terraform-provider-opentelekomcloud and gophertelekomcloud send it.
 */
export function toWireBody(inputs: Partial<ElbListenerInputs>, names: readonly InputName[]): ListenerBody {
  const body: Record<string, string | number | boolean | readonly string[]> = {};
  for (const name of names) {
    const wire = WIRE_NAMES[name];
    const value = inputs[name];
    if (wire === undefined || value === undefined) continue;
    if (name === "sslProtocols") body[wire] = WIRE_SSL_PROTOCOLS[value as keyof typeof WIRE_SSL_PROTOCOLS];
    else body[wire] = value as string | number | boolean | readonly string[];
  }
  return body;
}

/** fromWireSslProtocols reads the services' `ssl_protocols` spelling (either spelling) back into the document's. */
function fromWireSslProtocols(value: string): string {
  for (const [doc, wire] of Object.entries(WIRE_SSL_PROTOCOLS)) {
    if (value === wire || value === doc) return doc;
  }
  return value;
}

/** BOOLEAN_INPUTS are the inputs whose wire field is a Boolean the API may write as 0/1. */
const BOOLEAN_INPUTS: ReadonlySet<InputName> = new Set<InputName>(["sessionSticky", "tcpDraining"]);

/**
 * fromWireBoolean reads a Boolean field written as `true`/`false` or `1`/`0` (and their strings); anything else is
 * left as it is, so check reports it. Ref: "Querying Details of a Listener", example response 2 (`"tcp_draining": 1`).
 */
function fromWireBoolean(value: unknown): unknown {
  if (value === 1 || value === "1" || value === "true") return true;
  if (value === 0 || value === "0" || value === "false") return false;
  return value;
}

/**
 * fromWire reads a listener back into input names and spelling. Absent and null values are left out, Booleans are
 * read from 0/1 as from true/false, and settings the document calls invalid for the listener's protocol (a TCP
 * listener's `cookie_timeout`, an HTTP listener's `tcp_draining`) are left out: the documented bodies carry values
 * for them that the listener does not use. Ref: "Querying Details of a Listener", "Querying Listeners".
 */
export function fromWire(listener: WireListener): Partial<Record<InputName, unknown>> {
  const out: Partial<Record<InputName, unknown>> = {};
  const source = new Map<string, unknown>(Object.entries(listener));
  for (const [name, wire] of Object.entries(WIRE_NAMES) as [InputName, string][]) {
    const value = source.get(wire);
    if (value === undefined || value === null) continue;
    if (name === "sslProtocols" && typeof value === "string") out[name] = fromWireSslProtocols(value);
    else if (name === "certificates" && typeof value === "string") out[name] = value.split(/[\s,]+/).filter(Boolean);
    else if (BOOLEAN_INPUTS.has(name)) out[name] = fromWireBoolean(value);
    else out[name] = value;
  }
  for (const item of inapplicableInputs({ value: out as Known["value"], unknowns: new Set() }))
    delete out[item.property];
  return out;
}

/**
 * isEmptyListAsObject tells whether a list answer is `{}`, which the classic API gives for an empty list instead of
 * `[]`. Ref: kubernetes-sigs/cloud-provider-huaweicloud elb_connection.go (`ListMembers`: "expect return body: [],
 * but return: {}"; `ListLoadBalancers`: `{"loadbalancers":{},"instance_num":"0"}`).
 */
export function isEmptyListAsObject(json: unknown): boolean {
  return json !== null && typeof json === "object" && !Array.isArray(json) && Object.keys(json).length === 0;
}

/** ElbListenerOutputs are the stored state: the checked inputs (so diffs compare like with like) plus what the API reports. */
export type ElbListenerOutputs = ElbListenerInputs & {
  /** The listener status: ACTIVE, PENDING_CREATE or ERROR. */
  readonly status: string;
  readonly createTime?: string;
  readonly updateTime?: string;
  readonly adminStateUp?: boolean;
  /** The region the listener lives in (the input, else the configured region at creation). */
  readonly resolvedRegion: string;
  /** The project the listener lives in (the input, else the configured project at creation). */
  readonly resolvedProjectId: string;
};

/** OUTPUT_NAMES are the properties that are outputs only. */
export const OUTPUT_NAMES = [
  "status",
  "createTime",
  "updateTime",
  "adminStateUp",
  "resolvedRegion",
  "resolvedProjectId",
] as const;

/** outputsFrom is the state of a listener: the inputs, what the answer reports, and where the listener lives. */
export function outputsFrom(inputs: ElbListenerInputs, listener: WireListener, target: Target): ElbListenerOutputs {
  const outs: ElbListenerOutputs = {
    ...inputs,
    status: listener.status ?? LISTENER_STATUS.active,
    resolvedRegion: target.region,
    resolvedProjectId: target.projectId,
  };
  if (listener.create_time !== undefined) Object.assign(outs, { createTime: listener.create_time });
  if (listener.update_time !== undefined) Object.assign(outs, { updateTime: listener.update_time });
  // The API writes this Boolean as true/false or 1/0 (see fromWireBoolean).
  const adminStateUp = fromWireBoolean(listener.admin_state_up);
  if (typeof adminStateUp === "boolean") Object.assign(outs, { adminStateUp });
  return outs;
}

/**
 * inputsFromGet reads a listener answer back into typed inputs for `read`: with stored inputs (a refresh), the
 * inputs the program set plus the required ones, live values first; without (an import), every value the answer
 * has. `region`, `projectId` and `adoptExisting` are never on the wire and keep their stored values. A live value
 * that breaks a codec is a ListenerError naming it.
 */
export function inputsFromGet(listener: WireListener, previous: Partial<ElbListenerOutputs>): ElbListenerInputs {
  const values = readBack(
    INPUT_NAMES,
    REQUIRED,
    previous,
    fromWire(listener),
    (name, value) => value ?? previous[name],
  );
  return readInputs(RESOURCE, ELB_LISTENER_PROPS, REQUIRED, listener.id, values);
}
