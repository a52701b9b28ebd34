/**
 * How the stack files meet the local emulators. The Aliyun emulator seeds its fixtures with deterministic ids, so
 * the stack files hold them as they are. The Huawei emulator generates random ids, so the stack files name its
 * fixtures (`emulator-public-elb`, ...) and the demo and tests override every config value that holds such a name
 * with the seeded id. Credentials and endpoints reach the provider host through its environment, as they would for
 * a CI job running `pulumi up`.
 */
import type { Emulators } from "../emulator";
import { readStackConfig } from "../engine/project";

/** HUAWEI_FIXTURE_NAMES are the names the stack files use for the Huawei emulator's seeded fixtures. */
export const HUAWEI_FIXTURE_NAMES = {
  publicLoadBalancer: "emulator-public-elb",
  privateLoadBalancer: "emulator-private-elb",
  certificate: "emulator-default-certificate",
} as const;

/** fixtureIds maps each fixture name a stack file may hold to the id the running emulator seeded. */
export function fixtureIds(emulators: Emulators): Record<string, string> {
  const ids: Record<string, string> = {};
  if (emulators.huawei) {
    const seed = emulators.huawei.seed;
    ids[HUAWEI_FIXTURE_NAMES.publicLoadBalancer] = seed.loadBalancers.public;
    ids[HUAWEI_FIXTURE_NAMES.privateLoadBalancer] = seed.loadBalancers.private;
    ids[HUAWEI_FIXTURE_NAMES.certificate] = seed.certificateId;
  }
  return ids;
}

/** fixtureOverrides are the config overrides that replace fixture names in a stack file by the emulator's ids. */
export function fixtureOverrides(
  programDir: string,
  project: string,
  stack: string,
  emulators: Emulators,
): Record<string, string> {
  const ids = fixtureIds(emulators);
  const overrides: Record<string, string> = {};
  for (const [key, { value }] of Object.entries(readStackConfig(programDir, project, stack))) {
    if (value in ids) overrides[key] = ids[value];
  }
  return overrides;
}

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
