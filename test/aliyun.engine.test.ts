/**
 * HttpsListener on the engine path: the examples and a promotion run through the harness, whose Check, Diff,
 * Create, Update, Read and Delete go through the real dynamic-provider host to the installed package (dist/, linked
 * into node_modules as `npm install` does) and on to the in-process SLB emulator.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { HttpsListener } from "../src";
import { SlbClient } from "../src/aliyun/client";
import { runStack, type RunOptions } from "../src/engine/harness";
import { encryptValue, newEncryptionSalt, passphraseKey } from "../src/engine/passphrase";
import type { AliyunEmulator } from "../src/emulator";
import { aliyunProject, useAliyunEmulator } from "./support/aliyunEngine";
import { examplePath, RETRY_BUDGET_ENV, type EngineProject } from "./support/engineProject";
import { removeScratchDirs } from "./support/scratch";

afterAll(() => removeScratchDirs());

const SECRET = "aliyun-engine-secret-Vq93ZbK1";

let slb: AliyunEmulator;
useAliyunEmulator(SECRET, (e) => (slb = e));

function listenersOn(lb: string): number[] {
  return [...(slb.state.loadBalancers.get(lb)?.listeners.keys() ?? [])].sort((a, b) => a - b);
}

function project(extraConfig: Record<string, string> = {}): EngineProject {
  return aliyunProject("aliyun", slb, SECRET, {
    "lbdemo:loadBalancerId": slb.seed.loadBalancers.public,
    "lbdemo:serverCertificateId": slb.seed.serverCertificateId,
    "lbdemo:caCertificateId": slb.seed.caCertificateId,
    "lbdemo:aclId": "acl-emu-office",
    "lbdemo:vServerGroupId": "rsp-emu-api",
    ...extraConfig,
  });
}

const example = (name: string): string => examplePath("aliyun", name);

describe.each([
  ["httpsStickyInsert", 443],
  ["aclWhiteList", 8443],
  ["vserverGroup", 4443],
])("example aliyun/%s", (name, port) => {
  it("creates its listener, then up, refresh and preview show no change, and destroy removes it", async () => {
    const { run } = project();
    const lb = slb.seed.loadBalancers.public;
    const up = await run("up", example(name));
    expect([...up.errors, ...up.failures.map((f) => f.reason)]).toEqual([]);
    expect(up.steps.map((s) => s.op)).toEqual(["create"]);
    expect(up.outputs.listenerId).toBe(`${lb}:https:${port}`);
    expect(listenersOn(lb)).toContain(port);
    expect((await run("up", example(name))).steps.map((s) => s.op)).toEqual(["same"]);
    expect((await run("refresh", example(name))).steps.map((s) => s.op)).toEqual(["same"]);
    expect((await run("preview", example(name))).steps.map((s) => s.op)).toEqual(["same"]);
    const destroyed = await run("destroy", example(name));
    expect(destroyed.steps.map((s) => s.op)).toEqual(["delete"]);
    expect(listenersOn(lb)).not.toContain(port);
  });
});

function webProgram(overrides: Partial<Record<"listenerPort" | "bandwidth", number>> = {}) {
  return () => {
    const config = new pulumi.Config();
    const web = new HttpsListener("web", {
      loadBalancerId: config.require("loadBalancerId"),
      listenerPort: overrides.listenerPort ?? 7443,
      backendServerPort: 8080,
      bandwidth: overrides.bandwidth ?? 20,
      serverCertificateId: config.require("serverCertificateId"),
      healthCheck: "off",
      stickySession: "off",
    });
    // The second listener's description depends on the first's id: unknown in a preview that creates the first.
    const mirror = new HttpsListener("mirror", {
      loadBalancerId: config.require("loadBalancerId"),
      listenerPort: 7444,
      backendServerPort: 8080,
      bandwidth: 5,
      serverCertificateId: config.require("serverCertificateId"),
      healthCheck: "off",
      stickySession: "off",
      description: web.id.apply((id) => `mirror-of-${id.replace(/[^A-Za-z0-9]/g, "-")}`),
    });
    return { web: web.id, mirror: mirror.id };
  };
}

describe("HttpsListener through the harness", () => {
  it("previews a first deployment with unknown dependent inputs and no check failures", async () => {
    const { run } = project();
    const preview = await run("preview", webProgram());
    expect(preview.failures).toEqual([]);
    expect(preview.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["create web", "create mirror"]);
    expect(preview.lines[preview.lines.length - 1]).toBe("Resources: 2 to create");
  });

  it("updates bandwidth in place and replaces on a new listenerPort", async () => {
    const { run } = project();
    const lb = slb.seed.loadBalancers.public;
    await run("up", webProgram());
    const update = await run("up", webProgram({ bandwidth: 40 }));
    expect(update.lines).toContain("  ~ update aliyun:HttpsListener web (changed: bandwidth)");
    expect(slb.state.loadBalancers.get(lb)?.listeners.get(7443)?.config.Bandwidth).toBe(40);
    const replace = await run("up", webProgram({ bandwidth: 40, listenerPort: 7445 }));
    expect(replace.lines).toContain("  +- replace aliyun:HttpsListener web (forced by: listenerPort)");
    expect(replace.steps.find((s) => s.name === "mirror")?.op).toBe("update");
    expect(listenersOn(lb)).toEqual(expect.arrayContaining([7444, 7445]));
    expect(listenersOn(lb)).not.toContain(7443);
    await run("destroy", webProgram());
    expect(listenersOn(lb)).not.toEqual(expect.arrayContaining([7444]));
  });

  it("refresh picks up an out-of-band change made through the API and the next up puts it back", async () => {
    const { run } = project();
    const lb = slb.seed.loadBalancers.public;
    await run("up", webProgram());
    const client = new SlbClient({ endpoint: slb.endpoint, accessKeyId: slb.accessKeyId, accessKeySecret: SECRET });
    slb.state.settle();
    await client.call("SetLoadBalancerHTTPSListenerAttribute", {
      RegionId: slb.seed.regionId,
      LoadBalancerId: lb,
      ListenerPort: 7443,
      Bandwidth: 99,
    });
    slb.state.settle();
    await client.call("DeleteLoadBalancerListener", {
      RegionId: slb.seed.regionId,
      LoadBalancerId: lb,
      ListenerPort: 7444,
    });
    const refresh = await run("refresh", webProgram());
    expect(refresh.lines).toContain("  ~ refresh aliyun:HttpsListener web (changed: bandwidth)");
    expect(refresh.steps.find((s) => s.name === "mirror")?.op).toBe("gone");
    const up = await run("up", webProgram());
    expect(up.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["update web", "create mirror"]);
    await run("destroy", webProgram());
  });

  it("reports an out-of-range port as the engine reports a check failure", async () => {
    const { run } = project();
    const result = await run("up", webProgram({ listenerPort: 70000 }));
    expect(result.ok).toBe(false);
    expect(result.lines).toContain(
      "  error: pulumi-nodejs:dynamic/aliyun:HttpsListener resource 'web': property listenerPort value 70000 has a problem: listenerPort must be an integer from 1 to 65535, got 70000",
    );
  });

  it("keeps the secret key out of the provider text, outputs, errors, host output and state", async () => {
    const { run, dir } = project();
    const ok = await run("up", webProgram());
    slb.faults.add({ target: "CreateLoadBalancerHTTPSListener", kind: "error", code: "Forbidden.RAM", status: 403 });
    const failed = await run("up", webProgram({ listenerPort: 7446 }));
    slb.faults.clear();
    expect(ok.ok).toBe(true);
    expect(failed.ok).toBe(false);
    const texts = [ok, failed].map((r) => JSON.stringify(r));
    texts.push(fs.readFileSync(path.join(dir, ".harness-state", "dev.json"), "utf8"));
    for (const text of texts) expect(text).not.toContain(SECRET);
    await run("destroy", webProgram());
  });

  it("reads an existing listener with get() without managing it, and adopts one with adoptExisting", async () => {
    const { run } = project();
    const lb = slb.seed.loadBalancers.public;
    const existing = await run("up", webProgram({ listenerPort: 7447 }));
    const id = existing.outputs.web as string;
    // A second deployment (another state file) that only reads the listener.
    const reader = project();
    const read = await reader.run("up", () => {
      const found = HttpsListener.get("found", id);
      return { id: found.id, status: found.status, bandwidth: found.bandwidth, listenerPort: found.listenerPort };
    });
    expect(read.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["read found"]);
    expect(read.outputs).toEqual({ id, status: "running", bandwidth: 20, listenerPort: 7447 });
    expect(read.state.resources).toEqual({});
    // A third deployment adopts it instead of failing with ListenerAlreadyExists.
    const adopter = project();
    const adopt = await adopter.run("up", () => {
      const config = new pulumi.Config();
      new HttpsListener("web", {
        loadBalancerId: config.require("loadBalancerId"),
        listenerPort: 7447,
        backendServerPort: 8080,
        bandwidth: 30,
        serverCertificateId: config.require("serverCertificateId"),
        healthCheck: "off",
        stickySession: "off",
        adoptExisting: true,
      });
    });
    expect([...adopt.errors, ...adopt.failures.map((f) => f.reason)]).toEqual([]);
    expect(adopt.steps.map((s) => s.op)).toEqual(["create"]);
    expect(slb.state.loadBalancers.get(lb)?.listeners.get(7447)?.config.Bandwidth).toBe(30);
    await adopter.run("destroy", webProgram());
    expect(listenersOn(lb)).not.toContain(7447);
    await run("destroy", webProgram());
  });

  it("decrypts a secret key set with `pulumi config set --secret` (passphrase provider) and never shows it", async () => {
    const { dir } = project();
    const passphrase = "harness-passphrase-Ty81";
    const salt = newEncryptionSalt(passphrase);
    const secure = encryptValue(SECRET, passphraseKey(passphrase, salt));
    const stackFile = path.join(dir, "Pulumi.dev.yaml");
    fs.writeFileSync(
      stackFile,
      `encryptionsalt: ${salt}\n` +
        fs.readFileSync(stackFile, "utf8") +
        `  alicloud:secretKey:\n    secure: ${secure}\n`,
    );
    const run = (program: RunOptions["program"]) =>
      runStack({
        programDir: dir,
        stack: "dev",
        operation: "up",
        program,
        passphrase,
        env: { ...RETRY_BUDGET_ENV, ALICLOUD_SLB_ENDPOINT: slb.endpoint },
      });
    const ok = await run(webProgram({ listenerPort: 7448 }));
    expect([...ok.errors, ...ok.failures.map((f) => f.reason)]).toEqual([]);
    expect(listenersOn(slb.seed.loadBalancers.public)).toContain(7448);
    const texts = [JSON.stringify(ok), fs.readFileSync(path.join(dir, ".harness-state", "dev.json"), "utf8")];
    for (const text of texts) expect(text).not.toContain(SECRET);
    await runStack({
      programDir: dir,
      stack: "dev",
      operation: "destroy",
      passphrase,
      env: { ...RETRY_BUDGET_ENV, ALICLOUD_SLB_ENDPOINT: slb.endpoint },
    });
    expect(listenersOn(slb.seed.loadBalancers.public)).not.toContain(7448);
  });
});
