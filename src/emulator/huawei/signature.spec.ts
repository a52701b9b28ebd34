/**
 * The emulated gateway's SDK-HMAC-SHA256 steps against the published example of the Huawei Cloud API Request Signing
 * Guide (a GET of `/v1/{project_id}/vpcs` with two query parameters), every intermediate string byte for byte, and
 * against the official @huaweicloud/huaweicloud-sdk-core signer. The values are copied here, not imported, so that
 * this spec owes nothing to the provider's signer.
 */
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import {
  canonicalHeaders,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  formatSdkDate,
  hmacSignature,
  parseAuthorization,
  parseSdkDate,
  queryOf,
  sha256Hex,
  signedHeaderList,
  stringToSign,
  uriEncode,
} from "./signature";

/** The signing guide's example request, key pair and intermediate strings. */
const PUBLISHED = {
  method: "GET",
  url:
    "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs" +
    "?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
  path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
  query: { limit: ["2"], marker: ["13551d6b-755d-4757-b956-536f674975c0"] },
  contentType: "application/json",
  host: "service.region.example.com",
  sdkDate: "20191115T033655Z",
  instant: Date.UTC(2019, 10, 15, 3, 36, 55),
  accessKey: "QTWAOYTTINDUT2QVKYUC",
  secretKey: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
  emptyBodyHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  canonicalRequest:
    "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n" +
    "content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n" +
    "content-type;host;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  stringToSign: "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
  signature: "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
} as const;

const HEADERS = { "Content-Type": PUBLISHED.contentType, host: PUBLISHED.host, "X-Sdk-Date": PUBLISHED.sdkDate };
const AUTHORIZATION =
  `SDK-HMAC-SHA256 Access=${PUBLISHED.accessKey}, SignedHeaders=content-type;host;x-sdk-date, ` +
  `Signature=${PUBLISHED.signature}`;

describe("uriEncode", () => {
  it("keeps the RFC 3986 unreserved characters", () => {
    expect(uriEncode("AZaz09-_.~")).toBe("AZaz09-_.~");
  });
  it("encodes every other byte of the UTF-8 text as upper-case %XX", () => {
    expect(uriEncode("é <no>*/")).toBe("%C3%A9%20%3Cno%3E%2A%2F");
  });
});

describe("canonicalUri", () => {
  it("adds the trailing slash to the example's path", () => {
    expect(canonicalUri(PUBLISHED.path)).toBe(`${PUBLISHED.path}/`);
  });
  it("keeps a trailing slash that is there and encodes each segment", () => {
    expect(canonicalUri("/v1/a b/")).toBe("/v1/a%20b/");
  });
});

describe("canonicalQueryString", () => {
  it("renders the example's query", () => {
    expect(canonicalQueryString(PUBLISHED.query)).toBe("limit=2&marker=13551d6b-755d-4757-b956-536f674975c0");
  });
  it("sorts names, then a repeated name's values", () => {
    expect(canonicalQueryString({ b: ["2", "1"], a: [""] })).toBe("a=&b=1&b=2");
  });
  it("is empty without a query", () => {
    expect(canonicalQueryString({})).toBe("");
  });
});

describe("canonicalHeaders and signedHeaderList", () => {
  it("render the example's signed headers", () => {
    expect(canonicalHeaders(HEADERS)).toBe(
      "content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n",
    );
    expect(signedHeaderList(HEADERS)).toBe("content-type;host;x-sdk-date");
  });
  it("trim the values", () => {
    expect(canonicalHeaders({ Host: "  h  " })).toBe("host:h\n");
  });
});

describe("sha256Hex", () => {
  it("hashes the empty body to the example's payload hash", () => {
    expect(sha256Hex("")).toBe(PUBLISHED.emptyBodyHash);
  });
});

describe("canonicalRequest", () => {
  it("reproduces the example's canonical request", () => {
    expect(
      canonicalRequest({
        method: PUBLISHED.method,
        path: PUBLISHED.path,
        query: PUBLISHED.query,
        headers: HEADERS,
        payloadHash: PUBLISHED.emptyBodyHash,
      }),
    ).toBe(PUBLISHED.canonicalRequest);
  });
});

describe("stringToSign", () => {
  it("reproduces the example's string to sign", () => {
    expect(stringToSign(PUBLISHED.sdkDate, PUBLISHED.canonicalRequest)).toBe(PUBLISHED.stringToSign);
  });
});

