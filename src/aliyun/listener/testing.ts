/**
 * Spec support for the listener kinds against the SLB emulator (not part of the build: see tsconfig.build.json): each
 * protocol's table, provider and a valid base listener, so a spec is one `describe.each` over the protocols.
 */
import type { AliyunEmulator } from "../../emulator/aliyun";
import type { ListenerProtocol } from "../constants";
import { HttpListenerProvider } from "../http/provider";
import { HTTP_LISTENER } from "../http/schema";
import { HttpsListenerProvider } from "../provider";
import { HTTPS_LISTENER } from "../schema";
import type { SlbProviderOptions } from "../session";
import { TcpListenerProvider } from "../tcp/provider";
import { TCP_LISTENER } from "../tcp/schema";
import { emulatorEnv } from "../testing";
import { UdpListenerProvider } from "../udp/provider";
import { UDP_LISTENER } from "../udp/schema";
import type { ListenerProvider } from "./provider";
import { checkListener } from "./schema";
import type { ListenerTable } from "./table";

/** AnyListenerProvider is a provider of any protocol, its inputs seen as a bag. */
export type AnyListenerProvider = ListenerProvider<ListenerTable["required"], ListenerTable["optional"]>;

/** Kind is what a spec needs of one protocol. */
export interface Kind {
  readonly protocol: ListenerProtocol;
  readonly table: ListenerTable;
  readonly make: (options: SlbProviderOptions) => AnyListenerProvider;
}

/** KINDS are the four listener kinds. */
export const KINDS: Readonly<Record<ListenerProtocol, Kind>> = {
  https: { protocol: "https", table: HTTPS_LISTENER, make: (o) => new HttpsListenerProvider(o) },
  http: { protocol: "http", table: HTTP_LISTENER, make: (o) => new HttpListenerProvider(o) },
  tcp: { protocol: "tcp", table: TCP_LISTENER, make: (o) => new TcpListenerProvider(o) },
  udp: { protocol: "udp", table: UDP_LISTENER, make: (o) => new UdpListenerProvider(o) },
};

/** NEW_PROTOCOLS are the protocols added beside HTTPS. */
export const NEW_PROTOCOLS: readonly ListenerProtocol[] = ["http", "tcp", "udp"];

/** baseListener is a valid listener of a protocol on a load balancer and port of the emulator. */
export function baseListener(
  emulator: AliyunEmulator,
  protocol: ListenerProtocol,
  loadBalancerId: string,
  listenerPort: number,
): Record<string, unknown> {
  const common = { loadBalancerId, listenerPort, backendServerPort: 80 };
  switch (protocol) {
    case "https":
      return {
        ...common,
        bandwidth: -1,
        healthCheck: "on",
        serverCertificateId: emulator.seed.serverCertificateId,
        stickySession: "off",
      };
    case "http":
      return { ...common, healthCheck: "on" };
    default:
      return { ...common, bandwidth: -1 };
  }
}

/** provider makes a protocol's provider pointed at the emulator, with short backoff and the given retry budget. */
export function providerOf(
  emulator: AliyunEmulator,
  protocol: ListenerProtocol,
  budgetSeconds = "5",
  requestTimeoutMs = 2000,
): AnyListenerProvider {
  return KINDS[protocol].make({
    env: { ...emulatorEnv(emulator), ALICLOUD_RETRY_BUDGET_SECONDS: budgetSeconds },
    requestTimeoutMs,
    retry: { baseDelayMs: 10, maxDelayMs: 40 },
  });
}

/** checkedOf checks inputs that must pass and returns them (as the engine passes them to create). */
export function checkedOf(
  protocol: ListenerProtocol,
  raw: Record<string, unknown>,
  region: string,
): Record<string, unknown> {
  const r = checkListener(KINDS[protocol].table, raw, region);
  expect(r.failures).toEqual([]);
  return { ...r.inputs };
}
