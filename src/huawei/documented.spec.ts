/**
 * Documented classic ELB answers (documented.fixture.ts, fixtures/*.json) replayed through the client and the
 * provider: an axios instance whose adapter answers with the documented body stands in for the service, so that the
 * reader and the classification meet the service's own wording: 0/1 booleans, settings a protocol ignores, nulls, an
 * empty list answered `{}`, and which answers mean gone.
 */
import { ApiError } from "../core/errors";
import { startHuaweiEmulator, type HuaweiEmulator } from "../emulator/huawei";
import { ElbClient } from "./client";
import { fromWire, type WireListener } from "./wire";
import type { Target } from "./config";
import {
  EMPTY_LIST_AS_OBJECT,
  GONE_ANSWERS,
  LISTENER_DETAILS,
  LISTENER_LIST,
  NOT_SERVED_ANSWERS,
  type DocumentedAnswer,
} from "./documented.fixture";
import { classify } from "./errors";
import { ElbListenerProvider, type ElbListenerOutputs } from "./provider";
import type { ElbListenerInputs } from "./schema";
import { clientFor, emulatorEnv, RETRY_BUDGET_SECONDS, stubTransport } from "./testing";

const ENDPOINT = "https://elb.eu-de.otc.t-systems.com";
const ENV = {
  HW_ACCESS_KEY: "DOCUMENTEDACCESSKEY0",
  HW_SECRET_KEY: "documentedSecretKey0000000000000000000000",
  HW_REGION_NAME: "eu-de",
  HW_PROJECT_ID: "0b07acf06d243925bc24a0ac7445267a",
  HW_ELB_ENDPOINT: ENDPOINT,
  // The stubbed sleep returns at once: without a short budget, an answer retried for ever would spin for minutes.
  HW_RETRY_BUDGET_SECONDS: RETRY_BUDGET_SECONDS,
};

function provider(answer: (method: string, path: string) => DocumentedAnswer): ElbListenerProvider {
  const transport = stubTransport(answer);
  return new ElbListenerProvider({
    env: ENV,
    retry: { baseDelayMs: 1, sleep: async () => undefined },
    clientFor: (target: Target) => new ElbClient(target, { transport }),
  });
}

function client(answer: (method: string, path: string) => DocumentedAnswer): ElbClient {
  return new ElbClient(
    {
      baseUrl: ENDPOINT,
      region: "eu-de",
      projectId: ENV.HW_PROJECT_ID,
      credentials: { kind: "aksk", accessKey: ENV.HW_ACCESS_KEY, secretKey: ENV.HW_SECRET_KEY },
      requestTimeoutMs: 1000,
    },
    { transport: stubTransport(answer) },
  );
}

/** DOCUMENTED_LISTENERS are every documented listener body: the two detail examples and the two list entries. */
const DOCUMENTED_LISTENERS: readonly [string, WireListener][] = [
  ...LISTENER_DETAILS.map((d, i): [string, WireListener] => [`detail example ${i + 1}`, JSON.parse(d.body)]),
  ...(JSON.parse(LISTENER_LIST.body) as WireListener[]).map((l, i): [string, WireListener] => [
    `list example entry ${i + 1} (${String(l.protocol)})`,
    l,
  ]),
];

/** programFor is what a user writes for a documented listener: its settings that apply to its protocol. */
function programFor(l: WireListener): ElbListenerInputs {
  const base = {
    name: String(l.name),
    description: String(l.description),
    loadbalancerId: String(l.loadbalancer_id),
    protocol: l.protocol as ElbListenerInputs["protocol"],
    port: Number(l.port),
    backendProtocol: l.backend_protocol as ElbListenerInputs["backendProtocol"],
    backendPort: Number(l.backend_port),
    lbAlgorithm: l.lb_algorithm as ElbListenerInputs["lbAlgorithm"],
    sessionSticky: true,
  };
  if (l.protocol === "TCP") {
    return {
      ...base,
      tcpDraining: true,
      tcpDrainingTimeout: 5,
      ...(typeof l.tcp_timeout === "number" ? { tcpTimeout: l.tcp_timeout } : {}),
    };
  }
  return { ...base, stickySessionType: "insert", cookieTimeout: 100 };
}

function answering(body: WireListener): DocumentedAnswer {
  return { status: 200, body: JSON.stringify(body), source: "documented listener" };
}

