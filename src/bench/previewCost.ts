/**
 * Figure 4: what a preview costs the provider per resource: `check` of new inputs plus `diff` against stored
 * outputs, timed in process over 10,000 generated argument sets per resource (seeded, so every run times the same
 * inputs). The sets are valid-ish: mostly valid, with optional inputs present at random and some values out of range,
 * so both the passing and the failing paths of the validation are timed.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { Props } from "./clouds";
import { aliyunEnv, huaweiEnv, RetryLog, withLogger } from "./clouds";
import { HttpsListenerProvider } from "../aliyun/provider";
import { ElbListenerProvider } from "../huawei/provider";
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_REGION } from "../emulator/aliyun";
import type { AliyunEmulator } from "../emulator/aliyun";
import type { HuaweiEmulator } from "../emulator/huawei";
import {
  DEFAULT_HUAWEI_ACCESS_KEY,
  DEFAULT_HUAWEI_PROJECT_ID,
  DEFAULT_HUAWEI_REGION,
  DEFAULT_HUAWEI_SECRET_KEY,
} from "../emulator/huawei";
import type { Figure, Row } from "./figure";
import { context, measured, percentile, round } from "./figure";
import { seeded, type Random } from "../core/random";

/** SAMPLES argument sets are timed per resource, after WARMUP untimed ones. */
export const SAMPLES = 10_000;
export const WARMUP = 2_000;
/** MEDIAN_TARGET_US is the largest median check + diff time allowed, in microseconds. */
export const MEDIAN_TARGET_US = 50;

