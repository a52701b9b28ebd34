/**
 * Spec support for the Aliyun specs that drive the emulator (not part of the build: see tsconfig.build.json).
 */
import type { AliyunEmulator } from "../emulator/aliyun";
import { SlbClient } from "./client";
import type { HttpsListenerProvider } from "./provider";
import type { HttpsListenerInputs } from "./schema";

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
