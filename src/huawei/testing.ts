/**
 * Spec support for the Huawei specs that drive the emulator through the real client (not part of the build: see
 * tsconfig.build.json).
 */
import { inspect } from "node:util";
import axios, { type AxiosAdapter, type AxiosInstance, type AxiosResponse } from "axios";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import fc from "fast-check";
import { ApiError } from "../core/errors";
import { setLogger, type Logger } from "../core/log";
import { startHuaweiEmulator, type HuaweiEmulator, type HuaweiEmulatorOptions } from "../emulator/huawei";
import { ElbClient } from "./client";
import type { Target } from "./config";
import { WIRE_NAMES, type ListenerBody } from "./wire";
import { WIRE_SSL_PROTOCOLS } from "./constants";
import type { InputName } from "./schema";

/** emulatorTarget is the target of the emulator signed with its AK/SK, for region eu-de and the seeded project. */
export function emulatorTarget(emu: HuaweiEmulator, requestTimeoutMs: number): Target {
  return {
    baseUrl: emu.endpoint,
    region: "eu-de",
    projectId: emu.seed.projectId,
    credentials: { kind: "aksk", accessKey: emu.accessKey, secretKey: emu.secretKey },
    requestTimeoutMs,
  };
}

/** clientFor returns an ElbClient signed with the emulator's AK/SK, for region eu-de and the seeded project. */
export function clientFor(emu: HuaweiEmulator, requestTimeoutMs: number): ElbClient {
  return new ElbClient(emulatorTarget(emu, requestTimeoutMs));
}

/**
 * RETRY_BUDGET_SECONDS is the retry budget of the providers specs build against an emulator: an operation that cannot
 * succeed fails the spec within it, instead of retrying for the default five minutes, past the spec's timeout, against
 * an emulator that is already closed. A spec whose retries must succeed under faults sets a larger one.
 */
export const RETRY_BUDGET_SECONDS = "5";

/**
 * emulatorEnv returns the provider environment that points at the emulator with its AK/SK, region and project, with
 * the specs' retry budget.
 */
export function emulatorEnv(emu: HuaweiEmulator): Record<string, string> {
  return {
    HW_ACCESS_KEY: emu.accessKey,
    HW_SECRET_KEY: emu.secretKey,
    HW_REGION_NAME: emu.seed.region,
    HW_PROJECT_ID: emu.seed.projectId,
    HW_ELB_ENDPOINT: emu.endpoint,
    HW_RETRY_BUDGET_SECONDS: RETRY_BUDGET_SECONDS,
  };
}

/** apiFailure runs a call that must fail with an ApiError and returns that error; any other error is rethrown. */
export async function apiFailure(run: () => Promise<unknown>): Promise<ApiError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** PARAMETER_OF names the request parameter behind each specific classic ELB code. */
const PARAMETER_OF: Readonly<Record<string, string>> = {
  "ELB.6011": "name",
  "ELB.6021": "name",
  "ELB.6031": "description",
  "ELB.6041": "port",
  "ELB.6051": "lb_algorithm",
  "ELB.6061": "protocol",
  "ELB.6071": "backend_protocol",
  "ELB.6081": "sticky_session_type",
};

/** parameterOf names the request parameter a refusal is about: by its specific code, else from its message. */
export function parameterOf(error: ApiError): string | undefined {
  return PARAMETER_OF[error.code] ?? /"([a-z_]+)" is nil|\(([a-z_]+)\)$/.exec(error.apiMessage)?.slice(1).find(Boolean);
}

/**
 * rawBody sends inputs as they are, by wire name (the document's TLS spelling of sslProtocols translated, as the
 * client does); names limits it to those inputs.
 */
export function rawBody(
  raw: Readonly<Record<string, unknown>>,
  names: readonly string[] = Object.keys(raw),
): ListenerBody {
  const body: Record<string, unknown> = {};
  for (const name of names) {
    const wire = WIRE_NAMES[name as InputName];
    const value = raw[name];
    if (wire === undefined || value === undefined) continue;
    body[wire] =
      name === "sslProtocols" && typeof value === "string" && value in WIRE_SSL_PROTOCOLS
        ? WIRE_SSL_PROTOCOLS[value as keyof typeof WIRE_SSL_PROTOCOLS]
        : value;
  }
  return body as ListenerBody;
}

/** maybe leaves a generated input out (undefined) one time in two. */
export const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined, freq: 2 });

/**
 * captureLog sends the spec file's log lines into `lines` (from `beforeAll`, the previous logger back in `afterAll`),
 * each as `<level>: <line>` when `levels` is set, else as the line alone.
 */
