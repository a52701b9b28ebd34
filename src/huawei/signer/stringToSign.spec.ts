import { stringToSign } from "./stringToSign";
import { VECTOR } from "./vector.fixture";

describe("stringToSign", () => {
  it("reproduces the vector's string to sign", () => {
    expect(stringToSign(VECTOR.sdkDate, VECTOR.canonicalRequest)).toBe(VECTOR.stringToSign);
  });
});
