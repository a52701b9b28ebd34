import fc from "fast-check";
import { UNKNOWN_SENTINEL } from "../../core/check";
import { checkInputs, diffInputs, DOMAIN_RULE, isValidDomain, REPLACE_INPUTS } from "./schema";

/** A valid extension; each row below changes one input. */
const BASE = {
  loadBalancerId: "lb-1",
  listenerPort: 443,
  domain: "www.example.com",
  serverCertificateId: "cert-1",
};

const WILDCARD = `${DOMAIN_RULE}; "*" may only be the whole left-most label`;

/** Every per-property rule: a valid value, an invalid one, and the exact reason. */
const RULES: readonly { property: string; valid: unknown; invalid: unknown; reason: string }[] = [
  { property: "loadBalancerId", valid: "lb-bp1", invalid: "", reason: 'must be a non-empty string, got ""' },
  { property: "listenerPort", valid: 65535, invalid: 0, reason: "must be an integer from 1 to 65535, got 0" },
  { property: "listenerPort", valid: 1, invalid: 65536, reason: "must be an integer from 1 to 65535, got 65536" },
  { property: "listenerPort", valid: 443, invalid: "443", reason: 'must be an integer from 1 to 65535, got "443"' },
  { property: "domain", valid: "*.example.com", invalid: "", reason: `must be ${DOMAIN_RULE}, got ""` },
  {
    property: "domain",
    valid: "a-b.example.com",
    invalid: "-a.example.com",
    reason: `must be ${DOMAIN_RULE}, got "-a.example.com"`,
  },
  {
    property: "domain",
    valid: "example.com",
    invalid: "exa_mple.com",
    reason: `must be ${DOMAIN_RULE}, got "exa_mple.com"`,
  },
  {
    property: "domain",
    valid: "1.example.com",
    invalid: "a..example.com",
    reason: `must be ${DOMAIN_RULE}, got "a..example.com"`,
  },
  {
    property: "domain",
    valid: "example.com",
    invalid: "example.com.",
    reason: `must be ${DOMAIN_RULE}, got "example.com."`,
  },
  {
    property: "domain",
    valid: "*.market.aliyun.com",
    invalid: "www.*.aliyun.com",
    reason: `must be ${WILDCARD}, got "www.*.aliyun.com"`,
  },
  {
    property: "domain",
    valid: "*.aliyun.com",
    invalid: "*aliyun.com",
    reason: `must be ${WILDCARD}, got "*aliyun.com"`,
  },
  {
    property: "domain",
    valid: "*.aliyun.com",
    invalid: "*.*.aliyun.com",
    reason: `must be ${WILDCARD}, got "*.*.aliyun.com"`,
  },
  { property: "domain", valid: "*.aliyun.com", invalid: "*", reason: `must be ${WILDCARD}, got "*"` },
  { property: "domain", valid: "a.com", invalid: "a b.com", reason: `must be ${DOMAIN_RULE}, got "a b.com"` },
  { property: "domain", valid: "a.com", invalid: 5, reason: `must be ${DOMAIN_RULE}, got 5` },
  { property: "serverCertificateId", valid: "c", invalid: "", reason: 'must be a non-empty string, got ""' },
  { property: "regionId", valid: "cn-hangzhou", invalid: "", reason: 'must be a non-empty string, got ""' },
  { property: "adoptExisting", valid: true, invalid: "yes", reason: 'must be true or false, got "yes"' },
];

