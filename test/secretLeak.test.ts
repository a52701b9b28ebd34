/**
 * No secret leaves either provider, whatever fails. Both emulators sit behind a recording proxy that keeps every
 * signature and Authorization header actually sent; then every failure path of both providers runs with distinctive
 * secrets (wrong secret, unknown key, wrong token, every fault kind, the retry budget running out, the API refusing
 * parameters or echoing a credential back, a listener ending in ERROR, configuration errors), and every log line,
 * error (message, stack, inspection, JSON), output and the serialized provider of both kinds is searched for the
 * secrets, the recorded signatures, `Signature=` and `Authorization`.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { HttpsListenerProvider } from "../src/aliyun/provider";
import { DomainExtensionProvider } from "../src/aliyun/domainExtension/provider";
import type { DomainExtensionInputs } from "../src/aliyun/domainExtension/schema";
import type { HttpsListenerInputs } from "../src/aliyun/schema";
import { setLogger, type Logger } from "../src/core/log";
import { startAliyunEmulator, type AliyunEmulator } from "../src/emulator/aliyun";
import type { FaultRule } from "../src/emulator/faults";
import { startHuaweiEmulator, type HuaweiEmulator } from "../src/emulator/huawei";
import { ElbListenerProvider } from "../src/huawei/provider";
import type { ElbListenerInputs } from "../src/huawei/schema";
import { HOST_BUNDLES, delegatingProvider, hostModule, type ProviderKind } from "../src/providerShim";
import { RETRY_BUDGET_SECONDS as ALIYUN_BUDGET } from "../src/aliyun/testing";
import { RETRY_BUDGET_SECONDS as HUAWEI_BUDGET } from "../src/huawei/testing";

const ALI_SECRET = "AliCanarySecret-9fQ2xZ7pW0LeakMe";
const ALI_WRONG_SECRET = "AliCanaryWrong-4hV8sD1nB6LeakMe";
const ALI_TOKEN = "AliCanaryStsToken-2cJ5mX9rT3LeakMe";
const HW_SECRET = "HwCanarySecret-3kT8vN1qY7LeakMe";
const HW_WRONG_SECRET = "HwCanaryWrong-8pL2wE6uZ4LeakMe";
const HW_TOKEN = "HwCanaryToken-6mR4yB2sQ9LeakMe";
const HW_WRONG_TOKEN = "HwCanaryBadToken-1aG7kF3hW5LeakMe";
const CANARIES = [ALI_SECRET, ALI_WRONG_SECRET, ALI_TOKEN, HW_SECRET, HW_WRONG_SECRET, HW_TOKEN, HW_WRONG_TOKEN];

/** RecordingProxy forwards every request to an emulator and keeps what must never come back out. */
interface RecordingProxy {
  readonly endpoint: string;
  /** Every signature (Aliyun `Signature` parameter, Huawei `Signature=` of the Authorization header) sent. */
  readonly signatures: Set<string>;
  /** Every Authorization and X-Auth-Token header value sent. */
  readonly headers: Set<string>;
  close(): Promise<void>;
}

