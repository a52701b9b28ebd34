/**
 * Documented shared ELB v2 answers (documented.fixture.ts, ../fixtures/elbV2/) replayed through the client, the
 * reader and the provider: an axios instance whose adapter answers with the documented body stands in for the
 * service, so the reader meets every documented shape (`loadbalancers: [{id}]`, nulls, `""`, a policy under the key
 * `""`, timestamps without `Z`, no `project_id`, SNI in another order, a body that is not JSON) and the inputs it
 * gives pass check on both clouds.
 */
import { ApiError } from "../../core/errors";
import { ElbV2Client, type V2Api } from "../client";
import type { Target } from "../config";
import type { V2RouteFamily } from "../constants";
import { classify } from "../errors";
import showV3 from "../fixtures/elbV3/show.json";
import {
  CREATE_RESPONSES,
  LIST_RESPONSES,
  LOAD_BALANCER_RESPONSE,
  NEUTRON_NOT_FOUND,
  SHOW_RESPONSE,
  TAGS_RESPONSE,
  UPDATE_RESPONSE,
  withoutDanglingComma,
  type DocumentedAnswer,
} from "./documented.fixture";
import { ElbV2ListenerProvider } from "./provider";
import type { Cloud } from "../listener/codecs";
import { checkInputs } from "./schema";
import { fromWire } from "./wire";
import { stubTransport } from "../testing";

const ENV = {
  HW_ACCESS_KEY: "DOCUMENTEDACCESSKEY0",
  HW_SECRET_KEY: "documentedSecretKey0000000000000000000000",
  HW_REGION_NAME: "eu-de",
  HW_PROJECT_ID: "601240b9c5c94059b63d484c92cfe308",
  HW_RETRY_BUDGET_SECONDS: "1",
};

type Answer = (method: string, path: string) => DocumentedAnswer;

function client(answer: Answer, family: V2RouteFamily = "otc"): ElbV2Client {
  const target: Target = {
    baseUrl: "https://elb.eu-de.otc.t-systems.com",
    region: "eu-de",
    projectId: ENV.HW_PROJECT_ID,
    credentials: { kind: "aksk", accessKey: ENV.HW_ACCESS_KEY, secretKey: ENV.HW_SECRET_KEY },
    requestTimeoutMs: 1000,
  };
  return new ElbV2Client(target, family, { transport: stubTransport(answer) });
}

function provider(answer: Answer): ElbV2ListenerProvider {
  return new ElbV2ListenerProvider({
    env: ENV,
    retry: { baseDelayMs: 1, sleep: async () => undefined },
    clientFor: (target): V2Api => new ElbV2Client(target, "otc", { transport: stubTransport(answer) }),
  });
}

const V3_SHOW: DocumentedAnswer = { status: 200, body: JSON.stringify(showV3.response), source: showV3.source };

/** routed answers a listener GET with `listener`, the tag list and the v3 GET with their documented bodies. */
const routed =
  (listener: DocumentedAnswer): Answer =>
  (method, path) => {
    if (path.endsWith("/tags")) return TAGS_RESPONSE;
    if (path.startsWith("/v3/")) return V3_SHOW;
    return listener;
  };

const LISTENER_ANSWERS: readonly [string, DocumentedAnswer][] = [
  ...CREATE_RESPONSES.map((a, i): [string, DocumentedAnswer] => [`create example response ${i + 1}`, a]),
  ["update example response", UPDATE_RESPONSE],
  ["details example response", SHOW_RESPONSE],
];

const LIST_ENTRIES: readonly [string, Record<string, unknown> & { id: string }][] = [
  ...LIST_RESPONSES.flatMap((a, n) =>
    (
      JSON.parse(withoutDanglingComma(a.body)) as { listeners: (Record<string, unknown> & { id: string })[] }
    ).listeners.map((l, i): [string, Record<string, unknown> & { id: string }] => [
      `list example ${n + 1} entry ${i + 1}`,
      l,
    ]),
  ),
];

const CLOUDS: readonly [Cloud, V2RouteFamily][] = [
  ["opentelekomcloud", "otc"],
  ["huaweicloud", "huawei"],
];

