/**
 * check and the emulator agree on wide generated values, for create and for update (complementing agreement.spec.ts):
 * values of the wrong JSON type, out-of-range numbers, names and descriptions from mixed alphabets, certificate lists.
 * Whatever check accepts the emulator accepts as the provider sends it (POST with every input, PUT with the changed
 * modifiable inputs); whatever check rejects, the emulator rejects the raw request for one of the same parameters.
 * Fixed seed (FC_SEED); FC_RUNS raises the number of runs.
 */
import fc from "fast-check";
import { ApiError } from "../core/errors";
import { startHuaweiEmulator, type HuaweiEmulator } from "../emulator/huawei";
import type { ElbClient } from "./client";
import { toWireBody, WIRE_NAMES, type WireListener } from "./wire";
import { UPDATABLE_INPUTS } from "./schema";
import { checkInputs, INPUT_NAMES, type ElbListenerInputs, type InputName } from "./schema";
import { clientFor, maybe, parameterOf, rawBody } from "./testing";

const RUNS = Number(process.env.FC_RUNS ?? 150);
const SEED = Number(process.env.FC_SEED ?? 77001);

let emu: HuaweiEmulator;
let client: ElbClient;

beforeAll(async () => {
  emu = await startHuaweiEmulator({ lockMs: 0, pendingCreateReads: 0, listenerQuota: 1_000_000 });
  client = clientFor(emu, 2000);
});
afterAll(() => emu.close());

const text = (chars: string, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...Array.from(chars)), { minLength, maxLength }).map((a) => a.join(""));

let nextPort = 1;

/** mostly picks a valid value twelve times in thirteen, so that every rule is met on both of its sides. */
const mostly = (valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });

/** Ports: fresh ones (so a taken port never refuses what check accepts), sometimes invalid ones. */
const ports = mostly(
  fc.constant(0).map(() => nextPort++),
  fc.constantFrom<unknown>(0, -1, 65536, 70000, 1.5, "80"),
);
const ints = (min: number, max: number): fc.Arbitrary<unknown> =>
  mostly(
    fc.integer({ min, max }),
    fc.oneof(fc.constantFrom<unknown>(min - 1, max + 1, 1.5, "5", true), fc.integer({ min: min - 1000, max: min - 1 })),
  );
const names = mostly(text("aZ09_-", 1, 64), fc.oneof(text("aZ_-", 65, 70), text("a b.<é监", 0, 6), fc.constant(7)));
const descriptions = mostly(
  text("aZ09 _-.,监é", 0, 128),
  fc.oneof(text("ab", 129, 135), text("ab<>", 1, 5), fc.constant(false)),
);
const booleans = mostly(fc.boolean(), fc.constantFrom<unknown>("true", 1));
const ciphers = mostly(fc.constantFrom("Default", "Extended", "Strict"), fc.constantFrom("Weak", "default"));
const tls = mostly(fc.constantFrom("TLS 1.2", "TLS 1.2 TLS 1.1 TLS 1.0"), fc.constantFrom("TLS 1.3", ""));
const certificates = (cert: string): fc.Arbitrary<unknown> =>
  mostly(fc.constantFrom([cert], [cert, cert]), fc.constantFrom<unknown>([], ["not an id!"], cert));

const changeOf = (cert: string) => ({
  name: names,
  description: maybe(descriptions),
  port: ports,
  backendPort: ints(1, 65535),
  lbAlgorithm: mostly(fc.constantFrom("roundrobin", "leastconn", "source"), fc.constantFrom("RoundRobin", "random")),
  tcpTimeout: maybe(ints(1, 1440)),
  tcpDraining: maybe(booleans),
  tcpDrainingTimeout: maybe(ints(0, 60)),
  udpTimeout: maybe(ints(1, 1440)),
  sslProtocols: maybe(tls),
  sslCiphers: maybe(ciphers),
  certificates: maybe(certificates(cert)),
});

/** PAIRS are protocol and backend protocol combinations, mostly ones the document allows. */
const PAIRS = mostly(
  fc.constantFrom(["HTTP", "HTTP"], ["HTTP", "TCP"], ["TCP", "TCP"], ["HTTPS", "HTTP"], ["SSL", "TCP"], ["UDP", "UDP"]),
  fc.constantFrom(["UDP", "TCP"], ["SSL", "HTTP"], ["https", "HTTP"], [443, "TCP"], ["HTTP", "SCTP"]),
) as fc.Arbitrary<[unknown, unknown]>;

