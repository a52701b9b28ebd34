/**
 * pulumi-lb-listeners: Pulumi dynamic resources for Alibaba Cloud SLB HTTPS, HTTP, TCP and UDP listeners and Huawei Cloud / Open Telekom
 * Cloud classic ELB v1.0 listeners. Every public export is named here; internals (signing steps, emulator state) are
 * reached through their own entry points (`pulumi-lb-listeners/emulator`) or not at all.
 */
export type { CheckFailure } from "./core/check";
export { UNKNOWN_SENTINEL } from "./core/check";
export type { Cloud, ErrorBehaviour, ApiErrorFacts } from "./core/errors";
export { ListenerError, ApiError, ConfigError, isApiError, isConfigError } from "./core/errors";
export { RetryBudgetExceededError, DEFAULT_RETRY_BUDGET_MS } from "./core/retry";
export type { Logger } from "./core/log";
export { setLogger } from "./core/log";
export type { ProviderKind } from "./providerShim";

// Alibaba Cloud SLB: HttpsListener.
export { HttpsListener, HttpsListenerProvider, listenerId, parseListenerId, REPLACE_INPUTS } from "./aliyun";
export { ALIYUN_CONFIG_KEYS, ALIYUN_ENV_VARS } from "./aliyun";
export type {
  HttpsListenerArgs,
  HttpsListenerInputs,
  HttpsListenerOutputs,
  HttpsListenerProviderOptions,
} from "./aliyun";

// Alibaba Cloud SLB: HttpListener, TcpListener and UdpListener (one listener core with HttpsListener).
export { HttpListener, HttpListenerProvider, TcpListener, TcpListenerProvider } from "./aliyun";
export { UdpListener, UdpListenerProvider } from "./aliyun";
export type { HttpListenerArgs, HttpListenerInputs, HttpListenerOutputs } from "./aliyun";
export type { TcpListenerArgs, TcpListenerInputs, TcpListenerOutputs } from "./aliyun";
export type { UdpListenerArgs, UdpListenerInputs, UdpListenerOutputs } from "./aliyun";

// Alibaba Cloud SLB: DomainExtension (additional certificates by domain on an HTTPS listener).
export { DomainExtension, DomainExtensionProvider, DOMAIN_EXTENSION_REPLACE_INPUTS } from "./aliyun";
export type {
  DomainExtensionArgs,
  DomainExtensionInputs,
  DomainExtensionOutputs,
  DomainExtensionProviderOptions,
} from "./aliyun";

// Alibaba Cloud SLB: ForwardingRule (domain- and URL-based rules of HTTP and HTTPS listeners, batched per listener).
export { ForwardingRule, ForwardingRuleProvider, FORWARDING_RULE_REPLACE_INPUTS } from "./aliyun";
export type {
  ForwardingRuleArgs,
  ForwardingRuleInputs,
  ForwardingRuleOutputs,
  ForwardingRuleProviderOptions,
  RuleBatchOptions,
} from "./aliyun";

// Huawei Cloud / Open Telekom Cloud classic ELB v1.0: ElbListener.
export { ElbListener, ElbListenerProvider, ELB_LISTENER_OUTPUT_NAMES, HUAWEI_SETTINGS } from "./huawei";
export type { ElbListenerArgs, ElbListenerInputs, ElbListenerOutputs, ElbListenerProviderOptions } from "./huawei";

// Huawei Cloud / Open Telekom Cloud dedicated ELB v3: ElbV3Listener.
export { ElbV3Listener, ElbV3ListenerProvider, ELB_V3_LISTENER_OUTPUT_NAMES } from "./huawei";
export type {
  ElbV3ListenerArgs,
  ElbV3ListenerInputs,
  ElbV3ListenerOutputs,
  ElbV3ListenerProviderOptions,
} from "./huawei";

// Huawei Cloud / Open Telekom Cloud shared ELB (v2 API): ElbV2Listener.
export { ElbV2Listener, ElbV2ListenerProvider } from "./huawei";
export type {
  ElbV2ListenerArgs,
  ElbV2ListenerInputs,
  ElbV2ListenerOutputs,
  ElbV2ListenerProviderOptions,
} from "./huawei";
