import { SIGNING } from "../constants";

/** authorizationHeader is the `Authorization` value: `SDK-HMAC-SHA256 Access=AK, SignedHeaders=..., Signature=...`. */
export function authorizationHeader(accessKey: string, signedHeaders: string, sig: string): string {
  return `${SIGNING.algorithm} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${sig}`;
}

/** ParsedAuthorization is an `Authorization` value taken apart (the emulator verifies with it). */
export interface ParsedAuthorization {
  readonly accessKey: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** parseAuthorizationHeader reads an `SDK-HMAC-SHA256` value, or returns undefined when it is not one. */
export function parseAuthorizationHeader(value: string): ParsedAuthorization | undefined {
  const match = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/.exec(
    value,
  );
  if (!match) return undefined;
  return { accessKey: match[1], signedHeaders: match[2].split(";"), signature: match[3].toLowerCase() };
}
