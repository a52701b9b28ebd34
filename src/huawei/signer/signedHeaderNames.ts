import type { SignedHeaderValues } from "./canonicalHeaders";

/** signedHeaderNames is the `SignedHeaders` list: the lower-case header names, sorted, joined with `;`. */
export function signedHeaderNames(headers: SignedHeaderValues): string {
  return Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort()
    .join(";");
}
