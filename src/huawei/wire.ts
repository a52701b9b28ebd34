/**
 * To and from the classic ELB wire: request bodies from typed inputs (snake_case, the services' `ssl_protocols`
 * spelling) and the tolerant reader of listeners back into input names and spelling.
 * Ref: ../shared/api-docs/huawei-elb-v1-add-listener.md, Tables 1 and 2.
 */
import { WIRE_SSL_PROTOCOLS } from "./constants";
import type { ElbListenerInputs, InputName } from "./schema";

/** WireListener is a listener as the API returns it (snake_case). Ref: the document's Table 2. */
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
  readonly session_sticky?: boolean;
  readonly sticky_session_type?: string | null;
  readonly cookie_timeout?: number | null;
  readonly tcp_timeout?: number | null;
  readonly tcp_draining?: boolean | null;
  readonly tcp_draining_timeout?: number | null;
  readonly certificate_id?: string | null;
  readonly certificates?: readonly string[] | string | null;
  readonly udp_timeout?: number | null;
  readonly ssl_protocols?: string | null;
  readonly ssl_ciphers?: string | null;
  readonly status?: string;
  readonly admin_state_up?: boolean;
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
export function fromWireSslProtocols(value: string): string {
  for (const [doc, wire] of Object.entries(WIRE_SSL_PROTOCOLS)) {
    if (value === wire || value === doc) return doc;
  }
  return value;
}

/** fromWire reads a listener back into input names and spelling (absent and null values are left out). */
export function fromWire(listener: WireListener): Partial<Record<InputName, unknown>> {
  const out: Partial<Record<InputName, unknown>> = {};
  const source = new Map<string, unknown>(Object.entries(listener));
  for (const [name, wire] of Object.entries(WIRE_NAMES) as [InputName, string][]) {
    const value = source.get(wire);
    if (value === undefined || value === null) continue;
    if (name === "sslProtocols" && typeof value === "string") out[name] = fromWireSslProtocols(value);
    else if (name === "certificates" && typeof value === "string") out[name] = value.split(/[\s,]+/).filter(Boolean);
    else out[name] = value;
  }
  return out;
}
