/**
 * The ForwardingRule lifecycle and its batching against the in-process SLB emulator (lock on, 20 ms), driven through
 * the provider as the dynamic-provider host drives it: one create, read, update and delete; concurrent creates and
 * deletes of one listener sent as CreateRules and DeleteRules calls of up to ten; a batch with mixed outcomes; a lost
 * answer; the listener that does not exist yet.
 */
import type { AliyunEmulator } from "../../emulator/aliyun";
import { startAliyunEmulator } from "../../emulator/aliyun";
import type { Params, ResponseBody, SlbApi } from "../client";
import { SlbClient } from "../client";
import { isApiError } from "../../core/errors";
import { ERROR_CODES, MESSAGES, RULE_MESSAGES, RULES_PER_LISTENER } from "../constants";
import { clientFor, emulatorEnv, loadBalancerWithHttpsListener, loggedLines, useEmulator } from "../testing";
import type { ForwardingRuleOutputs, ForwardingRuleProviderOptions } from "./provider";
import { ForwardingRuleProvider } from "./provider";
import type { ForwardingRuleInputs } from "./schema";

let emulator: AliyunEmulator;
useEmulator(
  { lockMs: 20 },
  (e) => (emulator = e),
  () => {
    sent.length = 0;
  },
);
const lines = loggedLines();

const RETRY = { baseDelayMs: 10, maxDelayMs: 40 };

/**
 * sent records every call the providers of this file made: action, parameters and the code of a refusal. The lock's
 * own refusals (OperationFailed.ListenerStatusNotSupport, retried by the pipeline) are left out.
 */
const sent: { action: string; params: Params; refusedWith?: string }[] = [];

function provider(options: ForwardingRuleProviderOptions = {}): ForwardingRuleProvider {
  return new ForwardingRuleProvider({
    env: emulatorEnv(emulator),
    requestTimeoutMs: 2000,
    retry: RETRY,
    clientFor: (where): SlbApi => {
      const client = new SlbClient(where);
      return {
        call: async (action: string, params: Params): Promise<ResponseBody> => {
          try {
            const body = await client.call(action, params);
            sent.push({ action, params });
            return body;
          } catch (error) {
            const code = isApiError(error) ? error.code : String(error);
            if (code !== ERROR_CODES.listenerStatusNotSupport) sent.push({ action, params, refusedWith: code });
            throw error;
          }
        },
      };
    },
    ...options,
  });
}

/** calls lists the calls but for the lock's refusals, in order (of one action when given). */
function calls(action?: string): { action: string; params: Params; refusedWith?: string }[] {
  return sent.filter((c) => action === undefined || c.action === action);
}

/** ruleListSizes is how many rules each CreateRules carried. */
function ruleListSizes(): number[] {
  return calls("CreateRules")
    .filter((c) => !c.refusedWith)
    .map((c) => (JSON.parse(String(c.params.RuleList)) as unknown[]).length);
}

/** listener makes a load balancer of its own with a stopped HTTPS listener on 443, and returns the load balancer. */
async function listener(): Promise<string> {
  return loadBalancerWithHttpsListener(emulator);
}

function rule(
  lb: string,
  name: string,
  match: { domain?: string; url?: string },
  more: Partial<ForwardingRuleInputs> = {},
): ForwardingRuleInputs {
  return {
    loadBalancerId: lb,
    listenerPort: 443,
    listenerProtocol: "https",
    ruleName: name,
    vServerGroupId: "rsp-web",
    ...match,
    ...more,
  };
}

async function checked(p: ForwardingRuleProvider, inputs: ForwardingRuleInputs): Promise<ForwardingRuleInputs> {
  const r = await p.check(inputs, inputs);
  expect(r.failures).toBeUndefined();
  return r.inputs as ForwardingRuleInputs;
}

/** rulesOf lists the rules of the load balancer's HTTPS listener as `<name> <domain><url> -> <group>`. */
function rulesOf(lb: string): string[] {
  const l = emulator.state.describeListener(emulator.seed.regionId, lb, 443, "https");
  return [...(l.rules?.values() ?? [])].map((r) => `${r.name} ${r.domain ?? ""}${r.url ?? ""} -> ${r.vServerGroupId}`);
}

/** escaped quotes a text for a regular expression. */
function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** numbered makes `count` URL rules `<prefix>-<n>` on `/<prefix>/<n>`. */
function numbered(lb: string, prefix: string, count: number): ForwardingRuleInputs[] {
  return Array.from({ length: count }, (_, i) => rule(lb, `${prefix}-${i}`, { url: `/${prefix}/${i}` }));
}