describe("documented classic ELB listener bodies", () => {
  it.each(DOCUMENTED_LISTENERS)(
    "%s: a refresh followed by a diff against the program shows no change",
    async (_name, body) => {
      const p = provider(() => answering(body));
      const news = (await p.check(programFor(body), programFor(body))).inputs as ElbListenerInputs;
      const stored = {
        ...news,
        status: "ACTIVE",
        resolvedRegion: "eu-de",
        resolvedProjectId: ENV.HW_PROJECT_ID,
      } as ElbListenerOutputs;
      const refreshed = await p.read(body.id, stored);
      expect(refreshed.id).toBe(body.id);
      const diff = await p.diff(body.id, refreshed.props as ElbListenerOutputs, news);
      expect(diff).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    },
  );

  it.each(DOCUMENTED_LISTENERS)(
    "%s: get() gives inputs that check accepts unchanged, and no diff against them",
    async (_name, body) => {
      const p = provider(() => answering(body));
      const got = await p.read(body.id);
      const inputs = got.inputs as ElbListenerInputs;
      const checked = await p.check(inputs, inputs);
      expect(checked.failures).toBeUndefined();
      expect(checked.inputs).toEqual(inputs);
      const diff = await p.diff(body.id, got.props as ElbListenerOutputs, checked.inputs as ElbListenerInputs);
      expect(diff.changes).toBe(false);
    },
  );

  it("reads tcp_draining, session_sticky and admin_state_up from 0/1 as from true/false", async () => {
    const body = JSON.parse(LISTENER_DETAILS[1].body) as WireListener;
    expect(fromWire(body)).toMatchObject({ tcpDraining: true, sessionSticky: true });
    expect(fromWire({ ...body, tcp_draining: 0, session_sticky: 0 })).toMatchObject({ sessionSticky: false });
    expect(fromWire({ ...body, tcp_draining: 0 }).tcpDraining).toBe(false);
    const p = provider(() => answering({ ...body, admin_state_up: 1 }));
    expect(((await p.read(body.id)).props as ElbListenerOutputs).adminStateUp).toBe(true);
  });

  it("leaves out the settings that do not apply to the protocol and the nulls", () => {
    const [tcp, http] = JSON.parse(LISTENER_LIST.body) as WireListener[];
    expect(fromWire(tcp)).toEqual({
      name: "lis",
      description: "",
      loadbalancerId: "f54c65b1b5dd4a4f95b71b44796ac013",
      protocol: "TCP",
      port: 9092,
      backendProtocol: "TCP",
      backendPort: 9090,
      lbAlgorithm: "roundrobin",
      sessionSticky: true,
      tcpTimeout: 1,
      tcpDraining: true,
      tcpDrainingTimeout: 5,
    });
    expect(fromWire(http)).toEqual({
      name: "lis",
      description: "",
      loadbalancerId: "f54c65b1b5dd4a4f95b71b44796ac013",
      protocol: "HTTP",
      port: 9091,
      backendProtocol: "HTTP",
      backendPort: 9090,
      lbAlgorithm: "roundrobin",
      sessionSticky: true,
      stickySessionType: "insert",
      cookieTimeout: 100,
    });
  });
});

describe("an empty listener list answered {}", () => {
  it("is read as an empty list by the client", async () => {
    await expect(client(() => EMPTY_LIST_AS_OBJECT).listListeners("f54c65b1b5dd4a4f95b71b44796ac013")).resolves.toEqual(
      [],
    );
  });

  describe("through the emulator's emptyListAsObject option", () => {
    let emu: HuaweiEmulator;
    beforeAll(async () => {
      emu = await startHuaweiEmulator({ lockMs: 0, pendingCreateReads: 0, emptyListAsObject: true });
    });
    afterAll(async () => {
      await emu.close();
    });

    it("lets adoptExisting create on a load balancer with no listeners", async () => {
      emu.resetCalls();
      const p = new ElbListenerProvider({ env: emulatorEnv(emu), retry: { baseDelayMs: 1 }, pollIntervalMs: 1 });
      const program: ElbListenerInputs = {
        name: "adopt-on-empty",
        loadbalancerId: emu.seed.loadBalancers.public,
        protocol: "HTTP",
        port: 8080,
        backendProtocol: "HTTP",
        backendPort: 80,
        lbAlgorithm: "roundrobin",
        adoptExisting: true,
      };
      const checked = (await p.check(program, program)).inputs as ElbListenerInputs;
      const r = await p.create(checked);
      expect(emu.state.listeners.has(r.id)).toBe(true);
      expect(emu.calls.get("GET /listeners")).toBe(1);
    });
  });
});

