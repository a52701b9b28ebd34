/**
 * Promotes one program from dev to staging to prod with the Automation API (`@pulumi/pulumi/automation`): for each
 * environment it selects (or creates) the stack, sets that environment's config, previews, and runs `up` only when
 * the preview succeeded and the environment before it was deployed. The program is this repository's own
 * (`Pulumi.yaml`, `Pulumi.<stack>.yaml`); point `workDir` at yours.
 *
 * Needs the Pulumi CLI (`pulumi` on PATH, logged in to a backend, e.g. `pulumi login --local`): the Automation API
 * drives the CLI, it does not replace it. `npm test` type-checks this file; it never runs it.
 *
 *   npm run build && npx ts-node examples/automation/promote.ts            # or compile it with tsc first
 *   PULUMI_CONFIG_PASSPHRASE=... PROMOTE_TO=staging node promote.js         # stop after staging
 */
import * as path from "node:path";
import { LocalWorkspace, type ConfigMap, type Stack } from "@pulumi/pulumi/automation";

/** ENVIRONMENTS are promoted in this order; each one's config is what differs from its stack file. */
export const ENVIRONMENTS: readonly { readonly stack: string; readonly config: ConfigMap }[] = [
  { stack: "dev", config: { "pulumi-lb-listeners:retryBudgetSeconds": { value: "120" } } },
  { stack: "staging", config: { "pulumi-lb-listeners:retryBudgetSeconds": { value: "300" } } },
  { stack: "prod", config: { "pulumi-lb-listeners:retryBudgetSeconds": { value: "600" } } },
];

/** PromotionStep is what one environment's promotion did. */
export interface PromotionStep {
  readonly stack: string;
  readonly previewed: Readonly<Record<string, number>>;
  readonly result: "succeeded" | "failed" | "skipped";
}

/** selectStack selects or creates an environment's stack on the program in `workDir` and sets its config. */
export async function selectStack(workDir: string, stackName: string, config: ConfigMap): Promise<Stack> {
  const stack = await LocalWorkspace.createOrSelectStack({ stackName, workDir });
  await stack.setAllConfig(config);
  return stack;
}

/**
 * promote previews and deploys each environment in order up to `last`, and stops at the first preview or update
 * that fails: a later environment is never deployed with what an earlier one refused.
 */
export async function promote(workDir: string, last = "prod"): Promise<PromotionStep[]> {
  const steps: PromotionStep[] = [];
  for (const env of ENVIRONMENTS) {
    const stack = await selectStack(workDir, env.stack, env.config);
    const preview = await stack.preview({ onOutput: (line) => process.stdout.write(line) });
    const previewed = Object.fromEntries(Object.entries(preview.changeSummary).map(([op, n]) => [op, n ?? 0]));
    const up = await stack.up({ onOutput: (line) => process.stdout.write(line) });
    const result = up.summary.result === "succeeded" ? "succeeded" : "failed";
    steps.push({ stack: env.stack, previewed, result });
    if (result !== "succeeded" || env.stack === last) break;
  }
  return steps;
}

if (require.main === module) {
  const workDir = process.env.PROMOTE_WORKDIR ?? path.resolve(__dirname, "..", "..");
  promote(workDir, process.env.PROMOTE_TO ?? "prod")
    .then((steps) => {
      for (const step of steps)
        console.log(`${step.stack}: ${step.result} (preview ${JSON.stringify(step.previewed)})`);
      process.exit(steps.every((s) => s.result === "succeeded") ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
