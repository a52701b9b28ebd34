/**
 * The specs' retry budget: a provider built from the spec support against an emulator that has gone away gives up
 * within the spec's budget, with the budget named in its error, instead of retrying for the providers' five minutes
 * past the spec's timeout (and keeping jest from exiting).
 */
import { HttpsListenerProvider } from "../src/aliyun/provider";
import { emulatorEnv as aliyunEnv, RETRY_BUDGET_SECONDS as ALIYUN_BUDGET } from "../src/aliyun/testing";
import { ElbListenerProvider } from "../src/huawei/provider";
import { emulatorEnv as huaweiEnv, RETRY_BUDGET_SECONDS as HUAWEI_BUDGET } from "../src/huawei/testing";
import { startEmulators } from "../src/emulator";

describe("the specs' retry budget", () => {
  it("is a few seconds on both clouds", () => {
    expect(Number(ALIYUN_BUDGET)).toBeLessThanOrEqual(5);
    expect(Number(HUAWEI_BUDGET)).toBeLessThanOrEqual(5);
  });

  it("ends an operation against an emulator that has gone away with the budget spent, on both clouds", async () => {
    const emulators = await startEmulators({ aliyun: {}, huawei: {} });
    const aliyun = aliyunEnv(emulators.aliyun!);
    const huawei = huaweiEnv(emulators.huawei!);
    const seed = { aliyun: emulators.aliyun!.seed, huawei: emulators.huawei!.seed };
    await emulators.close();
    const started = Date.now();
    const outcomes = await Promise.allSettled([
      new HttpsListenerProvider({ env: aliyun, retry: { baseDelayMs: 10, maxDelayMs: 100 } }).read(
        `${seed.aliyun.loadBalancers.public}:https:443`,
      ),
      new ElbListenerProvider({ env: huawei, retry: { baseDelayMs: 10, maxDelayMs: 100 } }).read(
        "e1b00000000000000000000000000099",
      ),
    ]);
    const seconds = (Date.now() - started) / 1000;
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/retry budget spent/);
    }
    // Both ran side by side: the budget (5 s) plus one last attempt, never the providers' default of 300 s.
    expect(seconds).toBeLessThan(30);
  }, 60000);
});
