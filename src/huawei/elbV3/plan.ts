/**
 * ElbV3ListenerPlan: the half of the ElbV3Listener provider that makes no API call (configure, check, diff), which is
 * all `pulumi preview` asks of it. The dynamic-provider host loads this half alone for check and diff;
 * ElbV3ListenerProvider extends it with create, read, update and delete, loaded on the first API call.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkResult, isUnknown } from "../../core/check";
import { StackPlan, type PlanOptions, type TypedPlan } from "../../core/planned";
import { CLOUD_DOMAINS, cloudDomain, StackConfig } from "../config";
import { portFamily } from "../listener/codecs";
import { changedInputs } from "../schema";
import {
  checkInputs,
  INPUT_NAMES,
  NOT_COMPARED,
  REPLACE_ON_CHANGE,
  type Cloud,
  type ElbV3ListenerInputs,
} from "./schema";
import type { ElbV3ListenerOutputs } from "./wire";

/** ElbV3ListenerPlan checks inputs and decides update versus replace; it never calls the API. */
export class ElbV3ListenerPlan
  extends StackPlan<StackConfig>
  implements TypedPlan<ElbV3ListenerInputs, ElbV3ListenerOutputs>
{
  constructor(options: PlanOptions = {}) {
    super(new StackConfig(options.env));
  }

  /** check validates the inputs against every rule, with the stored inputs and the configured cloud. */
  async check(olds: ElbV3ListenerInputs, news: ElbV3ListenerInputs): Promise<dynamic.CheckResult<ElbV3ListenerInputs>> {
    const result = checkInputs(news, { olds: olds ?? {}, cloud: this.cloudOf(news.region) });
    return checkResult(result, news);
  }

  /** diff compares every input with the stored outputs; the replace table decides replace versus update. */
  async diff(_id: string, olds: ElbV3ListenerOutputs, news: ElbV3ListenerInputs): Promise<dynamic.DiffResult> {
    const settings = this.stack.safeSettings();
    const changed = changedInputs(INPUT_NAMES, NOT_COMPARED, olds, news, settings);
    const replaces = changed.filter((c) => REPLACE_ON_CHANGE.has(c));
    // The port is unique per load balancer and port family: a replacement in the same slot deletes first.
    const sameSlot =
      (isUnknown(news.loadbalancerId) || news.loadbalancerId === olds.loadbalancerId) &&
      (isUnknown(news.protocolPort) || news.protocolPort === olds.protocolPort) &&
      (isUnknown(news.protocol) || portFamily(news.protocol) === portFamily(olds.protocol));
    return { changes: changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 && sameSlot };
  }

  /** cloudOf tells the cloud of the configured endpoint's domain (unknown for an explicit endpoint, e.g. an emulator). */
  private cloudOf(region: unknown): Cloud | undefined {
    const settings = this.stack.safeSettings();
    const r = typeof region === "string" && !isUnknown(region) ? region : settings?.region;
    if (!settings || settings.endpoint !== undefined || r === undefined) return undefined;
    try {
      const domain = cloudDomain(r, settings.cloud);
      return domain.endsWith(CLOUD_DOMAINS.opentelekomcloud) ? "opentelekomcloud" : "huaweicloud";
    } catch {
      return undefined;
    }
  }
}
