/**
 * The Alibaba Cloud half of the package: the HttpsListener resource, its args, its provider, and the helpers users
 * need to handle its errors. Schema codecs, the client and the classifier stay internal.
 */
export { HttpsListener } from "./resource";
export type { HttpsListenerArgs } from "./resource";
export { HttpsListenerProvider } from "./provider";
export { REPLACE_INPUTS } from "./schema";
export { listenerId, parseListenerId } from "./wire";
export type { HttpsListenerOutputs, HttpsListenerProviderOptions } from "./provider";
export type { HttpsListenerInputs } from "./schema";
export { CONFIG_KEYS as ALIYUN_CONFIG_KEYS, ENV_VARS as ALIYUN_ENV_VARS } from "./config";
