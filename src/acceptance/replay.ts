/**
 * Replay of a recording: a local server that answers each request with the recorded answer to the same call, so the
 * providers run exactly as they did when the recording was made, without an account. A recording folder
 * (`fixtures/recorded/<cloud>/<name>/`: `manifest.json` and one file per call) is replayed by running the same
 * acceptance scenarios with the manifest's run tag, ports and (placeholder) ids against this server; the outcome of
 * every step must be the one the recording's run saw.
 */
import * as fs from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import type { RedactedCall } from "./redact";
import { runAcceptance, type AcceptanceReport, type Manifest } from "./runner";
import { VARIABLES } from "./variables";

/** Recording is one recording folder, read. */
interface Recording {
  readonly folder: string;
  readonly manifest: Manifest;
  readonly calls: readonly RedactedCall[];
}

/** readRecording reads a recording folder: its manifest and its calls in the order they were made. */
export function readRecording(folder: string): Recording {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, "manifest.json"), "utf8")) as Manifest;
  const calls = fs
    .readdirSync(folder)
    .filter((f) => /^\d+-.*\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), "utf8")) as RedactedCall);
  return { folder, manifest, calls };
}

/** recordingFolders lists `<root>/<cloud>/<name>/` folders that hold a manifest. */
export function recordingFolders(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .flatMap((cloud) => {
      const dir = path.join(root, cloud);
      return fs.statSync(dir).isDirectory() ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : [];
    })
    .filter((folder) => fs.existsSync(path.join(folder, "manifest.json")))
    .sort();
}

/** IDENTITY_PARAMS are the Aliyun parameters that tell two calls of one action apart. */
const IDENTITY_PARAMS = ["LoadBalancerId", "ListenerPort", "ListenerProtocol", "DomainExtensionId"] as const;

/** callKey is what a request must share with a recorded call to be answered with it. */
function callKey(call: Pick<RedactedCall, "cloud" | "action" | "params" | "method" | "path">): string {
  if (call.cloud === "aliyun") {
    const params = call.params ?? {};
    return [call.action, ...IDENTITY_PARAMS.map((k) => `${k}=${params[k] ?? ""}`)].join(" ");
  }
  return `${call.method ?? ""} ${call.path ?? ""}`;
}

/** Replayer answers requests from a recording's calls, in order per key. */
class Replayer {
  private readonly queues = new Map<string, RedactedCall[]>();
  private readonly last = new Map<string, RedactedCall>();
  /** unmatched are the requests no recorded call answered, by key. */
  readonly unmatched: string[] = [];

  constructor(calls: readonly RedactedCall[]) {
    for (const call of calls) {
      const key = callKey(call);
      const queue = this.queues.get(key) ?? [];
      queue.push(call);
      this.queues.set(key, queue);
    }
  }

  /**
   * answer takes the next recorded call with the request's key. When a key's calls are used up, the last one answers
   * again (a poll that ran once more than when recorded); a key never recorded is unmatched.
   */
  answer(key: string): RedactedCall | undefined {
    const next = this.queues.get(key)?.shift();
    if (next) {
      this.last.set(key, next);
      return next;
    }
    const again = this.last.get(key);
    if (!again) this.unmatched.push(key);
    return again;
  }
}

/** requestOf reads an incoming request as the recorder keyed it. */
async function requestOf(req: IncomingMessage, cloud: "aliyun" | "huawei"): Promise<Parameters<typeof callKey>[0]> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? "/", "http://replay");
  if (cloud === "huawei") return { cloud, action: "", method: req.method, path: url.pathname + url.search };
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString("utf8"))) params[k] = v;
  return { cloud, action: params.Action ?? "", params };
}

/** startReplayServer serves a recording on 127.0.0.1 and resolves with its base URL. */
async function startReplayServer(
  recording: Recording,
): Promise<{ endpoint: string; replayer: Replayer; close(): Promise<void> }> {
  const cloud = recording.manifest.cloud;
  const replayer = new Replayer(recording.calls);
  const server: Server = createServer((req, res) => {
    void requestOf(req, cloud).then((request) => {
      const key = callKey(request);
      const call = replayer.answer(key);
      if (!call) {
        const message = `no recorded answer for ${key}`;
        const body =
          cloud === "aliyun"
            ? { Code: "Replay.NoRecordedAnswer", Message: message, RequestId: "replay" }
            : {
                error_code: "Replay.NoRecordedAnswer",
                error_msg: message,
                error: { code: "Replay.NoRecordedAnswer", message },
              };
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
        return;
      }
      if (call.status === undefined) {
        // The recorded call got no answer: the connection is dropped the same way.
        req.socket.destroy();
        return;
      }
      const text = call.answerText ?? (call.answer === undefined ? "" : JSON.stringify(call.answer));
      const type = call.answerText !== undefined ? "text/html" : "application/json";
      res.writeHead(call.status, { "content-type": type, "content-length": Buffer.byteLength(text).toString() });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    replayer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** ReplayResult is a replay's report beside what the recording saw. */
interface ReplayResult {
  readonly report: AcceptanceReport;
  /** outcomes are `<kind> <step> <outcome>` lines of the replay, in order. */
  readonly outcomes: readonly string[];
  /** recorded are the same lines from the manifest. */
  readonly recorded: readonly string[];
  readonly unmatched: readonly string[];
}

/** replay runs a recording's scenarios against its own answers. */
export async function replay(folder: string, print: (line: string) => void = () => undefined): Promise<ReplayResult> {
  const recording = readRecording(folder);
  const { manifest } = recording;
  const server = await startReplayServer(recording);
  try {
    const credentials =
      manifest.cloud === "aliyun"
        ? {
            ALICLOUD_ACCESS_KEY: "REPLAYACCESSKEY",
            ALICLOUD_SECRET_KEY: "replaySecret",
            ALICLOUD_SLB_ENDPOINT: server.endpoint,
          }
        : { HW_ACCESS_KEY: "REPLAYACCESSKEY", HW_SECRET_KEY: "replaySecret", HW_ELB_ENDPOINT: server.endpoint };
    const report = await runAcceptance({
      env: {
        ...manifest.env,
        ...credentials,
        [VARIABLES.ports]: `${manifest.ports.from}-${manifest.ports.to}`,
        // Recorded answers come back at once: a call no recording answers must fail the replay in seconds.
        ALICLOUD_RETRY_BUDGET_SECONDS: "60",
        HW_RETRY_BUDGET_SECONDS: "60",
      },
      kinds: manifest.kinds.map((k) => k.kind),
      run: manifest.run,
      reportFile: "",
      print,
    });
    const lines = (kinds: Manifest["kinds"]): string[] =>
      kinds.flatMap((k) => k.steps.map((s) => `${k.kind} ${s.step} ${s.outcome}`));
    return {
      report,
      outcomes: lines(report.kinds.filter((k) => k.status !== "skipped")),
      recorded: lines(manifest.kinds),
      unmatched: server.replayer.unmatched,
    };
  } finally {
    await server.close();
  }
}
