/**
 * The emulated API gateway against real signers: requests signed by the official @huaweicloud/huaweicloud-sdk-core
 * AKSKSigner are accepted, tampered or stale ones get the gateway's real error body and status.
 */
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import axios from "axios";
import { startHuaweiEmulator, type HuaweiEmulator } from "./index";
import { formatSdkDate } from "./signature";

let emu: HuaweiEmulator;
beforeAll(async () => {
  emu = await startHuaweiEmulator({ tokens: ["token-abc"], lockMs: 0, pendingCreateReads: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.resetCalls());

interface Sent {
  status: number;
  body: unknown;
  headers: Record<string, unknown>;
}

function officialHeaders(method: string, url: URL, data: unknown, date = new Date()): Record<string, string> {
  const queryParams: Record<string, string> = {};
  for (const [k, v] of url.searchParams) queryParams[k] = v;
  return AKSKSigner.sign(
    {
      method,
      endpoint: `${url.origin}${url.pathname}`,
      queryParams,
      headers: { "Content-Type": "application/json", "X-Sdk-Date": formatSdkDate(date) },
      data,
    },
    { getAk: () => emu.accessKey, getSk: () => emu.secretKey } as never,
  ) as Record<string, string>;
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

const base = () => `/v1.0/${emu.seed.projectId}/elbaas`;

describe("emulated gateway with the official signer", () => {
  it("accepts a signed GET of a load balancer and reports its type", async () => {
    const url = new URL(`${emu.endpoint}${base()}/loadbalancers/${emu.seed.loadBalancers.private}`);
    const r = await send("GET", url.pathname, officialHeaders("GET", url, undefined));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: emu.seed.loadBalancers.private, type: "Internal" });
  });

  it("accepts a signed POST that creates a listener", async () => {
    const url = new URL(`${emu.endpoint}${base()}/listeners`);
    const data = {
      name: "official",
      loadbalancer_id: emu.seed.loadBalancers.public,
      protocol: "TCP",
      port: 7001,
      backend_protocol: "TCP",
      backend_port: 7001,
      lb_algorithm: "roundrobin",
    };
    const r = await send("POST", url.pathname, officialHeaders("POST", url, data), JSON.stringify(data));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: "official", status: "ACTIVE", port: 7001 });
    expect(emu.calls.get("POST /listeners")).toBe(1);
  });

  it("accepts a signed list query with the load balancer filter", async () => {
    const url = new URL(`${emu.endpoint}${base()}/listeners?loadbalancer_id=${emu.seed.loadBalancers.public}`);
    const r = await send("GET", url.pathname + url.search, officialHeaders("GET", url, undefined));
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body)).toBe(true);
  });

  it("accepts a signed query whose parameter is named __proto__", async () => {
    // The name is an own key of the signer's map (JSON.parse), as it is of the gateway's; a plain object used to
    // make the emulator throw instead of answering.
    const url = new URL(`${emu.endpoint}${base()}/listeners?__proto__=1`);
    const queryParams = JSON.parse('{"__proto__":"1"}') as Record<string, string>;
    const headers = AKSKSigner.sign(
      {
        method: "GET",
        endpoint: `${url.origin}${url.pathname}`,
        queryParams,
        headers: { "Content-Type": "application/json", "X-Sdk-Date": formatSdkDate(new Date()) },
        data: undefined,
      },
      { getAk: () => emu.accessKey, getSk: () => emu.secretKey } as never,
    ) as Record<string, string>;
    const r = await send("GET", url.pathname + url.search, headers);
    expect(r.status).toBe(200);
  });

  it("rejects a tampered signature with APIGW.0301 and 401", async () => {
    const url = new URL(`${emu.endpoint}${base()}/loadbalancers/${emu.seed.loadBalancers.public}`);
    const headers = officialHeaders("GET", url, undefined);
    headers.Authorization = headers.Authorization.replace(
      /Signature=(.)/,
      (_m, c: string) => `Signature=${c === "0" ? "1" : "0"}`,
    );
    const r = await send("GET", url.pathname, headers);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({
      error_msg: "Incorrect IAM authentication information: verify aksk signature fail",
      error_code: "APIGW.0301",
      request_id: r.headers["x-request-id"],
    });
  });

  it("rejects a body changed after signing", async () => {
    const url = new URL(`${emu.endpoint}${base()}/listeners`);
    const data = { name: "a" };
    const r = await send("POST", url.pathname, officialHeaders("POST", url, data), JSON.stringify({ name: "b" }));
    expect(r.status).toBe(401);
    expect((r.body as { error_code: string }).error_code).toBe("APIGW.0301");
    expect(emu.state.listenersOf().some((l) => l.fields.name === "b")).toBe(false);
  });

  it("rejects a signature made more than 15 minutes ago", async () => {
    const url = new URL(`${emu.endpoint}${base()}/loadbalancers/${emu.seed.loadBalancers.public}`);
    const r = await send(
      "GET",
      url.pathname,
      officialHeaders("GET", url, undefined, new Date(Date.now() - 16 * 60_000)),
    );
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({
      error_code: "APIGW.0301",
      error_msg:
        "Incorrect IAM authentication information: x-sdk-date is missing or more than 15 minutes from the server time",
    });
  });

  it("rejects an unknown access key", async () => {
    const url = new URL(`${emu.endpoint}${base()}/loadbalancers/${emu.seed.loadBalancers.public}`);
    const headers = officialHeaders("GET", url, undefined);
    headers.Authorization = headers.Authorization.replace(`Access=${emu.accessKey}`, "Access=OTHERKEY");
    const r = await send("GET", url.pathname, headers);
    expect(r.status).toBe(401);
    expect((r.body as { error_msg: string }).error_msg).toContain("ak not exist");
  });

  it("accepts a configured token and rejects another", async () => {
    const path = `${base()}/loadbalancers/${emu.seed.loadBalancers.public}`;
    expect((await send("GET", path, { "X-Auth-Token": "token-abc" })).status).toBe(200);
    const r = await send("GET", path, { "X-Auth-Token": "token-xyz" });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({
      error_code: "APIGW.0301",
      error_msg: "Incorrect IAM authentication information: decrypt token fail",
    });
  });

  it("rejects another project with APIGW.0302 and 403", async () => {
    const r = await send("GET", `/v1.0/otherproject/elbaas/listeners`, { "X-Auth-Token": "token-abc" });
    expect(r.status).toBe(403);
    expect((r.body as { error_code: string }).error_code).toBe("APIGW.0302");
  });

  it("answers an unknown path with APIGW.0101 and 404, and counts it", async () => {
    const r = await send("GET", "/v2/elb/listeners", { "X-Auth-Token": "token-abc" });
    expect(r.status).toBe(404);
    expect((r.body as { error_code: string }).error_code).toBe("APIGW.0101");
    expect(emu.calls.get("UNKNOWN GET")).toBe(1);
  });

  it("throttles above the request rate with APIGW.0308 and 429", async () => {
    emu.router.setRequestsPerSecond(1);
    try {
      const path = `${base()}/loadbalancers/${emu.seed.loadBalancers.public}`;
      await send("GET", path, { "X-Auth-Token": "token-abc" });
      const r = await send("GET", path, { "X-Auth-Token": "token-abc" });
      expect(r.status).toBe(429);
      expect((r.body as { error_code: string }).error_code).toBe("APIGW.0308");
    } finally {
      emu.router.setRequestsPerSecond(0);
    }
  });
});
