/**
 * ForwardingRulePlan: the half of the ForwardingRule provider that makes no API call (configure, check, diff), which
 * is all `pulumi preview` asks of it. The dynamic-provider host loads this half alone for check and diff;
 * ForwardingRuleProvider extends it with create, read, update and delete, loaded on the first API call.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { PlanOptions } from "../../core/planned";
import { ListenerChildPlan } from "../listenerChildPlan";
import { checkInputs, diffInputs, type ForwardingRuleInputs } from "./schema";
import type { ForwardingRuleOutputs } from "./wire";

/** ForwardingRulePlan checks inputs and decides update versus replace; it never calls the API. */
export class ForwardingRulePlan extends ListenerChildPlan<ForwardingRuleInputs, ForwardingRuleOutputs> {
  constructor(options: PlanOptions = {}) {
    super(checkInputs, options);
  }

  /**
   * diff decides update versus replace from REPLACE_INPUTS (schema.ts). A replacement is created before the old rule
   * is deleted, unless it stays on the same listener under the same name (a rule name is unique per listener): then
   * the old rule goes first.
   */
  async diff(_id: string, olds: ForwardingRuleOutputs, news: ForwardingRuleInputs): Promise<dynamic.DiffResult> {
    const { changed, replaces, deleteBeforeReplace } = diffInputs(olds, news, this.stack.region());
    return { changes: changed.length > 0, replaces, deleteBeforeReplace };
  }
}
