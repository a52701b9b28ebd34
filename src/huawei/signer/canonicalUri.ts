import { percentEncode } from "./percentEncode";

/**
 * canonicalUri is the path of the canonical request: each segment of the decoded path percent-encoded, and always a
 * trailing slash (the API gateway adds one before it compares).
 */
export function canonicalUri(path: string): string {
  const encoded = path.split("/").map(percentEncode).join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}
