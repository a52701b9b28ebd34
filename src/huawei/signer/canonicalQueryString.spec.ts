import { canonicalQueryString } from "./canonicalQueryString";
import { VECTOR } from "./vector.fixture";

describe("canonicalQueryString", () => {
  it("renders the vector's query", () => {
    expect(canonicalQueryString(VECTOR.query)).toBe("limit=2&marker=13551d6b-755d-4757-b956-536f674975c0");
  });
  it("sorts names and repeated values and encodes both", () => {
    expect(canonicalQueryString({ b: ["z", "a"], "a b": "c/d" })).toBe("a%20b=c%2Fd&b=a&b=z");
  });
  it("is empty without parameters", () => {
    expect(canonicalQueryString({})).toBe("");
  });
});
