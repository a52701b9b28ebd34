/**
 * The SLB emulator's errors for forwarding rules: one factory per code, with the service's literal code, message and
 * HTTP status where a source gives them, `Assumed:` where none does.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest") §1.1, §6, §7.
 */
import { ERROR_CODES, FAMILY_ERROR_CODES, FAMILY_MESSAGES, MESSAGES, RULE_ERROR_CODES as CODES } from "./constants";
import { SlbError } from "./errors";
import { RULE_MESSAGES } from "./ruleMessages";

/** RULE_ERRORS builds each error the emulator's forwarding-rule actions answer with. */
export const RULE_ERRORS = {
  /** ruleNotSupport answers CreateRules on a TCP listener. Ref: the family digest §6, §7 [S10]. */
  ruleNotSupport: () => new SlbError(CODES.ruleNotSupport, RULE_MESSAGES.ruleNotSupport, 400),
  /**
   * listenerNotSupportRule answers CreateRules on a UDP listener. Ref: the family digest §7 [S13] (listed on CreateRules
   * in the UDP listener's document). Assumed: the service picks this code for UDP and RuleNotSupport, whose message
   * names tcp, for TCP.
   */
  listenerNotSupportRule: () => new SlbError(CODES.listenerNotSupportRule, RULE_MESSAGES.listenerNotSupportRule, 400),
  /** domainExist answers a rule whose Domain and Url another rule of the listener has. Ref: the family digest §7 [S10][S14]. */
  domainExist: () => new SlbError(CODES.domainExist, RULE_MESSAGES.domainExist, 400),
  /** tooManyRules answers CreateRules past the 40 rules of a listener. Ref: the family digest §6.3, §7 [S10][S19]. */
  tooManyRules: () => new SlbError(CODES.tooManyRules, RULE_MESSAGES.tooManyRules, 400),
  /** ruleListMalformed answers a RuleList the service cannot use. Ref: the family digest §7 [S10] (code and message). */
  ruleListMalformed: () => new SlbError(CODES.ruleListMalformed, RULE_MESSAGES.ruleListMalformed, 400),
  /** domainMalformed answers a rule's Domain outside the documented form. Ref: the family digest §6.1, §7 [S10]. */
  domainMalformed: () => new SlbError(CODES.domainMalformed, RULE_MESSAGES.domainMalformed, 400),
  /** urlMalformed answers a rule's Url outside the documented length or characters. Ref: the family digest §6.1, §7 [S10]. */
  urlMalformed: () => new SlbError(CODES.urlMalformed, RULE_MESSAGES.urlMalformed, 400),
  /**
   * urlNotSupport answers a rule's Url of the documented characters that is no path the service routes by (not starting
   * with `/`, or only `/`). Ref: the family digest §6.1 (the Url rules), §7 [S10] (code and message).
   * Assumed: which of UrlMalformed and URLNotSupport answers which broken rule; no source says.
   */
  urlNotSupport: () => new SlbError(CODES.urlNotSupport, RULE_MESSAGES.urlNotSupport, 400),
  /** ruleNotFound answers a RuleId the region does not hold. Ref: the family digest §6.2, §7 [S10][S23] (404). */
  ruleNotFound: () => new SlbError(CODES.ruleNotFound, RULE_MESSAGES.ruleNotFound, 404),
  /**
   * listenerStatusNotSupport answers a rule mutation while the listener's load balancer is configuring.
   * Ref: the family digest §6.2, §7 [S14][S23][S31] (400, CreateRules and DeleteRules documents; Terraform retries it
   * on SetRule too).
   */
  listenerStatusNotSupport: () =>
    new SlbError(ERROR_CODES.listenerStatusNotSupport, MESSAGES.listenerStatusNotSupport, 400),
  /**
   * listenerNotFound answers a rule action naming a port with no listener of its protocol.
   * Ref: the family digest §7 [S30][S10] (404, CreateRules before the listener exists). Assumed: DescribeRules answers
   * alike (only CreateRules is reported).
   */
  listenerNotFound: () => new SlbError(ERROR_CODES.listenerNotFound, MESSAGES.listenerNotFound, 404),
  /**
   * operationNotAllowed answers CreateRules on an HTTP redirect listener. Ref: the family digest §1.1 (the suggested
   * emulator behaviour, marked ⚠ there), §7 [S28] (the code and message on the redirect listener's Set).
   * Assumed: that CreateRules is refused at all, and HTTP 400.
   */
  operationNotAllowed: () =>
    new SlbError(FAMILY_ERROR_CODES.operationNotAllowed, FAMILY_MESSAGES.operationNotAllowed, 400),
} as const;
