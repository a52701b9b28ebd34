/**
 * The dedicated ELB v3 routes of the Huawei emulator over HTTP, every request signed by the official
 * @huaweicloud/huaweicloud-sdk-core AKSKSigner: create, show, update, delete and list for each protocol, every rule's
 * refusal with its exact code and message, the load balancer's listeners kept in step, and the v3 routes under the
 * router's counters, fault plan, throttling and gateway.
 */
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import axios from "axios";
import { startHuaweiEmulator, type HuaweiEmulator } from "../index";
import { formatSdkDate } from "../signature";

let emu: HuaweiEmulator;
let skewMs = 0;
beforeAll(async () => {
  emu = await startHuaweiEmulator({ tokens: ["token-abc"], lockMs: 0, now: () => Date.now() + skewMs });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.resetCalls();
  emu.faults.clear();
  emu.v3.options.lockMs = 0;
  emu.v3.options.listenerQuota = 50;
  for (const lb of emu.v3.loadBalancers.values()) lb.busyUntil = 0;
  skewMs = 0;
});

interface Sent {
  status: number;
  body: Record<string, unknown> | undefined;
  headers: Record<string, unknown>;
}

/** call signs a request with the official signer (JSON body as the SDK sends it) and answers the parsed reply. */
async function call(method: string, path: string, data?: unknown): Promise<Sent> {
  const url = new URL(emu.endpoint + path);
  // Repeated keys (`protocol=UDP&protocol=HTTP`) go to the signer as arrays, as the SDK passes them.
  const queryParams: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (queryParams[k] ??= []).push(v);
  const headers = AKSKSigner.sign(
    {
      method,
      endpoint: `${url.origin}${url.pathname}`,
      queryParams,
      headers: { "Content-Type": "application/json", "X-Sdk-Date": formatSdkDate(new Date()) },
      data,
    },
    { getAk: () => emu.accessKey, getSk: () => emu.secretKey } as never,
  ) as Record<string, string>;
  return send(method, path, headers, data === undefined ? undefined : JSON.stringify(data));
}

async function send(method: string, path: string, headers: Record<string, string>, data?: string): Promise<Sent> {
  const r = await axios.request({
    method,
    url: emu.endpoint + path,
    headers,
    data,
    validateStatus: () => true,
    transformResponse: [(d: unknown) => d],
  });
  return { status: r.status, body: r.data ? JSON.parse(String(r.data)) : undefined, headers: r.headers };
}

const v3 = (rest: string): string => `/v3/${emu.seed.projectId}/elb/${rest}`;
const lbs = () => emu.seed.dedicated;
const certs = () => emu.seed.certificates;

let nextPort = 1000;
/** port gives every test its own listener port, so tests do not meet each other's listeners. */
const port = (): number => nextPort++;

function expectError(r: Sent, status: number, code: string, message: string): void {
  expect({ status: r.status, body: r.body }).toEqual({
    status,
    body: { error_msg: message, error_code: code, request_id: r.headers["x-request-id"] },
  });
}

async function create(listener: Record<string, unknown>): Promise<Sent> {
  return call("POST", v3("listeners"), { listener });
}

async function created(listener: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await create(listener);
  expect(r.status).toBe(201);
  return (r.body as { listener: Record<string, unknown> }).listener;
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe("dedicated load balancers and certificates (v3)", () => {
  it("answers a load balancer with both flavors, ACTIVE and without listeners", async () => {
    const r = await call("GET", v3(`loadbalancers/${lbs().l4l7}`));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      loadbalancer: {
        id: lbs().l4l7,
        provisioning_status: "ACTIVE",
        operating_status: "ONLINE",
        guaranteed: true,
        l4_flavor_id: "e3b00000000000000000000000000001",
        l7_flavor_id: "e3b00000000000000000000000000002",
      },
      request_id: r.headers["x-request-id"],
    });
  });

  it("answers null for the flavor layer a load balancer lacks", async () => {
    const l4 = (await call("GET", v3(`loadbalancers/${lbs().l4}`))).body as { loadbalancer: Record<string, unknown> };
    const l7 = (await call("GET", v3(`loadbalancers/${lbs().l7}`))).body as { loadbalancer: Record<string, unknown> };
    expect([l4.loadbalancer.l7_flavor_id, l7.loadbalancer.l4_flavor_id]).toEqual([null, null]);
    expect([l4.loadbalancer.l4_flavor_id, l7.loadbalancer.l7_flavor_id]).toEqual([
      "e3b00000000000000000000000000001",
      "e3b00000000000000000000000000002",
    ]);
  });

  it("answers 404 ELB.8904 for an unknown load balancer", async () => {
    expectError(await call("GET", v3("loadbalancers/nope")), 404, "ELB.8904", "loadbalancer nope could not be found.");
  });

  it("answers the server and client certificates with their types", async () => {
    const server = await call("GET", v3(`certificates/${certs().server}`));
    const client = await call("GET", v3(`certificates/${certs().client}`));
    expect(server.body).toMatchObject({
      certificate: { id: certs().server, type: "server", domain: "www.example.com" },
    });
    expect(client.body).toMatchObject({ certificate: { id: certs().client, type: "client", domain: null } });
  });

  it("answers 404 ELB.8904 for an unknown certificate", async () => {
    expectError(await call("GET", v3("certificates/c0")), 404, "ELB.8904", "certificate c0 could not be found.");
  });
});

