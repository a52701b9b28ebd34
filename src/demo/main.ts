/**
 * `npm run demo`: the top-level program's whole life on this machine, without an account, a network or the Pulumi
 * CLI. It starts both emulators in-process, deploys with dev's stack file (on one Aliyun load balancer an HTTPS
 * listener with one domain extension and two forwarding rules, an HTTP listener redirecting port 80 to it, a TCP listener and a UDP listener
 * sharing port 443; two classic, one dedicated and one shared Huawei listener), promotes the same deployment to staging (in-place
 * updates, the extension's certificate rotated) and prod (replacements), changes a listener out of band through the
 * API, refreshes, puts it back, destroys everything, checks that nothing is left (listeners of every protocol and
 * API, and domain extensions), and exits 0 (1 if any step failed).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SlbClient } from "../aliyun/client";
import { runStack, type Operation, type RunResult } from "../engine/harness";
import { startEmulators, type Emulators } from "../emulator";
import { emulatorEnv } from "./fixtures";

/** DemoOptions let tests run the demo quietly and elsewhere. */
export interface DemoOptions {
  /** programDir holds Pulumi.yaml and the stack files. @default the package root */
  readonly programDir?: string;
  /** print receives every line. @default console.log */
  readonly print?: (line: string) => void;
}

const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

