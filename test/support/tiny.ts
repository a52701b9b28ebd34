/**
 * A tiny dynamic resource whose serialized provider is self-contained (it needs nothing but `fs`), so the engine
 * tests can prove the host path end to end without the package's own providers. Its "cloud" is a JSON file named by
 * the host's TINY_CLOUD_FILE environment variable, which tests edit to make out-of-band changes.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the serialized provider must require fs itself */
import * as pulumi from "@pulumi/pulumi";

/** TinyArgs are the tiny resource's inputs: size 1..10 (updatable), zone (replaces), dbr (delete before replace). */
export interface TinyArgs {
  readonly size: pulumi.Input<number>;
  readonly zone: pulumi.Input<string>;
  readonly label?: pulumi.Input<string>;
  readonly token?: pulumi.Input<string>;
  readonly dbr?: pulumi.Input<boolean>;
}

type Props = Record<string, unknown>;

const tinyProvider: pulumi.dynamic.ResourceProvider<Props, Props> = {
  async configure(req) {
    const state = globalThis as unknown as { tinyGreeting?: string; tinyToken?: string };
    state.tinyGreeting = req.config.get("greeting") ?? "none";
    state.tinyToken = req.config.get("token");
  },
  async check(olds, news) {
    const failures: pulumi.dynamic.CheckFailure[] = [];
    const size = news.size;
    if (size !== "04da6b54-80e4-46f7-96ec-b56ff0331ba9" && !(typeof size === "number" && size >= 1 && size <= 10)) {
      failures.push({ property: "size", reason: "size must be an integer from 1 to 10" });
    }
    // A preview passes unknown inputs as the sentinel string, so a label is a string whether known or not.
    if (news.label !== undefined && typeof news.label !== "string") {
      failures.push({ property: "label", reason: "label must be a string" });
    }
    return { inputs: news, failures };
  },
  async diff(id, olds, news) {
    const keys = ["size", "zone", "label", "token", "dbr"];
    const changed = keys.filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
    return {
      changes: changed.length > 0,
      replaces: changed.includes("zone") ? ["zone"] : [],
      deleteBeforeReplace: news.dbr === true,
    };
  },
  async create(inputs) {
    const fs = require("fs") as typeof import("fs");
    const file = process.env.TINY_CLOUD_FILE as string;
    const state = globalThis as unknown as { tinyGreeting?: string; tinyToken?: string };
    if (inputs.label === "explode") throw new Error(`the tiny cloud refused label explode`);
    if (state.tinyToken !== process.env.TINY_EXPECTED_TOKEN) throw new Error("the tiny cloud rejected the token");
    const cloud = (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}) as Record<string, Props>;
    const id = `t-${Object.keys(cloud).length + 1}-${String(inputs.zone)}`;
    const { __provider: _, ...rest } = inputs;
    cloud[id] = rest;
    fs.writeFileSync(file, JSON.stringify(cloud));
    return { id, outs: { ...rest, arn: `arn:tiny:${id}`, greeting: state.tinyGreeting } };
  },
  async read(id, props) {
    const fs = require("fs") as typeof import("fs");
    const cloud = JSON.parse(fs.readFileSync(process.env.TINY_CLOUD_FILE as string, "utf8")) as Record<string, Props>;
    const live = cloud[id];
    if (!live) return {};
    return { id, props: { ...props, ...live }, inputs: live };
  },
  async update(id, olds, news) {
    const fs = require("fs") as typeof import("fs");
    const file = process.env.TINY_CLOUD_FILE as string;
    const cloud = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Props>;
    const { __provider: _, ...rest } = news;
    cloud[id] = rest;
    fs.writeFileSync(file, JSON.stringify(cloud));
    return { outs: { ...rest, arn: `arn:tiny:${id}`, greeting: olds.greeting } };
  },
  async delete(id) {
    const fs = require("fs") as typeof import("fs");
    const file = process.env.TINY_CLOUD_FILE as string;
    const cloud = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Props>;
    delete cloud[id];
    fs.writeFileSync(file, JSON.stringify(cloud));
  },
};

/** Tiny is the test resource, type `pulumi-nodejs:dynamic/test:Tiny`. */
export class Tiny extends pulumi.dynamic.Resource {
  declare readonly arn: pulumi.Output<string>;
  declare readonly greeting: pulumi.Output<string>;
  declare readonly size: pulumi.Output<number>;

  constructor(name: string, args: TinyArgs, opts?: pulumi.CustomResourceOptions) {
    super(tinyProvider, name, { ...args, arn: undefined, greeting: undefined }, opts, "test", "Tiny");
  }
}