export function captureLog(lines: string[], levels = false): void {
  let previous: Logger | undefined;
  const into =
    (level: string) =>
    (m: string): void => {
      lines.push(levels ? `${level}: ${m}` : m);
    };
  beforeAll(() => {
    previous = setLogger({ debug: into("debug"), info: into("info"), warn: into("warn") });
  });
  afterAll(() => {
    if (previous) setLogger(previous);
  });
}

/**
 * emulatorSpec gives a provider spec file one emulator (`started` hands it over in `beforeAll`, closed in `afterAll`)
 * and its log lines in `lines` by level; before each spec the emulator's call record, its faults and `lines` are
 * cleared.
 */
export function emulatorSpec(
  options: HuaweiEmulatorOptions,
  lines: string[],
  started: (emu: HuaweiEmulator) => void,
): void {
  let emu: HuaweiEmulator | undefined;
  beforeAll(async () => {
    emu = await startHuaweiEmulator(options);
    started(emu);
  });
  captureLog(lines, true);
  afterAll(async () => {
    await emu?.close();
  });
  beforeEach(() => {
    emu?.resetCalls();
    emu?.faults.clear();
    lines.length = 0;
  });
}

/**
 * describeEmulator gives the enclosing describe an emulator of its own (`started` hands it over), with no faults left
 * from the spec before. The pipeline's pacer learns a load balancer's lock per endpoint for the whole process, so on
 * a shared emulator a lock learnt under one fault kind (a busy answer met after a throttled wait reads as a lock of a
 * second) would pace every later mutation of the file by it.
 */
export function describeEmulator(options: HuaweiEmulatorOptions, started: (emu: HuaweiEmulator) => void): void {
  let emu: HuaweiEmulator | undefined;
  beforeAll(async () => {
    emu = await startHuaweiEmulator(options);
    started(emu);
  });
  afterAll(() => emu?.close());
  beforeEach(() => emu?.faults.clear());
}

/**
 * recordInto is the secrets specs' recorder: it runs a call and pushes into `seen` its answer as JSON, or every way
 * its error can be shown (text, stack, inspection, JSON).
 */
export function recordInto(seen: string[]): (run: () => Promise<unknown>) => Promise<void> {
  return async (run) => {
    try {
      seen.push(JSON.stringify(await run()) ?? "");
    } catch (error) {
      const stack = error instanceof Error ? (error.stack ?? "") : "";
      seen.push(String(error), stack, inspect(error, { depth: 9 }), JSON.stringify(error));
    }
  };
}

/**
 * expectNoSecrets ends a secrets spec: it adds each provider object's JSON and inspection to `seen`, then asserts that
 * neither `seen` nor the log `lines` holds any of `secrets` or a signature, and that `seen` has more than `least`
 * entries (the calls did run).
 */
export function expectNoSecrets(
  seen: string[],
  lines: readonly string[],
  providers: readonly object[],
  secrets: readonly string[],
  least: number,
): void {
  for (const p of providers) seen.push(JSON.stringify(p), inspect(p, { depth: 9 }));
  const everything = [...seen, ...lines].join("\n");
  for (const secret of secrets) expect(everything).not.toContain(secret);
  expect(everything).not.toMatch(/SDK-HMAC-SHA256|Signature=/);
  expect(seen.length).toBeGreaterThan(least);
}

/** StubAnswer is the answer a stub transport gives one request: its status and body text. */
interface StubAnswer {
  readonly status: number;
  readonly body: string;
}

/** stubTransport answers every request with the answer `answer` picks for its method and path (the documented specs). */
export function stubTransport(answer: (method: string, path: string) => StubAnswer): AxiosInstance {
  const adapter: AxiosAdapter = async (config) => {
    const url = new URL(String(config.url));
    const a = answer(String(config.method).toUpperCase(), url.pathname);
    const response: AxiosResponse = { data: a.body, status: a.status, statusText: "", headers: {}, config };
    return response;
  };
  return axios.create({ adapter });
}

/** Checker is a provider's check, as the provider specs call it. */
interface Checker<I> {
  check(olds: I, news: I): Promise<dynamic.CheckResult<I>>;
}

/** checked runs a provider's check on raw inputs (against `olds`) and returns the checked inputs; any failure fails the spec. */
export async function checked<I>(
  p: Checker<I>,
  raw: Record<string, unknown>,
  olds: Record<string, unknown> = {},
): Promise<I> {
  const result = await p.check(olds as I, raw as I);
  expect(result.failures).toBeUndefined();
  return result.inputs!;
}
