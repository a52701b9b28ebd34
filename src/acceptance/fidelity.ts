/**
 * `npm run fidelity [-- <recording folder>...]`: sends each recorded request to the emulator of its cloud instead of
 * the service and prints, per call, where the emulator answers differently: HTTP status, error code, message, field
 * names and value forms (a boolean where the service wrote an integer, a string where it wrote null). With no folder
 * it reads every recording under `fixtures/recorded/`. The table measures how close the emulators are to what was
 * recorded; a recording made against the emulators measures nothing but the path itself.
 *
 * The recording's placeholders are mapped to the emulator's own resources: the account variables by role (the
 * manifest's load balancer to the emulator's seeded one), and each id an answer hands out (a new listener's) to the
 * id the emulator handed out in the same place.
 *
 * The requests go at the recorded pace, but no pause is longer than `PAUSE_CAP_MS`: time changes an emulator's answer
 * only through its load balancer lock (`LOCK_MS`), so a pause longer than the cap is cut to the cap, which the lock
 * does not outlast either, and every call still meets the lock it met at the recorded pace. (A recording's pauses are
 * mostly the provider host starting for each step: seconds that no answer depends on.)
 */
import type RPCClient from "@alicloud/pop-core";
import type { AxiosStatic } from "axios";
import * as path from "node:path";
import { API_VERSION } from "../aliyun/constants";
import { startEmulators, type Emulators } from "../emulator";
import { Signer } from "../huawei/signer";
import { ID_KEYS, replacing, rewrite, type RedactedCall } from "./redact";
import { readRecording, recordingFolders } from "./replay";
import { emulatorEnv } from "./runner";

/** LOCK_MS is how long a mutation keeps an emulated load balancer locked here: the emulators' default, named. */
const LOCK_MS = 20;

/**
 * PAUSE_CAP_MS is the longest pause between two calls: any recorded pause at least this long has let the lock end,
 * and so has this one, with room for a timer that fires late or a request that arrives early.
 */
const PAUSE_CAP_MS = 5 * LOCK_MS;

/**
 * pacedStarts are the times (ms from the first call) the calls are sent at: the recorded gaps, each at most
 * `PAUSE_CAP_MS`.
 */
export function pacedStarts(recordedAtMs: readonly number[]): number[] {
  let start = 0;
  return recordedAtMs.map((at, i) => {
    if (i > 0) start += Math.min(Math.max(0, at - recordedAtMs[i - 1]), PAUSE_CAP_MS);
    return start;
  });
}

/** Answer is one answer in the form the comparison reads. */
interface Answer {
  readonly status?: number;
  readonly body?: unknown;
}

/** FidelityRow is one call's comparison. */
interface FidelityRow {
  readonly index: number;
  readonly call: string;
  readonly recordedStatus?: number;
  readonly emulatorStatus?: number;
  readonly differences: readonly string[];
}

/** errorCode reads the error code of either cloud's error body (Aliyun `Code`, ELB `error_code`/`error.code`, Neutron). */
function errorCode(body: unknown): string | undefined {
  const o = (body ?? {}) as Record<string, unknown>;
  const nested = (o.error ?? o.NeutronError ?? {}) as Record<string, unknown>;
  const code = o.Code ?? o.error_code ?? nested.code ?? nested.type;
  return typeof code === "string" ? code : undefined;
}

/** errorMessage reads the message of either cloud's error body. */
function errorMessage(body: unknown): string | undefined {
  const o = (body ?? {}) as Record<string, unknown>;
  const nested = (o.error ?? o.NeutronError ?? {}) as Record<string, unknown>;
  const message = o.Message ?? o.error_msg ?? nested.message;
  return typeof message === "string" ? message : undefined;
}

