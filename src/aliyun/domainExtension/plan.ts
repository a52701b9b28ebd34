/**
 * DomainExtensionPlan: the half of the DomainExtension provider that makes no API call (configure, check, diff), which
 * is all `pulumi preview` asks of it. The dynamic-provider host loads this half alone for check and diff;
 * DomainExtensionProvider extends it with create, read, update and delete, loaded on the first API call.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { PlanOptions } from "../../core/planned";
import { ListenerChildPlan } from "../listenerChildPlan";
import { checkInputs, diffInputs, type DomainExtensionInputs } from "./schema";
import type { DomainExtensionOutputs } from "./wire";

/** DomainExtensionPlan checks inputs and decides update versus replace; it never calls the API. */
export class DomainExtensionPlan extends ListenerChildPlan<DomainExtensionInputs, DomainExtensionOutputs> {
  constructor(options: PlanOptions = {}) {
    super(checkInputs, options);
  }

  /**
   * diff decides update versus replace from REPLACE_INPUTS (schema.ts). A replacement is created before the old
   * extension is deleted: its domain, listener or load balancer differs, so both can exist, and SNI never lacks one.
   */
  async diff(_id: string, olds: DomainExtensionOutputs, news: DomainExtensionInputs): Promise<dynamic.DiffResult> {
    const { changed, replaces } = diffInputs(olds, news, this.stack.region());
    return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
  }
}
