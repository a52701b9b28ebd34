/**
 * percentEncode escapes a string the way the SDK-HMAC-SHA256 canonical forms require: UTF-8 bytes, every byte except
 * the RFC 3986 unreserved characters (`A-Z a-z 0-9 - _ . ~`) as `%XX` with upper-case hex.
 */
export function percentEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