/** runDemo runs the whole demo and resolves with whether every step did what it should. */
export async function runDemo(options: DemoOptions = {}): Promise<boolean> {
  const programDir = options.programDir ?? PACKAGE_ROOT;
  const print = options.print ?? ((line: string) => console.log(line));
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "lb-listeners-demo-"));
  const stateFile = path.join(stateDir, "state.json");
  const problems: string[] = [];
  let emulators: Emulators | undefined;
  let step = 0;

  const banner = (text: string): void => {
    step += 1;
    print("");
    print(`== ${step}. ${text}`);
  };
  const run = async (operation: Operation, configStack: string, expect: (r: RunResult) => string | undefined) => {
    const result = await runStack({
      programDir,
      stack: "demo",
      configStack,
      operation,
      stateFile,
      env: emulatorEnv(emulators as Emulators),
      print: (line) => print(`   ${line}`),
    });
    const problem = result.ok ? expect(result) : `${operation} with ${configStack} config failed`;
    if (problem) {
      problems.push(problem);
      print(`   !! ${problem}`);
    }
    return result;
  };
  const ops = (r: RunResult, op: string): number => r.steps.filter((s) => s.op === op && !s.error).length;

  try {
    banner("Starting the Alibaba Cloud SLB and Huawei Cloud classic and dedicated ELB emulators on 127.0.0.1");
    emulators = await startEmulators({ aliyun: {}, huawei: {} });
    const { aliyun, huawei } = emulators as Required<Pick<Emulators, "aliyun" | "huawei">> & Emulators;
    print(`   aliyun ${aliyun.endpoint}   huawei ${huawei.endpoint}`);
    print(`   huawei dedicated (v3) load balancer, L4 flavor: ${huawei.seed.dedicated.l4}`);
    print(`   huawei shared (v2) load balancer: ${huawei.seed.shared.loadBalancers.first}`);

    banner("Preview with dev's stack file (nothing exists yet)");
    await run("preview", "dev", (r) => (ops(r, "create") === 11 ? undefined : "preview should plan 11 creates"));

    // The Aliyun listener's domain extension: its domain and certificate as the emulator holds them.
    const extensions = (): string =>
      [...aliyun.state.loadBalancers.values()]
        .flatMap((lb) => [...lb.listeners.values()].flatMap((l) => [...(l.domainExtensions?.values() ?? [])]))
        .map((e) => `${e.domain} -> ${e.serverCertificateId} (${e.id})`)
        .join(", ") || "none";
    // The forwarding rules as the emulator holds them: what each matches and where it sends it.
    const rules = (): string =>
      [...aliyun.state.loadBalancers.values()]
        .flatMap((lb) => [...lb.listeners.values()].flatMap((l) => [...(l.rules?.values() ?? [])]))
        .map((r) => `${r.domain ?? ""}${r.url ?? ""} -> ${r.vServerGroupId}`)
        .join(", ") || "none";
    // The shared (v2) listeners as the emulator holds them: port, TLS policy and SNI certificates.
    const sharedListeners = (): string =>
      huawei.v2
        .listenersOf()
        .map((l) => {
          const sni = Array.isArray(l.fields.sni_container_refs) ? l.fields.sni_container_refs.length : 0;
          return `${l.protocol}:${l.protocolPort} (${String(l.fields.tls_ciphers_policy)}, SNI certificates ${sni})`;
        })
        .join(", ") || "none";
    // The Aliyun listeners of every protocol as the emulator holds them: a redirect names its target.
    const aliyunListeners = (): string =>
      [...aliyun.state.loadBalancers.values()]
        .flatMap((lb) => [...lb.listeners.values()])
        .sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol))
        .map((l) =>
          l.config.ListenerForward === "on"
            ? `${l.protocol}:${l.port} -> https:${l.config.ForwardPort}`
            : `${l.protocol}:${l.port} (backend ${l.config.BackendServerPort}, ${l.config.Bandwidth} Mbit/s)`,
        )
        .join(", ") || "none";

    banner("Deploy dev (pulumi up): 8 listeners, 1 domain extension and 2 forwarding rules");
    await run("up", "dev", (r) => (ops(r, "create") === 11 ? undefined : "dev should create 11 resources"));
    print(`   aliyun listeners: ${aliyunListeners()}`);
    print(`   huawei shared listeners: ${sharedListeners()}`);
    print(`   domain extensions: ${extensions()}`);
    print(`   forwarding rules: ${rules()}`);

    banner(
      "Promote to staging: the same listeners and extension, updated in place (the redirect has nothing to change)",
    );
    await run("up", "staging", (r) => (ops(r, "update") === 10 ? undefined : "staging should update 10 resources"));
    print(`   aliyun listeners: ${aliyunListeners()}`);
    print(`   huawei shared listeners: ${sharedListeners()}`);
    print(`   domain extensions: ${extensions()}`);
    print(`   forwarding rules: ${rules()}`);

    banner("Preview prod: which changes force a replacement");
    await run("preview", "prod", (r) => (ops(r, "replace") === 9 ? undefined : "prod should plan 9 replacements"));

    // The redirect keeps port 80 and its target port 443, so it stays while the HTTPS listener behind it is replaced.
    banner("Promote to prod (the redirect keeps pointing at port 443 while the HTTPS listener there is replaced)");
    const prod = await run("up", "prod", (r) => (ops(r, "replace") === 9 ? undefined : "prod should replace 9"));
    print(`   aliyun listeners: ${aliyunListeners()}`);
    print(`   huawei shared listeners: ${sharedListeners()}`);
    print(`   domain extensions: ${extensions()}`);
    print(`   forwarding rules: ${rules()}`);

    banner("Out-of-band change through the SLB API: bandwidth set to 77 behind Pulumi's back");
    const web = prod.state.resources[Object.keys(prod.state.resources).find((u) => u.endsWith("::web")) ?? ""];
    const slb = new SlbClient({
      endpoint: aliyun.endpoint,
      accessKeyId: aliyun.accessKeyId,
      accessKeySecret: aliyun.accessKeySecret,
    });
    aliyun.state.settle();
    await slb.call("SetLoadBalancerHTTPSListenerAttribute", {
      RegionId: aliyun.seed.regionId,
      LoadBalancerId: String(web?.outputs.loadBalancerId),
      ListenerPort: Number(web?.outputs.listenerPort),
      Bandwidth: 77,
    });
    print("   SetLoadBalancerHTTPSListenerAttribute Bandwidth=77: done");

    banner("Refresh: the state learns the live bandwidth");
    await run("refresh", "prod", (r) =>
      r.steps.some((s) => s.op === "refresh" && s.changed?.includes("bandwidth")) ? undefined : "refresh missed it",
    );

    banner("Deploy prod again: the program's bandwidth is put back");
    await run("up", "prod", (r) => (ops(r, "update") === 1 ? undefined : "up should update 1 listener"));

    banner("Destroy (pulumi destroy)");
    await run("destroy", "prod", (r) => (ops(r, "delete") === 11 ? undefined : "destroy should delete 11 resources"));

    banner("Checking that nothing is left");
    const aliyunLeft = [...aliyun.state.loadBalancers.values()].reduce((n, lb) => n + lb.listeners.size, 0);
    // Both Huawei APIs share the endpoint but not their listeners: the classic (v1.0) and the dedicated (v3) state.
    const classicLeft = huawei.state.listenersOf().length;
    const dedicatedLeft = huawei.v3.listenersOf().length;
    const sharedLeft = huawei.v2.listenersOf().length;
    const huaweiLeft = classicLeft + dedicatedLeft + sharedLeft;
    print(`   listeners left: aliyun ${aliyunLeft}, huawei ${huaweiLeft}; domain extensions left: ${extensions()}`);
    print(
      `   huawei listeners left: classic ${classicLeft}, dedicated (v3) ${dedicatedLeft}, shared (v2) ${sharedLeft}`,
    );
    if (aliyunLeft + huaweiLeft > 0) problems.push("listeners were left behind");
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  } finally {
    await emulators?.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
  print("");
  print(
    problems.length === 0 ? "Demo finished: every step did what it should." : `Demo failed: ${problems.join("; ")}`,
  );
  return problems.length === 0;
}

if (require.main === module) {
  runDemo().then(
    (ok) => {
      process.exitCode = ok ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
