/**
 * ElbV3ListenerPlan: the half of the ElbV3Listener provider that makes no API call (configure, check, diff), which is
 * all `pulumi preview` asks of it. The dynamic-provider host loads this half alone for check and diff;
 * ElbV3ListenerProvider extends it with create, read, update and delete, loaded on the first API call.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkResult } from "../../core/check";
import type { TypedPlan } from "../../core/planned";
import type { Cloud } from "../listener/codecs";
import { cloudOf, HuaweiPlan, slotDiff } from "../listener/plan";
import { changedInputs } from "../schema";
import { checkInputs, INPUT_NAMES, NOT_COMPARED, REPLACE_ON_CHANGE, type ElbV3ListenerInputs } from "./schema";
import type { ElbV3ListenerOutputs } from "./wire";

/** ElbV3ListenerPlan checks inputs and decides update versus replace; it never calls the API. */
export class ElbV3ListenerPlan extends HuaweiPlan implements TypedPlan<ElbV3ListenerInputs, ElbV3ListenerOutputs> {
  /** check validates the inputs against every rule, with the stored inputs and the configured cloud. */
  async check(olds: ElbV3ListenerInputs, news: ElbV3ListenerInputs): Promise<dynamic.CheckResult<ElbV3ListenerInputs>> {
    const result = checkInputs(news, { olds: olds ?? {}, cloud: this.cloudOf(news.region) });
    return checkResult(result, news);
  }

  /** diff compares every input with the stored outputs; the replace table decides replace versus update. */
  async diff(_id: string, olds: ElbV3ListenerOutputs, news: ElbV3ListenerInputs): Promise<dynamic.DiffResult> {
    const settings = this.stack.safeSettings();
    const changed = changedInputs(INPUT_NAMES, NOT_COMPARED, olds, news, settings);
    // The port is unique per load balancer and port family: a replacement in the same slot deletes first.
    return slotDiff(changed, REPLACE_ON_CHANGE, olds, news, true);
  }

  /** cloudOf tells the cloud of the configured endpoint's domain (unknown for an explicit endpoint, e.g. an emulator). */
  private cloudOf(region: unknown): Cloud | undefined {
    const settings = this.stack.safeSettings();
    return !settings || settings.endpoint !== undefined ? undefined : cloudOf(settings, region);
  }
}
