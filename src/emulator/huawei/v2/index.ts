/**
 * The shared ELB (v2) half of the Huawei emulator: state, rules, errors and handlers of both clouds' v2 listener
 * routes (Open Telekom Cloud `/v2.0/lbaas`, Huawei Cloud `/v2/{project_id}/elb`) and the listener tag API, served by
 * the same router and gateway as the classic v1.0 and dedicated v3 APIs.
 */
export { V2State, seedShared, v2EmulatorId } from "./state";
export type { SharedSeed } from "./state";
export { V2_HANDLERS, matchV2Route, isV2Route, renderV2RouteFault, sharedV3Handler } from "./handlers";