describe("DomainExtension checkInputs", () => {
  it("accepts the base inputs and fills in the configured region", () => {
    expect(checkInputs(BASE, "cn-hangzhou")).toEqual({
      ok: true,
      inputs: { ...BASE, regionId: "cn-hangzhou" },
      failures: [],
    });
  });

  it.each(RULES)("checks $property: accepts $valid, rejects $invalid", ({ property, valid, invalid, reason }) => {
    expect(checkInputs({ ...BASE, [property]: valid }).failures).toEqual([]);
    expect(checkInputs({ ...BASE, [property]: invalid }).failures).toEqual([
      { property, reason: `${property} ${reason}` },
    ]);
  });

  it("accepts a domain of 253 characters and rejects one of 254", () => {
    const label = "a".repeat(49);
    const long = [label, label, label, label, label].join(".") + ".ab"; // 5*49 + 4 dots + 3 = 252
    expect(long.length).toBe(252);
    expect(checkInputs({ ...BASE, domain: `${long}c` }).failures).toEqual([]);
    expect(checkInputs({ ...BASE, domain: `${long}cd` }).failures).toEqual([
      { property: "domain", reason: `domain must be ${DOMAIN_RULE}, got "${`${long}cd`.slice(0, 56)}...` },
    ]);
  });

  it.each(["loadBalancerId", "listenerPort", "domain", "serverCertificateId"])("requires %s", (property) => {
    const raw: Record<string, unknown> = { ...BASE };
    delete raw[property];
    expect(checkInputs(raw).failures).toEqual([{ property, reason: `${property} is required` }]);
  });

  it("names Terraform's frontendPort and refuses deleteProtectionValidation with a hint", () => {
    expect(checkInputs({ ...BASE, frontendPort: 443, deleteProtectionValidation: true }).failures).toEqual([
      {
        property: "deleteProtectionValidation",
        reason:
          "deleteProtectionValidation is not an input of DomainExtension; not supported: delete the extension or " +
          "protect the load balancer instead",
      },
      { property: "frontendPort", reason: "frontendPort is not an input of DomainExtension; use listenerPort" },
    ]);
  });

  it("keeps values unknown in preview without judging them", () => {
    const r = checkInputs({ ...BASE, listenerPort: UNKNOWN_SENTINEL, domain: UNKNOWN_SENTINEL });
    expect(r.ok).toBe(true);
    expect(r.inputs).toMatchObject({ listenerPort: UNKNOWN_SENTINEL, domain: UNKNOWN_SENTINEL });
  });

  it("drops the serialized provider", () => {
    expect(checkInputs({ ...BASE, __provider: "x" }).inputs).not.toHaveProperty("__provider");
  });

  it("never throws, whatever it is given", () => {
    fc.assert(fc.property(fc.anything(), (raw) => void checkInputs(raw)));
    fc.assert(fc.property(fc.string(), (domain) => void checkInputs({ ...BASE, domain })));
  });

  it("agrees with isValidDomain on every generated domain", () => {
    const chars = fc.constantFrom(..."aZ09-.*_ ");
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 20 }).map((a) => a.join("")),
        (domain) => {
          expect(checkInputs({ ...BASE, domain }).ok).toBe(isValidDomain(domain));
        },
      ),
    );
  });
});

describe("DomainExtension diffInputs", () => {
  const olds = { ...BASE, regionId: "cn-hangzhou" };

  it("replaces on loadBalancerId, listenerPort, domain and regionId, and on nothing else", () => {
    expect(REPLACE_INPUTS).toEqual(["loadBalancerId", "listenerPort", "domain", "regionId"]);
    expect(diffInputs(olds, { ...olds, loadBalancerId: "lb-2" })).toEqual({
      changed: ["loadBalancerId"],
      replaces: ["loadBalancerId"],
    });
    expect(diffInputs(olds, { ...olds, listenerPort: 8443 })).toEqual({
      changed: ["listenerPort"],
      replaces: ["listenerPort"],
    });
    expect(diffInputs(olds, { ...olds, domain: "api.example.com" })).toEqual({
      changed: ["domain"],
      replaces: ["domain"],
    });
    expect(diffInputs(olds, { ...olds, regionId: "cn-beijing" })).toEqual({
      changed: ["regionId"],
      replaces: ["regionId"],
    });
  });

  it("updates the certificate in place", () => {
    expect(diffInputs(olds, { ...olds, serverCertificateId: "cert-2" })).toEqual({
      changed: ["serverCertificateId"],
      replaces: [],
    });
  });

  it("sees no change for the same domain in another case, nor for adoptExisting", () => {
    expect(diffInputs(olds, { ...olds, domain: "WWW.Example.com", adoptExisting: true })).toEqual({
      changed: [],
      replaces: [],
    });
  });

  it("takes a left-out regionId as the configured region", () => {
    const news = { ...BASE };
    expect(diffInputs(olds, news, "cn-hangzhou")).toEqual({ changed: [], replaces: [] });
    expect(diffInputs(olds, news, "cn-beijing")).toEqual({ changed: ["regionId"], replaces: ["regionId"] });
  });

  it("counts an unknown value as a change", () => {
    expect(diffInputs(olds, { ...olds, listenerPort: UNKNOWN_SENTINEL })).toEqual({
      changed: ["listenerPort"],
      replaces: ["listenerPort"],
    });
  });
});
