import { canonicalRequest } from "./canonicalRequest";
import { VECTOR } from "./vector.fixture";

describe("canonicalRequest", () => {
  it("reproduces the vector's canonical request", () => {
    expect(
      canonicalRequest({
        method: VECTOR.method,
        path: VECTOR.path,
        query: VECTOR.query,
        headers: { "Content-Type": VECTOR.contentType, host: VECTOR.host, "X-Sdk-Date": VECTOR.sdkDate },
        payloadHash: VECTOR.emptyBodyHash,
      }),
    ).toBe(VECTOR.canonicalRequest);
  });
});
