/**
 * The engine path with a tiny self-contained dynamic provider: the harness runs a program under mocks and drives
 * the real `@pulumi/pulumi` dynamic-provider host over gRPC for every lifecycle step.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { runStack, type RunOptions } from "../src/engine/harness";
import { DynamicProviderHost } from "../src/engine/host";
import { Tiny } from "./support/tiny";
import { makeScratchDir, writeProject, removeScratchDirs } from "./support/scratch";

afterAll(() => removeScratchDirs());

const TOKEN = "tiny-secret-7f3a9c1e5b";

function setup(stacks: Record<string, Record<string, string>>) {
  const dir = makeScratchDir("engine");
  writeProject(dir, "tinyproj", stacks);
  const cloudFile = path.join(dir, "cloud.json");
  fs.writeFileSync(cloudFile, "{}");
  const cloud = (): Record<string, Record<string, unknown>> => JSON.parse(fs.readFileSync(cloudFile, "utf8"));
  const run = (stack: string, operation: RunOptions["operation"], program?: () => unknown, configStack?: string) =>
    runStack({
      programDir: dir,
      stack,
      configStack,
      operation,
      program: program ?? tinyProgram,
      config: { "tinyproj:token": { value: TOKEN, secret: true } },
      env: { TINY_CLOUD_FILE: cloudFile, TINY_EXPECTED_TOKEN: TOKEN },
    });
  return { dir, cloudFile, cloud, run };
}

function tinyProgram(): Record<string, unknown> {
  const config = new pulumi.Config("tinyproj");
  const a = new Tiny("a", {
    size: config.requireNumber("size"),
    zone: config.require("zone"),
    dbr: config.getBoolean("dbr"),
  });
  const b = new Tiny("b", { size: 1, zone: "z1", label: a.arn });
  return { arn: a.arn, greeting: a.greeting, labelOfB: b.arn };
}

describe("DynamicProviderHost", () => {
  it("starts the real host, answers Check and reports provider errors as HostCallError", async () => {
    const dir = makeScratchDir("host");
    const host = await DynamicProviderHost.start({ programDir: dir });
    try {
      await host.configure({});
      const text = "exports.handler = () => ({ check: async () => { throw new Error('boom from check'); } });";
      await expect(host.check("urn:x", {}, { __provider: text })).rejects.toThrow("boom from check");
    } finally {
      await host.close();
    }
  });
});

describe("runStack with a tiny provider", () => {
  it("creates every declared resource and passes stack config through Configure", async () => {
    const { run, cloud } = setup({ dev: { "tinyproj:size": "2", "tinyproj:zone": "z1", "tinyproj:greeting": "hi" } });
    const result = await run("dev", "up");
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => `${s.op} ${s.name}`).sort()).toEqual(["create a", "create b"]);
    expect(result.outputs.greeting).toBe("hi");
    expect(Object.keys(cloud())).toHaveLength(2);
    expect(result.lines).toContain("  + create test:Tiny a");
    expect(result.lines[result.lines.length - 1]).toBe("Resources: 2 created");
  });

  it("reports a check failure as the engine does and changes nothing", async () => {
    const { run, cloud } = setup({ dev: { "tinyproj:size": "42", "tinyproj:zone": "z1" } });
    const result = await run("dev", "up");
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      expect.objectContaining({
        name: "a",
        property: "size",
        value: 42,
        reason: "size must be an integer from 1 to 10",
      }),
    ]);
    expect(result.lines).toContain(
      "  error: pulumi-nodejs:dynamic/test:Tiny resource 'a': property size value 42 has a problem: size must be an integer from 1 to 10",
    );
    expect(cloud()).toEqual({});
  });

  it("promotes one deployment: updates in place, replaces on a forcing change, leaves the rest alone", async () => {
    const { run } = setup({
      dev: { "tinyproj:size": "2", "tinyproj:zone": "z1" },
      staging: { "tinyproj:size": "3", "tinyproj:zone": "z1" },
      prod: { "tinyproj:size": "3", "tinyproj:zone": "z2" },
    });
    await run("app", "up", undefined, "dev");
    const staging = await run("app", "up", undefined, "staging");
    expect(staging.steps.filter((s) => s.op !== "same")).toEqual([
      expect.objectContaining({ op: "update", name: "a", changed: ["size"] }),
    ]);
    expect(staging.lines).toContain("  ~ update test:Tiny a (changed: size)");
    const prod = await run("app", "up", undefined, "prod");
    expect(prod.lines).toContain("  +- replace test:Tiny a (forced by: zone)");
    // b's label is a's ARN, which changed with the replacement.
    expect(prod.steps.find((s) => s.name === "b")).toEqual(
      expect.objectContaining({ op: "update", changed: ["label"] }),
    );
    const again = await run("app", "up", undefined, "prod");
    expect(again.steps.map((s) => s.op)).toEqual(["same", "same"]);
    expect(again.lines[again.lines.length - 1]).toBe("Resources: 2 unchanged");
  });

  it("creates the replacement before deleting the old one unless diff asks for delete-before-replace", async () => {
    const { run, cloud, dir } = setup({
      dev: { "tinyproj:size": "2", "tinyproj:zone": "z1", "tinyproj:dbr": "true" },
    });
    await run("dev", "up");
    fs.writeFileSync(
      path.join(dir, "Pulumi.dev.yaml"),
      "config:\n  tinyproj:size: 2\n  tinyproj:zone: z9\n  tinyproj:dbr: true\n",
    );
    const result = await run("dev", "up");
    expect(result.steps.find((s) => s.name === "a")).toEqual(
      expect.objectContaining({ op: "replace", replaces: ["zone"], deleteBeforeReplace: true }),
    );
    // The old listener was deleted first, so the replacement reused the cloud's next slot number.
    expect(Object.keys(cloud()).sort()).toEqual(["t-2-z1", "t-2-z9"]);
  });

  it("deletes resources the program no longer declares", async () => {
    const { run, cloud } = setup({ dev: { "tinyproj:size": "2", "tinyproj:zone": "z1" } });
    await run("dev", "up");
    const result = await run("dev", "up", () => {
      new Tiny("a", { size: 2, zone: "z1" });
    });
    expect(result.steps.filter((s) => s.op === "delete").map((s) => s.name)).toEqual(["b"]);
    expect(result.lines).toContain("  - delete test:Tiny b");
    expect(Object.keys(cloud())).toHaveLength(1);
  });

  it("previews with unknowns: dependent inputs reach check and diff as the sentinel without failures", async () => {
    const { run, cloud, dir } = setup({ dev: { "tinyproj:size": "2", "tinyproj:zone": "z1" } });
    const preview = await run("dev", "preview");
    expect(preview.ok).toBe(true);
    expect(preview.steps.map((s) => `${s.op} ${s.name}`).sort()).toEqual(["create a", "create b"]);
    expect(preview.outputs.arn).toBeUndefined();
    expect(preview.lines[preview.lines.length - 1]).toBe("Resources: 2 to create");
    expect(cloud()).toEqual({});
    expect(fs.existsSync(path.join(dir, ".harness-state", "dev.json"))).toBe(false);
    await run("dev", "up");
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  tinyproj:size: 2\n  tinyproj:zone: z2\n");
    const replacing = await run("dev", "preview");
    // a will be replaced, so its ARN (b's label) is unknown and b's diff reports the change.
    expect(replacing.steps.find((s) => s.name === "b")).toEqual(
      expect.objectContaining({ op: "update", changed: ["label"] }),
    );
  });

  it("refresh takes the live inputs and drops resources deleted out of band", async () => {
    const { run, cloud, cloudFile } = setup({ dev: { "tinyproj:size": "2", "tinyproj:zone": "z1" } });
    await run("dev", "up");
    const live = cloud();
    const [idA, idB] = Object.keys(live);
    live[idA].size = 5;
    delete live[idB];
    fs.writeFileSync(cloudFile, JSON.stringify(live));
    const refreshed = await run("dev", "refresh");
    expect(refreshed.steps.map((s) => `${s.op} ${s.name}`)).toEqual(["refresh a", "gone b"]);
    expect(refreshed.lines).toContain("  ~ refresh test:Tiny a (changed: size)");
    expect(Object.keys(refreshed.state.resources)).toHaveLength(1);
    // The refreshed inputs now differ from the program (5 vs 2): the next up puts size back and recreates b.
    const up = await run("dev", "up");
    expect(up.steps.map((s) => `${s.op} ${s.name}`).sort()).toEqual(["create b", "update a"]);
  });

  it("destroy deletes everything in reverse creation order", async () => {
    const { run, cloud } = setup({ dev: { "tinyproj:size": "2", "tinyproj:zone": "z1" } });
    await run("dev", "up");
    const result = await run("dev", "destroy");
    expect(result.steps.map((s) => s.op)).toEqual(["delete", "delete"]);
    expect(cloud()).toEqual({});
    expect(result.state.resources).toEqual({});
  });

  it("reports a provider error on create with the provider's message and keeps going with nothing half-stored", async () => {
    const { run } = setup({ dev: { "tinyproj:size": "2", "tinyproj:zone": "z1" } });
    const result = await run("dev", "up", () => {
      new Tiny("x", { size: 1, zone: "z1", label: "explode" });
    });
    expect(result.ok).toBe(false);
    expect(result.errors).toContain("create test:Tiny x failed: the tiny cloud refused label explode");
    expect(result.state.resources).toEqual({});
  });

  it("never writes a secret from stack config into outputs, state, host output or errors", async () => {
    const { run, dir } = setup({ dev: { "tinyproj:size": "2", "tinyproj:zone": "z1" } });
    const ok = await run("dev", "up");
    const failed = await run("dev", "up", () => {
      new Tiny("x", { size: 1, zone: "z1", label: "explode" });
    });
    expect(ok.ok).toBe(true);
    expect(failed.ok).toBe(false);
    const everything = [ok, failed]
      .map((r) => JSON.stringify({ ...r, state: undefined }) + r.hostStdout + r.hostStderr)
      .concat(fs.readFileSync(path.join(dir, ".harness-state", "dev.json"), "utf8"));
    for (const text of everything) expect(text).not.toContain(TOKEN);
  });

  it("stores a secret input only as a digest, hands it to the provider in clear, and sees no change on the next up", async () => {
    const { run, dir, cloud } = setup({ dev: { "tinyproj:size": "2", "tinyproj:zone": "z1" } });
    const program = () => {
      const a = new Tiny("a", { size: 2, zone: "z1", token: pulumi.secret("input-secret-Lk29Qw") });
      return { token: a.arn };
    };
    const first = await run("dev", "up", program);
    expect(first.ok).toBe(true);
    expect(Object.values(cloud())[0].token).toBe("input-secret-Lk29Qw");
    expect(fs.readFileSync(path.join(dir, ".harness-state", "dev.json"), "utf8")).not.toContain("input-secret-Lk29Qw");
    const second = await run("dev", "up", program);
    expect(second.steps.map((s) => s.op)).toEqual(["same"]);
  });
});
