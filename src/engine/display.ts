/**
 * What a user of the harness reads: one line per step in the CLI's words (`+ create`, `~ update (changed: ...)`),
 * check failures as the engine prints them, and the closing `Resources:` summary.
 */
import type { Step, StepOp } from "./types";
import { UNKNOWN } from "./wire";

const DYNAMIC_PREFIX = "pulumi-nodejs:dynamic";

const VERBS: Readonly<Record<StepOp, readonly [symbol: string, past: string, future: string]>> = {
  create: ["+", "created", "to create"],
  update: ["~", "updated", "to update"],
  replace: ["+-", "replaced", "to replace"],
  delete: ["-", "deleted", "to delete"],
  same: ["=", "unchanged", "unchanged"],
  read: [">", "read", "to read"],
  refresh: ["~", "refreshed", "to refresh"],
  gone: ["-", "gone", "gone"],
};

/** SUMMARY_ORDER is the order of the step kinds in the summary line. */
const SUMMARY_ORDER: readonly StepOp[] = ["create", "update", "replace", "delete", "read", "refresh", "gone", "same"];

/** isDynamicType tells whether a resource type is a dynamic resource's (`pulumi-nodejs:dynamic/...`). */
export function isDynamicType(type: string): boolean {
  return type.startsWith(DYNAMIC_PREFIX);
}

/** shortType drops the `pulumi-nodejs:dynamic/` prefix for display. */
export function shortType(type: string): string {
  return type.startsWith(`${DYNAMIC_PREFIX}/`) ? type.slice(DYNAMIC_PREFIX.length + 1) : type;
}

/** messageOf is an error's message, or the thrown value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** stepLine is the line printed for a step; a `same` step prints nothing (undefined). */
export function stepLine(step: Step): string | undefined {
  if (step.op === "same") return undefined;
  const [symbol] = VERBS[step.op];
  let detail = "";
  if (step.op === "replace") detail = ` (forced by: ${(step.replaces ?? []).join(", ")})`;
  else if ((step.op === "update" || step.op === "refresh") && step.changed?.length) {
    detail = ` (changed: ${step.changed.join(", ")})`;
  } else if (step.op === "gone") detail = " (deleted outside Pulumi; removed from state)";
  const verb = step.op === "gone" ? "delete" : step.op;
  return `  ${symbol} ${verb} ${shortType(step.type)} ${step.name}${detail}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === UNKNOWN) return "output<unknown>";
  return JSON.stringify(value);
}

/** failureLine is the engine's line for one check failure (`property X value V has a problem: R`). */
export function failureLine(type: string, name: string, property: string, value: unknown, reason: string): string {
  return property
    ? `  error: ${type} resource '${name}': property ${property} value ${describeValue(value)} has a problem: ${reason}`
    : `  error: ${type} resource '${name}' has a problem: ${reason}`;
}

/** countSteps counts the steps that did not fail, by kind. */
export function countSteps(steps: readonly Step[]): Partial<Record<StepOp, number>> {
  const counts: Partial<Record<StepOp, number>> = {};
  for (const step of steps) if (!step.error) counts[step.op] = (counts[step.op] ?? 0) + 1;
  return counts;
}

/** summaryLine is the closing `Resources: ...` line: counts in the future tense for a preview, and the problems. */
export function summaryLine(counts: Partial<Record<StepOp, number>>, preview: boolean, problems: number): string {
  const parts = SUMMARY_ORDER.filter((op) => counts[op]).map(
    (op) => `${counts[op]} ${preview ? VERBS[op][2] : VERBS[op][1]}`,
  );
  return (
    `Resources: ${parts.length ? parts.join(", ") : "no changes"}` +
    (problems ? `; ${problems} error${problems === 1 ? "" : "s"}` : "")
  );
}
