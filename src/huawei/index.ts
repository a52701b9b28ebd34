/**
 * The Huawei Cloud / Open Telekom Cloud half of the package: the ElbListener (classic v1.0) and ElbV3Listener
 * (dedicated v3) resources, their args, their providers, and the
 * configuration table users need. Signing steps, the client, the schema codecs and the classifier stay internal
 * (the emulator reaches them by path).
 */
export { ElbListener } from "./resource";
export type { ElbListenerArgs } from "./resource";
export { ElbListenerProvider, OUTPUT_NAMES as ELB_LISTENER_OUTPUT_NAMES } from "./provider";
export type { ElbListenerOutputs, ElbListenerProviderOptions } from "./provider";
export type { ElbListenerInputs } from "./schema";
export { SETTINGS as HUAWEI_SETTINGS } from "./config";
export { ElbV3Listener } from "./elbV3/resource";
export type { ElbV3ListenerArgs } from "./elbV3/resource";
export { ElbV3ListenerProvider, V3_OUTPUT_NAMES as ELB_V3_LISTENER_OUTPUT_NAMES } from "./elbV3/provider";
export type { ElbV3ListenerOutputs, V3ProviderOptions as ElbV3ListenerProviderOptions } from "./elbV3/provider";
export type { ElbV3ListenerInputs } from "./elbV3/schema";
export { ElbV2Listener } from "./elbV2/resource";
export type { ElbV2ListenerArgs } from "./elbV2/resource";
export { ElbV2ListenerProvider } from "./elbV2/provider";
export type { ElbV2ListenerOutputs, V2ProviderOptions as ElbV2ListenerProviderOptions } from "./elbV2/provider";
export type { ElbV2ListenerInputs } from "./elbV2/schema";
