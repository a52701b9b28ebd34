/**
 * The acceptance run: every resource kind's scenario through the engine path (the real dynamic-provider host, as the
 * demo uses it), against the account whose credentials are in the environment, or against the embedded emulators
 * when there are none. Each kind: create, a preview that shows no change, an update in place, a refresh without
 * drift, a change that replaces, `get()` of what it made, `adoptExisting` on the port it made (from a fresh state),
 * destroy. It creates only listeners, extensions and forwarding rules, every name, description, domain or rule name
 * starting with `plbacc-`, on ports it found free, and never touches anything it did not create in the same run.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runStack, type Operation, type RunResult } from "../engine/harness";
import type { StackConfig } from "../engine/host";
import { emulatorEnv as demoEmulatorEnv } from "../demo/fixtures";
import { startEmulators, type Emulators } from "../emulator";
import type { Cloud } from "../core/errors";
import { RECORD_DIR_ENV, type RecordedCall } from "../core/recorder";
import type { Env } from "../core/config";
import { AliyunAccount, HuaweiAccount, type LiveListener } from "./account";
import { redactCalls } from "./redact";
import { providerConfig } from "./stackConfig";
import { SCENARIOS, type Accounts, type Ids, type KindName, type Scenario, type Stage } from "./scenarios";
import {
  PREFIX,
  VARIABLES,
  credentialsOf,
  hasAliyunCredentials,
  hasHuaweiCredentials,
  readAccountIds,
  readPorts,
  type AccountIds,
  type PortRange,
} from "./variables";

/** STEPS are a scenario's steps, in order. */
export const STEPS = ["create", "preview", "update", "refresh", "replace", "get", "adopt", "destroy"] as const;

/** StepName is one step of a scenario. */
type StepName = (typeof STEPS)[number];

/** StepReport is one step's outcome, the API calls it made and its wall time. */
interface StepReport {
  readonly step: StepName;
  readonly outcome: "passed" | "failed" | "not run";
  readonly detail?: string;
  readonly calls: number;
  readonly ms: number;
}

/** KindReport is one kind's scenario. */
interface KindReport {
  readonly kind: KindName;
  readonly cloud: Cloud;
  readonly status: "passed" | "failed" | "skipped";
  readonly reason?: string;
  readonly port?: number;
  readonly steps: readonly StepReport[];
}

/** Target says what a cloud's scenarios ran against. */
type Target = "emulators" | "account" | "not run";

/** AcceptanceReport is the whole run, as `acceptance-report.json` holds it. */
export interface AcceptanceReport {
  readonly run: string;
  readonly targets: Readonly<Record<Cloud, Target>>;
  readonly ports: PortRange;
  readonly ok: boolean;
  /** problems stopped the run before the first create (a malformed variable, a missing load balancer, no port). */
  readonly problems: readonly string[];
  readonly kinds: readonly KindReport[];
  /** leftovers are what the run made and could not delete, with the command that removes them. */
  readonly leftovers: readonly string[];
}

/** AcceptanceOptions steer a run; every member has a default for the command line. */
export interface AcceptanceOptions {
  /** env holds credentials, endpoints and the `PLB_ACC_*` variables. @default process.env */
  readonly env?: Env;
  /** print receives each line. @default console.log */
  readonly print?: (line: string) => void;
  /** kinds limits the run to some kinds. @default every kind */
  readonly kinds?: readonly KindName[];
  /** run is the run's tag in every name (a replay passes the recorded one). @default a new random tag */
  readonly run?: string;
  /** reportFile is where the report is written; none when empty. @default acceptance-report.json */
  readonly reportFile?: string;
  /** record writes the run's redacted calls under `<dir>/<cloud>/<name>/`. */
  readonly record?: { readonly dir: string; readonly name: string };
  /** signal stops the run after the step in progress; what it made is deleted first. */
  readonly signal?: AbortSignal;
  /** packageRoot is where the provider host runs. @default this package's root */
  readonly packageRoot?: string;
  /**
   * stack reads the providers' settings (`alicloud:*`, `huaweicloud:*`, `pulumi-lb-listeners:*`) from
   * `<dir>/Pulumi.<name>.yaml`, as `pulumi up` would for that stack; they win over the environment, as in the providers.
   */
  readonly stack?: { readonly dir: string; readonly name: string };
}

