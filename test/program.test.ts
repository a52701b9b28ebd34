/**
 * The top-level program (Pulumi.yaml at the repository root) with each stack file, through the harness against both
 * emulators: every stack validates, promotion dev -> staging -> prod updates in place and replaces where the stack
 * files say so, and a broken stack file fails check with the engine's message.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { emulatorEnv } from "../src/demo/fixtures";
import { runStack, type RunOptions } from "../src/engine/harness";
import { readStackConfig } from "../src/engine/project";
import { startEmulators, type Emulators } from "../src/emulator";
import { RETRY_BUDGET_ENV } from "./support/engineProject";
import { buildDist } from "./support/packed";
import { makeScratchDir, REPO_ROOT, removeScratchDirs } from "./support/scratch";

afterAll(() => removeScratchDirs());

const PROGRAM = path.join(REPO_ROOT, "src", "program", "index.ts");
const PROJECT = "lb-listeners";

let emulators: Emulators;

beforeAll(async () => {
  buildDist();
  emulators = await startEmulators({ aliyun: { lockMs: 20 }, huawei: { lockMs: 20 } });
}, 180000);
afterAll(async () => {
  await emulators.close();
});

/** deployment runs the program in `programDir` as one deployment promoted through stack files. */
function deployment(programDir: string) {
  const stateFile = path.join(makeScratchDir("program-state"), "state.json");
  return (operation: RunOptions["operation"], configStack: string) =>
    runStack({
      programDir,
      stack: "promoted",
      configStack,
      operation,
      program: PROGRAM,
      stateFile,
      env: { ...emulatorEnv(emulators), ...RETRY_BUDGET_ENV },
    });
}

/** extensionsOn443 lists `<domain>=<certificate>` of the domain extensions on the seeded public listener 443. */
function extensionsOn443(): string[] {
  const listener = emulators.aliyun?.state.loadBalancers.get("lb-emu000000000000000001")?.listeners.get(443);
  return [...(listener?.domainExtensions?.values() ?? [])].map((e) => `${e.domain}=${e.serverCertificateId}`);
}

const changes = (steps: readonly { op: string; name: string }[]): string[] =>
  steps
    .filter((s) => s.op !== "same")
    .map((s) => `${s.op} ${s.name}`)
    .sort();