describe("ForwardingRuleProvider lifecycle", () => {
  let lb = "";
  let id = "";
  let outs: ForwardingRuleOutputs;
  let inputs: ForwardingRuleInputs;

  beforeAll(async () => {
    lb = await listener();
  });

  it("creates the rule with one CreateRules and no SetRule; its id is the RuleId", async () => {
    const p = provider();
    inputs = await checked(p, rule(lb, "web", { domain: "www.example.com" }));
    const r = await p.create(inputs);
    id = r.id;
    outs = r.outs as ForwardingRuleOutputs;
    expect(id).toMatch(/^rule-/);
    expect(outs).toEqual({ ...inputs, regionId: "cn-hangzhou" });
    expect(calls().map((c) => c.action)).toEqual(["CreateRules"]);
    expect(calls()[0].params).toEqual({
      RegionId: "cn-hangzhou",
      LoadBalancerId: lb,
      ListenerPort: 443,
      ListenerProtocol: "https",
      RuleList: JSON.stringify([{ RuleName: "web", Domain: "www.example.com", VServerGroupId: "rsp-web" }]),
    });
    expect(rulesOf(lb)).toEqual(["web www.example.com -> rsp-web"]);
  });

  it("reads it back with DescribeRuleAttribute: the same props and inputs, and no difference", async () => {
    const p = provider();
    const read = await p.read(id, outs);
    expect(read).toEqual({ id, props: outs, inputs: outs });
    expect((await p.diff(id, read.props as ForwardingRuleOutputs, inputs)).changes).toBe(false);
  });

  it("gets it by id alone, finding its listener's protocol", async () => {
    const read = await provider().read(id);
    expect(read.props).toEqual(outs);
  });

  it("changes the group and the name in place with one SetRule", async () => {
    const p = provider();
    const news = await checked(p, { ...inputs, vServerGroupId: "rsp-api", ruleName: "web2" });
    expect(await p.diff(id, outs, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const r = await p.update(id, outs, news);
    outs = r.outs as ForwardingRuleOutputs;
    expect(calls().map((c) => c.action)).toEqual(["SetRule"]);
    expect(calls()[0].params).toEqual({
      RegionId: "cn-hangzhou",
      RuleId: id,
      RuleName: "web2",
      VServerGroupId: "rsp-api",
      ListenerSync: "on",
    });
    expect(rulesOf(lb)).toEqual(["web2 www.example.com -> rsp-api"]);
  });

  it("changes the group of a rule by URL alone in place, with outputs that hold no undefined member", async () => {
    const p = provider();
    const byUrl = await checked(p, rule(lb, "static", { url: "/static" }));
    const made = await p.create(byUrl);
    const news = await checked(p, { ...byUrl, vServerGroupId: "rsp-static" });
    const r = await p.update(made.id, made.outs as ForwardingRuleOutputs, news);
    expect(r.outs).toEqual({ ...news, regionId: "cn-hangzhou" });
    expect(Object.entries(r.outs ?? {}).filter(([, value]) => value === undefined)).toEqual([]);
    await p.delete(made.id, r.outs as ForwardingRuleOutputs);
  });

  it("gives the rule its own settings with one SetRule, and reads them back", async () => {
    const p = provider();
    const news = await checked(p, {
      ...outs,
      listenerSync: "off",
      scheduler: "rr",
      stickySession: "on",
      stickySessionType: "insert",
      cookieTimeout: 300,
      healthCheck: "on",
      healthCheckUri: "/health",
      healthyThreshold: 4,
    });
    const r = await p.update(id, outs, news);
    outs = r.outs as ForwardingRuleOutputs;
    expect(calls().map((c) => c.action)).toEqual(["SetRule"]);
    const read = await p.read(id, outs);
    expect(read.props).toEqual(outs);
    expect((await p.diff(id, read.props as ForwardingRuleOutputs, news)).changes).toBe(false);
  });

  it("replaces on a URL change, deleting the old rule first (same name on the same listener)", async () => {
    expect(await provider().diff(id, outs, { ...outs, url: "/v2" })).toEqual({
      changes: true,
      replaces: ["url"],
      deleteBeforeReplace: true,
    });
  });

  it("deletes it with one DeleteRules; deleting it again is success; reading it then answers gone", async () => {
    const p = provider();
    await p.delete(id, outs);
    expect(calls().map((c) => c.action)).toEqual(["DeleteRules"]);
    expect(calls()[0].params).toEqual({ RegionId: "cn-hangzhou", RuleIds: JSON.stringify([id]) });
    expect(rulesOf(lb)).toEqual([]);
    await p.delete(id, outs);
    expect(await p.read(id, outs)).toEqual({ id: "" });
  });
});

describe("ForwardingRuleProvider batching", () => {
  it("sends 20 concurrent creates of one listener as two CreateRules of 10, and 20 deletes as two DeleteRules", async () => {
    const lb = await listener();
    const p = provider();
    const made = await Promise.all(numbered(lb, "r", 20).map((r) => p.create(r)));
    expect(new Set(made.map((m) => m.id)).size).toBe(20);
    expect(ruleListSizes()).toEqual([10, 10]);
    expect(rulesOf(lb)).toHaveLength(20);
    sent.length = 0;
    await Promise.all(made.map((m) => p.delete(m.id, m.outs as ForwardingRuleOutputs)));
    expect(calls("DeleteRules").map((c) => (JSON.parse(String(c.params.RuleIds)) as unknown[]).length)).toEqual([
      10, 10,
    ]);
    expect(rulesOf(lb)).toEqual([]);
  });

  it("makes at most 3 CreateRules calls for 20 creates arriving 2 ms apart under a 100 ms lock: a batch the lock refuses takes the rules that arrive meanwhile", async () => {
    const slow = await startAliyunEmulator({ lockMs: 100 });
    try {
      const lb = await loadBalancerWithHttpsListener(slow);
      const p = provider({ env: emulatorEnv(slow) });
      const creates: Promise<unknown>[] = [];
      for (const r of numbered(lb, "s", 20)) {
        creates.push(p.create(r));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await Promise.all(creates);
      expect(ruleListSizes().length).toBeLessThanOrEqual(3);
      expect(ruleListSizes().reduce((a, b) => a + b, 0)).toBe(20);
    } finally {
      await slow.close();
    }
  });

  it("splits a batch of 12 at the 10-rule limit: CreateRules of 10, then 2", async () => {
    const lb = await listener();
    const p = provider();
    await Promise.all(numbered(lb, "t", 12).map((r) => p.create(r)));
    expect(ruleListSizes()).toEqual([10, 2]);
  });

  it("sends each rule alone with batching off (batch.maxSize 1)", async () => {
    const lb = await listener();
    const p = provider({ batch: { maxSize: 1 } });
    await Promise.all(numbered(lb, "u", 3).map((r) => p.create(r)));
    expect(ruleListSizes()).toEqual([1, 1, 1]);
  });

  it("takes the batch size from ALICLOUD_RULE_BATCH_SIZE and refuses one outside 1-10", async () => {
    const lb = await listener();
    const p = provider({ env: { ...emulatorEnv(emulator), ALICLOUD_RULE_BATCH_SIZE: "2" } });
    sent.length = 0;
    await Promise.all(numbered(lb, "w", 3).map((r) => p.create(r)));
    expect(ruleListSizes()).toEqual([2, 1]);
    const bad = provider({ env: { ...emulatorEnv(emulator), ALICLOUD_RULE_BATCH_SIZE: "11" } });
    await expect(bad.create(rule(lb, "x", { url: "/x" }))).rejects.toThrow(
      'ALICLOUD_RULE_BATCH_SIZE (batch.maxSize) must be an integer from 1 to 10, got "11"',
    );
  });

  it("gives each rule of a refused batch its own outcome: DomainExist and a taken name fail only their rules", async () => {
    const lb = await listener();
    const p = provider();
    await p.create(rule(lb, "taken", { domain: "a.example.com" }));
    sent.length = 0;
    const batch = [
      rule(lb, "ok-1", { url: "/1" }),
      rule(lb, "dup-match", { domain: "a.example.com" }),
      rule(lb, "ok-2", { url: "/2" }),
      rule(lb, "taken", { url: "/taken" }),
      rule(lb, "ok-3", { url: "/3" }),
    ];
    const results = await Promise.allSettled(batch.map((r) => p.create(r)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected", "fulfilled"]);
    const reasons = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
    expect(reasons).toEqual([
      `ForwardingRule ${lb}:https:443 dup-match (a.example.com): another rule on listener ${lb}:https:443 already ` +
        `matches a.example.com (CreateRules answered DomainExist (HTTP 400): ${RULE_MESSAGES.domainExist}); set ` +
        "adoptExisting to take it over",
      expect.stringMatching(
        new RegExp(
          `^ForwardingRule ${lb}:https:443 taken \\(/taken\\): Alibaba Cloud SLB CreateRules failed: RuleListMalformed \\(HTTP 400\\)`,
        ),
      ),
    ]);
    expect(rulesOf(lb).sort()).toEqual([
      "ok-1 /1 -> rsp-web",
      "ok-2 /2 -> rsp-web",
      "ok-3 /3 -> rsp-web",
      "taken a.example.com -> rsp-web",
    ]);
    expect(JSON.parse(String(calls("CreateRules")[0].params.RuleList))).toHaveLength(5);
    expect(lines).toContain(
      `ForwardingRule ${lb}:https:443: CreateRules of 5 rules answered DomainExist (HTTP 400); sending them again as 3 and 2`,
    );
  });

  it("fills the listener to its 40 rules and fails only the rules past it with TooManyRules", async () => {
    const lb = await listener();
    const p = provider();
    await Promise.all(numbered(lb, "f", RULES_PER_LISTENER - 2).map((r) => p.create(r)));
    const results = await Promise.allSettled(numbered(lb, "g", 4).map((r) => p.create(r)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected"]);
    for (const [i, r] of results.entries()) {
      if (r.status === "rejected") {
        expect((r.reason as Error).message).toMatch(
          new RegExp(
            `^ForwardingRule ${lb}:https:443 g-${i} \\(/g/${i}\\): Alibaba Cloud SLB CreateRules failed: ` +
              `TooManyRules \\(HTTP 400\\): ${escaped(RULE_MESSAGES.tooManyRules)}`,
          ),
        );
      }
    }
    expect(rulesOf(lb)).toHaveLength(RULES_PER_LISTENER);
  });
});

describe("ForwardingRuleProvider create paths", () => {
  it("resolves a lost CreateRules answer with DescribeRules and never sends the rules again", async () => {
    const lb = await listener();
    const p = provider();
    emulator.faults.add({ target: "CreateRules", kind: "drop-response", first: 1 });
    const made = await Promise.all(numbered(lb, "lost", 3).map((r) => p.create(r)));
    expect(rulesOf(lb)).toEqual([
      "lost-0 /lost/0 -> rsp-web",
      "lost-1 /lost/1 -> rsp-web",
      "lost-2 /lost/2 -> rsp-web",
    ]);
    expect(calls().map((c) => c.action)).toEqual(["CreateRules", "DescribeRules"]);
    const ids = emulator.state.describeListener(emulator.seed.regionId, lb, 443, "https").rules;
    expect(made.map((m) => m.id)).toEqual([...(ids?.keys() ?? [])]);
    expect(lines.filter((l) => l.includes("continuing"))).toEqual(
      [...(ids?.keys() ?? [])].map(
        (ruleId) => `ForwardingRule: an earlier attempt created rule ${ruleId}; continuing with it`,
      ),
    );
  });

  it("sends again, after DescribeRules, only the rules a lost answer did not make", async () => {
    const lb = await listener();
    const p = provider();
    emulator.faults.add({ target: "CreateRules", kind: "reset", first: 1 });
    await Promise.all(numbered(lb, "reset", 2).map((r) => p.create(r)));
    expect(calls().map((c) => c.action)).toEqual(["CreateRules", "DescribeRules", "CreateRules"]);
    expect(rulesOf(lb)).toHaveLength(2);
  });

  it("fails a rule on a listener that does not exist yet with ListenerNotFound, naming the listener", async () => {
    const lb = await listener();
    const p = provider();
    const missing = { ...rule(lb, "early", { url: "/early" }), listenerPort: 8443 };
    await expect(p.create(missing)).rejects.toThrow(
      `ForwardingRule ${lb}:https:8443 early (/early): listener ${lb}:https:8443 does not exist (CreateRules ` +
        `answered ListenerNotFound (HTTP 404): ${MESSAGES.listenerNotFound}); create the listener first and pass its ` +
        "outputs (listener.loadBalancerId, listener.listenerPort) so the rule waits for it",
    );
    expect(calls().map((c) => c.action)).toEqual(["CreateRules"]);
  });

  it("fails every rule of a batch on a redirect listener at once, without splitting the batch", async () => {
    const lb = await listener();
    await clientFor(emulator).call("CreateLoadBalancerHTTPListener", {
      RegionId: emulator.seed.regionId,
      LoadBalancerId: lb,
      ListenerPort: 80,
      BackendServerPort: 80,
      HealthCheck: "off",
      StickySession: "off",
      ListenerForward: "on",
      ForwardPort: 443,
    });
    emulator.state.settle();
    const p = provider();
    const onRedirect = numbered(lb, "redirect", 3).map((r) => ({
      ...r,
      listenerPort: 80,
      listenerProtocol: "http" as const,
    }));
    const results = await Promise.allSettled(onRedirect.map((r) => p.create(r)));
    expect(results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "made"))).toEqual(
      [0, 1, 2].map((i) =>
        expect.stringMatching(
          new RegExp(
            `^ForwardingRule ${lb}:http:80 redirect-${i} \\(/redirect/${i}\\): Alibaba Cloud SLB CreateRules failed: Operation\\.NotAllowed \\(HTTP 400\\)`,
          ),
        ),
      ),
    );
    expect(calls("CreateRules")).toHaveLength(1);
  });

  it("adopts a rule of the same Domain+Url with adoptExisting, setting its name and group", async () => {
    const lb = await listener();
    const p = provider();
    const first = await p.create(rule(lb, "old", { domain: "adopt.example.com", url: "/a" }));
    emulator.state.settle();
    sent.length = 0;
    const adopted = await p.create(
      rule(lb, "new", { domain: "adopt.example.com", url: "/a" }, { vServerGroupId: "rsp-api", adoptExisting: true }),
    );
    expect(adopted.id).toBe(first.id);
    expect(calls().map((c) => c.action)).toEqual(["DescribeRules", "SetRule"]);
    expect(rulesOf(lb)).toEqual(["new adopt.example.com/a -> rsp-api"]);
  });

  it("creates a rule with its own settings with CreateRules then SetRule", async () => {
    const lb = await listener();
    const p = provider();
    const own = rule(
      lb,
      "own",
      { url: "/own" },
      { listenerSync: "off", scheduler: "wrr", stickySession: "off", healthCheck: "off" },
    );
    const r = await p.create(await checked(p, own));
    expect(calls().map((c) => c.action)).toEqual(["CreateRules", "SetRule"]);
    expect(calls()[1].params).toEqual({
      RegionId: "cn-hangzhou",
      RuleId: r.id,
      RuleName: "own",
      VServerGroupId: "rsp-web",
      ListenerSync: "off",
      Scheduler: "wrr",
      StickySession: "off",
      HealthCheck: "off",
    });
    expect((await p.read(r.id, r.outs as ForwardingRuleOutputs)).props).toEqual(r.outs);
  });

  it("deletes a made rule again when its SetRule is refused, and names the rule", async () => {
    const lb = await listener();
    const p = provider();
    emulator.faults.add({
      target: "SetRule",
      kind: "error",
      code: "InvalidParameter",
      status: 400,
      message: "The specified parameter Scheduler is not valid.",
    });
    const own = rule(
      lb,
      "undo",
      { url: "/undo" },
      { listenerSync: "off", scheduler: "wrr", stickySession: "off", healthCheck: "off" },
    );
    await expect(p.create(own)).rejects.toThrow(
      new RegExp(
        `^ForwardingRule ${lb}:https:443 undo \\(/undo\\): Alibaba Cloud SLB SetRule failed: InvalidParameter \\(HTTP 400\\): ` +
          "The specified parameter Scheduler is not valid\\..*; rule rule-\\S+ was deleted again$",
      ),
    );
    expect(calls().map((c) => c.action)).toEqual(["CreateRules", "SetRule", "DeleteRules"]);
    expect(rulesOf(lb)).toEqual([]);
  });
});

describe("ForwardingRuleProvider delete batches", () => {
  it("deletes the others of a batch in which one rule is already gone", async () => {
    const lb = await listener();
    const p = provider();
    const made = await Promise.all(numbered(lb, "d", 4).map((r) => p.create(r)));
    emulator.state.settle();
    await clientFor(emulator).call("DeleteRules", { RegionId: "cn-hangzhou", RuleIds: JSON.stringify([made[1].id]) });
    emulator.state.settle();
    sent.length = 0;
    await Promise.all(made.map((m) => p.delete(m.id, m.outs as ForwardingRuleOutputs)));
    expect(rulesOf(lb)).toEqual([]);
    expect(calls("DeleteRules").map((c) => JSON.parse(String(c.params.RuleIds)) as string[])).toEqual([
      made.map((m) => m.id),
      [made[0].id, made[1].id],
      [made[0].id],
      [made[1].id],
      [made[2].id, made[3].id],
    ]);
  });

  it("counts the rules of a deleted listener as deleted", async () => {
    const lb = await listener();
    const p = provider();
    const made = await Promise.all(numbered(lb, "e", 2).map((r) => p.create(r)));
    emulator.state.deleteLoadBalancer(lb);
    await Promise.all(made.map((m) => p.delete(m.id, m.outs as ForwardingRuleOutputs)));
    expect(await p.read(made[0].id, made[0].outs as ForwardingRuleOutputs)).toEqual({ id: "" });
  });
});