describe("creating v3 listeners", () => {
  it("creates a TCP listener as the documented example answers it (201)", async () => {
    const p = port();
    const r = await create({
      protocol_port: p,
      protocol: "TCP",
      loadbalancer_id: lbs().l4l7,
      name: "My listener",
      admin_state_up: true,
      insert_headers: { "X-Forwarded-ELB-IP": true },
    });
    expect(r.status).toBe(201);
    const listener = (r.body as { listener: Record<string, unknown> }).listener;
    expect(r.body).toEqual({
      listener: {
        id: listener.id,
        name: "My listener",
        protocol_port: p,
        protocol: "TCP",
        description: "",
        default_tls_container_ref: null,
        admin_state_up: true,
        loadbalancers: [{ id: lbs().l4l7 }],
        client_ca_tls_container_ref: null,
        project_id: emu.seed.projectId,
        sni_container_refs: [],
        connection_limit: -1,
        member_timeout: null,
        client_timeout: null,
        keepalive_timeout: 300,
        default_pool_id: null,
        ipgroup: null,
        tls_ciphers_policy: "tls-1-0",
        security_policy_id: null,
        tags: [],
        created_at: expect.stringMatching(TIME),
        updated_at: listener.created_at,
        http2_enable: false,
        insert_headers: { "X-Forwarded-ELB-IP": true },
        transparent_client_ip_enable: true,
        enhance_l7policy_enable: false,
        protection_status: "nonProtection",
        quic_config: null,
        cps: 0,
        connection: 0,
        gzip_enable: false,
        nat64_enable: false,
        proxy_protocol_enable: false,
      },
      request_id: r.headers["x-request-id"],
    });
    expect(listener.id).toMatch(/^e3b[0-9a-f]{29}$/);
  });

  it("creates an HTTP listener with the documented defaults of the dedicated example", async () => {
    const listener = await created({ protocol_port: port(), protocol: "HTTP", loadbalancer_id: lbs().l7, name: "h" });
    expect(listener).toMatchObject({
      description: "",
      tls_ciphers_policy: null,
      http2_enable: false,
      insert_headers: {
        "X-Forwarded-ELB-IP": false,
        "X-Forwarded-Host": true,
        "X-Forwarded-For-Port": false,
        "X-Forwarded-Port": false,
      },
      member_timeout: 60,
      client_timeout: 60,
      keepalive_timeout: 60,
      ipgroup: null,
      enable_member_retry: true,
      transparent_client_ip_enable: true,
    });
    expect("sni_match_algo" in listener).toBe(false);
  });

  it("creates an HTTPS listener with SNI, a client CA, a security policy, an IP group and TLS headers", async () => {
    const listener = await created({
      protocol_port: port(),
      protocol: "HTTPS",
      loadbalancer_id: lbs().l4l7,
      default_tls_container_ref: certs().server,
      client_ca_tls_container_ref: certs().client,
      sni_container_refs: [certs().server],
      sni_match_algo: "longest_suffix",
      security_policy_id: emu.seed.securityPolicyId,
      http2_enable: true,
      ipgroup: { ipgroup_id: emu.seed.ipGroupId, type: "black" },
      insert_headers: { "X-Forwarded-TLS-Cipher": true, "X-Forwarded-TLS-Cipher-alias": "X-Cipher" },
      tags: [{ key: "env", value: "dev" }],
    });
    expect(listener).toMatchObject({
      protocol: "HTTPS",
      default_tls_container_ref: certs().server,
      client_ca_tls_container_ref: certs().client,
      sni_container_refs: [certs().server],
      sni_match_algo: "longest_suffix",
      security_policy_id: emu.seed.securityPolicyId,
      tls_ciphers_policy: "tls-1-0",
      http2_enable: true,
      ipgroup: { ipgroup_id: emu.seed.ipGroupId, enable_ipgroup: true, type: "black" },
      insert_headers: {
        "X-Forwarded-ELB-IP": false,
        "X-Forwarded-Host": true,
        "X-Forwarded-For-Port": false,
        "X-Forwarded-Port": false,
        "X-Forwarded-TLS-Cipher": true,
        "X-Forwarded-TLS-Cipher-alias": "X-Cipher",
      },
      tags: [{ key: "env", value: "dev" }],
    });
  });

  it("stores TERMINATED_HTTPS as HTTPS on a dedicated load balancer", async () => {
    const listener = await created({
      protocol_port: port(),
      protocol: "TERMINATED_HTTPS",
      loadbalancer_id: lbs().l7,
      default_tls_container_ref: certs().server,
    });
    expect(listener.protocol).toBe("HTTPS");
  });

  it("creates a UDP listener with a keepalive in the TCP/UDP range and no member retry field", async () => {
    const listener = await created({
      protocol_port: port(),
      protocol: "UDP",
      loadbalancer_id: lbs().l4,
      keepalive_timeout: 10,
    });
    expect(listener).toMatchObject({ protocol: "UDP", keepalive_timeout: 10, client_timeout: null });
    expect("enable_member_retry" in listener).toBe(false);
  });

  it("lets TCP and UDP share a port, and refuses a second TCP-family listener on it with 409 ELB.8907", async () => {
    const p = port();
    await created({ protocol_port: p, protocol: "TCP", loadbalancer_id: lbs().l4l7 });
    await created({ protocol_port: p, protocol: "UDP", loadbalancer_id: lbs().l4l7 });
    expectError(
      await create({ protocol_port: p, protocol: "HTTP", loadbalancer_id: lbs().l4l7 }),
      409,
      "ELB.8907",
      `Load Balancer ${lbs().l4l7} already has a listener with protocol_port of ${p}.`,
    );
    expectError(
      await create({ protocol_port: p, protocol: "UDP", loadbalancer_id: lbs().l4l7 }),
      409,
      "ELB.8907",
      `Load Balancer ${lbs().l4l7} already has a listener with protocol_port of ${p}.`,
    );
  });

  it("lets two load balancers use the same port", async () => {
    const p = port();
    await created({ protocol_port: p, protocol: "TCP", loadbalancer_id: lbs().l4l7 });
    await created({ protocol_port: p, protocol: "TCP", loadbalancer_id: lbs().l4 });
  });

  it("accepts the documented bounds: TCP keepalive 10 and 4000, HTTP keepalive 1, timeouts 1 and 300", async () => {
    await created({ protocol_port: port(), protocol: "TCP", loadbalancer_id: lbs().l4, keepalive_timeout: 4000 });
    const h = await created({
      protocol_port: port(),
      protocol: "HTTP",
      loadbalancer_id: lbs().l7,
      keepalive_timeout: 1,
      client_timeout: 300,
      member_timeout: 1,
    });
    expect([h.keepalive_timeout, h.client_timeout, h.member_timeout]).toEqual([1, 300, 1]);
  });
});

