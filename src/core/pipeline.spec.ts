import type * as pipelineModule from "./pipeline";
import { ALIYUN_CLASSIFIER } from "../aliyun/errors";

/** loadCopy loads a fresh copy of pipeline.ts, as each resource kind's bundle in the provider host has its own. */
function loadCopy(): typeof pipelineModule {
  let copy: typeof pipelineModule | undefined;
  jest.isolateModules(() => {
    copy = jest.requireActual<typeof pipelineModule>("./pipeline");
  });
  if (!copy) throw new Error("pipeline.ts did not load");
  return copy;
}

/** recorder gives work that logs its start and end around a 20 ms wait, and the log. */
function recorder(): { events: string[]; work: (name: string) => () => Promise<void> } {
  const events: string[] = [];
  const work = (name: string) => async () => {
    events.push(`start ${name}`);
    await new Promise((r) => setTimeout(r, 20));
    events.push(`end ${name}`);
  };
  return { events, work };
}

describe("the pipeline's process-wide state", () => {
  const target = { endpoint: "aliyun|http://slb", loadBalancer: "lb-1" };
  const options = () => ({ budgetMs: 1000 });

  it("queues two copies of the module (two bundles) on one load balancer's lock", async () => {
    const listener = new (loadCopy().MutationPipeline)("aliyun:HttpsListener", ALIYUN_CLASSIFIER, options);
    const extension = new (loadCopy().MutationPipeline)("aliyun:DomainExtension", ALIYUN_CLASSIFIER, options);
    const { events, work } = recorder();
    await Promise.all([listener.exclusive(target, work("listener")), extension.exclusive(target, work("extension"))]);
    expect(events).toEqual(["start listener", "end listener", "start extension", "end extension"]);
  });

  it("still lets two load balancers change at once", async () => {
    const a = new (loadCopy().MutationPipeline)("aliyun:HttpsListener", ALIYUN_CLASSIFIER, options);
    const b = new (loadCopy().MutationPipeline)("aliyun:DomainExtension", ALIYUN_CLASSIFIER, options);
    const { events, work } = recorder();
    await Promise.all([a.exclusive(target, work("a")), b.exclusive({ ...target, loadBalancer: "lb-2" }, work("b"))]);
    expect(events.slice(0, 2)).toEqual(["start a", "start b"]);
  });
});
