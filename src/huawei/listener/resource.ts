/**
 * What the Huawei listener resources (classic, shared, dedicated) build alike, written once: the args type derived
 * from a kind's checked inputs, and the property bag a shared or dedicated listener hands to the dynamic resource.
 */
import type * as pulumi from "@pulumi/pulumi";
import { outputSlots } from "../../providerShim";

/** ArgInput is one input as a `pulumi.Input`; a list input also takes a list of `pulumi.Input` items. */
type ArgInput<T> = [T] extends [readonly (infer E)[]] ? pulumi.Input<pulumi.Input<E>[]> : pulumi.Input<T>;

/**
 * ArgsOf is a kind's args: each checked input (the codecs' `t.TypeOf`) as a `pulumi.Input`, so rules, ranges,
 * defaults and wire names are documented once, on each codec field.
 */
export type ArgsOf<I> = { readonly [K in keyof I]: ArgInput<NonNullable<I[K]>> };

/**
 * portListenerProps is what a shared (v2) or dedicated (v3) listener passes to the dynamic resource: every input
 * name (as undefined, so Pulumi fills each declared output, also for `get` and for inputs the program leaves out;
 * undefined values are not sent), the args, and the output-only names.
 */
export function portListenerProps(inputNames: readonly string[], args: object): Record<string, unknown> {
  return {
    ...outputSlots(inputNames),
    ...args,
    createdAt: undefined,
    updatedAt: undefined,
    resolvedRegion: undefined,
    resolvedProjectId: undefined,
  };
}
