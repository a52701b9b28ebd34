/**
 * No object the package builds shows a secret when printed. Every client, signer, configuration, session and provider
 * of both clouds (the hosts' process-wide providers included) is built with known secrets (Aliyun access key secret and
 * STS token, Huawei secret key and IAM token), makes a real call against the emulators, and is then printed with
 * `JSON.stringify` and `util.inspect` at every depth with hidden properties shown: neither may contain a secret. Only
 * `#private` fields are out of reach of both; TypeScript `private` is not, nor is a third-party object that keeps its
 * own copy of the credentials (pop-core's RPCClient) unless it sits in one.
 */
import { inspect } from "node:util";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { SlbClient } from "../src/aliyun/client";
import { StackConfig as AliyunStackConfig } from "../src/aliyun/config";
import { provider as aliyunHost } from "../src/aliyun/host";
import { HttpsListenerProvider } from "../src/aliyun/provider";
import type { HttpsListenerInputs } from "../src/aliyun/schema";
import { SlbSession } from "../src/aliyun/session";
import { listenerId } from "../src/aliyun/wire";
import { provider as domainExtensionHost } from "../src/aliyun/domainExtension/host";
import { DomainExtensionProvider } from "../src/aliyun/domainExtension/provider";
import { provider as forwardingRuleHost } from "../src/aliyun/forwardingRule/host";
import { ForwardingRuleProvider } from "../src/aliyun/forwardingRule/provider";
import { provider as httpHost } from "../src/aliyun/http/host";
import { HttpListenerProvider } from "../src/aliyun/http/provider";
import { provider as tcpHost } from "../src/aliyun/tcp/host";
import { TcpListenerProvider } from "../src/aliyun/tcp/provider";
import { provider as udpHost } from "../src/aliyun/udp/host";
import { UdpListenerProvider } from "../src/aliyun/udp/provider";
import { startEmulators, type AliyunEmulator, type Emulators, type HuaweiEmulator } from "../src/emulator";
import { ElbClient, ElbV3Client } from "../src/huawei/client";
import { StackConfig as HuaweiStackConfig, type Target } from "../src/huawei/config";
import { provider as huaweiHost } from "../src/huawei/host";
import { ElbListenerProvider } from "../src/huawei/provider";
import { ElbSession } from "../src/huawei/session";
import { Signer } from "../src/huawei/signer";
import { provider as elbV3Host } from "../src/huawei/elbV3/host";
import { ElbV3ListenerProvider } from "../src/huawei/elbV3/provider";
import { provider as elbV2Host } from "../src/huawei/elbV2/host";
import { ElbV2ListenerProvider } from "../src/huawei/elbV2/provider";
import { emulatorEnv as aliyunEmulatorEnv, RETRY_BUDGET_SECONDS as ALIYUN_BUDGET } from "../src/aliyun/testing";
import { emulatorEnv as huaweiEmulatorEnv, RETRY_BUDGET_SECONDS as HUAWEI_BUDGET } from "../src/huawei/testing";

const ALI_SECRET = "AliObjectSecret-7Hq2Lw9Zt4Printed";
const ALI_TOKEN = "AliObjectStsToken-3Vp8Kc1Nd6Printed";
const HW_SECRET = "HwObjectSecret-5Rm1Xb7Qs2Printed";
const HW_TOKEN = "HwObjectToken-9Gd4Jt6Yw3Printed";
const SECRETS = [ALI_SECRET, ALI_TOKEN, HW_SECRET, HW_TOKEN];
/** SHARED_ABSENT is a shared (v2) listener id the emulator does not hold. */
const SHARED_ABSENT = "e2b00000-0000-0000-0000-0000000000ff";

let emulators: Emulators;
let ali: AliyunEmulator;
let hw: HuaweiEmulator;

beforeAll(async () => {
  emulators = await startEmulators({
    aliyun: { accessKeySecret: ALI_SECRET, lockMs: 0 },
    huawei: { secretKey: HW_SECRET, tokens: [HW_TOKEN], lockMs: 0 },
  });
  ali = emulators.aliyun as AliyunEmulator;
  hw = emulators.huawei as HuaweiEmulator;
});
afterAll(async () => {
  await emulators.close();
});