const createArgs = (cert: string) =>
  fc
    .record({
      ...changeOf(cert),
      pair: PAIRS,
      sessionSticky: maybe(booleans),
      stickySessionType: maybe(mostly(fc.constant("insert"), fc.constant("server"))),
      cookieTimeout: maybe(ints(1, 1440)),
      certificateId: fc.option(mostly(fc.constant(cert), fc.constantFrom("bad id!", "")), { nil: undefined, freq: 5 }),
    })
    .map(({ pair, ...rest }) => ({ ...rest, protocol: pair[0], backendProtocol: pair[1] }));

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

async function refusal(run: () => Promise<WireListener>): Promise<unknown> {
  try {
    const made = await run();
    emu.state.deleteOutOfBand(made.id);
    return undefined;
  } catch (error) {
    return error;
  }
}

function expectRefusedFor(refused: unknown, failedProperties: readonly string[]): void {
  expect(refused).toBeInstanceOf(ApiError);
  const wire = failedProperties.map((p) => WIRE_NAMES[p as InputName]);
  expect(wire).toContain(parameterOf(refused as ApiError));
}

describe("check and the emulator agree on wide generated values", () => {
  it("when creating (fixed seed)", async () => {
    const counts = { accepted: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(createArgs(emu.seed.certificateId), async (args) => {
        const raw = defined({ ...args, loadbalancerId: emu.seed.loadBalancers.public });
        const checked = checkInputs(raw);
        if (checked.failures.length === 0) {
          counts.accepted += 1;
          const body = toWireBody(checked.inputs as unknown as ElbListenerInputs, INPUT_NAMES);
          expect(await refusal(() => client.createListener(body))).toBeUndefined();
          return;
        }
        counts.rejected += 1;
        expectRefusedFor(
          await refusal(() => client.createListener(rawBody(raw))),
          checked.failures.map((f) => f.property),
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(counts.accepted).toBeGreaterThan(RUNS / 10);
    expect(counts.rejected).toBeGreaterThan(RUNS / 10);
  });

  const BASES: readonly Record<string, unknown>[] = [
    { protocol: "HTTP", backendProtocol: "HTTP" },
    { protocol: "TCP", backendProtocol: "TCP", tcpDraining: true, tcpDrainingTimeout: 5 },
    { protocol: "UDP", backendProtocol: "UDP" },
    { protocol: "HTTPS", backendProtocol: "HTTP", certificateId: "CERT" },
    { protocol: "SSL", backendProtocol: "TCP", certificateId: "CERT" },
  ];

  it("when updating (fixed seed)", async () => {
    const counts = { accepted: 0, rejected: 0 };
    const cert = emu.seed.certificateId;
    const change = fc.record(changeOf(cert), { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...BASES), change, async (base, changed) => {
        const olds = checkInputs({
          name: "base",
          loadbalancerId: emu.seed.loadBalancers.public,
          port: nextPort++,
          backendPort: 80,
          lbAlgorithm: "roundrobin",
          ...base,
          ...(base.certificateId ? { certificateId: cert } : {}),
        }).inputs as unknown as ElbListenerInputs;
        const listener = await client.createListener(toWireBody(olds, INPUT_NAMES));
        try {
          const raw = defined({ ...olds, ...changed });
          const checked = checkInputs(raw);
          const news = checked.inputs as Record<string, unknown>;
          const o = olds as unknown as Record<string, unknown>;
          if (checked.failures.length === 0) {
            counts.accepted += 1;
            const sent = UPDATABLE_INPUTS.filter(
              (n) => news[n] !== undefined && JSON.stringify(news[n]) !== JSON.stringify(o[n]),
            );
            const body = toWireBody(news as unknown as ElbListenerInputs, sent);
            await expect(client.updateListener(listener.id, body)).resolves.toMatchObject({ id: listener.id });
            return;
          }
          counts.rejected += 1;
          const failed = checked.failures.map((f) => f.property);
          // Only what the program changed is sent, as the provider does; a failure of an unchanged input cannot be
          // seen by the service.
          const sentRaw = Object.keys(changed).filter((k) => changed[k as keyof typeof changed] !== undefined);
          if (!failed.some((p) => sentRaw.includes(p))) return;
          let refused: unknown;
          try {
            await client.updateListener(listener.id, rawBody(raw, sentRaw));
          } catch (error) {
            refused = error;
          }
          expectRefusedFor(refused, failed);
        } finally {
          emu.state.deleteOutOfBand(listener.id);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(counts.accepted).toBeGreaterThan(RUNS / 10);
    expect(counts.rejected).toBeGreaterThan(RUNS / 10);
  });
});
