/**
 * The provider host entry point (`pulumi-lb-listeners/provider-host`): the serialized DelegatingProvider requires this
 * module inside the dynamic-provider process and asks it for the implementation of its kind. Each implementation is a
 * process-wide singleton, so `configure` happens once and the per-load-balancer locks are shared by every resource.
 *
 * This module is the package's file, not a bundle's: `npm run build` (scripts/bundleHost.mjs) builds each kind's
 * `src/<dir>/host.ts` with its plan as `dist/host/<bundle>.plan.js`, with a V8 code cache, and its full provider as
 * `dist/host/<bundle>.js`. The host's first check of a kind loads that kind's plan bundle and nothing else of ours
 * (`npm run bench`, figure 5): a preview never loads a client, and a stack of one cloud never loads the other's code.
 * The state meant to be process-wide (the per-load-balancer locks and the pacer) lives on globalThis, so every
 * bundle's copy of core/pipeline shares it.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { join } from "node:path";
import { loadBundle } from "./core/codeCache";
import type { ProviderKind } from "./providerShim";

/** BUNDLES names each kind's bundles under dist/host/: its folder under src/ with `/` as `-`. */
const BUNDLES: { readonly [K in ProviderKind]: string } = {
  "aliyun:HttpsListener": "aliyun",
  "aliyun:DomainExtension": "aliyun-domainExtension",
  "huawei:ElbListener": "huawei",
  "huawei:ElbV3Listener": "huawei-elbV3",
};

/** HostBundle is what a kind's plan bundle exports: its `host.ts`. */
interface HostBundle {
  hosted(): dynamic.ResourceProvider;
}

function isHostBundle(exports: unknown): exports is HostBundle {
  return typeof exports === "object" && exports !== null && "hosted" in exports && typeof exports.hosted === "function";
}

const singletons = new Map<ProviderKind, dynamic.ResourceProvider>();

/** build loads a kind's plan bundle (from its code cache) and makes the provider it hosts. */
function build(kind: ProviderKind): dynamic.ResourceProvider {
  // The kind comes from state, which a newer release of the package may have written.
  if (!Object.hasOwn(BUNDLES, kind)) throw new Error(`unknown provider kind ${String(kind)}`);
  const bundle = BUNDLES[kind];
  const file = `${bundle}.plan.js`;
  const { exports } = loadBundle(join(__dirname, "host", file), `pulumi-lb-listeners/dist/host/${file}`);
  if (!isHostBundle(exports)) throw new Error(`dist/host/${file} does not export hosted()`);
  return exports.hosted();
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
