/**
 * Spec support for the Aliyun specs that drive the emulator (not part of the build: see tsconfig.build.json).
 */
import type { Logger } from "../core/log";
import { setLogger } from "../core/log";
import type { AliyunEmulator, AliyunEmulatorOptions } from "../emulator/aliyun";
import { startAliyunEmulator } from "../emulator/aliyun";
import type { FaultKind } from "../emulator/faults";
import { SlbClient } from "./client";
import { ACTIONS } from "./constants";
import type { HttpsListenerProvider } from "./provider";
import type { HttpsListenerInputs } from "./schema";
import type { SlbProviderOptions } from "./session";

/** clientFor returns an SlbClient signed with the emulator's access key; timeoutMs defaults as the client's does. */
export function clientFor(emulator: AliyunEmulator, timeoutMs?: number): SlbClient {
  return new SlbClient({
    endpoint: emulator.endpoint,
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    timeoutMs,
  });
}

/**
 * RETRY_BUDGET_SECONDS is the retry budget of the providers specs build against an emulator: an operation that cannot
 * succeed fails the spec within it, instead of retrying for the default five minutes, past the spec's timeout, against
 * an emulator that is already closed. A spec whose retries must succeed under faults sets a larger one.
 */
export const RETRY_BUDGET_SECONDS = "5";

/**
 * emulatorEnv returns the provider environment that points at the emulator with its access key and region, with the
 * specs' retry budget.
 */
export function emulatorEnv(emulator: AliyunEmulator): Record<string, string> {
  return {
    ALICLOUD_ACCESS_KEY: emulator.accessKeyId,
    ALICLOUD_SECRET_KEY: emulator.accessKeySecret,
    ALICLOUD_REGION: emulator.seed.regionId,
    ALICLOUD_SLB_ENDPOINT: emulator.endpoint,
    ALICLOUD_RETRY_BUDGET_SECONDS: RETRY_BUDGET_SECONDS,
  };
}

/** checked runs the provider's check on inputs that must pass it and returns the checked inputs. */
export async function checked(p: HttpsListenerProvider, inputs: HttpsListenerInputs): Promise<HttpsListenerInputs> {
  const r = await p.check(inputs, inputs);
  expect(r.failures).toBeUndefined();
  return r.inputs as HttpsListenerInputs;
}

/** QUIET_LOGGER drops every line, for specs whose injected faults would fill the output with retry notices. */
export const QUIET_LOGGER: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined };

/** useLogger sets logger for the enclosing describe (or the file) and puts the one before it back afterwards. */
export function useLogger(logger: Logger): void {
  let previous: Logger;
  beforeAll(() => {
    previous = setLogger(logger);
  });
  afterAll(() => {
    setLogger(previous);
  });
}

/**
 * useEmulator gives the enclosing describe (or the file) an SLB emulator started with options, handed to use; before
 * each test its faults are cleared and its state settled, then reset (if given) runs; it is closed afterwards.
 */
export function useEmulator(
  options: AliyunEmulatorOptions,
  use: (emulator: AliyunEmulator) => void,
  reset?: () => void,
): void {
  let emulator: AliyunEmulator;
  beforeAll(async () => {
    emulator = await startAliyunEmulator(options);
    use(emulator);
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.faults.clear();
    emulator.state.settle();
    reset?.();
  });
}

/**
 * createHttpsListener creates a stopped HTTPS listener through the API on a load balancer of the emulator (port 443
 * unless given), with the emulator's certificate, for the specs of what lives on a listener (rules, extensions).
 */
export async function createHttpsListener(
  emulator: AliyunEmulator,
  loadBalancerId: string,
  listenerPort = 443,
): Promise<void> {
  await clientFor(emulator).call(ACTIONS.createListener, {
    RegionId: emulator.seed.regionId,
    LoadBalancerId: loadBalancerId,
    ListenerPort: listenerPort,
    BackendServerPort: 80,
    Bandwidth: -1,
    HealthCheck: "on",
    StickySession: "off",
    ServerCertificateId: emulator.seed.serverCertificateId,
  });
}

/**
 * loadBalancerWithHttpsListener makes a load balancer of its own with a stopped HTTPS listener on 443, settled, and
 * returns the load balancer's id.
 */
export async function loadBalancerWithHttpsListener(emulator: AliyunEmulator): Promise<string> {
  const lb = emulator.state.createLoadBalancer({ regionId: emulator.seed.regionId }).id;
  await createHttpsListener(emulator, lb);
  emulator.state.settle();
  return lb;
}

/**
 * ownEmulator gives the enclosing describe an SLB emulator of its own (lock on, 20 ms), handed to use. The pipeline's
 * pacer learns a load balancer's lock per endpoint for the whole process, so on a shared emulator a lock learnt under
 * one fault kind (a busy answer met after a throttled wait reads as a long lock) would pace the next kind's mutations.
 */
export function ownEmulator(use: (emulator: AliyunEmulator) => void): void {
  useEmulator({ lockMs: 20 }, use);
}

/**
 * faultOptions returns the provider options of the fault specs against the emulator: a 20 s retry budget (retries must
 * outlast the injected faults), 300 ms requests, short backoff and a throttling window of 100 ms instead of the
 * service's second, so the gate spaces retries alike, ten times sooner.
 */
export function faultOptions(emulator: AliyunEmulator): SlbProviderOptions {
  return {
    env: { ...emulatorEnv(emulator), ALICLOUD_RETRY_BUDGET_SECONDS: "20" },
    requestTimeoutMs: 300,
    retry: { baseDelayMs: 10, maxDelayMs: 40, gate: { windowMs: 100 } },
  };
}

/**
 * loggedLines sets, for the enclosing describe (or the file), a logger that appends every line of every level to the
 * returned list, emptied before each test, for specs that assert on the log.
 */
export function loggedLines(): string[] {
  const lines: string[] = [];
  useLogger({ debug: (m) => lines.push(m), info: (m) => lines.push(m), warn: (m) => lines.push(m) });
  beforeEach(() => {
    lines.length = 0;
  });
  return lines;
}

/**
 * HTTPS_BASE is a valid HttpsListener for the specs that need no emulator (load balancer `lb-1`, certificate
 * `cert-1`) with every conditional rule satisfied; a spec changes one input of it at a time.
 */
export const HTTPS_BASE: Readonly<HttpsListenerInputs> = {
  loadBalancerId: "lb-1",
  listenerPort: 443,
  bandwidth: -1,
  healthCheck: "on",
  serverCertificateId: "cert-1",
  stickySession: "off",
  backendServerPort: 80,
};

/** SERVICE_FAULTS are the fault kinds every listener reliability spec injects on every call of the lifecycle. */
export const SERVICE_FAULTS: readonly { kind: FaultKind; code?: string }[] = [
  { kind: "error", code: "ServiceUnavailable" },
  { kind: "error", code: "Throttling.User" },
  { kind: "reset" },
  { kind: "stall" },
  { kind: "html502" },
  { kind: "drop-response" },
];
