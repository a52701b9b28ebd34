/**
 * The retry policy as users meet it, on both clouds: every retry is logged with the code (and HTTP status) that caused
 * it; the budget per operation is five minutes unless the stack config key or the environment variable says
 * otherwise; when it runs out the operation fails with the last error, the number of attempts and the time spent; a
 * fatal answer is never retried. Time is a fake clock, so five minutes take milliseconds.
 */
import { HttpsListenerProvider } from "../src/aliyun/provider";
import type { HttpsListenerInputs } from "../src/aliyun/schema";
import { setLogger, type Logger } from "../src/core/log";
import { startAliyunEmulator, type AliyunEmulator } from "../src/emulator/aliyun";
import { startHuaweiEmulator, type HuaweiEmulator } from "../src/emulator/huawei";
import { ElbListenerProvider } from "../src/huawei/provider";
import type { ElbListenerInputs } from "../src/huawei/schema";

let ali: AliyunEmulator;
let hw: HuaweiEmulator;
let previousLogger: Logger;
const lines: string[] = [];

beforeAll(async () => {
  ali = await startAliyunEmulator({ lockMs: 0 });
  hw = await startHuaweiEmulator({ lockMs: 0, pendingCreateReads: 0 });
  previousLogger = setLogger({ debug: () => undefined, info: (m) => lines.push(m), warn: (m) => lines.push(m) });
});
afterAll(async () => {
  setLogger(previousLogger);
  await Promise.all([ali.close(), hw.close()]);
});
beforeEach(() => {
  ali.faults.clear();
  hw.faults.clear();
  ali.resetCalls();
  hw.resetCalls();
  lines.length = 0;
});

/** FakeClock advances only when the retry policy sleeps; `random` 1 makes every backoff its ceiling. */
interface FakeClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly slept: () => number;
}

function fakeClock(): FakeClock {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
    random: () => 1,
    slept: () => t,
  };
}

const config = (values: Record<string, string>) => ({
  config: { get: (k: string) => values[k], require: (k: string) => values[k] },
});

