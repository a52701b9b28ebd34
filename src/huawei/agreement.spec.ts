/**
 * check and the emulator agree (property-based, fixed seed; FC_RUNS raises the count): whatever check accepts,
 * the emulator accepts as the client sends it; whatever check rejects, the emulator rejects the raw request for one of
 * the same parameters.
 */
import fc from "fast-check";
import { ApiError } from "../core/errors";
import { startHuaweiEmulator, type HuaweiEmulator } from "../emulator/huawei";
import type { ElbClient } from "./client";
import { toWireBody, WIRE_NAMES } from "./wire";
import { checkInputs, INPUT_NAMES, type ElbListenerInputs, type InputName } from "./schema";
import { clientFor, maybe, parameterOf, rawBody } from "./testing";

let emu: HuaweiEmulator;
let client: ElbClient;

beforeAll(async () => {
  emu = await startHuaweiEmulator({ lockMs: 0, pendingCreateReads: 0, listenerQuota: 100_000 });
  client = clientFor(emu, 2000);
});
afterAll(() => emu.close());

/** mostly picks a valid value nine times in ten, so both sides of every rule get exercised. */
const mostly = <T>(valid: readonly T[], invalid: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 9 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });

const argsArb = fc.record({
  name: mostly(["web_1", "a-B"], ["has space", "", "x".repeat(65)]),
  description: maybe(mostly(["", "fine"], ["a<b", "d".repeat(129)])),
  protocol: mostly(["HTTP", "TCP", "HTTPS", "SSL", "UDP"], ["FTP"]),
  backendProtocol: mostly(["HTTP", "TCP", "UDP"], ["SCTP"]),
  backendPort: mostly([80, 65535], [0]),
  lbAlgorithm: mostly(["roundrobin", "leastconn", "source"], ["random"]),
  sessionSticky: maybe(fc.boolean()),
  stickySessionType: maybe(mostly(["insert"], ["server"])),
  cookieTimeout: maybe(mostly([1, 1440], [0, 2000])),
  tcpTimeout: maybe(mostly([1, 5], [0, 1441])),
  tcpDraining: maybe(fc.boolean()),
  tcpDrainingTimeout: maybe(mostly([0, 60], [61])),
  certificateId: fc.option(fc.constant("CERT"), { nil: undefined, freq: 5 }),
  udpTimeout: maybe(mostly([1, 1440], [0])),
  sslProtocols: maybe(mostly(["TLS 1.2", "TLS 1.2 TLS 1.1 TLS 1.0"], ["TLSv1.3"])),
  sslCiphers: maybe(mostly(["Default", "Extended", "Strict"], ["Weak"])),
});

let nextPort = 1;

describe("check and the emulator agree", () => {
  it("on generated listeners (fixed seed)", async () => {
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(argsArb, async (args) => {
        const raw: Record<string, unknown> = {
          ...args,
          loadbalancerId: emu.seed.loadBalancers.public,
          port: nextPort++,
          certificateId: args.certificateId === undefined ? undefined : emu.seed.certificateId,
        };
        for (const k of Object.keys(raw)) if (raw[k] === undefined) delete raw[k];
        const checked = checkInputs(raw);
        if (checked.failures.length === 0) {
          accepted += 1;
          const body = toWireBody(checked.inputs as unknown as ElbListenerInputs, INPUT_NAMES);
          const created = await client.createListener(body);
          expect(created.status).toBe("ACTIVE");
          emu.state.deleteOutOfBand(created.id);
          return;
        }
        rejected += 1;
        let refused: unknown;
        try {
          const created = await client.createListener(rawBody(raw));
          emu.state.deleteOutOfBand(created.id);
        } catch (error) {
          refused = error;
        }
        expect(refused).toBeInstanceOf(ApiError);
        const failed = checked.failures.map((f) => WIRE_NAMES[f.property as InputName]);
        expect(failed).toContain(parameterOf(refused as ApiError));
      }),
      { seed: 4242, numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
    expect(accepted).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(10);
  });
});
