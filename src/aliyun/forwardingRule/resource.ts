/**
 * The ForwardingRule resource: a domain- or URL-based forwarding rule on an Alibaba Cloud SLB HTTP or HTTPS listener,
 * type token `pulumi-nodejs:dynamic/aliyun:ForwardingRule`. Its provider is the DelegatingProvider shim, so the state
 * holds only a few `require` calls of this package and no secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { delegatingProvider, outputSlots } from "../../providerShim";
import type { ForwardingRuleInputs } from "./schema";
import { inputProps } from "./schema";

/**
 * ForwardingRuleArgs are the inputs of a ForwardingRule, one per request parameter of CreateRules and SetRule
 * (camelCase), each a `pulumi.Input`. Rules and defaults are documented on each property.
 */
export type ForwardingRuleArgs = { [K in keyof ForwardingRuleInputs]: pulumi.Input<ForwardingRuleInputs[K]> };

/**
 * ForwardingRule routes the requests of an HTTP or HTTPS listener that match `domain` and/or `url` to
 * `vServerGroupId`. Its id is the `RuleId` (`rule-...`). `loadBalancerId`, `listenerPort`, `listenerProtocol`,
 * `domain`, `url` and `regionId` replace it when changed; the name, the group and the advanced settings are updated in
 * place (SetRule). Rules of one listener created or deleted together go out in CreateRules and DeleteRules calls of
 * up to ten. Pass the listener's outputs (`listener.loadBalancerId`, `listener.listenerPort`) so it waits for a
 * listener created in the same program.
 */
export class ForwardingRule extends pulumi.dynamic.Resource {
  /** The ID of the SLB instance. */
  declare readonly loadBalancerId: pulumi.Output<string>;
  /** The port of the listener. */
  declare readonly listenerPort: pulumi.Output<number>;
  /** The protocol of the listener (`http` or `https`). */
  declare readonly listenerProtocol: pulumi.Output<string>;
  /** The rule's name, unique on its listener. */
  declare readonly ruleName: pulumi.Output<string>;
  /** The domain the rule matches, when it matches by domain. */
  declare readonly domain: pulumi.Output<string | undefined>;
  /** The URL the rule matches, when it matches by URL. */
  declare readonly url: pulumi.Output<string | undefined>;
  /** The VServer group that receives the matched requests. */
  declare readonly vServerGroupId: pulumi.Output<string>;
  /** The region of the SLB instance (the configured one when not given). */
  declare readonly regionId: pulumi.Output<string>;

  /** Creates (or, with `opts.id`, reads) a forwarding rule. */
  constructor(name: string, args: ForwardingRuleArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      delegatingProvider("aliyun:ForwardingRule"),
      name,
      { ...outputSlots(Object.keys(inputProps)), ...args },
      opts,
      "aliyun",
      "ForwardingRule",
    );
  }

  /** get reads an existing rule by its `RuleId` without managing it; its region is the configured one. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ForwardingRule {
    return new ForwardingRule(name, {} as ForwardingRuleArgs, { ...opts, id });
  }
}
