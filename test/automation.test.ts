/**
 * examples/automation/promote.ts: type-checked by `npm test` (tsconfig includes examples/), never run here (it needs
 * the Pulumi CLI). This spec checks what it promotes: dev, staging, prod in that order, each with its stack file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ENVIRONMENTS } from "../examples/automation/promote";
import { REPO_ROOT } from "./support/scratch";

describe("the Automation API promotion example", () => {
  it("promotes dev, then staging, then prod", () => {
    expect(ENVIRONMENTS.map((e) => e.stack)).toEqual(["dev", "staging", "prod"]);
  });

  it("has a stack file for every environment it promotes", () => {
    for (const env of ENVIRONMENTS) expect(fs.existsSync(path.join(REPO_ROOT, `Pulumi.${env.stack}.yaml`))).toBe(true);
  });

  it("sets per-environment config only in the package's own namespace", () => {
    const keys = ENVIRONMENTS.flatMap((e) => Object.keys(e.config));
    expect(keys).toEqual([
      "pulumi-lb-listeners:retryBudgetSeconds",
      "pulumi-lb-listeners:retryBudgetSeconds",
      "pulumi-lb-listeners:retryBudgetSeconds",
    ]);
  });
});
