/**
 * ElbV2Listener on the engine path: a lifecycle run through the harness, whose calls go through the real
 * dynamic-provider host to the installed package (dist/) and on to the in-process emulator's shared ELB v2 API
 * (Open Telekom Cloud's `/v2.0/lbaas` routes, region eu-de), signed with the official AK/SK signer.
 */
import * as pulumi from "@pulumi/pulumi";
import { ElbV2Listener } from "../src";
import { startEmulators, type Emulators, type HuaweiEmulator } from "../src/emulator";
import { buildDist } from "./support/packed";
import type { EngineProject } from "./support/engineProject";
import { expectSecretAbsent, huaweiProject } from "./support/huaweiEngine";
import { removeScratchDirs } from "./support/scratch";

const SECRET = "huawei-v2-engine-secret-Wp27Xk";

let emulators: Emulators;
let elb: HuaweiEmulator;

function project(): EngineProject {
  return huaweiProject(elb, SECRET, {
    "lbdemo:sharedLoadBalancerId": elb.seed.shared.loadBalancers.first,
    "lbdemo:serverCertificateId": elb.seed.shared.certificateId,
    "lbdemo:sniCertificateId": elb.seed.shared.sniCertificateId,
  });
}

const listenerIds = (): string[] => elb.v2.listenersOf(elb.seed.shared.loadBalancers.first).map((l) => l.id);

function webProgram(overrides: { description?: string; port?: number; sniReversed?: boolean; tags?: boolean } = {}) {
  return () => {
    const config = new pulumi.Config();
    const sni = [config.require("serverCertificateId"), config.require("sniCertificateId")];
    const web = new ElbV2Listener("web", {
      name: "web",
      loadbalancerId: config.require("sharedLoadBalancerId"),
      protocol: "TERMINATED_HTTPS",
      protocolPort: overrides.port ?? 8443,
      defaultTlsContainerRef: config.require("serverCertificateId"),
      sniContainerRefs: overrides.sniReversed ? [...sni].reverse() : sni,
      description: overrides.description ?? "first",
      ...(overrides.tags === false ? {} : { tags: { env: "engine" } }),
    });
    return { web: web.id };
  };
}

describe("ElbV2Listener through the harness", () => {
  beforeAll(async () => {
    buildDist();
    emulators = await startEmulators({ huawei: { secretKey: SECRET, lockMs: 20 } });
    elb = emulators.huawei as HuaweiEmulator;
  }, 180000);
  afterAll(async () => {
    await emulators.close();
    removeScratchDirs();
  });

  it("creates, shows no change on up, refresh, preview and a reordered SNI list, updates in place, replaces on a new port", async () => {
    const { run } = project();
    const up = await run("up", webProgram());
    expect([...up.errors, ...up.failures.map((f) => f.reason)]).toEqual([]);
    expect(up.steps.map((s) => s.op)).toEqual(["create"]);
    expect(listenerIds()).toContain(up.outputs.web);
    expect((await run("up", webProgram())).steps.map((s) => s.op)).toEqual(["same"]);
    expect((await run("refresh", webProgram())).steps.map((s) => s.op)).toEqual(["same"]);
    expect((await run("preview", webProgram({ sniReversed: true }))).steps.map((s) => s.op)).toEqual(["same"]);
    const update = await run("up", webProgram({ description: "second", tags: false }));
    expect(update.lines).toContain("  ~ update huawei:ElbV2Listener web (changed: description, tags)");
    const id = update.outputs.web as string;
    expect(elb.v2.getListener(id).fields.description).toBe("second");
    expect([...elb.v2.getListener(id).tags]).toEqual([]);
    const replace = await run("up", webProgram({ description: "second", tags: false, port: 8444 }));
    expect(replace.steps).toEqual([expect.objectContaining({ op: "replace", replaces: ["protocolPort"] })]);
    expect((await run("destroy", webProgram())).steps.map((s) => s.op)).toEqual(["delete"]);
    expect(listenerIds()).toEqual([]);
  });

  it("refuses in check what the digest refuses, before anything is sent", async () => {
    const { run } = project();
    const failed = await run("up", () => {
      new ElbV2Listener("bad", {
        loadbalancerId: new pulumi.Config().require("sharedLoadBalancerId"),
        protocol: "HTTPS" as "TERMINATED_HTTPS",
        protocolPort: 9000,
      });
    });
    expect(failed.ok).toBe(false);
    expect(failed.failures.map((f) => f.reason)).toEqual([
      'protocol must be one of "TCP", "UDP", "HTTP", "TERMINATED_HTTPS", got "HTTPS"; a shared listener spells ' +
        'HTTPS "TERMINATED_HTTPS"',
    ]);
  });

  it("keeps the secret key out of outputs, errors, host output and state", async () => {
    const { run, dir } = project();
    const ok = await run("up", webProgram({ port: 8445 }));
    elb.faults.add({
      target: "POST /v2.0/lbaas/listeners",
      kind: "error",
      code: "HTTPBadRequest",
      status: 400,
      message: `bad ${SECRET}`,
      first: 1,
    });
    const failed = await run("up", () => {
      webProgram({ port: 8445 })();
      new ElbV2Listener("second", {
        loadbalancerId: new pulumi.Config().require("sharedLoadBalancerId"),
        protocol: "UDP",
        protocolPort: 8446,
      });
    });
    elb.faults.clear();
    expectSecretAbsent(SECRET, dir, ok, failed);
    await run("destroy", webProgram());
  });
});
