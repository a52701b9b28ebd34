import { hashedPayload } from "./hashedPayload";
import { VECTOR } from "./vector.fixture";

describe("hashedPayload", () => {
  it("hashes an empty body to the well-known empty SHA-256", () => {
    expect(hashedPayload("")).toBe(VECTOR.emptyBodyHash);
  });
  it("hashes the exact bytes of a JSON body", () => {
    expect(hashedPayload('{"a":1}')).toBe("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
  });
});
