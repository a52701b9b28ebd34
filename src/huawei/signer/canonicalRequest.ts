import { canonicalHeaders, type SignedHeaderValues } from "./canonicalHeaders";
import { canonicalQueryString, type QueryParams } from "./canonicalQueryString";
import { canonicalUri } from "./canonicalUri";
import { signedHeaderNames } from "./signedHeaderNames";

/** RequestToSign is what the signature covers: method, decoded path and query, signed headers and the payload hash. */
export interface RequestToSign {
  readonly method: string;
  readonly path: string;
  readonly query: QueryParams;
  readonly headers: SignedHeaderValues;
  readonly payloadHash: string;
}

/**
 * canonicalRequest joins, one per line: the method, the canonical URI, the canonical query string, the canonical
 * headers (each ending in a newline), the signed header names and the payload hash.
 */
export function canonicalRequest(request: RequestToSign): string {
  return [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    canonicalQueryString(request.query),
    canonicalHeaders(request.headers),
    signedHeaderNames(request.headers),
    request.payloadHash,
  ].join("\n");
}
