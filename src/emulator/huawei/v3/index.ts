/**
 * The dedicated ELB v3 half of the Huawei emulator: state, rules, errors and handlers, served by the same router and
 * gateway as the classic v1.0 API.
 */
export { V3State, seedDedicated, v3EmulatorId, renderV3Listener, renderDedicatedLoadBalancer } from "./state";
export type { DedicatedSeed, FakeDedicatedLb, FakeV3Listener, FakeV3Certificate, V3StateOptions } from "./state";
export { V3_HANDLERS, matchV3Route, isV3Route } from "./handlers";
export { V3Error, V3_ERRORS, renderV3Error, renderV3Fault } from "./errors";
