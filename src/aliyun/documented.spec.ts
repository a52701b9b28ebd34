/**
 * Documented SLB answers (documented.fixture.ts) replayed through the client and the provider: the emulator serves each error
 * body as the service words it, and the documented describe answer is read back into inputs, so that the classification
 * and the reader meet the service's own answers rather than only the emulator's.
 */
import { ApiError } from "../core/errors";
import type { AliyunEmulator } from "../emulator/aliyun";
import { startAliyunEmulator } from "../emulator/aliyun";
import { ACTIONS } from "./constants";
import { classify } from "./errors";
import {
  BUSY_ANSWERS,
  CREATE_ANSWERS,
  DESCRIBE_HTTPS_LISTENER,
  INVALID_PARAMETER,
  NOT_FOUND_ANSWERS,
  type DocumentedError,
} from "./documented.fixture";
import type { HttpsListenerOutputs } from "./provider";
import { HttpsListenerProvider } from "./provider";
import { diffInputs } from "./schema";
import { inputsFromDescribe } from "./wire";
import type { HttpsListenerInputs } from "./schema";
import { checkInputs } from "./schema";
import { checked, clientFor, emulatorEnv } from "./testing";

let emulator: AliyunEmulator;

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.state.lockMs = 0;
  emulator.state.refuseReadsWhileBusy = false;
  emulator.state.settle();
});

