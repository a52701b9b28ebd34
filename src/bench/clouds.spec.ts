import { TcpListenerProvider } from "../aliyun/tcp/provider";
import { startAliyunEmulator } from "../emulator/aliyun";
import { aliyunEnv, RetryLog, withLogger } from "./clouds";

describe("RetryLog", () => {
  it("counts the retry lines a provider writes, by the code of the answer that caused them", async () => {
    const emulator = await startAliyunEmulator({
      lockMs: 0,
      faults: [{ target: "CreateLoadBalancerTCPListener", kind: "error", code: "OperationBusy", first: 2 }],
    });
    try {
      const lb = emulator.state.createLoadBalancer({ regionId: emulator.seed.regionId }).id;
      const provider = new TcpListenerProvider({ env: aliyunEnv(emulator), retry: { baseDelayMs: 5, maxDelayMs: 10 } });
      const log = new RetryLog();
      await withLogger(log, () =>
        provider.create({ loadBalancerId: lb, listenerPort: 80, bandwidth: -1, backendServerPort: 80 }),
      );
      expect(log.retries).toBe(2);
      expect(Object.fromEntries(log.byCode)).toEqual({ OperationBusy: 2 });
    } finally {
      await emulator.close();
    }
  });

  it("reads each delay source, an error that is not an API answer, and no other line", () => {
    const log = new RetryLog();
    log.info(
      "TcpListener lb-1:tcp:80: CreateLoadBalancerTCPListener answered OperationBusy (HTTP 400); retry 1 in 12 ms (lock)",
    );
    log.info("ElbV2Listener l-1: POST /v2.0/lbaas/listeners answered ELB.8907 (HTTP 409); retry 2 in 30 ms (backoff)");
    log.info("ElbListener l-2: GET /listeners/{id} answered APIGW.0308; retry 1 in 40 ms (throttle)");
    log.warn("ElbV2Listener l-3: update listener (v3) failed (TypeError); retry 1 in 5 ms (backoff)");
    log.info("ElbV2Listener: listener l-4 was already gone");
    log.info("TcpListener lb-1:tcp:80: retry budget spent");
    expect(log.retries).toBe(4);
    expect(log.sleptMs).toBe(87);
    expect(Object.fromEntries(log.byCode)).toEqual({ OperationBusy: 1, "ELB.8907": 1, "APIGW.0308": 1, TypeError: 1 });
  });
});