/** printed is everything a log line, an error report or a debugger's console could show of a value. */
function printed(value: unknown): string {
  return `${JSON.stringify(value) ?? ""}\n${inspect(value, { depth: Infinity, showHidden: true })}`;
}

/** secretsIn lists the known secrets found in how a value prints. */
function secretsIn(value: unknown): string[] {
  const text = printed(value);
  return SECRETS.filter((s) => text.includes(s));
}

/** aliyunEnv is the emulator's environment (its secret is ALI_SECRET) with an STS token. */
function aliyunEnv(): Record<string, string> {
  return { ...aliyunEmulatorEnv(ali), ALICLOUD_SECURITY_TOKEN: ALI_TOKEN };
}

/** huaweiEnv is the emulator's environment (its secret key is HW_SECRET), with an IAM token for `token`. */
function huaweiEnv(auth: "aksk" | "token"): Record<string, string> {
  return { ...huaweiEmulatorEnv(hw), ...(auth === "token" ? { HW_AUTH_TOKEN: HW_TOKEN } : {}) };
}

function huaweiTarget(auth: "aksk" | "token"): Target {
  return {
    baseUrl: hw.endpoint,
    region: hw.seed.region,
    projectId: hw.seed.projectId,
    credentials:
      auth === "token"
        ? { kind: "token", token: HW_TOKEN }
        : { kind: "aksk", accessKey: hw.accessKey, secretKey: HW_SECRET },
    requestTimeoutMs: 2000,
  };
}

/** configureRequest is what the host's Configure hands a provider: stack config by full key. */
function configureRequest(values: Record<string, string>): dynamic.ConfigureRequest {
  return { config: { get: (key: string) => values[key], require: (key: string) => values[key] } } as never;
}

/** objects are the objects under test by name, each after its real call. */
const objects = new Map<string, unknown>();

/** NAMES are every object the spec builds; each is checked on its own, so a failure names the one that leaked. */
const NAMES = [
  "aliyun SlbClient",
  "aliyun StackConfig",
  "aliyun SlbSession",
  "aliyun SlbSession's client",
  "aliyun HttpsListenerProvider",
  "aliyun DomainExtensionProvider",
  "aliyun host provider (HttpsListener)",
  "aliyun host provider (DomainExtension)",
  "aliyun HttpListenerProvider",
  "aliyun TcpListenerProvider",
  "aliyun UdpListenerProvider",
  "aliyun ForwardingRuleProvider",
  "aliyun host provider (HttpListener)",
  "aliyun host provider (TcpListener)",
  "aliyun host provider (UdpListener)",
  "aliyun host provider (ForwardingRule)",
  "huawei Signer",
  "huawei ElbClient (AK/SK)",
  "huawei ElbClient (token)",
  "huawei ElbV3Client (AK/SK)",
  "huawei ElbV3Client (token)",
  "huawei StackConfig",
  "huawei ElbSession",
  "huawei ElbSession's client",
  "huawei ElbListenerProvider (AK/SK)",
  "huawei ElbListenerProvider (token)",
  "huawei ElbV3ListenerProvider (AK/SK)",
  "huawei ElbV3ListenerProvider (token)",
  "huawei host provider (ElbListener)",
  "huawei host provider (ElbV3Listener)",
  "huawei ElbV2ListenerProvider (AK/SK)",
  "huawei ElbV2ListenerProvider (token)",
  "huawei host provider (ElbV2Listener)",
] as const;

type Name = (typeof NAMES)[number];

function keep(name: Name, value: unknown): void {
  objects.set(name, value);
}

