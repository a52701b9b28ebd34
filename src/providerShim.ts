/**
 * The provider object that `dynamic.Resource` serializes into state (`__provider`). It holds no logic and no secret:
 * each method requires its kind's host module from the installed package by name and delegates, so the text Pulumi
 * stores is a few lines, is the same wherever the project sits on disk, and `pulumi refresh`/`destroy` always run the
 * installed implementation.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";

/** ProviderKind names one resource implementation behind the shim, as `<cloud>:<Type>`. */
export type ProviderKind =
  | "aliyun:HttpsListener"
  | "aliyun:HttpListener"
  | "aliyun:TcpListener"
  | "aliyun:UdpListener"
  | "aliyun:DomainExtension"
  | "aliyun:ForwardingRule"
  | "huawei:ElbListener"
  | "huawei:ElbV3Listener"
  | "huawei:ElbV2Listener";

/**
 * HOST_BUNDLES names each kind's bundles: its folder under src/ with `/` as `-`. `npm run build` makes
 * `dist/host/<bundle>.plan.js` from the folder's `host.ts` (the package exports it as
 * `pulumi-lb-listeners/host/<bundle>`) and `dist/host/<bundle>.js` from its `provider.ts`.
 */
export const HOST_BUNDLES: { readonly [K in ProviderKind]: string } = {
  "aliyun:HttpsListener": "aliyun",
  "aliyun:HttpListener": "aliyun-http",
  "aliyun:TcpListener": "aliyun-tcp",
  "aliyun:UdpListener": "aliyun-udp",
  "aliyun:DomainExtension": "aliyun-domainExtension",
  "aliyun:ForwardingRule": "aliyun-forwardingRule",
  "huawei:ElbListener": "huawei",
  "huawei:ElbV3Listener": "huawei-elbV3",
  "huawei:ElbV2Listener": "huawei-elbV2",
};

/** hostModule is the package export a kind's serialized provider requires: `pulumi-lb-listeners/host/<bundle>`. */
export function hostModule(kind: ProviderKind): string {
  return `pulumi-lb-listeners/host/${HOST_BUNDLES[kind]}`;
}

/** DelegatingProvider is the serialized provider: its kind's host module and the methods that forward to it. */
interface DelegatingProvider extends Required<dynamic.ResourceProvider> {
  /** module is the host module the methods require, `pulumi-lb-listeners/host/<bundle>`. */
  readonly module: string;
}

/**
 * delegatingProvider makes the object Pulumi serializes for a kind: a plain object whose every lifecycle method
 * requires the kind's host module (`pulumi-lb-listeners/host/<bundle>`, whose `provider` is the process-wide
 * implementation) and forwards the call. The methods use only `require` and `this.module`, nothing captured from this
 * module, and a plain object has no constructor or prototype to serialize, so the text is about 2.4 KB.
 */
export function delegatingProvider(kind: ProviderKind): DelegatingProvider {
  return {
    module: hostModule(kind),
    configure(req) {
      return require(this.module).provider.configure(req);
    },
    check(olds, news) {
      return require(this.module).provider.check(olds, news);
    },
    diff(id, olds, news) {
      return require(this.module).provider.diff(id, olds, news);
    },
    create(inputs) {
      return require(this.module).provider.create(inputs);
    },
    read(id, props) {
      return require(this.module).provider.read(id, props);
    },
    update(id, olds, news) {
      return require(this.module).provider.update(id, olds, news);
    },
    delete(id, props) {
      return require(this.module).provider.delete(id, props);
    },
  };
}

/**
 * outputSlots maps each name to `undefined`. Resources spread it under their args so that Pulumi creates an Output for
 * every declared property (it only fills properties named at construction), including for `get()`.
 */
export function outputSlots(names: readonly string[]): Record<string, undefined> {
  return Object.fromEntries(names.map((name) => [name, undefined]));
}
