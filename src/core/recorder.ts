/**
 * The wire recorder: when `PULUMI_LB_LISTENERS_RECORD_DIR` names a directory, each client writes every exchange it
 * makes there, one JSON file per call, before the answer is interpreted. `npm run acceptance -- --record` sets it for
 * the provider hosts it starts and redacts the files afterwards (src/acceptance/redact.ts); nothing else reads them.
 *
 * What is written is what the client chose to send (action and parameters, or method, path and body) and what came
 * back (status and body). Signatures, credentials and signed dates are added below this layer (pop-core, the
 * signer), so they never reach a file; the account's identifiers do, and the redaction replaces them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Cloud } from "./errors";

/** RECORD_DIR_ENV names the environment variable that turns recording on. */
export const RECORD_DIR_ENV = "PULUMI_LB_LISTENERS_RECORD_DIR";

/** RecordedCall is one exchange as a client saw it. */
export interface RecordedCall {
  readonly cloud: Cloud;
  /** action is the RPC action (Aliyun) or the operation's name (Huawei). */
  readonly action: string;
  /** params are an RPC call's parameters, by wire name (Aliyun). */
  readonly params?: Readonly<Record<string, string | number>>;
  /** method and path (with its query) of a REST call (Huawei). */
  readonly method?: string;
  readonly path?: string;
  /** body is a REST call's request body. */
  readonly body?: unknown;
  /** status is the HTTP status, absent when no answer came. */
  readonly status?: number;
  /** answer is the parsed JSON answer; `answerText` the raw text when it was not JSON. */
  readonly answer?: unknown;
  readonly answerText?: string;
  /** failure names what happened when no usable answer came (a network code). */
  readonly failure?: string;
  /** startedAt is the call's start (epoch milliseconds); the redaction keeps only offsets from the first call. */
  readonly startedAt: number;
  readonly elapsedMs: number;
}

let sequence = 0;

/** recording tells whether calls are being recorded (the environment variable is set). */
export function recording(): boolean {
  return Boolean(process.env[RECORD_DIR_ENV]);
}

/**
 * recordCall writes one call to the recording directory when recording is on. A file name orders the calls of every
 * process writing to the same directory by start time. A failure to write never fails the call it records.
 */
export function recordCall(call: RecordedCall): void {
  const dir = process.env[RECORD_DIR_ENV];
  if (!dir) return;
  sequence += 1;
  const name = `${Math.round(call.startedAt * 1000)}-${process.pid}-${String(sequence).padStart(5, "0")}.json`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), `${JSON.stringify(call, null, 2)}\n`);
  } catch {
    // The recording is evidence for later, never a reason to fail the deployment it watches.
  }
}

/** now is the current time in epoch milliseconds with sub-millisecond precision. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}
