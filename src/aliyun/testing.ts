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

/** emulatorEnv returns the provider environment that points at the emulator with its access key and region. */
export function emulatorEnv(emulator: AliyunEmulator): Record<string, string> {
  return {
    ALICLOUD_ACCESS_KEY: emulator.accessKeyId,
    ALICLOUD_SECRET_KEY: emulator.accessKeySecret,
    ALICLOUD_REGION: emulator.seed.regionId,
    ALICLOUD_SLB_ENDPOINT: emulator.endpoint,
  };
}

/** checked runs the provider's check on inputs that must pass it and returns the checked inputs. */
export async function checked(p: HttpsListenerProvider, inputs: HttpsListenerInputs): Promise<HttpsListenerInputs> {
  const r = await p.check(inputs, inputs);
  expect(r.failures).toBeUndefined();
  return r.inputs as HttpsListenerInputs;
}
