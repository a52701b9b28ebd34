import { DOMAIN_MAX_LENGTH, isValidDomain } from "./domainExtensions";
import { SLB_ERRORS } from "./errors";
import { isValidAclIds, readTags } from "./listenerExtras";

describe("isValidDomain", () => {
  it.each([
    "example.com",
    "www.example.com",
    "*.example.com",
    "*.market.example.com",
    "a-1.b2.c",
    "localhost",
    "1.com",
  ])("accepts %s", (domain) => {
    expect(isValidDomain(domain)).toBe(true);
  });

  it.each([
    "",
    "*",
    "*.",
    "**.example.com",
    "*.*.example.com",
    "a.*.com",
    "-a.com",
    ".a.com",
    "a..com",
    "a.com.",
    "a_b.com",
    "a b.com",
    "ä.com",
  ])("refuses %j", (domain) => {
    expect(isValidDomain(domain)).toBe(false);
  });

  it("accepts a domain of the maximum length and refuses a longer one", () => {
    const name = (length: number): string => `${"a".repeat(length - 4)}.com`;
    expect(isValidDomain(name(DOMAIN_MAX_LENGTH))).toBe(true);
    expect(isValidDomain(name(DOMAIN_MAX_LENGTH + 1))).toBe(false);
  });
});

describe("isValidAclIds", () => {
  it("accepts one to three distinct ids, comma-joined", () => {
    expect(["acl-1", "acl-1,acl-2", "acl-1,acl-2,acl-3"].map(isValidAclIds)).toEqual([true, true, true]);
  });
  it("refuses four ids, a repeated id and an empty id", () => {
    expect(["a,b,c,d", "a,a", "a,,b", ""].map(isValidAclIds)).toEqual([false, false, false, false]);
  });
});

describe("readTags", () => {
  it("reads Tag.N pairs in N order, a missing value as empty, and ignores other parameters", () => {
    expect(readTags({ "Tag.10.Key": "b", "Tag.2.Key": "a", "Tag.2.Value": "x", Tags: "{}", TagKey: "k" })).toEqual([
      { TagKey: "a", TagValue: "x" },
      { TagKey: "b", TagValue: "" },
    ]);
  });
  it("refuses a key that starts with aliyun, naming the parameter", () => {
    expect(() => readTags({ "Tag.4.Key": "aliyunTeam" })).toThrow(SLB_ERRORS.invalidParameter("Tag.4.Key").message);
  });
});