/** shape lists a body's field paths with the form of each value (arrays read as `[]`, their items merged). */
function shape(value: unknown, prefix = "", into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    if (prefix) into.set(prefix, "array");
    for (const item of value) shape(item, `${prefix}[]`, into);
    return into;
  }
  if (value !== null && typeof value === "object") {
    if (prefix) into.set(prefix, "object");
    for (const [k, v] of Object.entries(value)) shape(v, prefix ? `${prefix}.${k}` : k, into);
    return into;
  }
  if (prefix) into.set(prefix, value === null ? "null" : typeof value);
  return into;
}

/** compareAnswers lists where the emulator's answer differs from the recorded one. */
export function compareAnswers(recorded: Answer, emulated: Answer): string[] {
  const out: string[] = [];
  if (recorded.status !== emulated.status)
    out.push(`status ${recorded.status ?? "none"} vs ${emulated.status ?? "none"}`);
  const [rc, ec] = [errorCode(recorded.body), errorCode(emulated.body)];
  if (rc !== ec) out.push(`code ${rc ?? "none"} vs ${ec ?? "none"}`);
  const [rm, em] = [errorMessage(recorded.body), errorMessage(emulated.body)];
  if (rc !== undefined && rc === ec && rm !== em) out.push(`message "${rm ?? ""}" vs "${em ?? ""}"`);
  const [rs, es] = [shape(recorded.body), shape(emulated.body)];
  const onlyRecorded = [...rs.keys()].filter((k) => !es.has(k));
  const onlyEmulated = [...es.keys()].filter((k) => !rs.has(k));
  if (onlyRecorded.length > 0) out.push(`fields only recorded: ${onlyRecorded.join(", ")}`);
  if (onlyEmulated.length > 0) out.push(`fields only emulated: ${onlyEmulated.join(", ")}`);
  for (const [k, form] of rs) {
    const other = es.get(k);
    if (other !== undefined && other !== form) out.push(`${k} ${form} vs ${other}`);
  }
  return out;
}

/** learnIds maps each id a recorded answer holds under an id field to the emulator's value in the same place. */
function learnIds(recorded: unknown, emulated: unknown, mapping: Map<string, string>): void {
  if (Array.isArray(recorded) && Array.isArray(emulated)) {
    recorded.forEach((r, i) => learnIds(r, emulated[i], mapping));
    return;
  }
  if (recorded === null || typeof recorded !== "object" || emulated === null || typeof emulated !== "object") return;
  const other = emulated as Record<string, unknown>;
  for (const [k, v] of Object.entries(recorded)) {
    if (ID_KEYS.has(k.toLowerCase()) && typeof v === "string" && typeof other[k] === "string" && !mapping.has(v)) {
      if (!/request_?id/i.test(k)) mapping.set(v, other[k] as string);
    }
    learnIds(v, other[k], mapping);
  }
}

/** sendAliyun sends one RPC call to the emulator, signed with its key, and returns the answer whatever its status. */
async function sendAliyun(emulators: Emulators, call: RedactedCall): Promise<Answer> {
  const aliyun = emulators.aliyun;
  if (!aliyun) throw new Error("the Aliyun emulator is not running");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ctor = require("@alicloud/pop-core") as new (config: RPCClient.Config, verbose: boolean) => RPCClient;
  const client = new Ctor(
    {
      endpoint: aliyun.endpoint,
      apiVersion: API_VERSION,
      accessKeyId: aliyun.accessKeyId,
      accessKeySecret: aliyun.accessKeySecret,
    },
    true,
  );
  try {
    const [body, entry] = (await client.request(
      call.action,
      { ...call.params },
      { method: "POST", formatParams: false },
    )) as [unknown, { response?: { statusCode?: number } }];
    return { status: entry?.response?.statusCode, body };
  } catch (error) {
    const e = error as { data?: unknown; entry?: { response?: { statusCode?: number } } };
    return { status: e.entry?.response?.statusCode, body: e.data };
  }
}

