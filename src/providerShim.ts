/**
 * The provider object that `dynamic.Resource` serializes into state (`__provider`). It holds no logic and no secret:
 * each method requires the installed package by name and delegates, so the text Pulumi stores is a few lines, is the
 * same wherever the project sits on disk, and `pulumi refresh`/`destroy` always run the installed implementation.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";

/** ProviderKind names one resource implementation behind the shim, as `<cloud>:<Type>`. */
export type ProviderKind =
  "aliyun:HttpsListener" | "aliyun:DomainExtension" | "huawei:ElbListener" | "huawei:ElbV3Listener";

/**
 * DelegatingProvider forwards every lifecycle call to the implementation of its kind in the installed package
 * (`pulumi-lb-listeners/provider-host`). Methods must only use `require` with a literal and `this.kind`, nothing
 * captured from this module, so closure serialization stays tiny.
 */
export class DelegatingProvider implements dynamic.ResourceProvider {
  constructor(readonly kind: ProviderKind) {}
  configure(req: dynamic.ConfigureRequest): Promise<void> {
    return require("pulumi-lb-listeners/provider-host").providerFor(this.kind).configure(req);
  }
  check(olds: unknown, news: unknown): Promise<dynamic.CheckResult> {
    return require("pulumi-lb-listeners/provider-host").providerFor(this.kind).check(olds, news);
  }
  diff(id: string, olds: unknown, news: unknown): Promise<dynamic.DiffResult> {
    return require("pulumi-lb-listeners/provider-host").providerFor(this.kind).diff(id, olds, news);
  }
  create(inputs: unknown): Promise<dynamic.CreateResult> {
    return require("pulumi-lb-listeners/provider-host").providerFor(this.kind).create(inputs);
  }
  read(id: string, props: unknown): Promise<dynamic.ReadResult> {
    return require("pulumi-lb-listeners/provider-host").providerFor(this.kind).read(id, props);
  }
  update(id: string, olds: unknown, news: unknown): Promise<dynamic.UpdateResult> {
    return require("pulumi-lb-listeners/provider-host").providerFor(this.kind).update(id, olds, news);
  }
  delete(id: string, props: unknown): Promise<void> {
    return require("pulumi-lb-listeners/provider-host").providerFor(this.kind).delete(id, props);
  }
}

/**
 * outputSlots maps each name to `undefined`. Resources spread it under their args so that Pulumi creates an Output for
 * every declared property (it only fills properties named at construction), including for `get()`.
 */
export function outputSlots(names: readonly string[]): Record<string, undefined> {
  return Object.fromEntries(names.map((name) => [name, undefined]));
}