const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

/**
 * emulatorEnv is the demo's environment for the emulators (endpoints and credentials) with their regions and project,
 * and their seeded resources named as the account variables.
 */
export function emulatorEnv(emulators: Emulators): Record<string, string> {
  const aliyun = emulators.aliyun;
  const huawei = emulators.huawei;
  if (!aliyun || !huawei) throw new Error("both emulators must run");
  return {
    ...demoEmulatorEnv(emulators),
    ALICLOUD_REGION: aliyun.seed.regionId,
    HW_REGION_NAME: huawei.seed.region,
    HW_PROJECT_ID: huawei.seed.projectId,
    [VARIABLES.aliyunLoadBalancerId]: aliyun.seed.loadBalancers.public,
    [VARIABLES.aliyunCertificateIds]: aliyun.seed.serverCertificateIds.slice(0, 2).join(","),
    [VARIABLES.huaweiClassicLoadBalancerId]: huawei.seed.loadBalancers.public,
    [VARIABLES.huaweiClassicCertificateId]: huawei.seed.certificateId,
    [VARIABLES.huaweiDedicatedLoadBalancerId]: huawei.seed.dedicated.l4l7,
    [VARIABLES.huaweiDedicatedCertificateId]: huawei.seed.certificates.server,
    [VARIABLES.huaweiSharedLoadBalancerId]: huawei.seed.shared.loadBalancers.first,
    [VARIABLES.huaweiSharedCertificateId]: huawei.seed.shared.certificateId,
    // Assumed: the SLB emulator seeds no VServer group and takes any `rsp-` id on a rule, so a fixed one serves.
    [VARIABLES.aliyunVServerGroupId]: EMULATOR_VSERVER_GROUP_ID,
  };
}

/** EMULATOR_VSERVER_GROUP_ID is the VServer group the ForwardingRule scenario names on the emulator. */
const EMULATOR_VSERVER_GROUP_ID = "rsp-plbacc0emulator";

/** Taken is a listener the port picker must step around: its port and, when known, its protocol. */
interface Taken {
  readonly port: number;
  readonly protocol?: string;
}

/**
 * clashes tells whether a listener of `protocol` cannot go on a taken listener's port. On an SLB instance a UDP
 * listener may share its port with a TCP, HTTP or HTTPS one, and TCP, HTTP and HTTPS ports are unique among
 * themselves; without a protocol (the Huawei kinds) any listener takes the port.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md §1.3, §5 (UDP ListenerPort).
 */
function clashes(protocol: string | undefined, taken: Taken): boolean {
  if (protocol === undefined || taken.protocol === undefined) return true;
  return (protocol.toLowerCase() === "udp") === (taken.protocol.toLowerCase() === "udp");
}

/**
 * freePort is the first port of the range that no listener of the load balancer holds against a listener of
 * `protocol` (see clashes; without a protocol every listener holds its port), or undefined.
 */
export function freePort(range: PortRange, taken: readonly Taken[], protocol?: string): number | undefined {
  const used = new Set(taken.filter((l) => clashes(protocol, l)).map((l) => l.port));
  for (let port = range.from; port <= range.to; port += 1) if (!used.has(port)) return port;
  return undefined;
}

/** readCalls reads a recording directory's raw calls in the order they started. */
function readCalls(dir: string): RecordedCall[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as RecordedCall);
}

const countFiles = (dir: string): number => (fs.existsSync(dir) ? fs.readdirSync(dir).length : 0);

