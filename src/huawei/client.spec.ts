/**
 * The client on the wire: translation of spellings, ApiError facts from both error bodies, network failures, and no
 * secret or Authorization header in any error.
 */
import { inspect } from "node:util";
import { ApiError } from "../core/errors";
import { startHuaweiEmulator, type HuaweiEmulator } from "../emulator/huawei";
import { ElbClient } from "./client";
import { fromWire, toWireBody } from "./wire";
import { apiFailure as failure, clientFor } from "./testing";

const SECRET = "S3CR3T-distinctive-secret-value";
let emu: HuaweiEmulator;
let client: ElbClient;

beforeAll(async () => {
  emu = await startHuaweiEmulator({ secretKey: SECRET, lockMs: 0, pendingCreateReads: 0 });
  client = clientFor(emu, 300);
});
afterAll(() => emu.close());
beforeEach(() => emu.faults.clear());

describe("toWireBody and fromWire", () => {
  it("sends sslProtocols in the services' spelling and certificates as a list", () => {
    expect(
      toWireBody({ sslProtocols: "TLS 1.2 TLS 1.1 TLS 1.0", certificates: ["a", "b"], port: 443, region: "eu-de" }, [
        "sslProtocols",
        "certificates",
        "port",
        "region",
      ]),
    ).toEqual({ ssl_protocols: "TLSv1.2 TLSv1.1 TLSv1", certificates: ["a", "b"], port: 443 });
  });
  it("reads the services' spelling back, and a comma-separated certificates string as a list", () => {
    expect(fromWire({ id: "x", ssl_protocols: "TLSv1.2", certificates: "a,b", cookie_timeout: null })).toEqual({
      sslProtocols: "TLS 1.2",
      certificates: ["a", "b"],
    });
  });
});

describe("ElbClient errors", () => {
  it("builds an ApiError from the service body with the request id header", async () => {
    const error = await failure(() => client.getListener("0123456789abcdef"));
    expect(error.message).toBe(
      "Huawei Cloud ELB GET /v1.0/{project_id}/elbaas/listeners/{listener_id} failed: ELB.6002 (HTTP 404): " +
        `Delete listener failed, listener does not exist. [request id ${error.requestId}]`,
    );
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("builds an ApiError from the gateway body", async () => {
    emu.faults.add({ target: "GET /loadbalancers/{id}", kind: "error", code: "APIGW.0308", first: 1 });
    const error = await failure(() => client.getLoadBalancer(emu.seed.loadBalancers.public));
    expect([error.code, error.status, error.apiMessage]).toEqual(["APIGW.0308", 429, "Injected gateway fault"]);
  });

  it("reports a non-JSON answer from a proxy", async () => {
    emu.faults.add({ target: "GET /loadbalancers/{id}", kind: "html502", first: 1 });
    const error = await failure(() => client.getLoadBalancer(emu.seed.loadBalancers.public));
    expect([error.code, error.status, error.apiMessage]).toEqual(["NON_JSON_RESPONSE", 502, "the answer is not JSON"]);
  });

  it("reports a timeout without any detail of the request", async () => {
    emu.faults.add({ target: "GET /loadbalancers/{id}", kind: "stall", stallMs: 2000, first: 1 });
    const error = await failure(() => client.getLoadBalancer(emu.seed.loadBalancers.public));
    expect(error.message).toBe(
      "Huawei Cloud ELB GET /v1.0/{project_id}/elbaas/loadbalancers/{loadbalancer_id} failed: ETIMEDOUT: " +
        "no answer within 0.3 s",
    );
  });

  it("reports a refused connection", async () => {
    const closed = new ElbClient({
      baseUrl: "http://127.0.0.1:1",
      region: "eu-de",
      projectId: "p",
      credentials: { kind: "aksk", accessKey: "AK", secretKey: SECRET },
      requestTimeoutMs: 300,
    });
    const error = await failure(() => closed.getLoadBalancer("x"));
    expect(error.code).toBe("ECONNREFUSED");
  });

  it("keeps the secret key, the signature and the Authorization header out of every error", async () => {
    const errors: ApiError[] = [];
    errors.push(await failure(() => client.getListener("0123456789abcdef")));
    emu.faults.add({ target: "GET /loadbalancers/{id}", kind: "reset", first: 1 });
    errors.push(await failure(() => client.getLoadBalancer(emu.seed.loadBalancers.public)));
    emu.faults.add({
      target: "GET /loadbalancers/{id}",
      kind: "error",
      code: "ELB.1001",
      message: `echo ${SECRET}`,
      first: 1,
    });
    errors.push(await failure(() => client.getLoadBalancer(emu.seed.loadBalancers.public)));
    for (const error of errors) {
      const everything = `${error.message} ${error.stack} ${JSON.stringify(error)} ${inspect(error, { depth: 9 })}`;
      expect(everything).not.toContain(SECRET);
      expect(everything).not.toMatch(/Signature=|SDK-HMAC-SHA256|Authorization/i);
    }
    expect(errors[2].apiMessage).toBe("echo ***");
  });

  it("keeps the secret out of the client's JSON and inspection", () => {
    expect(JSON.stringify(client)).not.toContain(SECRET);
    expect(inspect(client, { depth: 9 })).not.toContain(SECRET);
  });

  it("authenticates with an IAM token in X-Auth-Token", async () => {
    const tokenEmu = await startHuaweiEmulator({ tokens: ["tok"] });
    try {
      const tokenClient = new ElbClient({
        baseUrl: tokenEmu.endpoint,
        region: "eu-de",
        projectId: tokenEmu.seed.projectId,
        credentials: { kind: "token", token: "tok" },
        requestTimeoutMs: 300,
      });
      expect((await tokenClient.getLoadBalancer(tokenEmu.seed.loadBalancers.public)).type).toBe("External");
    } finally {
      await tokenEmu.close();
    }
  });
});
