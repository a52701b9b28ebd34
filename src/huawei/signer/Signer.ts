import { SIGNING } from "../constants";
import { authorizationHeader } from "./authorizationHeader";
import type { QueryParams } from "./canonicalQueryString";
import { canonicalRequest } from "./canonicalRequest";
import { formatSdkDate } from "./formatSdkDate";
import { hashedPayload } from "./hashedPayload";
import { signature } from "./signature";
import { signedHeaderNames } from "./signedHeaderNames";
import { stringToSign } from "./stringToSign";

/** OutgoingRequest is a request about to be sent: its URL, method, headers to sign and exact body. */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** SignerOptions: the key pair and the clock (a parameter, so tests can sign at a fixed instant). */
export interface SignerOptions {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly clock?: () => Date;
}

/** queryOf decodes a URL's query into the signer's parameter map. */
export function queryOf(url: URL): QueryParams {
  const out: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (out[name] ??= []).push(value);
  return out;
}

/**
 * Signer chains the pure SDK-HMAC-SHA256 steps: it adds `host` and `X-Sdk-Date`, signs every given header, and
 * returns the headers to send (including `Authorization`). The secret key lives in a private field so it never shows
 * in JSON, inspection or error output.
 */
export class Signer {
  readonly #secretKey: string;
  readonly accessKey: string;
  private readonly clock: () => Date;

  constructor(options: SignerOptions) {
    this.accessKey = options.accessKey;
    this.#secretKey = options.secretKey;
    this.clock = options.clock ?? (() => new Date());
  }

  /** sign returns the request's headers plus `host`, `X-Sdk-Date` and `Authorization`. */
  sign(request: OutgoingRequest): Record<string, string> {
    const sdkDate = formatSdkDate(this.clock());
    const headers: Record<string, string> = { ...request.headers, host: request.url.host };
    headers[SIGNING.dateHeader] = sdkDate;
    const canonical = canonicalRequest({
      method: request.method,
      path: decodeURIComponent(request.url.pathname),
      query: queryOf(request.url),
      headers,
      payloadHash: hashedPayload(request.body),
    });
    const sig = signature(this.#secretKey, stringToSign(sdkDate, canonical));
    return {
      ...headers,
      [SIGNING.authorizationHeader]: authorizationHeader(this.accessKey, signedHeaderNames(headers), sig),
    };
  }

  /** toJSON keeps the secret out of any serialization. */
  toJSON(): { accessKey: string } {
    return { accessKey: this.accessKey };
  }
}
