/**
 * Agreement of ElbV2Listener's wire with the emulator's shared ELB v2 API, on both route families: the create body
 * the wire builds from checked inputs is accepted, and the listener read back is the same inputs; the PUT body for a
 * change (removed inputs included) gives the changed inputs back; the tag API's changes give the tags back.
 */
import { startHuaweiEmulator, type HuaweiEmulator } from "../../emulator/huawei";
import { ElbV2Client } from "../client";
import type { V2RouteFamily } from "../constants";
import type { Cloud } from "../listener/codecs";
import { checkInputs, INSERT_HEADER_DEFAULTS, type ElbV2ListenerInputs, type V2InputName } from "./schema";
import { emulatorTarget } from "../testing";
import { createBody, fromWire, tagChanges, tagsFromWire, updateBody } from "./wire";

let emu: HuaweiEmulator;

beforeAll(async () => {
  emu = await startHuaweiEmulator({ lockMs: 0 });
});
afterAll(async () => {
  await emu.close();
});

function client(family: V2RouteFamily): ElbV2Client {
  return new ElbV2Client(emulatorTarget(emu, 2000), family);
}

const CLOUD: Readonly<Record<V2RouteFamily, Cloud>> = { otc: "opentelekomcloud", huawei: "huaweicloud" };

/** checked runs check for the family's cloud and returns the typed inputs (the spec fails on any failure). */
function checked(raw: Record<string, unknown>, family: V2RouteFamily): ElbV2ListenerInputs {
  const result = checkInputs(raw, { cloud: CLOUD[family] });
  expect(result.failures).toEqual([]);
  if (!result.ok) throw new Error("inputs refused");
  return result.inputs;
}

let nextPort = 40000;

interface Case {
  readonly name: string;
  readonly family: V2RouteFamily;
  readonly inputs: (lb: string) => Record<string, unknown>;
  /** A change: new values, and inputs removed. */
  readonly change: () => Record<string, unknown>;
  readonly removed: readonly V2InputName[];
}

const CASES: readonly Case[] = [
  {
    name: "TCP on Open Telekom Cloud",
    family: "otc",
    inputs: (lb) => ({
      loadbalancerId: lb,
      protocol: "TCP",
      protocolPort: nextPort++,
      name: "tcp",
      description: "a TCP listener",
      connectionLimit: -1,
      adminStateUp: true,
    }),
    change: () => ({ name: "tcp-2" }),
    removed: ["description"],
  },
  {
    name: "UDP on Huawei Cloud",
    family: "huawei",
    inputs: (lb) => ({
      loadbalancerId: lb,
      protocol: "UDP",
      protocolPort: nextPort++,
      name: "udp",
      insertHeaders: { "X-Forwarded-ELB-IP": true, "X-Forwarded-Host": false },
      protectionStatus: "consoleProtection",
      protectionReason: "production",
    }),
    change: () => ({ protectionStatus: "nonProtection", insertHeaders: { "X-Forwarded-ELB-IP": false } }),
    removed: ["protectionReason"],
  },
  {
    name: "HTTP on Open Telekom Cloud",
    family: "otc",
    inputs: (lb) => ({ loadbalancerId: lb, protocol: "HTTP", protocolPort: nextPort++, description: "web" }),
    change: () => ({ name: "named", description: "web 2" }),
    removed: [],
  },
  {
    name: "TERMINATED_HTTPS on Open Telekom Cloud",
    family: "otc",
    inputs: (lb) => ({
      loadbalancerId: lb,
      protocol: "TERMINATED_HTTPS",
      protocolPort: nextPort++,
      defaultTlsContainerRef: emu.seed.shared.certificateId,
      clientCaTlsContainerRef: emu.seed.shared.caCertificateId,
      sniContainerRefs: [emu.seed.shared.certificateId, emu.seed.shared.sniCertificateId].sort(),
      tlsCiphersPolicy: "tls-1-0-inherit",
      http2Enable: true,
    }),
    change: () => ({ tlsCiphersPolicy: "tls-1-2-strict", http2Enable: false }),
    removed: ["clientCaTlsContainerRef", "sniContainerRefs"],
  },
  {
    name: "TERMINATED_HTTPS on Huawei Cloud",
    family: "huawei",
    inputs: (lb) => ({
      loadbalancerId: lb,
      protocol: "TERMINATED_HTTPS",
      protocolPort: nextPort++,
      defaultTlsContainerRef: emu.seed.shared.certificateId,
      tlsCiphersPolicy: "tls-1-2",
      insertHeaders: { "X-Forwarded-Host": true },
    }),
    change: () => ({
      defaultTlsContainerRef: emu.seed.shared.sniCertificateId,
      sniContainerRefs: [emu.seed.shared.certificateId],
    }),
    removed: ["tlsCiphersPolicy"],
  },
];