/** runAcceptance runs the scenarios and resolves with the report (it never rejects for a failed step). */
export async function runAcceptance(options: AcceptanceOptions = {}): Promise<AcceptanceReport> {
  const print = options.print ?? ((line: string) => console.log(line));
  const given = options.env ?? process.env;
  const run = options.run ?? `${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 5)}`;
  const root = options.packageRoot ?? PACKAGE_ROOT;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "plbacc-"));
  const rawDir = path.join(work, "calls");
  let emulators: Emulators | undefined;
  const previousRecordDir = process.env[RECORD_DIR_ENV];
  const kinds: KindReport[] = [];
  const leftovers: string[] = [];
  const problems: string[] = [];
  let env: Env = given;
  let ports: PortRange = { from: 0, to: 0 };
  const targets: Record<Cloud, Target> = { aliyun: "not run", huawei: "not run" };
  let stackConfig: StackConfig = {};
  const config = (key: string): string | undefined => stackConfig[key]?.value;
  let useEmulators = false;
  try {
    // A stack file that cannot be read stops the run before anything else, as a malformed variable does.
    if (options.stack) {
      stackConfig = providerConfig(options.stack.dir, options.stack.name, given.PULUMI_CONFIG_PASSPHRASE);
    }
    useEmulators = !hasAliyunCredentials(given, config) && !hasHuaweiCredentials(given, config);
    if (useEmulators) {
      print("No Alibaba Cloud or Huawei Cloud credentials in the environment: running against the embedded emulators.");
      // No configuration lock and no PENDING_CREATE read: each only makes a provider sleep a poll interval or a
      // retry's backoff (up to a second) before the same outcome. No step here asserts those waits; the providers'
      // reliability specs do, on emulators that keep them.
      emulators = await startEmulators({ aliyun: { lockMs: 0 }, huawei: { lockMs: 0, pendingCreateReads: 0 } });
      // The account variables given win over the seeded ones, so a run can name another (or a missing) resource.
      const accountVariables = Object.entries(given).filter(([k]) => k.startsWith("PLB_ACC_"));
      env = { ...given, ...emulatorEnv(emulators), ...Object.fromEntries(accountVariables) };
      targets.aliyun = targets.huawei = "emulators";
    } else {
      if (hasAliyunCredentials(given, config)) targets.aliyun = "account";
      if (hasHuaweiCredentials(given, config)) targets.huawei = "account";
    }
    const portRead = readPorts(env);
    const idsRead = readAccountIds(env);
    if (!portRead.ok) problems.push(...portRead.problems);
    if (!idsRead.ok) problems.push(...idsRead.problems);
    if (portRead.ok) ports = portRead.value;
    if (problems.length > 0 || !idsRead.ok || !portRead.ok) return finish();
    // Every call from here on, the preflight's in this process and the providers' in their hosts, is recorded.
    process.env[RECORD_DIR_ENV] = rawDir;
    const hostEnv: Record<string, string> = { [RECORD_DIR_ENV]: rawDir };
    for (const [k, v] of Object.entries(env)) if (v !== undefined) hostEnv[k] = v;

    const wanted = SCENARIOS.filter((s) => !options.kinds || options.kinds.includes(s.kind));
    const runnable: { scenario: Scenario; port: number }[] = [];
    const clients: { aliyun?: AliyunAccount; huawei?: HuaweiAccount } = {};
    const accounts: Accounts = {
      aliyun: () => (clients.aliyun ??= new AliyunAccount(env, config)),
      huawei: () => (clients.huawei ??= new HuaweiAccount(env, config)),
    };
    const ids = completeIds(idsRead.value);
    for (const scenario of wanted) {
      const skip = skipReason(scenario, targets, ids);
      if (skip) {
        print(`${scenario.kind}: skipped, ${skip}`);
        kinds.push({ kind: scenario.kind, cloud: scenario.cloud, status: "skipped", reason: skip, steps: [] });
        continue;
      }
      try {
        const taken = await scenario.listeners(accounts, ids);
        // Ports already picked for another kind on the same load balancer are taken too.
        const picked = runnable
          .filter((r) => r.scenario.loadBalancer === scenario.loadBalancer)
          .map((r) => ({ port: r.port, ...(r.scenario.protocol ? { protocol: r.scenario.protocol } : {}) }));
        const port = freePort(ports, [...taken, ...picked], scenario.protocol);
        if (port === undefined) {
          problems.push(`${scenario.kind}: no free port in ${ports.from}-${ports.to} (set ${VARIABLES.ports})`);
        } else runnable.push({ scenario, port });
      } catch (error) {
        problems.push(`${scenario.kind}: ${messageOf(error)}`);
      }
    }
    if (problems.length > 0) return finish();

    for (const { scenario, port } of runnable) {
      if (options.signal?.aborted) {
        kinds.push({ kind: scenario.kind, cloud: scenario.cloud, status: "skipped", reason: "interrupted", steps: [] });
        continue;
      }
      const report = await runScenario(scenario, {
        root,
        work,
        rawDir,
        hostEnv,
        stackConfig,
        ids,
        port,
        run,
        accounts,
        print,
        signal: options.signal,
        leftovers,
      });
      kinds.push(report);
    }
    return finish();
  } catch (error) {
    problems.push(messageOf(error));
    return finish();
  } finally {
    if (previousRecordDir === undefined) delete process.env[RECORD_DIR_ENV];
    else process.env[RECORD_DIR_ENV] = previousRecordDir;
    await emulators?.close();
    fs.rmSync(work, { recursive: true, force: true });
  }

  function finish(): AcceptanceReport {
    for (const problem of problems) print(`problem: ${problem}`);
    const ok = problems.length === 0 && leftovers.length === 0 && kinds.every((k) => k.status !== "failed");
    const report: AcceptanceReport = { run, targets, ports, ok, problems, kinds, leftovers };
    printTable(report, print);
    const reportFile = options.reportFile ?? "acceptance-report.json";
    if (reportFile !== "") fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    if (options.record) writeRecording(report, options.record, rawDir, env, stackConfig, useEmulators);
    return report;
  }
}