async function recordingProxy(target: string): Promise<RecordingProxy> {
  const signatures = new Set<string>();
  const headers = new Set<string>();
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const text = `${req.url ?? ""}&${body.toString("utf8")}`;
      for (const m of text.matchAll(/[?&]Signature=([^&]+)/g)) {
        signatures.add(m[1]);
        signatures.add(decodeURIComponent(m[1]));
      }
      const authorization = req.headers.authorization;
      if (authorization) {
        headers.add(authorization);
        const m = /Signature=([0-9a-f]+)/.exec(authorization);
        if (m) signatures.add(m[1]);
      }
      const token = req.headers["x-auth-token"];
      if (typeof token === "string") headers.add(token);
      const forward = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on("error", () => res.destroy());
          answer.on("aborted", () => res.destroy());
        },
      );
      forward.on("error", () => res.destroy());
      res.on("close", () => forward.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    signatures,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let ali: AliyunEmulator;
let hw: HuaweiEmulator;
let aliProxy: RecordingProxy;
let hwProxy: RecordingProxy;
let previousLogger: Logger;
/** corpus is everything that could carry a secret out: log lines, errors, outputs, serialized providers. */
const corpus: string[] = [];
let failures = 0;

beforeAll(async () => {
  ali = await startAliyunEmulator({ accessKeySecret: ALI_SECRET, lockMs: 5 });
  hw = await startHuaweiEmulator({ secretKey: HW_SECRET, tokens: [HW_TOKEN], lockMs: 5, pendingCreateReads: 1 });
  aliProxy = await recordingProxy(ali.endpoint);
  hwProxy = await recordingProxy(hw.endpoint);
  previousLogger = setLogger({
    debug: (m) => corpus.push(`debug: ${m}`),
    info: (m) => corpus.push(`info: ${m}`),
    warn: (m) => corpus.push(`warn: ${m}`),
  });
});
afterAll(async () => {
  setLogger(previousLogger);
  await Promise.all([aliProxy.close(), hwProxy.close()]);
  await Promise.all([ali.close(), hw.close()]);
});
beforeEach(() => {
  ali.faults.clear();
  hw.faults.clear();
});

function everything(e: unknown): string {
  const error = e as Error;
  return [
    String(e),
    error?.stack ?? "",
    inspect(e, { depth: 12, showHidden: true }),
    JSON.stringify(e) ?? "",
    JSON.stringify(Object.getOwnPropertyNames(e ?? {}).map((k) => (e as Record<string, unknown>)[k])) ?? "",
  ].join("\n");
}

/** attempt runs one path and keeps its result or its error; it counts the paths that failed. */
async function attempt(label: string, run: () => Promise<unknown>): Promise<void> {
  try {
    const result = await run();
    corpus.push(`${label}: ${JSON.stringify(result)}`, inspect(result, { depth: 12 }));
  } catch (error) {
    failures += 1;
    corpus.push(`${label} failed: ${everything(error)}`);
  }
}

let port = 7000;

/** A throttling window of 100 ms instead of the services' second: the endpoint gate spaces retries alike, sooner. */
const GATE = { windowMs: 100 };

function aliyun(env: Record<string, string> = {}): HttpsListenerProvider {
  return new HttpsListenerProvider({
    env: {
      ALICLOUD_ACCESS_KEY: ali.accessKeyId,
      ALICLOUD_SECRET_KEY: ALI_SECRET,
      ALICLOUD_SECURITY_TOKEN: ALI_TOKEN,
      ALICLOUD_REGION: ali.seed.regionId,
      ALICLOUD_SLB_ENDPOINT: aliProxy.endpoint,
      ALICLOUD_RETRY_BUDGET_SECONDS: ALIYUN_BUDGET,
      ...env,
    },
    requestTimeoutMs: 300,
    retry: { baseDelayMs: 5, maxDelayMs: 20, gate: GATE },
  });
}

function aliInputs(more: Record<string, unknown> = {}): HttpsListenerInputs {
  return {
    loadBalancerId: ali.seed.loadBalancers.public,
    listenerPort: port++,
    bandwidth: -1,
    healthCheck: "off",
    serverCertificateId: ali.seed.serverCertificateId,
    stickySession: "off",
    backendServerPort: 80,
    ...more,
  } as HttpsListenerInputs;
}

function huawei(env: Record<string, string> = {}): ElbListenerProvider {
  return new ElbListenerProvider({
    env: {
      HW_ACCESS_KEY: hw.accessKey,
      HW_SECRET_KEY: HW_SECRET,
      HW_REGION_NAME: hw.seed.region,
      HW_PROJECT_ID: hw.seed.projectId,
      HW_ELB_ENDPOINT: hwProxy.endpoint,
      HW_REQUEST_TIMEOUT_SECONDS: "0.3",
      HW_RETRY_BUDGET_SECONDS: HUAWEI_BUDGET,
      ...env,
    },
    pollIntervalMs: 1,
    retry: { baseDelayMs: 5, gate: GATE },
  });
}

function hwInputs(more: Record<string, unknown> = {}): ElbListenerInputs {
  return {
    name: `leak-${port}`,
    loadbalancerId: hw.seed.loadBalancers.public,
    protocol: "TCP",
    port: port++,
    backendProtocol: "TCP",
    backendPort: 8080,
    lbAlgorithm: "roundrobin",
    ...more,
  } as ElbListenerInputs;
}

/** FAULTS are every fault kind, applied to the first call of a route or action. */
function faults(target: string): FaultRule[] {
  return [
    { target, kind: "error", status: 503, code: target.includes(" ") ? "ELB.0004" : "ServiceUnavailable", first: 1 },
    { target, kind: "error", code: target.includes(" ") ? "APIGW.0308" : "Throttling.User", first: 1 },
    { target, kind: "error", code: target.includes(" ") ? "ELB.1015" : "OperationBusy", first: 1 },
    { target, kind: "reset", first: 1 },
    { target, kind: "stall", stallMs: 1000, first: 1 },
    { target, kind: "html502", first: 1 },
    { target, kind: "drop-response", first: 1 },
  ];
}

async function aliyunPaths(): Promise<void> {
  const p = aliyun();
  // The whole lifecycle, so outputs and the success log lines are searched too.
  const inputs = (await p.check({} as HttpsListenerInputs, aliInputs())).inputs as HttpsListenerInputs;
  const created = await p.create(inputs);
  corpus.push(JSON.stringify(created));
  await attempt("aliyun read", () => p.read(created.id, created.outs));
  await attempt("aliyun diff", () => p.diff(created.id, created.outs!, { ...inputs, description: "x" }));
  await attempt("aliyun update", () => p.update(created.id, created.outs!, { ...inputs, bandwidth: 7 }));
  await attempt("aliyun delete", () => p.delete(created.id, created.outs!));
  await attempt("aliyun delete gone", () => p.delete(created.id, created.outs!));
  await attempt("aliyun read gone", () => p.read(created.id, created.outs));

  await attempt("aliyun wrong secret", () => aliyun({ ALICLOUD_SECRET_KEY: ALI_WRONG_SECRET }).create(aliInputs()));
  await attempt("aliyun wrong secret read", () =>
    aliyun({ ALICLOUD_SECRET_KEY: ALI_WRONG_SECRET }).read(created.id, created.outs),
  );
  await attempt("aliyun unknown key", () => aliyun({ ALICLOUD_ACCESS_KEY: "LTAIunknownKey0000" }).create(aliInputs()));
  for (const action of ["CreateLoadBalancerHTTPSListener", "StartLoadBalancerListener"]) {
    for (const rule of faults(action)) {
      ali.faults.clear();
      ali.faults.add(rule);
      await attempt(`aliyun ${rule.kind} ${rule.code ?? ""} on ${action}`, () => p.create(aliInputs()));
    }
  }
  ali.faults.clear();
  ali.faults.add({ target: "*", kind: "error", code: "ServiceUnavailable" });
  await attempt("aliyun budget", () => aliyun({ ALICLOUD_RETRY_BUDGET_SECONDS: "0.1" }).create(aliInputs()));
  ali.faults.clear();
  ali.faults.add({ target: "*", kind: "reset" });
  await attempt("aliyun budget reset", () => aliyun({ ALICLOUD_RETRY_BUDGET_SECONDS: "0.1" }).create(aliInputs()));
  ali.faults.clear();
  // A service that echoes the caller's credentials back must not get them into an error.
  ali.faults.add({
    target: "CreateLoadBalancerHTTPSListener",
    kind: "error",
    code: "InvalidParameter",
    message: `bad ${ALI_SECRET} ${ALI_TOKEN}`,
    first: 1,
  });
  await attempt("aliyun echo", () => p.create(aliInputs()));
  ali.faults.clear();
  ali.faults.add({ target: "StartLoadBalancerListener", kind: "error", code: "QuotaExceeded.Listener" });
  await attempt("aliyun start fails", () => p.create(aliInputs()));
  ali.faults.clear();
  await attempt("aliyun unknown certificate", () => p.create(aliInputs({ serverCertificateId: "idkp-nope" })));
  await attempt("aliyun unknown load balancer", () => p.create(aliInputs({ loadBalancerId: "lb-nope" })));
  const taken = aliInputs();
  await p.create(taken);
  await attempt("aliyun port taken", () => p.create(taken));
  await attempt("aliyun invalid inputs", () => p.create({ ...aliInputs(), bandwidth: 0 }));
  await attempt("aliyun check", () => p.check({} as HttpsListenerInputs, { listenerPort: "x" } as never));
  await attempt("aliyun no secret", () => aliyun({ ALICLOUD_SECRET_KEY: "" }).create(aliInputs()));
  await attempt("aliyun no region", () => aliyun({ ALICLOUD_REGION: "" }).read(created.id, undefined));
  await attempt("aliyun bad budget", () => aliyun({ ALICLOUD_RETRY_BUDGET_SECONDS: "soon" }).create(aliInputs()));
  const configured = new HttpsListenerProvider({
    env: { ALICLOUD_SLB_ENDPOINT: aliProxy.endpoint, ALICLOUD_RETRY_BUDGET_SECONDS: ALIYUN_BUDGET },
  });
  const config: Record<string, string> = {
    "alicloud:accessKey": ali.accessKeyId,
    "alicloud:secretKey": ALI_WRONG_SECRET,
    "alicloud:region": ali.seed.regionId,
  };
  await configured.configure({ config: { get: (k: string) => config[k], require: (k: string) => config[k] } });
  await attempt("aliyun configured wrong secret", () => configured.create(aliInputs()));
}

/** domainExtensionPaths runs the Aliyun DomainExtension through its lifecycle and failure paths. */
async function domainExtensionPaths(): Promise<void> {
  const env = (more: Record<string, string> = {}) => ({
    ALICLOUD_ACCESS_KEY: ali.accessKeyId,
    ALICLOUD_SECRET_KEY: ALI_SECRET,
    ALICLOUD_SECURITY_TOKEN: ALI_TOKEN,
    ALICLOUD_REGION: ali.seed.regionId,
    ALICLOUD_SLB_ENDPOINT: aliProxy.endpoint,
    ALICLOUD_RETRY_BUDGET_SECONDS: ALIYUN_BUDGET,
    ...more,
  });
  const provider = (more: Record<string, string> = {}) =>
    new DomainExtensionProvider({
      env: env(more),
      requestTimeoutMs: 300,
      retry: { baseDelayMs: 5, maxDelayMs: 20, gate: GATE },
    });
  const listener = aliInputs();
  await aliyun().create(listener);
  let n = 0;
  const extension = (more: Partial<DomainExtensionInputs> = {}): DomainExtensionInputs => ({
    loadBalancerId: listener.loadBalancerId,
    listenerPort: listener.listenerPort,
    domain: `d${n++}.example.com`,
    serverCertificateId: ali.seed.serverCertificateId,
    ...more,
  });
  const p = provider();
  const created = await p.create(extension());
  corpus.push(JSON.stringify(created));
  const outs = created.outs as DomainExtensionInputs & { regionId: string };
  await attempt("extension read", () => p.read(created.id, outs));
  await attempt("extension update", () =>
    p.update(created.id, outs, { ...outs, serverCertificateId: ali.seed.serverCertificateIds[1] }),
  );
  await attempt("extension delete", () => p.delete(created.id, outs));
  await attempt("extension read gone", () => p.read(created.id, outs));
  await attempt("extension wrong secret", () =>
    provider({ ALICLOUD_SECRET_KEY: ALI_WRONG_SECRET }).create(extension()),
  );
  for (const rule of faults("CreateDomainExtension")) {
    ali.faults.clear();
    ali.faults.add(rule);
    await attempt(`extension ${rule.kind} ${rule.code ?? ""}`, () => p.create(extension()));
  }
  ali.faults.clear();
  ali.faults.add({
    target: "CreateDomainExtension",
    kind: "error",
    code: "InvalidParameter",
    message: `bad ${ALI_SECRET}`,
  });
  await attempt("extension echo", () => p.create(extension()));
  ali.faults.clear();
  await attempt("extension shared", () => p.create(extension({ loadBalancerId: ali.seed.loadBalancers.shared })));
  await attempt("extension unknown certificate", () => p.create(extension({ serverCertificateId: "idkp-nope" })));
}

async function huaweiPaths(): Promise<void> {
  const p = huawei();
  const inputs = (await p.check({} as ElbListenerInputs, hwInputs())).inputs as ElbListenerInputs;
  const created = await p.create(inputs);
  corpus.push(JSON.stringify(created));
  await attempt("huawei read", () => p.read(created.id, created.outs));
  await attempt("huawei diff", () => p.diff(created.id, created.outs!, { ...inputs, description: "x" }));
  await attempt("huawei update", () => p.update(created.id, created.outs!, { ...inputs, backendPort: 81 }));
  await attempt("huawei delete", () => p.delete(created.id, created.outs!));
  await attempt("huawei delete gone", () => p.delete(created.id, created.outs!));
  await attempt("huawei read gone", () => p.read(created.id, created.outs));

  await attempt("huawei wrong secret", () => huawei({ HW_SECRET_KEY: HW_WRONG_SECRET }).create(hwInputs()));
  await attempt("huawei unknown key", () => huawei({ HW_ACCESS_KEY: "UNKNOWNAK0000000000" }).create(hwInputs()));
  await attempt("huawei wrong token", () => huawei({ HW_AUTH_TOKEN: HW_WRONG_TOKEN }).create(hwInputs()));
  const byToken = huawei({ HW_AUTH_TOKEN: HW_TOKEN });
  await attempt("huawei token create", () => byToken.create(hwInputs()));
  for (const route of ["GET /loadbalancers/{id}", "POST /listeners", "GET /listeners/{id}", "DELETE /listeners/{id}"]) {
    for (const rule of faults(route)) {
      hw.faults.clear();
      hw.faults.add(rule);
      const which = rule.kind === "drop-response" ? byToken : p;
      await attempt(`huawei ${rule.kind} ${rule.code ?? ""} on ${route}`, async () => {
        const c = await which.create(hwInputs());
        await which.delete(c.id, c.outs!);
      });
    }
  }
  hw.faults.clear();
  hw.faults.add({ target: "*", kind: "error", code: "ELB.0004", status: 500 });
  await attempt("huawei budget", () => huawei({ HW_RETRY_BUDGET_SECONDS: "0.1" }).create(hwInputs()));
  await attempt("huawei budget token", () =>
    huawei({ HW_AUTH_TOKEN: HW_TOKEN, HW_RETRY_BUDGET_SECONDS: "0.1" }).create(hwInputs()),
  );
  hw.faults.clear();
  hw.faults.add({ target: "POST /listeners", kind: "error", code: "ELB.1001", message: `bad ${HW_SECRET}`, first: 1 });
  await attempt("huawei echo secret", () => p.create(hwInputs()));
  hw.faults.add({ target: "POST /listeners", kind: "error", code: "ELB.1001", message: `bad ${HW_TOKEN}`, first: 1 });
  await attempt("huawei echo token", () => byToken.create(hwInputs()));
  hw.faults.clear();
  hw.state.failNextCreates = 1;
  await attempt("huawei ERROR status", () => p.create(hwInputs()));
  await attempt("huawei unknown load balancer", () => p.create(hwInputs({ loadbalancerId: "nope" })));
  await attempt("huawei UDP on private", () =>
    p.create(hwInputs({ protocol: "UDP", backendProtocol: "UDP", loadbalancerId: hw.seed.loadBalancers.private })),
  );
  await attempt("huawei unknown certificate", () =>
    p.create(hwInputs({ protocol: "SSL", certificateId: "nope", sslProtocols: "TLS 1.2", sslCiphers: "Default" })),
  );
  const taken = hwInputs();
  await p.create(taken);
  await attempt("huawei port taken", () => p.create({ ...taken, name: "other" }));
  await attempt("huawei check", () => p.check({} as ElbListenerInputs, { port: "x" } as never));
  await attempt("huawei no secret", () => huawei({ HW_SECRET_KEY: "" }).create(hwInputs()));
  await attempt("huawei bad endpoint", () => huawei({ HW_ELB_ENDPOINT: "ftp://x" }).create(hwInputs()));
  await attempt("huawei bad cloud", () => huawei({ HW_ELB_ENDPOINT: "", HW_CLOUD: "aws" }).create(hwInputs()));
  await attempt("huawei bad budget", () => huawei({ HW_RETRY_BUDGET_SECONDS: "soon" }).create(hwInputs()));
  await attempt("huawei refused", () =>
    huawei({ HW_ELB_ENDPOINT: "http://127.0.0.1:9", HW_RETRY_BUDGET_SECONDS: "0.2" }).create(hwInputs()),
  );
  const configured = new ElbListenerProvider({
    env: { HW_RETRY_BUDGET_SECONDS: HUAWEI_BUDGET },
    pollIntervalMs: 1,
    retry: { baseDelayMs: 5 },
  });
  const config: Record<string, string> = {
    "huaweicloud:accessKey": hw.accessKey,
    "huaweicloud:secretKey": HW_WRONG_SECRET,
    "huaweicloud:region": hw.seed.region,
    "huaweicloud:projectId": hw.seed.projectId,
    "huaweicloud:endpoints": JSON.stringify({ elb: hwProxy.endpoint }),
  };
  await configured.configure({ config: { get: (k: string) => config[k], require: (k: string) => config[k] } });
  await attempt("huawei configured wrong secret", () => configured.create(hwInputs()));
}

async function serializedShims(): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    ALICLOUD_SECRET_KEY: ALI_SECRET,
    ALICLOUD_SECURITY_TOKEN: ALI_TOKEN,
    HW_SECRET_KEY: HW_SECRET,
    HW_AUTH_TOKEN: HW_TOKEN,
  });
  try {
    for (const kind of Object.keys(HOST_BUNDLES) as ProviderKind[]) {
      const shim = delegatingProvider(kind);
      const serialized = await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: true });
      expect(serialized.text).toContain(JSON.stringify(hostModule(kind)));
      corpus.push(serialized.text);
    }
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  }
}

