/**
 * Wire specs of the forwarding rules: @alicloud/pop-core (signed, as the provider sends) against the SLB emulator.
 * Each spec makes its own load balancer through the state, so that no spec depends on another's rules.
 * Ref: shared/api-docs/aliyun-slb-listener-family.md (below "the family digest") §1.1, §5, §6, §7, §8.4.
 */
import RPCClient from "@alicloud/pop-core";
import { API_VERSION } from "./constants";
import type { AliyunEmulator } from "./index";
import { startAliyunEmulator } from "./index";

interface PopFailure {
  code?: string;
  data?: Record<string, unknown>;
  entry?: { response?: { statusCode?: number } };
}

type Params = Record<string, string | number>;
type Body = Record<string, unknown>;
type Protocol = "http" | "https" | "tcp" | "udp";

/** RuleItem is one `RuleList` item as a client writes it. */
interface RuleItem {
  RuleName: string;
  Domain?: string;
  Url?: string;
  VServerGroupId: string;
}

/** Refusal is what a failed call showed: its code, HTTP status and message. */
interface Refusal {
  code?: string;
  status?: number;
  message?: unknown;
}

let emulator: AliyunEmulator;
const clients = new Map<AliyunEmulator, RPCClient>();

beforeAll(async () => {
  emulator = await startAliyunEmulator({ lockMs: 0 });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  emulator.faults.clear();
  emulator.router.setRequestsPerSecond(0);
});

function client(on: AliyunEmulator): RPCClient {
  let rpc = clients.get(on);
  if (!rpc) {
    rpc = new RPCClient({
      endpoint: on.endpoint,
      apiVersion: API_VERSION,
      accessKeyId: on.accessKeyId,
      accessKeySecret: on.accessKeySecret,
    });
    clients.set(on, rpc);
  }
  return rpc;
}

/** call sends an action as the provider does: POST, keys as written. */
function call(action: string, params: Params, on: AliyunEmulator = emulator): Promise<Body> {
  return client(on).request<Body>(
    action,
    { RegionId: on.seed.regionId, ...params },
    { method: "POST", formatParams: false },
  );
}

async function failureOf(promise: Promise<unknown>): Promise<PopFailure> {
  try {
    await promise;
  } catch (error) {
    return error as PopFailure;
  }
  throw new Error("expected the call to fail");
}

/** refusal calls an action that must fail and returns its code, HTTP status and message. */
async function refusal(action: string, params: Params, on: AliyunEmulator = emulator): Promise<Refusal> {
  const e = await failureOf(call(action, params, on));
  return { code: e.code, status: e.entry?.response?.statusCode, message: e.data?.Message };
}

const MESSAGES = {
  ruleListMalformed: "the specified parameter RuleList is unavailable.",
  domainMalformed: "the specified domain in RuleList parameter is unavailable.",
  urlMalformed: "the specified url in RuleList parameter is unavailable.",
  urlNotSupport: "the URL in the rule is invalid.",
  domainExist: "rule with same domain and url already exists in specified vip",
  tooManyRules: "the number of rules under specified vip is beyond maximum limit.",
  ruleNotSupport: "Rule is not support in the tcp type listener.",
  listenerNotSupportRule: "You cannot create a rule for the specified listener.",
  ruleNotFound: "Rule does not exist.",
  listenerNotFound: "You have not created a listener for the specified port of the load balancer.",
  listenerStatusNotSupport: "The status of the listener does not support this operation. Please try again later.",
} as const;

const RULE_LIST_MALFORMED: Refusal = { code: "RuleListMalformed", status: 400, message: MESSAGES.ruleListMalformed };
const DOMAIN_MALFORMED: Refusal = { code: "DomainMalformed", status: 400, message: MESSAGES.domainMalformed };
const URL_MALFORMED: Refusal = { code: "UrlMalformed", status: 400, message: MESSAGES.urlMalformed };
const URL_NOT_SUPPORT: Refusal = { code: "URLNotSupport", status: 400, message: MESSAGES.urlNotSupport };
const DOMAIN_EXIST: Refusal = { code: "DomainExist", status: 400, message: MESSAGES.domainExist };
const TOO_MANY_RULES: Refusal = { code: "TooManyRules", status: 400, message: MESSAGES.tooManyRules };
const RULE_NOT_FOUND: Refusal = { code: "InvalidRuleId.NotFound", status: 404, message: MESSAGES.ruleNotFound };
const LISTENER_NOT_FOUND: Refusal = { code: "ListenerNotFound", status: 404, message: MESSAGES.listenerNotFound };
const BUSY: Refusal = {
  code: "OperationFailed.ListenerStatusNotSupport",
  status: 400,
  message: MESSAGES.listenerStatusNotSupport,
};

function invalidParameter(name: string): Refusal {
  return { code: "InvalidParameter", status: 400, message: `The specified parameter "${name}" is not valid.` };
}

