/**
 * A local engine for machines without the Pulumi CLI: it runs a Pulumi program in-process under
 * `pulumi.runtime.setMocks`, forwards every dynamic resource registration to the real `@pulumi/pulumi`
 * dynamic-provider host over gRPC (Configure, Check, Diff, Create, Update, Delete, Read), keeps a state file
 * between runs, and prints what `pulumi preview/up/refresh/destroy` would show. A demonstration and test tool; the
 * way to deploy is `pulumi up`. This module only orchestrates a run; its parts are beside it: `types` (options,
 * steps, result), `wire` (unknowns and secrets as the engine sends them), `plan` (URNs, changed inputs, what a Diff
 * means), `display` (the lines a user reads), `programModule` (running the program afresh), `state` (the state
 * file), `host` (the dynamic-provider host), `project` (Pulumi.yaml and stack files).
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { countSteps, failureLine, isDynamicType, messageOf, shortType, stepLine, summaryLine } from "./display";
import { DynamicProviderHost, type PropertyMap, type StackConfig } from "./host";
import { changedKeys, changeKind, resourceUrn } from "./plan";
import { runProgramModule } from "./programModule";
import { readProjectFile, readStackConfig } from "./project";
import { ensureSelfLink, packageRootOf } from "./selfLink";
import {
  defaultStateFile,
  maskSecrets,
  readState,
  restoreSecrets,
  writeState,
  type ResourceState,
  type StackState,
} from "./state";
import type { Failure, RunOptions, RunResult, Step } from "./types";
import { isSecretWrapper, toWire, withSecrets } from "./wire";

export type { Failure, Operation, RunOptions, RunResult, Step, StepOp } from "./types";

/** ProgramFailed marks a registration the harness refused (check failure, provider error). */
class ProgramFailed extends Error {
  override name = "ProgramFailed";
}

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
    this.stateFile = options.stateFile ?? defaultStateFile(options.programDir, options.stack);
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
    const line = stepLine(step);
    if (line !== undefined) this.print(line);
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
      this.fail(messageOf(error));
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
      summary: countSteps(this.steps),
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

  private printSummary(): void {
    this.print(summaryLine(countSteps(this.steps), this.preview, this.errors.length + this.failures.length));
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
      this.fail(`running the program failed: ${messageOf(programError)}`);
    }
    if (this.errors.length === 0 && this.failures.length === 0) await this.deleteUndeclared();
    return outputs;
  }

  private async loadProgram(): Promise<unknown> {
    const program = this.options.program ?? readProjectFile(this.options.programDir)?.main ?? ".";
    if (typeof program === "function") return program();
    return runProgramModule(this.options.programDir, program);
  }

  private async onResource(args: pulumi.runtime.MockResourceArgs): Promise<pulumi.runtime.MockResourceResult> {
    if (!isDynamicType(args.type)) {
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
      if (!(error instanceof ProgramFailed)) this.fail(`${shortType(args.type)} ${args.name}: ${messageOf(error)}`);
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
        this.print(failureLine(type, name, f.property, value, f.reason));
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
    const kind = changeKind(diff, changed);
    if (kind === "same") {
      this.record({ op: "same", urn, type, name });
      return oldOutputs;
    }
    if (kind === "replace") {
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
      // The replacement keeps the old one's place in the state, so destroy still deletes its dependents (declared
      // after it) before it, as the engine does by dependency.
      const position = Object.keys(this.state.resources).indexOf(urn);
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
      this.store(urn, { type, name, id: created.id, inputs: news, outputs: created.properties }, secretKeys, position);
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
      const message = messageOf(error);
      this.record({ ...step, error: message });
      this.fail(`${step.op} ${shortType(step.type)} ${step.name} failed: ${message}`);
      throw new ProgramFailed(message);
    }
  }

  /**
   * store writes a resource's state. A new resource goes last (deleted first on destroy); one already there keeps its
   * place, and so does one deleted before its replacement was created, at `position`.
   */
  private store(urn: string, resource: ResourceState, secretKeys: readonly string[], position = -1): void {
    const entry: ResourceState = {
      ...resource,
      inputs: maskSecrets(resource.inputs, secretKeys),
      outputs: maskSecrets(resource.outputs, secretKeys),
      ...(secretKeys.length ? { secretKeys: [...secretKeys] } : {}),
    };
    const resources = this.state.resources;
    if (position < 0 || urn in resources) {
      resources[urn] = entry;
    } else {
      const entries = Object.entries(resources);
      entries.splice(position, 0, [urn, entry]);
      for (const key of Object.keys(resources)) delete resources[key];
      for (const [key, value] of entries) resources[key] = value;
    }
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
        this.record({ op: "refresh", urn, type, name, error: messageOf(error) });
        this.fail(`refresh ${shortType(type)} ${name} failed: ${messageOf(error)}`);
      }
    }
  }
}
