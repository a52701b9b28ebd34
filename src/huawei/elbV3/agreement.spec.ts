/**
 * ElbV3Listener's check and the emulator's dedicated ELB v3 API agree (property-based, fixed seed; FC_RUNS raises
 * the count): whatever check accepts, the emulator accepts as createBody builds it; whatever check rejects, the
 * emulator rejects for one of the same parameters, except where check is deliberately stricter (onlyStricter below).
 */
import fc from "fast-check";
import { ApiError } from "../../core/errors";
import { startHuaweiEmulator, type HuaweiEmulator } from "../../emulator/huawei";
import { ELB_V3_CODES } from "../constants";
import { ElbV3Client } from "../client";
import { apiFailure, emulatorTarget, maybe } from "../testing";
import { checkInputs, type V3InputName } from "./schema";
import { createBody, WIRE_NAMES } from "./wire";

let emu: HuaweiEmulator;
let client: ElbV3Client;

beforeAll(async () => {
  emu = await startHuaweiEmulator({ lockMs: 0, pendingCreateReads: 0, listenerQuota: 100_000 });
  client = new ElbV3Client(emulatorTarget(emu, 2000));
});
afterAll(() => emu.close());

/** mostly picks a valid value nine times in ten, so both sides of every rule get exercised. */
const mostly = <T>(valid: readonly T[], invalid: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 9 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });

/** sometimes sets a protocol-specific input one time in four, so that enough generated listeners are valid. */
const sometimes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });

const argsArb = fc.record({
  name: maybe(mostly(["", "web_1", "n".repeat(255)], ["n".repeat(256)])),
  description: maybe(mostly(["", "fine", "d".repeat(255)], ["d".repeat(256)])),
  protocol: mostly(["TCP", "UDP", "HTTP", "HTTPS"], ["FTP"]),
  keepaliveTimeout: maybe(mostly([1, 10, 4000], [0, 5, 4001])),
  clientTimeout: sometimes(mostly([1, 300], [0, 301])),
  memberTimeout: sometimes(mostly([1, 300], [0, 301])),
  insertHeaders: sometimes(
    mostly<Record<string, boolean | string>>(
      [{ "X-Forwarded-ELB-IP": true }, { "X-Real-IP": false }, { "X-Forwarded-TLS-Protocol": true }],
      [{ "X-Unknown": true }, { "X-Forwarded-ELB-IP": "yes" }],
    ),
  ),
  http2Enable: sometimes(fc.boolean()),
  tlsCiphersPolicy: sometimes(mostly(["tls-1-2", "tls-1-0", "tls-1-2-fs-with-1-3"], ["tls-9"])),
  sniContainerRefs: sometimes(mostly(["SERVER"], ["x".repeat(129)])),
  certificate: fc.option(fc.constant(true), { nil: undefined, freq: 5 }),
  tags: maybe(mostly<Record<string, string>>([{ env: "dev" }, { k: "v".repeat(43) }], [{ k: "v".repeat(44) }])),
});

/**
 * onlyStricter tells the rules where check refuses what the emulator (like the service) accepts, on purpose: the
 * document says http2Enable and tlsCiphersPolicy "take effect only" for HTTPS, so the service silently drops them on
 * other protocols; check refuses them (HTTPS_ONLY in schema.ts) so a program does not believe they apply. These cases
 * are asserted the other way round: the emulator must accept them. Insert headers are not among them: check takes
 * the plain ones on every protocol, as the emulator does (the document's TCP create example sends one).
 * sniContainerRefs on a non-HTTPS listener is refused by both; an empty list only by check (not generated here).
 */
function onlyStricter(raw: Readonly<Record<string, unknown>>, failed: readonly string[]): boolean {
  const { protocol } = raw;
  if (protocol !== "TCP" && protocol !== "UDP" && protocol !== "HTTP") return false;
  return failed.every((p) => p === "http2Enable" || p === "tlsCiphersPolicy");
}

let nextPort = 1;

/** rawBody sends the generated inputs unchecked, by wire name (tags as the service's key/value list). */
function rawBody(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const wire = WIRE_NAMES[name as V3InputName];
    if (wire === undefined) throw new Error(`no wire name for ${name}`);
    body[wire] =
      name === "tags" ? Object.entries(value as Record<string, string>).map(([key, v]) => ({ key, value: v })) : value;
  }
  return body;
}

/** parameterOf reads the field of an ELB.8902 `Invalid input for '<field>'.` refusal. */
const parameterOf = (error: ApiError): string | undefined =>
  /^Invalid input for '([a-z_]+)'\.$/.exec(error.apiMessage)?.[1];

describe("ElbV3Listener check and the emulator agree", () => {
  it("on generated listeners of the l4l7 dedicated load balancer (fixed seed)", async () => {
    let accepted = 0;
    let rejected = 0;
    let excluded = 0;
    await fc.assert(
      fc.asyncProperty(argsArb, async ({ certificate, sniContainerRefs, ...args }) => {
        const raw: Record<string, unknown> = {
          ...args,
          loadbalancerId: emu.seed.dedicated.l4l7,
          protocolPort: nextPort++,
          defaultTlsContainerRef: certificate === undefined ? undefined : emu.seed.certificates.server,
          sniContainerRefs:
            sniContainerRefs === undefined
              ? undefined
              : [sniContainerRefs === "SERVER" ? emu.seed.certificates.server : sniContainerRefs],
        };
        for (const k of Object.keys(raw)) if (raw[k] === undefined) delete raw[k];
        // Open Telekom Cloud's rules: keepaliveTimeout 0 on HTTP/HTTPS is Huawei Cloud only, as in the emulator.
        const checked = checkInputs(raw, { cloud: "opentelekomcloud" });
        if (checked.ok) {
          accepted += 1;
          const created = await client.createListener({ listener: createBody(checked.inputs) });
          expect(created.protocol_port).toBe(raw.protocolPort);
          expect(emu.v3.deleteOutOfBand(created.id)).toBe(true);
          return;
        }
        const body = rawBody(raw);
        const failed = checked.failures.map((f) => f.property);
        if (onlyStricter(raw, failed)) {
          excluded += 1;
          const created = await client.createListener({ listener: body });
          expect(emu.v3.deleteOutOfBand(created.id)).toBe(true);
          return;
        }
        rejected += 1;
        const error = await apiFailure(async () => {
          const created = await client.createListener({ listener: body });
          emu.v3.deleteOutOfBand(created.id);
        });
        expect(error.code).toBe(ELB_V3_CODES.invalidInput);
        expect(failed.map((p) => WIRE_NAMES[p as V3InputName])).toContain(parameterOf(error));
      }),
      { seed: 4243, numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
    expect(accepted).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(10);
    expect(excluded).toBeGreaterThan(0);
    expect(emu.v3.listenersOf(emu.seed.dedicated.l4l7)).toEqual([]);
  });
});
