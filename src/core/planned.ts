/**
 * PlannedProvider: what the dynamic-provider host serves for one resource kind. configure, check and diff, the calls
 * of `pulumi preview`, go to the resource's plan half (schema and config, no API client); create, read, update and
 * delete load the full provider on first use and hand it the last configure request. A preview therefore never loads
 * the clients, the signers or the mutation pipeline, and its first check waits for none of them.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { Env } from "./config";

/** Configurable is a cloud's StackConfig: it keeps the stack config `configure` passes. */
interface Configurable {
  configure(req: dynamic.ConfigureRequest): void;
}

/**
 * StackPlan is what every resource's plan shares: the provider instance's configuration (`stack`, which the full
 * provider's session reads too) and `configure`, which keeps the stack config in it.
 */
export abstract class StackPlan<C extends Configurable> {
  /** The instance's configuration; the provider's session reads the same instance. */
  protected readonly stack: C;

  protected constructor(stack: C) {
    this.stack = stack;
  }

  /** configure keeps the stack config (its cloud's keys and the package's) for every later read. */
  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.stack.configure(req);
  }
}

/** PlanMethod names the calls a plan answers: those of `pulumi preview`. */
type PlanMethod = "configure" | "check" | "diff";

/** ResourcePlan is the half of a provider that makes no API call. */
export type ResourcePlan = Required<Pick<dynamic.ResourceProvider, PlanMethod>>;

/** TypedPlan is a resource's plan: ResourcePlan over its inputs and outputs. */
export type TypedPlan<Inputs, Outputs> = Required<Pick<dynamic.ResourceProvider<Inputs, Outputs>, PlanMethod>>;

/** PlanOptions are what a plan reads besides the stack config: the environment. */
export interface PlanOptions {
  /** The environment to read instead of `process.env`. */
  readonly env?: Env;
}

/** FullProvider is a provider with every lifecycle method (ours all have them). */
export type FullProvider = Required<dynamic.ResourceProvider>;

/** PlannedProvider serves the plan half at once and loads the full provider on the first API call. */
export class PlannedProvider implements FullProvider {
  readonly #loadPlan: () => Promise<ResourcePlan>;
  readonly #loadFull: () => Promise<FullProvider>;
  #plan?: Promise<ResourcePlan>;
  #full?: Promise<FullProvider>;
  #request?: dynamic.ConfigureRequest;

  /** Each loader is called once, on first use; a loader that fails fails every call that needs it. */
  constructor(loadPlan: () => Promise<ResourcePlan>, loadFull: () => Promise<FullProvider>) {
    this.#loadPlan = loadPlan;
    this.#loadFull = loadFull;
  }

  /**
   * of is how a resource's `host.ts` builds the provider the host serves: its plan class, made on the first call, and
   * its full provider class, imported on the first API call.
   */
  static of(Plan: new () => ResourcePlan, loadFull: () => Promise<new () => FullProvider>): PlannedProvider {
    return new PlannedProvider(
      async () => new Plan(),
      async () => new (await loadFull())(),
    );
  }

  /** configure configures the plan half now, and the full provider when it is (or once it gets) loaded. */
  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.#request = req;
    await (await this.#planHalf()).configure(req);
    if (this.#full) await (await this.#full).configure(req);
  }

  async check(olds: unknown, news: unknown): Promise<dynamic.CheckResult> {
    return (await this.#planHalf()).check(olds, news);
  }

  async diff(id: string, olds: unknown, news: unknown): Promise<dynamic.DiffResult> {
    return (await this.#planHalf()).diff(id, olds, news);
  }

  async create(inputs: unknown): Promise<dynamic.CreateResult> {
    const made = await (await this.#fullProvider()).create(inputs);
    return { ...made, outs: defined(made.outs) };
  }

  async read(id: string, props?: unknown): Promise<dynamic.ReadResult> {
    const read = await (await this.#fullProvider()).read(id, props);
    return { ...read, props: defined(read.props), inputs: defined(read.inputs) };
  }

  async update(id: string, olds: unknown, news: unknown): Promise<dynamic.UpdateResult> {
    const updated = await (await this.#fullProvider()).update(id, olds, news);
    return { ...updated, outs: defined(updated.outs) };
  }

  async delete(id: string, props: unknown): Promise<void> {
    return (await this.#fullProvider()).delete(id, props);
  }

  #planHalf(): Promise<ResourcePlan> {
    this.#plan ??= this.#loadPlan();
    return this.#plan;
  }

  #fullProvider(): Promise<FullProvider> {
    this.#full ??= this.#loadFull().then(async (provider) => {
      if (this.#request) await provider.configure(this.#request);
      return provider;
    });
    return this.#full;
  }
}

/**
 * defined is an answer's property bag without its undefined members, at every depth of its plain objects: the host
 * turns the bag into a protobuf Struct, which refuses `undefined` ("Unexpected struct type."), so a provider that
 * leaves an absent optional output as `key: undefined` would fail a create, read or update that succeeded.
 */
export function defined<T>(bag: T): T {
  if (bag === null || typeof bag !== "object") return bag;
  if (Array.isArray(bag)) return bag.map((item: unknown) => defined(item)) as T;
  if (Object.getPrototypeOf(bag) !== Object.prototype) return bag;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(bag)) if (value !== undefined) out[key] = defined(value);
  return out as T;
}
