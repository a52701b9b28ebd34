import type * as dynamic from "@pulumi/pulumi/dynamic";
import { defined, PlannedProvider, type FullProvider, type ResourcePlan } from "./planned";

/** A recording plan and provider: each call is logged as `<half>.<method> <argument>`. */
function halves(calls: string[]): { plan: ResourcePlan; full: FullProvider } {
  const plan: ResourcePlan = {
    configure: async (req) => void calls.push(`plan.configure ${req.config.get("k")}`),
    check: async (_olds, news) => (calls.push(`plan.check ${JSON.stringify(news)}`), { inputs: news }),
    diff: async (id) => (calls.push(`plan.diff ${id}`), { changes: false }),
  };
  const full: FullProvider = {
    configure: async (req) => void calls.push(`full.configure ${req.config.get("k")}`),
    check: async () => Promise.reject(new Error("the host asks the plan to check")),
    diff: async () => Promise.reject(new Error("the host asks the plan to diff")),
    create: async (inputs) => (calls.push(`full.create ${JSON.stringify(inputs)}`), { id: "id-1", outs: {} }),
    read: async (id) => (calls.push(`full.read ${id}`), { id, props: {} }),
    update: async (id) => (calls.push(`full.update ${id}`), { outs: {} }),
    delete: async (id) => void calls.push(`full.delete ${id}`),
  };
  return { plan, full };
}

/** recorded is a PlannedProvider over the recording halves that also logs each half's load. */
function recorded(): { calls: string[]; loads: string[]; provider: PlannedProvider } {
  const calls: string[] = [];
  const { plan, full } = halves(calls);
  const loads: string[] = [];
  const provider = new PlannedProvider(
    async () => (loads.push("plan"), plan),
    async () => (loads.push("full"), full),
  );
  return { calls, loads, provider };
}

const request = (value: string): dynamic.ConfigureRequest => ({
  config: { get: (key: string) => (key === "k" ? value : undefined) } as dynamic.ConfigureRequest["config"],
});

describe("PlannedProvider", () => {
  it("serves configure, check and diff from the plan and never loads the full provider for them", async () => {
    const { calls, loads, provider } = recorded();
    await provider.configure(request("a"));
    await expect(provider.check({}, { port: 80 })).resolves.toEqual({ inputs: { port: 80 } });
    await expect(provider.diff("id-1", {}, {})).resolves.toEqual({ changes: false });
    expect(loads).toEqual(["plan"]);
    expect(calls).toEqual(["plan.configure a", 'plan.check {"port":80}', "plan.diff id-1"]);
  });

  it("loads the full provider once, on the first API call, configured with the last request", async () => {
    const { calls, loads, provider } = recorded();
    await provider.configure(request("a"));
    await provider.configure(request("b"));
    await Promise.all([provider.create({ port: 80 }), provider.read("id-1", {})]);
    await provider.update("id-1", {}, {});
    await provider.delete("id-1", {});
    expect(loads).toEqual(["plan", "full"]);
    expect(calls).toEqual([
      "plan.configure a",
      "plan.configure b",
      "full.configure b",
      'full.create {"port":80}',
      "full.read id-1",
      "full.update id-1",
      "full.delete id-1",
    ]);
  });

  it("passes a later configure to both halves", async () => {
    const calls: string[] = [];
    const { plan, full } = halves(calls);
    const provider = new PlannedProvider(
      async () => plan,
      async () => full,
    );
    await provider.read("id-1", {});
    await provider.configure(request("c"));
    expect(calls).toEqual(["full.read id-1", "plan.configure c", "full.configure c"]);
  });

  it("of: makes the plan class on the first call and imports the full class on the first API call, once each", async () => {
    const calls: string[] = [];
    const { plan, full } = halves(calls);
    const made: string[] = [];
    class Plan implements ResourcePlan {
      constructor() {
        made.push("plan");
      }
      configure = plan.configure;
      check = plan.check;
      diff = plan.diff;
    }
    class Full implements FullProvider {
      constructor() {
        made.push("full");
      }
      configure = full.configure;
      check = full.check;
      diff = full.diff;
      create = full.create;
      read = full.read;
      update = full.update;
      delete = full.delete;
    }
    const provider = PlannedProvider.of(Plan, async () => (made.push("import"), Full));
    expect(made).toEqual([]);
    await provider.configure(request("a"));
    await provider.check({}, { port: 80 });
    expect(made).toEqual(["plan"]);
    await Promise.all([provider.read("id-1", {}), provider.delete("id-2", {})]);
    expect(made).toEqual(["plan", "import", "full"]);
    expect(calls).toEqual([
      "plan.configure a",
      'plan.check {"port":80}',
      "full.configure a",
      "full.read id-1",
      "full.delete id-2",
    ]);
  });

  it("fails each call that needs a half whose load failed, with the loader's error", async () => {
    const { plan } = halves([]);
    const provider = new PlannedProvider(
      async () => plan,
      async () => Promise.reject(new Error("Cannot find module './host/huawei.js'")),
    );
    await expect(provider.check({}, {})).resolves.toEqual({ inputs: {} });
    await expect(provider.create({})).rejects.toThrow("Cannot find module './host/huawei.js'");
    await expect(provider.delete("id-1", {})).rejects.toThrow("Cannot find module './host/huawei.js'");
  });

  it("answers create, read and update without undefined members, which the host cannot encode", async () => {
    const bag = { a: 1, gone: undefined, nested: { b: "x", gone: undefined }, list: [{ c: 2, gone: undefined }] };
    const clean = { a: 1, nested: { b: "x" }, list: [{ c: 2 }] };
    const { full } = halves([]);
    const provider = new PlannedProvider(
      async () => halves([]).plan,
      async () => ({
        ...full,
        create: async () => ({ id: "id-1", outs: bag }),
        read: async (id) => ({ id, props: bag, inputs: bag }),
        update: async () => ({ outs: bag }),
      }),
    );
    expect(await provider.create({})).toStrictEqual({ id: "id-1", outs: clean });
    expect(await provider.read("id-1")).toStrictEqual({ id: "id-1", props: clean, inputs: clean });
    expect(await provider.update("id-1", {}, {})).toStrictEqual({ outs: clean });
  });
});

describe("defined", () => {
  it("keeps nulls, empty strings, zeros, false and class instances as they are", () => {
    const when = new Date(0);
    expect(defined({ n: null, s: "", z: 0, f: false, when, gone: undefined })).toStrictEqual({
      n: null,
      s: "",
      z: 0,
      f: false,
      when,
    });
    expect(defined(undefined)).toBeUndefined();
  });
});
