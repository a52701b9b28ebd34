/**
 * A local engine for machines without the Pulumi CLI: it runs a Pulumi program in-process under
 * `pulumi.runtime.setMocks`, forwards every dynamic resource registration to the real `@pulumi/pulumi`
 * dynamic-provider host over gRPC (Configure, Check, Diff, Create, Update, Delete, Read), keeps a state file
 * between runs, and prints what `pulumi preview/up/refresh/destroy` would show. A demonstration and test tool; the
 * way to deploy is `pulumi up`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { isUnknown as isUnknownOutput } from "@pulumi/pulumi/output";
import { DynamicProviderHost, type ConfigValue, type PropertyMap, type StackConfig } from "./host";
import { readProjectFile, readStackConfig } from "./project";
import { ensureSelfLink, packageRootOf } from "./selfLink";
import { maskSecrets, readState, restoreSecrets, writeState, type ResourceState, type StackState } from "./state";

/** UNKNOWN is Pulumi's unknown sentinel as the engine sends it to providers during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const PROVIDER_KEY = "__provider";
const DYNAMIC_PREFIX = "pulumi-nodejs:dynamic";

/** Operation is the CLI command the harness stands in for. */
export type Operation = "preview" | "up" | "refresh" | "destroy";

/** StepOp is what happened (or, in preview, would happen) to one resource. */
export type StepOp = "create" | "update" | "replace" | "delete" | "same" | "read" | "refresh" | "gone";

/** Step is one resource's step in a run. */
export interface Step {
  readonly op: StepOp;
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** changed lists the inputs that differ (update, replace, refresh). */
  readonly changed?: readonly string[];
  /** replaces lists the properties that force a replacement. */
  readonly replaces?: readonly string[];
  readonly deleteBeforeReplace?: boolean;
  /** error is the provider's message when the step failed. */
  readonly error?: string;
}

/** Failure is one check failure, as the engine reports it. */
export interface Failure {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly property: string;
  readonly value: unknown;
  readonly reason: string;
}

/** RunOptions says which program, stack and operation to run. */
export interface RunOptions {
  /** programDir holds `Pulumi.yaml` and `Pulumi.<stack>.yaml`; the host runs there. */
  readonly programDir: string;
  readonly stack: string;
  /**
   * configStack names the `Pulumi.<configStack>.yaml` to apply; promoting one deployment through environments runs
   * the same stack (same state, same URNs) with dev's, then staging's, then prod's configuration. @default stack
   */
  readonly configStack?: string;
  readonly operation: Operation;
  /**
   * program is the module to run (path, relative to programDir) or a function; default: `main` from Pulumi.yaml,
   * else the directory. A module that exports a function is called on each run (its result is the stack outputs).
   */
  readonly program?: string | (() => unknown);
  /** project overrides the name from Pulumi.yaml. */
  readonly project?: string;
  /** stateFile is where the stack's state lives. @default <programDir>/.harness-state/<stack>.json */
  readonly stateFile?: string;
  /** config entries applied over Pulumi.<stack>.yaml (keys without namespace get the project's). */
  readonly config?: Readonly<Record<string, string | ConfigValue>>;
  /** passphrase decrypts the stack file's `secure:` values. @default process.env.PULUMI_CONFIG_PASSPHRASE */
  readonly passphrase?: string;
  /** env is the provider host's environment on top of process.env (credentials, endpoints). */
  readonly env?: NodeJS.ProcessEnv;
  /** print receives each line a user would see. @default no printing */
  readonly print?: (line: string) => void;
}

/** RunResult is the structured outcome of a run, for tests. */
export interface RunResult {
  readonly operation: Operation;
  readonly stack: string;
  readonly ok: boolean;
  readonly steps: readonly Step[];
  readonly failures: readonly Failure[];
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly lines: readonly string[];
  readonly summary: Readonly<Partial<Record<StepOp, number>>>;
  /** outputs are the stack outputs the program returned (unknowns as undefined). */
  readonly outputs: Record<string, unknown>;
  readonly state: StackState;
  readonly hostStdout: string;
  readonly hostStderr: string;
}

/** shortType drops the `pulumi-nodejs:dynamic/` prefix for display. */
export function shortType(type: string): string {
  return type.startsWith(`${DYNAMIC_PREFIX}/`) ? type.slice(DYNAMIC_PREFIX.length + 1) : type;
}

