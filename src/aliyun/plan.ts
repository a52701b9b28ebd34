/**
 * HttpsListenerPlan: the half of the HttpsListener provider that makes no API call (configure, check, diff), which is
 * all `pulumi preview` asks of it. The dynamic-provider host loads this half alone for check and diff;
 * HttpsListenerProvider extends it with create, read, update and delete, loaded on the first API call.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkResult } from "../core/check";
import { StackPlan, type PlanOptions, type TypedPlan } from "../core/planned";
import { log } from "../core/log";
import { StackConfig } from "./config";
import { checkInputs, diffInputs, type HttpsListenerInputs } from "./schema";
import type { HttpsListenerOutputs } from "./wire";

/** HttpsListenerPlan checks inputs and decides update versus replace; it never calls the API. */
export class HttpsListenerPlan
  extends StackPlan<StackConfig>
  implements TypedPlan<HttpsListenerInputs, HttpsListenerOutputs>
{
  constructor(options: PlanOptions = {}) {
    super(new StackConfig(options.env));
  }

  /** check validates the inputs and returns them typed, with API defaults, normalisation and regionId filled in. */
  async check(
    _olds: HttpsListenerInputs,
    news: HttpsListenerInputs,
  ): Promise<dynamic.CheckResult<HttpsListenerInputs>> {
    const result = checkInputs(news, this.stack.region());
    return checkResult(result, news);
  }

  /**
   * diff decides update versus replace from REPLACE_INPUTS (schema.ts); olds are the stored outputs. A change of the
   * create-only `tags` is no difference: it is logged as ignored.
   */
  async diff(id: string, olds: HttpsListenerOutputs, news: HttpsListenerInputs): Promise<dynamic.DiffResult> {
    const { changed, replaces } = diffInputs(olds, news, this.stack.region());
    if (news.tags !== undefined && JSON.stringify(news.tags) !== JSON.stringify(olds.tags ?? {})) {
      log.warn(`HttpsListener ${id}: tags are set at create only; the changed tags are ignored (replace to retag)`);
    }
    return {
      changes: changed.length > 0,
      replaces,
      deleteBeforeReplace:
        replaces.length > 0 && !replaces.includes("listenerPort") && !replaces.includes("loadBalancerId"),
    };
  }
}
