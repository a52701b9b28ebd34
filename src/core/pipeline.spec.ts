import { MutationPipeline } from "./pipeline";
import { ALIYUN_CLASSIFIER } from "../aliyun/errors";

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

describe("the pipeline's one lock table", () => {
  const target = { endpoint: "aliyun|http://slb", loadBalancer: "lb-1" };
  const options = () => ({ budgetMs: 1000 });

  it("queues two kinds' pipelines on one load balancer's lock", async () => {
    const listener = new MutationPipeline("aliyun:HttpsListener", ALIYUN_CLASSIFIER, options);
    const extension = new MutationPipeline("aliyun:DomainExtension", ALIYUN_CLASSIFIER, options);
    const { events, work } = recorder();
    await Promise.all([listener.exclusive(target, work("listener")), extension.exclusive(target, work("extension"))]);
    expect(events).toEqual(["start listener", "end listener", "start extension", "end extension"]);
  });

  it("still lets two load balancers change at once", async () => {
    const a = new MutationPipeline("aliyun:HttpsListener", ALIYUN_CLASSIFIER, options);
    const b = new MutationPipeline("aliyun:DomainExtension", ALIYUN_CLASSIFIER, options);
    const { events, work } = recorder();
    await Promise.all([a.exclusive(target, work("a")), b.exclusive({ ...target, loadBalancer: "lb-2" }, work("b"))]);
    expect(events.slice(0, 2)).toEqual(["start a", "start b"]);
  });
});
