import { signature } from "./signature";
import { VECTOR } from "./vector.fixture";

describe("signature", () => {
  it("reproduces the vector's signature", () => {
    expect(signature(VECTOR.secretKey, VECTOR.stringToSign)).toBe(VECTOR.signature);
  });
});
