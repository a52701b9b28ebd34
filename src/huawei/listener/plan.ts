/**
 * What the plan halves (check, diff) of the Huawei listeners share, written once: their base class, and for the shared
 * (v2) and dedicated (v3) listeners the cloud a region belongs to, and the diff over the kind's replace table, where a replacement in the same slot deletes
 * first. What differs (whether an explicit endpoint hides the cloud, whether port families are separate slots) is a
 * parameter each kind's plan.ts sets.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isUnknown } from "../../core/check";
import { StackPlan, type PlanOptions } from "../../core/planned";
import { CLOUD_DOMAINS, cloudDomain, StackConfig, type HuaweiSettings } from "../config";
import { portFamily, type Cloud } from "./codecs";

/** HuaweiPlan is the plan half every Huawei listener kind extends: its stack configuration, read from `options.env`. */
export abstract class HuaweiPlan extends StackPlan<StackConfig> {
  /** The plan half of one provider instance, over the environment `options.env` (the process's by default). */
  constructor(options: PlanOptions = {}) {
    super(new StackConfig(options.env));
  }
}

/**
 * cloudOf tells the cloud of a region under the settings: `huaweicloud:cloud` / `HW_CLOUD` when set, else by region
 * (the same choice as the endpoint's domain, config.ts `cloudDomain`); undefined when no region is known or the
 * setting is malformed. An explicit endpoint (an emulator, a proxy) speaks the cloud so chosen.
 */
export function cloudOf(settings: HuaweiSettings | undefined, region: unknown): Cloud | undefined {
  const r = typeof region === "string" && !isUnknown(region) ? region : settings?.region;
  if (r === undefined) return undefined;
  try {
    return cloudDomain(r, settings?.cloud).endsWith(CLOUD_DOMAINS.opentelekomcloud)
      ? "opentelekomcloud"
      : "huaweicloud";
  } catch {
    return undefined;
  }
}

/** Slot is where a listener sits: its load balancer, port and protocol (any of them unknown in a preview). */
interface Slot {
  readonly loadbalancerId?: unknown;
  readonly protocolPort?: unknown;
  readonly protocol?: unknown;
}

/**
 * slotDiff is a diff's answer for the inputs that `changed`: those in `replaceOnChange` replace the listener, and a
 * replacement that keeps the load balancer and port (and, with `families`, the port family: TCP, HTTP and HTTPS
 * share one, UDP has its own) deletes first, since the slot holds one listener. An unknown value counts as kept.
 */
export function slotDiff<N extends string>(
  changed: readonly N[],
  replaceOnChange: ReadonlySet<N>,
  olds: Slot,
  news: Slot,
  families: boolean,
): dynamic.DiffResult {
  const replaces = changed.filter((c) => replaceOnChange.has(c));
  const sameSlot =
    (isUnknown(news.loadbalancerId) || news.loadbalancerId === olds.loadbalancerId) &&
    (isUnknown(news.protocolPort) || news.protocolPort === olds.protocolPort) &&
    (!families || isUnknown(news.protocol) || portFamily(news.protocol) === portFamily(olds.protocol));
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 && sameSlot };
}