describe("the top-level program", () => {
  it.each(["dev", "staging", "prod"])("holds the emulators' seeded ids in the %s stack file", (stack) => {
    const config = readStackConfig(REPO_ROOT, PROJECT, stack);
    const ids = Object.fromEntries(
      [
        "lb-listeners:aliyunLoadBalancerId",
        "lb-listeners:aliyunServerCertificateId",
        "lb-listeners:huaweiLoadBalancerId",
        "lb-listeners:huaweiCertificateId",
      ].map((key) => [key, config[key]?.value]),
    );
    expect(ids).toEqual({
      "lb-listeners:aliyunLoadBalancerId": emulators.aliyun?.seed.loadBalancers.public,
      "lb-listeners:aliyunServerCertificateId": emulators.aliyun?.seed.serverCertificateId,
      "lb-listeners:huaweiLoadBalancerId": emulators.huawei?.seed.loadBalancers.public,
      "lb-listeners:huaweiCertificateId": emulators.huawei?.seed.certificateId,
    });
  });

  it.each(["dev", "staging", "prod"])(
    "holds the emulator's seeded L4 dedicated (v3) load balancer in the %s stack file",
    (stack) => {
      const config = readStackConfig(REPO_ROOT, PROJECT, stack);
      expect(config["lb-listeners:huaweiDedicatedLoadBalancerId"]?.value).toBe(emulators.huawei?.seed.dedicated.l4);
    },
  );

  it.each(["dev", "staging", "prod"])(
    "names a seeded server certificate for the extension in the %s stack file",
    (stack) => {
      const config = readStackConfig(REPO_ROOT, PROJECT, stack);
      const extension = JSON.parse(config["lb-listeners:aliyunExtension"]?.value ?? "{}") as {
        serverCertificateId?: string;
      };
      expect(emulators.aliyun?.seed.serverCertificateIds).toContain(extension?.serverCertificateId);
    },
  );

  it.each(["dev", "staging", "prod"])("validates with the %s stack file", async (stack) => {
    const preview = await deployment(REPO_ROOT)("preview", stack);
    expect([...preview.errors, ...preview.failures.map((f) => f.reason)]).toEqual([]);
    expect(changes(preview.steps)).toEqual([
      "create api-shared",
      "create db-aliyun",
      "create db-tcp",
      "create web",
      "create web-quic",
      "create web-redirect",
      "create web-rule-api",
      "create web-rule-static",
      "create web-sni",
      "create www-http",
      "create www-https",
    ]);
  });

  it("promotes dev to staging in place and to prod with replacements, then destroys everything", async () => {
    const run = deployment(REPO_ROOT);
    expect(changes((await run("up", "dev")).steps)).toEqual([
      "create api-shared",
      "create db-aliyun",
      "create db-tcp",
      "create web",
      "create web-quic",
      "create web-redirect",
      "create web-rule-api",
      "create web-rule-static",
      "create web-sni",
      "create www-http",
      "create www-https",
    ]);
    const [firstCert, secondCert] = emulators.aliyun?.seed.serverCertificateIds ?? [];
    expect(extensionsOn443()).toEqual([`api.example.com=${secondCert}`]);
    const staging = await run("up", "staging");
    expect(staging.ok).toBe(true);
    expect(changes(staging.steps)).toEqual([
      "update api-shared",
      "update db-aliyun",
      "update db-tcp",
      "update web",
      "update web-quic",
      "update web-rule-api",
      "update web-rule-static",
      "update web-sni",
      "update www-http",
      "update www-https",
    ]);
    expect(staging.lines).toContain("  ~ update huawei:ElbV3Listener db-tcp (changed: description, keepaliveTimeout)");
    expect(staging.lines).toContain("  ~ update aliyun:DomainExtension web-sni (changed: serverCertificateId)");
    expect(staging.lines).toContain(
      "  ~ update aliyun:TcpListener db-aliyun (changed: bandwidth, description, persistenceTimeout)",
    );
    expect(staging.lines).toContain(
      "  ~ update aliyun:UdpListener web-quic (changed: bandwidth, description, scheduler)",
    );
    expect(extensionsOn443()).toEqual([`api.example.com=${firstCert}`]);
    expect(staging.lines).toContain(
      "  ~ update aliyun:HttpsListener web (changed: bandwidth, cookieTimeout, description, healthCheck, healthCheckInterval, healthCheckUri, idleTimeout, stickySession, stickySessionType)",
    );
    const prod = await run("up", "prod");
    expect(prod.ok).toBe(true);
    // The redirect keeps its port and its target's port: it stays while the HTTPS listener behind it is replaced.
    expect(changes(prod.steps)).toEqual([
      "replace api-shared",
      "replace db-aliyun",
      "replace db-tcp",
      "replace web",
      "replace web-quic",
      "replace web-rule-api",
      "replace web-rule-static",
      "replace web-sni",
      "replace www-http",
    ]);
    expect(prod.lines).toContain("  +- replace aliyun:TcpListener db-aliyun (forced by: backendServerPort)");
    expect(prod.lines).toContain("  +- replace huawei:ElbV2Listener api-shared (forced by: protocolPort)");
    expect(prod.lines).toContain("  +- replace aliyun:ForwardingRule web-rule-static (forced by: url)");
    expect(prod.lines).toContain("  +- replace aliyun:UdpListener web-quic (forced by: backendServerPort)");
    expect(prod.lines).toContain("  +- replace aliyun:DomainExtension web-sni (forced by: domain)");
    expect(extensionsOn443()).toEqual([`*.example.com=${secondCert}`]);
    expect(prod.lines).toContain("  +- replace aliyun:HttpsListener web (forced by: backendServerPort)");
    expect(prod.lines).toContain("  +- replace huawei:ElbV3Listener db-tcp (forced by: tags)");
    const dedicated = emulators.huawei?.v3.listenersOf(emulators.huawei.seed.dedicated.l4) ?? [];
    expect(dedicated.map((l) => [l.protocolPort, l.fields.keepalive_timeout, l.fields.description, l.tags])).toEqual([
      [
        3306,
        900,
        "db-prod",
        [
          { key: "app", value: "db" },
          { key: "env", value: "prod" },
        ],
      ],
    ]);
    const destroyed = await run("destroy", "prod");
    expect(changes(destroyed.steps)).toEqual([
      "delete api-shared",
      "delete db-aliyun",
      "delete db-tcp",
      "delete web",
      "delete web-quic",
      "delete web-redirect",
      "delete web-rule-api",
      "delete web-rule-static",
      "delete web-sni",
      "delete www-http",
      "delete www-https",
    ]);
    expect(emulators.aliyun?.state.loadBalancers.get("lb-emu000000000000000001")?.listeners.size).toBe(0);
    expect(emulators.huawei?.state.listenersOf().length).toBe(0);
    expect(emulators.huawei?.v3.listenersOf().length).toBe(0);
    expect(emulators.huawei?.v2.listenersOf().length).toBe(0);
  });

  it("fails check with the engine's message when a stack file sets an out-of-range bandwidth", async () => {
    const dir = makeScratchDir("broken");
    fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    const dev = yaml.load(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.dev.yaml"), "utf8")) as {
      config: Record<string, Record<string, unknown>>;
    };
    dev.config["lb-listeners:aliyun"].bandwidth = 5121;
    fs.writeFileSync(path.join(dir, "Pulumi.broken.yaml"), yaml.dump(dev));
    const result = await deployment(dir)("preview", "broken");
    expect(result.ok).toBe(false);
    expect(result.failures.map((f) => `${f.name}: ${f.reason}`)).toEqual([
      "web: bandwidth must be -1 or an integer from 1 to 5120, got 5121",
    ]);
    expect(result.lines).toContain(
      "  error: pulumi-nodejs:dynamic/aliyun:HttpsListener resource 'web': property bandwidth value 5121 has a problem: bandwidth must be -1 or an integer from 1 to 5120, got 5121",
    );
  });
});
