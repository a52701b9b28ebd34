/**
 * Agreement of the SLB emulator with the documented bodies in src/aliyun/fixtures: for each domain-extension action and
 * the extended listener Describe, the emulator's answer has the documented members with the documented JSON types.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import RPCClient from "@alicloud/pop-core";
import { API_VERSION, DOMAIN_EXTENSION_ERROR_CODES } from "./constants";
import { DOMAIN_EXTENSION_MESSAGES } from "./domainExtensionMessages";
import type { AliyunEmulator } from "./index";
import { startAliyunEmulator } from "./index";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Fixture {
  readonly action: string;
  readonly source: string;
  readonly composed?: readonly string[];
  readonly request: Record<string, string | number>;
  readonly response: Record<string, Json>;
}

interface ErrorFixture {
  readonly source: string;
  readonly errors: readonly { code: string; status: number; message: string; actions: readonly string[] }[];
}

const FIXTURES = join(__dirname, "..", "..", "aliyun", "fixtures");

function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")) as Fixture;
}

/** shape is a body with every leaf replaced by its JSON type, and every list by the shape of its first item. */
function shape(value: Json): Json {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (value !== null && typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) out[key] = shape(value[key]);
    return out;
  }
  return typeof value;
}

let emulator: AliyunEmulator;
let client: RPCClient;
const PORT = 443;

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0 });
  client = new RPCClient({
    endpoint: emulator.endpoint,
    apiVersion: API_VERSION,
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
  });
  await call("CreateLoadBalancerHTTPSListener", {
    ...listenerAddress(),
    Bandwidth: -1,
    HealthCheck: "on",
    ServerCertificateId: emulator.seed.serverCertificateId,
    StickySession: "off",
    BackendServerPort: 443,
    HealthCheckMethod: "get",
    TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
    AclStatus: "off",
    AclType: "white",
    AclId: "acl-a2do9e413e0spzasx",
    "Tag.1.Key": "TestKey",
    "Tag.1.Value": "TestValue",
  });
});
afterAll(async () => {
  await emulator.close();
});

function listenerAddress(): Record<string, string | number> {
  return { RegionId: emulator.seed.regionId, LoadBalancerId: emulator.seed.loadBalancers.public, ListenerPort: PORT };
}

function call(action: string, params: Record<string, string | number>): Promise<Record<string, Json>> {
  return client.request<Record<string, Json>>(action, params, { method: "POST" });
}

describe("documented domain-extension bodies", () => {
  let id = "";

  it("CreateDomainExtension answers the documented members and types", async () => {
    const doc = fixture("CreateDomainExtension");
    const body = await call(doc.action, {
      ...listenerAddress(),
      Domain: String(doc.request.Domain),
      ServerCertificateId: emulator.seed.serverCertificateId,
      Tags: String(doc.request.Tags),
    });
    id = String(body.DomainExtensionId);
    expect(shape(body)).toEqual(shape(doc.response));
  });

  it("DescribeDomainExtensions answers the documented members and types", async () => {
    const doc = fixture("DescribeDomainExtensions");
    expect(shape(await call(doc.action, listenerAddress()))).toEqual(shape(doc.response));
  });

  it("DescribeDomainExtensionAttribute answers the documented members, ListenerPort as the SDKs' Integer", async () => {
    const doc = fixture("DescribeDomainExtensionAttribute");
    const body = await call(doc.action, { RegionId: emulator.seed.regionId, DomainExtensionId: id });
    // The docs' example quotes ListenerPort; the response table and both SDKs type it Integer (digest §1.6).
    expect(shape(body)).toEqual({ ...(shape(doc.response) as object), ListenerPort: "number" });
  });

  it("SetDomainExtensionAttribute answers the documented members", async () => {
    const doc = fixture("SetDomainExtensionAttribute");
    const body = await call(doc.action, {
      RegionId: emulator.seed.regionId,
      DomainExtensionId: id,
      ServerCertificateId: emulator.seed.serverCertificateIds[1],
    });
    expect(shape(body)).toEqual(shape(doc.response));
  });

  it("the listener's Describe carries the members the HTTPS document lacks, with the documented types", async () => {
    const doc = fixture("DescribeLoadBalancerHTTPSListenerAttribute.extended");
    const documented = shape(doc.response) as Record<string, Json>;
    const answered = shape(await call(doc.action, listenerAddress())) as Record<string, Json>;
    // LoadBalancerId (composed from the SDK model) belongs to the base listener answer, not to these members.
    const added = (doc.composed ?? []).filter((key) => key !== "LoadBalancerId");
    expect(added).toHaveLength(10);
    const pick = (from: Record<string, Json>): Record<string, Json> =>
      Object.fromEntries(added.map((key) => [key, from[key]]));
    expect(pick(answered)).toEqual(pick(documented));
  });

  it("every documented member the listener's Describe answers has the documented type", async () => {
    const doc = fixture("DescribeLoadBalancerHTTPSListenerAttribute.extended");
    const documented = shape(doc.response) as Record<string, Json>;
    const answered = shape(await call(doc.action, listenerAddress())) as Record<string, Json>;
    const both = Object.keys(answered).filter((key) => key in documented);
    expect(both.length).toBeGreaterThan(20);
    expect(Object.fromEntries(both.map((key) => [key, answered[key]]))).toEqual(
      Object.fromEntries(both.map((key) => [key, documented[key]])),
    );
  });

  it("DeleteDomainExtension answers the documented members", async () => {
    const doc = fixture("DeleteDomainExtension");
    const body = await call(doc.action, { RegionId: emulator.seed.regionId, DomainExtensionId: id });
    expect(shape(body)).toEqual(shape(doc.response));
  });
});

describe("documented domain-extension errors", () => {
  const doc = JSON.parse(readFileSync(join(FIXTURES, "DomainExtensionErrors.json"), "utf8")) as ErrorFixture;
  const codes = Object.values(DOMAIN_EXTENSION_ERROR_CODES) as string[];

  it.each(doc.errors.map((e) => [e.code, e] as const))("the emulator words %s as documented", (code, error) => {
    expect(codes).toContain(code);
    const key = (Object.keys(DOMAIN_EXTENSION_ERROR_CODES) as (keyof typeof DOMAIN_EXTENSION_ERROR_CODES)[]).find(
      (k) => DOMAIN_EXTENSION_ERROR_CODES[k] === code,
    );
    const messageKey = key === "specNotSupport" ? "tlsSpecNotSupport" : key;
    const message = DOMAIN_EXTENSION_MESSAGES[messageKey as keyof typeof DOMAIN_EXTENSION_MESSAGES];
    // The one documented text cut off in its source ends "late"; the emulator completes the sentence.
    if (error.message.endsWith("late")) expect(message).toBe(`${error.message}r.`);
    else expect(message).toBe(error.message);
    expect(error.status).toBe(400);
  });
});
