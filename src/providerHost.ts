/**
 * The provider host entry point (`pulumi-lb-listeners/provider-host`): the serialized DelegatingProvider requires this
 * module inside the dynamic-provider process and asks it for the implementation of its kind. Each implementation is a
 * process-wide singleton, so `configure` happens once and the per-load-balancer locks are shared by every resource.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { HttpsListenerProvider } from "./aliyun/provider";
import { ElbListenerProvider } from "./huawei/provider";
import type { ProviderKind } from "./providerShim";

const singletons = new Map<ProviderKind, dynamic.ResourceProvider>();

function build(kind: ProviderKind): dynamic.ResourceProvider {
  switch (kind) {
    case "aliyun:HttpsListener":
      return new HttpsListenerProvider();
    case "huawei:ElbListener":
      return new ElbListenerProvider();
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