/** stackUrn builds a resource URN the way the engine does for a top-level resource. */
export function resourceUrn(project: string, stack: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

function isSecretWrapper(value: unknown): value is { value: unknown } {
  return (
    value !== null && typeof value === "object" && (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
  );
}

/** toWire turns a deserialized input into what the engine sends a provider: unknowns as the sentinel, secrets bare. */
function toWire(value: unknown): unknown {
  if (isUnknownOutput(value)) return UNKNOWN;
  if (isSecretWrapper(value)) return toWire(value.value);
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === "object") {
    const out: PropertyMap = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as PropertyMap)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** changedKeys lists the properties (except `__provider`) whose values differ, sorted. */
export function changedKeys(olds: PropertyMap, news: PropertyMap): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  keys.delete(PROVIDER_KEY);
  return [...keys].filter((k) => stable(olds[k]) !== stable(news[k])).sort();
}

function withSecrets(properties: PropertyMap, secretKeys: readonly string[]): PropertyMap {
  const out: PropertyMap = { ...properties };
  for (const key of secretKeys) {
    if (key in out) out[key] = { [SECRET_SIG_KEY]: SECRET_SIG, value: out[key] };
  }
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === UNKNOWN) return "output<unknown>";
  return JSON.stringify(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** ProgramFailed marks a registration the harness refused (check failure, provider error). */
class ProgramFailed extends Error {
  override name = "ProgramFailed";
}

const VERBS: Record<StepOp, [symbol: string, past: string, future: string]> = {
  create: ["+", "created", "to create"],
  update: ["~", "updated", "to update"],
  replace: ["+-", "replaced", "to replace"],
  delete: ["-", "deleted", "to delete"],
  same: ["=", "unchanged", "unchanged"],
  read: [">", "read", "to read"],
  refresh: ["~", "refreshed", "to refresh"],
  gone: ["-", "gone", "gone"],
};

let running: Promise<unknown> = Promise.resolve();

/**
 * runStack runs one operation of a stack: preview and up execute the program; refresh and destroy work from the
 * state file alone, as the CLI does. Runs are serialized in-process because Pulumi's runtime state is global.
 */
export function runStack(options: RunOptions): Promise<RunResult> {
  const result = running.then(() => new Run(options).execute());
  running = result.catch(() => undefined);
  return result;
}

class Run {
  private readonly project: string;
  private readonly stateFile: string;
  private readonly state: StackState;
  private readonly steps: Step[] = [];
  private readonly failures: Failure[] = [];
  private readonly errors: string[] = [];
  private readonly warnings: string[] = [];
  private readonly lines: string[] = [];
  private readonly declared = new Set<string>();
  private readonly preview: boolean;
  private host: DynamicProviderHost | undefined;
  private aborted = false;
  /** urns a preview plans to replace: their ids are not known until the replacement exists. */
  private readonly replacing = new Set<string>();

  constructor(private readonly options: RunOptions) {
    const projectFile = readProjectFile(options.programDir);
    this.project = options.project ?? projectFile?.name ?? path.basename(options.programDir);
    this.stateFile = options.stateFile ?? path.join(options.programDir, ".harness-state", `${options.stack}.json`);
    this.state = readState(this.stateFile, this.project, options.stack);
    this.preview = options.operation === "preview";
  }

  private print(line: string): void {
    this.lines.push(line);
    this.options.print?.(line);
  }

  private save(): void {
    if (!this.preview) writeState(this.stateFile, this.state);
  }

  private record(step: Step): void {
    this.steps.push(step);
    if (step.op === "same") return;
    const [symbol] = VERBS[step.op];
    let detail = "";
    if (step.op === "replace") detail = ` (forced by: ${(step.replaces ?? []).join(", ")})`;
    else if ((step.op === "update" || step.op === "refresh") && step.changed?.length) {
      detail = ` (changed: ${step.changed.join(", ")})`;
    } else if (step.op === "gone") detail = " (deleted outside Pulumi; removed from state)";
    const verb = step.op === "gone" ? "delete" : step.op;
    this.print(`  ${symbol} ${verb} ${shortType(step.type)} ${step.name}${detail}`);
  }

  private fail(message: string): void {
    this.errors.push(message);
    this.print(`  error: ${message}`);
  }

  async execute(): Promise<RunResult> {
    const { operation, stack } = this.options;
    const title = { preview: "Previewing update", up: "Updating", refresh: "Refreshing", destroy: "Destroying" };
    const configNote =
      this.options.configStack && this.options.configStack !== stack ? ` with ${this.options.configStack} config` : "";
    this.print(`${title[operation]} (${stack}${configNote}):`);
    const config = readStackConfig(
      this.options.programDir,
      this.project,
      this.options.configStack ?? stack,
      this.options.config,
      this.options.passphrase ?? process.env.PULUMI_CONFIG_PASSPHRASE,
    );
    let outputs: Record<string, unknown> = {};
    // This repository's own program needs the package linked into its node_modules, as `npm install` does.
    const packageRoot = packageRootOf(this.options.programDir);
    if (packageRoot) ensureSelfLink(packageRoot);
    this.host = await DynamicProviderHost.start({
      programDir: this.options.programDir,
      env: {
        ...process.env,
        ...this.options.env,
        PULUMI_NODEJS_PROJECT: this.project,
        PULUMI_NODEJS_STACK: stack,
      },
      onStderr: (line) => this.onHostLine(line),
    });
    try {
      await this.host.configure(config);
      if (operation === "preview" || operation === "up") outputs = await this.runProgram(config);
      else if (operation === "refresh") await this.refresh();
      else await this.destroyAll();
    } catch (error) {
      this.fail(errorMessage(error));
    } finally {
      this.save();
      await this.host.close();
    }
    this.printSummary();
    return {
      operation,
      stack,
      ok: this.errors.length === 0 && this.failures.length === 0,
      steps: this.steps,
      failures: this.failures,
      errors: this.errors,
      warnings: this.warnings,
      lines: this.lines,
      summary: this.summary(),
      outputs,
      state: this.state,
      hostStdout: this.host.stdout,
      hostStderr: this.host.stderr,
    };
  }

  private onHostLine(line: string): void {
    if (line.startsWith("warning: ")) {
      this.warnings.push(line.slice("warning: ".length));
      this.print(`  ${line}`);
    } else if (line.startsWith("info: ")) {
      this.print(`  ${line}`);
    }
  }

  private summary(): Partial<Record<StepOp, number>> {
    const counts: Partial<Record<StepOp, number>> = {};
    for (const step of this.steps) if (!step.error) counts[step.op] = (counts[step.op] ?? 0) + 1;
    return counts;
  }

  private printSummary(): void {
    const counts = this.summary();
    const order: StepOp[] = ["create", "update", "replace", "delete", "read", "refresh", "gone", "same"];
    const parts = order
      .filter((op) => counts[op])
      .map((op) => `${counts[op]} ${this.preview ? VERBS[op][2] : VERBS[op][1]}`);
    const problems = this.errors.length + this.failures.length;
    this.print(
      `Resources: ${parts.length ? parts.join(", ") : "no changes"}` +
        (problems ? `; ${problems} error${problems === 1 ? "" : "s"}` : ""),
    );
  }

  private async runProgram(config: StackConfig): Promise<Record<string, unknown>> {
    const programConfig: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, { value, secret }] of Object.entries(config)) {
      programConfig[key] = value;
      if (secret) secretKeys.push(key);
    }
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => this.onResource(args),
        call: (args) => {
          throw new Error(`the harness does not support invoke ${args.token}`);
        },
      },
      this.project,
      this.options.stack,
      this.preview,
    );
    pulumi.runtime.setAllConfig(programConfig, secretKeys);
    let outputs: Record<string, unknown> = {};
    let programError: unknown;
    try {
      const result = await pulumi.runtime.runInPulumiStack(() => this.loadProgram());
      outputs = (result ?? {}) as Record<string, unknown>;
    } catch (error) {
      programError = error;
    }
    await pulumi.runtime.disconnect();
    if (programError !== undefined && !(programError instanceof ProgramFailed) && this.errors.length === 0) {
      this.fail(`running the program failed: ${errorMessage(programError)}`);
    }
    if (this.errors.length === 0 && this.failures.length === 0) await this.deleteUndeclared();
    return outputs;
  }

  private async loadProgram(): Promise<unknown> {
    const program = this.options.program ?? readProjectFile(this.options.programDir)?.main ?? ".";
    if (typeof program === "function") return program();
    const file = require.resolve(path.resolve(this.options.programDir, program));
    // A program that runs at the top level must run again on every run: forget it and the modules beside it.
    const programFolder = path.dirname(file) + path.sep;
    for (const cached of Object.keys(require.cache)) {
      if (cached === file || (cached.startsWith(programFolder) && !cached.includes("node_modules"))) {
        delete require.cache[cached];
      }
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(file) as unknown;
    // As Pulumi's Node.js runtime does for a CommonJS program: an exported function is called, anything else is
    // the stack outputs (so `exports.default = fn` is not called there, and not here).
    return typeof loaded === "function" ? (loaded as () => unknown)() : loaded;
  }

  private async onResource(args: pulumi.runtime.MockResourceArgs): Promise<pulumi.runtime.MockResourceResult> {
    if (!args.type.startsWith(DYNAMIC_PREFIX)) {
      // Components and the stack itself carry no provider: their outputs are what the program registers.
      return { id: undefined, state: args.inputs as Record<string, unknown> };
    }
    const urn = resourceUrn(this.project, this.options.stack, args.type, args.name);
    const inputs = (args.inputs ?? {}) as PropertyMap;
    const secretKeys = Object.keys(inputs).filter((k) => isSecretWrapper(inputs[k]));
    const news = toWire(inputs) as PropertyMap;
    this.declared.add(urn);
    // After a failure the engine stops issuing steps; the harness answers with no outputs instead of rejecting, so
    // the program's dependent outputs don't turn into unhandled rejections.
    if (this.aborted) return { id: undefined, state: {} };
    try {
      if (args.id) return await this.readExternal(urn, args.type, args.name, args.id, news);
      const outputs = await this.register(urn, args.type, args.name, news, secretKeys);
      const id = this.replacing.has(urn) ? undefined : this.state.resources[urn]?.id;
      return { id, state: withSecrets(outputs, secretKeys) };
    } catch (error) {
      if (!(error instanceof ProgramFailed)) this.fail(`${shortType(args.type)} ${args.name}: ${errorMessage(error)}`);
      this.aborted = true;
      return { id: undefined, state: {} };
    }
  }

  private async register(
    urn: string,
    type: string,
    name: string,
    declared: PropertyMap,
    secretKeys: readonly string[],
  ): Promise<PropertyMap> {
    const host = this.host as DynamicProviderHost;
    const old = this.state.resources[urn];
    const oldInputs = old ? restoreSecrets(old.inputs, declared) : {};
    const oldOutputs = old ? restoreSecrets(old.outputs, declared) : {};
    const checked = await host.check(urn, oldInputs, declared);
    if (checked.failures.length > 0) {
      for (const f of checked.failures) {
        const value = f.property ? declared[f.property] : undefined;
        this.failures.push({ urn, type, name, property: f.property, value, reason: f.reason });
        this.print(
          f.property
            ? `  error: ${type} resource '${name}': property ${f.property} value ${describe(value)} has a problem: ${f.reason}`
            : `  error: ${type} resource '${name}' has a problem: ${f.reason}`,
        );
      }
      throw new ProgramFailed(`${name} failed check`);
    }
    const news = checked.inputs;
    if (!old) {
      if (this.preview) {
        this.record({ op: "create", urn, type, name });
        return news;
      }
      const created = await this.step({ op: "create", urn, type, name }, () => host.create(urn, news));
      this.store(urn, { type, name, id: created.id, inputs: news, outputs: created.properties }, secretKeys);
      return created.properties;
    }
    const diff = await host.diff(old.id, urn, oldOutputs, news, oldInputs);
    const changed = changedKeys(oldInputs, news);
    const hasChanges = diff.changes === "some" || (diff.changes === "unknown" && changed.length > 0);
    if (!hasChanges) {
      this.record({ op: "same", urn, type, name });
      return oldOutputs;
    }
    if (diff.replaces.length > 0) {
      const step: Step = {
        op: "replace",
        urn,
        type,
        name,
        changed,
        replaces: diff.replaces,
        deleteBeforeReplace: diff.deleteBeforeReplace,
      };
      if (this.preview) {
        this.replacing.add(urn);
        this.record(step);
        return news;
      }
      const created = await this.step(step, async () => {
        if (diff.deleteBeforeReplace) {
          await host.delete(old.id, urn, oldOutputs, oldInputs);
          delete this.state.resources[urn];
          this.save();
          return host.create(urn, news);
        }
        const replacement = await host.create(urn, news);
        await host.delete(old.id, urn, oldOutputs, oldInputs);
        return replacement;
      });
      this.store(urn, { type, name, id: created.id, inputs: news, outputs: created.properties }, secretKeys);
      return created.properties;
    }
    const step: Step = { op: "update", urn, type, name, changed };
    if (this.preview) {
      this.record(step);
      return news;
    }
    const updated = await this.step(step, () => host.update(old.id, urn, oldOutputs, news, oldInputs));
    this.store(urn, { type, name, id: old.id, inputs: news, outputs: updated }, secretKeys);
    return updated;
  }

  /** step runs a mutation, then prints its line; a failure prints the step and the provider's message. */
  private async step<T>(step: Step, run: () => Promise<T>): Promise<T> {
    try {
      const value = await run();
      this.record(step);
      return value;
    } catch (error) {
      const message = errorMessage(error);
      this.record({ ...step, error: message });
      this.fail(`${step.op} ${shortType(step.type)} ${step.name} failed: ${message}`);
      throw new ProgramFailed(message);
    }
  }

  private store(urn: string, resource: ResourceState, secretKeys: readonly string[]): void {
    // Re-inserting keeps a replaced resource in its place; a new one goes last (deleted first on destroy).
    this.state.resources[urn] = {
      ...resource,
      inputs: maskSecrets(resource.inputs, secretKeys),
      outputs: maskSecrets(resource.outputs, secretKeys),
      ...(secretKeys.length ? { secretKeys: [...secretKeys] } : {}),
    };
    this.save();
  }

  private async readExternal(
    urn: string,
    type: string,
    name: string,
    id: string,
    properties: PropertyMap,
  ): Promise<pulumi.runtime.MockResourceResult> {
    const host = this.host as DynamicProviderHost;
    // A read resource (`X.get(name, id)`) is not managed: it is neither stored nor deleted.
    this.declared.delete(urn);
    const read = await this.step({ op: "read", urn, type, name }, async () => {
      const answer = await host.read(id, urn, properties, properties);
      if (!answer.id) throw new Error(`no ${shortType(type)} with id ${id} exists`);
      return answer;
    });
    return { id: read.id, state: read.properties };
  }

  private async deleteUndeclared(): Promise<void> {
    const urns = Object.keys(this.state.resources).filter((urn) => !this.declared.has(urn));
    for (const urn of urns.reverse()) await this.deleteOne(urn);
  }

  private async deleteOne(urn: string): Promise<void> {
    const host = this.host as DynamicProviderHost;
    const resource = this.state.resources[urn];
    const step: Step = { op: "delete", urn, type: resource.type, name: resource.name };
    if (this.preview) {
      this.record(step);
      return;
    }
    try {
      await this.step(step, () => host.delete(resource.id, urn, resource.outputs, resource.inputs));
      delete this.state.resources[urn];
      this.save();
    } catch {
      // Already reported; the resource stays in state so a later run can retry.
    }
  }

  private async destroyAll(): Promise<void> {
    for (const urn of Object.keys(this.state.resources).reverse()) await this.deleteOne(urn);
  }

  private async refresh(): Promise<void> {
    const host = this.host as DynamicProviderHost;
    for (const [urn, resource] of Object.entries(this.state.resources)) {
      const { type, name } = resource;
      try {
        const read = await host.read(resource.id, urn, resource.outputs, resource.inputs);
        if (!read.id) {
          delete this.state.resources[urn];
          this.record({ op: "gone", urn, type, name });
          continue;
        }
        const inputs = read.inputs ?? resource.inputs;
        const changed = [
          ...new Set([...changedKeys(resource.outputs, read.properties), ...changedKeys(resource.inputs, inputs)]),
        ].sort();
        this.state.resources[urn] = { ...resource, id: read.id, inputs, outputs: read.properties };
        this.record({ op: changed.length ? "refresh" : "same", urn, type, name, changed });
      } catch (error) {
        this.record({ op: "refresh", urn, type, name, error: errorMessage(error) });
        this.fail(`refresh ${shortType(type)} ${name} failed: ${errorMessage(error)}`);
      }
    }
  }
}

/** stateFileFor is the default state file of a stack in a program directory. */
export function stateFileFor(programDir: string, stack: string): string {
  return path.join(programDir, ".harness-state", `${stack}.json`);
}

/** removeState deletes a stack's state file (for tests and the demo's clean start). */
export function removeState(file: string): void {
  fs.rmSync(file, { force: true });
}