describe("hmacSignature", () => {
  it("reproduces the example's signature", () => {
    expect(hmacSignature(PUBLISHED.secretKey, PUBLISHED.stringToSign)).toBe(PUBLISHED.signature);
  });
  it("gives another signature with another secret key", () => {
    expect(hmacSignature(`${PUBLISHED.secretKey}x`, PUBLISHED.stringToSign)).not.toBe(PUBLISHED.signature);
  });
});

describe("parseAuthorization", () => {
  it("takes the example's Authorization value apart", () => {
    expect(parseAuthorization(AUTHORIZATION)).toEqual({
      accessKey: PUBLISHED.accessKey,
      signedHeaders: ["content-type", "host", "x-sdk-date"],
      signature: PUBLISHED.signature,
    });
  });
  it("reads an upper-case hex signature in lower case", () => {
    const upper = AUTHORIZATION.replace(PUBLISHED.signature, PUBLISHED.signature.toUpperCase());
    expect(parseAuthorization(upper)?.signature).toBe(PUBLISHED.signature);
  });
  it("rejects another scheme", () => {
    expect(parseAuthorization("Bearer abc")).toBeUndefined();
    expect(parseAuthorization(AUTHORIZATION.replace("SDK-HMAC-SHA256", "SDK-HMAC-SHA1"))).toBeUndefined();
  });
});

describe("queryOf", () => {
  it("collects the example URL's query, repeated names as lists", () => {
    expect({ ...queryOf(new URL(PUBLISHED.url).searchParams) }).toEqual(PUBLISHED.query);
    expect({ ...queryOf(new URLSearchParams("a=1&a=2")) }).toEqual({ a: ["1", "2"] });
  });
  it("takes __proto__ as a plain parameter name", () => {
    expect(canonicalQueryString(queryOf(new URLSearchParams("__proto__=x&b=1")))).toBe("__proto__=x&b=1");
  });
});

describe("formatSdkDate and parseSdkDate", () => {
  it("write and read the example's X-Sdk-Date", () => {
    expect(formatSdkDate(new Date(PUBLISHED.instant))).toBe(PUBLISHED.sdkDate);
    expect(parseSdkDate(PUBLISHED.sdkDate)).toBe(PUBLISHED.instant);
  });
  it("rejects a date in another form", () => {
    expect(parseSdkDate("2019-11-15T03:36:55Z")).toBeUndefined();
  });
});

describe("the steps chained", () => {
  function verify(method: string, url: URL, headers: Record<string, string>, body: string, secret: string): string {
    const canonical = canonicalRequest({
      method,
      path: decodeURIComponent(url.pathname),
      query: queryOf(url.searchParams),
      headers,
      payloadHash: sha256Hex(body),
    });
    return hmacSignature(secret, stringToSign(headers["X-Sdk-Date"], canonical));
  }

  it("recompute the example's signature from its URL and headers", () => {
    expect(verify("GET", new URL(PUBLISHED.url), HEADERS, "", PUBLISHED.secretKey)).toBe(PUBLISHED.signature);
  });

  it("recompute the signature the official huaweicloud-sdk-core signer gives a POST with a body and a query", () => {
    const url = new URL("http://127.0.0.1:8081/v3/0123456789abcdef/elb/listeners?b=2&a=1&a=0");
    const data = { listener: { name: "web", protocol_port: 80, description: "é <no>" } };
    const queryParams: Record<string, string[]> = { b: ["2"], a: ["1", "0"] };
    const signed = AKSKSigner.sign(
      {
        method: "POST",
        endpoint: `${url.origin}${url.pathname}`,
        queryParams,
        headers: { "Content-Type": "application/json", "X-Sdk-Date": PUBLISHED.sdkDate },
        data,
      },
      { getAk: () => PUBLISHED.accessKey, getSk: () => PUBLISHED.secretKey } as never,
    ) as Record<string, string>;
    const parsed = parseAuthorization(signed.Authorization);
    expect(parsed?.signedHeaders).toEqual(["content-type", "host", "x-sdk-date"]);
    const headers = { "Content-Type": "application/json", host: url.host, "X-Sdk-Date": PUBLISHED.sdkDate };
    expect(verify("POST", url, headers, JSON.stringify(data), PUBLISHED.secretKey)).toBe(parsed?.signature);
  });
});
