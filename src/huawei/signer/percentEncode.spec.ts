import { percentEncode } from "./percentEncode";

describe("percentEncode", () => {
  it("keeps the unreserved characters", () => {
    expect(percentEncode("AZaz09-_.~")).toBe("AZaz09-_.~");
  });
  it("escapes reserved characters with upper-case hex", () => {
    expect(percentEncode("a b/c=d&e*")).toBe("a%20b%2Fc%3Dd%26e%2A");
  });
  it("escapes non-ASCII characters as UTF-8 bytes", () => {
    expect(percentEncode("é")).toBe("%C3%A9");
  });
});
