/**
 * The DomainExtension schema, wire and classification agree with the SLB emulator: whatever domain check accepts the
 * emulator accepts and the other way round; what createParams sends reads back unchanged through inputsFromDescribe
 * and the list reader; each code the emulator raises maps to its behaviour in the cloud's one classifier.
 */
import fc from "fast-check";
import type { ErrorBehaviour } from "../../core/errors";
import { isApiError } from "../../core/errors";
import type { AliyunEmulator } from "../../emulator/aliyun";
import { startAliyunEmulator } from "../../emulator/aliyun";
import type { SlbClient } from "../client";
import { DOMAIN_EXTENSION_ACTIONS as ACTIONS } from "../constants";
import { classify, explainSpecRefusal, isLoadBalancerBusy } from "../errors";
import { clientFor } from "../testing";
import { wireParams } from "../wire";
import { checkInputs } from "./schema";
import type { DomainExtensionInputs } from "./schema";
import { createParams, findByDomain, idParams, inputsFromDescribe, listedExtensions, listParams } from "./wire";

let emulator: AliyunEmulator;
let client: SlbClient;
let nextPort = 30000;

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0, domainExtensionQuota: 1000 });
  client = clientFor(emulator, 2000);
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.faults.clear());

async function listener(lb = emulator.seed.loadBalancers.public): Promise<number> {
  const port = nextPort++;
  const inputs = {
    loadBalancerId: lb,
    listenerPort: port,
    bandwidth: -1,
    healthCheck: "off",
    serverCertificateId: emulator.seed.serverCertificateId,
    stickySession: "off",
    backendServerPort: 80,
  };
  await client.call("CreateLoadBalancerHTTPSListener", { ...wireParams(inputs), RegionId: emulator.seed.regionId });
  return port;
}