const int = (r: Random, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const maybe = (r: Random, p = 0.5): boolean => r() < p;

/** aliyunArgs generates one HttpsListener argument set; about one in ten breaks a rule. */
export function aliyunArgs(r: Random): Props {
  const sticky = maybe(r) ? "on" : "off";
  const args: Props = {
    loadBalancerId: `lb-bench${int(r, 1, 50)}`,
    listenerPort: int(r, 1, 65535),
    bandwidth: maybe(r) ? -1 : int(r, 1, 5120),
    healthCheck: pick(r, ["on", "off"]),
    serverCertificateId: `idkp-bench-${int(r, 1, 9)}`,
    stickySession: sticky,
    backendServerPort: int(r, 1, 65535),
  };
  if (sticky === "on") {
    args.stickySessionType = pick(r, ["insert", "server"]);
    if (args.stickySessionType === "insert") args.cookieTimeout = int(r, 1, 86400);
    else args.cookie = `c${int(r, 0, 1e6)}`;
  }
  if (maybe(r, 0.3)) args.description = `bench listener ${int(r, 0, 999)}`.replace(/ /g, "-");
  if (maybe(r, 0.3)) args.idleTimeout = int(r, 1, 60);
  if (maybe(r, 0.3)) args.requestTimeout = int(r, 1, 180);
  if (maybe(r, 0.3)) args.scheduler = pick(r, ["wrr", "wlc", "rr"]);
  if (maybe(r, 0.3)) {
    args.healthCheckInterval = int(r, 1, 50);
    args.healthCheckTimeout = int(r, 1, 300);
  }
  if (maybe(r, 0.2)) args.tlsCipherPolicy = "tls_cipher_policy_1_2";
  if (maybe(r, 0.1)) args.listenerPort = int(r, 65536, 70000);
  return args;
}

/** huaweiArgs generates one ElbListener argument set; about one in ten breaks a rule. */
export function huaweiArgs(r: Random): Props {
  const protocol = pick(r, ["HTTP", "TCP", "HTTPS", "SSL", "UDP"] as const);
  const backendProtocol = protocol === "UDP" ? "UDP" : protocol === "SSL" || protocol === "TCP" ? "TCP" : "HTTP";
  const args: Props = {
    name: `bench_${int(r, 0, 99999)}`,
    loadbalancerId: `lb${int(r, 1, 50)}`,
    protocol,
    port: int(r, 1, 65535),
    backendProtocol,
    backendPort: int(r, 1, 65535),
    lbAlgorithm: pick(r, ["roundrobin", "leastconn", "source"]),
  };
  if (protocol === "HTTPS" || protocol === "SSL") {
    args.certificateId = `cert${int(r, 1, 9)}`;
    if (maybe(r, 0.3)) args.sslCiphers = pick(r, ["Default", "Extended", "Strict"]);
  }
  if (protocol === "TCP" && maybe(r)) args.tcpTimeout = int(r, 1, 5);
  if (protocol === "UDP" && maybe(r)) args.udpTimeout = int(r, 1, 1440);
  if (maybe(r, 0.3)) args.description = `bench listener ${int(r, 0, 999)}`;
  if (maybe(r, 0.2)) args.sessionSticky = false;
  if (maybe(r, 0.1)) args.port = 0;
  return args;
}

interface Timing {
  readonly check: number[];
  readonly diff: number[];
  readonly total: number[];
  failing: number;
}

const micros = (from: bigint, to: bigint): number => Number(to - from) / 1000;

/**
 * timePreview runs check then diff for each argument set; the diff compares the set's checked inputs with the
 * previous set's outputs (id and outputs as a create would have stored them).
 */
async function timePreview(
  provider: dynamic.ResourceProvider,
  generate: (r: Random) => Props,
  seed: number,
  count: number,
): Promise<Timing> {
  const r = seeded(seed);
  const timing: Timing = { check: [], diff: [], total: [], failing: 0 };
  let olds: Props = { ...generate(r), status: "running" };
  for (let i = 0; i < count; i++) {
    const raw = generate(r);
    const t0 = process.hrtime.bigint();
    const checked = await provider.check!(olds, raw);
    const t1 = process.hrtime.bigint();
    await provider.diff!("bench-id", olds, checked.inputs);
    const t2 = process.hrtime.bigint();
    timing.check.push(micros(t0, t1));
    timing.diff.push(micros(t1, t2));
    timing.total.push(micros(t0, t2));
    if (checked.failures && checked.failures.length > 0) timing.failing += 1;
    else olds = { ...(checked.inputs as Props), status: "running" };
  }
  return timing;
}

function rows(name: string, timing: Timing): Row[] {
  const median = (xs: number[]): number => round(percentile(xs, 50), 1);
  const p99 = (xs: number[]): number => round(percentile(xs, 99), 1);
  return [
    measured(
      `${name} check + diff, median`,
      median(timing.total),
      "us",
      MEDIAN_TARGET_US,
      `check median ${median(timing.check)} us, p99 ${p99(timing.check)} us; diff median ${median(timing.diff)} us, ` +
        `p99 ${p99(timing.diff)} us; ${timing.failing} of ${timing.total.length} sets failed check`,
    ),
    context(`${name} check + diff, p99`, p99(timing.total), "us"),
  ];
}

/** Fake emulators' addresses: check and diff make no call, so nothing needs to listen there. */
const aliyunStub = {
  accessKeyId: DEFAULT_ACCESS_KEY_ID,
  accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
  seed: { regionId: DEFAULT_REGION },
  endpoint: "http://127.0.0.1:9",
} as unknown as AliyunEmulator;
const huaweiStub = {
  accessKey: DEFAULT_HUAWEI_ACCESS_KEY,
  secretKey: DEFAULT_HUAWEI_SECRET_KEY,
  seed: { region: DEFAULT_HUAWEI_REGION, projectId: DEFAULT_HUAWEI_PROJECT_ID },
  endpoint: "http://127.0.0.1:9",
} as unknown as HuaweiEmulator;

/** previewCostFigure measures figure 4 for both resources. */
export async function previewCostFigure(): Promise<Figure> {
  const aliyun = new HttpsListenerProvider({ env: aliyunEnv(aliyunStub) });
  const huawei = new ElbListenerProvider({ env: huaweiEnv(huaweiStub) });
  const timings = await withLogger(new RetryLog(), async () => {
    await timePreview(aliyun, aliyunArgs, 1, WARMUP);
    await timePreview(huawei, huaweiArgs, 1, WARMUP);
    return {
      aliyun: await timePreview(aliyun, aliyunArgs, 7, SAMPLES),
      huawei: await timePreview(huawei, huaweiArgs, 7, SAMPLES),
    };
  });
  return {
    id: 4,
    title: "Preview cost: check + diff per resource",
    conditions:
      `${SAMPLES.toLocaleString("en")} seeded argument sets per resource (after ${WARMUP.toLocaleString("en")} ` +
      "untimed), each checked and then diffed against the previous set's stored outputs, in process (the provider " +
      "methods the host calls, without gRPC); wall time per set with process.hrtime, provider log silenced.",
    rows: [...rows("Aliyun", timings.aliyun), ...rows("Huawei", timings.huawei)],
  };
}
