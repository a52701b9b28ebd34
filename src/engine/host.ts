/**
 * The real dynamic-provider host of `@pulumi/pulumi` (`cmd/dynamic-provider`), spawned as a child process the way the
 * engine does it, and a typed gRPC client for it built from `@pulumi/pulumi`'s own generated protobuf classes. The
 * host deserializes each resource's `__provider` text with `require-from-string`, so running it with the program's
 * directory as cwd proves the text resolves there as it would under the Pulumi CLI.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createRequire } from "node:module";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";

// gRPC and protobuf must be the copies @pulumi/pulumi's generated classes use, or messages and channels won't match.
const pulumiRequire = createRequire(require.resolve("@pulumi/pulumi"));
const grpc = pulumiRequire("@grpc/grpc-js") as typeof grpcTypes;
const { Struct } = pulumiRequire("google-protobuf/google/protobuf/struct_pb") as typeof structTypes;

/** PropertyMap is a resource's property bag as plain JSON, with Pulumi's unknown sentinel where a value is unknown. */
export type PropertyMap = Record<string, unknown>;

/** ConfigValue is one stack configuration value; secret ones reach the host wrapped as Pulumi secrets. */
export interface ConfigValue {
  readonly value: string;
  readonly secret: boolean;
}

/** StackConfig maps full configuration keys (`namespace:key`) to values, as the engine passes them to Configure. */
export type StackConfig = Readonly<Record<string, ConfigValue>>;

/** HostCheckFailure is one failed rule reported by the provider's check. */
export interface HostCheckFailure {
  readonly property: string;
  readonly reason: string;
}

/** HostCheckResult is what Check answers: the checked inputs and the failures, if any. */
export interface HostCheckResult {
  readonly inputs: PropertyMap;
  readonly failures: readonly HostCheckFailure[];
}

/** HostDiffResult is what Diff answers, with the protobuf enum turned into words. */
export interface HostDiffResult {
  readonly changes: "some" | "none" | "unknown";
  readonly replaces: readonly string[];
  readonly deleteBeforeReplace: boolean;
}

/** HostReadResult is what Read answers; an empty id means the resource is gone. */
export interface HostReadResult {
  readonly id: string;
  readonly properties: PropertyMap;
  readonly inputs: PropertyMap | undefined;
}

/** HostStartOptions says where and how to run the host. */
export interface HostStartOptions {
  /** programDir is the Pulumi program's directory: the host's cwd and where `@pulumi/pulumi` is resolved from. */
  readonly programDir: string;
  /** env is the host's environment (credentials and endpoints reach the provider through it); default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** engineAddress is the engine address argument; the host only requires that one is given. */
  readonly engineAddress?: string;
  /** onStderr receives each line the host writes to stderr as it arrives. */
  readonly onStderr?: (line: string) => void;
  /** startTimeoutMs bounds the wait for the port line. @default 30000 */
  readonly startTimeoutMs?: number;
}

/** HostCallError is a failed gRPC call to the host; its message is the provider's error message. */
export class HostCallError extends Error {
  override name = "HostCallError";
  constructor(
    readonly method: string,
    readonly code: number,
    readonly details: string,
  ) {
    super(details);
  }
}

/** resolveHostScript finds `@pulumi/pulumi/cmd/dynamic-provider/index.js` as the program in `programDir` sees it. */
export function resolveHostScript(programDir: string): string {
  return require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js", { paths: [programDir] });
}

function toStruct(properties: PropertyMap): structTypes.Struct {
  return Struct.fromJavaScript(properties as Record<string, structTypes.JavaScriptValue>);
}

function fromStruct(struct: structTypes.Struct | undefined): PropertyMap {
  return struct ? (struct.toJavaScript() as PropertyMap) : {};
}

/** secretWrapper is Pulumi's wire form of a secret value, which the host unwraps in Configure. */
function secretWrapper(value: string): Record<string, string> {
  return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}

type Callback<Res> = (error: grpcTypes.ServiceError | null, response: Res) => void;

/**
 * DynamicProviderHost is a running `@pulumi/pulumi` dynamic-provider host and a typed client for its lifecycle RPCs.
 * Start it with `DynamicProviderHost.start`, call `configure` once, then the resource methods; `close` ends it.
 */
