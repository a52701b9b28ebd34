import { changedKeys, changeKind, resourceUrn } from "./plan";

describe("plan", () => {
  it("builds a top-level URN as the engine does", () => {
    expect(resourceUrn("proj", "dev", "pulumi-nodejs:dynamic/huawei:ElbListener", "api")).toBe(
      "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/huawei:ElbListener::api",
    );
  });

  it("lists changed keys sorted, ignoring key order, undefined members and __provider", () => {
    const olds = { b: 1, a: { x: 1, y: 2 }, __provider: "old", gone: "x" };
    const news = { a: { y: 2, x: 1, z: undefined }, b: 2, __provider: "new", added: true };
    expect(changedKeys(olds, news)).toEqual(["added", "b", "gone"]);
  });

  it("reads a Diff answer as same, update or replace", () => {
    const none = { changes: "none", replaces: [], deleteBeforeReplace: false } as const;
    const some = { changes: "some", replaces: [], deleteBeforeReplace: false } as const;
    const unknown = { changes: "unknown", replaces: [], deleteBeforeReplace: false } as const;
    expect(changeKind(none, ["a"])).toBe("same");
    expect(changeKind(some, [])).toBe("update");
    expect(changeKind(unknown, [])).toBe("same");
    expect(changeKind(unknown, ["a"])).toBe("update");
    expect(changeKind({ ...some, replaces: ["port"] }, ["port"])).toBe("replace");
  });
});