async function aliyunObjects(): Promise<void> {
  const region = ali.seed.regionId;
  const lb = ali.seed.loadBalancers.public;
  const describe = { RegionId: region, LoadBalancerId: lb, ListenerPort: 443 };

  // The listener the other objects read back.
  const listeners = new HttpsListenerProvider({ env: aliyunEnv() });
  const wanted = {
    loadBalancerId: lb,
    listenerPort: 443,
    backendServerPort: 80,
    bandwidth: -1,
    healthCheck: "off",
    stickySession: "off",
    serverCertificateId: ali.seed.serverCertificateId,
  } as HttpsListenerInputs;
  const { inputs } = await listeners.check(wanted, wanted);
  expect((await listeners.create(inputs as HttpsListenerInputs)).id).toBe(listenerId(lb, 443));
  keep("aliyun HttpsListenerProvider", listeners);

  const client = new SlbClient({
    endpoint: ali.endpoint,
    accessKeyId: ali.accessKeyId,
    accessKeySecret: ALI_SECRET,
    securityToken: ALI_TOKEN,
  });
  expect(await client.call("DescribeLoadBalancerHTTPSListenerAttribute", describe)).toMatchObject({
    ListenerPort: 443,
  });
  keep("aliyun SlbClient", client);

  const config = new AliyunStackConfig(aliyunEnv());
  const session = new SlbSession("aliyun:HttpsListener", { env: aliyunEnv() }, config);
  const sessionClient = session.client(region);
  await sessionClient.call("DescribeLoadBalancerHTTPSListenerAttribute", describe);
  keep("aliyun StackConfig", config);
  keep("aliyun SlbSession", session);
  keep("aliyun SlbSession's client", sessionClient);

  const extensions = new DomainExtensionProvider({ env: aliyunEnv() });
  const where = { regionId: region, loadBalancerId: lb, listenerPort: 443 } as never;
  expect((await extensions.read("de-nothere", where)).id).toBe("");
  keep("aliyun DomainExtensionProvider", extensions);

  // The hosts' process-wide providers take their credentials from the stack config, as under `pulumi up`.
  const stack = configureRequest({
    "alicloud:accessKey": ali.accessKeyId,
    "alicloud:secretKey": ALI_SECRET,
    "alicloud:securityToken": ALI_TOKEN,
    "alicloud:region": region,
    "alicloud:endpoints": JSON.stringify([{ slb: ali.endpoint }]),
    "pulumi-lb-listeners:retryBudgetSeconds": ALIYUN_BUDGET,
  });
  await aliyunHost.configure(stack);
  expect((await aliyunHost.read(listenerId(lb, 443), {})).id).toBe(listenerId(lb, 443));
  keep("aliyun host provider (HttpsListener)", aliyunHost);
  await domainExtensionHost.configure(stack);
  expect((await domainExtensionHost.read("de-nothere", where)).id).toBe("");
  keep("aliyun host provider (DomainExtension)", domainExtensionHost);

  // The other listener protocols and the forwarding rules: a read of what does not exist is a call that answers gone.
  const absent = { regionId: region } as never;
  const kinds = [
    ["HttpListener", new HttpListenerProvider({ env: aliyunEnv() }), httpHost, `${lb}:http:8081`],
    ["TcpListener", new TcpListenerProvider({ env: aliyunEnv() }), tcpHost, `${lb}:tcp:8082`],
    ["UdpListener", new UdpListenerProvider({ env: aliyunEnv() }), udpHost, `${lb}:udp:8083`],
    ["ForwardingRule", new ForwardingRuleProvider({ env: aliyunEnv() }), forwardingRuleHost, "rule-nothere"],
  ] as const;
  for (const [kind, provider, host, id] of kinds) {
    expect((await provider.read(id, absent)).id).toBe("");
    keep(`aliyun ${kind}Provider`, provider);
    await host.configure(stack);
    expect((await host.read(id, absent)).id).toBe("");
    keep(`aliyun host provider (${kind})`, host);
  }
}

