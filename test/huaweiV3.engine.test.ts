/**
 * ElbV3Listener on the engine path: the dedicated-listener examples and a lifecycle run through the harness, whose
 * calls go through the real dynamic-provider host to the installed package (dist/) and on to the in-process
 * emulator's dedicated ELB v3 API, signed with the official AK/SK signer.
 */
import * as pulumi from "@pulumi/pulumi";
import { ElbV3Listener } from "../src";
import { startEmulators, type Emulators, type HuaweiEmulator } from "../src/emulator";
import { buildDist } from "./support/packed";
import { examplePath, type EngineProject } from "./support/engineProject";
import { expectSecretAbsent, huaweiProject } from "./support/huaweiEngine";
import { removeScratchDirs } from "./support/scratch";

afterAll(() => removeScratchDirs());

const SECRET = "huawei-v3-engine-secret-Hq83Lm";

let emulators: Emulators;
let elb: HuaweiEmulator;

beforeAll(async () => {
  buildDist();
  emulators = await startEmulators({ huawei: { secretKey: SECRET, lockMs: 20 } });
  elb = emulators.huawei as HuaweiEmulator;
}, 180000);
afterAll(async () => {
  await emulators.close();
});

function project(): EngineProject {
  return huaweiProject(elb, SECRET, {
    "lbdemo:dedicatedLoadBalancerId": elb.seed.dedicated.l4l7,
    "lbdemo:serverCertificateId": elb.seed.certificates.server,
    "lbdemo:sniCertificateIds": JSON.stringify([elb.seed.certificates.server]),
    "lbdemo:securityPolicyId": elb.seed.securityPolicyId,
    "lbdemo:ipGroupId": elb.seed.ipGroupId,
  });
}

const listenerIds = (): string[] => elb.v3.listenersOf(elb.seed.dedicated.l4l7).map((l) => l.id);

describe.each(["dedicatedTcp", "dedicatedHttpsSni", "dedicatedHttpIpGroup"])("example huawei/%s", (name) => {
  it("creates its listener, then up, refresh and preview show no change, and destroy removes it", async () => {
    const { run } = project();
    const program = examplePath("huawei", name);
    const up = await run("up", program);
    expect([...up.errors, ...up.failures.map((f) => f.reason)]).toEqual([]);
    expect(up.steps.map((s) => s.op)).toEqual(["create"]);
    expect(listenerIds()).toContain(up.outputs.listenerId);
    expect((await run("up", program)).steps.map((s) => s.op)).toEqual(["same"]);
    expect((await run("refresh", program)).steps.map((s) => s.op)).toEqual(["same"]);
    expect((await run("preview", program)).steps.map((s) => s.op)).toEqual(["same"]);
    expect((await run("destroy", program)).steps.map((s) => s.op)).toEqual(["delete"]);
    expect(listenerIds()).not.toContain(up.outputs.listenerId);
  });
});

function apiProgram(overrides: { memberTimeout?: number; port?: number; ipGroup?: boolean } = {}) {
  return () => {
    const config = new pulumi.Config();
    const api = new ElbV3Listener("api", {
      name: "api",
      loadbalancerId: config.require("dedicatedLoadBalancerId"),
      protocol: "HTTP",
      protocolPort: overrides.port ?? 8081,
      memberTimeout: overrides.memberTimeout ?? 60,
      ...(overrides.ipGroup === false ? {} : { ipgroup: { ipgroupId: config.require("ipGroupId") } }),
    });
    return { api: api.id };
  };
}

describe("ElbV3Listener through the harness", () => {
  it("updates in place, clears the IP group with null, and replaces on a new port", async () => {
    const { run } = project();
    await run("up", apiProgram());
    const update = await run("up", apiProgram({ memberTimeout: 90 }));
    expect(update.lines).toContain("  ~ update huawei:ElbV3Listener api (changed: memberTimeout)");
    const id = update.outputs.api as string;
    const cleared = await run("up", apiProgram({ memberTimeout: 90, ipGroup: false }));
    expect(cleared.lines).toContain("  ~ update huawei:ElbV3Listener api (changed: ipgroup)");
    expect(elb.v3.getListener(id).fields.ipgroup).toBeNull();
    const replace = await run("up", apiProgram({ memberTimeout: 90, ipGroup: false, port: 8082 }));
    expect(replace.steps).toEqual([expect.objectContaining({ op: "replace", replaces: ["protocolPort"] })]);
    expect(elb.v3.getListener(replace.outputs.api as string).protocolPort).toBe(8082);
    await run("destroy", apiProgram());
  });

  it("refuses in check what the digest refuses, before anything is sent", async () => {
    const { run } = project();
    const failed = await run("up", () => {
      new ElbV3Listener("bad", {
        loadbalancerId: new pulumi.Config().require("dedicatedLoadBalancerId"),
        protocol: "TCP",
        protocolPort: 9000,
        clientTimeout: 30,
      });
    });
    expect(failed.ok).toBe(false);
    expect(failed.failures.map((f) => f.reason)).toEqual([
      'clientTimeout applies to HTTP and HTTPS listeners only, not "TCP"',
    ]);
  });

  it("keeps the secret key out of outputs, errors, host output and state", async () => {
    const { run, dir } = project();
    const ok = await run("up", apiProgram({ port: 8084 }));
    elb.faults.add({
      target: "POST /v3/listeners",
      kind: "error",
      code: "ELB.8902",
      message: `bad ${SECRET}`,
      first: 1,
    });
    const failed = await run("up", () => {
      apiProgram({ port: 8084 })();
      new ElbV3Listener("second", {
        loadbalancerId: new pulumi.Config().require("dedicatedLoadBalancerId"),
        protocol: "UDP",
        protocolPort: 8085,
      });
    });
    elb.faults.clear();
    expectSecretAbsent(SECRET, dir, ok, failed);
    await run("destroy", apiProgram());
  });
});
