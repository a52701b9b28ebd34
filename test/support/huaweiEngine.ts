/**
 * The scaffolding the Huawei engine tests (classic, shared and dedicated listeners) share: a scratch project pointed
 * at the emulator with its AK/SK, and the check that the secret key reaches no run's answer and no state.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { HuaweiEmulator } from "../../src/emulator";
import type { RunResult } from "../../src/engine/harness";
import { engineProject, type EngineProject } from "./engineProject";

/**
 * huaweiProject writes a fresh scratch project whose `dev` stack has the emulator's region, project and access key,
 * the secret key `secret` as secret config (and in the host's environment, with the emulator's endpoint), and the
 * program's own `lbdemo:` values.
 */
export function huaweiProject(elb: HuaweiEmulator, secret: string, demo: Record<string, string>): EngineProject {
  return engineProject("huawei", {
    config: {
      "huaweicloud:region": elb.seed.region,
      "huaweicloud:projectId": elb.seed.projectId,
      "huaweicloud:accessKey": elb.accessKey,
      ...demo,
    },
    secretKeyConfig: "huaweicloud:secretKey",
    secret,
    env: { HW_ELB_ENDPOINT: elb.endpoint, HW_SECRET_KEY: secret },
  });
}

/**
 * expectSecretAbsent asserts that `ok` succeeded and `failed` failed, and that neither answer nor the `dev` stack's
 * state in `dir` holds `secret`.
 */
export function expectSecretAbsent(secret: string, dir: string, ok: RunResult, failed: RunResult): void {
  expect(ok.ok).toBe(true);
  expect(failed.ok).toBe(false);
  const texts = [ok, failed].map((r) => JSON.stringify(r));
  texts.push(fs.readFileSync(path.join(dir, ".harness-state", "dev.json"), "utf8"));
  for (const text of texts) expect(text).not.toContain(secret);
}
