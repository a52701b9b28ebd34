/**
 * Fuzzing of `check` for both resources, through the providers as the engine calls them: wrong types, 1 MB strings,
 * control characters, non-ASCII text, null for every property, nested objects and arrays never make check throw, and
 * every failure names a property (an input, or the unexpected key it is about) and starts with it. Fixed seed; set
 * FC_RUNS for more runs.
 */
import fc from "fast-check";
import { HttpsListenerProvider } from "../src/aliyun/provider";
import type { HttpsListenerInputs } from "../src/aliyun/schema";
import { inputProps as ALIYUN_PROPS } from "../src/aliyun/schema";
import { isUnknown, UNKNOWN_SENTINEL } from "../src/core/check";
import { setLogger, type Logger } from "../src/core/log";
import { ElbListenerProvider } from "../src/huawei/provider";
import type { ElbListenerInputs } from "../src/huawei/schema";
import { ELB_LISTENER_PROPS as HUAWEI_PROPS } from "../src/huawei/schema";

const RUNS = Number(process.env.FC_RUNS ?? 200);
const SEED = Number(process.env.FC_SEED ?? 20261125);
const MB = 1024 * 1024;

interface Failure {
  readonly property: string;
  readonly reason: string;
}

interface Subject {
  readonly name: string;
  readonly props: readonly string[];
  /** accepts is the property's own codec test: a value it refuses must come back as a failure of that property. */
  accepts(property: string, value: unknown): boolean;
  readonly valid: Record<string, unknown>;
  check(raw: Record<string, unknown>): Promise<readonly Failure[]>;
}

const aliyun = new HttpsListenerProvider({ env: { ALICLOUD_REGION: "cn-hangzhou" } });
const huawei = new ElbListenerProvider({ env: {} });

const SUBJECTS: readonly Subject[] = [
  {
    name: "HttpsListener",
    props: Object.keys(ALIYUN_PROPS),
    accepts: (property, value) => ALIYUN_PROPS[property as keyof typeof ALIYUN_PROPS].is(value),
    valid: {
      loadBalancerId: "lb-bp1o94dp5i6earr9g6d1l",
      listenerPort: 443,
      bandwidth: -1,
      healthCheck: "on",
      serverCertificateId: "idkp-123-cn-test-01",
      stickySession: "off",
      backendServerPort: 80,
    },
    check: async (raw) => {
      const r = await aliyun.check({} as HttpsListenerInputs, raw as unknown as HttpsListenerInputs);
      return r.failures ?? [];
    },
  },
  {
    name: "ElbListener",
    props: Object.keys(HUAWEI_PROPS),
    accepts: (property, value) => HUAWEI_PROPS[property as keyof typeof HUAWEI_PROPS].is(value),
    valid: {
      name: "web",
      loadbalancerId: "0b07acf06d243925bc24a0ac7445267a",
      protocol: "HTTPS",
      port: 443,
      backendProtocol: "HTTP",
      backendPort: 8080,
      lbAlgorithm: "roundrobin",
      certificateId: "cert-1",
    },
    check: async (raw) => {
      const r = await huawei.check({} as ElbListenerInputs, raw as unknown as ElbListenerInputs);
      return r.failures ?? [];
    },
  },
];

let previousLogger: Logger;
beforeAll(() => {
  previousLogger = setLogger({ debug: () => undefined, info: () => undefined, warn: () => undefined });
});
afterAll(() => setLogger(previousLogger));

// eslint-disable-next-line no-control-regex -- the point is to find raw control characters in messages.
const CONTROL = /[\u0000-\u001f]/;

/** expectRefused asserts that a value the property's codec refuses is reported as a failure of that property. */
function expectRefused(subject: Subject, property: string, value: unknown, failures: readonly Failure[]): void {
  if (value === undefined || isUnknown(value) || subject.accepts(property, value)) return;
  expect(failures.map((f) => f.property)).toContain(property);
}

/** expectNamed asserts the shape every failure must have: a property it is about, and a reason that starts with it. */
function expectNamed(subject: Subject, raw: Record<string, unknown>, failures: readonly Failure[]): void {
  const names = new Set([...subject.props, ...Object.keys(raw)]);
  for (const f of failures) {
    // The property is an input, or a key of the raw inputs (even an empty one) that check refuses.
    expect(names.has(f.property)).toBe(true);
    expect(f.reason.startsWith(`${f.property} `)).toBe(true);
    // A value is quoted at most 60 characters long, JSON-escaped: a 1 MB input never comes back in a message.
    expect(f.reason.length).toBeLessThan(1000);
    expect(f.reason).not.toMatch(CONTROL);
  }
}