/** sendHuawei sends one REST call to the emulator, signed with its key, and returns the answer whatever its status. */
async function sendHuawei(emulators: Emulators, call: RedactedCall): Promise<Answer> {
  const huawei = emulators.huawei;
  if (!huawei) throw new Error("the Huawei emulator is not running");
  const method = (call.method ?? "GET") as "GET" | "POST" | "PUT" | "DELETE";
  const url = new URL(huawei.endpoint + (call.path ?? "/"));
  const payload = call.body === undefined ? "" : JSON.stringify(call.body);
  const headers = new Signer({ accessKey: huawei.accessKey, secretKey: huawei.secretKey }).sign({
    method,
    url,
    headers: { "Content-Type": "application/json" },
    body: payload,
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const axios = require("axios") as AxiosStatic;
  const response = await axios.request<string>({
    method,
    url: url.toString(),
    headers,
    data: payload === "" ? undefined : payload,
    responseType: "text",
    transformResponse: [(d: unknown) => d],
    validateStatus: () => true,
  });
  let body: unknown;
  try {
    body = response.data === "" ? undefined : JSON.parse(response.data);
  } catch {
    body = response.data;
  }
  return { status: response.status, body };
}

/** fidelity compares one recording folder with the emulator of its cloud, call by call. */
export async function fidelity(folder: string): Promise<FidelityRow[]> {
  const { manifest, calls } = readRecording(folder);
  const emulators = await startEmulators({ aliyun: { lockMs: LOCK_MS }, huawei: { lockMs: LOCK_MS } });
  try {
    const seeded = emulatorEnv(emulators);
    const mapping = new Map<string, string>();
    for (const [name, placeholder] of Object.entries(manifest.env)) {
      const real = seeded[name];
      if (real === undefined || real === placeholder) continue;
      const [from, to] = [placeholder.split(","), real.split(",")];
      from.forEach((p, i) => mapping.set(p, to[i] ?? p));
    }
    const rows: FidelityRow[] = [];
    // At the recorded pace: the emulators, like the services, answer by how long ago a change was made.
    const starts = pacedStarts(calls.map((c) => c.atMs));
    const started = Date.now();
    for (const [i, recorded] of calls.entries()) {
      const wait = starts[i] - (Date.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const call = rewrite(recorded, replacing(mapping)) as RedactedCall;
      const emulated = call.cloud === "aliyun" ? await sendAliyun(emulators, call) : await sendHuawei(emulators, call);
      learnIds(recorded.answer, emulated.body, mapping);
      const label = call.cloud === "aliyun" ? recorded.action : `${recorded.method ?? ""} ${recorded.path ?? ""}`;
      rows.push({
        index: i + 1,
        call: label,
        recordedStatus: recorded.status,
        emulatorStatus: emulated.status,
        differences: compareAnswers(
          { status: recorded.status, body: recorded.answer ?? recorded.answerText },
          emulated,
        ),
      });
    }
    return rows;
  } finally {
    await emulators.close();
  }
}

/** printFidelity prints a folder's table and a one-line summary. */
function printFidelity(folder: string, rows: readonly FidelityRow[], print: (line: string) => void): void {
  print(`fidelity of ${folder}`);
  print(`${"#".padStart(4)}  ${"call".padEnd(58)} ${"status".padEnd(9)} differences`);
  for (const row of rows) {
    const status = `${row.recordedStatus ?? "-"}/${row.emulatorStatus ?? "-"}`;
    print(
      `${String(row.index).padStart(4)}  ${row.call.slice(0, 58).padEnd(58)} ${status.padEnd(9)} ` +
        (row.differences.length === 0 ? "alike" : row.differences.join("; ")),
    );
  }
  const alike = rows.filter((r) => r.differences.length === 0).length;
  print(`${alike} of ${rows.length} calls answered alike`);
}

if (require.main === module) {
  const root = path.resolve(__dirname, "..", "..", "fixtures", "recorded");
  const folders = process.argv.length > 2 ? process.argv.slice(2) : recordingFolders(root);
  (async () => {
    for (const folder of folders) printFidelity(folder, await fidelity(folder), (l) => console.log(l));
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
