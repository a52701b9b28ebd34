/**
 * Spec support for the Aliyun specs that drive the emulator (not part of the build: see tsconfig.build.json).
 */
import type { AliyunEmulator } from "../emulator/aliyun";
import { SlbClient } from "./client";

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
