import { createHash } from "node:crypto";

/** hashedPayload is the lower-case hex SHA-256 of the exact body bytes sent (an empty body hashes the empty string). */
export function hashedPayload(body: string | Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}