function provider(): HttpsListenerProvider {
  return new HttpsListenerProvider({
    env: emulatorEnv(emulator),
    requestTimeoutMs: 2000,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
}

function program(port: number): HttpsListenerInputs {
  return {
    loadBalancerId: emulator.seed.loadBalancers.public,
    listenerPort: port,
    bandwidth: -1,
    healthCheck: "on",
    serverCertificateId: emulator.seed.serverCertificateId,
    stickySession: "off",
    backendServerPort: 80,
  };
}

function serve(action: string, answer: DocumentedError): void {
  emulator.faults.add({
    target: action,
    kind: "error",
    code: answer.code,
    status: answer.status,
    message: answer.message,
    first: 1,
  });
}

async function answerOf(action: string, answer: DocumentedError): Promise<ApiError> {
  serve(action, answer);
  const error = await clientFor(emulator)
    .call(action, {
      RegionId: emulator.seed.regionId,
      LoadBalancerId: emulator.seed.loadBalancers.public,
      ListenerPort: 1,
    })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function created(p: HttpsListenerProvider, port: number): Promise<{ id: string; outs: HttpsListenerOutputs }> {
  const r = await p.create(await checked(p, program(port)));
  emulator.state.settle();
  return { id: r.id, outs: r.outs as HttpsListenerOutputs };
}

describe("documented SLB answers through the client", () => {
  it.each(NOT_FOUND_ANSWERS.map((a) => [a.code, a.status, a] as const))(
    "reads %s (HTTP %s) as gone on the describe and the delete",
    async (_code, _status, answer) => {
      for (const action of [ACTIONS.describeListener, ACTIONS.deleteListener]) {
        const error = await answerOf(action, answer);
        expect([error.code, error.status, error.apiMessage]).toEqual([answer.code, answer.status, answer.message]);
        expect(classify(error)).toBe("gone");
      }
    },
  );

  it("reads a delete refused with InvalidParameter and another message as fatal, not gone", async () => {
    const error = await answerOf(ACTIONS.deleteListener, INVALID_PARAMETER);
    expect(error.message).toMatch(
      /^Alibaba Cloud SLB DeleteLoadBalancerListener failed: InvalidParameter \(HTTP 400\): Invalid parameter in the request\. \[request id [0-9A-F-]{36}\]$/,
    );
    expect(classify(error)).toBe("fatal");
  });

  it.each(BUSY_ANSWERS.map((a) => [a.code, a.status, a] as const))(
    "reads %s (HTTP %s) as retryable",
    async (_code, _status, answer) => {
      const error = await answerOf(ACTIONS.describeListener, answer);
      expect([error.code, error.status, error.apiMessage]).toEqual([answer.code, answer.status, answer.message]);
      expect(classify(error)).toBe("retry");
    },
  );

  it.each(CREATE_ANSWERS.map((a) => [a.message, a.behaviour, a] as const))(
    "reads the create refusal '%s' as %s",
    async (_message, behaviour, answer) => {
      const error = await answerOf(ACTIONS.createListener, answer);
      expect([error.code, error.status, error.apiMessage]).toEqual([answer.code, answer.status, answer.message]);
      expect(classify(error)).toBe(behaviour);
    },
  );
});

describe("documented SLB answers through the provider", () => {
  it("keeps the listener and fails the delete on InvalidParameter with another message", async () => {
    const p = provider();
    const { id, outs } = await created(p, 2443);
    serve(ACTIONS.deleteListener, INVALID_PARAMETER);
    await expect(p.delete(id, outs)).rejects.toThrow(
      /^Alibaba Cloud SLB DeleteLoadBalancerListener failed: InvalidParameter \(HTTP 400\): Invalid parameter in the request\. \[request id [0-9A-F-]{36}\]$/,
    );
    expect(emulator.state.allListeners()).toContain(id);
    await p.delete(id, outs);
    expect(emulator.state.allListeners()).not.toContain(id);
  });

  it.each(NOT_FOUND_ANSWERS.map((a) => [a.code, a] as const))(
    "counts a delete answered %s as done, and a read of it as gone",
    async (_code, answer) => {
      const p = provider();
      const { id, outs } = await created(p, 2444);
      serve(ACTIONS.deleteListener, answer);
      await expect(p.delete(id, outs)).resolves.toBeUndefined();
      serve(ACTIONS.describeListener, answer);
      await expect(p.read(id, outs)).resolves.toEqual({ id: "" });
      emulator.state.settle();
      await p.delete(id, outs);
    },
  );

  it("reads the documented describe answer into inputs that pass check and diff as no change", () => {
    const body = DESCRIBE_HTTPS_LISTENER.body;
    const address = { regionId: "cn-hangzhou", loadBalancerId: body.LoadBalancerId, listenerPort: body.ListenerPort };
    const read = inputsFromDescribe(body, address);
    const reChecked = checkInputs(read, "cn-hangzhou");
    expect(reChecked.failures).toEqual([]);
    const written = checkInputs(
      {
        loadBalancerId: body.LoadBalancerId,
        listenerPort: 443,
        bandwidth: -1,
        healthCheck: "on",
        healthCheckUri: "/health",
        healthCheckHttpCode: "http_2xx",
        healthyThreshold: 4,
        unhealthyThreshold: 4,
        healthCheckTimeout: 6,
        healthCheckInterval: 5,
        healthCheckConnectPort: 80,
        serverCertificateId: body.ServerCertificateId,
        stickySession: "on",
        stickySessionType: "insert",
        cookieTimeout: 500,
        backendServerPort: 80,
        description: "doc-listener",
        tlsCipherPolicy: "tls_cipher_policy_1_0",
      },
      "cn-hangzhou",
    );
    expect(written.failures).toEqual([]);
    const stored = { ...read, status: "running" };
    expect(diffInputs(stored, written.inputs, "cn-hangzhou")).toEqual({
      changed: [],
      replaces: [],
    });
  });
});

describe("SLB emulator statuses and busy answers", () => {
  const addressing = (port: number): Record<string, string | number> => ({
    RegionId: emulator.seed.regionId,
    LoadBalancerId: emulator.seed.loadBalancers.public,
    ListenerPort: port,
  });

  it("reports stopped after create, starting then running after start, configuring during a Set", async () => {
    const c = clientFor(emulator);
    emulator.state.lockMs = 60_000;
    await c.call(ACTIONS.createListener, {
      ...addressing(3443),
      Bandwidth: -1,
      HealthCheck: "on",
      ServerCertificateId: emulator.seed.serverCertificateId,
      StickySession: "off",
      BackendServerPort: 80,
    });
    expect((await c.call(ACTIONS.describeListener, addressing(3443))).Status).toBe("stopped");
    emulator.state.settle();
    await c.call(ACTIONS.startListener, { ...addressing(3443), ListenerProtocol: "https" });
    expect((await c.call(ACTIONS.describeListener, addressing(3443))).Status).toBe("starting");
    emulator.state.settle();
    expect((await c.call(ACTIONS.describeListener, addressing(3443))).Status).toBe("running");
    await c.call(ACTIONS.setListener, { ...addressing(3443), Bandwidth: 10 });
    expect((await c.call(ACTIONS.describeListener, addressing(3443))).Status).toBe("configuring");
    emulator.state.settle();
    expect((await c.call(ACTIONS.describeListener, addressing(3443))).Status).toBe("running");
  });

  it("refuses a describe while the load balancer is busy with OperationBusy, when asked to", async () => {
    const c = clientFor(emulator);
    emulator.state.lockMs = 60_000;
    emulator.state.refuseReadsWhileBusy = true;
    await c.call(ACTIONS.createListener, {
      ...addressing(3444),
      Bandwidth: -1,
      HealthCheck: "on",
      ServerCertificateId: emulator.seed.serverCertificateId,
      StickySession: "off",
      BackendServerPort: 80,
    });
    const error = (await c.call(ACTIONS.describeListener, addressing(3444)).catch((e: unknown) => e)) as ApiError;
    expect([error.code, error.status, error.apiMessage]).toEqual([
      "OperationBusy",
      400,
      "A previous operation is pending.",
    ]);
  });

  it("ends a create with a listener Describe reports running within the retry budget, reads refused meanwhile", async () => {
    // Long enough that the first describe after create still meets the start's lock on a loaded machine.
    emulator.state.lockMs = 500;
    emulator.state.refuseReadsWhileBusy = true;
    const p = provider();
    const started = Date.now();
    const r = await p.create(await checked(p, program(3445)));
    const c = clientFor(emulator);
    let status: unknown;
    let busy = 0;
    while (Date.now() - started < 10_000) {
      try {
        status = (await c.call(ACTIONS.describeListener, addressing(3445))).Status;
        if (status === "running") break;
      } catch (error) {
        expect((error as ApiError).code).toBe("OperationBusy");
        busy += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(status).toBe("running");
    expect(busy).toBeGreaterThan(0);
    const read = await p.read(r.id, r.outs as HttpsListenerOutputs);
    expect((read.props as HttpsListenerOutputs).status).toBe("running");
  });
});