/** readBack is what the reader makes of the listener now, limited to the inputs the program set. */
async function readBack(api: ElbV2Client, id: string, names: readonly string[]): Promise<Record<string, unknown>> {
  const live: Record<string, unknown> = fromWire(await api.getListener(id), api.family);
  return Object.fromEntries(names.filter((n) => live[n] !== undefined).map((n) => [n, live[n]]));
}

describe.each(CASES)("the wire of a $name listener", (c) => {
  it("creates what the inputs say and reads it back unchanged", async () => {
    const api = client(c.family);
    const inputs = checked(c.inputs(emu.v2.addLoadBalancer("agreement").id), c.family);
    const made = await api.createListener({ listener: createBody(inputs) });
    expect(await readBack(api, made.id, Object.keys(inputs))).toEqual(inputs);
  });

  it("changes what the PUT body says, a removed input back to its default, and reads it back", async () => {
    const api = client(c.family);
    const olds = checked(c.inputs(emu.v2.addLoadBalancer("agreement").id), c.family);
    const made = await api.createListener({ listener: createBody(olds) });
    const raw: Record<string, unknown> = { ...olds, ...c.change() };
    for (const name of c.removed) delete raw[name];
    const news = checked(raw, c.family);
    const changed = [...new Set([...Object.keys(c.change()), ...c.removed])] as V2InputName[];
    await api.updateListener(made.id, { listener: updateBody(olds, news, changed) });
    const expected: Record<string, unknown> = { ...news };
    // A header the program removed goes back to its documented default.
    if (news.insertHeaders !== undefined) {
      const reset = Object.keys(olds.insertHeaders ?? {}).map((k) => [k, INSERT_HEADER_DEFAULTS[k]]);
      expected.insertHeaders = { ...Object.fromEntries(reset), ...news.insertHeaders };
    }
    const names = Object.keys(news).filter((n) => n !== "insertHeaders" || olds.insertHeaders !== undefined);
    expect(await readBack(api, made.id, [...names, ...c.removed.filter((n) => n === "description")])).toEqual({
      ...expected,
      ...(c.removed.includes("description") ? { description: "" } : {}),
    });
  });
});

describe("the tag changes", () => {
  it.each<V2RouteFamily>(["otc", "huawei"])("turn one tag map into another (%s)", async (family) => {
    const api = client(family);
    const made = await api.createListener({
      listener: createBody(
        checked({ loadbalancerId: emu.v2.addLoadBalancer("tags").id, protocol: "TCP", protocolPort: 80 }, family),
      ),
    });
    const steps: Record<string, string>[] = [{ a: "1", b: "2" }, { b: "3", c: "" }, {}];
    let current = {};
    for (const wanted of steps) {
      const changes = tagChanges(current, wanted);
      if (changes.delete.length > 0) await api.tagAction(made.id, "delete", changes.delete);
      if (changes.create.length > 0) await api.tagAction(made.id, "create", changes.create);
      current = tagsFromWire(await api.listTags(made.id));
      expect(current).toEqual(wanted);
    }
  });
});
