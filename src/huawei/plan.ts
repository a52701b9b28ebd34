/**
 * ElbListenerPlan: the half of the ElbListener provider that makes no API call (configure, check, diff), which is all
 * `pulumi preview` asks of it. The dynamic-provider host loads this half alone for check and diff; ElbListenerProvider
 * extends it with create, read, update and delete, loaded on the first API call.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkResult } from "../core/check";
import type { TypedPlan } from "../core/planned";
import { log } from "../core/log";
import { HuaweiPlan } from "./listener/plan";
import { checkInputs, diffInputs, type ElbListenerInputs } from "./schema";
import type { ElbListenerOutputs } from "./wire";

/** ElbListenerPlan checks inputs and decides update versus replace; it never calls the API. */
export class ElbListenerPlan extends HuaweiPlan implements TypedPlan<ElbListenerInputs, ElbListenerOutputs> {
  /** check validates the inputs, fills TLS defaults, and drops (with a warning) inputs that have no effect. */
  async check(_olds: ElbListenerInputs, news: ElbListenerInputs): Promise<dynamic.CheckResult<ElbListenerInputs>> {
    const result = checkInputs(news);
    for (const warning of result.warnings) log.warn(`huawei:ElbListener: ${warning.message}`);
    return checkResult(result, news);
  }

  /**
   * diff compares every input with the stored outputs: unknown values count as changes; loadbalancerId, protocol,
   * backendProtocol, sessionSticky, stickySessionType, cookieTimeout, region and projectId replace; the rest update.
   */
  async diff(_id: string, olds: ElbListenerOutputs, news: ElbListenerInputs): Promise<dynamic.DiffResult> {
    const { changed, replaces, deleteBeforeReplace } = diffInputs(olds, news, this.stack.safeSettings());
    return { changes: changed.length > 0, replaces, deleteBeforeReplace };
  }
}
