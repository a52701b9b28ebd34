import { canonicalUri } from "./canonicalUri";
import { VECTOR } from "./vector.fixture";

describe("canonicalUri", () => {
  it("adds the trailing slash", () => {
    expect(canonicalUri(VECTOR.path)).toBe(`${VECTOR.path}/`);
  });
  it("keeps an existing trailing slash", () => {
    expect(canonicalUri("/v1.0/")).toBe("/v1.0/");
  });
  it("encodes each segment", () => {
    expect(canonicalUri("/a b/c")).toBe("/a%20b/c/");
  });
});