const HUGE: readonly [string, string][] = [
  ["1 MB of letters", "a".repeat(MB)],
  ["1 MB of digits", "7".repeat(MB)],
  ["1 MB of hyphens", "-".repeat(MB)],
  ["1 MB of dots and letters", "a.".repeat(MB / 2)],
  ["1 MB of http codes", "http_2xx,".repeat(MB / 9)],
  ["1 MB of Chinese", "监".repeat(MB)],
  ["1 MB ending in a bad character", `${"a".repeat(MB)}!`],
];

const ODD: readonly [string, unknown][] = [
  ["null", null],
  ["a nested object", { a: { b: [1, { c: null }] } }],
  ["an empty object", {}],
  ["an array of numbers", [1, 2, 3]],
  ["an empty array", []],
  ["an array of strings", ["on", "off"]],
  ["a control-character string", "on\u0000\u0007\r\n\u001b[31m"],
  ["a non-ASCII string", "ünïcødé-监听器-🚀"],
  ["a lone surrogate", "\ud800"],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["a fraction", 1.5],
  ["a negative number", -7],
  ["a huge number", 1e300],
  ["true", true],
  ["a numeric string", "443"],
  ["the unknown sentinel inside an object", { x: UNKNOWN_SENTINEL }],
];

describe.each(SUBJECTS)("$name check", (subject) => {
  it("accepts the valid base inputs (the fuzzing starts from them)", async () => {
    expect(await subject.check({ ...subject.valid })).toEqual([]);
  });

  it("reports null for every property as a failure of that property", async () => {
    for (const property of subject.props) {
      const raw = { ...subject.valid, [property]: null };
      const failures = await subject.check(raw);
      expectNamed(subject, raw, failures);
      expect(failures).toContainEqual({
        property,
        reason: expect.stringMatching(new RegExp(`^${property} must be .*, got null$`)),
      });
    }
  });

  it("reports a nested object for every property as a failure of that property", async () => {
    for (const property of subject.props) {
      const raw = { ...subject.valid, [property]: { nested: { deeper: ["x", 1, null] } } };
      const failures = await subject.check(raw);
      expectNamed(subject, raw, failures);
      expect(failures.map((f) => f.property)).toContain(property);
    }
  });

  it.each(ODD)("never throws on %s in any property, and names the property it fails", async (_label, value) => {
    for (const property of subject.props) {
      const raw = { ...subject.valid, [property]: value };
      const failures = await subject.check(raw);
      expectNamed(subject, raw, failures);
      expectRefused(subject, property, value, failures);
    }
  });

  it.each(HUGE)("never throws on %s in any property, and does not echo it", async (_label, value) => {
    for (const property of subject.props) {
      const raw = { ...subject.valid, [property]: value };
      const failures = await subject.check(raw);
      expectNamed(subject, raw, failures);
      expectRefused(subject, property, value, failures);
    }
  });

  it("names an unexpected key, whatever its spelling", async () => {
    for (const key of ["nope", "__proto__x", "constructor", "toString", "a\u0000b", "ключ", ""]) {
      const raw = { ...subject.valid, [key]: 1 };
      const failures = await subject.check(raw);
      expect(failures).toContainEqual({ property: key, reason: `${key} is not an input of ${subject.name}` });
    }
  });

  it("never throws on generated inputs, and every failure names a property (fixed seed)", async () => {
    const junk = fc.oneof(
      fc.anything({ maxDepth: 3, withBigInt: true, withNullPrototype: true, withBoxedValues: true }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({ unit: fc.constantFrom("\u0000", "\u001f", "\u007f", "\u2028", "é", "监", "🚀", "a", "-", "_", " ") }),
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.constant(UNKNOWN_SENTINEL),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    const changes = fc.dictionary(
      fc.oneof({ arbitrary: fc.constantFrom(...subject.props), weight: 9 }, { arbitrary: fc.string(), weight: 1 }),
      junk,
      { maxKeys: 5 },
    );
    await fc.assert(
      fc.asyncProperty(changes, fc.boolean(), async (change, dropBase) => {
        const raw: Record<string, unknown> = dropBase ? { ...change } : { ...subject.valid, ...change };
        const failures = await subject.check(raw);
        expectNamed(subject, raw, failures);
        for (const [property, value] of Object.entries(change)) {
          if (subject.props.includes(property)) expectRefused(subject, property, value, failures);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
