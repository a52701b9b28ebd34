/**
 * The emulated API gateway's SDK-HMAC-SHA256 verification, written from the published algorithm: each step a small
 * pure function named after what it returns, so the spec can check the published example byte for byte. The router
 * reads the request and chains these steps; nothing here touches I/O or a clock.
 *
 * Ref: Huawei Cloud API Request Signing Guide, "Signing Procedure":
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n
 *                      HexEncode(SHA256(payload))
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n HexEncode(SHA256(CanonicalRequest))
 *   Signature        = HexEncode(HMAC-SHA256(SecretKey, StringToSign))
 *   Authorization    = "SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<signature>"
 * and shared/api-docs/huawei-elb-v3-listener.md §1 for the Authorization and X-Sdk-Date forms.
 */
import { createHash, createHmac } from "node:crypto";
import { SIGNING } from "./constants";

/** SignedQuery is a request's decoded query: each parameter name with its values in arrival order. */
type SignedQuery = Readonly<Record<string, readonly string[]>>;

/** SignedHeaders are the values of the signed headers, by the names the Authorization value lists. */
type SignedHeaders = Readonly<Record<string, string>>;

/** CanonicalInput is what the signature covers: method, decoded path and query, signed headers, payload hash. */
interface CanonicalInput {
  readonly method: string;
  readonly path: string;
  readonly query: SignedQuery;
  readonly headers: SignedHeaders;
  readonly payloadHash: string;
}

/** AuthorizationValue is an `Authorization: SDK-HMAC-SHA256 ...` value taken apart. */
interface AuthorizationValue {
  readonly accessKey: string;
  /** The SignedHeaders list as sent, split on `;`. */
  readonly signedHeaders: readonly string[];
  /** Lower-case hex. */
  readonly signature: string;
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/**
 * uriEncode is the guide's URI encoding: every UTF-8 byte of the text except the RFC 3986 unreserved characters
 * (`A-Z a-z 0-9 - _ . ~`) becomes `%XX`, upper-case hex.
 */
export function uriEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(byte);
    out += UNRESERVED.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** canonicalUri is the decoded path with each segment URI-encoded, ending in `/` (the guide adds one if absent). */
export function canonicalUri(path: string): string {
  const encoded = path.split("/").map(uriEncode).join("/");
  return encoded.endsWith("/") ? encoded : `${encoded}/`;
}

/**
 * canonicalQueryString is `name=value` per value, names and values URI-encoded, sorted by name and, for a repeated
 * name, by value, joined with `&`; an empty query gives the empty string.
 */
export function canonicalQueryString(query: SignedQuery): string {
  const pairs: string[] = [];
  for (const name of Object.keys(query).sort()) {
    for (const value of [...query[name]].sort()) pairs.push(`${uriEncode(name)}=${uriEncode(value)}`);
  }
  return pairs.join("&");
}

/** canonicalHeaders is one `lowercase-name:trimmed-value\n` line per signed header, sorted by the lower-case name. */
export function canonicalHeaders(headers: SignedHeaders): string {
  return Object.keys(headers)
    .map((name) => ({ name: name.toLowerCase(), value: headers[name].trim() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((h) => `${h.name}:${h.value}\n`)
    .join("");
}

/** signedHeaderList is the SignedHeaders value: the lower-case header names, sorted, joined with `;`. */
export function signedHeaderList(headers: SignedHeaders): string {
  return Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort()
    .join(";");
}

/** sha256Hex is the lower-case hex SHA-256 of the exact bytes (text as UTF-8). */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** canonicalRequest joins the method (upper case) and the five canonical parts, one per line. */
export function canonicalRequest(input: CanonicalInput): string {
  return [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQueryString(input.query),
    canonicalHeaders(input.headers),
    signedHeaderList(input.headers),
    input.payloadHash,
  ].join("\n");
}

/** stringToSign is the algorithm name, the X-Sdk-Date value and the hex SHA-256 of the canonical request, by line. */
export function stringToSign(sdkDate: string, canonical: string): string {
  return [SIGNING.algorithm, sdkDate, sha256Hex(canonical)].join("\n");
}

/** hmacSignature is the lower-case hex HMAC-SHA256 of the string to sign, keyed with the secret key. */
export function hmacSignature(secretKey: string, toSign: string): string {
  return createHmac("sha256", secretKey).update(toSign, "utf8").digest("hex");
}

const AUTHORIZATION = new RegExp(
  `^${SIGNING.algorithm}\\s+Access=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)\\s*$`,
);

/** parseAuthorization takes an SDK-HMAC-SHA256 Authorization value apart, or returns undefined for anything else. */
export function parseAuthorization(value: string): AuthorizationValue | undefined {
  const match = AUTHORIZATION.exec(value);
  if (!match) return undefined;
  return { accessKey: match[1], signedHeaders: match[2].split(";"), signature: match[3].toLowerCase() };
}

/**
 * queryOf collects a URL's decoded query parameters for canonicalQueryString. The map has no prototype, so a
 * parameter named `__proto__` or `constructor` is just a name.
 */
export function queryOf(search: URLSearchParams): SignedQuery {
  const out: Record<string, string[]> = Object.create(null);
  for (const [name, value] of search) (out[name] ??= []).push(value);
  return out;
}

/** parseSdkDate reads an X-Sdk-Date value, `YYYYMMDDTHHmmssZ` (UTC), into epoch milliseconds, or undefined. */
export function parseSdkDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** formatSdkDate writes an instant as an X-Sdk-Date value, `YYYYMMDDTHHmmssZ` in UTC (for clients and specs). */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}
