/** The SDK-HMAC-SHA256 signing steps, each a pure function in its own file, and the Signer that chains them. */
export { formatSdkDate } from "./formatSdkDate";
export { percentEncode } from "./percentEncode";
export { canonicalUri } from "./canonicalUri";
export { canonicalQueryString, type QueryParams } from "./canonicalQueryString";
export { canonicalHeaders, type SignedHeaderValues } from "./canonicalHeaders";
export { signedHeaderNames } from "./signedHeaderNames";
export { hashedPayload } from "./hashedPayload";
export { canonicalRequest, type RequestToSign } from "./canonicalRequest";
export { stringToSign } from "./stringToSign";
export { signature } from "./signature";
export { authorizationHeader, parseAuthorizationHeader, type ParsedAuthorization } from "./authorizationHeader";
export { Signer, queryOf, type OutgoingRequest, type SignerOptions } from "./Signer";
