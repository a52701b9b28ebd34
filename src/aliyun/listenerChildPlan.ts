/**
 * ListenerChildPlan: the plan half that the resources living on a listener (ForwardingRule, DomainExtension) share:
 * the stack configuration from `options.env` and a check that is the resource's own checkInputs. Each says its own
 * diff, since when a replacement may be created before the old one is deleted differs between them.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { checkResult } from "../core/check";
import { StackPlan, type PlanOptions, type TypedPlan } from "../core/planned";
import { StackConfig } from "./config";
import type { CheckedListener } from "./listener/schema";

/**
 * ListenerChildPlan checks inputs with the resource's checkInputs (regionId filled in from the configured region) and
 * leaves diff to the resource; it never calls the API.
 */
export abstract class ListenerChildPlan<I extends object, O> extends StackPlan<StackConfig> implements TypedPlan<I, O> {
  readonly #checkInputs: (raw: unknown, defaultRegion?: string) => CheckedListener<I>;

  constructor(checkInputs: (raw: unknown, defaultRegion?: string) => CheckedListener<I>, options: PlanOptions = {}) {
    super(new StackConfig(options.env));
    this.#checkInputs = checkInputs;
  }

  /** check validates the inputs and returns them typed, with regionId filled in. */
  async check(_olds: I, news: I): Promise<dynamic.CheckResult<I>> {
    return checkResult(this.#checkInputs(news, this.stack.region()), news);
  }

  /** diff decides update versus replace; olds are the stored outputs. */
  abstract diff(id: string, olds: O, news: I): Promise<dynamic.DiffResult>;
}