describe("refusing v3 listener creations", () => {
  const invalid = (field: string): [number, string, string] => [400, "ELB.8902", `Invalid input for '${field}'.`];
  const base = (over: Record<string, unknown>) => ({
    protocol_port: port(),
    protocol: "HTTP",
    loadbalancer_id: lbs().l4l7,
    ...over,
  });
  const https = (over: Record<string, unknown>) =>
    base({ protocol: "HTTPS", default_tls_container_ref: certs().server, ...over });
  const cases: [string, () => Record<string, unknown>, [number, string, string]][] = [
    ["a missing loadbalancer_id", () => base({ loadbalancer_id: undefined }), invalid("loadbalancer_id")],
    ["a missing protocol", () => base({ protocol: undefined }), invalid("protocol")],
    ["a missing protocol_port", () => base({ protocol_port: undefined }), invalid("protocol_port")],
    ["an unknown protocol", () => base({ protocol: "FTP" }), invalid("protocol")],
    [
      "a QUIC listener (not offered)",
      () => base({ protocol: "QUIC" }),
      [403, "ELB.8962", "The feature is not supported."],
    ],
    ["port 0", () => base({ protocol_port: 0 }), invalid("protocol_port")],
    ["port 65536", () => base({ protocol_port: 65536 }), invalid("protocol_port")],
    ["a name of 256 characters", () => base({ name: "n".repeat(256) }), invalid("name")],
    ["a description of 256 characters", () => base({ description: "d".repeat(256) }), invalid("description")],
    ["a TCP keepalive of 9", () => base({ protocol: "TCP", keepalive_timeout: 9 }), invalid("keepalive_timeout")],
    ["a TCP keepalive of 4001", () => base({ protocol: "TCP", keepalive_timeout: 4001 }), invalid("keepalive_timeout")],
    ["an HTTP keepalive of 0", () => base({ keepalive_timeout: 0 }), invalid("keepalive_timeout")],
    ["a client_timeout of 301", () => base({ client_timeout: 301 }), invalid("client_timeout")],
    ["a member_timeout of 0", () => base({ member_timeout: 0 }), invalid("member_timeout")],
    ["a client_timeout on TCP", () => base({ protocol: "TCP", client_timeout: 60 }), invalid("client_timeout")],
    ["a member_timeout on UDP", () => base({ protocol: "UDP", member_timeout: 60 }), invalid("member_timeout")],
    [
      "enable_member_retry on TCP",
      () => base({ protocol: "TCP", enable_member_retry: true }),
      invalid("enable_member_retry"),
    ],
    ["HTTPS without a server certificate", () => base({ protocol: "HTTPS" }), invalid("default_tls_container_ref")],
    [
      "a server certificate on HTTP",
      () => base({ default_tls_container_ref: certs().server }),
      invalid("default_tls_container_ref"),
    ],
    [
      "a client CA as the server certificate",
      () => https({ default_tls_container_ref: certs().client }),
      invalid("default_tls_container_ref"),
    ],
    [
      "a server certificate as the client CA",
      () => https({ client_ca_tls_container_ref: certs().server }),
      invalid("client_ca_tls_container_ref"),
    ],
    [
      "an unknown server certificate",
      () => https({ default_tls_container_ref: "c9" }),
      [404, "ELB.8904", "certificate c9 could not be found."],
    ],
    [
      "SNI certificates repeating a domain",
      () => https({ sni_container_refs: [certs().server, certs().server] }),
      invalid("sni_container_refs"),
    ],
    ["SNI certificates on HTTP", () => base({ sni_container_refs: [certs().server] }), invalid("sni_container_refs")],
    ["an unknown sni_match_algo", () => https({ sni_match_algo: "exact" }), invalid("sni_match_algo")],
    ["an unknown tls_ciphers_policy", () => https({ tls_ciphers_policy: "tls-9" }), invalid("tls_ciphers_policy")],
    ["an unknown insert header", () => base({ insert_headers: { "X-Unknown": true } }), invalid("insert_headers")],
    ["a non-boolean insert header", () => base({ insert_headers: { "X-Real-IP": "yes" } }), invalid("insert_headers")],
    [
      "a TLS insert header on HTTP",
      () => base({ insert_headers: { "X-Forwarded-TLS-Protocol": true } }),
      invalid("insert_headers"),
    ],
    [
      "an alias with a dot",
      () => https({ insert_headers: { "X-Forwarded-TLS-Protocol-alias": "a.b" } }),
      invalid("insert_headers"),
    ],
    [
      "an alias of 41 characters",
      () => https({ insert_headers: { "X-Forwarded-Clientcert-alias": "a".repeat(41) } }),
      invalid("insert_headers"),
    ],
    [
      "a processing mode on TCP",
      () => base({ protocol: "TCP", insert_headers: { "X-Forwarded-For-Processing-Mode": "append" } }),
      invalid("insert_headers"),
    ],
    [
      "an unknown processing mode",
      () => base({ insert_headers: { "X-Forwarded-For-Processing-Mode": "drop" } }),
      invalid("insert_headers"),
    ],
    ["a tag key of 37 characters", () => base({ tags: [{ key: "k".repeat(37), value: "v" }] }), invalid("tags")],
    ["a tag value of 44 characters", () => base({ tags: [{ key: "k", value: "v".repeat(44) }] }), invalid("tags")],
    ["an empty tag key", () => base({ tags: [{ key: "", value: "v" }] }), invalid("tags")],
    [
      "a repeated tag key",
      () =>
        base({
          tags: [
            { key: "k", value: "a" },
            { key: "k", value: "b" },
          ],
        }),
      invalid("tags"),
    ],
    ["admin_state_up false", () => base({ admin_state_up: false }), invalid("admin_state_up")],
    [
      "transparent_client_ip_enable false",
      () => base({ transparent_client_ip_enable: false }),
      invalid("transparent_client_ip_enable"),
    ],
    ["an IP group without its id", () => base({ ipgroup: { type: "white" } }), invalid("ipgroup")],
    [
      "an IP group of an unknown type",
      () => base({ ipgroup: { ipgroup_id: emu.seed.ipGroupId, type: "grey" } }),
      invalid("ipgroup"),
    ],
    [
      "an unknown IP group",
      () => base({ ipgroup: { ipgroup_id: "g9" } }),
      [404, "ELB.8904", "ipgroup g9 could not be found."],
    ],
    [
      "an unknown security policy",
      () => https({ security_policy_id: "s9" }),
      [404, "ELB.8904", "security_policy s9 could not be found."],
    ],
    [
      "a protection reason with <",
      () => base({ protection_status: "consoleProtection", protection_reason: "<b>" }),
      invalid("protection_reason"),
    ],
    ["an unknown protection status", () => base({ protection_status: "locked" }), invalid("protection_status")],
    [
      "port ranges",
      () => base({ protocol: "TCP", port_ranges: [{ start_port: 1, end_port: 2 }] }),
      invalid("port_ranges"),
    ],
    ["nat64 on a dedicated listener", () => base({ protocol: "TCP", nat64_enable: true }), invalid("nat64_enable")],
    [
      "the proxy protocol on create",
      () => base({ protocol: "TCP", proxy_protocol_enable: true }),
      invalid("proxy_protocol_enable"),
    ],
    [
      "a QUIC upgrade on TCP",
      () => base({ protocol: "TCP", quic_config: { quic_listener_id: "q1" } }),
      invalid("quic_config"),
    ],
    [
      "a QUIC upgrade to an unknown listener",
      () => https({ quic_config: { quic_listener_id: "q1" } }),
      [404, "ELB.8904", "listener q1 could not be found."],
    ],
    ["cps above 1000000", () => base({ cps: 1000001 }), invalid("cps")],
    [
      "access logs of custom headers (no access logging)",
      () => base({ access_log_customized_headers_config: { enable: true } }),
      invalid("access_log_customized_headers_config"),
    ],
    [
      "a forbidden access-log header",
      () => base({ access_log_customized_headers_config: { include_headers: ["Host"] } }),
      invalid("access_log_customized_headers_config"),
    ],
    [
      "an access-log config on TCP",
      () => base({ protocol: "TCP", access_log_customized_headers_config: { enable: false } }),
      invalid("access_log_customized_headers_config"),
    ],
    ["HTTP on an L4-only load balancer", () => base({ loadbalancer_id: lbs().l4 }), invalid("protocol")],
    ["HTTPS on an L4-only load balancer", () => https({ loadbalancer_id: lbs().l4 }), invalid("protocol")],
    [
      "TCP on an L7-only load balancer",
      () => base({ protocol: "TCP", loadbalancer_id: lbs().l7 }),
      invalid("protocol"),
    ],
    [
      "UDP on an L7-only load balancer",
      () => base({ protocol: "UDP", loadbalancer_id: lbs().l7 }),
      invalid("protocol"),
    ],
    [
      "an unknown load balancer",
      () => base({ loadbalancer_id: "lb9" }),
      [404, "ELB.8904", "loadbalancer lb9 could not be found."],
    ],
  ];

  it.each(cases)("refuses %s", async (_name, body, [status, code, message]) => {
    const before = emu.v3.listeners.size;
    expectError(await create(body()), status, code, message);
    expect(emu.v3.listeners.size).toBe(before);
  });

  it("refuses a body without the listener wrapper", async () => {
    expectError(
      await call("POST", v3("listeners"), { protocol: "TCP" }),
      400,
      "ELB.8902",
      "Invalid input for 'listener'.",
    );
  });

  it("refuses a body that is not JSON", async () => {
    const r = await send("POST", v3("listeners"), { "X-Auth-Token": "token-abc" }, "{listener");
    expectError(r, 400, "ELB.8902", "Invalid input for 'listener'.");
  });

  it("refuses a load balancer that is not ACTIVE with 409 ELB.8907", async () => {
    emu.v3.setProvisioningStatus(lbs().l4, "ERROR");
    try {
      expectError(
        await create({ protocol_port: port(), protocol: "TCP", loadbalancer_id: lbs().l4 }),
        409,
        "ELB.8907",
        `Load Balancer ${lbs().l4} is immutable and cannot be updated.`,
      );
    } finally {
      emu.v3.setProvisioningStatus(lbs().l4, undefined);
    }
  });

  it("refuses a listener beyond the quota with 409 ELB.8905", async () => {
    emu.v3.options.listenerQuota = emu.v3.listenersOf(lbs().l4).length;
    expectError(
      await create({ protocol_port: port(), protocol: "TCP", loadbalancer_id: lbs().l4 }),
      409,
      "ELB.8905",
      "Quota exceeded for resources: ['listener']",
    );
  });
});