describe("gone only on the ELB service's word", () => {
  it.each(GONE_ANSWERS.map((a) => [a.code, a.status, a] as const))(
    "%s (HTTP %s) is gone: read gives an empty id, delete succeeds",
    async (code, status, answer) => {
      const error = (await client(() => answer)
        .getListener("a824584fb3ba4d39ba0cf372c7cbbb67")
        .catch((e: unknown) => e)) as ApiError;
      expect([error.code, error.status]).toEqual([code, status]);
      expect(classify(error)).toBe("gone");
      const p = provider(() => answer);
      await expect(p.read("a824584fb3ba4d39ba0cf372c7cbbb67", undefined)).resolves.toEqual({ id: "" });
    },
  );

  it("a 404 whose body is the ELB error shape is gone", async () => {
    const answer = {
      status: 404,
      body: JSON.stringify({ error: { message: "Not Found", code: "ELB.6002" } }),
      source: "",
    };
    expect(
      classify(
        await client(() => answer)
          .getListener("x")
          .catch((e: unknown) => e),
      ),
    ).toBe("gone");
  });

  it.each(NOT_SERVED_ANSWERS.map((a) => [a.code, a] as const))(
    "a gateway or proxy 404 (%s) is fatal, names the endpoint, and keeps the state",
    async (code, answer) => {
      const request = code === "HTTP404" ? "" : ` \\[request id [0-9a-f]{32}\\]`;
      const message = (method: string): RegExp =>
        new RegExp(
          `^Huawei Cloud ELB ${method} /v1\\.0/\\{project_id\\}/elbaas/listeners/\\{listener_id\\} failed: ${code.replace(".", "\\.")} ` +
            `\\(HTTP 404\\): ${answer.said} \\(https://elb\\.eu-de\\.otc\\.t-systems\\.com answered 404 without an ELB ` +
            `error body: the classic ELB API \\(v1\\.0\\) may not be offered in this region, or the endpoint is wrong\\)` +
            `${request}$`,
        );
      const error = (await client(() => answer)
        .getListener("a824584fb3ba4d39ba0cf372c7cbbb67")
        .catch((e: unknown) => e)) as ApiError;
      expect(error.message).toMatch(message("GET"));
      expect(classify(error)).toBe("fatal");
      const p = provider(() => answer);
      const outs = {
        name: "lis",
        loadbalancerId: "f54c65b1b5dd4a4f95b71b44796ac013",
        protocol: "TCP",
        port: 9092,
        backendProtocol: "TCP",
        backendPort: 9090,
        lbAlgorithm: "roundrobin",
        status: "ACTIVE",
        resolvedRegion: "eu-de",
        resolvedProjectId: ENV.HW_PROJECT_ID,
      } as ElbListenerOutputs;
      await expect(p.read("a824584fb3ba4d39ba0cf372c7cbbb67", outs)).rejects.toThrow(message("GET"));
      await expect(p.delete("a824584fb3ba4d39ba0cf372c7cbbb67", outs)).rejects.toThrow(message("DELETE"));
    },
  );
});

describe("the emulator's GET answers as documented", () => {
  let emu: HuaweiEmulator;
  beforeAll(async () => {
    emu = await startHuaweiEmulator({ lockMs: 0, pendingCreateReads: 0, booleansAsIntegers: true });
  });
  afterAll(async () => {
    await emu.close();
  });

  it("gives every field of the document's Table 2, nulls for what the listener lacks, tcp_draining as 1/0", async () => {
    const c = clientFor(emu, 2000);
    const created = await c.createListener({
      name: "tcp-doc",
      loadbalancer_id: emu.seed.loadBalancers.public,
      protocol: "TCP",
      port: 9092,
      backend_protocol: "TCP",
      backend_port: 9090,
      lb_algorithm: "roundrobin",
      tcp_draining: true,
      tcp_draining_timeout: 5,
    });
    const got = await c.getListener(created.id);
    expect(Object.keys(got).sort()).toEqual(
      [
        ...Object.keys(JSON.parse(LISTENER_DETAILS[1].body) as object),
        "udp_timeout",
        "ssl_protocols",
        "ssl_ciphers",
      ].sort(),
    );
    expect(got).toMatchObject({
      tcp_draining: 1,
      tcp_draining_timeout: 5,
      sticky_session_type: null,
      cookie_timeout: null,
      certificate_id: null,
      healthcheck_id: null,
      member_number: 0,
      session_sticky: false,
    });
  });
});
