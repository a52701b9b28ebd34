import { countSteps, failureLine, shortType, stepLine, summaryLine } from "./display";
import { UNKNOWN } from "./wire";

const TYPE = "pulumi-nodejs:dynamic/aliyun:HttpsListener";

describe("display", () => {
  it("drops the dynamic prefix from a type and keeps any other type", () => {
    expect(shortType(TYPE)).toBe("aliyun:HttpsListener");
    expect(shortType("pulumi:pulumi:Stack")).toBe("pulumi:pulumi:Stack");
  });

  it("prints each step in the CLI's words, and nothing for an unchanged resource", () => {
    const base = { urn: "urn:web", type: TYPE, name: "web" };
    expect(stepLine({ ...base, op: "create" })).toBe("  + create aliyun:HttpsListener web");
    expect(stepLine({ ...base, op: "update", changed: ["bandwidth", "healthCheck"] })).toBe(
      "  ~ update aliyun:HttpsListener web (changed: bandwidth, healthCheck)",
    );
    expect(stepLine({ ...base, op: "replace", replaces: ["listenerPort"] })).toBe(
      "  +- replace aliyun:HttpsListener web (forced by: listenerPort)",
    );
    expect(stepLine({ ...base, op: "gone" })).toBe(
      "  - delete aliyun:HttpsListener web (deleted outside Pulumi; removed from state)",
    );
    expect(stepLine({ ...base, op: "same" })).toBeUndefined();
  });

  it("prints a check failure with its property and value, an unknown value as output<unknown>", () => {
    expect(failureLine(TYPE, "web", "listenerPort", 70000, "listenerPort must be 1-65535")).toBe(
      `  error: ${TYPE} resource 'web': property listenerPort value 70000 has a problem: listenerPort must be 1-65535`,
    );
    expect(failureLine(TYPE, "web", "bandwidth", UNKNOWN, "r")).toBe(
      `  error: ${TYPE} resource 'web': property bandwidth value output<unknown> has a problem: r`,
    );
    expect(failureLine(TYPE, "web", "", undefined, "r")).toBe(`  error: ${TYPE} resource 'web' has a problem: r`);
  });

  it("counts steps that did not fail and sums them up in the past tense, or the future tense in a preview", () => {
    const base = { urn: "u", type: TYPE, name: "n" };
    const counts = countSteps([
      { ...base, op: "create" },
      { ...base, op: "create" },
      { ...base, op: "update", error: "boom" },
      { ...base, op: "same" },
    ]);
    expect(counts).toEqual({ create: 2, same: 1 });
    expect(summaryLine(counts, false, 1)).toBe("Resources: 2 created, 1 unchanged; 1 error");
    expect(summaryLine(counts, true, 0)).toBe("Resources: 2 to create, 1 unchanged");
    expect(summaryLine({}, false, 2)).toBe("Resources: no changes; 2 errors");
  });
});