describe("HttpsListener retries", () => {
  const env = (more: Record<string, string> = {}): Record<string, string> => ({
    ALICLOUD_ACCESS_KEY: ali.accessKeyId,
    ALICLOUD_SECRET_KEY: ali.accessKeySecret,
    ALICLOUD_REGION: ali.seed.regionId,
    ALICLOUD_SLB_ENDPOINT: ali.endpoint,
    ...more,
  });
  let port = 3000;
  const inputs = (): HttpsListenerInputs =>
    ({
      // A load balancer per test: the process-wide pacer remembers each load balancer with the clock it last saw.
      loadBalancerId: ali.state.createLoadBalancer({ regionId: ali.seed.regionId }).id,
      listenerPort: port++,
      bandwidth: -1,
      healthCheck: "off",
      serverCertificateId: ali.seed.serverCertificateId,
      stickySession: "off",
      backendServerPort: 80,
    }) as HttpsListenerInputs;
  const provider = (clock: FakeClock, more: Record<string, string> = {}): HttpsListenerProvider =>
    new HttpsListenerProvider({ env: env(more), requestTimeoutMs: 2000, retry: clock });

  it("logs every retry with the action, the code and the HTTP status", async () => {
    ali.faults.add({ target: "CreateLoadBalancerHTTPSListener", kind: "error", code: "Throttling.User", first: 1 });
    ali.faults.add({ target: "StartLoadBalancerListener", kind: "error", code: "ServiceIsConfiguring", first: 1 });
    const created = await provider(fakeClock()).create(inputs());
    // One format for every retry; the source says who chose the delay: the backoff, or the lock pacer's next learnt
    // send time for a busy answer to a mutation.
    expect(lines).toEqual([
      `HttpsListener ${created.id}: CreateLoadBalancerHTTPSListener answered Throttling.User (HTTP 400); retry 1 in 200 ms (backoff)`,
      expect.stringMatching(
        new RegExp(
          `^HttpsListener ${created.id}: StartLoadBalancerListener answered ServiceIsConfiguring \\(HTTP 400\\); ` +
            "retry 1 in \\d+ ms \\(lock\\)$",
        ),
      ),
    ]);
  });

  it("retries for five minutes by default, then reports the last code, the attempts and the time", async () => {
    const clock = fakeClock();
    ali.faults.add({ target: "CreateLoadBalancerHTTPSListener", kind: "error", code: "Throttling.User" });
    const p = provider(clock);
    await expect(p.create(inputs())).rejects.toThrow(
      /^Alibaba Cloud SLB CreateLoadBalancerHTTPSListener failed: Throttling\.User \(HTTP 400\): Request was denied due to user flow control\. \[request id [0-9A-F-]+\] \(still failing after 35 attempts in 293 s; retry budget spent\)$/,
    );
    expect(ali.calls.get("CreateLoadBalancerHTTPSListener")).toBe(35);
    expect(clock.slept()).toBeLessThanOrEqual(300_000);
  });

  it("takes the budget from ALICLOUD_RETRY_BUDGET_SECONDS", async () => {
    ali.faults.add({ target: "CreateLoadBalancerHTTPSListener", kind: "error", code: "ServiceUnavailable" });
    const clock = fakeClock();
    await expect(provider(clock, { ALICLOUD_RETRY_BUDGET_SECONDS: "10" }).create(inputs())).rejects.toThrow(
      /\(still failing after \d+ attempts in [5-9] s; retry budget spent\)$/,
    );
    expect(clock.slept()).toBeLessThanOrEqual(10_000);
  });

  it("takes the Aliyun budget from the stack config pulumi-lb-listeners:retryBudgetSeconds over the environment", async () => {
    ali.faults.add({ target: "CreateLoadBalancerHTTPSListener", kind: "reset" });
    const clock = fakeClock();
    const p = provider(clock, { ALICLOUD_RETRY_BUDGET_SECONDS: "600" });
    await p.configure(config({ "pulumi-lb-listeners:retryBudgetSeconds": "1" }));
    await expect(p.create(inputs())).rejects.toThrow(/ECONNRESET.*\(still failing after \d+ attempts in [01] s/);
    expect(clock.slept()).toBeLessThanOrEqual(1_000);
  });

  it("continues with the listener a lost create made when the budget runs out right after it", async () => {
    ali.faults.add({ target: "CreateLoadBalancerHTTPSListener", kind: "drop-response", first: 1 });
    const wanted = inputs();
    const created = await provider(fakeClock(), { ALICLOUD_RETRY_BUDGET_SECONDS: "0.1" }).create(wanted);
    expect(created.id).toBe(`${wanted.loadBalancerId}:https:${wanted.listenerPort}`);
    expect(ali.state.allListeners().filter((id) => id.startsWith(`${wanted.loadBalancerId}:`))).toEqual([created.id]);
    expect(ali.calls.get("CreateLoadBalancerHTTPSListener")).toBe(1);
  });

  it("never retries a fatal answer", async () => {
    ali.faults.add({ target: "CreateLoadBalancerHTTPSListener", kind: "error", code: "Forbidden" });
    await expect(provider(fakeClock()).create(inputs())).rejects.toThrow(/Forbidden \(HTTP 403\)/);
    expect(ali.calls.get("CreateLoadBalancerHTTPSListener")).toBe(1);
    expect(lines).toEqual([]);
  });
});

describe("ElbListener retries", () => {
  const env = (more: Record<string, string> = {}): Record<string, string> => ({
    HW_ACCESS_KEY: hw.accessKey,
    HW_SECRET_KEY: hw.secretKey,
    HW_REGION_NAME: hw.seed.region,
    HW_PROJECT_ID: hw.seed.projectId,
    HW_ELB_ENDPOINT: hw.endpoint,
    ...more,
  });
  let port = 3000;
  const inputs = (): ElbListenerInputs => ({
    name: `budget-${port}`,
    // A load balancer per test: the process-wide pacer remembers each load balancer with the clock it last saw.
    loadbalancerId: hw.state.addLoadBalancer("External", "budget").id,
    protocol: "TCP",
    port: port++,
    backendProtocol: "TCP",
    backendPort: 80,
    lbAlgorithm: "roundrobin",
  });
  const provider = (clock: FakeClock, more: Record<string, string> = {}): ElbListenerProvider =>
    new ElbListenerProvider({ env: env(more), retry: clock, pollIntervalMs: 1 });

  it("logs every retry with the operation, the code and the HTTP status", async () => {
    hw.faults.add({ target: "POST /listeners", kind: "error", code: "APIGW.0308", first: 1 });
    hw.faults.add({ target: "GET /loadbalancers/{id}", kind: "error", code: "ELB.1015", first: 1 });
    await provider(fakeClock()).create(inputs());
    expect(lines).toEqual([
      expect.stringMatching(
        /^huawei:ElbListener \S+: GET \/v1\.0\/\{project_id\}\/elbaas\/loadbalancers\/\{loadbalancer_id\} answered ELB\.1015 \(HTTP 400\); retry 1 in 200 ms \(backoff\)$/,
      ),
      // The load balancer's GET was accepted, so the endpoint's gate suggests the throttled POST's next slot.
      expect.stringMatching(
        /^huawei:ElbListener \S+: POST \/v1\.0\/\{project_id\}\/elbaas\/listeners answered APIGW\.0308 \(HTTP 429\); retry 1 in \d+ ms \(throttle\)$/,
      ),
    ]);
  });

  it("retries for five minutes by default, then reports the last code, the attempts and the time", async () => {
    const clock = fakeClock();
    hw.faults.add({ target: "POST /listeners", kind: "error", code: "APIGW.0308" });
    await expect(provider(clock).create(inputs())).rejects.toThrow(
      /^Huawei Cloud ELB POST \/v1\.0\/\{project_id\}\/elbaas\/listeners failed: APIGW\.0308 \(HTTP 429\): Injected gateway fault \[request id [0-9a-f]{32}\] \(still failing after 36 attempts in 29\d s; retry budget spent\)$/,
    );
    // 36 attempts of the one loop: the first retry waits for the gate's slot (the GET of the load balancer is in its
    // window), the other 34 back off; every send is an attempt, so attempts equal the calls.
    expect(hw.calls.get("POST /listeners")).toBe(36);
    expect(clock.slept()).toBeLessThanOrEqual(300_000);
  });

  it("takes the budget from HW_RETRY_BUDGET_SECONDS", async () => {
    hw.faults.add({ target: "POST /listeners", kind: "error", code: "ELB.1015" });
    const clock = fakeClock();
    await expect(provider(clock, { HW_RETRY_BUDGET_SECONDS: "10" }).create(inputs())).rejects.toThrow(
      /\(still failing after \d+ attempts in [5-9] s; retry budget spent\)$/,
    );
    expect(clock.slept()).toBeLessThanOrEqual(10_000);
  });

  it("takes the Huawei budget from the stack config pulumi-lb-listeners:retryBudgetSeconds over the environment", async () => {
    hw.faults.add({ target: "GET /loadbalancers/{id}", kind: "reset" });
    const clock = fakeClock();
    const p = provider(clock, { HW_RETRY_BUDGET_SECONDS: "600" });
    await p.configure(config({ "pulumi-lb-listeners:retryBudgetSeconds": "1" }));
    await expect(p.create(inputs())).rejects.toThrow(/ECONNRESET.*\(still failing after \d+ attempts in [01] s/);
    expect(clock.slept()).toBeLessThanOrEqual(1_000);
  });

  it("continues with the listener a lost create made when the budget runs out right after it", async () => {
    hw.faults.add({ target: "POST /listeners", kind: "drop-response", first: 1 });
    const wanted = inputs();
    const created = await provider(fakeClock(), { HW_RETRY_BUDGET_SECONDS: "0.1" }).create(wanted);
    expect(hw.state.listenersOf(wanted.loadbalancerId).map((l) => l.id)).toEqual([created.id]);
    expect(hw.calls.get("POST /listeners")).toBe(1);
    expect(lines).toContain(`huawei:ElbListener: the last attempt created listener ${created.id}; continuing with it`);
  });

  it("never retries a fatal answer", async () => {
    hw.faults.add({ target: "POST /listeners", kind: "error", code: "APIGW.0302", status: 403 });
    await expect(provider(fakeClock()).create(inputs())).rejects.toThrow(/APIGW\.0302 \(HTTP 403\)/);
    expect(hw.calls.get("POST /listeners")).toBe(1);
    expect(lines).toEqual([]);
  });
});
