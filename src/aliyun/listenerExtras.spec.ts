/**
 * The HTTPS listener settings the HTTPS document lacks, end to end against the SLB emulator: healthCheckMethod, the
 * TLS 1.3 policy, several ACLs (comma-joined in AclId, read back from AclIds), the SLBPORT and ClientSrcPort headers,
 * tags at create only, and the shared-performance refusal of a TLS policy reported as an error naming tlsCipherPolicy.
 */
import type { AliyunEmulator } from "../emulator/aliyun";
import type { HttpsListenerOutputs } from "./provider";
import { HttpsListenerProvider } from "./provider";
import { checkInputs, diffInputs } from "./schema";
import type { HttpsListenerInputs } from "./schema";
import { checked, clientFor, emulatorEnv, loggedLines, useEmulator } from "./testing";
import { tagParams, wireParams } from "./wire";

let emulator: AliyunEmulator;
let nextPort = 12000;

useEmulator({ lockMs: 20 }, (e) => (emulator = e));
const lines = loggedLines();

function provider(): HttpsListenerProvider {
  return new HttpsListenerProvider({ env: emulatorEnv(emulator), retry: { baseDelayMs: 10, maxDelayMs: 40 } });
}

function args(more: Partial<HttpsListenerInputs> = {}): HttpsListenerInputs {
  return {
    loadBalancerId: emulator.seed.loadBalancers.public,
    listenerPort: nextPort++,
    bandwidth: -1,
    healthCheck: "on",
    serverCertificateId: emulator.seed.serverCertificateId,
    stickySession: "off",
    backendServerPort: 80,
    ...more,
  };
}

function live(inputs: HttpsListenerInputs) {
  return emulator.state.describeListener(emulator.seed.regionId, inputs.loadBalancerId, inputs.listenerPort);
}

describe("the wire of the new listener inputs", () => {
  it("sends several ACLs comma-joined in AclId and tags as Tag.N.Key / Tag.N.Value", () => {
    expect(wireParams({ aclIds: ["acl-1", "acl-2"], healthCheckMethod: "get", xForwardedForSlbPort: "on" })).toEqual({
      AclId: "acl-1,acl-2",
      HealthCheckMethod: "get",
      XForwardedFor_SLBPORT: "on",
    });
    expect(tagParams({ team: "web", env: "" })).toEqual({
      "Tag.1.Key": "team",
      "Tag.1.Value": "web",
      "Tag.2.Key": "env",
      "Tag.2.Value": "",
    });
  });
});