describe("showing, updating and deleting v3 listeners", () => {
  it("shows a listener as it was created", async () => {
    const listener = await created({ protocol_port: port(), protocol: "TCP", loadbalancer_id: lbs().l4, name: "s" });
    const r = await call("GET", v3(`listeners/${String(listener.id)}`));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ listener, request_id: r.headers["x-request-id"] });
  });

  it("updates name, description and http2 as the documented example does, and answers the listener (200)", async () => {
    const listener = await created({ protocol_port: port(), protocol: "TCP", loadbalancer_id: lbs().l4 });
    const r = await call("PUT", v3(`listeners/${String(listener.id)}`), {
      listener: { description: "My listener update.", name: "My listener", http2_enable: true },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      listener: {
        ...listener,
        description: "My listener update.",
        name: "My listener",
        http2_enable: true,
        updated_at: expect.stringMatching(TIME),
      },
      request_id: r.headers["x-request-id"],
    });
  });

  it("deletes a listener (204) and then answers 404 ELB.8904 for it", async () => {
    const listener = await created({ protocol_port: port(), protocol: "TCP", loadbalancer_id: lbs().l4 });
    const r = await call("DELETE", v3(`listeners/${String(listener.id)}`));
    expect([r.status, r.body]).toEqual([204, undefined]);
    expectError(
      await call("GET", v3(`listeners/${String(listener.id)}`)),
      404,
      "ELB.8904",
      `listener ${String(listener.id)} could not be found.`,
    );
    expectError(
      await call("DELETE", v3(`listeners/${String(listener.id)}`)),
      404,
      "ELB.8904",
      `listener ${String(listener.id)} could not be found.`,
    );
  });

  it("force-deletes a listener (204)", async () => {
    const listener = await created({ protocol_port: port(), protocol: "HTTP", loadbalancer_id: lbs().l7 });
    const r = await call("DELETE", v3(`listeners/${String(listener.id)}/force`));
    expect(r.status).toBe(204);
    expect(emu.v3.listeners.has(String(listener.id))).toBe(false);
    expect(emu.calls.get("DELETE /v3/listeners/{id}/force")).toBe(1);
  });

  it("keeps the load balancer's listeners in step with creations and deletions", async () => {
    const lbListeners = async (): Promise<unknown> =>
      ((await call("GET", v3(`loadbalancers/${lbs().l7}`))).body as { loadbalancer: { listeners: unknown } })
        .loadbalancer.listeners;
    const before = (await lbListeners()) as { id: string }[];
    const a = await created({ protocol_port: port(), protocol: "HTTP", loadbalancer_id: lbs().l7 });
    const b = await created({ protocol_port: port(), protocol: "HTTP", loadbalancer_id: lbs().l7 });
    expect(await lbListeners()).toEqual([...before, { id: a.id }, { id: b.id }]);
    await call("DELETE", v3(`listeners/${String(a.id)}`));
    expect(await lbListeners()).toEqual([...before, { id: b.id }]);
  });

  describe("refusing updates", () => {
    const invalid = (field: string): [number, string, string] => [400, "ELB.8902", `Invalid input for '${field}'.`];
    const cases: [string, string, Record<string, unknown>, [number, string, string]][] = [
      ["the protocol (fixed at creation)", "TCP", { protocol: "UDP" }, invalid("protocol")],
      ["the port (fixed at creation)", "TCP", { protocol_port: 1 }, invalid("protocol_port")],
      ["the load balancer (fixed at creation)", "TCP", { loadbalancer_id: "x" }, invalid("loadbalancer_id")],
      ["the tags (tag API only)", "TCP", { tags: [] }, invalid("tags")],
      ["a TCP keepalive of 5", "TCP", { keepalive_timeout: 5 }, invalid("keepalive_timeout")],
      ["a client_timeout on TCP", "TCP", { client_timeout: 30 }, invalid("client_timeout")],
      ["a member_timeout of 301 on HTTP", "HTTP", { member_timeout: 301 }, invalid("member_timeout")],
      ["a name of 256 characters", "HTTP", { name: "n".repeat(256) }, invalid("name")],
      [
        "removing the server certificate of HTTPS",
        "HTTPS",
        { default_tls_container_ref: null },
        invalid("default_tls_container_ref"),
      ],
      ["an IP group without an id when none is attached", "HTTP", { ipgroup: { type: "black" } }, invalid("ipgroup")],
      [
        "a TLS insert header on HTTP",
        "HTTP",
        { insert_headers: { "X-Forwarded-TLS-Cipher": true } },
        invalid("insert_headers"),
      ],
      [
        "an unknown security policy",
        "HTTPS",
        { security_policy_id: "s8" },
        [404, "ELB.8904", "security_policy s8 could not be found."],
      ],
    ];
    const make = (protocol: string) =>
      created({
        protocol_port: port(),
        protocol,
        loadbalancer_id: lbs().l4l7,
        ...(protocol === "HTTPS" ? { default_tls_container_ref: certs().server } : {}),
      });

    it.each(cases)("refuses %s", async (_name, protocol, change, [status, code, message]) => {
      const listener = await make(protocol);
      expectError(
        await call("PUT", v3(`listeners/${String(listener.id)}`), { listener: change }),
        status,
        code,
        message,
      );
      expect((await call("GET", v3(`listeners/${String(listener.id)}`))).body).toMatchObject({ listener });
    });

    it("refuses enhance_l7policy_enable going back to false", async () => {
      const listener = await make("HTTP");
      const path = v3(`listeners/${String(listener.id)}`);
      expect((await call("PUT", path, { listener: { enhance_l7policy_enable: true } })).status).toBe(200);
      expectError(
        await call("PUT", path, { listener: { enhance_l7policy_enable: false } }),
        400,
        "ELB.8902",
        "Invalid input for 'enhance_l7policy_enable'.",
      );
    });

    it("refuses an unknown listener with 404 ELB.8904", async () => {
      expectError(
        await call("PUT", v3("listeners/l404"), { listener: { name: "x" } }),
        404,
        "ELB.8904",
        "listener l404 could not be found.",
      );
    });

    it("refuses a change while the load balancer is not ACTIVE with 409 ELB.8907", async () => {
      const listener = await make("TCP");
      emu.v3.setProvisioningStatus(lbs().l4l7, "PENDING_UPDATE");
      try {
        expectError(
          await call("PUT", v3(`listeners/${String(listener.id)}`), { listener: { name: "x" } }),
          409,
          "ELB.8907",
          `Load Balancer ${lbs().l4l7} is immutable and cannot be updated.`,
        );
        expectError(
          await call("DELETE", v3(`listeners/${String(listener.id)}`)),
          409,
          "ELB.8907",
          `Load Balancer ${lbs().l4l7} is immutable and cannot be updated.`,
        );
      } finally {
        emu.v3.setProvisioningStatus(lbs().l4l7, undefined);
      }
    });
  });

  describe("applying updates", () => {
    it("clears the security policy with null and detaches the IP group with {}", async () => {
      const listener = await created({
        protocol_port: port(),
        protocol: "HTTPS",
        loadbalancer_id: lbs().l4l7,
        default_tls_container_ref: certs().server,
        security_policy_id: emu.seed.securityPolicyId,
        ipgroup: { ipgroup_id: emu.seed.ipGroupId },
      });
      const r = await call("PUT", v3(`listeners/${String(listener.id)}`), {
        listener: { security_policy_id: null, ipgroup: {}, quic_config: null },
      });
      expect(r.body).toMatchObject({ listener: { security_policy_id: null, ipgroup: null, quic_config: null } });
    });

    it("changes one IP group sub-field and keeps the others", async () => {
      const listener = await created({
        protocol_port: port(),
        protocol: "HTTP",
        loadbalancer_id: lbs().l4l7,
        ipgroup: { ipgroup_id: emu.seed.ipGroupId, type: "black" },
      });
      const r = await call("PUT", v3(`listeners/${String(listener.id)}`), {
        listener: { ipgroup: { enable_ipgroup: false } },
      });
      expect(r.body).toMatchObject({
        listener: { ipgroup: { ipgroup_id: emu.seed.ipGroupId, enable_ipgroup: false, type: "black" } },
      });
    });

    it("merges insert headers key by key and changes the timeouts", async () => {
      const listener = await created({
        protocol_port: port(),
        protocol: "HTTP",
        loadbalancer_id: lbs().l4l7,
        insert_headers: { "X-Real-IP": true },
      });
      const r = await call("PUT", v3(`listeners/${String(listener.id)}`), {
        listener: { insert_headers: { "X-Forwarded-Host": false }, keepalive_timeout: 4000, client_timeout: 1 },
      });
      expect(r.body).toMatchObject({
        listener: {
          insert_headers: {
            "X-Forwarded-ELB-IP": false,
            "X-Forwarded-Host": false,
            "X-Forwarded-For-Port": false,
            "X-Forwarded-Port": false,
            "X-Real-IP": true,
          },
          keepalive_timeout: 4000,
          client_timeout: 1,
        },
      });
    });

    it("clears the protection reason when protection is turned off", async () => {
      const listener = await created({
        protocol_port: port(),
        protocol: "TCP",
        loadbalancer_id: lbs().l4,
        protection_status: "consoleProtection",
        protection_reason: "prod",
      });
      expect(listener).toMatchObject({ protection_status: "consoleProtection", protection_reason: "prod" });
      const r = await call("PUT", v3(`listeners/${String(listener.id)}`), {
        listener: { protection_status: "nonProtection" },
      });
      const updated = (r.body as { listener: Record<string, unknown> }).listener;
      expect(updated.protection_status).toBe("nonProtection");
      expect("protection_reason" in updated).toBe(false);
    });

    it("swaps the server certificate and adds a client CA on HTTPS", async () => {
      const other = emu.v3.addCertificate("other", "server", "api.example.com");
      const listener = await created({
        protocol_port: port(),
        protocol: "HTTPS",
        loadbalancer_id: lbs().l4l7,
        default_tls_container_ref: certs().server,
      });
      const r = await call("PUT", v3(`listeners/${String(listener.id)}`), {
        listener: {
          default_tls_container_ref: other.id,
          client_ca_tls_container_ref: certs().client,
          sni_container_refs: [certs().server, other.id],
        },
      });
      expect(r.body).toMatchObject({
        listener: {
          default_tls_container_ref: other.id,
          client_ca_tls_container_ref: certs().client,
          sni_container_refs: [certs().server, other.id],
        },
      });
    });
  });
});

