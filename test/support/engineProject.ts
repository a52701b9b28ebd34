/**
 * The scaffolding the per-cloud engine tests share: a scratch project `lbdemo` with a `dev` stack, run through the
 * harness with the cloud's secret key as secret config, and the path of a packaged example program.
 */
import * as path from "node:path";
import { RETRY_BUDGET_SECONDS as ALIYUN_RETRY_BUDGET_SECONDS } from "../../src/aliyun/testing";
import { runStack, type RunOptions, type RunResult } from "../../src/engine/harness";
import { RETRY_BUDGET_SECONDS as HUAWEI_RETRY_BUDGET_SECONDS } from "../../src/huawei/testing";
import { makeScratchDir, REPO_ROOT, writeProject } from "./scratch";

/**
 * RETRY_BUDGET_ENV gives the provider host the specs' retry budget of both clouds (src/<cloud>/testing.ts): a run that
 * cannot succeed fails within seconds instead of retrying for the default five minutes, past the spec's timeout,
 * against emulators that are already closed, with the host process keeping jest alive meanwhile.
 */
export const RETRY_BUDGET_ENV: Readonly<Record<string, string>> = {
  ALICLOUD_RETRY_BUDGET_SECONDS: ALIYUN_RETRY_BUDGET_SECONDS,
  HW_RETRY_BUDGET_SECONDS: HUAWEI_RETRY_BUDGET_SECONDS,
};

/**
 * ProjectOptions are what differs per cloud: dev's config, the secret key's config name and value, the host env (over
 * RETRY_BUDGET_ENV).
 */
export interface ProjectOptions {
  readonly config: Record<string, string>;
  readonly secretKeyConfig: string;
  readonly secret: string;
  readonly env: NodeJS.ProcessEnv;
}

/** EngineProject is a scratch project directory and a runner for its `dev` stack. */
export interface EngineProject {
  readonly dir: string;
  readonly run: (operation: RunOptions["operation"], program: RunOptions["program"]) => Promise<RunResult>;
}

/** engineProject writes a fresh scratch project labelled `label` and returns it with its `dev` stack runner. */
export function engineProject(label: string, options: ProjectOptions): EngineProject {
  const dir = makeScratchDir(label);
  writeProject(dir, "lbdemo", { dev: options.config });
  const run = (operation: RunOptions["operation"], program: RunOptions["program"]) =>
    runStack({
      programDir: dir,
      stack: "dev",
      operation,
      program,
      config: { [options.secretKeyConfig]: { value: options.secret, secret: true } },
      env: { ...RETRY_BUDGET_ENV, ...options.env },
    });
  return { dir, run };
}

/** examplePath is the path of the example program `examples/<cloud>/<name>.ts`. */
export function examplePath(cloud: "aliyun" | "huawei", name: string): string {
  return path.join(REPO_ROOT, "examples", cloud, `${name}.ts`);
}