function missingParameter(name: string): Refusal {
  return {
    code: "MissingParameter",
    status: 400,
    message: `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  };
}

const ANY_REQUEST_ID = expect.stringMatching(/^[0-9A-F-]{36}$/);
const RULE_ID = expect.stringMatching(/^rule-[a-z0-9]+$/);

/** freshLb makes a load balancer of its own for one spec. */
function freshLb(on: AliyunEmulator = emulator): string {
  return on.state.createLoadBalancer({ regionId: on.seed.regionId }).id;
}

const CREATE = {
  http: "CreateLoadBalancerHTTPListener",
  https: "CreateLoadBalancerHTTPSListener",
  tcp: "CreateLoadBalancerTCPListener",
  udp: "CreateLoadBalancerUDPListener",
} as const;

/** listener makes a listener of a protocol with the least its Create takes. */
async function listener(
  protocol: Protocol,
  lb: string,
  port: number,
  extra: Params = {},
  on: AliyunEmulator = emulator,
): Promise<void> {
  const base: Params = { LoadBalancerId: lb, ListenerPort: port, BackendServerPort: 80 };
  const byProtocol: Record<Protocol, Params> = {
    http: { HealthCheck: "on" },
    https: { Bandwidth: -1, HealthCheck: "on", StickySession: "off", ServerCertificateId: on.seed.serverCertificateId },
    tcp: { Bandwidth: -1 },
    udp: { Bandwidth: -1 },
  };
  await call(CREATE[protocol], { ...base, ...byProtocol[protocol], ...extra }, on);
}

/** where is the addressing of a listener's rules. */
function where(lb: string, port: number, protocol?: Protocol): Params {
  return { LoadBalancerId: lb, ListenerPort: port, ...(protocol === undefined ? {} : { ListenerProtocol: protocol }) };
}

function byDomain(name: string, domain: string, group = "rsp-emu-a"): RuleItem {
  return { RuleName: name, Domain: domain, VServerGroupId: group };
}

function byUrl(name: string, url: string, group = "rsp-emu-a"): RuleItem {
  return { RuleName: name, Url: url, VServerGroupId: group };
}

/** singleQuoted writes a JSON value with single quotes, as Terraform writes RuleList and RuleIds. */
function singleQuoted(value: unknown): string {
  return JSON.stringify(value).replace(/"/g, "'");
}

function createRules(address: Params, rules: readonly RuleItem[], on: AliyunEmulator = emulator): Promise<Body> {
  return call("CreateRules", { ...address, RuleList: JSON.stringify(rules) }, on);
}

/** made returns the ids a CreateRules answer lists, in order. */
function made(answer: Body): string[] {
  const rules = (answer.Rules as { Rule: { RuleId: string }[] }).Rule;
  return rules.map((r) => r.RuleId);
}

async function rulesOn(address: Params, on: AliyunEmulator = emulator): Promise<Body[]> {
  const answer = await call("DescribeRules", address, on);
  return (answer.Rules as { Rule: Body[] }).Rule;
}

/** numbered makes `count` URL rules named `<prefix>-<n>` with paths `/<prefix>/<n>`. */
function numbered(prefix: string, count: number, from = 0): RuleItem[] {
  return Array.from({ length: count }, (_, i) => byUrl(`${prefix}-${from + i}`, `/${prefix}/${from + i}`));
}

/** httpsWithRules makes an HTTPS listener on 443 of a fresh load balancer and returns its address. */
async function httpsListener(on: AliyunEmulator = emulator): Promise<Params> {
  const lb = freshLb(on);
  await listener("https", lb, 443, {}, on);
  return where(lb, 443);
}

describe("CreateRules", () => {
  it("makes the rules of one call and answers their ids and names in order", async () => {
    const address = await httpsListener();
    const answer = await createRules(address, [byDomain("by-domain", "www.example.com"), byUrl("by-url", "/api")]);
    expect(answer).toEqual({
      RequestId: ANY_REQUEST_ID,
      Rules: {
        Rule: [
          { RuleId: RULE_ID, RuleName: "by-domain" },
          { RuleId: RULE_ID, RuleName: "by-url" },
        ],
      },
    });
    const [domainId, urlId] = made(answer);
    expect(domainId).not.toBe(urlId);
    expect(await rulesOn(address)).toEqual([
      {
        RuleId: domainId,
        RuleName: "by-domain",
        Domain: "www.example.com",
        VServerGroupId: "rsp-emu-a",
        ListenerSync: "on",
      },
      { RuleId: urlId, RuleName: "by-url", Url: "/api", VServerGroupId: "rsp-emu-a", ListenerSync: "on" },
    ]);
  });

  it("reads a RuleList written with single quotes, as Terraform writes it", async () => {
    const address = await httpsListener();
    const rule = { RuleName: "tf-slb-rule", Domain: "*.example.com", Url: "/a/b", VServerGroupId: "rsp-emu-b" };
    const answer = await call("CreateRules", { ...address, RuleList: singleQuoted([rule]) });
    expect(answer.Rules).toEqual({ Rule: [{ RuleId: RULE_ID, RuleName: "tf-slb-rule" }] });
    expect(await rulesOn(address)).toEqual([{ RuleId: made(answer)[0], ...rule, ListenerSync: "on" }]);
  });

  it("takes 10 rules in one call and refuses 11 with RuleListMalformed, making none", async () => {
    const address = await httpsListener();
    expect(await refusal("CreateRules", { ...address, RuleList: JSON.stringify(numbered("eleven", 11)) })).toEqual(
      RULE_LIST_MALFORMED,
    );
    expect(await rulesOn(address)).toEqual([]);
    expect(made(await createRules(address, numbered("ten", 10)))).toHaveLength(10);
    expect(await rulesOn(address)).toHaveLength(10);
  });

  it.each([
    ["an empty list", "[]"],
    ["a text that is no JSON", "[{RuleName:"],
    ["an object instead of a list", JSON.stringify(byUrl("one", "/one"))],
    ["a list of strings", '["one"]'],
    ["a text mixing both quotes", `[{'RuleName':"mixed",'Url':'/m','VServerGroupId':'rsp-emu-a'}]`],
  ])("refuses %s with RuleListMalformed", async (_name, ruleList) => {
    const address = await httpsListener();
    expect(await refusal("CreateRules", { ...address, RuleList: ruleList })).toEqual(RULE_LIST_MALFORMED);
  });

  it.each<[string, Record<string, unknown>, Refusal]>([
    ["no RuleName", { Url: "/a", VServerGroupId: "rsp-emu-a" }, RULE_LIST_MALFORMED],
    ["a RuleName of 41 characters", { RuleName: "n".repeat(41), Url: "/a", VServerGroupId: "g" }, RULE_LIST_MALFORMED],
    ["a RuleName with a space", { RuleName: "my rule", Url: "/a", VServerGroupId: "g" }, RULE_LIST_MALFORMED],
    ["no VServerGroupId", { RuleName: "r", Url: "/a" }, RULE_LIST_MALFORMED],
    ["neither Domain nor Url", { RuleName: "r", VServerGroupId: "g" }, RULE_LIST_MALFORMED],
    ["an empty Domain and no Url", { RuleName: "r", Domain: "", VServerGroupId: "g" }, RULE_LIST_MALFORMED],
    ["a Url that is a number", { RuleName: "r", Url: 5, VServerGroupId: "g" }, RULE_LIST_MALFORMED],
    [
      "a Domain with an underscore",
      { RuleName: "r", Domain: "a_b.example.com", VServerGroupId: "g" },
      DOMAIN_MALFORMED,
    ],
    ["a wildcard past the first label", { RuleName: "r", Domain: "www.*.com", VServerGroupId: "g" }, DOMAIN_MALFORMED],
    [
      "a wildcard inside the first label",
      { RuleName: "r", Domain: "w*.example.com", VServerGroupId: "g" },
      DOMAIN_MALFORMED,
    ],
    ["a Url with a space", { RuleName: "r", Url: "/a b", VServerGroupId: "g" }, URL_MALFORMED],
    ["a Url of 81 characters", { RuleName: "r", Url: `/${"u".repeat(80)}`, VServerGroupId: "g" }, URL_MALFORMED],
    ["a Url not starting with /", { RuleName: "r", Url: "api", VServerGroupId: "g" }, URL_NOT_SUPPORT],
    ["a Url that is only /", { RuleName: "r", Url: "/", VServerGroupId: "g" }, URL_NOT_SUPPORT],
  ])("refuses a rule with %s", async (_name, item, expected) => {
    const address = await httpsListener();
    expect(await refusal("CreateRules", { ...address, RuleList: JSON.stringify([item]) })).toEqual(expected);
  });

  it("accepts a name of 40 of the documented characters and a Url of 80", async () => {
    const address = await httpsListener();
    const name = "Aa0-/._".repeat(6).slice(0, 40);
    const url = `/${"a1-/.%?#&".repeat(9)}`.slice(0, 80);
    const answer = await createRules(address, [byUrl(name, url)]);
    expect(answer.Rules).toEqual({ Rule: [{ RuleId: RULE_ID, RuleName: name }] });
  });

  it("fails a whole call for one broken rule, naming its code; the other rules are not made", async () => {
    const address = await httpsListener();
    const list = [byUrl("good-1", "/good/1"), byDomain("bad", "bad_domain.com"), byUrl("good-2", "/good/2")];
    expect(await refusal("CreateRules", { ...address, RuleList: JSON.stringify(list) })).toEqual(DOMAIN_MALFORMED);
    expect(await rulesOn(address)).toEqual([]);
  });

  it("refuses a Domain and Url pair the listener has with DomainExist, whatever the domain's case", async () => {
    const address = await httpsListener();
    await createRules(address, [{ RuleName: "first", Domain: "shop.example.com", Url: "/cart", VServerGroupId: "g" }]);
    const again = { RuleName: "second", Domain: "SHOP.example.com", Url: "/cart", VServerGroupId: "g" };
    expect(await refusal("CreateRules", { ...address, RuleList: JSON.stringify([again]) })).toEqual(DOMAIN_EXIST);
    expect(await rulesOn(address)).toHaveLength(1);
  });

  it("refuses a pair repeated within one call with DomainExist and makes none of the call's rules", async () => {
    const address = await httpsListener();
    const list = [byDomain("one", "a.example.com"), byUrl("two", "/two"), byDomain("three", "a.example.com")];
    expect(await refusal("CreateRules", { ...address, RuleList: JSON.stringify(list) })).toEqual(DOMAIN_EXIST);
    expect(await rulesOn(address)).toEqual([]);
  });

  it("allows the same domain with another URL, and the same URL with another domain or none", async () => {
    const address = await httpsListener();
    const list: RuleItem[] = [
      byDomain("d", "a.example.com"),
      { RuleName: "du", Domain: "a.example.com", Url: "/x", VServerGroupId: "g" },
      { RuleName: "eu", Domain: "b.example.com", Url: "/x", VServerGroupId: "g" },
      byUrl("u", "/x"),
    ];
    expect(made(await createRules(address, list))).toHaveLength(4);
  });

  it("refuses a name the listener already has with RuleListMalformed", async () => {
    const address = await httpsListener();
    await createRules(address, [byUrl("same-name", "/one")]);
    expect(
      await refusal("CreateRules", { ...address, RuleList: JSON.stringify([byUrl("same-name", "/two")]) }),
    ).toEqual(RULE_LIST_MALFORMED);
  });

  it("holds 40 rules per listener: a call that would pass them makes none, and TooManyRules answers", async () => {
    const address = await httpsListener();
    for (let call = 0; call < 3; call += 1) await createRules(address, numbered("q", 10, call * 10));
    await createRules(address, numbered("q", 5, 30));
    expect(await refusal("CreateRules", { ...address, RuleList: JSON.stringify(numbered("q", 10, 35)) })).toEqual(
      TOO_MANY_RULES,
    );
    expect(await rulesOn(address)).toHaveLength(35);
    await createRules(address, numbered("q", 5, 35));
    expect(await rulesOn(address)).toHaveLength(40);
    expect(await refusal("CreateRules", { ...address, RuleList: JSON.stringify(numbered("q", 1, 40)) })).toEqual(
      TOO_MANY_RULES,
    );
    // The quota is the listener's: another listener of the same load balancer takes its own 40.
    await listener("http", String(address.LoadBalancerId), 80);
    expect(made(await createRules(where(String(address.LoadBalancerId), 80), numbered("q", 1, 40)))).toHaveLength(1);
  });

  it("makes rules on an HTTP listener too", async () => {
    const lb = freshLb();
    await listener("http", lb, 8080);
    expect(made(await createRules(where(lb, 8080, "http"), [byDomain("h", "h.example.com")]))).toHaveLength(1);
  });

  it("refuses a TCP listener with RuleNotSupport and a UDP listener with ListenerNotSupportRule", async () => {
    const lb = freshLb();
    await listener("tcp", lb, 81);
    await listener("udp", lb, 82);
    const list = JSON.stringify([byUrl("r", "/r")]);
    expect(await refusal("CreateRules", { ...where(lb, 81), RuleList: list })).toEqual({
      code: "RuleNotSupport",
      status: 400,
      message: MESSAGES.ruleNotSupport,
    });
    expect(await refusal("CreateRules", { ...where(lb, 82), RuleList: list })).toEqual({
      code: "ListenerNotSupportRule",
      status: 400,
      message: MESSAGES.listenerNotSupportRule,
    });
    expect(await refusal("DescribeRules", where(lb, 81))).toEqual({
      code: "RuleNotSupport",
      status: 400,
      message: MESSAGES.ruleNotSupport,
    });
  });

  it("answers ListenerNotFound (404) for a port without a listener or without one of the named protocol", async () => {
    const lb = freshLb();
    await listener("https", lb, 443);
    const list = JSON.stringify([byUrl("r", "/r")]);
    expect(await refusal("CreateRules", { ...where(lb, 444), RuleList: list })).toEqual(LISTENER_NOT_FOUND);
    expect(await refusal("CreateRules", { ...where(lb, 443, "http"), RuleList: list })).toEqual(LISTENER_NOT_FOUND);
    expect(await refusal("DescribeRules", where(lb, 444))).toEqual(LISTENER_NOT_FOUND);
  });

  it("needs ListenerProtocol on a port an HTTP and a UDP listener share", async () => {
    const lb = freshLb();
    await listener("http", lb, 80);
    await listener("udp", lb, 80);
    const list = JSON.stringify([byUrl("r", "/r")]);
    expect(await refusal("CreateRules", { ...where(lb, 80), RuleList: list })).toEqual({
      code: "TooManyListeners",
      status: 400,
      message: "More than 1 listener is found, please be more specified.",
    });
    expect(made(await call("CreateRules", { ...where(lb, 80, "http"), RuleList: list }))).toHaveLength(1);
    expect(await rulesOn(where(lb, 80, "http"))).toHaveLength(1);
  });

  it("refuses an HTTP redirect listener with Operation.NotAllowed", async () => {
    const lb = freshLb();
    await listener("https", lb, 443);
    await listener("http", lb, 80, { ListenerForward: "on", ForwardPort: 443 });
    expect(await refusal("CreateRules", { ...where(lb, 80), RuleList: JSON.stringify([byUrl("r", "/r")]) })).toEqual({
      code: "Operation.NotAllowed",
      status: 400,
      message: "Operation Denied. The HTTP listener does not support this action.",
    });
    expect(await rulesOn(where(lb, 80))).toEqual([]);
  });

  it("answers an unknown load balancer and a missing RuleList with the common codes", async () => {
    expect(
      await refusal("CreateRules", { ...where("lb-missing", 443), RuleList: JSON.stringify([byUrl("r", "/r")]) }),
    ).toEqual({
      code: "InvalidLoadBalancerId.NotFound",
      status: 404,
      message: "The specified LoadBalancerId does not exist.",
    });
    expect(await refusal("CreateRules", where(freshLb(), 443))).toEqual(missingParameter("RuleList"));
  });
});

describe("DescribeRules, DescribeRuleAttribute and the listener's Describe", () => {
  it("answers DescribeRuleAttribute with the rule, its load balancer and its port as a string", async () => {
    const address = await httpsListener();
    const [id] = made(await createRules(address, [byDomain("attr", "attr.example.com", "rsp-emu-c")]));
    expect(await call("DescribeRuleAttribute", { RuleId: id })).toEqual({
      RequestId: ANY_REQUEST_ID,
      RuleId: id,
      RuleName: "attr",
      Domain: "attr.example.com",
      VServerGroupId: "rsp-emu-c",
      ListenerSync: "on",
      LoadBalancerId: address.LoadBalancerId,
      ListenerPort: "443",
    });
  });

  it("answers a rule id the region does not hold with InvalidRuleId.NotFound (404)", async () => {
    expect(await refusal("DescribeRuleAttribute", { RuleId: "rule-missing" })).toEqual(RULE_NOT_FOUND);
    expect(await refusal("DescribeRuleAttribute", {})).toEqual(missingParameter("RuleId"));
  });

  it("lists the rules in the HTTP and HTTPS listeners' Describe", async () => {
    const lb = freshLb();
    await listener("https", lb, 443);
    await listener("http", lb, 80);
    const [httpsId] = made(await createRules(where(lb, 443), [byDomain("s", "s.example.com")]));
    const [httpId] = made(await createRules(where(lb, 80), [byUrl("h", "/h", "rsp-emu-h")]));
    const https = await call("DescribeLoadBalancerHTTPSListenerAttribute", where(lb, 443));
    expect(https.Rules).toEqual({
      Rule: [{ RuleId: httpsId, RuleName: "s", Domain: "s.example.com", VServerGroupId: "rsp-emu-a" }],
    });
    const http = await call("DescribeLoadBalancerHTTPListenerAttribute", where(lb, 80));
    expect(http.Rules).toEqual({ Rule: [{ RuleId: httpId, RuleName: "h", Url: "/h", VServerGroupId: "rsp-emu-h" }] });
  });

  it("answers in the shape of the documented DescribeRules and DescribeRuleAttribute examples", async () => {
    // The JSON examples of AlibabaCloudDocs/slb `cn.zh-CN/API参考/转发规则/DescribeRules.md` and
    // `DescribeRuleAttribute.md`: rules that follow their listener list no settings, and a domain-only rule no Url.
    const documentedRules = [
      {
        Domain: "example.com",
        Url: "/image",
        RuleId: "rule-bp1supbxos2u3",
        VServerGroupId: "rsp-bp114nimo4kl9",
        RuleName: "auto_named_rule",
        ListenerSync: "on",
      },
      {
        Domain: "test.com",
        RuleId: "rule-bp1efemp9suk5",
        VServerGroupId: "rsp-bp114nimo4kl9",
        RuleName: "Rule2",
        ListenerSync: "on",
      },
    ];
    const documentedAttribute = {
      Domain: "test.com",
      RequestId: "DB3C28EE-9A6C-4FFA-8759-4ED8346A675E",
      VServerGroupId: "rsp-bp114nimo4kl9",
      LoadBalancerId: "lb-bp1ca0zt07t934wxezyxo",
      RuleName: "Rule2",
      ListenerSync: "on",
      ListenerPort: 90,
    };
    const lb = freshLb();
    await listener("https", lb, 90);
    const ids = made(
      await createRules(
        where(lb, 90),
        documentedRules.map(({ Domain, Url, VServerGroupId, RuleName }) => ({
          RuleName,
          Domain,
          ...(Url === undefined ? {} : { Url }),
          VServerGroupId,
        })),
      ),
    );
    const listed = await rulesOn(where(lb, 90));
    expect(listed.map((r) => Object.keys(r).sort())).toEqual(documentedRules.map((r) => Object.keys(r).sort()));
    expect(listed.map(({ RuleId: _id, ...rest }) => rest)).toEqual(
      documentedRules.map(({ RuleId: _id, ...rest }) => rest),
    );
    const attribute = await call("DescribeRuleAttribute", { RuleId: ids[1] });
    // The example leaves out RuleId, which both SDKs' models have; its ListenerPort is a number where the field
    // table and both SDKs say String (the family digest §6.2), which the emulator follows.
    expect(Object.keys(attribute).sort()).toEqual([...Object.keys(documentedAttribute), "RuleId"].sort());
    expect(attribute).toMatchObject({
      ...documentedAttribute,
      RequestId: ANY_REQUEST_ID,
      LoadBalancerId: lb,
      ListenerPort: "90",
    });
  });

  it("lists an HTTPS listener without rules with an empty Rules list", async () => {
    const address = await httpsListener();
    expect((await call("DescribeLoadBalancerHTTPSListenerAttribute", address)).Rules).toEqual({ Rule: [] });
  });
});

describe("SetRule", () => {
  async function oneRule(): Promise<{ address: Params; id: string }> {
    const address = await httpsListener();
    const [id] = made(
      await createRules(address, [{ RuleName: "set-me", Domain: "s.example.com", Url: "/s", VServerGroupId: "g1" }]),
    );
    return { address, id };
  }

  async function attribute(id: string): Promise<Body> {
    const body = await call("DescribeRuleAttribute", { RuleId: id });
    delete body.RequestId;
    return body;
  }

  it("changes the name and the VServer group; Domain and Url stay", async () => {
    const { id } = await oneRule();
    expect(await call("SetRule", { RuleId: id, RuleName: "renamed", VServerGroupId: "g2" })).toEqual({
      RequestId: ANY_REQUEST_ID,
    });
    expect(await attribute(id)).toMatchObject({
      RuleName: "renamed",
      VServerGroupId: "g2",
      Domain: "s.example.com",
      Url: "/s",
      ListenerSync: "on",
    });
  });

  it.each(["Scheduler", "StickySession", "HealthCheck"])("requires %s with ListenerSync off", async (name) => {
    const { id } = await oneRule();
    const params: Params = {
      RuleId: id,
      ListenerSync: "off",
      Scheduler: "wrr",
      StickySession: "off",
      HealthCheck: "off",
    };
    delete params[name];
    expect(await refusal("SetRule", params)).toEqual(missingParameter(name));
  });

  it("keeps the rule's own settings with ListenerSync off, integers as numbers, in DescribeRules too", async () => {
    const { address, id } = await oneRule();
    await call("SetRule", {
      RuleId: id,
      ListenerSync: "off",
      Scheduler: "rr",
      StickySession: "on",
      StickySessionType: "insert",
      CookieTimeout: 600,
      HealthCheck: "on",
      HealthCheckURI: "/health",
      HealthCheckDomain: "check.example.com",
      HealthCheckHttpCode: "http_2xx,http_3xx",
      HealthCheckConnectPort: 8080,
      HealthCheckTimeout: 4,
      HealthCheckInterval: 3,
      HealthyThreshold: 2,
      UnhealthyThreshold: 10,
    });
    const settings = {
      ListenerSync: "off",
      Scheduler: "rr",
      StickySession: "on",
      StickySessionType: "insert",
      CookieTimeout: 600,
      HealthCheck: "on",
      HealthCheckURI: "/health",
      HealthCheckDomain: "check.example.com",
      HealthCheckHttpCode: "http_2xx,http_3xx",
      HealthCheckConnectPort: 8080,
      HealthCheckTimeout: 4,
      HealthCheckInterval: 3,
      HealthyThreshold: 2,
      UnhealthyThreshold: 10,
    };
    const summary = { RuleId: id, RuleName: "set-me", Domain: "s.example.com", Url: "/s", VServerGroupId: "g1" };
    expect(await attribute(id)).toEqual({
      ...summary,
      ...settings,
      LoadBalancerId: address.LoadBalancerId,
      ListenerPort: "443",
    });
    expect(await rulesOn(address)).toEqual([{ ...summary, ...settings }]);
  });

  it("changes one setting of a rule that is already off without ListenerSync", async () => {
    const { id } = await oneRule();
    await call("SetRule", {
      RuleId: id,
      ListenerSync: "off",
      Scheduler: "wrr",
      StickySession: "off",
      HealthCheck: "off",
    });
    await call("SetRule", { RuleId: id, Scheduler: "rr" });
    expect(await attribute(id)).toMatchObject({
      ListenerSync: "off",
      Scheduler: "rr",
      StickySession: "off",
      HealthCheck: "off",
    });
  });

  it("drops the rule's own settings with ListenerSync on, and ignores settings sent to a rule that is on", async () => {
    const { id } = await oneRule();
    await call("SetRule", {
      RuleId: id,
      ListenerSync: "off",
      Scheduler: "rr",
      StickySession: "off",
      HealthCheck: "off",
    });
    await call("SetRule", { RuleId: id, ListenerSync: "on" });
    await call("SetRule", { RuleId: id, Scheduler: "wrr" });
    const body = await attribute(id);
    expect(body.ListenerSync).toBe("on");
    expect(Object.keys(body).sort()).toEqual(
      [
        "Domain",
        "ListenerPort",
        "ListenerSync",
        "LoadBalancerId",
        "RuleId",
        "RuleName",
        "Url",
        "VServerGroupId",
      ].sort(),
    );
  });

  it("leaves out the settings their switch turns off", async () => {
    const { id } = await oneRule();
    await call("SetRule", {
      RuleId: id,
      ListenerSync: "off",
      Scheduler: "wrr",
      StickySession: "off",
      StickySessionType: "server",
      Cookie: "abc",
      HealthCheck: "off",
      HealthCheckInterval: 5,
    });
    const body = await attribute(id);
    for (const name of ["StickySessionType", "Cookie", "HealthCheckInterval"]) expect(body).not.toHaveProperty(name);
  });

  it.each<[string, Params, string]>([
    ["StickySessionType with StickySession on", { StickySession: "on" }, "StickySessionType"],
    ["CookieTimeout with an inserted cookie", { StickySession: "on", StickySessionType: "insert" }, "CookieTimeout"],
    ["Cookie with a server cookie", { StickySession: "on", StickySessionType: "server" }, "Cookie"],
  ])("requires %s", async (_name, extra, missing) => {
    const { id } = await oneRule();
    const params = {
      RuleId: id,
      ListenerSync: "off",
      Scheduler: "wrr",
      StickySession: "off",
      HealthCheck: "off",
      ...extra,
    };
    expect(await refusal("SetRule", params)).toEqual(missingParameter(missing));
  });

  it.each<[string, string, string | number]>([
    ["Scheduler", "sch", "sch"],
    ["StickySession", "yes", "yes"],
    ["StickySessionType", "rewrite", "rewrite"],
    ["CookieTimeout", "0", 0],
    ["CookieTimeout", "86401", 86401],
    ["Cookie", "a;b", "a;b"],
    ["Cookie", "201 characters", "c".repeat(201)],
    ["HealthCheckTimeout", "301", 301],
    ["HealthCheckInterval", "51", 51],
    ["HealthyThreshold", "1", 1],
    ["UnhealthyThreshold", "11", 11],
    ["HealthCheckConnectPort", "0", 0],
    ["HealthCheckHttpCode", "http_6xx", "http_6xx"],
    ["HealthCheckDomain", "bad_domain", "bad_domain"],
    ["HealthCheckURI", "health", "health"],
    ["ListenerSync", "maybe", "maybe"],
    ["RuleName", "bad name", "bad name"],
  ])("refuses %s %s with InvalidParameter", async (name, _shown, value) => {
    const { id } = await oneRule();
    expect(await refusal("SetRule", { RuleId: id, [name]: value })).toEqual(invalidParameter(name));
  });

  it("refuses a name another rule of the listener has", async () => {
    const { address, id } = await oneRule();
    await createRules(address, [byUrl("taken", "/taken")]);
    expect(await refusal("SetRule", { RuleId: id, RuleName: "taken" })).toEqual(invalidParameter("RuleName"));
  });

  it("answers a rule id the region does not hold with InvalidRuleId.NotFound (404)", async () => {
    expect(await refusal("SetRule", { RuleId: "rule-missing", VServerGroupId: "g" })).toEqual(RULE_NOT_FOUND);
  });
});

describe("DeleteRules", () => {
  it("deletes the rules of a double-quoted and of a single-quoted RuleIds", async () => {
    const address = await httpsListener();
    const [a, b, c] = made(await createRules(address, numbered("d", 3)));
    expect(await call("DeleteRules", { RuleIds: JSON.stringify([a, b]) })).toEqual({ RequestId: ANY_REQUEST_ID });
    expect(await call("DeleteRules", { RuleIds: singleQuoted([c]) })).toEqual({ RequestId: ANY_REQUEST_ID });
    expect(await rulesOn(address)).toEqual([]);
    expect(await refusal("DescribeRuleAttribute", { RuleId: a })).toEqual(RULE_NOT_FOUND);
  });

  it("deletes rules of several listeners in one call", async () => {
    const lb = freshLb();
    await listener("https", lb, 443);
    await listener("http", lb, 80);
    const [one] = made(await createRules(where(lb, 443), [byUrl("one", "/one")]));
    const [two] = made(await createRules(where(lb, 80), [byUrl("two", "/two")]));
    await call("DeleteRules", { RuleIds: JSON.stringify([one, two]) });
    expect(await rulesOn(where(lb, 443))).toEqual([]);
    expect(await rulesOn(where(lb, 80))).toEqual([]);
  });

  it("takes 10 ids in one call and refuses 11, an empty list and a text that is no list", async () => {
    const address = await httpsListener();
    const ids = made(await createRules(address, numbered("t", 10)));
    for (const text of [JSON.stringify([...ids, "rule-eleventh"]), "[]", "rule-x", '[""]']) {
      expect(await refusal("DeleteRules", { RuleIds: text })).toEqual(invalidParameter("RuleIds"));
    }
    expect(await refusal("DeleteRules", {})).toEqual(missingParameter("RuleIds"));
    await call("DeleteRules", { RuleIds: JSON.stringify(ids) });
    expect(await rulesOn(address)).toEqual([]);
  });

  it("fails a whole call naming one id the region does not hold; the other rules stay", async () => {
    const address = await httpsListener();
    const [kept] = made(await createRules(address, [byUrl("kept", "/kept")]));
    expect(await refusal("DeleteRules", { RuleIds: JSON.stringify([kept, "rule-gone"]) })).toEqual(RULE_NOT_FOUND);
    expect(made({ Rules: { Rule: await rulesOn(address) } })).toEqual([kept]);
    expect(await refusal("DeleteRules", { RuleIds: singleQuoted(["rule-gone"]) })).toEqual(RULE_NOT_FOUND);
  });
});

describe("rules go with their listener", () => {
  it("removes a listener's rules when it is deleted; a new listener on the port starts without rules", async () => {
    const lb = freshLb();
    await listener("http", lb, 80);
    const [id] = made(await createRules(where(lb, 80), [byDomain("gone", "gone.example.com")]));
    await call("DeleteLoadBalancerListener", { ...where(lb, 80), ListenerProtocol: "http" });
    expect(await refusal("DescribeRuleAttribute", { RuleId: id })).toEqual(RULE_NOT_FOUND);
    expect(await refusal("DescribeRules", where(lb, 80))).toEqual(LISTENER_NOT_FOUND);
    expect(await refusal("DeleteRules", { RuleIds: JSON.stringify([id]) })).toEqual(RULE_NOT_FOUND);
    await listener("http", lb, 80);
    expect(await rulesOn(where(lb, 80))).toEqual([]);
  });

  it("removes the rules of a deleted load balancer", async () => {
    const address = await httpsListener();
    const [id] = made(await createRules(address, [byUrl("lb-gone", "/lb")]));
    emulator.state.deleteLoadBalancer(String(address.LoadBalancerId));
    expect(await refusal("DescribeRuleAttribute", { RuleId: id })).toEqual(RULE_NOT_FOUND);
  });
});

describe("the load balancer's configuration lock", () => {
  let locked: AliyunEmulator;

  beforeAll(async () => {
    locked = await startAliyunEmulator({ lockMs: 60_000 });
  });
  afterAll(async () => {
    await locked.close();
  });

  it("refuses rule mutations with OperationFailed.ListenerStatusNotSupport while the listener is configuring", async () => {
    const lb = freshLb(locked);
    await listener("https", lb, 443, {}, locked);
    const address = where(lb, 443);
    const list = JSON.stringify([byUrl("locked", "/locked")]);
    expect(await refusal("CreateRules", { ...address, RuleList: list }, locked)).toEqual(BUSY);
    locked.state.settle();
    expect(await rulesOn(address, locked)).toEqual([]);
    const [id] = made(await call("CreateRules", { ...address, RuleList: list }, locked));
    // The rule mutation holds the load balancer's lock: the next rule or listener mutation waits for it.
    expect(await refusal("SetRule", { RuleId: id, VServerGroupId: "g2" }, locked)).toEqual(BUSY);
    expect(await refusal("DeleteRules", { RuleIds: JSON.stringify([id]) }, locked)).toEqual(BUSY);
    expect(await refusal("CreateRules", { ...address, RuleList: JSON.stringify([byUrl("b", "/b")]) }, locked)).toEqual(
      BUSY,
    );
    expect(await refusal("SetLoadBalancerHTTPSListenerAttribute", { ...address, Bandwidth: 10 }, locked)).toEqual({
      code: "OperationBusy",
      status: 400,
      message: "A previous operation is pending.",
    });
    locked.state.settle();
    await call("SetRule", { RuleId: id, VServerGroupId: "g2" }, locked);
    expect(await refusal("DeleteRules", { RuleIds: JSON.stringify([id]) }, locked)).toEqual(BUSY);
    locked.state.settle();
    await call("DeleteRules", { RuleIds: JSON.stringify([id]) }, locked);
    locked.state.settle();
    expect(await rulesOn(address, locked)).toEqual([]);
  });

  it("refuses a rule mutation while a listener start is pending", async () => {
    const lb = freshLb(locked);
    await listener("http", lb, 80, {}, locked);
    locked.state.settle();
    await call("StartLoadBalancerListener", { ...where(lb, 80), ListenerProtocol: "http" }, locked);
    expect(
      await refusal("CreateRules", { ...where(lb, 80), RuleList: JSON.stringify([byUrl("s", "/s")]) }, locked),
    ).toEqual(BUSY);
  });

  it("answers the rule reads with OperationBusy while busy when the emulator refuses reads then", async () => {
    const lb = freshLb(locked);
    await listener("https", lb, 443, {}, locked);
    locked.state.settle();
    const [id] = made(
      await call("CreateRules", { ...where(lb, 443), RuleList: JSON.stringify([byUrl("r", "/r")]) }, locked),
    );
    const busyRead = { code: "OperationBusy", status: 400, message: "A previous operation is pending." };
    locked.state.refuseReadsWhileBusy = true;
    try {
      expect(await refusal("DescribeRules", where(lb, 443), locked)).toEqual(busyRead);
      expect(await refusal("DescribeRuleAttribute", { RuleId: id }, locked)).toEqual(busyRead);
    } finally {
      locked.state.refuseReadsWhileBusy = false;
    }
    expect(await rulesOn(where(lb, 443), locked)).toHaveLength(1);
  });
});

describe("forwarding rules and the emulator's knobs", () => {
  it("counts each rule action at arrival", async () => {
    const address = await httpsListener();
    emulator.resetCalls();
    const [id] = made(await createRules(address, [byUrl("c", "/c")]));
    await rulesOn(address);
    await call("DescribeRuleAttribute", { RuleId: id });
    await call("SetRule", { RuleId: id, VServerGroupId: "g2" });
    await call("DeleteRules", { RuleIds: JSON.stringify([id]) });
    await failureOf(call("DeleteRules", { RuleIds: JSON.stringify([id]) }));
    expect(Object.fromEntries(emulator.calls)).toEqual({
      CreateRules: 1,
      DescribeRules: 1,
      DescribeRuleAttribute: 1,
      SetRule: 1,
      DeleteRules: 2,
    });
  });

  it.each<[string, string, Refusal]>([
    ["CreateRules", "TooManyRules", TOO_MANY_RULES],
    ["CreateRules", "OperationFailed.ListenerStatusNotSupport", BUSY],
    ["DeleteRules", "InvalidRuleId.NotFound", RULE_NOT_FOUND],
    ["SetRule", "OperationFailed.ListenerStatusNotSupport", BUSY],
  ])("answers a faulted %s with %s as documented", async (action, code, expected) => {
    const address = await httpsListener();
    const [id] = made(await createRules(address, [byUrl("f", "/f")]));
    emulator.faults.add({ target: action, kind: "error", code, first: 1 });
    const params: Record<string, Params> = {
      CreateRules: { ...address, RuleList: JSON.stringify([byUrl("g", "/g")]) },
      DeleteRules: { RuleIds: JSON.stringify([id]) },
      SetRule: { RuleId: id, VServerGroupId: "g3" },
    };
    expect(await refusal(action, params[action])).toEqual(expected);
    await expect(call(action, params[action])).resolves.toMatchObject({ RequestId: ANY_REQUEST_ID });
  });

  it("makes the rules of a CreateRules whose answer is dropped, so a DescribeRules finds them", async () => {
    const address = await httpsListener();
    emulator.faults.add({ target: "CreateRules", kind: "drop-response", first: 1 });
    await failureOf(createRules(address, [byUrl("lost-1", "/lost/1"), byUrl("lost-2", "/lost/2")]));
    expect((await rulesOn(address)).map((r) => r.RuleName)).toEqual(["lost-1", "lost-2"]);
  });

  it("throttles the rule actions like the others", async () => {
    const address = await httpsListener();
    emulator.router.setRequestsPerSecond(1);
    await rulesOn(address);
    expect((await failureOf(rulesOn(address))).code).toBe("Throttling.User");
  });

  it("applies a configured rule quota", async () => {
    const small = await startAliyunEmulator({ lockMs: 0, ruleQuota: 2 });
    try {
      const address = await httpsListener(small);
      await createRules(address, numbered("s", 2), small);
      expect(
        await refusal("CreateRules", { ...address, RuleList: JSON.stringify(numbered("s", 1, 2)) }, small),
      ).toEqual(TOO_MANY_RULES);
    } finally {
      await small.close();
    }
  });
});
