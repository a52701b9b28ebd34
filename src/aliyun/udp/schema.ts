/**
 * The UdpListener table on the listener core: the shared settings plus UDP's own (the health-check request and
 * answer, a primary/secondary server group, the PROXY protocol, the QUIC scheduler). Ports 250 and 4789 are
 * reserved, and the thresholds are 2-10 on create but 1-10 on Set. Ref: shared/api-docs/aliyun-slb-listener-family.md
 * §0, §1.3, §2, §3.
 */
import * as t from "io-ts";
import { intRange } from "../../core/check";
import { LISTENER_ACTIONS, LISTENER_WIRE_NAMES, RESERVED_UDP_PORTS } from "../constants";
import { LISTENER_PROPS, SCHEDULERS, schedulerOf } from "../listener/codecs";
import { serverGroupFailures } from "../listener/schema";
import type { InputsOf, ListenerOutputs, ListenerTable } from "../listener/table";
import { pick, slbListenerHints } from "../listener/table";

/** isUdpPort tests a UDP listener port: 1 to 65535 but the reserved ones. */
function isUdpPort(u: unknown): u is number {
  const reserved: readonly number[] = RESERVED_UDP_PORTS;
  return typeof u === "number" && Number.isInteger(u) && u >= 1 && u <= 65535 && !reserved.includes(u);
}

/** udpPort is the codec of a UDP listener port. Ref: aliyun-slb-listener-family.md §1.3 [S6][S20]. */
const udpPort = new t.Type<number, number, unknown>(
  `an integer from 1 to 65535 other than ${RESERVED_UDP_PORTS.join(" and ")} (reserved for UDP)`,
  isUdpPort,
  (u, c) => (isUdpPort(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** thresholdOnCreate is a UDP threshold's codec on create: 2 to 10 (Set takes 1 to 10). Ref: family §0, §2 [S1][S2]. */
const thresholdOnCreate = new t.Type<number, number, unknown>(
  "an integer from 2 to 10 on create (1 to 10 once the listener exists)",
  intRange(2, 10).is,
  (u, c) => (intRange(2, 10).is(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** requiredProps are the inputs CreateLoadBalancerUDPListener requires. */
const requiredProps = {
  ...pick(LISTENER_PROPS, ["loadBalancerId"]),
  /**
   * The frontend port: an integer from 1 to 65535 other than 250 and 4789, which UDP reserves. A UDP listener may share
   * its port with a TCP, HTTP or HTTPS listener. Changing it replaces the listener.
   * Ref: CreateLoadBalancerUDPListener, ListenerPort; aliyun-slb-listener-family.md §1.3, §5 [S6][S18][S20].
   */
  listenerPort: udpPort,
  ...pick(LISTENER_PROPS, ["bandwidth"]),
};

/** optionalProps are the other UDP inputs, by the names HttpsListener and slb.Listener use. */
const optionalProps = {
  ...pick(LISTENER_PROPS, [
    "regionId",
    "backendServerPort",
    "vServerGroupId",
    "masterSlaveServerGroupId",
    "aclId",
    "aclStatus",
    "aclType",
    "aclIds",
    "description",
    "healthCheck",
    "healthCheckConnectPort",
    "healthCheckTimeout",
    "healthCheckInterval",
  ]),
  /**
   * Consecutive successful health checks before a backend server counts as healthy: an integer from 2 to 10 on create,
   * 1 to 10 once the listener exists (SetLoadBalancerUDPListenerAttribute's range).
   * @default 3 (the documented Describe example [S13])
   * Ref: CreateLoadBalancerUDPListener / SetLoadBalancerUDPListenerAttribute, HealthyThreshold [S1][S2].
   */
  healthyThreshold: thresholdOnCreate,
  /**
   * Consecutive failed health checks before a backend server counts as unhealthy: an integer from 2 to 10 on create,
   * 1 to 10 once the listener exists.
   * @default 3 (the documented Describe example [S13])
   * Ref: CreateLoadBalancerUDPListener / SetLoadBalancerUDPListenerAttribute, UnhealthyThreshold [S1][S2].
   */
  unhealthyThreshold: thresholdOnCreate,
  ...pick(LISTENER_PROPS, ["healthCheckReq", "healthCheckExp", "proxyProtocolV2Enabled", "tags", "adoptExisting"]),
  /**
   * The scheduling algorithm: `"wrr"`, `"rr"`, `"sch"` (source IP hash), `"tch"` (four-tuple hash) or `"qch"` (QUIC
   * connection ID hash); `sch`, `tch` and `qch` on high-performance instances only.
   * @default "wrr"
   * Ref: CreateLoadBalancerUDPListener, Scheduler; aliyun-slb-listener-family.md §1.3 [S1].
   */
  scheduler: schedulerOf(SCHEDULERS.udp),
};

/** UdpListenerInputs are the typed inputs of a UdpListener; its args derive from them. */
export type UdpListenerInputs = InputsOf<typeof requiredProps, typeof optionalProps>;

/** UdpListenerOutputs are a UdpListener's state: every input (regionId resolved) plus its status. */
export type UdpListenerOutputs = ListenerOutputs<UdpListenerInputs>;

/** UDP_LISTENER is the UDP table. Ref: aliyun-slb-listener-family.md §0-3 [S1][S2][S3][S13]. */
export const UDP_LISTENER: ListenerTable<typeof requiredProps, typeof optionalProps> = {
  resource: "UdpListener",
  protocol: "udp",
  actions: LISTENER_ACTIONS.udp,
  required: requiredProps,
  optional: optionalProps,
  setCodecs: { healthyThreshold: intRange(1, 10), unhealthyThreshold: intRange(1, 10) },
  // What a listener reports for a setting no program gave, so the state after create is what a refresh reads:
  // documented defaults (HealthCheckSwitch on, HealthCheckConnectTimeout 5, ProxyProtocolV2Enabled false [S1]) and the
  // documented Describe example's values (interval 2, thresholds 3 [S13]; Terraform's defaults too [S22]). The API
  // raises a timeout smaller than the interval to it, so check must know the interval.
  // Ref: aliyun-slb-listener-family.md §1.3, §3, §8.1.
  defaults: {
    aclStatus: "off",
    scheduler: "wrr",
    healthCheck: "on",
    healthCheckTimeout: 5,
    healthCheckInterval: 2,
    healthyThreshold: 3,
    unhealthyThreshold: 3,
    proxyProtocolV2Enabled: false,
  },
  wire: LISTENER_WIRE_NAMES.udp,
  // SetLoadBalancerUDPListenerAttribute has no ListenerPort, BackendServerPort or Tag [S2].
  replace: ["loadBalancerId", "listenerPort", "regionId", "backendServerPort", "tags"],
  ignoredAfterCreate: [],
  laterDefaults: [],
  clearable: ["vServerGroupId", "masterSlaveServerGroupId"],
  companions: [
    ["aclStatus", "aclId", "aclIds", "aclType"],
    ["healthCheckInterval", "healthCheckTimeout"],
    ["vServerGroupId", "masterSlaveServerGroupId"],
  ],
  crossField: (_value, present) => serverGroupFailures(present),
  slbListener: slbListenerHints("udp"),
};

/** INPUT_NAMES are every UdpListener input, for the resource's output slots. */
export const INPUT_NAMES: readonly string[] = Object.keys({ ...requiredProps, ...optionalProps });
