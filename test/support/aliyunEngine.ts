/**
 * The scaffolding the Aliyun engine tests (HttpsListener, the other listener kinds, ForwardingRule, DomainExtension)
 * share: dist/ built and the SLB emulator started for the file, and a scratch project pointed at it with its keys.
 */
import { startEmulators, type AliyunEmulator, type Emulators } from "../../src/emulator";
import { engineProject, type EngineProject } from "./engineProject";
import { buildDist } from "./packed";

/**
 * useAliyunEmulator builds dist/ and starts the emulators for the test file with the SLB emulator's secret key
 * `secret` (lock on, 20 ms), hands the SLB emulator to use, and closes the emulators after the file.
 */
export function useAliyunEmulator(secret: string, use: (slb: AliyunEmulator) => void): void {
  let emulators: Emulators;
  beforeAll(async () => {
    buildDist();
    emulators = await startEmulators({ aliyun: { accessKeySecret: secret, lockMs: 20 } });
    use(emulators.aliyun as AliyunEmulator);
  }, 180000);
  afterAll(async () => {
    await emulators.close();
  });
}

/**
 * aliyunProject writes a fresh scratch project `name` whose `dev` stack has the emulator's region and access key, the
 * secret key `secret` as secret config (and in the host's environment, with the emulator's endpoint), and the
 * program's own `lbdemo:` values.
 */
export function aliyunProject(
  name: string,
  slb: AliyunEmulator,
  secret: string,
  demo: Record<string, string> = {},
): EngineProject {
  return engineProject(name, {
    config: { "alicloud:region": slb.seed.regionId, "alicloud:accessKey": slb.accessKeyId, ...demo },
    secretKeyConfig: "alicloud:secretKey",
    secret,
    env: { ALICLOUD_SLB_ENDPOINT: slb.endpoint, ALICLOUD_SECRET_KEY: secret },
  });
}
