/**
 * ElbListener on the engine path: the Huawei examples and a lifecycle run through the harness, whose calls go through
 * the real dynamic-provider host to the installed package (dist/) and on to the in-process classic ELB emulator.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ElbListener } from "../src";
import { startEmulators, type Emulators, type HuaweiEmulator } from "../src/emulator";
import { buildDist } from "./support/packed";
import { engineProject, examplePath, type EngineProject } from "./support/engineProject";
import { removeScratchDirs } from "./support/scratch";

afterAll(() => removeScratchDirs());

const SECRET = "huawei-engine-secret-Pm47TwX2";

let emulators: Emulators;
let elb: HuaweiEmulator;
let sniCertificate: string;

beforeAll(async () => {
  buildDist();
  emulators = await startEmulators({ huawei: { secretKey: SECRET, lockMs: 20 } });
  elb = emulators.huawei as HuaweiEmulator;
  sniCertificate = elb.state.addCertificate("api-cert", "api.example.com").id;
}, 180000);
afterAll(async () => {
  await emulators.close();
});

function project(): EngineProject {
  return engineProject("huawei", {
    config: {
      "huaweicloud:region": elb.seed.region,
      "huaweicloud:projectId": elb.seed.projectId,
      "huaweicloud:accessKey": elb.accessKey,
      "lbdemo:loadBalancerId": elb.seed.loadBalancers.public,
      "lbdemo:certificateId": elb.seed.certificateId,
      "lbdemo:sniCertificateIds": JSON.stringify([sniCertificate]),
    },
    secretKeyConfig: "huaweicloud:secretKey",
    secret: SECRET,
    env: { HW_ELB_ENDPOINT: elb.endpoint, HW_SECRET_KEY: SECRET },
  });
}

const example = (name: string): string => examplePath("huawei", name);
const listenerIds = (): string[] => elb.state.listenersOf(elb.seed.loadBalancers.public).map((l) => l.id);

describe.each(["httpListener", "tcpDraining", "httpsSni", "sslListener", "udpListener"])(
  "example huawei/%s",
  (name) => {
    it("creates its listener, then up, refresh and preview show no change, and destroy removes it", async () => {
      const { run } = project();
      const up = await run("up", example(name));
      expect([...up.errors, ...up.failures.map((f) => f.reason)]).toEqual([]);
      expect(up.steps.map((s) => s.op)).toEqual(["create"]);
      expect(listenerIds()).toContain(up.outputs.listenerId);
      expect((await run("up", example(name))).steps.map((s) => s.op)).toEqual(["same"]);
      expect((await run("refresh", example(name))).steps.map((s) => s.op)).toEqual(["same"]);
      expect((await run("preview", example(name))).steps.map((s) => s.op)).toEqual(["same"]);
      const destroyed = await run("destroy", example(name));
      expect(destroyed.steps.map((s) => s.op)).toEqual(["delete"]);
      expect(listenerIds()).not.toContain(up.outputs.listenerId);
    });
  },
);

function apiProgram(overrides: { backendPort?: number; protocol?: "HTTP" | "TCP"; port?: number } = {}) {
  return () => {
    const config = new pulumi.Config();
    const api = new ElbListener("api", {
      name: "api",
      loadbalancerId: config.require("loadBalancerId"),
      protocol: overrides.protocol ?? "HTTP",
      port: overrides.port ?? 8081,
      backendProtocol: overrides.protocol ?? "HTTP",
      backendPort: overrides.backendPort ?? 9000,
      lbAlgorithm: "roundrobin",
    });
    return { api: api.id };
  };
}

describe("ElbListener through the harness", () => {
  it("updates the backend port in place and replaces on a new protocol", async () => {
    const { run } = project();
    await run("up", apiProgram());
    const update = await run("up", apiProgram({ backendPort: 9001 }));
    expect(update.lines).toContain("  ~ update huawei:ElbListener api (changed: backendPort)");
    const replace = await run("up", apiProgram({ backendPort: 9001, protocol: "TCP", port: 8082 }));
    expect(replace.steps).toEqual([
      expect.objectContaining({ op: "replace", replaces: expect.arrayContaining(["protocol", "backendProtocol"]) }),
    ]);
    expect(elb.state.listenersOf(elb.seed.loadBalancers.public).find((l) => l.id === replace.outputs.api)).toEqual(
      expect.objectContaining({ fields: expect.objectContaining({ protocol: "TCP" }) }),
    );
    await run("destroy", apiProgram());
  });

  it("refresh drops a listener deleted out of band and the next up creates it again", async () => {
    const { run } = project();
    const first = await run("up", apiProgram({ port: 8083 }));
    elb.state.deleteOutOfBand(first.outputs.api as string);
    const refresh = await run("refresh", apiProgram({ port: 8083 }));
    expect(refresh.lines).toContain("  - delete huawei:ElbListener api (deleted outside Pulumi; removed from state)");
    const up = await run("up", apiProgram({ port: 8083 }));
    expect(up.steps.map((s) => s.op)).toEqual(["create"]);
    await run("destroy", apiProgram());
  });

  it("reads an existing listener with get() into outputs without managing it", async () => {
    const { run } = project();
    const existing = await run("up", apiProgram({ port: 8086, backendPort: 9006 }));
    const id = existing.outputs.api as string;
    const reader = project();
    const read = await reader.run("up", () => {
      const found = ElbListener.get("found", id);
      return { id: found.id, status: found.status, port: found.port, backendPort: found.backendPort };
    });
    expect(read.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["read found"]);
    expect(read.outputs).toEqual({ id, status: "ACTIVE", port: 8086, backendPort: 9006 });
    expect(read.state.resources).toEqual({});
    await run("destroy", apiProgram());
  });

  it("keeps the secret key out of the provider text, outputs, errors, host output and state", async () => {
    const { run, dir } = project();
    const ok = await run("up", apiProgram({ port: 8084 }));
    elb.faults.add({ target: "POST /listeners", kind: "error", code: "ELB.8902", status: 400, first: 1 });
    const failed = await run("up", (() => {
      apiProgram({ port: 8084 })();
      new ElbListener("second", {
        name: "second",
        loadbalancerId: new pulumi.Config().require("loadBalancerId"),
        protocol: "UDP",
        port: 8085,
        backendProtocol: "UDP",
        backendPort: 53,
        lbAlgorithm: "roundrobin",
      });
    }) as () => void);
    elb.faults.clear();
    expect(ok.ok).toBe(true);
    expect(failed.ok).toBe(false);
    const texts = [ok, failed].map((r) => JSON.stringify(r));
    texts.push(fs.readFileSync(path.join(dir, ".harness-state", "dev.json"), "utf8"));
    for (const text of texts) expect(text).not.toContain(SECRET);
    await run("destroy", apiProgram());
  });
});