export class DynamicProviderHost {
  private stdoutText = "";
  private stderrText = "";
  private exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly client: provrpc.ResourceProviderClient,
    initialStdout: string,
    initialStderr: string,
    onStderr: ((line: string) => void) | undefined,
  ) {
    this.stdoutText = initialStdout;
    this.stderrText = initialStderr;
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => (this.stdoutText += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      this.stderrText += text;
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) onStderr?.(line);
    });
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
  }

  /** start spawns the host with `node <host> <engine address>` in the program directory and connects to its port. */
  static async start(options: HostStartOptions): Promise<DynamicProviderHost> {
    const script = resolveHostScript(options.programDir);
    const child = spawn(process.execPath, [script, options.engineAddress ?? "127.0.0.1:1"], {
      cwd: options.programDir,
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdin.end();
    let stdout = "";
    let stderr = "";
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => fail(new Error(`dynamic-provider host printed no port within ${options.startTimeoutMs ?? 30000} ms`)),
        options.startTimeoutMs ?? 30000,
      );
      const onOut = (chunk: Buffer): void => {
        stdout += chunk.toString("utf8");
        const newline = stdout.indexOf("\n");
        if (newline < 0) return;
        const first = stdout.slice(0, newline).trim();
        cleanup();
        if (/^\d+$/.test(first)) {
          stdout = stdout.slice(newline + 1);
          resolve(Number(first));
        } else {
          fail(new Error(`dynamic-provider host printed ${JSON.stringify(first)} instead of its port`));
        }
      };
      const onErr = (chunk: Buffer): void => void (stderr += chunk.toString("utf8"));
      const onExit = (code: number | null): void => {
        cleanup();
        reject(new Error(`dynamic-provider host exited with code ${code} before printing its port: ${stderr.trim()}`));
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        child.stdout.off("data", onOut);
        child.stderr.off("data", onErr);
        child.off("exit", onExit);
      };
      const fail = (error: Error): void => {
        cleanup();
        child.kill("SIGKILL");
        reject(error);
      };
      child.stdout.on("data", onOut);
      child.stderr.on("data", onErr);
      child.once("exit", onExit);
    });
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new DynamicProviderHost(child, client, stdout, stderr, options.onStderr);
  }

  /** stdout is everything the host printed after its port line. */
  get stdout(): string {
    return this.stdoutText;
  }

  /** stderr is everything the host printed on stderr (provider warnings, errors the host logs). */
  get stderr(): string {
    return this.stderrText;
  }

  private call<Res>(method: string, invoke: (callback: Callback<Res>) => grpcTypes.ClientUnaryCall): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      invoke((error, response) => {
        if (error) reject(new HostCallError(method, error.code, error.details || error.message));
        else resolve(response);
      });
    });
  }

  /** configure sends the stack's configuration (full keys; secrets wrapped, as the engine sends them). */
  async configure(config: StackConfig): Promise<void> {
    const args: PropertyMap = {};
    for (const [key, { value, secret }] of Object.entries(config)) args[key] = secret ? secretWrapper(value) : value;
    const request = new provproto.ConfigureRequest();
    request.setArgs(toStruct(args));
    request.setAcceptsecrets(true);
    request.setAcceptresources(true);
    await this.call<provproto.ConfigureResponse>("Configure", (cb) => this.client.configure(request, cb));
  }

  /** check validates new inputs against the old ones (`olds` are the old inputs, `{}` for a new resource). */
  async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<HostCheckResult> {
    const request = new provproto.CheckRequest();
    request.setUrn(urn);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    const response = await this.call<provproto.CheckResponse>("Check", (cb) => this.client.check(request, cb));
    return {
      inputs: fromStruct(response.getInputs()),
      failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /** diff compares the old outputs with the new checked inputs, as the engine's Diff does. */
  async diff(
    id: string,
    urn: string,
    olds: PropertyMap,
    news: PropertyMap,
    oldInputs: PropertyMap,
  ): Promise<HostDiffResult> {
    const request = new provproto.DiffRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    request.setOldInputs(toStruct(oldInputs));
    const response = await this.call<provproto.DiffResponse>("Diff", (cb) => this.client.diff(request, cb));
    const changes = response.getChanges();
    return {
      changes:
        changes === provproto.DiffResponse.DiffChanges.DIFF_SOME
          ? "some"
          : changes === provproto.DiffResponse.DiffChanges.DIFF_NONE
            ? "none"
            : "unknown",
      replaces: response.getReplacesList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
    };
  }

  /** create creates the resource from its checked inputs and returns its id and output properties. */
  async create(urn: string, properties: PropertyMap): Promise<{ id: string; properties: PropertyMap }> {
    const request = new provproto.CreateRequest();
    request.setUrn(urn);
    request.setProperties(toStruct(properties));
    const response = await this.call<provproto.CreateResponse>("Create", (cb) => this.client.create(request, cb));
    return { id: response.getId(), properties: fromStruct(response.getProperties()) };
  }

  /** read reads the live resource; an empty id in the answer means it no longer exists. */
  async read(id: string, urn: string, properties: PropertyMap, inputs: PropertyMap): Promise<HostReadResult> {
    const request = new provproto.ReadRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setProperties(toStruct(properties));
    request.setInputs(toStruct(inputs));
    const response = await this.call<provproto.ReadResponse>("Read", (cb) => this.client.read(request, cb));
    const returnedInputs = response.getInputs();
    return {
      id: response.getId(),
      properties: fromStruct(response.getProperties()),
      inputs: returnedInputs ? fromStruct(returnedInputs) : undefined,
    };
  }

  /** update changes the resource in place from old outputs to new checked inputs and returns the new outputs. */
  async update(
    id: string,
    urn: string,
    olds: PropertyMap,
    news: PropertyMap,
    oldInputs: PropertyMap,
  ): Promise<PropertyMap> {
    const request = new provproto.UpdateRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setOlds(toStruct(olds));
    request.setNews(toStruct(news));
    request.setOldInputs(toStruct(oldInputs));
    const response = await this.call<provproto.UpdateResponse>("Update", (cb) => this.client.update(request, cb));
    return fromStruct(response.getProperties());
  }

  /** delete deletes the resource given its last outputs. */
  async delete(id: string, urn: string, properties: PropertyMap, oldInputs: PropertyMap): Promise<void> {
    const request = new provproto.DeleteRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setProperties(toStruct(properties));
    request.setOldInputs(toStruct(oldInputs));
    await this.call<unknown>("Delete", (cb) => this.client.delete(request, cb));
  }

  /** close ends the host process and the gRPC channel, waiting for the process to exit. */
  async close(): Promise<void> {
    this.client.close();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    await this.exited;
  }
}
