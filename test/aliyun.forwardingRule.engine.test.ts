/**
 * ForwardingRule on the engine path, with HttpsListener in the same program: rules that wait for their listener by
 * input and go out in CreateRules batches, no change on a second up and a refresh, a group changed in place and a URL
 * replaced, a check failure, and a rule whose listener does not exist, through the harness and the real
 * dynamic-provider host to the installed package (dist/) and on to the in-process SLB emulator.
 */
import * as pulumi from "@pulumi/pulumi";
import { ForwardingRule, HttpsListener } from "../src";
import type { AliyunEmulator } from "../src/emulator";
import { aliyunProject, useAliyunEmulator } from "./support/aliyunEngine";
import type { EngineProject } from "./support/engineProject";
import { removeScratchDirs } from "./support/scratch";

afterAll(() => removeScratchDirs());

const SECRET = "aliyun-rule-engine-secret-Qe81LmZ2";

let slb: AliyunEmulator;
useAliyunEmulator(SECRET, (e) => (slb = e));

function project(): EngineProject {
  return aliyunProject("aliyun-rule", slb, SECRET);
}

/** rulesOn lists `<name> <domain><url> -> <group>` of the public load balancer's HTTPS listener on `port`. */
function rulesOn(port: number): string[] {
  const listener = slb.state.loadBalancers.get(slb.seed.loadBalancers.public)?.listeners.get(port);
  return [...(listener?.rules?.values() ?? [])]
    .map((r) => `${r.name} ${r.domain ?? ""}${r.url ?? ""} -> ${r.vServerGroupId}`)
    .sort();
}

function hasListener(port: number): boolean {
  return slb.state.loadBalancers.get(slb.seed.loadBalancers.public)?.listeners.has(port) ?? false;
}

/** Options of the program: its listener's port, the API rule's group and URL, how many numbered rules, their port. */
interface Shape {
  readonly port: number;
  readonly apiGroup?: string;
  readonly apiUrl?: string;
  readonly numbered?: number;
  readonly rulePort?: number;
}

/** routedProgram is an HTTPS listener with a rule by domain, one by URL, and `numbered` URL rules. */
function routedProgram(shape: Shape) {
  return () => {
    const listener = new HttpsListener("routed", {
      loadBalancerId: slb.seed.loadBalancers.public,
      listenerPort: shape.port,
      backendServerPort: 8080,
      bandwidth: -1,
      serverCertificateId: slb.seed.serverCertificateIds[0],
      healthCheck: "off",
      stickySession: "off",
    });
    // Dependency by input: the listener's outputs are unknown until it exists, so the rules wait for it.
    const on = {
      loadBalancerId: listener.loadBalancerId,
      listenerPort: shape.rulePort === undefined ? listener.listenerPort : pulumi.output(shape.rulePort),
      listenerProtocol: "https" as const,
    };
    const web = new ForwardingRule("web", {
      ...on,
      ruleName: "web",
      domain: "www.example.com",
      vServerGroupId: "rsp-web",
    });
    const api = new ForwardingRule("api", {
      ...on,
      ruleName: "api",
      url: shape.apiUrl ?? "/api",
      vServerGroupId: shape.apiGroup ?? "rsp-api",
    });
    for (let i = 0; i < (shape.numbered ?? 0); i++) {
      new ForwardingRule(`path-${i}`, { ...on, ruleName: `path-${i}`, url: `/p/${i}`, vServerGroupId: "rsp-web" });
    }
    return { webId: web.id, apiUrl: api.url };
  };
}

describe("ForwardingRule through the harness", () => {
  it("creates the listener, then its rules in batches; up and refresh show no change; destroy removes all", async () => {
    const { run } = project();
    slb.resetCalls();
    const up = await run("up", routedProgram({ port: 12443, numbered: 10 }));
    expect([...up.errors, ...up.failures.map((f) => f.reason)]).toEqual([]);
    expect(up.steps.filter((s) => s.op === "create")).toHaveLength(13);
    expect(up.outputs.webId).toMatch(/^rule-/);
    expect(rulesOn(12443)).toHaveLength(12);
    expect(rulesOn(12443).slice(0, 1)).toEqual(["api /api -> rsp-api"]);
    // Twelve rules created at once by the engine take fewer CreateRules calls than rules (lock refusals included).
    expect(slb.calls.get("CreateRules")).toBeLessThan(12);
    const changed = (r: { steps: readonly { op: string; name: string }[] }) =>
      r.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`);
    expect(changed(await run("up", routedProgram({ port: 12443, numbered: 10 })))).toEqual([]);
    expect(changed(await run("refresh", routedProgram({ port: 12443, numbered: 10 })))).toEqual([]);
    const destroyed = await run("destroy", routedProgram({ port: 12443, numbered: 10 }));
    expect(destroyed.steps[destroyed.steps.length - 1]).toMatchObject({ op: "delete", name: "routed" });
    expect(hasListener(12443)).toBe(false);
  });

  it("changes the group in place and replaces the rule on a new URL, deleting the old rule first", async () => {
    const { run } = project();
    await run("up", routedProgram({ port: 12453 }));
    const updated = await run("up", routedProgram({ port: 12453, apiGroup: "rsp-v2" }));
    expect(updated.lines).toContain("  ~ update aliyun:ForwardingRule api (changed: vServerGroupId)");
    const replaced = await run("up", routedProgram({ port: 12453, apiGroup: "rsp-v2", apiUrl: "/v2" }));
    expect([...replaced.errors, ...replaced.failures.map((f) => f.reason)]).toEqual([]);
    expect(replaced.lines).toContain("  +- replace aliyun:ForwardingRule api (forced by: url)");
    expect(rulesOn(12453)).toEqual(["api /v2 -> rsp-v2", "web www.example.com -> rsp-web"]);
    await run("destroy", routedProgram({ port: 12453 }));
    expect(hasListener(12453)).toBe(false);
  });

  it("reports a malformed URL as the engine reports a check failure", async () => {
    const { run } = project();
    const result = await run("up", routedProgram({ port: 12463, apiUrl: "/" }));
    expect(result.ok).toBe(false);
    expect(result.lines).toContain(
      "  error: pulumi-nodejs:dynamic/aliyun:ForwardingRule resource 'api': property url value \"/\" has a problem: " +
        'url must be 1 to 80 characters of letters, digits and -/.%?#&, starting with / and not only /, got "/"',
    );
    await run("destroy", routedProgram({ port: 12463 }));
  });

  it("fails a rule on a port without a listener with ListenerNotFound, naming the listener", async () => {
    const { run } = project();
    const result = await run("up", routedProgram({ port: 12473, rulePort: 12474 }));
    expect(result.ok).toBe(false);
    const lb = slb.seed.loadBalancers.public;
    expect(JSON.stringify(result)).toContain(
      `ForwardingRule ${lb}:https:12474 web (www.example.com): listener ${lb}:https:12474 does not exist (CreateRules ` +
        "answered ListenerNotFound (HTTP 404): You have not created a listener for the specified port of the load balancer.)",
    );
    expect(JSON.stringify(result)).not.toContain(SECRET);
    await run("destroy", routedProgram({ port: 12473 }));
    expect(hasListener(12473)).toBe(false);
  });
});
