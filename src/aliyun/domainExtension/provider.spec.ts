/**
 * The DomainExtension lifecycle against the in-process SLB emulator (lock on, 20 ms), driven through the provider as
 * the dynamic-provider host drives it, beside an HttpsListenerProvider on the same load balancer.
 */
import { inspect } from "node:util";
import type { AliyunEmulator } from "../../emulator/aliyun";
import type { Params, ResponseBody, SlbApi } from "../client";
import { SlbClient } from "../client";
import { HttpsListenerProvider } from "../provider";
import type { HttpsListenerInputs } from "../schema";
import { checked as checkedListener, emulatorEnv, loggedLines, useEmulator } from "../testing";
import type { DomainExtensionOutputs } from "./provider";
import { DomainExtensionProvider } from "./provider";
import type { DomainExtensionInputs } from "./schema";

let emulator: AliyunEmulator;
let nextPort = 7000;

useEmulator({ lockMs: 20 }, (e) => (emulator = e));
const lines = loggedLines();

const RETRY = { baseDelayMs: 10, maxDelayMs: 40 };

function provider(env: Record<string, string> = emulatorEnv(emulator)): DomainExtensionProvider {
  return new DomainExtensionProvider({ env, requestTimeoutMs: 2000, retry: RETRY });
}

async function checked(p: DomainExtensionProvider, inputs: DomainExtensionInputs): Promise<DomainExtensionInputs> {
  const r = await p.check(inputs, inputs);
  expect(r.failures).toBeUndefined();
  return r.inputs as DomainExtensionInputs;
}

/** listener makes a running HTTPS listener on a fresh port of `lb` and returns its port. */
async function listener(lb = emulator.seed.loadBalancers.public): Promise<number> {
  const p = new HttpsListenerProvider({ env: emulatorEnv(emulator), retry: RETRY });
  const port = nextPort++;
  const inputs: HttpsListenerInputs = {
    loadBalancerId: lb,
    listenerPort: port,
    bandwidth: -1,
    healthCheck: "off",
    serverCertificateId: emulator.seed.serverCertificateId,
    stickySession: "off",
    backendServerPort: 80,
  };
  await p.create(await checkedListener(p, inputs));
  return port;
}

function args(port: number, domain: string, more: Partial<DomainExtensionInputs> = {}): DomainExtensionInputs {
  return {
    loadBalancerId: emulator.seed.loadBalancers.public,
    listenerPort: port,
    domain,
    serverCertificateId: emulator.seed.serverCertificateId,
    ...more,
  };
}

function extensionsOn(port: number, lb = emulator.seed.loadBalancers.public): string[] {
  const l = emulator.state.describeListener(emulator.seed.regionId, lb, port);
  return [...(l.domainExtensions?.values() ?? [])].map((e) => `${e.domain}=${e.serverCertificateId}`);
}

