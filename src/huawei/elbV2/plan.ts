/**
 * ElbV2ListenerPlan: the half of the ElbV2Listener provider that makes no API call (configure, check, diff), which is
 * all `pulumi preview` asks of it. The dynamic-provider host loads this half alone for check and diff;
 * ElbV2ListenerProvider extends it with create, read, update and delete, loaded on the first API call.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkResult } from "../../core/check";
import type { TypedPlan } from "../../core/planned";
import { V2_ROUTE_FAMILY, type V2RouteFamily } from "../constants";
import type { Cloud } from "../listener/codecs";
import { cloudOf, HuaweiPlan, slotDiff } from "../listener/plan";
import { changedInputs } from "../schema";
import {
  checkInputs,
  comparable,
  INPUT_NAMES,
  NOT_COMPARED,
  REPLACE_ON_CHANGE,
  type ElbV2ListenerInputs,
} from "./schema";
import type { ElbV2ListenerOutputs } from "./wire";

/**
 * routeFamily is the v2 route family of a cloud: Open Telekom Cloud documents only `/v2.0/lbaas/...`; Huawei Cloud
 * files those routes as "Discarded" and serves `/v2/{project_id}/elb/...`, where the Huawei Terraform provider moved
 * after `/v2.0/lbaas` answered 404 for a load balancer in an enterprise project (#1544, #1830). Ref: digest §1, §8.
 */
export function routeFamily(cloud: Cloud | undefined): V2RouteFamily {
  return cloud === "opentelekomcloud" ? V2_ROUTE_FAMILY.otc : V2_ROUTE_FAMILY.huawei;
}

/** ElbV2ListenerPlan checks inputs and decides update versus replace; it never calls the API. */
export class ElbV2ListenerPlan extends HuaweiPlan implements TypedPlan<ElbV2ListenerInputs, ElbV2ListenerOutputs> {
  /** check validates the inputs against every rule, with the stored inputs and the configured cloud. */
  async check(olds: ElbV2ListenerInputs, news: ElbV2ListenerInputs): Promise<dynamic.CheckResult<ElbV2ListenerInputs>> {
    const result = checkInputs(news, { olds: olds ?? {}, cloud: cloudOf(this.stack.safeSettings(), news.region) });
    return checkResult(result, news);
  }

  /**
   * diff compares every input with the stored outputs (SNI certificates as sets); the replace table decides replace
   * versus update. A replacement on the same load balancer and port deletes first: one listener per port.
   */
  async diff(_id: string, olds: ElbV2ListenerOutputs, news: ElbV2ListenerInputs): Promise<dynamic.DiffResult> {
    const settings = this.stack.safeSettings();
    const changed = changedInputs(INPUT_NAMES, NOT_COMPARED, comparable(olds), comparable(news), settings);
    return slotDiff(changed, REPLACE_ON_CHANGE, olds, news, false);
  }
}
