/**
 * The package's `pulumi-lb-listeners/provider-host`, kept for state written by earlier releases: their serialized
 * provider requires this module and asks it for the implementation of its kind. Serialized providers made since require
 * their kind's bundle directly (`pulumi-lb-listeners/host/<bundle>`, see src/providerShim.ts), and both ways reach the
 * same module, so the process-wide provider, its single `configure` and the per-load-balancer locks are shared.
 *
 * `npm run build` (scripts/bundleHost.mjs) bundles this file; it requires a kind's plan bundle,
 * `dist/host/<bundle>.plan.js` (the kind's `host.ts`: its plan at once, its full provider on the first API call), on
 * first use.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { join } from "node:path";
import type { ProviderKind } from "./providerShim";
import { HOST_BUNDLES } from "./providerShim";

/** HostBundle is what a kind's plan bundle exports: its `host.ts`. */
interface HostBundle {
  readonly provider: dynamic.ResourceProvider;
}

function isHostBundle(exports: unknown): exports is HostBundle {
  return (
    typeof exports === "object" &&
    exports !== null &&
    "provider" in exports &&
    typeof exports.provider === "object" &&
    exports.provider !== null
  );
}

/** providerFor returns the process-wide implementation of a resource kind, loading its bundle on first use. */
export function providerFor(kind: ProviderKind): dynamic.ResourceProvider {
  // The kind comes from state, which a newer release of the package may have written.
  if (!Object.hasOwn(HOST_BUNDLES, kind)) throw new Error(`unknown provider kind ${String(kind)}`);
  const file = `${HOST_BUNDLES[kind]}.plan.js`;
  const exports: unknown = require(join(__dirname, "host", file));
  if (!isHostBundle(exports)) throw new Error(`dist/host/${file} does not export provider`);
  return exports.provider;
}
