/**
 * The Alibaba Cloud half of the package: the HttpsListener and DomainExtension resources, their args, their
 * providers, and the helpers users need to handle their errors. Schema codecs, the client and the classifier stay
 * internal.
 */
export { HttpsListener } from "./resource";
export type { HttpsListenerArgs } from "./resource";
export { HttpsListenerProvider } from "./provider";
export { REPLACE_INPUTS } from "./schema";
export { listenerId, parseListenerId } from "./wire";
export type { HttpsListenerOutputs, HttpsListenerProviderOptions } from "./provider";
export type { HttpsListenerInputs } from "./schema";
export { CONFIG_KEYS as ALIYUN_CONFIG_KEYS, ENV_VARS as ALIYUN_ENV_VARS } from "./config";

// DomainExtension (additional certificates by domain, SNI): its own roles live in ./domainExtension/.
export { DomainExtension } from "./domainExtension/resource";
export type { DomainExtensionArgs } from "./domainExtension/resource";
export { DomainExtensionProvider } from "./domainExtension/provider";
export type { DomainExtensionOutputs, DomainExtensionProviderOptions } from "./domainExtension/provider";
export type { DomainExtensionInputs } from "./domainExtension/schema";
export { REPLACE_INPUTS as DOMAIN_EXTENSION_REPLACE_INPUTS } from "./domainExtension/schema";
