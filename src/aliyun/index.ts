/**
 * The Alibaba Cloud half of the package: the HttpsListener, HttpListener, TcpListener, UdpListener, DomainExtension
 * and ForwardingRule resources, their args, their providers, and the helpers users need to handle their errors. Schema codecs, the client and the classifier stay
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

// HttpListener, TcpListener and UdpListener: tables on the listener core (./listener/), each in its own folder.
export { HttpListener } from "./http/resource";
export type { HttpListenerArgs } from "./http/resource";
export { HttpListenerProvider } from "./http/provider";
export type { HttpListenerInputs, HttpListenerOutputs } from "./http/schema";
export { TcpListener } from "./tcp/resource";
export type { TcpListenerArgs } from "./tcp/resource";
export { TcpListenerProvider } from "./tcp/provider";
export type { TcpListenerInputs, TcpListenerOutputs } from "./tcp/schema";
export { UdpListener } from "./udp/resource";
export type { UdpListenerArgs } from "./udp/resource";
export { UdpListenerProvider } from "./udp/provider";
export type { UdpListenerInputs, UdpListenerOutputs } from "./udp/schema";

// ForwardingRule (domain- and URL-based forwarding rules of HTTP and HTTPS listeners, batched): in ./forwardingRule/.
export { ForwardingRule } from "./forwardingRule/resource";
export type { ForwardingRuleArgs } from "./forwardingRule/resource";
export { ForwardingRuleProvider } from "./forwardingRule/provider";
export type { ForwardingRuleOutputs, ForwardingRuleProviderOptions, RuleBatchOptions } from "./forwardingRule/provider";
export type { ForwardingRuleInputs } from "./forwardingRule/schema";
export { REPLACE_INPUTS as FORWARDING_RULE_REPLACE_INPUTS } from "./forwardingRule/schema";
