/**
 * The provider host entry point (`pulumi-lb-listeners/provider-host`): the serialized DelegatingProvider requires this
 * module inside the dynamic-provider process and asks it for the implementation of its kind. Each implementation is a
 * process-wide singleton, so `configure` happens once and the per-load-balancer locks are shared by every resource.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { PlannedProvider } from "./core/planned";
import type { ProviderKind } from "./providerShim";

const singletons = new Map<ProviderKind, dynamic.ResourceProvider>();

/*
 * Each half is imported on first use: the host's first check loads only the plan half of the kind it names (schema
 * and config: `npm run bench`, figure 5), a preview never loads a client, and a stack of one cloud never loads the
 * other's code. The package bundles each half on its own (scripts/bundleHost.mjs: the plan with a V8 code cache); the
 * state meant to be process-wide (the per-load-balancer locks and the pacer) lives on globalThis, so every bundle's
 * copy of core/pipeline shares it.
 */
function build(kind: ProviderKind): dynamic.ResourceProvider {
  switch (kind) {
    case "aliyun:HttpsListener":
      return new PlannedProvider(
        async () => new (await import("./aliyun/plan")).HttpsListenerPlan(),
        async () => new (await import("./aliyun/provider")).HttpsListenerProvider(),
      );
    case "huawei:ElbListener":
      return new PlannedProvider(
        async () => new (await import("./huawei/plan")).ElbListenerPlan(),
        async () => new (await import("./huawei/provider")).ElbListenerProvider(),
      );
    case "huawei:ElbV3Listener":
      return new PlannedProvider(
        async () => new (await import("./huawei/elbV3/plan")).ElbV3ListenerPlan(),
        async () => new (await import("./huawei/elbV3/provider")).ElbV3ListenerProvider(),
      );
    case "aliyun:DomainExtension":
      return new PlannedProvider(
        async () => new (await import("./aliyun/domainExtension/plan")).DomainExtensionPlan(),
        async () => new (await import("./aliyun/domainExtension/provider")).DomainExtensionProvider(),
      );
    default: {
      const unknown: never = kind;
      throw new Error(`unknown provider kind ${String(unknown)}`);
    }
  }
}

/** providerFor returns the process-wide implementation of a resource kind, creating it on first use. */
export function providerFor(kind: ProviderKind): dynamic.ResourceProvider {
  let provider = singletons.get(kind);
  if (!provider) {
    provider = build(kind);
    singletons.set(kind, provider);
  }
  return provider;
}