describe("the documented shared ELB v2 answers", () => {
  it("name their source page", () => {
    for (const a of [...CREATE_RESPONSES, UPDATE_RESPONSE, SHOW_RESPONSE, ...LIST_RESPONSES, TAGS_RESPONSE]) {
      expect(a.source).toMatch(/^opentelekomcloud-docs\/elastic-load-balancing@15a87b5 api-ref\/source\/apis_v2\.0\//);
    }
  });

  describe.each(LISTENER_ANSWERS)("%s", (_name, answer) => {
    it.each(CLOUDS)("is read by the client into inputs that pass check on %s", async (cloud, family) => {
      const listener = await client(() => answer, family).getListener("b2cfda5b-52fe-4320-8845-34e8d4dac2c7");
      const inputs = fromWire(listener, family);
      expect(checkInputs(inputs, { cloud }).failures).toEqual([]);
    });
  });

  describe.each(LIST_ENTRIES)("%s", (_name, listener) => {
    it.each(CLOUDS)("is read into inputs that pass check on %s", (cloud, family) => {
      expect(checkInputs(fromWire(listener, family), { cloud }).failures).toEqual([]);
    });
  });

  it("reads the TCP example: the load balancer from loadbalancers, no TLS setting, the empty description", () => {
    expect(fromWire(JSON.parse(CREATE_RESPONSES[0].body).listener, "otc")).toEqual({
      loadbalancerId: "0416b6f1-877f-4a51-987e-978b3f084253",
      protocol: "TCP",
      protocolPort: 80,
      name: "listener-test",
      description: "",
      connectionLimit: -1,
      adminStateUp: true,
    });
  });

  it('reads the SNI example: the policy under the key "", the certificates as answered', () => {
    expect(fromWire(JSON.parse(CREATE_RESPONSES[2].body).listener, "otc")).toMatchObject({
      protocol: "TERMINATED_HTTPS",
      protocolPort: 27,
      loadbalancerId: "6bb85e33-4953-457a-85a9-336d76125b7b",
      defaultTlsContainerRef: "02dcd56799e045bf8b131533cc911dd6",
      sniContainerRefs: ["5882325fd6dd4b95a88d33238d293a0f", "e15d1b5000474adca383c3cd9ddc06d4"],
      tlsCiphersPolicy: "tls-1-0",
      http2Enable: false,
    });
  });

  it("answers list example 1 (a dangling comma) as an answer that is not JSON, which is retried", async () => {
    const error = await client(() => LIST_RESPONSES[0])
      .listListeners("bc7ba445-035a-4464-a1a3-a62cf4a14116", 80)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("NON_JSON_RESPONSE");
    expect(classify(error)).toBe("retry");
  });

  it("filters list example 2 by load balancer and port again on the client", async () => {
    const api = client(() => LIST_RESPONSES[1]);
    expect((await api.listListeners("c1127125-64a9-4394-a08a-ef3be8f7ef9c", 64809)).map((l) => l.id)).toEqual([
      "5c63d176-444f-4c75-9cfe-bcb8a05a845c",
    ]);
    expect(await api.listListeners("c1127125-64a9-4394-a08a-ef3be8f7ef9c", 80)).toEqual([]);
  });

  it("reads the tag example into key and value pairs", async () => {
    expect(await client(() => TAGS_RESPONSE).listTags("7add33ad-11dc-4ab9-a50f-419703f13163")).toEqual([
      { key: "key1", value: "value1" },
      { key: "key2", value: "value2" },
    ]);
  });

  it("reads the load balancer example's provisioning status", async () => {
    const lb = await client(() => LOAD_BALANCER_RESPONSE).getLoadBalancer("3d77894d-2ffe-4411-ac0a-0d57689779b8");
    expect(lb.provisioning_status).toBe("ACTIVE");
  });

  it("classifies the NeutronError 404 as the service's own not-found (gone)", async () => {
    const error = await client(() => NEUTRON_NOT_FOUND)
      .getListener("09e64049-2ab0-4763-a8c5-f4207875dc3e")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(
      "Huawei Cloud ELB GET /v2.0/lbaas/listeners/{listener_id} failed: HTTPNotFound (HTTP 404): The resource could " +
        "not be found.",
    );
    expect(classify(error)).toBe("gone");
  });

  it("keeps a gateway's or a proxy's 404 out of gone", async () => {
    const html: DocumentedAnswer = { status: 404, body: "<html>Not Found</html>", source: "a proxy" };
    const gateway: DocumentedAnswer = {
      status: 404,
      body: JSON.stringify({ error_code: "APIGW.0101", error_msg: "The API does not exist or has not been published" }),
      source: "the API gateway",
    };
    for (const answer of [html, gateway]) {
      const error = await client(() => answer)
        .getListener("09e64049-2ab0-4763-a8c5-f4207875dc3e")
        .catch((e: unknown) => e);
      expect(classify(error)).toBe("fatal");
      expect((error as ApiError).apiMessage).toContain("the shared ELB API (v2) may not be offered in this region");
    }
  });
});

describe("get() of a documented listener", () => {
  it("reads the details example, its tags and the v3 pass-through into inputs its own check accepts", async () => {
    const p = provider(routed(SHOW_RESPONSE));
    const read = await p.read("09e64049-2ab0-4763-a8c5-f4207875dc3e");
    expect(read.inputs).toEqual({
      loadbalancerId: "3d77894d-2ffe-4411-ac0a-0d57689779b8",
      protocol: "TCP",
      protocolPort: 8000,
      name: "listener-2",
      description: "",
      connectionLimit: -1,
      adminStateUp: true,
      defaultPoolId: "b7e53dbd-62ab-4505-a280-5c066078a5c9",
      tags: { key1: "value1", key2: "value2" },
      transparentClientIpEnable: false,
    });
    expect(read.props).toMatchObject({ createdAt: "2018-07-25T01:54:13Z", updatedAt: "2018-07-25T01:54:14Z" });
    const checked = await p.check({} as never, read.inputs!);
    expect(checked.failures).toBeUndefined();
  });

  it("drops a listener the NeutronError 404 says is gone", async () => {
    const read = await provider(() => NEUTRON_NOT_FOUND).read("09e64049-2ab0-4763-a8c5-f4207875dc3e");
    expect(read).toEqual({ id: "" });
  });

  it("keeps the SNI order of the state when the answer reorders the certificates", async () => {
    const sent = ["e15d1b5000474adca383c3cd9ddc06d4", "5882325fd6dd4b95a88d33238d293a0f"];
    const stored = {
      loadbalancerId: "6bb85e33-4953-457a-85a9-336d76125b7b",
      protocol: "TERMINATED_HTTPS" as const,
      protocolPort: 27,
      name: "listener-test",
      defaultTlsContainerRef: "02dcd56799e045bf8b131533cc911dd6",
      sniContainerRefs: sent,
      resolvedRegion: "eu-de",
      resolvedProjectId: ENV.HW_PROJECT_ID,
    };
    const read = await provider(routed(CREATE_RESPONSES[2])).read("b2cfda5b-52fe-4320-8845-34e8d4dac2c7", stored);
    expect(read.inputs?.sniContainerRefs).toEqual(sent);
    const diff = await provider(routed(CREATE_RESPONSES[2])).diff("b2cfda5b", stored, read.inputs!);
    expect(diff.changes).toBe(false);
  });
});
