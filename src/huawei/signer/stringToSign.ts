import { createHash } from "node:crypto";
import { SIGNING } from "../constants";

/** stringToSign is `SDK-HMAC-SHA256`, the `X-Sdk-Date` value and the hex SHA-256 of the canonical request, by line. */
export function stringToSign(sdkDate: string, canonical: string): string {
  return [SIGNING.algorithm, sdkDate, createHash("sha256").update(canonical, "utf8").digest("hex")].join("\n");
}