/** completeIds gives every role a value: an unset one is empty, and a scenario that needs it is skipped. */
function completeIds(ids: AccountIds): Ids {
  return {
    aliyunLoadBalancerId: ids.aliyunLoadBalancerId ?? "",
    aliyunCertificateIds: ids.aliyunCertificateIds ?? "",
    aliyunVServerGroupId: ids.aliyunVServerGroupId ?? "",
    huaweiClassicLoadBalancerId: ids.huaweiClassicLoadBalancerId ?? "",
    huaweiClassicCertificateId: ids.huaweiClassicCertificateId ?? "",
    huaweiDedicatedLoadBalancerId: ids.huaweiDedicatedLoadBalancerId ?? "",
    huaweiDedicatedCertificateId: ids.huaweiDedicatedCertificateId ?? "",
    huaweiSharedLoadBalancerId: ids.huaweiSharedLoadBalancerId ?? "",
    huaweiSharedCertificateId: ids.huaweiSharedCertificateId ?? "",
  };
}

/** skipReason says why a scenario cannot run here, in one line naming what is missing, or undefined. */
function skipReason(scenario: Scenario, targets: Record<Cloud, Target>, ids: Ids): string | undefined {
  if (targets[scenario.cloud] === "not run") {
    return scenario.cloud === "aliyun"
      ? "no Alibaba Cloud credentials (set ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY)"
      : "no Huawei Cloud credentials (set HW_ACCESS_KEY and HW_SECRET_KEY, or HW_AUTH_TOKEN)";
  }
  const missing = scenario.needs.filter((n) => ids[n] === "").map((n) => VARIABLES[n]);
  return missing.length > 0 ? `set ${missing.join(", ")}` : undefined;
}