async function huaweiObjects(): Promise<void> {
  const classicLb = hw.seed.loadBalancers.public;
  const dedicatedLb = hw.seed.dedicated.l4l7;

  const signer = new Signer({ accessKey: hw.accessKey, secretKey: HW_SECRET });
  signer.sign({ method: "GET", url: new URL(`${hw.endpoint}/`), headers: {}, body: "" });
  keep("huawei Signer", signer);

  for (const auth of ["aksk", "token"] as const) {
    const label = auth === "aksk" ? "AK/SK" : "token";
    const classic = new ElbClient(huaweiTarget(auth));
    expect((await classic.getLoadBalancer(classicLb)).id).toBe(classicLb);
    keep(`huawei ElbClient (${label})`, classic);
    const dedicated = new ElbV3Client(huaweiTarget(auth));
    expect((await dedicated.getLoadBalancer(dedicatedLb)).id).toBe(dedicatedLb);
    keep(`huawei ElbV3Client (${label})`, dedicated);

    const listeners = new ElbListenerProvider({ env: huaweiEnv(auth) });
    expect((await listeners.read("nothere")).id).toBe("");
    keep(`huawei ElbListenerProvider (${label})`, listeners);
    const v3 = new ElbV3ListenerProvider({ env: huaweiEnv(auth) });
    expect((await v3.read("nothere")).id).toBe("");
    keep(`huawei ElbV3ListenerProvider (${label})`, v3);
    const v2 = new ElbV2ListenerProvider({ env: huaweiEnv(auth) });
    expect((await v2.read(SHARED_ABSENT)).id).toBe("");
    keep(`huawei ElbV2ListenerProvider (${label})`, v2);
  }

  const config = new HuaweiStackConfig(huaweiEnv("token"));
  const session = new ElbSession<ElbClient>(
    "huawei:ElbListener",
    { env: huaweiEnv("token") },
    config,
    (target) => new ElbClient(target),
  );
  const { api } = session.connect({});
  expect((await api.getLoadBalancer(classicLb)).id).toBe(classicLb);
  keep("huawei StackConfig", config);
  keep("huawei ElbSession", session);
  keep("huawei ElbSession's client", api);

  const stack = configureRequest({
    "huaweicloud:accessKey": hw.accessKey,
    "huaweicloud:secretKey": HW_SECRET,
    "huaweicloud:token": HW_TOKEN,
    "huaweicloud:region": hw.seed.region,
    "huaweicloud:projectId": hw.seed.projectId,
    "huaweicloud:endpoints": JSON.stringify({ elb: hw.endpoint }),
    "pulumi-lb-listeners:retryBudgetSeconds": HUAWEI_BUDGET,
  });
  await huaweiHost.configure(stack);
  expect((await huaweiHost.read("nothere", {})).id).toBe("");
  keep("huawei host provider (ElbListener)", huaweiHost);
  await elbV3Host.configure(stack);
  expect((await elbV3Host.read("nothere", {})).id).toBe("");
  keep("huawei host provider (ElbV3Listener)", elbV3Host);
  await elbV2Host.configure(stack);
  expect((await elbV2Host.read(SHARED_ABSENT, {})).id).toBe("");
  keep("huawei host provider (ElbV2Listener)", elbV2Host);
}

describe("objects that hold credentials", () => {
  beforeAll(async () => {
    await aliyunObjects();
    await huaweiObjects();
  });

  it("built every object and made its call", () => {
    expect([...objects.keys()].sort()).toEqual([...NAMES].sort());
  });

  it("finds a secret in a hidden property deep in an object (the search works)", () => {
    const planted = Object.defineProperty({}, "hidden", { value: { a: { b: { c: { d: [HW_TOKEN] } } } } });
    expect(JSON.stringify(planted)).toBe("{}");
    expect(secretsIn(planted)).toEqual([HW_TOKEN]);
  });

  it("prints a client as where it points and how it authenticates (its toJSON)", () => {
    expect(JSON.parse(JSON.stringify(objects.get("aliyun SlbClient")))).toEqual({
      endpoint: ali.endpoint,
      auth: "sts",
    });
    expect(JSON.parse(JSON.stringify(objects.get("huawei ElbV3Client (token)")))).toEqual({
      baseUrl: hw.endpoint,
      projectId: hw.seed.projectId,
      auth: "token",
    });
  });

  it.each(NAMES)("%s prints no secret", (name) => {
    expect(secretsIn(objects.get(name))).toEqual([]);
  });
});