/** leaksIn lists every secret, recorded signature or credential header, and telltale text found in a text. */
function leaksIn(text: string): string[] {
  const sent = [...CANARIES, ...aliProxy.signatures, ...hwProxy.signatures, ...hwProxy.headers];
  const markers = ["Authorization", "Signature=", "SignatureNonce", "SDK-HMAC-SHA256"];
  return [...new Set([...sent.filter((s) => s.length >= 16), ...markers])].filter((s) => text.includes(s));
}

describe("secrets of both providers", () => {
  beforeAll(async () => {
    // The Aliyun paths (listener, then extension: one emulator, one fault plan) and the Huawei paths (an emulator of
    // their own) share nothing but the corpus, so they run side by side.
    await Promise.all([aliyunPaths().then(domainExtensionPaths), huaweiPaths()]);
    await serializedShims();
  }, 60_000);

  it("ran every failure path, recording signatures and credentials on the wire", () => {
    const text = corpus.join("\n");
    expect(failures).toBeGreaterThanOrEqual(30);
    expect(aliProxy.signatures.size).toBeGreaterThan(50);
    expect(hwProxy.signatures.size).toBeGreaterThan(50);
    expect(hwProxy.headers).toContain(HW_TOKEN);
    for (const fact of [
      "SignatureDoesNotMatch (HTTP 400)",
      "InvalidAccessKeyId.NotFound (HTTP 404)",
      "QuotaExceeded.Listener (HTTP 400)",
      "APIGW.0301 (HTTP 401): Incorrect IAM authentication information: verify aksk signature fail",
      "APIGW.0301 (HTTP 401): Incorrect IAM authentication information: decrypt token fail",
      "ended in status ERROR; it was deleted so nothing is left behind",
      "retry budget spent",
      "ConfigError",
      "bad *** ***",
      "ELB.1001 (HTTP 400): bad ***",
      "CreateDomainExtension failed: InvalidParameter (HTTP 400): bad ***",
      "CreateDomainExtension failed: SignatureDoesNotMatch (HTTP 400)",
    ]) {
      expect(text).toContain(fact);
    }
  });

  it("finds a planted secret, signature or header (the search works)", () => {
    const signature = [...hwProxy.signatures][0];
    expect(leaksIn(`${ALI_TOKEN} ${signature} Authorization`)).toEqual([ALI_TOKEN, signature, "Authorization"]);
  });

  it("finds no secret, sent signature, Authorization header, Signature= parameter or signed URL anywhere", () => {
    expect(leaksIn(corpus.join("\n"))).toEqual([]);
  });
});