interface ScenarioRun {
  readonly root: string;
  readonly work: string;
  readonly rawDir: string;
  readonly hostEnv: Record<string, string>;
  readonly stackConfig: StackConfig;
  readonly ids: Ids;
  readonly port: number;
  readonly run: string;
  readonly accounts: Accounts;
  readonly print: (line: string) => void;
  readonly signal?: AbortSignal;
  readonly leftovers: string[];
}

/** count is how many resources a run's steps say took an operation, failed ones left out. */
const count = (r: RunResult, op: string): number => r.steps.filter((s) => s.op === op && !s.error).length;

/** changes counts the steps that change something (create, update, replace, delete). */
const changes = (r: RunResult): number =>
  r.steps.filter((s) => ["create", "update", "replace", "delete"].includes(s.op)).length;

/** runScenario runs one kind's steps; after a failure or an interruption it destroys what the run made. */
async function runScenario(scenario: Scenario, s: ScenarioRun): Promise<KindReport> {
  const stateFile = path.join(s.work, `${scenario.kind}.json`);
  const adoptStateFile = path.join(s.work, `${scenario.kind}-adopt.json`);
  const steps: StepReport[] = [];
  let made = false;
  let mainId: string | undefined;
  const n = scenario.resources;
  s.print(`${scenario.kind}: port ${s.port}, names ${PREFIX}${s.run}`);

  const stack = (
    operation: Operation,
    stage: Stage,
    extra: { adopt?: boolean; getId?: string } = {},
    file = stateFile,
  ) =>
    runStack({
      programDir: s.root,
      project: "plbacc",
      stack: `acceptance-${scenario.kind}`,
      operation,
      stateFile: file,
      env: s.hostEnv,
      config: s.stackConfig,
      program: () => {
        const made = scenario.declare(stage, { ids: s.ids, port: s.port, run: s.run, adopt: extra.adopt });
        return { id: made.id, ...(extra.getId ? { gotId: scenario.read("got", extra.getId).id } : {}) };
      },
    });
  // A listener another protocol may hold on the same port (UDP beside TCP, HTTP or HTTPS) is not the scenario's.
  const onPort = async (): Promise<LiveListener[]> =>
    (await scenario.listeners(s.accounts, s.ids)).filter(
      (l) => l.port === s.port && (scenario.protocol === undefined || clashes(scenario.protocol, l)),
    );
  const failure = (r: RunResult, expected: string): string =>
    r.ok ? `expected ${expected}, got ${summary(r)}` : [...r.errors, ...r.failures.map((f) => f.reason)].join("; ");

  const plan: Record<StepName, () => Promise<string | undefined>> = {
    create: async () => {
      const r = await stack("up", "base");
      made = made || r.steps.some((st) => st.op === "create" && !st.error);
      mainId = typeof r.outputs?.id === "string" ? r.outputs.id : undefined;
      return r.ok && count(r, "create") === n ? undefined : failure(r, `${n} created`);
    },
    preview: async () => {
      const r = await stack("preview", "base");
      return r.ok && changes(r) === 0 ? undefined : failure(r, "no change");
    },
    update: async () => {
      const r = await stack("up", "update");
      return r.ok && count(r, "update") === 1 && changes(r) === 1 ? undefined : failure(r, "1 updated in place");
    },
    refresh: async () => {
      const r = await stack("refresh", "update");
      const drift = r.steps.filter((st) => (st.changed?.length ?? 0) > 0 || st.op === "gone");
      if (!r.ok) return failure(r, "no drift");
      return drift.length === 0
        ? undefined
        : `expected no drift, got ${drift.map((st) => `${st.name} ${st.op} (${st.changed?.join(", ") ?? ""})`).join("; ")}`;
    },
    replace: async () => {
      const r = await stack("up", "replace");
      mainId = typeof r.outputs?.id === "string" ? r.outputs.id : mainId;
      return r.ok && count(r, "replace") === 1 && changes(r) === 1 ? undefined : failure(r, "1 replaced");
    },
    get: async () => {
      const r = await stack("up", "replace", { getId: mainId });
      if (!r.ok || count(r, "read") !== 1 || changes(r) !== 0) return failure(r, "1 read, no change");
      return r.outputs?.gotId === mainId ? undefined : `get() read ${String(r.outputs?.gotId)}, expected ${mainId}`;
    },
    adopt: async () => {
      const r = await stack("up", "replace", { adopt: true }, adoptStateFile);
      fs.rmSync(adoptStateFile, { force: true });
      if (!r.ok || count(r, "create") !== n) return failure(r, `${n} adopted`);
      if (r.outputs?.id !== mainId) return `adopted ${String(r.outputs?.id)}, expected ${mainId}`;
      const live = await onPort();
      return live.length === 1 ? undefined : `${live.length} listeners on port ${s.port} after adoption, expected 1`;
    },
    destroy: async () => {
      const r = await stack("destroy", "replace");
      if (!r.ok || count(r, "delete") !== n) return failure(r, `${n} deleted`);
      made = false;
      const live = await onPort();
      return live.length === 0 ? undefined : `a listener is still on port ${s.port} after destroy`;
    },
  };

  let failed = false;
  for (const step of STEPS) {
    if (failed || s.signal?.aborted) {
      steps.push({ step, outcome: "not run", calls: 0, ms: 0 });
      continue;
    }
    const before = countFiles(s.rawDir);
    const started = Date.now();
    let detail: string | undefined;
    try {
      detail = await plan[step]();
    } catch (error) {
      detail = messageOf(error);
    }
    const report: StepReport = {
      step,
      outcome: detail === undefined ? "passed" : "failed",
      ...(detail === undefined ? {} : { detail }),
      calls: countFiles(s.rawDir) - before,
      ms: Date.now() - started,
    };
    steps.push(report);
    if (detail !== undefined) failed = true;
  }
  if (made) {
    s.print(`${scenario.kind}: deleting what this run made`);
    const r = await stack("destroy", "replace").catch((e: unknown) => ({ ok: false, errors: [messageOf(e)] }));
    const still = r.ok ? await onPort().catch(() => []) : [];
    const why = r.ok ? [`a listener is still on port ${s.port} after destroy`] : r.errors;
    if (!r.ok || still.length > 0) {
      s.leftovers.push(
        `${scenario.kind} on port ${s.port} (${PREFIX}${s.run}): ${why.join("; ")}; remove it with ` +
          `npm run sweep -- --yes`,
      );
    }
  }
  const interrupted = s.signal?.aborted === true && steps.some((st) => st.outcome === "not run");
  const status = failed || interrupted ? "failed" : "passed";
  return {
    kind: scenario.kind,
    cloud: scenario.cloud,
    status,
    ...(interrupted && !failed ? { reason: "interrupted" } : {}),
    port: s.port,
    steps,
  };
}

