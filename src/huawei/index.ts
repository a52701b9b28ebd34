/**
 * The Huawei Cloud / Open Telekom Cloud half of the package: the ElbListener resource, its args, its provider, and the
 * configuration table users need. Signing steps, the client, the schema codecs and the classifier stay internal
 * (the emulator reaches them by path).
 */
export { ElbListener } from "./resource";
export type { ElbListenerArgs } from "./resource";
export { ElbListenerProvider, OUTPUT_NAMES as ELB_LISTENER_OUTPUT_NAMES } from "./provider";
export type { ElbListenerOutputs, ElbListenerProviderOptions } from "./provider";
export type { ElbListenerInputs } from "./schema";
export { SETTINGS as HUAWEI_SETTINGS } from "./config";