function extension(port: number, domain: string, more: Partial<DomainExtensionInputs> = {}): DomainExtensionInputs {
  return {
    loadBalancerId: emulator.seed.loadBalancers.public,
    listenerPort: port,
    domain,
    serverCertificateId: emulator.seed.serverCertificateId,
    ...more,
  };
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("DomainExtension check and the emulator", () => {
  it("agree on every generated domain", async () => {
    const port = await listener();
    const chars = fc.constantFrom(..."ab09-.*_ A");
    const domains = fc.oneof(
      fc.array(chars, { maxLength: 14 }).map((a) => a.join("")),
      fc.constantFrom("*.example.com", "www.*.example.com", "*", "a".repeat(254), `${"a.".repeat(126)}a`),
    );
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(domains, async (domain) => {
        if (seen.has(domain.toLowerCase())) return;
        seen.add(domain.toLowerCase());
        const accepted = checkInputs(extension(port, domain)).ok;
        const error = await client
          .call(ACTIONS.create, createParams(extension(port, domain), emulator.seed.regionId))
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect({ domain, accepted: error === undefined }).toEqual({ domain, accepted });
        if (error !== undefined && isApiError(error)) {
          // An empty domain is a missing parameter on the wire; anything else breaks the domain rule.
          expect(error.code).toBe(domain === "" ? "MissingParameter" : "InvalidParameter");
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("DomainExtension wire and the emulator", () => {
  it("reads back what createParams sent, through the attribute and the list", async () => {
    const port = await listener();
    const inputs = extension(port, "*.Shop.example.com");
    const regionId = emulator.seed.regionId;
    const created = await client.call(ACTIONS.create, createParams(inputs, regionId));
    const id = String(created.DomainExtensionId);
    expect(id).toMatch(/^de-/);
    expect(created.ListenerPort).toBe(port);
    const body = await client.call(ACTIONS.describe, idParams(regionId, id));
    expect(inputsFromDescribe(id, body, regionId)).toEqual({ ...inputs, regionId });
    const listed = listedExtensions(await client.call(ACTIONS.describeAll, listParams({ ...inputs, regionId })));
    expect(listed).toEqual([
      { domainExtensionId: id, domain: inputs.domain, serverCertificateId: inputs.serverCertificateId },
    ]);
    expect(findByDomain(listed, "*.shop.EXAMPLE.com")?.domainExtensionId).toBe(id);
  });

  it("reads the docs' string ListenerPort and fills what an answer lacks from the previous state", () => {
    const previous = extension(443, "a.example.com", { loadBalancerId: "lb-prev", adoptExisting: true });
    const body = { DomainExtensionId: "de-1", ListenerPort: "443", Domain: "a.example.com", ServerCertificateId: "c2" };
    expect(inputsFromDescribe("de-1", body, "cn-hangzhou", previous)).toEqual({
      ...previous,
      serverCertificateId: "c2",
      regionId: "cn-hangzhou",
    });
    expect(() => inputsFromDescribe("de-1", body, "cn-hangzhou")).toThrow(
      "DomainExtension de-1: the describe answer lacks loadBalancerId",
    );
  });
});

describe("DomainExtension error classification against the emulator", () => {
  const region = (): string => emulator.seed.regionId;

  it("InvalidParameter.DomainExtensionId is gone on Describe attribute, Set and Delete", async () => {
    for (const action of [ACTIONS.describe, ACTIONS.delete]) {
      const error = await errorOf(client.call(action, idParams(region(), "de-missing")));
      expect([action, isApiError(error) && error.code, classify(error)]).toEqual([
        action,
        "InvalidParameter.DomainExtensionId",
        "gone",
      ]);
    }
    const set = await errorOf(
      client.call(ACTIONS.set, {
        ...idParams(region(), "de-missing"),
        ServerCertificateId: emulator.seed.serverCertificateId,
      }),
    );
    expect(classify(set)).toBe("gone");
  });

  it("InvalidParameter.DomainExtensionId on Create is fatal, not gone", async () => {
    emulator.faults.add({ target: ACTIONS.create, kind: "error", code: "InvalidParameter.DomainExtensionId" });
    const error = await errorOf(client.call(ACTIONS.create, createParams(extension(443, "x.example.com"), region())));
    expect(classify(error)).toBe("fatal");
  });

  const CODES: readonly [string, ErrorBehaviour, boolean][] = [
    ["DomainExtensionProcessing", "retry", true],
    ["IncorrectStatus.DomainExtension", "retry", true],
    ["OperationBusy", "retry", true],
    ["InvalidParameter.Domain", "conflict", false],
    ["InvalidParameter.ServerCertificateId", "fatal", false],
    ["DomainExtensionNumberOverLimit", "fatal", false],
    ["InvalidParameter.SpecNotSupport", "fatal", false],
    ["DomainExtensionRelatedRuleExist", "fatal", false],
    ["InvalidAction.RegionNotSupport", "fatal", false],
    ["TooManyListeners", "fatal", false],
    ["MissingParameter.DomainExtensionId", "fatal", false],
  ];

  it.each(CODES)("%s raised by the emulator is %s (load balancer busy: %s)", async (code, behaviour, busy) => {
    emulator.faults.add({ target: ACTIONS.delete, kind: "error", code });
    const error = await errorOf(client.call(ACTIONS.delete, idParams(region(), "de-any")));
    expect([isApiError(error) && error.code, classify(error), isLoadBalancerBusy(error)]).toEqual([
      code,
      behaviour,
      busy,
    ]);
  });

  it("the emulator's own refusals have the classified codes: duplicate domain, quota, unknown certificate, shared spec", async () => {
    const port = await listener();
    await client.call(ACTIONS.create, createParams(extension(port, "dup.example.com"), region()));
    const dup = await errorOf(client.call(ACTIONS.create, createParams(extension(port, "DUP.example.com"), region())));
    expect(classify(dup)).toBe("conflict");
    const cert = await errorOf(
      client.call(
        ACTIONS.create,
        createParams(extension(port, "c.example.com", { serverCertificateId: "nope" }), region()),
      ),
    );
    expect([isApiError(cert) && cert.code, classify(cert)]).toEqual(["InvalidParameter.ServerCertificateId", "fatal"]);
    const shared = emulator.seed.loadBalancers.shared;
    const sharedPort = await listener(shared);
    const refused = await errorOf(
      client.call(
        ACTIONS.create,
        createParams(extension(sharedPort, "s.example.com", { loadBalancerId: shared }), region()),
      ),
    );
    expect(classify(refused)).toBe("fatal");
    const explained = explainSpecRefusal(refused, "DomainExtension x", "loadBalancerId", shared);
    expect(explained instanceof Error && explained.message).toBe(
      `DomainExtension x: loadBalancerId is not supported on load balancer ${shared}, a shared-performance instance ` +
        "(CreateDomainExtension answered InvalidParameter.SpecNotSupport: The loadBalancer of shared spec doesn't " +
        "support the parameter: DomainExtension.); use a guaranteed-performance instance or leave loadBalancerId out",
    );
  });
});