describe("listing v3 listeners", () => {
  let ids: string[];
  let lb: string;
  beforeAll(async () => {
    lb = emu.v3.addLoadBalancer("list", "e3b00000000000000000000000000001", "e3b00000000000000000000000000002").id;
    ids = [];
    for (const [protocol, p] of [
      ["TCP", 80],
      ["UDP", 80],
      ["HTTP", 81],
      ["HTTP", 82],
    ] as const) {
      ids.push(String((await created({ protocol_port: p, protocol, loadbalancer_id: lb })).id));
    }
  });
  const list = async (query: string) =>
    (await call("GET", v3(`listeners?${query}`))).body as {
      listeners: { id: string }[];
      page_info: Record<string, unknown>;
    };

  it("filters by load balancer, in creation order, with page_info", async () => {
    const r = await list(`loadbalancer_id=${lb}`);
    expect(r.listeners.map((l) => l.id)).toEqual(ids);
    expect(r.page_info).toEqual({ previous_marker: ids[0], next_marker: ids[3], current_count: 4 });
  });

  it("filters by port and by protocol, both repeatable", async () => {
    expect((await list(`loadbalancer_id=${lb}&protocol_port=80`)).listeners.map((l) => l.id)).toEqual(ids.slice(0, 2));
    expect((await list(`loadbalancer_id=${lb}&protocol=UDP&protocol=HTTP`)).listeners.map((l) => l.id)).toEqual(
      ids.slice(1),
    );
  });

  it("filters by id (repeatable) and by a boolean field", async () => {
    expect((await list(`id=${ids[0]}&id=${ids[2]}`)).listeners.map((l) => l.id)).toEqual([ids[0], ids[2]]);
    expect((await list(`loadbalancer_id=${lb}&enable_member_retry=true`)).listeners.map((l) => l.id)).toEqual(
      ids.slice(2),
    );
  });

  it("pages with limit and marker, forwards and in reverse", async () => {
    const first = await list(`loadbalancer_id=${lb}&limit=2`);
    expect(first.listeners.map((l) => l.id)).toEqual(ids.slice(0, 2));
    const second = await list(`loadbalancer_id=${lb}&limit=2&marker=${String(first.page_info.next_marker)}`);
    expect(second.listeners.map((l) => l.id)).toEqual(ids.slice(2));
    const back = await list(`loadbalancer_id=${lb}&limit=1&marker=${ids[2]}&page_reverse=true`);
    expect(back.listeners.map((l) => l.id)).toEqual([ids[1]]);
    const past = await list(`loadbalancer_id=${lb}&limit=2&marker=${ids[3]}`);
    expect(past).toEqual({ listeners: [], page_info: { current_count: 0 }, request_id: expect.any(String) });
  });

  it("refuses a limit above 2000, an unknown marker and a non-boolean filter with ELB.8902", async () => {
    expectError(await call("GET", v3("listeners?limit=2001")), 400, "ELB.8902", "Invalid input for 'limit'.");
    expectError(await call("GET", v3("listeners?limit=1&marker=zz")), 400, "ELB.8902", "Invalid input for 'marker'.");
    expectError(
      await call("GET", v3("listeners?http2_enable=yes")),
      400,
      "ELB.8902",
      "Invalid input for 'http2_enable'.",
    );
  });
});

