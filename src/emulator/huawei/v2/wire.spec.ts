/**
 * The shared ELB v2 routes of the Huawei emulator over HTTP, every request signed by the official AKSKSigner: the
 * Open Telekom Cloud family (`/v2.0/lbaas`, project from `X-Project-Id` or the token, NeutronError bodies) and the
 * Huawei Cloud family (`/v2/{project_id}/elb`, ELB code bodies) on one endpoint; create (201), show, update, delete
 * and list with the documented answer forms, every rule's refusal with its exact body in both forms, the load
 * balancer's status transitions, the 50-listener limit, and the routes under the router's gateway and fault plan.
 */
import type { HuaweiEmulator } from "../index";
import { startHuaweiEmulator } from "../index";
import { call, expectElb, expectNeutron, send, type Sent } from "./testing";

let emu: HuaweiEmulator;
let skewMs = 0;
beforeAll(async () => {
  emu = await startHuaweiEmulator({ tokens: ["token-abc"], lockMs: 0, now: () => Date.now() + skewMs });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.resetCalls();
  emu.faults.clear();
  emu.v2.options.lockMs = 0;
  emu.v2.options.listenerQuota = 50;
  for (const lb of emu.v2.loadBalancers.values()) lb.busyUntil = 0;
  skewMs = 0;
});

type Family = "otc" | "huawei";
const FAMILIES: Family[] = ["otc", "huawei"];

/** path is a v2 path of a family: `/v2.0/lbaas/...` or `/v2/{project_id}/elb/...`. */
const path = (family: Family, rest: string): string =>
  family === "otc" ? `/v2.0/lbaas/${rest}` : `/v2/${emu.seed.projectId}/elb/${rest}`;

/** v2 sends a signed request to a family's route; OTC requests name their project in `X-Project-Id`. */
const v2 = (family: Family, method: string, rest: string, data?: unknown): Promise<Sent> =>
  call(emu, method, path(family, rest), data, family === "otc" ? { "X-Project-Id": emu.seed.projectId } : {});

const shared = () => emu.seed.shared;
const lb = () => shared().loadBalancers.first;

let nextPort = 1000;
/** port gives every test its own listener port, so tests do not meet each other's listeners. */
const port = (): number => nextPort++;

async function create(family: Family, listener: Record<string, unknown>): Promise<Sent> {
  return v2(family, "POST", "listeners", { listener });
}

async function created(family: Family, listener: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await create(family, listener);
  expect(r.status).toBe(201);
  return (r.body as { listener: Record<string, unknown> }).listener;
}

/** freshLb adds an ACTIVE shared load balancer for a test that needs one to itself (lists, the quota). */
const freshLb = (name: string): string => emu.v2.addLoadBalancer(name).id;