function summary(r: RunResult): string {
  const parts = Object.entries(r.summary).map(([op, k]) => `${k} ${op}`);
  return parts.length > 0 ? parts.join(", ") : "nothing";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** printTable prints one row per kind and step: outcome, API calls, wall time. */
function printTable(report: AcceptanceReport, print: (line: string) => void): void {
  print("");
  print(`acceptance run ${report.run}: aliyun ${report.targets.aliyun}, huawei ${report.targets.huawei}`);
  print(`${"kind".padEnd(16)} ${"step".padEnd(8)} ${"outcome".padEnd(8)} ${"calls".padStart(5)} ${"ms".padStart(7)}`);
  for (const kind of report.kinds) {
    if (kind.status === "skipped") {
      print(`${kind.kind.padEnd(16)} ${"-".padEnd(8)} skipped  ${kind.reason ?? ""}`);
      continue;
    }
    for (const st of kind.steps) {
      const row =
        `${kind.kind.padEnd(16)} ${st.step.padEnd(8)} ${st.outcome.padEnd(8)} ${String(st.calls).padStart(5)} ` +
        `${String(st.ms).padStart(7)}`;
      print(st.detail ? `${row}  ${st.detail}` : row);
    }
  }
  for (const left of report.leftovers) print(`left behind: ${left}`);
  print(report.ok ? "acceptance: every step of every kind that ran did what it should" : "acceptance: FAILED");
}

/** Manifest is a recording folder's `manifest.json`: how the run was made and what each step did. */
export interface Manifest {
  readonly cloud: Cloud;
  readonly madeAgainst: "emulators" | "account";
  readonly run: string;
  readonly ports: PortRange;
  /** env is what a replay sets: region, project and the account variables, as placeholders. */
  readonly env: Readonly<Record<string, string>>;
  readonly kinds: readonly {
    readonly kind: KindName;
    readonly steps: readonly Pick<StepReport, "step" | "outcome">[];
  }[];
}

/** writeRecording redacts the run's calls and writes one folder per cloud that ran. */
function writeRecording(
  report: AcceptanceReport,
  record: { readonly dir: string; readonly name: string },
  rawDir: string,
  env: Env,
  stackConfig: StackConfig,
  emulated: boolean,
): void {
  const fromConfig = (key: string): string | undefined => stackConfig[key]?.value;
  const calls = readCalls(rawDir);
  const ids = readAccountIds(env);
  const projectId = fromConfig("huaweicloud:projectId") ?? env.HW_PROJECT_ID;
  const identifiers = [...Object.values(ids.ok ? ids.value : {}), projectId ?? ""].flatMap((v) => (v ?? "").split(","));
  // Every secret the stack file holds, and the access keys beside them, are credentials wherever they appear.
  const configSecrets = Object.entries(stackConfig)
    .filter(([k, v]) => v.secret || /accessKey$/.test(k))
    .map(([, v]) => v.value);
  const secrets = [...credentialsOf(env), ...configSecrets];
  const { calls: redacted, placeholders } = redactCalls(calls, { secrets, identifiers });
  const hidden = (v: string | undefined): string =>
    (v ?? "")
      .split(",")
      .map((part) => placeholders.get(part) ?? part)
      .join(",");
  for (const cloud of ["aliyun", "huawei"] as const) {
    if (report.targets[cloud] === "not run") continue;
    const folder = path.join(record.dir, cloud, record.name);
    fs.mkdirSync(folder, { recursive: true });
    const mine = redacted.filter((c) => c.cloud === cloud);
    mine.forEach((call, i) => {
      const file = `${String(i + 1).padStart(4, "0")}-${call.action.replace(/[^A-Za-z0-9]+/g, "_").slice(0, 60)}.json`;
      fs.writeFileSync(path.join(folder, file), `${JSON.stringify(call, null, 2)}\n`);
    });
    const variables = Object.entries(VARIABLES)
      .filter(([, name]) => name !== VARIABLES.ports && env[name] !== undefined)
      .filter(([key]) => (cloud === "aliyun" ? key.startsWith("aliyun") : key.startsWith("huawei")));
    const replayEnv: Record<string, string> = Object.fromEntries(
      variables.map(([, name]) => [name, hidden(env[name])]),
    );
    if (cloud === "aliyun") replayEnv.ALICLOUD_REGION = fromConfig("alicloud:region") ?? env.ALICLOUD_REGION ?? "";
    else {
      replayEnv.HW_REGION_NAME = fromConfig("huaweicloud:region") ?? env.HW_REGION_NAME ?? "";
      replayEnv.HW_PROJECT_ID = hidden(projectId);
    }
    const manifest: Manifest = {
      cloud,
      madeAgainst: emulated ? "emulators" : "account",
      run: report.run,
      ports: report.ports,
      env: replayEnv,
      kinds: report.kinds
        .filter((k) => k.cloud === cloud && k.status !== "skipped")
        .map((k) => ({ kind: k.kind, steps: k.steps.map((st) => ({ step: st.step, outcome: st.outcome })) })),
    };
    fs.writeFileSync(path.join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}
