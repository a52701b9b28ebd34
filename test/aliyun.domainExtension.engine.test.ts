/**
 * DomainExtension on the engine path, with HttpsListener in the same program: the examples, a certificate rotation, a
 * preview with the listener's outputs unknown, a check failure and the secret, through the harness and the real
 * dynamic-provider host to the installed package (dist/) and on to the in-process SLB emulator.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { DomainExtension, HttpsListener } from "../src";
import type { AliyunEmulator } from "../src/emulator";
import { aliyunProject, useAliyunEmulator } from "./support/aliyunEngine";
import { examplePath, type EngineProject } from "./support/engineProject";
import { removeScratchDirs } from "./support/scratch";

afterAll(() => removeScratchDirs());

const SECRET = "aliyun-de-engine-secret-Hc40PzW7";

let slb: AliyunEmulator;
useAliyunEmulator(SECRET, (e) => (slb = e));

function project(extraConfig: Record<string, string> = {}): EngineProject {
  return aliyunProject("aliyun-de", slb, SECRET, {
    "lbdemo:loadBalancerId": slb.seed.loadBalancers.public,
    "lbdemo:serverCertificateId": slb.seed.serverCertificateIds[0],
    "lbdemo:extensionCertificateId": slb.seed.serverCertificateIds[1],
    "lbdemo:certificateId": slb.seed.serverCertificateIds[0],
    ...extraConfig,
  });
}

/** extensionsOn lists `<domain>=<certificate>` of the public load balancer's listener on `port` ([] when it is gone). */
function extensionsOn(port: number): string[] {
  const listener = slb.state.loadBalancers.get(slb.seed.loadBalancers.public)?.listeners.get(port);
  return [...(listener?.domainExtensions?.values() ?? [])].map((e) => `${e.domain}=${e.serverCertificateId}`).sort();
}

function hasListener(port: number): boolean {
  return slb.state.loadBalancers.get(slb.seed.loadBalancers.public)?.listeners.has(port) ?? false;
}

describe("example aliyun/domainExtensions", () => {
  it("creates the listener, then its two extensions; up, refresh and preview show no change; destroy removes all", async () => {
    const { run } = project();
    const program = examplePath("aliyun", "domainExtensions");
    const [, second] = slb.seed.serverCertificateIds;
    const up = await run("up", program);
    expect([...up.errors, ...up.failures.map((f) => f.reason)]).toEqual([]);
    expect(up.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["create web-sni", "create shop-wildcard", "create api"]);
    expect(up.outputs.shopExtensionId).toMatch(/^de-/);
    expect(extensionsOn(9443)).toEqual([`*.shop.example.com=${second}`, `api.example.com=${second}`]);
    expect((await run("up", program)).steps.map((s) => s.op)).toEqual(["same", "same", "same"]);
    expect((await run("refresh", program)).steps.map((s) => s.op)).toEqual(["same", "same", "same"]);
    expect((await run("preview", program)).steps.map((s) => s.op)).toEqual(["same", "same", "same"]);
    const destroyed = await run("destroy", program);
    expect(destroyed.steps.map((s) => `${s.op} ${s.name}`)).toEqual([
      "delete api",
      "delete shop-wildcard",
      "delete web-sni",
    ]);
    expect(hasListener(9443)).toBe(false);
  });
});

describe("example aliyun/certificateRotation", () => {
  it("moves the listener and both extensions to the new certificate in place, deleting nothing", async () => {
    const [oldCert, newCert] = slb.seed.serverCertificateIds;
    const program = examplePath("aliyun", "certificateRotation");
    const before = project({ "lbdemo:certificateId": oldCert });
    await before.run("up", program);
    expect(extensionsOn(10443)).toEqual([`*.example.com=${oldCert}`, `www.example.com=${oldCert}`]);
    // The same project directory with the new certificate in its stack config.
    const stackFile = path.join(before.dir, "Pulumi.dev.yaml");
    fs.writeFileSync(
      stackFile,
      fs
        .readFileSync(stackFile, "utf8")
        .replace(`lbdemo:certificateId: "${oldCert}"`, `lbdemo:certificateId: "${newCert}"`),
    );
    slb.resetCalls();
    const rotated = await before.run("up", program);
    expect([...rotated.errors, ...rotated.failures.map((f) => f.reason)]).toEqual([]);
    expect(rotated.steps.map((s) => `${s.op} ${s.name} ${(s.changed ?? []).join(",")}`)).toEqual([
      "update rotating serverCertificateId",
      "update rotating-0 serverCertificateId",
      "update rotating-1 serverCertificateId",
    ]);
    expect(slb.calls.get("DeleteDomainExtension")).toBeUndefined();
    expect(slb.calls.get("CreateDomainExtension")).toBeUndefined();
    // Two, plus a retry for each that met the 20 ms lock the listener's update left (DomainExtensionProcessing).
    expect(slb.calls.get("SetDomainExtensionAttribute")).toBeGreaterThanOrEqual(2);
    expect(rotated.outputs).toEqual({ listenerCertificate: newCert, extensionCertificates: [newCert, newCert] });
    expect(extensionsOn(10443)).toEqual([`*.example.com=${newCert}`, `www.example.com=${newCert}`]);
    await before.run("destroy", program);
    expect(hasListener(10443)).toBe(false);
  });
});

