/**
 * The listener tag API of the Huawei emulator (both clouds, `/v2.0/{project_id}/listeners/{id}/tags`) over signed
 * HTTP: batch create and delete, add one, list, delete one, each documented refusal with its exact code and message,
 * and the listener's own `tags` staying `[]`.
 */
import type { HuaweiEmulator } from "../index";
import { startHuaweiEmulator } from "../index";
import { call, expectElb, type Sent } from "./testing";

let emu: HuaweiEmulator;
beforeAll(async () => {
  emu = await startHuaweiEmulator({ lockMs: 0 });
});
afterAll(() => emu.close());

let nextPort = 2000;

/** listener creates a fresh TCP listener on the OTC route and returns its id. */
async function listener(): Promise<string> {
  const r = await call(
    emu,
    "POST",
    "/v2.0/lbaas/listeners",
    { listener: { protocol: "TCP", protocol_port: nextPort++, loadbalancer_id: emu.seed.shared.loadBalancers.second } },
    { "X-Project-Id": emu.seed.projectId },
  );
  expect(r.status).toBe(201);
  return String((r.body as { listener: { id: string } }).listener.id);
}

const tags = (id: string, rest = ""): string => `/v2.0/${emu.seed.projectId}/listeners/${id}/tags${rest}`;
const listed = async (id: string): Promise<unknown> => (await call(emu, "GET", tags(id))).body;
const noContent = (r: Sent): void =>
  expect({ status: r.status, body: r.body }).toEqual({ status: 204, body: undefined });

describe("the listener tag API", () => {
  it("adds tags in a batch (204), overwrites a key, lists them (200) and deletes them in a batch", async () => {
    const id = await listener();
    const body = {
      action: "create",
      tags: [
        { key: "env", value: "dev" },
        { key: "team", value: "" },
      ],
    };
    noContent(await call(emu, "POST", tags(id, "/action"), body));
    noContent(
      await call(emu, "POST", tags(id, "/action"), { action: "create", tags: [{ key: "env", value: "prod" }] }),
    );
    expect(await listed(id)).toEqual({
      tags: [
        { key: "env", value: "prod" },
        { key: "team", value: "" },
      ],
    });
    noContent(await call(emu, "POST", tags(id, "/action"), { action: "delete", tags: [{ key: "team" }] }));
    expect(await listed(id)).toEqual({ tags: [{ key: "env", value: "prod" }] });
    expect(emu.calls.get("POST /v2.0/listeners/{id}/tags/action")).toBe(3);
  });

  it("adds one tag and deletes one by key", async () => {
    const id = await listener();
    noContent(await call(emu, "POST", tags(id), { tag: { key: "k1", value: "v1" } }));
    expect(await listed(id)).toEqual({ tags: [{ key: "k1", value: "v1" }] });
    noContent(await call(emu, "DELETE", tags(id, "/k1")));
    expect(await listed(id)).toEqual({ tags: [] });
  });

  it("keeps the listener's own tags field [] on both routes", async () => {
    const id = await listener();
    noContent(await call(emu, "POST", tags(id), { tag: { key: "k", value: "v" } }));
    const otc = await call(emu, "GET", `/v2.0/lbaas/listeners/${id}`, undefined, {
      "X-Project-Id": emu.seed.projectId,
    });
    const hw = await call(emu, "GET", `/v2/${emu.seed.projectId}/elb/listeners/${id}`);
    expect([otc.body, hw.body]).toMatchObject([{ listener: { tags: [] } }, { listener: { tags: [] } }]);
  });

  const refusals: [string, unknown, string, string][] = [
    ["an unknown action", { action: "update", tags: [] }, "VPC.1801", "action is invalid."],
    ["a body without tags", { action: "create" }, "VPC.1801", "Tag can not be null."],
    ["a tag without a key", { action: "create", tags: [{ value: "v" }] }, "VPC.1801", "Tag can not be null."],
    [
      "a key of 37 characters",
      { action: "create", tags: [{ key: "k".repeat(37), value: "v" }] },
      "VPC.1801",
      "Tag length is invalid. The key length must be in range [1,36] and value in range [0,43]",
    ],
    [
      "a value of 44 characters",
      { action: "create", tags: [{ key: "k", value: "v".repeat(44) }] },
      "VPC.1801",
      "Tag length is invalid. The key length must be in range [1,36] and value in range [0,43]",
    ],
    [
      "a key with a space",
      { action: "create", tags: [{ key: "a b", value: "v" }] },
      "VPC.1801",
      "Tag value a b is invalid.",
    ],
    [
      "11 tags in one request",
      { action: "create", tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: "v" })) },
      "VPC.1801",
      "number of tags exceeds max unm of 10.",
    ],
    [
      "a repeated key",
      {
        action: "create",
        tags: [
          { key: "k", value: "1" },
          { key: "k", value: "2" },
        ],
      },
      "VPC.1814",
      "Invalid input for operation: tags key is duplicated.",
    ],
  ];

  it.each(refusals)("refuses %s", async (_name, body, code, message) => {
    expectElb(await call(emu, "POST", tags(await listener(), "/action"), body), 400, code, message);
  });

  it("refuses an 11th tag on a listener with VPC.1814", async () => {
    const id = await listener();
    const ten = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    noContent(await call(emu, "POST", tags(id, "/action"), { action: "create", tags: ten }));
    expectElb(
      await call(emu, "POST", tags(id), { tag: { key: "k10", value: "v" } }),
      400,
      "VPC.1814",
      `Invalid input for operation: resource_id: ${id}, number of tags exceed max num of 10.`,
    );
  });

  it("refuses an unknown listener and an unknown key with VPC.1814", async () => {
    const missing = "0d7e5b51-0000-4000-8000-000000000000";
    expectElb(
      await call(emu, "GET", tags(missing)),
      400,
      "VPC.1814",
      `Resource listener ${missing} could not be found.`,
    );
    expectElb(
      await call(emu, "DELETE", tags(await listener(), "/nope")),
      400,
      "VPC.1814",
      "The resource could not be found.",
    );
  });

  it("refuses another project's path at the gateway with 403 APIGW.0302", async () => {
    const r = await call(emu, "GET", `/v2.0/another/listeners/${await listener()}/tags`);
    expect([r.status, (r.body as { error_code: string }).error_code]).toEqual([403, "APIGW.0302"]);
  });
});