describe("DomainExtensionProvider lifecycle", () => {
  const p = (): DomainExtensionProvider => provider();
  let port = 0;
  let id = "";
  let inputs: DomainExtensionInputs;
  let outs: DomainExtensionOutputs;
  const [first, second] = [0, 1];

  beforeAll(async () => {
    port = await listener();
  });

  it("creates the extension; its id is the DomainExtensionId", async () => {
    const prov = p();
    inputs = await checked(prov, args(port, "*.example.com"));
    expect(inputs.regionId).toBe("cn-hangzhou");
    const r = await prov.create(inputs);
    id = r.id;
    outs = r.outs as DomainExtensionOutputs;
    expect(id).toMatch(/^de-/);
    expect(outs).toEqual({ ...inputs, regionId: "cn-hangzhou" });
    expect(extensionsOn(port)).toEqual([`*.example.com=${emulator.seed.serverCertificateIds[first]}`]);
  });

  it("reads it back: the same props and inputs", async () => {
    expect(await p().read(id, outs)).toEqual({ id, props: outs, inputs: outs });
  });

  it("reports no change for the same inputs, and no change after a refresh", async () => {
    expect(await p().diff(id, outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    const refreshed = await p().read(id, outs);
    expect((await p().diff(id, refreshed.props as DomainExtensionOutputs, inputs)).changes).toBe(false);
  });

  it("updates the certificate in place with one SetDomainExtensionAttribute", async () => {
    const prov = p();
    const news = await checked(prov, { ...inputs, serverCertificateId: emulator.seed.serverCertificateIds[second] });
    expect(await prov.diff(id, outs, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    emulator.resetCalls();
    const r = await prov.update(id, outs, news);
    expect([...emulator.calls.entries()].filter(([action]) => action.includes("DomainExtension"))).toEqual([
      ["SetDomainExtensionAttribute", 1],
    ]);
    outs = r.outs as DomainExtensionOutputs;
    inputs = news;
    expect(extensionsOn(port)).toEqual([`*.example.com=${emulator.seed.serverCertificateIds[second]}`]);
    expect((await prov.read(id, outs)).props).toEqual(outs);
  });

  it.each([
    ["domain", "api.example.com"],
    ["listenerPort", 9],
    ["loadBalancerId", "lb-other"],
    ["regionId", "cn-beijing"],
  ])("replaces on a %s change, creating the new one first", async (key, value) => {
    const d = await p().diff(id, outs, { ...inputs, [key]: value });
    expect(d).toEqual({ changes: true, replaces: [key], deleteBeforeReplace: false });
  });

  it("refuses an in-place update of a replace-only input", async () => {
    await expect(p().update(id, outs, { ...inputs, domain: "api.example.com" })).rejects.toThrow(
      `DomainExtension ${id}: domain cannot change in place; replace it`,
    );
  });

  it("deletes it, and deleting it again succeeds", async () => {
    await p().delete(id, outs);
    expect(extensionsOn(port)).toEqual([]);
    await p().delete(id, outs);
  });

  it("reads a deleted extension as gone (empty id)", async () => {
    expect(await p().read(id, outs)).toEqual({ id: "" });
  });
});

describe("DomainExtensionProvider on the edges", () => {
  it("continues with its own extension when the create answer was lost, sending create once", async () => {
    const port = await listener();
    // The listener's start leaves the load balancer locked; the dropped create must reach a free one to be applied.
    emulator.state.settle();
    const prov = provider();
    emulator.faults.add({ target: "CreateDomainExtension", kind: "drop-response", first: 1 });
    emulator.resetCalls();
    const r = await prov.create(await checked(prov, args(port, "lost.example.com")));
    expect(emulator.calls.get("CreateDomainExtension")).toBe(1);
    expect(emulator.calls.get("DescribeDomainExtensions")).toBe(1);
    expect(extensionsOn(port)).toEqual([`lost.example.com=${emulator.seed.serverCertificateId}`]);
    expect((await prov.read(r.id, r.outs as DomainExtensionOutputs)).id).toBe(r.id);
  });

  it("retries DomainExtensionProcessing and logs it in the one retry format", async () => {
    const port = await listener();
    const prov = provider();
    emulator.faults.add({
      target: "CreateDomainExtension",
      kind: "error",
      code: "DomainExtensionProcessing",
      first: 2,
    });
    await prov.create(await checked(prov, args(port, "busy.example.com")));
    const retries = lines.filter((l) => l.includes("CreateDomainExtension answered DomainExtensionProcessing"));
    expect(retries).toHaveLength(2);
    expect(retries[0]).toMatch(
      new RegExp(
        `^DomainExtension ${emulator.seed.loadBalancers.public}:https:${port} busy\\.example\\.com: ` +
          "CreateDomainExtension answered DomainExtensionProcessing \\(HTTP 400\\); retry 1 in \\d+ ms \\((lock|backoff)\\)$",
      ),
    );
  });

  it("fails on a domain another extension serves with another certificate, and adopts it with adoptExisting", async () => {
    const port = await listener();
    const prov = provider();
    const [certA, certB] = emulator.seed.serverCertificateIds;
    const original = await prov.create(
      await checked(prov, args(port, "taken.example.com", { serverCertificateId: certA })),
    );
    await expect(
      prov.create(await checked(prov, args(port, "taken.example.com", { serverCertificateId: certB }))),
    ).rejects.toThrow("InvalidParameter.Domain");
    const adopted = await prov.create(
      await checked(prov, args(port, "TAKEN.example.com", { serverCertificateId: certB, adoptExisting: true })),
    );
    expect(adopted.id).toBe(original.id);
    expect(extensionsOn(port)).toEqual([`taken.example.com=${certB}`]);
  });

  it("names loadBalancerId when the load balancer is shared-performance", async () => {
    const shared = emulator.seed.loadBalancers.shared;
    const port = await listener(shared);
    const prov = provider();
    await expect(
      prov.create(await checked(prov, args(port, "s.example.com", { loadBalancerId: shared }))),
    ).rejects.toThrow(
      `DomainExtension ${shared}:https:${port} s.example.com: loadBalancerId is not supported on load balancer ` +
        `${shared}, a shared-performance instance (CreateDomainExtension answered InvalidParameter.SpecNotSupport: ` +
        "The loadBalancer of shared spec doesn't support the parameter: DomainExtension.); use a " +
        "guaranteed-performance instance or leave loadBalancerId out",
    );
  });

  it("fails with the quota error on the fourth extension of a listener (default quota 3)", async () => {
    const port = await listener();
    const prov = provider();
    for (const n of [1, 2, 3]) await prov.create(await checked(prov, args(port, `q${n}.example.com`)));
    await expect(prov.create(await checked(prov, args(port, "q4.example.com")))).rejects.toThrow(
      /^Alibaba Cloud SLB CreateDomainExtension failed: DomainExtensionNumberOverLimit \(HTTP 400\): The maximum number of domain extensions is exceeded\. \[request id [0-9A-F-]+\]$/,
    );
  });

  it("fails on a listener that does not exist without retrying", async () => {
    const prov = provider();
    emulator.resetCalls();
    await expect(prov.create(await checked(prov, args(1, "none.example.com")))).rejects.toThrow(
      /^Alibaba Cloud SLB CreateDomainExtension failed: InvalidParameter \(HTTP 400\): The specified resource does not exist\. \[request id [0-9A-F-]+\]$/,
    );
    expect(emulator.calls.get("CreateDomainExtension")).toBe(1);
  });

  it("reads an extension whose listener was deleted as gone", async () => {
    const port = await listener();
    const prov = provider();
    const r = await prov.create(await checked(prov, args(port, "orphan.example.com")));
    emulator.state.settle();
    const lp = new HttpsListenerProvider({ env: emulatorEnv(emulator), retry: RETRY });
    await lp.delete(`${emulator.seed.loadBalancers.public}:https:${port}`, { regionId: "cn-hangzhou" } as never);
    expect(await prov.read(r.id, r.outs as DomainExtensionOutputs)).toEqual({ id: "" });
    await prov.delete(r.id, r.outs as DomainExtensionOutputs);
  });

  it("never has two mutations of one load balancer in flight, listener and extensions together", async () => {
    let inFlight = 0;
    let most = 0;
    const counting = (options: ConstructorParameters<typeof SlbClient>[0]): SlbApi => {
      const real = new SlbClient(options);
      return {
        async call(action: string, params: Params): Promise<ResponseBody> {
          const mutating = !action.startsWith("Describe");
          if (mutating) most = Math.max(most, ++inFlight);
          try {
            return await real.call(action, params);
          } finally {
            if (mutating) inFlight--;
          }
        },
      };
    };
    const env = emulatorEnv(emulator);
    const lb = emulator.state.createLoadBalancer({ regionId: emulator.seed.regionId }).id;
    const lp = new HttpsListenerProvider({ env, retry: RETRY, clientFor: counting });
    const dp = new DomainExtensionProvider({ env, retry: RETRY, clientFor: counting });
    const listenerInputs = (port: number): HttpsListenerInputs => ({
      loadBalancerId: lb,
      listenerPort: port,
      bandwidth: -1,
      healthCheck: "off",
      serverCertificateId: emulator.seed.serverCertificateId,
      stickySession: "off",
      backendServerPort: 80,
    });
    await lp.create(await checkedListener(lp, listenerInputs(443)));
    await Promise.all([
      lp.create(await checkedListener(lp, listenerInputs(8443))),
      ...["a", "b", "c"].map(async (d) =>
        dp.create(await checked(dp, args(443, `${d}.example.com`, { loadBalancerId: lb }))),
      ),
    ]);
    expect(most).toBe(1);
    expect(extensionsOn(443, lb)).toHaveLength(3);
  });

  it("shows no secret to util.inspect or JSON after it has built a client", async () => {
    const prov = provider();
    await prov.read("de-none", { ...args(443, "x.example.com"), regionId: "cn-hangzhou" });
    expect(inspect(prov, { depth: 10 })).not.toContain(emulator.accessKeySecret);
    expect(JSON.stringify(prov)).not.toContain(emulator.accessKeySecret);
  });
});
