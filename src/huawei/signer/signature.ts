import { createHmac } from "node:crypto";

/** signature is the lower-case hex HMAC-SHA256 of the string to sign, keyed with the secret access key. */
export function signature(secretKey: string, toSign: string): string {
  return createHmac("sha256", secretKey).update(toSign, "utf8").digest("hex");
}
