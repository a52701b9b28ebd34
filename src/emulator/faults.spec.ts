import { FaultPlan, parseFaultFlag } from "./faults";

describe("FaultPlan", () => {
  it("faults only the first N matching calls", () => {
    const plan = new FaultPlan([{ target: "StartLoadBalancerListener", kind: "error", code: "X", first: 2 }]);
    const fired = [1, 2, 3].map(() => plan.next("StartLoadBalancerListener")?.code);
    expect(fired).toEqual(["X", "X", undefined]);
    expect(plan.next("CreateLoadBalancerHTTPSListener")).toBeUndefined();
  });
  it("faults the same seeded fraction of calls on every run", () => {
    const run = () => {
      const plan = new FaultPlan([{ target: "*", kind: "reset", fraction: 0.3, seed: 7 }]);
      return Array.from({ length: 200 }, () => plan.next("A") !== undefined);
    };
    const a = run();
    expect(run()).toEqual(a);
    const count = a.filter(Boolean).length;
    expect(count).toBeGreaterThan(30);
    expect(count).toBeLessThan(90);
  });
  it("stops faulting after clear", () => {
    const plan = new FaultPlan([{ target: "*", kind: "reset" }]);
    plan.clear();
    expect(plan.next("A")).toBeUndefined();
  });
});

describe("parseFaultFlag", () => {
  it("reads target, kind, code, status and count", () => {
    expect(parseFaultFlag("StartLoadBalancerListener:error:ServiceIsConfiguring:400@first=2")).toEqual({
      target: "StartLoadBalancerListener",
      kind: "error",
      code: "ServiceIsConfiguring",
      status: 400,
      first: 2,
    });
  });
  it("keeps a route with a space as the target", () => {
    expect(parseFaultFlag("POST /listeners:drop-response@fraction=0.5,seed=3")).toEqual({
      target: "POST /listeners",
      kind: "drop-response",
      code: undefined,
      status: undefined,
      fraction: 0.5,
      seed: 3,
    });
  });
  it("rejects an unknown kind with the accepted ones", () => {
    expect(() => parseFaultFlag("A:explode")).toThrow(
      '--fault "A:explode": expected <target>:<kind>, kind one of error, reset, stall, html502, drop-response',
    );
  });
  it("rejects a status that is not HTTP", () => {
    expect(() => parseFaultFlag("A:error:X:99")).toThrow(
      '--fault "A:error:X:99": status must be an HTTP status from 100 to 599, got 99',
    );
  });
});
