import { inspect } from "node:util";
import { Signer } from "./Signer";
import { VECTOR } from "./vector.fixture";

const signer = () =>
  new Signer({ accessKey: VECTOR.accessKey, secretKey: VECTOR.secretKey, clock: () => VECTOR.instant });

describe("Signer", () => {
  it("signs the published example exactly", () => {
    const headers = signer().sign({
      method: VECTOR.method,
      url: new URL(VECTOR.url),
      headers: { "Content-Type": VECTOR.contentType },
      body: "",
    });
    expect(headers).toEqual({
      "Content-Type": VECTOR.contentType,
      host: VECTOR.host,
      "X-Sdk-Date": VECTOR.sdkDate,
      Authorization: `SDK-HMAC-SHA256 Access=${VECTOR.accessKey}, SignedHeaders=content-type;host;x-sdk-date, Signature=${VECTOR.signature}`,
    });
  });
  it("keeps the secret key out of JSON and inspection", () => {
    const s = signer();
    expect(JSON.stringify(s)).not.toContain(VECTOR.secretKey);
    expect(inspect(s, { depth: 5 })).not.toContain(VECTOR.secretKey);
  });
});
