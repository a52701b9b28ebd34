/**
 * ListenerPlan: the half of every listener provider that makes no API call (configure, check, diff), written once
 * from a protocol's table. It is all `pulumi preview` asks of a provider: the host loads it alone for check and diff,
 * and ListenerProvider extends it with create, read, update and delete, loaded on the first API call.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type * as t from "io-ts";
import { checkResult } from "../../core/check";
import { log } from "../../core/log";
import { StackPlan, type PlanOptions, type TypedPlan } from "../../core/planned";
import { StackConfig } from "../config";
import { checkListener, diffListener, isUpdate, same } from "./schema";
import type { InputsOf, ListenerOutputs, ListenerTable } from "./table";

/** ListenerPlan checks a protocol's inputs and decides update versus replace; it never calls the API. */
export class ListenerPlan<RP extends t.Props, OP extends t.Props>
  extends StackPlan<StackConfig>
  implements TypedPlan<InputsOf<RP, OP>, ListenerOutputs<InputsOf<RP, OP>>>
{
  /** The protocol's table. */
  protected readonly table: ListenerTable<RP, OP>;

  constructor(table: ListenerTable<RP, OP>, options: PlanOptions = {}) {
    super(new StackConfig(options.env));
    this.table = table;
  }

  /**
   * check validates the inputs and returns them typed, with API defaults, normalisation and regionId filled in. The
   * ranges are the create's, or the Set action's when the listener exists and nothing that replaces it changes.
   */
  async check(olds: InputsOf<RP, OP>, news: InputsOf<RP, OP>): Promise<dynamic.CheckResult<InputsOf<RP, OP>>> {
    const action = olds !== undefined && isUpdate(this.table, olds, news) ? "set" : "create";
    return checkResult(checkListener(this.table, news, this.stack.region(), action), news);
  }

  /**
   * diff decides update versus replace from the table (replace inputs; every change of a redirect listener); olds are
   * the stored outputs. A replacement on the same port deletes the old listener first. A change of an input the table
   * ignores after create is no difference: it is logged as ignored.
   */
  async diff(id: string, olds: ListenerOutputs<InputsOf<RP, OP>>, news: InputsOf<RP, OP>): Promise<dynamic.DiffResult> {
    const { changed, replaces } = diffListener(this.table, olds, news, this.stack.region());
    for (const key of this.table.ignoredAfterCreate) {
      const next: unknown = Object.entries(news).find(([name]) => name === key)?.[1];
      const prev: unknown = Object.entries(olds).find(([name]) => name === key)?.[1];
      if (next !== undefined && !same(next, prev ?? {})) {
        log.warn(
          `${this.table.resource} ${id}: ${key} are set at create only; the changed ${key} are ignored (replace to retag)`,
        );
      }
    }
    return {
      changes: changed.length > 0,
      replaces,
      deleteBeforeReplace:
        replaces.length > 0 && !replaces.includes("listenerPort") && !replaces.includes("loadBalancerId"),
    };
  }
}
