/**
 * The harness's vocabulary: which command a run stands in for, the steps it takes, the check failures it reports,
 * and the options and result of `runStack`. Types only; the behaviour lives in the modules beside this one.
 */
import type { ConfigValue } from "./host";
import type { StackState } from "./state";

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
