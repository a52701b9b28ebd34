/**
 * The TcpListener table on the listener core: the shared settings (ports, bandwidth, server groups, ACLs,
 * description, tags, health-check port and thresholds) plus TCP's own (health-check type, persistence, established
 * timeout, connection draining, a primary/secondary server group, the PROXY protocol). Its health-check switch and
 * timeout go on the wire as `HealthCheckSwitch` and `HealthCheckConnectTimeout`, its interval as `healthCheckInterval`
 * on create. Ref: shared/api-docs/aliyun-slb-listener-family.md §0, §1.2, §2, §3.
 */
import { failure } from "../../core/check";
import { LISTENER_ACTIONS, LISTENER_WIRE_NAMES } from "../constants";
import { LISTENER_PROPS, SCHEDULERS, schedulerOf } from "../listener/codecs";
import { serverGroupFailures } from "../listener/schema";
import type { InputsOf, ListenerOutputs, ListenerTable } from "../listener/table";
import { pick, slbListenerHints } from "../listener/table";

/** requiredProps are the inputs CreateLoadBalancerTCPListener requires. */
const requiredProps = pick(LISTENER_PROPS, ["loadBalancerId", "listenerPort", "bandwidth"]);

/** optionalProps are the other TCP inputs, by the names HttpsListener and slb.Listener use. */
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
    "healthCheckType",
    "healthCheckUri",
    "healthCheckDomain",
    "healthCheckHttpCode",
    "healthCheckConnectPort",
    "healthCheckTimeout",
    "healthCheckInterval",
    "healthyThreshold",
    "unhealthyThreshold",
    "persistenceTimeout",
    "establishedTimeout",
    "connectionDrain",
    "connectionDrainTimeout",
    "proxyProtocolV2Enabled",
    "tags",
    "adoptExisting",
  ]),
  /**
   * The scheduling algorithm: `"wrr"` (weighted round robin), `"rr"` (round robin), `"sch"` (source IP hash) or
   * `"tch"` (four-tuple hash); `sch` and `tch` on high-performance instances only.
   * @default "wrr"
   * Ref: CreateLoadBalancerTCPListener, Scheduler; aliyun-slb-listener-family.md §0 [S1][S12].
   */
  scheduler: schedulerOf(SCHEDULERS.tcp),
};

/** TcpListenerInputs are the typed inputs of a TcpListener; its args derive from them. */
export type TcpListenerInputs = InputsOf<typeof requiredProps, typeof optionalProps>;

/** TcpListenerOutputs are a TcpListener's state: every input (regionId resolved) plus its status. */
export type TcpListenerOutputs = ListenerOutputs<TcpListenerInputs>;

/** TCP_LISTENER is the TCP table. Ref: aliyun-slb-listener-family.md §0-3, §8 [S1][S2][S3][S12][S22]. */
export const TCP_LISTENER: ListenerTable<typeof requiredProps, typeof optionalProps> = {
  resource: "TcpListener",
  protocol: "tcp",
  actions: LISTENER_ACTIONS.tcp,
  required: requiredProps,
  optional: optionalProps,
  // What a listener reports for a setting no program gave, so the state after create is what a refresh reads:
  // documented defaults (HealthCheckSwitch on, HealthCheckType tcp, HealthCheckConnectTimeout 5, http_2xx,
  // PersistenceTimeout 0, ProxyProtocolV2Enabled false [S1]) and the documented Describe example's values
  // (interval 2, thresholds 3, EstablishedTimeout 900 [S12]; Terraform's defaults too [S22]). The API raises a timeout
  // smaller than the interval to it, so check must know the interval. Ref: aliyun-slb-listener-family.md §1.2, §3, §8.1.
  defaults: {
    aclStatus: "off",
    scheduler: "wrr",
    healthCheck: "on",
    healthCheckType: "tcp",
    healthCheckHttpCode: "http_2xx",
    healthCheckTimeout: 5,
    healthCheckInterval: 2,
    healthyThreshold: 3,
    unhealthyThreshold: 3,
    establishedTimeout: 900,
    // Assumed: draining is off until switched on (the documents give no default; Describe reports it with its
    // timeout only when on [S3][S8], the emulator reports "off").
    connectionDrain: "off",
    persistenceTimeout: 0,
    proxyProtocolV2Enabled: false,
  },
  wire: LISTENER_WIRE_NAMES.tcp,
  // SetLoadBalancerTCPListenerAttribute has no ListenerPort, BackendServerPort or Tag [S2].
  replace: ["loadBalancerId", "listenerPort", "regionId", "backendServerPort", "tags"],
  ignoredAfterCreate: [],
  laterDefaults: [],
  clearable: ["vServerGroupId", "masterSlaveServerGroupId"],
  companions: [
    ["aclStatus", "aclId", "aclIds", "aclType"],
    ["healthCheckInterval", "healthCheckTimeout"],
    ["connectionDrain", "connectionDrainTimeout"],
    ["vServerGroupId", "masterSlaveServerGroupId"],
  ],
  crossField: (value, present) => [
    ...serverGroupFailures(present),
    ...(value.connectionDrain === "on" && !present("connectionDrainTimeout")
      ? [failure("connectionDrainTimeout", "is required when connectionDrain is on")]
      : []),
  ],
  slbListener: slbListenerHints("tcp"),
};

/** INPUT_NAMES are every TcpListener input, for the resource's output slots. */
export const INPUT_NAMES: readonly string[] = Object.keys({ ...requiredProps, ...optionalProps });