describe("v3 routes under the router's machinery", () => {
  it("counts calls per v3 route", async () => {
    await create({ protocol_port: port(), protocol: "TCP", loadbalancer_id: lbs().l4 });
    await call("GET", v3(`loadbalancers/${lbs().l4}`));
    await call("GET", v3(`loadbalancers/${lbs().l4}`));
    expect(Object.fromEntries(emu.calls)).toEqual({ "POST /v3/listeners": 1, "GET /v3/loadbalancers/{id}": 2 });
  });

  it("answers a fault rule's error on a v3 route with the v3 body and the code's documented status", async () => {
    emu.faults.add({ target: "POST /v3/listeners", kind: "error", code: "ELB.8907", first: 1 });
    const p = port();
    const body = { protocol_port: p, protocol: "TCP", loadbalancer_id: lbs().l4 };
    expectError(await create(body), 409, "ELB.8907", "Injected service fault");
    expect((await create(body)).status).toBe(201);
  });

  it("answers a fault rule without a code with ELB.8906, 500", async () => {
    emu.faults.add({ target: "GET /v3/loadbalancers/{id}", kind: "error", first: 1 });
    expectError(await call("GET", v3(`loadbalancers/${lbs().l4}`)), 500, "ELB.8906", "Internal server error.");
  });

  it("answers a gateway fault on a v3 route as the gateway does", async () => {
    emu.faults.add({ target: "GET /v3/listeners/{id}", kind: "error", code: "APIGW.0308", first: 1 });
    const r = await call("GET", v3("listeners/any"));
    expect(r.status).toBe(429);
    expect(r.body).toMatchObject({ error_code: "APIGW.0308" });
  });

  it("applies a drop-response fault after the change is made", async () => {
    emu.faults.add({ target: "POST /v3/listeners", kind: "drop-response", first: 1 });
    const p = port();
    await expect(create({ protocol_port: p, protocol: "TCP", loadbalancer_id: lbs().l4 })).rejects.toThrow();
    expect(emu.v3.listenersOf(lbs().l4).some((l) => l.protocolPort === p)).toBe(true);
  });

  it("throttles v3 routes with the gateway's 429 APIGW.0308", async () => {
    emu.router.setRequestsPerSecond(1);
    try {
      await call("GET", v3(`loadbalancers/${lbs().l4}`));
      const r = await call("GET", v3(`loadbalancers/${lbs().l4}`));
      expect(r.status).toBe(429);
      expect(r.body).toMatchObject({ error_code: "APIGW.0308" });
    } finally {
      emu.router.setRequestsPerSecond(0);
    }
  });

  it("refuses an unsigned v3 request, another project and an unknown v3 path at the gateway", async () => {
    expect((await send("GET", v3(`loadbalancers/${lbs().l4}`), {})).body).toMatchObject({ error_code: "APIGW.0301" });
    const other = await send("GET", "/v3/otherproject/elb/listeners", { "X-Auth-Token": "token-abc" });
    expect([other.status, (other.body as { error_code: string }).error_code]).toEqual([403, "APIGW.0302"]);
    const unknown = await send("GET", `/v3/${emu.seed.projectId}/elb/pools`, { "X-Auth-Token": "token-abc" });
    expect([unknown.status, (unknown.body as { error_code: string }).error_code]).toEqual([404, "APIGW.0101"]);
    expect(emu.calls.get("UNKNOWN GET")).toBe(1);
  });

  it("keeps a load balancer PENDING_UPDATE for lockMs after a change and refuses changes meanwhile", async () => {
    emu.v3.options.lockMs = 60_000;
    await created({ protocol_port: port(), protocol: "TCP", loadbalancer_id: lbs().l4 });
    const status = async () =>
      ((await call("GET", v3(`loadbalancers/${lbs().l4}`))).body as { loadbalancer: { provisioning_status: string } })
        .loadbalancer.provisioning_status;
    expect(await status()).toBe("PENDING_UPDATE");
    expectError(
      await create({ protocol_port: port(), protocol: "TCP", loadbalancer_id: lbs().l4 }),
      409,
      "ELB.8907",
      `Load Balancer ${lbs().l4} is immutable and cannot be updated.`,
    );
    skewMs = 61_000;
    expect(await status()).toBe("ACTIVE");
  });
});
