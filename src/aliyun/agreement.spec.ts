/**
 * check and the emulator agree: whatever check accepts the emulator accepts, and whatever check rejects for a
 * documented rule the emulator rejects for the same parameter. Values are generated per parameter type (integers for
 * Integer parameters, strings for String ones), since the wire cannot tell a number from its text.
 */
import fc from "fast-check";
import { ApiError } from "../core/errors";
import type { AliyunEmulator } from "../emulator/aliyun";
import { startAliyunEmulator } from "../emulator/aliyun";
import type { SlbClient } from "./client";
import { WIRE_NAMES } from "./constants";
import { wireParams } from "./wire";
import { checkInputs } from "./schema";
import { clientFor } from "./testing";

let emulator: AliyunEmulator;
let client: SlbClient;

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0 });
  client = clientFor(emulator);
});
afterAll(async () => {
  await emulator.close();
});

const text = (chars: string, maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...Array.from(chars)), { maxLength }).map((a) => a.join(""));
const ints = fc.oneof(fc.integer({ min: -3, max: 70000 }), fc.integer({ min: -100, max: 400 }), fc.constant(86401));
const onOff = fc.constantFrom("on", "off", "ON", "", "yes");
const ids = fc.oneof(fc.constant(""), text("abc-123", 12));

const GENERATORS: Record<string, fc.Arbitrary<string | number>> = {
  listenerPort: ints,
  bandwidth: ints,
  healthCheck: onOff,
  stickySession: onOff,
  aclId: ids,
  aclStatus: onOff,
  aclType: fc.constantFrom("white", "black", "grey", ""),
  backendServerPort: ints,
  cookie: fc.oneof(text("aZ09,; $", 8), text("abcXYZ019", 210)),
  cookieTimeout: ints,
  description: fc.oneof(text("aZ09-/._ 监听器!", 10), text("ab监", 90)),
  enableHttp2: onOff,
  gzip: onOff,
  healthCheckConnectPort: ints,
  healthCheckDomain: fc.oneof(fc.constantFrom("$_ip", "$_IP", ""), text("ab.-_1", 90)),
  healthCheckHttpCode: fc
    .array(fc.constantFrom("http_2xx", "http_3xx", "http_4xx", "http_5xx", "http_6xx", ""), {
      minLength: 1,
      maxLength: 4,
    })
    .map((a) => a.join(",")),
  healthCheckInterval: ints,
  healthCheckTimeout: ints,
  healthCheckUri: ids,
  healthyThreshold: ints,
  idleTimeout: ints,
  requestTimeout: ints,
  scheduler: fc.constantFrom("wrr", "wlc", "rr", "lc"),
  stickySessionType: fc.constantFrom("insert", "server", "rewrite"),
  tlsCipherPolicy: fc.constantFrom(
    "tls_cipher_policy_1_0",
    "tls_cipher_policy_1_2_strict",
    "tls_cipher_policy_1_2_strict_with_1_3",
    "tls_1_3",
  ),
  healthCheckMethod: fc.constantFrom("head", "get", "GET", "post", ""),
  xForwardedForSlbPort: onOff,
  xForwardedForClientSrcPort: onOff,
  unhealthyThreshold: ints,
  vServerGroupId: ids,
  xForwardedFor: onOff,
  xForwardedForSlbId: onOff,
  xForwardedForSlbIp: onOff,
  xForwardedForProto: onOff,
};

const changes = fc
  .dictionary(fc.constantFrom(...Object.keys(GENERATORS)), fc.constant(0), { maxKeys: 4 })
  .chain((d) => fc.record(Object.fromEntries(Object.keys(d).map((key) => [key, GENERATORS[key]]))));

const WIRE_TO_INPUT = new Map<string, string>(Object.entries(WIRE_NAMES).map(([input, wire]) => [wire, input]));
let nextPort = 20000;

describe("check and the emulator agree", () => {
  it("on generated listeners (fixed seed)", async () => {
    await fc.assert(
      fc.asyncProperty(changes, async (change) => {
        const port = nextPort++;
        const raw = {
          loadBalancerId: emulator.seed.loadBalancers.public,
          listenerPort: port,
          bandwidth: -1,
          healthCheck: "on",
          serverCertificateId: emulator.seed.serverCertificateId,
          stickySession: "off",
          backendServerPort: 80,
          ...change,
        };
        const checked = checkInputs(raw, emulator.seed.regionId);
        const params: Record<string, string | number | undefined> = {
          ...wireParams(checked.failures.length > 0 ? raw : checked.inputs),
          RegionId: "cn-hangzhou",
        };
        const answer = await client.call("CreateLoadBalancerHTTPSListener", params).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (checked.failures.length === 0) {
          expect(answer).toBeUndefined();
          emulator.state.deleteListener("cn-hangzhou", emulator.seed.loadBalancers.public, Number(params.ListenerPort));
          return;
        }
        expect(answer).toBeInstanceOf(ApiError);
        const error = answer as ApiError;
        expect(["InvalidParameter", "MissingParameter"]).toContain(error.code);
        const wire = /"([^"]+)"/.exec(error.apiMessage)?.[1] ?? "";
        expect(checked.failures.map((f) => f.property)).toContain(WIRE_TO_INPUT.get(wire));
      }),
      { seed: 424242, numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
