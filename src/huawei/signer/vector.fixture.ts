/**
 * The published SDK-HMAC-SHA256 example (Huawei Cloud API Request Signing Guide), with its intermediate strings, so
 * every signing step can be checked against it byte for byte.
 */
export const VECTOR = {
  method: "GET",
  url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
  path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
  query: { limit: "2", marker: "13551d6b-755d-4757-b956-536f674975c0" },
  contentType: "application/json",
  host: "service.region.example.com",
  sdkDate: "20191115T033655Z",
  instant: new Date(Date.UTC(2019, 10, 15, 3, 36, 55)),
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
