/**
 * The wording of the SLB emulator's forwarding-rule errors: the message of each code and the table the fault plan reads
 * (kept apart from the error factories so that `errors.ts` can read it without an import circle).
 * Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest") §7, which quotes SLB's "Common error
 * codes" [S10] and the rule actions' own error tables [S13][S14][S23].
 */
import { RULE_ERROR_CODES as CODES } from "./constants";

/** RULE_MESSAGES are the messages of the forwarding-rule codes, as the service words them (lower case included). */
export const RULE_MESSAGES = {
  /** Ref: the family digest §7 [S10]. */
  ruleNotSupport: "Rule is not support in the tcp type listener.",
  /** Ref: the family digest §7 [S13]. */
  listenerNotSupportRule: "You cannot create a rule for the specified listener.",
  /** Ref: the family digest §7 [S10][S14] (also the CreateRules document's own error table). */
  domainExist: "rule with same domain and url already exists in specified vip",
  /** Ref: the family digest §7 [S10]. */
  tooManyRules: "the number of rules under specified vip is beyond maximum limit.",
  /** Ref: the family digest §7 [S10]. */
  ruleListMalformed: "the specified parameter RuleList is unavailable.",
  /** Ref: the family digest §7 [S10]. */
  domainMalformed: "the specified domain in RuleList parameter is unavailable.",
  /** Ref: the family digest §7 [S10]. */
  urlMalformed: "the specified url in RuleList parameter is unavailable.",
  /** Ref: the family digest §7 [S10]. */
  urlNotSupport: "the URL in the rule is invalid.",
  /** Ref: the family digest §6.2, §7 [S10][S23]. */
  ruleNotFound: "Rule does not exist.",
} as const;

/**
 * RULE_KNOWN_ERRORS give the fault plan the status and message of each forwarding-rule code, so that
 * `--fault CreateRules:error:TooManyRules` answers as the service does. Every status is the one §7 gives.
 */
export const RULE_KNOWN_ERRORS: Readonly<Record<string, { status: number; message: string }>> = {
  [CODES.ruleNotSupport]: { status: 400, message: RULE_MESSAGES.ruleNotSupport },
  [CODES.listenerNotSupportRule]: { status: 400, message: RULE_MESSAGES.listenerNotSupportRule },
  [CODES.domainExist]: { status: 400, message: RULE_MESSAGES.domainExist },
  [CODES.tooManyRules]: { status: 400, message: RULE_MESSAGES.tooManyRules },
  [CODES.ruleListMalformed]: { status: 400, message: RULE_MESSAGES.ruleListMalformed },
  [CODES.domainMalformed]: { status: 400, message: RULE_MESSAGES.domainMalformed },
  [CODES.urlMalformed]: { status: 400, message: RULE_MESSAGES.urlMalformed },
  [CODES.urlNotSupport]: { status: 400, message: RULE_MESSAGES.urlNotSupport },
  [CODES.ruleNotFound]: { status: 404, message: RULE_MESSAGES.ruleNotFound },
};