describe("HttpsListenerProvider with the new inputs", () => {
  it("creates with every new input and reads each back unchanged", async () => {
    const p = provider();
    const inputs = await checked(
      p,
      args({
        healthCheckMethod: "head",
        tlsCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
        aclStatus: "on",
        aclType: "white",
        aclIds: ["acl-a", "acl-b", "acl-c"],
        xForwardedForSlbPort: "on",
        xForwardedForClientSrcPort: "on",
        tags: { team: "web", env: "prod" },
      }),
    );
    const r = await p.create(inputs);
    const config = live(inputs).config;
    expect({
      AclId: config.AclId,
      HealthCheckMethod: config.HealthCheckMethod,
      TLSCipherPolicy: config.TLSCipherPolicy,
      XForwardedFor_SLBPORT: config.XForwardedFor_SLBPORT,
      XForwardedFor_ClientSrcPort: config.XForwardedFor_ClientSrcPort,
    }).toEqual({
      AclId: "acl-a,acl-b,acl-c",
      HealthCheckMethod: "head",
      TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
      XForwardedFor_SLBPORT: "on",
      XForwardedFor_ClientSrcPort: "on",
    });
    expect(live(inputs).tags).toEqual([
      { TagKey: "team", TagValue: "web" },
      { TagKey: "env", TagValue: "prod" },
    ]);
    emulator.state.settle();
    const read = await p.read(r.id, r.outs as HttpsListenerOutputs);
    expect(read.props).toEqual(r.outs);
    expect((await p.diff(r.id, read.props as HttpsListenerOutputs, inputs)).changes).toBe(false);
  });

  it("defaults both new headers to off, as Describe reports them, and reads a single ACL given as aclIds back as aclIds", async () => {
    const p = provider();
    const inputs = await checked(p, args({ aclStatus: "on", aclType: "black", aclIds: ["acl-only"] }));
    expect(inputs).toMatchObject({ xForwardedForSlbPort: "off", xForwardedForClientSrcPort: "off" });
    const r = await p.create(inputs);
    const read = await p.read(r.id, r.outs as HttpsListenerOutputs);
    expect(read.props).toMatchObject({ aclIds: ["acl-only"], xForwardedForSlbPort: "off" });
    expect(read.props).not.toHaveProperty("aclId");
  });

  it("updates healthCheckMethod, the TLS 1.3 policy, the ACL list and both headers in one Set", async () => {
    const p = provider();
    const inputs = await checked(p, args({ aclStatus: "on", aclType: "white", aclIds: ["acl-1"] }));
    const r = await p.create(inputs);
    const news = await checked(p, {
      ...inputs,
      healthCheckMethod: "get",
      tlsCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
      aclIds: ["acl-1", "acl-2"],
      xForwardedForSlbPort: "on",
      xForwardedForClientSrcPort: "on",
    });
    expect(diffInputs(r.outs as HttpsListenerOutputs, news).changed.sort()).toEqual([
      "aclIds",
      "healthCheckMethod",
      "tlsCipherPolicy",
      "xForwardedForClientSrcPort",
      "xForwardedForSlbPort",
    ]);
    emulator.state.settle();
    emulator.resetCalls();
    const u = await p.update(r.id, r.outs as HttpsListenerOutputs, news);
    expect(emulator.calls.get("SetLoadBalancerHTTPSListenerAttribute")).toBe(1);
    expect(live(inputs).config).toMatchObject({
      AclId: "acl-1,acl-2",
      HealthCheckMethod: "get",
      TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
      XForwardedFor_SLBPORT: "on",
      XForwardedFor_ClientSrcPort: "on",
    });
    const read = await p.read(r.id, u.outs as HttpsListenerOutputs);
    expect((await p.diff(r.id, read.props as HttpsListenerOutputs, news)).changes).toBe(false);
  });

  it("ignores a tags change after create: no difference, a warning, and the state keeps the listener's tags", async () => {
    const p = provider();
    const inputs = await checked(p, args({ tags: { team: "web" } }));
    const r = await p.create(inputs);
    const news = await checked(p, { ...inputs, tags: { team: "api" } });
    expect(await p.diff(r.id, r.outs as HttpsListenerOutputs, news)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(lines).toContain(
      `HttpsListener ${r.id}: tags are set at create only; the changed tags are ignored (replace to retag)`,
    );
    const u = await p.update(r.id, r.outs as HttpsListenerOutputs, { ...news, bandwidth: 7 });
    expect((u.outs as HttpsListenerOutputs).tags).toEqual({ team: "web" });
    expect(live(inputs).tags).toEqual([{ TagKey: "team", TagValue: "web" }]);
  });

  it("sees no change for state written before the new headers existed (absent means the default off)", () => {
    const news = checkInputs(args(), "cn-hangzhou");
    expect(news.ok).toBe(true);
    const olds: Record<string, unknown> = { ...news.inputs };
    delete olds.xForwardedForSlbPort;
    delete olds.xForwardedForClientSrcPort;
    expect(diffInputs(olds, news.inputs).changed).toEqual([]);
    expect(diffInputs(olds, { ...news.inputs, xForwardedForSlbPort: "on" }).changed).toEqual(["xForwardedForSlbPort"]);
  });

  it("names tlsCipherPolicy when a shared-performance load balancer refuses it, on create and on update", async () => {
    const p = provider();
    const shared = emulator.seed.loadBalancers.shared;
    const withPolicy = await checked(
      p,
      args({ loadBalancerId: shared, tlsCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3" }),
    );
    const expected = (action: string, port: number) =>
      `HttpsListener ${shared}:https:${port}: tlsCipherPolicy is not supported on load balancer ${shared}, a ` +
      `shared-performance instance (${action} answered InvalidParameter.SpecNotSupport: The loadBalancer of shared ` +
      "spec doesn't support the parameter: TlsCipherPolicy.); use a guaranteed-performance instance or leave " +
      "tlsCipherPolicy out";
    await expect(p.create(withPolicy)).rejects.toThrow(
      expected("CreateLoadBalancerHTTPSListener", withPolicy.listenerPort),
    );
    const plain = await checked(p, args({ loadBalancerId: shared }));
    const r = await p.create(plain);
    emulator.state.settle();
    const news = await checked(p, { ...plain, tlsCipherPolicy: "tls_cipher_policy_1_2" });
    await expect(p.update(r.id, r.outs as HttpsListenerOutputs, news)).rejects.toThrow(
      expected("SetLoadBalancerHTTPSListenerAttribute", plain.listenerPort),
    );
  });
});

describe("check and the emulator agree on aclIds and tags", () => {
  const CASES: readonly Partial<HttpsListenerInputs>[] = [
    { aclIds: ["a1", "a2", "a3"] },
    { aclIds: ["a1", "a2", "a3", "a4"] },
    { aclIds: ["a1", "a1"] },
    { aclIds: ["a1", ""] },
    { tags: { team: "web", empty: "" } },
    { tags: { aliyunTeam: "x" } },
    { tags: { "acs:x": "x" } },
    { tags: { team: "acs:x" } },
    { tags: { ["k".repeat(64)]: "v".repeat(128) } },
    { tags: { ["k".repeat(65)]: "v" } },
    { tags: { team: "v".repeat(129) } },
    { tags: { site: "https://example.com" } },
    { tags: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, "v"])) },
  ];

  it.each(CASES)("on %j", async (more) => {
    const raw = { ...args(), ...more };
    const verdict = checkInputs(raw, emulator.seed.regionId);
    const p = provider();
    const answer = await (verdict.ok ? p.create(verdict.inputs) : Promise.resolve(undefined)).then(
      () => "accepted",
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    if (verdict.ok) expect(answer).toBe("accepted");
    else {
      // What check refuses, the emulator refuses too.
      const params = { ...wireParams(raw), ...tagParams(raw.tags), RegionId: emulator.seed.regionId };
      await expect(clientFor(emulator).call("CreateLoadBalancerHTTPSListener", params)).rejects.toThrow(
        /^Alibaba Cloud SLB CreateLoadBalancerHTTPSListener failed: (InvalidParameter|MissingParameter) \(HTTP 400\)/,
      );
    }
  });
});