/** The seed's fixed ids, for the tables built before the emulator starts. */
const ERROR_LB = "e2b00000-0000-0000-0000-000000000003";
const CA_CERT = "e2b00000000000000000000000000006";
const DEDICATED_LB = "e3b00000000000000000000000000003";

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("shared load balancers (v2 GET)", () => {
  it("answers a shared load balancer on the OTC route as the documented example shapes it", async () => {
    const r = await v2("otc", "GET", `loadbalancers/${lb()}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      loadbalancer: {
        description: "",
        admin_state_up: true,
        tenant_id: emu.seed.projectId,
        provisioning_status: "ACTIVE",
        vip_subnet_id: expect.stringMatching(UUID),
        listeners: expect.any(Array),
        vip_address: "192.168.2.1",
        vip_port_id: expect.stringMatching(UUID),
        provider: "vlb",
        pools: [],
        id: lb(),
        operating_status: "ONLINE",
        tags: [],
        name: "emulator-shared-1",
        created_at: expect.stringMatching(TIME),
        updated_at: expect.stringMatching(TIME),
      },
    });
  });

  it("adds project_id on the Huawei route", async () => {
    const r = await v2("huawei", "GET", `loadbalancers/${lb()}`);
    expect(r.body).toMatchObject({ loadbalancer: { id: lb(), project_id: emu.seed.projectId, provider: "vlb" } });
  });

  it("shows the seeded ERROR load balancer as ERROR", async () => {
    const r = await v2("otc", "GET", `loadbalancers/${shared().loadBalancers.error}`);
    expect(r.body).toMatchObject({ loadbalancer: { provisioning_status: "ERROR" } });
  });

  it("answers an unknown load balancer 404 in each family's form", async () => {
    expectNeutron(
      await v2("otc", "GET", "loadbalancers/nope"),
      404,
      "HTTPNotFound",
      "The resource could not be found.",
    );
    expectElb(await v2("huawei", "GET", "loadbalancers/nope"), 404, "ELB.9800", "Resource could not be found.");
  });

  it("does not serve a dedicated (v3) load balancer on the v2 routes", async () => {
    const dedicated = emu.seed.dedicated.l4l7;
    expect((await v2("otc", "GET", `loadbalancers/${dedicated}`)).status).toBe(404);
    expect((await v2("huawei", "GET", `loadbalancers/${dedicated}`)).status).toBe(404);
  });

  it("answers a shared load balancer on the v3 GET with guaranteed false, a dedicated one with true", async () => {
    const sharedV3 = await call(emu, "GET", `/v3/${emu.seed.projectId}/elb/loadbalancers/${lb()}`);
    expect(sharedV3.status).toBe(200);
    expect(sharedV3.body).toMatchObject({
      loadbalancer: { id: lb(), guaranteed: false, provider: "vlb", l4_flavor_id: null, l7_flavor_id: null },
      request_id: sharedV3.headers["x-request-id"],
    });
    const dedicated = await call(emu, "GET", `/v3/${emu.seed.projectId}/elb/loadbalancers/${emu.seed.dedicated.l4}`);
    expect(dedicated.body).toMatchObject({ loadbalancer: { guaranteed: true } });
    expect(emu.calls.get("GET /v3/loadbalancers/{id}")).toBe(2);
  });
});

describe("creating shared listeners", () => {
  it("creates a TCP listener on the OTC route (201) as the documented GET example shapes it", async () => {
    const p = port();
    const r = await create("otc", { protocol_port: p, protocol: "TCP", loadbalancer_id: lb(), name: "listener-test" });
    expect(r.status).toBe(201);
    const listener = (r.body as { listener: Record<string, unknown> }).listener;
    expect(r.body).toEqual({
      listener: {
        protocol_port: p,
        protocol: "TCP",
        description: "",
        client_ca_tls_container_ref: null,
        default_tls_container_ref: null,
        admin_state_up: true,
        http2_enable: false,
        loadbalancers: [{ id: lb() }],
        tenant_id: emu.seed.projectId,
        sni_container_refs: [],
        connection_limit: -1,
        default_pool_id: null,
        id: listener.id,
        tags: [],
        name: "listener-test",
        tls_ciphers_policy: null,
        created_at: expect.stringMatching(TIME),
        updated_at: listener.created_at,
      },
    });
    expect(Object.keys(listener)).toEqual([
      "protocol_port",
      "protocol",
      "description",
      "client_ca_tls_container_ref",
      "default_tls_container_ref",
      "admin_state_up",
      "http2_enable",
      "loadbalancers",
      "tenant_id",
      "sni_container_refs",
      "connection_limit",
      "default_pool_id",
      "id",
      "tags",
      "name",
      "tls_ciphers_policy",
      "created_at",
      "updated_at",
    ]);
    expect(listener.id).toMatch(UUID);
    expect(r.headers["content-type"]).toBe("application/json");
  });

  it("creates a TCP listener on the Huawei route (201) with project_id, insert headers and protection status", async () => {
    const listener = await created("huawei", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
    expect(listener).toMatchObject({
      tenant_id: emu.seed.projectId,
      project_id: emu.seed.projectId,
      loadbalancers: [{ id: lb() }],
      insert_headers: { "X-Forwarded-ELB-IP": false, "X-Forwarded-Host": true },
      protection_status: "nonProtection",
      tls_ciphers_policy: null,
    });
    expect("protection_reason" in listener).toBe(false);
    expect("loadbalancer_id" in listener).toBe(false);
  });

  it("answers insert headers as sent and a console protection reason on the Huawei route", async () => {
    const listener = await created("huawei", {
      protocol_port: port(),
      protocol: "TCP",
      loadbalancer_id: lb(),
      insert_headers: { "X-Forwarded-ELB-IP": true },
      protection_status: "consoleProtection",
      protection_reason: "keep",
    });
    expect(listener).toMatchObject({
      insert_headers: { "X-Forwarded-ELB-IP": true },
      protection_status: "consoleProtection",
      protection_reason: "keep",
    });
  });

  it.each(FAMILIES)("creates a TERMINATED_HTTPS listener with tls-1-0 and the SNI list sorted (%s)", async (family) => {
    const listener = await created(family, {
      protocol_port: port(),
      protocol: "TERMINATED_HTTPS",
      loadbalancer_id: lb(),
      default_tls_container_ref: shared().certificateId,
      client_ca_tls_container_ref: shared().caCertificateId,
      sni_container_refs: [shared().sniCertificateId, shared().certificateId],
      http2_enable: true,
    });
    expect(listener).toMatchObject({
      protocol: "TERMINATED_HTTPS",
      default_tls_container_ref: shared().certificateId,
      client_ca_tls_container_ref: shared().caCertificateId,
      sni_container_refs: [shared().certificateId, shared().sniCertificateId],
      tls_ciphers_policy: "tls-1-0",
      http2_enable: true,
    });
  });

  it("answers tls_ciphers_policy null on an HTTP listener even when one is sent", async () => {
    const listener = await created("otc", {
      protocol_port: port(),
      protocol: "HTTP",
      loadbalancer_id: lb(),
      tls_ciphers_policy: "tls-1-2",
    });
    expect(listener.tls_ciphers_policy).toBeNull();
  });

  it("takes tls-1-0-inherit on the OTC route", async () => {
    const listener = await created("otc", {
      protocol_port: port(),
      protocol: "TERMINATED_HTTPS",
      loadbalancer_id: lb(),
      default_tls_container_ref: shared().certificateId,
      tls_ciphers_policy: "tls-1-0-inherit",
    });
    expect(listener.tls_ciphers_policy).toBe("tls-1-0-inherit");
  });

  it("reads a port sent as a decimal string, as a Huawei sample request sends it", async () => {
    const p = port();
    const listener = await created("huawei", { protocol_port: String(p), protocol: "TCP", loadbalancer_id: lb() });
    expect(listener.protocol_port).toBe(p);
  });

  it("accepts a body tenant_id and project_id equal to the request's project", async () => {
    const listener = await created("otc", {
      protocol_port: port(),
      protocol: "UDP",
      loadbalancer_id: lb(),
      tenant_id: emu.seed.projectId,
      project_id: emu.seed.projectId,
    });
    expect(listener.tenant_id).toBe(emu.seed.projectId);
  });

  it("lets a UDP and a TCP listener share a port, and lets two load balancers use one port", async () => {
    const p = port();
    await created("otc", { protocol_port: p, protocol: "TCP", loadbalancer_id: lb() });
    await created("otc", { protocol_port: p, protocol: "UDP", loadbalancer_id: lb() });
    await created("otc", { protocol_port: p, protocol: "TCP", loadbalancer_id: shared().loadBalancers.second });
  });

  it("ignores a field Huawei's v2 body lacks on the Huawei route", async () => {
    const listener = await created("huawei", {
      protocol_port: port(),
      protocol: "TCP",
      loadbalancer_id: lb(),
      keepalive_timeout: 100,
    });
    expect("keepalive_timeout" in listener).toBe(false);
  });

  it("answers a listener made on the Huawei route without the Huawei-only fields on the OTC route", async () => {
    const made = await created("huawei", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
    const r = await v2("otc", "GET", `listeners/${String(made.id)}`);
    const listener = (r.body as { listener: Record<string, unknown> }).listener;
    for (const key of ["project_id", "insert_headers", "protection_status"]) expect(key in listener).toBe(false);
  });
});

describe("the documented odd forms (sharedDocumentedForms)", () => {
  afterEach(() => {
    emu.v2.options.documentedForms = false;
  });

  it('answers an OTC TERMINATED_HTTPS create as create example 3: project_id and the policy under the key ""', async () => {
    emu.v2.options.documentedForms = true;
    const listener = await created("otc", {
      protocol_port: port(),
      protocol: "TERMINATED_HTTPS",
      loadbalancer_id: lb(),
      default_tls_container_ref: shared().certificateId,
    });
    expect(listener).toMatchObject({ project_id: emu.seed.projectId, "": "tls-1-0" });
    expect("tls_ciphers_policy" in listener).toBe(false);
    const read = await v2("otc", "GET", `listeners/${String(listener.id)}`);
    const again = (read.body as { listener: Record<string, unknown> }).listener;
    expect([again.tls_ciphers_policy, "project_id" in again, "" in again]).toEqual(["tls-1-0", false, false]);
  });

  it("answers Huawei listeners without insert_headers and the protection fields", async () => {
    emu.v2.options.documentedForms = true;
    const listener = await created("huawei", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
    expect(["insert_headers" in listener, "protection_status" in listener, listener.project_id]).toEqual([
      false,
      false,
      emu.seed.projectId,
    ]);
  });

  it("is off unless asked for", async () => {
    const emulator = await startHuaweiEmulator({ sharedDocumentedForms: true });
    try {
      expect([emulator.v2.options.documentedForms, emu.v2.options.documentedForms]).toEqual([true, false]);
    } finally {
      await emulator.close();
    }
  });
});

/** Refusal is one refused body with both of its answers: the OTC NeutronError and the Huawei ELB body. */
type Refusal = [
  string,
  () => unknown,
  [status: number, type: string, message: string],
  [status: number, code: string, message: string],
];

const base = (over: Record<string, unknown>) => ({
  listener: { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb(), ...over },
});
const tls = (over: Record<string, unknown>) =>
  base({ protocol: "TERMINATED_HTTPS", default_tls_container_ref: shared().certificateId, ...over });
const bad = (message: string): [number, string, string] => [400, "HTTPBadRequest", message];
const invalid = (message: string): [number, string, string] => [400, "ELB.9899", message];
const required = (field: string): Refusal[2 | 3][] => [
  bad(`Failed to parse request. Required attribute '${field}' not specified`),
  [400, "ELB.9805", `RequestBody listener[${field}] is null, this is a required parameter.`],
];
const hex32 = (n: number): string => n.toString(16).padStart(32, "f");

describe("refusing shared listener creations", () => {
  const cases: Refusal[] = [
    [
      "a body without listener",
      () => ({ protocol: "TCP" }),
      bad("Unable to find 'listener' in request body"),
      [400, "ELB.0002", "Listener is null, request is invalid."],
    ],
    ["a missing protocol", () => base({ protocol: undefined }), ...(required("protocol") as [never, never])],
    ["a missing protocol_port", () => base({ protocol_port: null }), ...(required("protocol_port") as [never, never])],
    [
      "a missing loadbalancer_id",
      () => base({ loadbalancer_id: undefined }),
      ...(required("loadbalancer_id") as [never, never]),
    ],
    [
      "plain HTTPS (not a v2 protocol)",
      () => base({ protocol: "HTTPS" }),
      bad("Invalid input for protocol. Reason: 'HTTPS' is not in ['TCP', 'UDP', 'HTTP', 'TERMINATED_HTTPS']."),
      [400, "ELB.6061", "Invalid request parameters. Invalid listener protocol."],
    ],
    [
      "port 0",
      () => base({ protocol_port: 0 }),
      bad("Invalid input for protocol_port. Reason: '0' is not in range 1 through 65535."),
      [400, "ELB.6041", "Invalid request parameters. The listener port must be within the range of 1 to 65535."],
    ],
    [
      "port 65536",
      () => base({ protocol_port: 65536 }),
      bad("Invalid input for protocol_port. Reason: '65536' is not in range 1 through 65535."),
      [400, "ELB.6041", "Invalid request parameters. The listener port must be within the range of 1 to 65535."],
    ],
    [
      "UDP on port 4789",
      () => base({ protocol: "UDP", protocol_port: 4789 }),
      bad("Invalid input for protocol_port. Reason: UDP listeners cannot use port 4789."),
      invalid("Invalid input for protocol_port. Reason: UDP listeners cannot use port 4789."),
    ],
    [
      "a name of 256 characters",
      () => base({ name: "n".repeat(256) }),
      bad(`Invalid input for name. Reason: '${"n".repeat(256)}' exceeds maximum length of 255.`),
      [400, "ELB.6011", "Invalid request parameters. The listener name is too long."],
    ],
    [
      "a name that is not a string",
      () => base({ name: 5 }),
      bad("Invalid input for name. Reason: '5' is not a valid string."),
      [400, "ELB.6021", "Invalid request parameters. Invalid listener name."],
    ],
    [
      "a description of 256 characters",
      () => base({ description: "d".repeat(256) }),
      bad(`Invalid input for description. Reason: '${"d".repeat(256)}' exceeds maximum length of 255.`),
      [400, "ELB.6031", "Invalid request parameters. The listener description is too long."],
    ],
    [
      "a connection_limit below -1",
      () => base({ connection_limit: -2 }),
      bad("Invalid input for connection_limit. Reason: '-2' is not in range -1 through 2147483647."),
      invalid("Invalid input for connection_limit. Reason: '-2' is not in range -1 through 2147483647."),
    ],
    [
      "an http2_enable that is not a boolean",
      () => base({ http2_enable: "yes" }),
      bad("Invalid input for http2_enable. Reason: 'yes' is not a valid boolean value."),
      invalid("Invalid input for http2_enable. Reason: 'yes' is not a valid boolean value."),
    ],
    [
      "another project's tenant_id",
      () => base({ tenant_id: "another" }),
      bad(
        "Specifying 'project_id' or 'tenant_id' other than the authenticated project in request requires admin privileges",
      ),
      [400, "ELB.9808", "Tenant_id in token mismatches with tenant_id in url."],
    ],
    [
      "TERMINATED_HTTPS without a certificate",
      () => base({ protocol: "TERMINATED_HTTPS" }),
      [400, "TLSDefaultContainerNotSpecified", "Default TLS container was not specified"],
      [400, "ELB.9805", "RequestBody listener[default_tls_container_ref] is null, this is a required parameter."],
    ],
    [
      "a certificate id that is not 32 characters",
      () => tls({ default_tls_container_ref: "abc" }),
      bad("The certificate ID must be 32 characters."),
      [400, "ELB.5020", "The certificate ID must be 32 characters."],
    ],
    [
      "an unknown certificate",
      () => tls({ default_tls_container_ref: hex32(1) }),
      [404, "TLSContainerNotFound", `TLS container ${hex32(1)} could not be found`],
      [404, "ELB.5040", "The certificate does not exist."],
    ],
    [
      "a CA certificate as the server certificate",
      () => tls({ default_tls_container_ref: shared().caCertificateId }),
      bad(`Invalid input for default_tls_container_ref. Reason: certificate ${CA_CERT} is not a server certificate.`),
      invalid(
        `Invalid input for default_tls_container_ref. Reason: certificate ${CA_CERT} is not a server certificate.`,
      ),
    ],
    [
      "a server certificate on a TCP listener",
      () => base({ default_tls_container_ref: shared().certificateId }),
      bad("Invalid input for default_tls_container_ref. Reason: only TERMINATED_HTTPS listeners take it."),
      invalid("Invalid input for default_tls_container_ref. Reason: only TERMINATED_HTTPS listeners take it."),
    ],
    [
      "SNI certificates on an HTTP listener",
      () => base({ protocol: "HTTP", sni_container_refs: [shared().certificateId] }),
      bad("Invalid input for sni_container_refs. Reason: only TERMINATED_HTTPS listeners take it."),
      invalid("Invalid input for sni_container_refs. Reason: only TERMINATED_HTTPS listeners take it."),
    ],
    [
      "an unknown tls_ciphers_policy",
      () => tls({ tls_ciphers_policy: "tls-9" }),
      bad(
        "Invalid input for tls_ciphers_policy. Reason: 'tls-9' is not in ['tls-1-0-inherit', 'tls-1-0', 'tls-1-1', 'tls-1-2', 'tls-1-2-strict'].",
      ),
      invalid(
        "Invalid input for tls_ciphers_policy. Reason: 'tls-9' is not in ['tls-1-0', 'tls-1-1', 'tls-1-2', 'tls-1-2-strict'].",
      ),
    ],
    [
      "an unknown load balancer",
      () => base({ loadbalancer_id: "0d7e5b51-0000-4000-8000-000000000000" }),
      [404, "EntityNotFound", "loadbalancer 0d7e5b51-0000-4000-8000-000000000000 could not be found"],
      [400, "ELB.6040", "The load balancer that the listener is associated with does not exist."],
    ],
    [
      "a dedicated load balancer",
      () => base({ loadbalancer_id: emu.seed.dedicated.l4l7 }),
      [404, "EntityNotFound", `loadbalancer ${DEDICATED_LB} could not be found`],
      [400, "ELB.6040", "The load balancer that the listener is associated with does not exist."],
    ],
    [
      "a load balancer in ERROR",
      () => base({ loadbalancer_id: shared().loadBalancers.error }),
      [409, "StateInvalid", `Invalid state ERROR of loadbalancer resource ${ERROR_LB}`],
      [409, "ELB.8907", `Invalid state ERROR of loadbalancer resource ${ERROR_LB}`],
    ],
  ];

  it.each(cases)(
    "refuses %s in both forms",
    async (_name, body, [oStatus, oType, oMessage], [hStatus, hCode, hMessage]) => {
      expectNeutron(await v2("otc", "POST", "listeners", body()), oStatus, oType, oMessage);
      expectElb(await v2("huawei", "POST", "listeners", body()), hStatus, hCode, hMessage);
    },
  );

  it("refuses an empty or malformed body with ELB.0002 / the NeutronError", async () => {
    const headers = { "X-Auth-Token": "token-abc", "Content-Type": "application/json" };
    const otc = await send(emu, "POST", path("otc", "listeners"), headers, "{listener");
    expectNeutron(otc, 400, "HTTPBadRequest", "Unable to find 'listener' in request body");
    const hw = await send(emu, "POST", path("huawei", "listeners"), headers, "");
    expectElb(hw, 400, "ELB.0002", "Listener is null, request is invalid.");
  });

  it("refuses a port in use: 409 NeutronError on OTC, 400 ELB.6200 on Huawei", async () => {
    const p = port();
    await created("otc", { protocol_port: p, protocol: "TCP", loadbalancer_id: lb() });
    expectNeutron(
      await create("otc", { protocol_port: p, protocol: "HTTP", loadbalancer_id: lb() }),
      409,
      "LoadBalancerListenerProtocolPortExists",
      `Load Balancer ${lb()} already has a listener with protocol_port of ${p}`,
    );
    expectElb(
      await create("huawei", { protocol_port: p, protocol: "TCP", loadbalancer_id: lb() }),
      400,
      "ELB.6200",
      `Load Balaner ${lb()} already has a listener with protocol_port of ${p}.`,
    );
  });

  it("refuses on OTC the fields only Huawei's v2 body has, and unknown ones, naming them", async () => {
    expectNeutron(
      await v2(
        "otc",
        "POST",
        "listeners",
        base({ insert_headers: { "X-Forwarded-Host": true }, keepalive_timeout: 5 }),
      ),
      400,
      "HTTPBadRequest",
      "Unrecognized attribute(s) 'insert_headers, keepalive_timeout'",
    );
  });

  it("refuses on Huawei what only its rules refuse: tls-1-0-inherit, admin_state_up false, HTTP port 21, bad headers", async () => {
    expectElb(
      await v2("huawei", "POST", "listeners", tls({ tls_ciphers_policy: "tls-1-0-inherit" })),
      400,
      "ELB.9899",
      "Invalid input for tls_ciphers_policy. Reason: 'tls-1-0-inherit' is not in ['tls-1-0', 'tls-1-1', 'tls-1-2', 'tls-1-2-strict'].",
    );
    expectElb(
      await v2("huawei", "POST", "listeners", base({ admin_state_up: false })),
      400,
      "ELB.9899",
      "Invalid input for admin_state_up. Reason: the value can only be true.",
    );
    expectElb(
      await v2("huawei", "POST", "listeners", base({ protocol: "HTTP", protocol_port: 21 })),
      400,
      "ELB.9899",
      "Invalid input for protocol_port. Reason: HTTP and TERMINATED_HTTPS listeners cannot use port 21.",
    );
    expectElb(
      await v2("huawei", "POST", "listeners", base({ insert_headers: { "X-Real-IP": true } })),
      400,
      "ELB.9899",
      "Invalid input for insert_headers. Reason: only X-Forwarded-ELB-IP and X-Forwarded-Host, true or false.",
    );
    expect((await create("otc", { protocol: "HTTP", protocol_port: 21, loadbalancer_id: lb() })).status).toBe(201);
    expect(
      (await create("otc", { protocol: "TCP", protocol_port: port(), loadbalancer_id: lb(), admin_state_up: false }))
        .status,
    ).toBe(201);
  });

  it("refuses more SNI certificates than each cloud allows: 30 on OTC, 50 on Huawei", async () => {
    const refs = (n: number) => Array.from({ length: n }, (_, i) => hex32(i + 1));
    expectNeutron(
      await v2("otc", "POST", "listeners", tls({ sni_container_refs: refs(31) })),
      400,
      "HTTPBadRequest",
      "Invalid input for sni_container_refs. Reason: at most 30 certificates.",
    );
    expectElb(
      await v2("huawei", "POST", "listeners", tls({ sni_container_refs: refs(51) })),
      400,
      "ELB.9899",
      "Invalid input for sni_container_refs. Reason: at most 50 certificates.",
    );
    // 31 well-formed ids pass the count on Huawei and fail on existence instead.
    expectElb(
      await v2("huawei", "POST", "listeners", tls({ sni_container_refs: refs(31) })),
      404,
      "ELB.5040",
      "The certificate does not exist.",
    );
  });
});

describe("the listener limit of a load balancer", () => {
  it("takes 50 listeners and refuses the 51st: 403 ELB.6091 on Huawei, 409 OverQuota on OTC", async () => {
    const id = freshLb("quota-lb");
    for (let p = 1; p <= 50; p++) await created("huawei", { protocol_port: p, protocol: "TCP", loadbalancer_id: id });
    expectElb(
      await create("huawei", { protocol_port: 51, protocol: "TCP", loadbalancer_id: id }),
      403,
      "ELB.6091",
      "The number of listeners reaches the limit.",
    );
    expectNeutron(
      await create("otc", { protocol_port: 51, protocol: "UDP", loadbalancer_id: id }),
      409,
      "OverQuota",
      "Quota exceeded for resources: ['listener'].",
    );
    const one = emu.v2.listenersOf(id)[0].id;
    expect((await v2("otc", "DELETE", `listeners/${one}`)).status).toBe(204);
    expect((await create("otc", { protocol_port: 51, protocol: "TCP", loadbalancer_id: id })).status).toBe(201);
  });
});

describe("the load balancer's status around listener changes", () => {
  it("shows PENDING_UPDATE for the lock time after a change, refuses changes meanwhile with 409, then is ACTIVE", async () => {
    emu.v2.options.lockMs = 1000;
    const id = freshLb("status-lb");
    const listener = await created("otc", { protocol_port: port(), protocol: "TCP", loadbalancer_id: id });
    expect((await v2("otc", "GET", `loadbalancers/${id}`)).body).toMatchObject({
      loadbalancer: { provisioning_status: "PENDING_UPDATE", listeners: [{ id: listener.id }] },
    });
    const message = `Invalid state PENDING_UPDATE of loadbalancer resource ${id}`;
    expectNeutron(
      await create("otc", { protocol_port: port(), protocol: "TCP", loadbalancer_id: id }),
      409,
      "StateInvalid",
      message,
    );
    expectElb(
      await v2("huawei", "PUT", `listeners/${String(listener.id)}`, { listener: { name: "x" } }),
      409,
      "ELB.8907",
      message,
    );
    expectNeutron(await v2("otc", "DELETE", `listeners/${String(listener.id)}`), 409, "StateInvalid", message);
    skewMs = 1000;
    expect((await v2("huawei", "GET", `loadbalancers/${id}`)).body).toMatchObject({
      loadbalancer: { provisioning_status: "ACTIVE" },
    });
    expect((await v2("huawei", "PUT", `listeners/${String(listener.id)}`, { listener: { name: "x" } })).status).toBe(
      200,
    );
    expect((await v2("otc", "GET", `loadbalancers/${id}`)).body).toMatchObject({
      loadbalancer: { provisioning_status: "PENDING_UPDATE" },
    });
  });

  it("keeps a load balancer ACTIVE when the lock time is 0", async () => {
    await created("otc", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
    expect((await v2("otc", "GET", `loadbalancers/${lb()}`)).body).toMatchObject({
      loadbalancer: { provisioning_status: "ACTIVE" },
    });
  });
});

describe("showing, updating and deleting shared listeners", () => {
  it.each(FAMILIES)("shows a listener as created (%s)", async (family) => {
    const made = await created(family, { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
    const r = await v2(family, "GET", `listeners/${String(made.id)}`);
    expect(r).toMatchObject({ status: 200, body: { listener: made } });
  });

  it("answers an unknown listener 404 in each family's form", async () => {
    const id = "0d7e5b51-0000-4000-8000-000000000000";
    for (const method of ["GET", "DELETE"]) {
      expectNeutron(
        await v2("otc", method, `listeners/${id}`),
        404,
        "HTTPNotFound",
        "The resource could not be found.",
      );
      expectElb(await v2("huawei", method, `listeners/${id}`), 404, "ELB.9800", "Resource could not be found.");
    }
    expectNeutron(
      await v2("otc", "PUT", `listeners/${id}`, { listener: { name: "n" } }),
      404,
      "HTTPNotFound",
      "The resource could not be found.",
    );
  });

  it("updates name, description and http2, clears them with an empty string, and moves updated_at", async () => {
    const made = await created("otc", {
      protocol_port: port(),
      protocol: "TCP",
      loadbalancer_id: lb(),
      name: "a",
      description: "d",
    });
    skewMs = 2000;
    const r = await v2("otc", "PUT", `listeners/${String(made.id)}`, { listener: { name: "b", http2_enable: true } });
    expect(r.status).toBe(200);
    const updated = (r.body as { listener: Record<string, unknown> }).listener;
    expect(updated).toMatchObject({ name: "b", description: "d", http2_enable: true, created_at: made.created_at });
    expect(updated.updated_at).not.toBe(made.updated_at);
    const cleared = await v2("otc", "PUT", `listeners/${String(made.id)}`, { listener: { name: "", description: "" } });
    expect(cleared.body).toMatchObject({ listener: { name: "", description: "" } });
  });

  it("updates a TERMINATED_HTTPS listener's certificates, SNI (sorted, [] switches it off) and cipher policy", async () => {
    const made = await created("huawei", {
      protocol_port: port(),
      protocol: "TERMINATED_HTTPS",
      loadbalancer_id: lb(),
      default_tls_container_ref: shared().certificateId,
    });
    const id = String(made.id);
    const r = await v2("huawei", "PUT", `listeners/${id}`, {
      listener: {
        default_tls_container_ref: shared().sniCertificateId,
        client_ca_tls_container_ref: shared().caCertificateId,
        sni_container_refs: [shared().sniCertificateId, shared().certificateId],
        tls_ciphers_policy: "tls-1-2",
      },
    });
    expect(r.body).toMatchObject({
      listener: {
        default_tls_container_ref: shared().sniCertificateId,
        client_ca_tls_container_ref: shared().caCertificateId,
        sni_container_refs: [shared().certificateId, shared().sniCertificateId],
        tls_ciphers_policy: "tls-1-2",
      },
    });
    const off = await v2("huawei", "PUT", `listeners/${id}`, {
      listener: { sni_container_refs: [], client_ca_tls_container_ref: null },
    });
    expect(off.body).toMatchObject({ listener: { sni_container_refs: [], client_ca_tls_container_ref: null } });
  });

  it("keeps tls_ciphers_policy null when a TCP listener's update sends one", async () => {
    const made = await created("otc", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
    const r = await v2("otc", "PUT", `listeners/${String(made.id)}`, { listener: { tls_ciphers_policy: "tls-1-2" } });
    expect(r.body).toMatchObject({ listener: { tls_ciphers_policy: null } });
  });

  it("merges insert headers and clears the protection reason with nonProtection on the Huawei route", async () => {
    const made = await created("huawei", {
      protocol_port: port(),
      protocol: "TCP",
      loadbalancer_id: lb(),
      protection_status: "consoleProtection",
      protection_reason: "r",
    });
    const r = await v2("huawei", "PUT", `listeners/${String(made.id)}`, {
      listener: { insert_headers: { "X-Forwarded-ELB-IP": true }, protection_status: "nonProtection" },
    });
    const listener = (r.body as { listener: Record<string, unknown> }).listener;
    expect(listener).toMatchObject({
      insert_headers: { "X-Forwarded-ELB-IP": true, "X-Forwarded-Host": true },
      protection_status: "nonProtection",
    });
    expect("protection_reason" in listener).toBe(false);
  });

  it.each(["protocol", "protocol_port", "loadbalancer_id", "tenant_id", "project_id"])(
    "refuses an update of %s, fixed at creation",
    async (field) => {
      const made = await created("otc", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
      const body = { listener: { [field]: made[field] ?? emu.seed.projectId } };
      expectNeutron(
        await v2("otc", "PUT", `listeners/${String(made.id)}`, body),
        400,
        "HTTPBadRequest",
        `Cannot update read-only attribute ${field}`,
      );
      expectElb(
        await v2("huawei", "PUT", `listeners/${String(made.id)}`, body),
        400,
        "ELB.6015",
        "The listener property cannot be updated.",
      );
    },
  );

  it("refuses clearing a TERMINATED_HTTPS listener's server certificate with ELB.9899", async () => {
    const made = await created("otc", {
      protocol_port: port(),
      protocol: "TERMINATED_HTTPS",
      loadbalancer_id: lb(),
      default_tls_container_ref: shared().certificateId,
    });
    const message =
      "The default_tls_container_ref field of the TERMINATED_HTTPS listener does not allow updating to null";
    const body = { listener: { default_tls_container_ref: null } };
    expectNeutron(await v2("otc", "PUT", `listeners/${String(made.id)}`, body), 400, "HTTPBadRequest", message);
    expectElb(await v2("huawei", "PUT", `listeners/${String(made.id)}`, body), 400, "ELB.9899", message);
  });

  it("refuses update values with the update codes (ELB.6025, ELB.6035, ELB.6045)", async () => {
    const made = await created("huawei", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
    const put = (listener: Record<string, unknown>) =>
      v2("huawei", "PUT", `listeners/${String(made.id)}`, { listener });
    expectElb(
      await put({ name: "n".repeat(256) }),
      400,
      "ELB.6025",
      "Invalid update request parameters. The listener name is too long.",
    );
    expectElb(await put({ name: 1 }), 400, "ELB.6035", "Invalid update request parameters. Invalid listener name.");
    expectElb(
      await put({ description: "d".repeat(256) }),
      400,
      "ELB.6045",
      "Invalid update request parameters. The listener description is too long.",
    );
    expectElb(
      await v2("huawei", "PUT", `listeners/${String(made.id)}`, {}),
      400,
      "ELB.0002",
      "Listener is null, request is invalid.",
    );
  });

  it("refuses deleting a listener that still has a default pool, and deletes it once the pool is detached", async () => {
    const pool = "b7e53dbd-62ab-4505-a280-5c066078a5c9";
    const made = await created("otc", {
      protocol_port: port(),
      protocol: "TCP",
      loadbalancer_id: lb(),
      default_pool_id: pool,
    });
    const id = String(made.id);
    expect(made.default_pool_id).toBe(pool);
    expectNeutron(
      await v2("otc", "DELETE", `listeners/${id}`),
      409,
      "EntityInUse",
      `Pool ${pool} is using this listener`,
    );
    expectElb(await v2("huawei", "DELETE", `listeners/${id}`), 409, "ELB.8907", `Pool ${pool} is using this listener`);
    const detached = await v2("otc", "PUT", `listeners/${id}`, { listener: { default_pool_id: null } });
    expect(detached.body).toMatchObject({ listener: { default_pool_id: null } });
    const r = await v2("huawei", "DELETE", `listeners/${id}`);
    expect({ status: r.status, body: r.body }).toEqual({ status: 204, body: undefined });
    expect((await v2("otc", "GET", `listeners/${id}`)).status).toBe(404);
  });
});

describe("listing shared listeners", () => {
  let lbId: string;
  let ids: string[];
  beforeAll(async () => {
    lbId = freshLb("list-lb");
    ids = [];
    for (const [p, protocol] of [
      [80, "TCP"],
      [81, "HTTP"],
      [82, "UDP"],
    ] as const) {
      ids.push(String((await created("otc", { protocol_port: p, protocol, loadbalancer_id: lbId })).id));
    }
  });

  const listed = (r: Sent): unknown[] => (r.body as { listeners: { id: string }[] }).listeners.map((l) => l.id);

  it.each(FAMILIES)("filters by loadbalancer_id and protocol_port, ascending by id (%s)", async (family) => {
    expect(listed(await v2(family, "GET", `listeners?loadbalancer_id=${lbId}`))).toEqual(ids);
    expect(listed(await v2(family, "GET", `listeners?loadbalancer_id=${lbId}&protocol_port=81`))).toEqual([ids[1]]);
    expect(listed(await v2(family, "GET", `listeners?loadbalancer_id=${lbId}&protocol=TCP&protocol=UDP`))).toEqual([
      ids[0],
      ids[2],
    ]);
  });

  it("answers listeners_links on an OTC page as Neutron builds them, and an empty last page", async () => {
    const first = await v2("otc", "GET", `listeners?loadbalancer_id=${lbId}&limit=2`);
    const self = `${emu.endpoint}/v2.0/lbaas/listeners`;
    expect(first.body).toEqual({
      listeners: [expect.objectContaining({ id: ids[0] }), expect.objectContaining({ id: ids[1] })],
      listeners_links: [
        { href: `${self}?loadbalancer_id=${lbId}&limit=2&marker=${ids[1]}`, rel: "next" },
        { href: `${self}?loadbalancer_id=${lbId}&limit=2&marker=${ids[0]}&page_reverse=True`, rel: "previous" },
      ],
    });
    const second = await v2("otc", "GET", `listeners?loadbalancer_id=${lbId}&limit=2&marker=${ids[1]}`);
    expect(listed(second)).toEqual([ids[2]]);
    expect((second.body as { listeners_links: { rel: string }[] }).listeners_links.map((l) => l.rel)).toEqual([
      "previous",
    ]);
    const reverse = await v2(
      "otc",
      "GET",
      `listeners?loadbalancer_id=${lbId}&limit=2&marker=${ids[2]}&page_reverse=true`,
    );
    expect(listed(reverse)).toEqual([ids[0], ids[1]]);
    const exact = await v2("otc", "GET", `listeners?loadbalancer_id=${lbId}&limit=3`);
    const next = (exact.body as { listeners_links: { href: string; rel: string }[] }).listeners_links[0];
    expect(next.rel).toBe("next");
    const last = await call(emu, "GET", next.href.slice(emu.endpoint.length), undefined, {
      "X-Project-Id": emu.seed.projectId,
    });
    expect(listed(last)).toEqual([]);
  });

  it("answers no links on the Huawei route, and no links without a limit", async () => {
    expect(Object.keys((await v2("huawei", "GET", `listeners?loadbalancer_id=${lbId}&limit=1`)).body!)).toEqual([
      "listeners",
    ]);
    expect(Object.keys((await v2("otc", "GET", `listeners?loadbalancer_id=${lbId}`)).body!)).toEqual(["listeners"]);
  });

  it("sorts by sort_key and sort_dir, and refuses unmatched counts", async () => {
    const r = await v2("otc", "GET", `listeners?loadbalancer_id=${lbId}&sort_key=protocol_port&sort_dir=desc`);
    expect(listed(r)).toEqual([ids[2], ids[1], ids[0]]);
    expectNeutron(
      await v2("otc", "GET", `listeners?sort_key=name&sort_key=id&sort_dir=asc`),
      400,
      "HTTPBadRequest",
      "Invalid input for sort_dir. Reason: the number of sort_keys and sort_dirs must be same.",
    );
  });

  it("pages from a marker the filter leaves out, and refuses an unknown marker", async () => {
    const r = await v2("huawei", "GET", `listeners?loadbalancer_id=${lbId}&protocol=TCP&protocol=UDP&marker=${ids[1]}`);
    expect(listed(r)).toEqual([ids[2]]);
    expectElb(
      await v2("huawei", "GET", "listeners?marker=nope"),
      400,
      "ELB.9899",
      "Invalid input for marker. Reason: 'nope' is not a listener.",
    );
  });

  it("finds the listeners using a certificate with tls_container_id", async () => {
    const made = await created("otc", {
      protocol_port: port(),
      protocol: "TERMINATED_HTTPS",
      loadbalancer_id: lbId,
      default_tls_container_ref: shared().sniCertificateId,
    });
    expect(
      listed(await v2("otc", "GET", `listeners?loadbalancer_id=${lbId}&tls_container_id=${shared().sniCertificateId}`)),
    ).toEqual([made.id]);
  });
});

describe("the v3 routes on shared listeners", () => {
  const v3 = (rest: string): string => `/v3/${emu.seed.projectId}/elb/${rest}`;

  it("shows a shared listener on the v3 GET with TERMINATED_HTTPS kept, Z timestamps and the v3-only settings", async () => {
    const made = await created("otc", {
      protocol_port: port(),
      protocol: "TERMINATED_HTTPS",
      loadbalancer_id: lb(),
      default_tls_container_ref: shared().certificateId,
    });
    const r = await call(emu, "GET", v3(`listeners/${String(made.id)}`));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      listener: {
        id: made.id,
        protocol: "TERMINATED_HTTPS",
        loadbalancers: [{ id: lb() }],
        project_id: emu.seed.projectId,
        transparent_client_ip_enable: true,
        enable_member_retry: true,
        ipgroup: null,
        created_at: `${String(made.created_at)}Z`,
      },
      request_id: r.headers["x-request-id"],
    });
  });

  it("sets transparent_client_ip_enable and an IP group on a shared TCP listener through the v3 PUT", async () => {
    const made = await created("huawei", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
    const id = String(made.id);
    const before = await call(emu, "GET", v3(`listeners/${id}`));
    expect(before.body).toMatchObject({ listener: { transparent_client_ip_enable: false } });
    expect("enable_member_retry" in (before.body as { listener: object }).listener).toBe(false);
    const r = await call(emu, "PUT", v3(`listeners/${id}`), {
      listener: { transparent_client_ip_enable: true, ipgroup: { ipgroup_id: emu.seed.ipGroupId }, name: "via-v3" },
    });
    expect(r.body).toMatchObject({
      listener: {
        transparent_client_ip_enable: true,
        ipgroup: { ipgroup_id: emu.seed.ipGroupId, enable_ipgroup: true, type: "white" },
        name: "via-v3",
      },
    });
    expect((await v2("otc", "GET", `listeners/${id}`)).body).toMatchObject({ listener: { name: "via-v3" } });
    const detached = await call(emu, "PUT", v3(`listeners/${id}`), { listener: { ipgroup: {} } });
    expect(detached.body).toMatchObject({ listener: { ipgroup: null } });
    expect(emu.calls.get("PUT /v3/listeners/{id}")).toBe(2);
  });

  it("refuses on the v3 PUT what a shared listener cannot take, in the v3 body", async () => {
    const tcp = String((await created("otc", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() })).id);
    const http = String((await created("otc", { protocol_port: port(), protocol: "HTTP", loadbalancer_id: lb() })).id);
    const put = (id: string, listener: Record<string, unknown>) =>
      call(emu, "PUT", v3(`listeners/${id}`), { listener });
    expectElb(
      await put(tcp, { enhance_l7policy_enable: true }),
      400,
      "ELB.8902",
      "Listener v2 does not supported attribute enhance_l7policy_enable",
    );
    expectElb(
      await put(http, { transparent_client_ip_enable: false }),
      400,
      "ELB.8902",
      "Invalid input for 'transparent_client_ip_enable'.",
    );
    expectElb(
      await put(tcp, { enable_member_retry: false }),
      400,
      "ELB.8901",
      "Only [ HTTP, HTTPS ] listeners support 'client_timeout', 'member_timeout' and 'enable_member_retry' attribute ",
    );
    expectElb(
      await put(tcp, { ipgroup: { ipgroup_id: "e3b000000000000000000000000000ff" } }),
      404,
      "ELB.8904",
      "ipgroup e3b000000000000000000000000000ff could not be found.",
    );
    expectElb(await put(tcp, { protocol_port: 1 }), 400, "ELB.6015", "The listener property cannot be updated.");
  });
});

describe("the v2 routes behind the gateway and the fault plan", () => {
  it("takes the OTC route's project from X-Project-Id and refuses another project with 403 APIGW.0302", async () => {
    const r = await call(emu, "GET", "/v2.0/lbaas/listeners", undefined, { "X-Project-Id": "another" });
    expect([r.status, (r.body as { error_code: string }).error_code]).toEqual([403, "APIGW.0302"]);
    const other = await call(emu, "GET", "/v2/another/elb/listeners");
    expect([other.status, (other.body as { error_code: string }).error_code]).toEqual([403, "APIGW.0302"]);
  });

  it("serves the OTC route to a token, whose project is the emulator's", async () => {
    const r = await send(emu, "GET", `/v2.0/lbaas/loadbalancers/${lb()}`, { "X-Auth-Token": "token-abc" });
    expect(r.status).toBe(200);
  });

  it("refuses an unsigned request with 401 APIGW.0301", async () => {
    const r = await send(emu, "GET", "/v2.0/lbaas/listeners", {});
    expect([r.status, (r.body as { error_code: string }).error_code]).toEqual([401, "APIGW.0301"]);
  });

  it("counts calls by route name and answers an injected error in the family's form", async () => {
    emu.faults.add({ target: "POST /v2.0/lbaas/listeners", kind: "error", code: "StateInvalid", first: 1 });
    emu.faults.add({ target: "POST /v2/listeners", kind: "error", code: "ELB.8907", message: "busy", first: 1 });
    const otc = await create("otc", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
    expectNeutron(otc, 409, "StateInvalid", "Injected service fault");
    const hw = await create("huawei", { protocol_port: port(), protocol: "TCP", loadbalancer_id: lb() });
    expectElb(hw, 409, "ELB.8907", "busy");
    expect([emu.calls.get("POST /v2.0/lbaas/listeners"), emu.calls.get("POST /v2/listeners")]).toEqual([1, 1]);
  });

  it("answers an injected error without a code as the family's 500", async () => {
    emu.faults.add({ target: "GET /v2.0/lbaas/loadbalancers/{id}", kind: "error", first: 1 });
    expectNeutron(
      await v2("otc", "GET", `loadbalancers/${lb()}`),
      500,
      "HTTPInternalServerError",
      "Request Failed: internal server error while processing your request.",
    );
  });

  it("applies a create whose answer a drop-response fault loses", async () => {
    emu.faults.add({ target: "POST /v2/listeners", kind: "drop-response", first: 1 });
    const p = port();
    await expect(create("huawei", { protocol_port: p, protocol: "TCP", loadbalancer_id: lb() })).rejects.toThrow();
    const r = await v2("huawei", "GET", `listeners?loadbalancer_id=${lb()}&protocol_port=${p}`);
    expect((r.body as { listeners: unknown[] }).listeners).toHaveLength(1);
  });

  it("throttles the v2 routes with the gateway's 429 APIGW.0308", async () => {
    emu.router.setRequestsPerSecond(1);
    try {
      await v2("otc", "GET", `loadbalancers/${lb()}`);
      const r = await v2("huawei", "GET", `loadbalancers/${lb()}`);
      expect([r.status, (r.body as { error_code: string }).error_code]).toEqual([429, "APIGW.0308"]);
    } finally {
      emu.router.setRequestsPerSecond(0);
    }
  });

  it("refuses a signature made with another secret with 401 APIGW.0301", async () => {
    const signed = await call(emu, "GET", `/v2.0/lbaas/loadbalancers/${lb()}`);
    expect(signed.status).toBe(200);
    const forged = await send(emu, "GET", `/v2.0/lbaas/loadbalancers/${lb()}`, {
      Authorization: `SDK-HMAC-SHA256 Access=${emu.accessKey}, SignedHeaders=host;x-sdk-date, Signature=${"0".repeat(64)}`,
      "X-Sdk-Date": "20260101T000000Z",
    });
    expect([forged.status, (forged.body as { error_code: string }).error_code]).toEqual([401, "APIGW.0301"]);
  });

  it("delays v2 answers by the configured latency", async () => {
    emu.router.setLatency(50);
    try {
      const started = Date.now();
      await v2("otc", "GET", `loadbalancers/${lb()}`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    } finally {
      emu.router.setLatency(0);
    }
  });

  it("answers a route the v2 API lacks with the gateway's 404 APIGW.0101", async () => {
    const r = await call(emu, "GET", "/v2.0/lbaas/pools");
    expect([r.status, (r.body as { error_code: string }).error_code]).toEqual([404, "APIGW.0101"]);
  });
});
