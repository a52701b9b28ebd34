/**
 * classify on the rule codes, each raised by the emulator's own rule actions (no injected fault) through the real
 * client: what is gone, what is a conflict, what is the lock, and what fails the rule.
 */
import type { ErrorBehaviour } from "../../core/errors";
import { isApiError } from "../../core/errors";
import type { AliyunEmulator } from "../../emulator/aliyun";
import { startAliyunEmulator } from "../../emulator/aliyun";
import type { Params, SlbClient } from "../client";
import { MESSAGES, RULE_MESSAGES } from "../constants";
import { ALIYUN_CLASSIFIER, classify } from "../errors";
import { clientFor } from "../testing";

let emulator: AliyunEmulator;
let client: SlbClient;
let lb = "";

/** listener makes a listener of a protocol on a port of `lb` with the least its Create takes. */
async function listener(protocol: "https" | "tcp" | "udp", port: number): Promise<void> {
  const action = {
    https: "CreateLoadBalancerHTTPSListener",
    tcp: "CreateLoadBalancerTCPListener",
    udp: "CreateLoadBalancerUDPListener",
  }[protocol];
  const https = { HealthCheck: "on", StickySession: "off", ServerCertificateId: emulator.seed.serverCertificateId };
  await client.call(action, {
    RegionId: emulator.seed.regionId,
    LoadBalancerId: lb,
    ListenerPort: port,
    BackendServerPort: 80,
    Bandwidth: -1,
    ...(protocol === "https" ? https : {}),
  });
  emulator.state.settle();
}

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0, ruleQuota: 2 });
  client = clientFor(emulator, 2000);
  lb = emulator.state.createLoadBalancer({ regionId: emulator.seed.regionId }).id;
  await listener("https", 443);
  await listener("tcp", 9000);
  await listener("udp", 9001);
  await client.call(
    "CreateRules",
    createParams(443, [{ RuleName: "taken", Domain: "taken.example.com", VServerGroupId: "rsp-1" }]),
  );
});
afterAll(async () => {
  await emulator.close();
});

function createParams(port: number, rules: unknown): Params {
  return {
    RegionId: emulator.seed.regionId,
    LoadBalancerId: lb,
    ListenerPort: port,
    RuleList: typeof rules === "string" ? rules : JSON.stringify(rules),
  };
}

async function errorOf(action: string, params: Params): Promise<unknown> {
  try {
    await client.call(action, params);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${action} to fail`);
}

const rule = (more: Record<string, string>) => [{ RuleName: "r", VServerGroupId: "rsp-1", ...more }];

/** Each case: the call that raises the code, the code and status, and what the provider does with it. */
const CASES: readonly {
  code: string;
  status: number;
  action: string;
  params: () => Params;
  behaviour: ErrorBehaviour;
  message?: string;
}[] = [
  {
    code: "InvalidRuleId.NotFound",
    status: 404,
    action: "DescribeRuleAttribute",
    params: () => ({ RegionId: emulator.seed.regionId, RuleId: "rule-none" }),
    behaviour: "gone",
    message: RULE_MESSAGES.notFound,
  },
  {
    code: "InvalidRuleId.NotFound",
    status: 404,
    action: "SetRule",
    params: () => ({ RegionId: emulator.seed.regionId, RuleId: "rule-none", VServerGroupId: "rsp-1" }),
    behaviour: "gone",
  },
  {
    code: "InvalidRuleId.NotFound",
    status: 404,
    action: "DeleteRules",
    params: () => ({ RegionId: emulator.seed.regionId, RuleIds: '["rule-none"]' }),
    behaviour: "gone",
  },
  {
    code: "ListenerNotFound",
    status: 404,
    action: "CreateRules",
    params: () => createParams(8443, rule({ Url: "/a" })),
    behaviour: "fatal",
    message: MESSAGES.listenerNotFound,
  },
  {
    code: "ListenerNotFound",
    status: 404,
    action: "DescribeRules",
    params: () => ({ RegionId: emulator.seed.regionId, LoadBalancerId: lb, ListenerPort: 8443 }),
    behaviour: "gone",
  },
  {
    code: "DomainExist",
    status: 400,
    action: "CreateRules",
    params: () => createParams(443, rule({ Domain: "taken.example.com" })),
    behaviour: "conflict",
    message: RULE_MESSAGES.domainExist,
  },
  {
    code: "TooManyRules",
    status: 400,
    action: "CreateRules",
    params: () => createParams(443, [...rule({ Url: "/1" }), { RuleName: "r2", Url: "/2", VServerGroupId: "rsp-1" }]),
    behaviour: "fatal",
    message: RULE_MESSAGES.tooManyRules,
  },
  {
    code: "DomainMalformed",
    status: 400,
    action: "CreateRules",
    params: () => createParams(443, rule({ Domain: "a_b.example.com" })),
    behaviour: "fatal",
  },
  {
    code: "UrlMalformed",
    status: 400,
    action: "CreateRules",
    params: () => createParams(443, rule({ Url: "/a b" })),
    behaviour: "fatal",
  },
  {
    code: "URLNotSupport",
    status: 400,
    action: "CreateRules",
    params: () => createParams(443, rule({ Url: "/" })),
    behaviour: "fatal",
  },
  {
    code: "RuleListMalformed",
    status: 400,
    action: "CreateRules",
    params: () => createParams(443, "not json"),
    behaviour: "fatal",
  },
  {
    code: "RuleNotSupport",
    status: 400,
    action: "CreateRules",
    params: () => createParams(9000, rule({ Url: "/a" })),
    behaviour: "fatal",
    message: RULE_MESSAGES.ruleNotSupport,
  },
  {
    code: "ListenerNotSupportRule",
    status: 400,
    action: "CreateRules",
    params: () => createParams(9001, rule({ Url: "/a" })),
    behaviour: "fatal",
  },
];

describe("classify on the rule codes the emulator raises", () => {
  it.each(CASES)(
    "$action answering $code is $behaviour",
    async ({ code, status, action, params, behaviour, message }) => {
      const error = await errorOf(action, params());
      expect(isApiError(error) && { code: error.code, status: error.status }).toEqual({ code, status });
      if (message !== undefined) expect(isApiError(error) && error.apiMessage).toBe(message);
      expect(classify(error)).toBe(behaviour);
      expect(ALIYUN_CLASSIFIER.isLoadBalancerBusy(error)).toBe(false);
    },
  );

  it("reads OperationFailed.ListenerStatusNotSupport, a rule call meeting the load balancer's lock, as the lock: retry", async () => {
    const locked = await startAliyunEmulator({ lockMs: 1000 });
    try {
      const c = clientFor(locked, 2000);
      const where = {
        RegionId: locked.seed.regionId,
        LoadBalancerId: locked.seed.loadBalancers.public,
        ListenerPort: 443,
      };
      await c.call("CreateLoadBalancerHTTPSListener", {
        ...where,
        BackendServerPort: 80,
        Bandwidth: -1,
        HealthCheck: "on",
        StickySession: "off",
        ServerCertificateId: locked.seed.serverCertificateId,
      });
      const error = await c
        .call("CreateRules", { ...where, RuleList: JSON.stringify(rule({ Url: "/a" })) })
        .catch((e: unknown) => e);
      expect(isApiError(error) && [error.code, error.status, error.apiMessage]).toEqual([
        "OperationFailed.ListenerStatusNotSupport",
        400,
        MESSAGES.listenerStatusNotSupport,
      ]);
      expect(classify(error)).toBe("retry");
      expect(ALIYUN_CLASSIFIER.isLoadBalancerBusy(error)).toBe(true);
    } finally {
      await locked.close();
    }
  });
});