function sniProgram(domain = "app.example.com") {
  return () => {
    const config = new pulumi.Config();
    const listener = new HttpsListener("edge", {
      loadBalancerId: config.require("loadBalancerId"),
      listenerPort: 11443,
      backendServerPort: 8080,
      bandwidth: -1,
      serverCertificateId: config.require("serverCertificateId"),
      healthCheck: "off",
      stickySession: "off",
    });
    // Dependency by input: the listener's outputs are unknown until it exists, so the extension waits for it.
    const extension = new DomainExtension("edge-app", {
      loadBalancerId: listener.loadBalancerId,
      listenerPort: listener.listenerPort,
      domain,
      serverCertificateId: config.require("extensionCertificateId"),
    });
    return { extensionId: extension.id, domain: extension.domain };
  };
}

describe("DomainExtension through the harness", () => {
  it("previews a first deployment with the listener's outputs unknown and no check failure", async () => {
    const { run } = project();
    const preview = await run("preview", sniProgram());
    expect(preview.failures).toEqual([]);
    expect(preview.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["create edge", "create edge-app"]);
    expect(preview.lines[preview.lines.length - 1]).toBe("Resources: 2 to create");
  });

  it("replaces the extension on a new domain, creating the new one before deleting the old", async () => {
    const { run } = project();
    const [, second] = slb.seed.serverCertificateIds;
    await run("up", sniProgram());
    const replaced = await run("up", sniProgram("www.example.com"));
    expect(replaced.lines).toContain("  +- replace aliyun:DomainExtension edge-app (forced by: domain)");
    expect(replaced.outputs.domain).toBe("www.example.com");
    expect(extensionsOn(11443)).toEqual([`www.example.com=${second}`]);
    await run("destroy", sniProgram());
    expect(hasListener(11443)).toBe(false);
  });

  it("reports a misplaced wildcard as the engine reports a check failure", async () => {
    const { run } = project();
    const result = await run("up", sniProgram("www.*.example.com"));
    expect(result.ok).toBe(false);
    expect(result.lines).toContain(
      "  error: pulumi-nodejs:dynamic/aliyun:DomainExtension resource 'edge-app': property domain value " +
        '"www.*.example.com" has a problem: domain must be a domain name of letters, digits, hyphens (-) and periods (.) ' +
        "that starts with a letter or digit, with a wildcard only as the whole left-most label (*.example.com), at " +
        'most 253 characters; "*" may only be the whole left-most label, got "www.*.example.com"',
    );
    await run("destroy", sniProgram());
  });

  it("keeps the secret key out of the provider text, outputs, errors, host output and state", async () => {
    const { run, dir } = project();
    const ok = await run("up", sniProgram());
    slb.faults.add({ target: "CreateDomainExtension", kind: "error", code: "Forbidden.RAM", status: 403 });
    const failed = await run("up", sniProgram("other.example.com"));
    slb.faults.clear();
    expect(ok.ok).toBe(true);
    expect(failed.ok).toBe(false);
    const texts = [ok, failed].map((r) => JSON.stringify(r));
    texts.push(fs.readFileSync(path.join(dir, ".harness-state", "dev.json"), "utf8"));
    for (const text of texts) expect(text).not.toContain(SECRET);
    await run("destroy", sniProgram());
    expect(hasListener(11443)).toBe(false);
  });
});

describe("a listener replaced delete-first under its extension", () => {
  it("keeps its place in the state, so destroy still deletes the extension before the listener", async () => {
    const { run } = project();
    let backendServerPort = 8080;
    const program = (): Record<string, pulumi.Output<unknown>> => {
      const listener = new HttpsListener("web-9444", {
        loadBalancerId: slb.seed.loadBalancers.public,
        listenerPort: 9444,
        backendServerPort,
        bandwidth: -1,
        serverCertificateId: slb.seed.serverCertificateIds[0],
        healthCheck: "off",
        stickySession: "off",
      });
      const extension = new DomainExtension("api-9444", {
        loadBalancerId: listener.loadBalancerId,
        listenerPort: listener.listenerPort,
        domain: "api.example.com",
        serverCertificateId: slb.seed.serverCertificateIds[1],
      });
      return { extensionId: extension.id };
    };
    const up = await run("up", program);
    expect(up.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["create web-9444", "create api-9444"]);
    backendServerPort = 8081;
    const replaced = await run("up", program);
    expect([...replaced.errors, ...replaced.failures.map((f) => f.reason)]).toEqual([]);
    expect(replaced.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["replace web-9444", "same api-9444"]);
    const destroyed = await run("destroy", program);
    expect(destroyed.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["delete api-9444", "delete web-9444"]);
    expect(hasListener(9444)).toBe(false);
  });
});
