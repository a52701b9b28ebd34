import { authorizationHeader, parseAuthorizationHeader } from "./authorizationHeader";
import { VECTOR } from "./vector.fixture";

const HEADER = `SDK-HMAC-SHA256 Access=${VECTOR.accessKey}, SignedHeaders=content-type;host;x-sdk-date, Signature=${VECTOR.signature}`;

describe("authorizationHeader", () => {
  it("renders the vector's Authorization value", () => {
    expect(authorizationHeader(VECTOR.accessKey, "content-type;host;x-sdk-date", VECTOR.signature)).toBe(HEADER);
  });
});

describe("parseAuthorizationHeader", () => {
  it("takes the vector's value apart", () => {
    expect(parseAuthorizationHeader(HEADER)).toEqual({
      accessKey: VECTOR.accessKey,
      signedHeaders: ["content-type", "host", "x-sdk-date"],
      signature: VECTOR.signature,
    });
  });
  it("rejects another scheme", () => {
    expect(parseAuthorizationHeader("Bearer abc")).toBeUndefined();
  });
});
