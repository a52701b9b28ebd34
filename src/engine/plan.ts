/**
 * Step planning: the URN a registration gets, which inputs changed, and what a Diff answer means for the step, as
 * the Pulumi engine decides them. Pure functions over property bags.
 */
import type { HostDiffResult, PropertyMap } from "./host";

const PROVIDER_KEY = "__provider";

/** resourceUrn builds a resource URN the way the engine does for a top-level resource. */
export function resourceUrn(project: string, stack: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

/** stable is a JSON text of a value with object keys sorted and undefined members left out, for comparison. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as PropertyMap)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** changedKeys lists the properties (except `__provider`) whose values differ, sorted. */
export function changedKeys(olds: PropertyMap, news: PropertyMap): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  keys.delete(PROVIDER_KEY);
  return [...keys].filter((k) => stable(olds[k]) !== stable(news[k])).sort();
}

/** ChangeKind is what a managed resource's Diff leads to. */
export type ChangeKind = "same" | "update" | "replace";

/**
 * changeKind reads a Diff answer as the engine does: no changes is `same`; a provider that does not know
 * (`unknown`) is trusted only when no input changed; any replacing property makes it a `replace`.
 */
export function changeKind(diff: HostDiffResult, changed: readonly string[]): ChangeKind {
  const hasChanges = diff.changes === "some" || (diff.changes === "unknown" && changed.length > 0);
  if (!hasChanges) return "same";
  return diff.replaces.length > 0 ? "replace" : "update";
}
