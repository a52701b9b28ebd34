import * as t from "io-ts";
import { decodeInputs, describeValue, intRange, isUnknown, oneOf, UNKNOWN_SENTINEL, matching, failure } from "./check";

const props = {
  port: intRange(1, 65535),
  mode: oneOf(["on", "off"] as const),
  name: matching("1-3 lowercase letters", (s) => /^[a-z]{1,3}$/.test(s)),
};

describe("decodeInputs", () => {
  it("accepts valid values and returns them", () => {
    const r = decodeInputs("Thing", props, ["port"], { port: 80, mode: "on", __provider: "x" });
    expect(r.failures).toEqual([]);
    expect(r.value).toEqual({ port: 80, mode: "on" });
  });
  it("names a missing required property", () => {
    expect(decodeInputs("Thing", props, ["port"], {}).failures).toEqual([
      { property: "port", reason: "port is required" },
    ]);
  });
  it("reports a range violation with the rule and the value", () => {
    expect(decodeInputs("Thing", props, [], { port: 70000 }).failures).toEqual([
      { property: "port", reason: "port must be an integer from 1 to 65535, got 70000" },
    ]);
  });
  it("reports a wrong type with the same rule", () => {
    expect(decodeInputs("Thing", props, [], { port: "80" }).failures).toEqual([
      { property: "port", reason: 'port must be an integer from 1 to 65535, got "80"' },
    ]);
  });
  it("reports null as a wrong value, not as absent", () => {
    expect(decodeInputs("Thing", props, ["mode"], { mode: null }).failures).toEqual([
      { property: "mode", reason: 'mode must be one of "on", "off", got null' },
    ]);
  });
  it("rejects a property that is not an input", () => {
    expect(decodeInputs("Thing", props, [], { prot: 1 }).failures).toEqual([
      { property: "prot", reason: "prot is not an input of Thing" },
    ]);
  });
  it("skips values unknown during preview", () => {
    const r = decodeInputs("Thing", props, ["port"], { port: UNKNOWN_SENTINEL });
    expect(r.failures).toEqual([]);
    expect([...r.unknowns]).toEqual(["port"]);
  });
  it("rejects inputs that are not an object", () => {
    expect(decodeInputs("Thing", props, [], "x").failures).toEqual([
      { property: "", reason: 'Thing inputs must be an object, got "x"' },
    ]);
  });
  it("uses a codec's own failure message when it gives one", () => {
    const custom = new t.Type<string, string, unknown>(
      "a string",
      (u): u is string => typeof u === "string",
      (u, c) => t.failure(u, c, "a short string"),
      t.identity,
    );
    expect(decodeInputs("Thing", { s: custom }, [], { s: "abc" }).failures).toEqual([
      { property: "s", reason: 's must be a short string, got "abc"' },
    ]);
  });
});

describe("isUnknown", () => {
  it("finds the sentinel inside lists", () => {
    expect(isUnknown(["a", UNKNOWN_SENTINEL])).toBe(true);
    expect(isUnknown(["a"])).toBe(false);
  });
});

describe("describeValue", () => {
  it("escapes control characters and bounds the length", () => {
    expect(describeValue("a\nb")).toBe('"a\\nb"');
    expect(describeValue("x".repeat(100))).toBe(`"${"x".repeat(56)}...`);
  });
});

describe("failure", () => {
  it("starts the reason with the property", () => {
    expect(failure("aclId", "is required when aclStatus is on")).toEqual({
      property: "aclId",
      reason: "aclId is required when aclStatus is on",
    });
  });
});
