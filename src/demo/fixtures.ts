/**
 * How the stack files meet the local emulators. Both emulators seed their fixtures with the same ids on every start,
 * so the stack files hold those ids as they are. Credentials and endpoints reach the provider host through its
 * environment, as they would for a CI job running `pulumi up`.
 */
import type { Emulators } from "../emulator";

/** emulatorEnv is the provider host's environment for the emulators: endpoints and the emulators' credentials. */
export function emulatorEnv(emulators: Emulators): Record<string, string> {
  const env: Record<string, string> = {};
  if (emulators.aliyun) {
    env.ALICLOUD_SLB_ENDPOINT = emulators.aliyun.endpoint;
    env.ALICLOUD_ACCESS_KEY = emulators.aliyun.accessKeyId;
    env.ALICLOUD_SECRET_KEY = emulators.aliyun.accessKeySecret;
  }
  if (emulators.huawei) {
    env.HW_ELB_ENDPOINT = emulators.huawei.endpoint;
    env.HW_ACCESS_KEY = emulators.huawei.accessKey;
    env.HW_SECRET_KEY = emulators.huawei.secretKey;
  }
  return env;
}
