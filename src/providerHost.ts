/**
 * The provider host entry point (`pulumi-lb-listeners/provider-host`): the serialized DelegatingProvider requires this
 * module inside the dynamic-provider process and asks it for the implementation of its kind. Each implementation is a
 * process-wide singleton, so `configure` happens once and the per-load-balancer locks are shared by every resource.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type * as aliyun from "./aliyun/provider";
import type * as aliyunDomainExtension from "./aliyun/domainExtension/provider";
import type * as huawei from "./huawei/provider";
import type * as huaweiV3 from "./huawei/elbV3/provider";
import type { ProviderKind } from "./providerShim";

const singletons = new Map<ProviderKind, dynamic.ResourceProvider>();

/*
 * Each implementation is required on first use, not imported: the host's first request pays for loading only the
 * cloud it names (`npm run bench`, figure 5: host load time), and a stack of one cloud never loads the other's code.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
function build(kind: ProviderKind): dynamic.ResourceProvider {
  switch (kind) {
    case "aliyun:HttpsListener": {
      const { HttpsListenerProvider } = require("./aliyun/provider") as typeof aliyun;
      return new HttpsListenerProvider();
    }
    case "huawei:ElbListener": {
      const { ElbListenerProvider } = require("./huawei/provider") as typeof huawei;
      return new ElbListenerProvider();
    }
    case "huawei:ElbV3Listener": {
      const { ElbV3ListenerProvider } = require("./huawei/elbV3/provider") as typeof huaweiV3;
      return new ElbV3ListenerProvider();
    }
    case "aliyun:DomainExtension": {
      const { DomainExtensionProvider } = require("./aliyun/domainExtension/provider") as typeof aliyunDomainExtension;
      return new DomainExtensionProvider();
    }
    default: {
      const unknown: never = kind;
      throw new Error(`unknown provider kind ${String(unknown)}`);
    }
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** providerFor returns the process-wide implementation of a resource kind, creating it on first use. */
export function providerFor(kind: ProviderKind): dynamic.ResourceProvider {
  let provider = singletons.get(kind);
  if (!provider) {
    provider = build(kind);
    singletons.set(kind, provider);
  }
  return provider;
}
