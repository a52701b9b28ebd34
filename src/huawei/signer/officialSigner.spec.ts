/**
 * Cross-check against the official signer of @huaweicloud/huaweicloud-sdk-core (a dev dependency): the same request
 * at the same instant must produce the same Authorization header.
 */
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import { Signer } from "./Signer";
import { formatSdkDate } from "./formatSdkDate";
import { VECTOR } from "./vector.fixture";

const credential = { getAk: () => VECTOR.accessKey, getSk: () => VECTOR.secretKey };

function official(method: string, url: URL, data: unknown, instant: Date): Record<string, string> {
  const queryParams: Record<string, string> = {};
  for (const [k, v] of url.searchParams) queryParams[k] = v;
  const request = {
    method,
    endpoint: `${url.origin}${url.pathname}`,
    queryParams,
    headers: { "Content-Type": "application/json", "X-Sdk-Date": formatSdkDate(instant) },
    data,
  };
  return AKSKSigner.sign(request, credential as never) as Record<string, string>;
}

describe("Signer against the official huaweicloud-sdk-core AKSKSigner", () => {
  it("agrees on the published example", () => {
    const url = new URL(VECTOR.url);
    const ours = new Signer({ ...VECTOR, clock: () => VECTOR.instant }).sign({
      method: "GET",
      url,
      headers: { "Content-Type": "application/json" },
      body: "",
    });
    expect(ours.Authorization).toBe(official("GET", url, undefined, VECTOR.instant).Authorization);
  });
  it("agrees on a listener POST with a JSON body", () => {
    const url = new URL("http://127.0.0.1:8081/v1.0/0123456789abcdef0123456789abcdef/elbaas/listeners");
    const data = { name: "web", port: 80, protocol: "HTTP", description: "é <no>" };
    const instant = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const ours = new Signer({ ...VECTOR, clock: () => instant }).sign({
      method: "POST",
      url,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(data),
    });
    expect(ours.Authorization).toBe(official("POST", url, data, instant).Authorization);
  });
  it("agrees on a list query with the load balancer filter", () => {
    const url = new URL("http://127.0.0.1:8081/v1.0/p1/elbaas/listeners?loadbalancer_id=abc-123");
    const ours = new Signer({ ...VECTOR, clock: () => VECTOR.instant }).sign({
      method: "GET",
      url,
      headers: { "Content-Type": "application/json" },
      body: "",
    });
    expect(ours.Authorization).toBe(official("GET", url, undefined, VECTOR.instant).Authorization);
  });
});
