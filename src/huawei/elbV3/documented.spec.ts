/**
 * ElbV3Listener's reader against every documented listener body (the JSON fixtures of ../fixtures/elbV3/): the inputs
 * read back pass ElbV3Listener's own check, on both clouds, as `get()` hands them to the program.
 */
import createHttpDedicated from "../fixtures/elbV3/create-http-dedicated.json";
import createTcp from "../fixtures/elbV3/create-tcp.json";
import list from "../fixtures/elbV3/list.json";
import show from "../fixtures/elbV3/show.json";
import update from "../fixtures/elbV3/update.json";
import { checkInputs } from "./schema";
import { fromWire } from "./wire";

const BODIES: readonly [string, { readonly id: string } & Record<string, unknown>][] = [
  ["create-tcp.json (response)", createTcp.response.listener],
  ["create-http-dedicated.json (response)", createHttpDedicated.response.listener],
  ["show.json", show.response.listener],
  ["update.json (response)", update.response.listener],
  ...list.response.listeners.map((l, i): [string, { readonly id: string } & Record<string, unknown>] => [
    `list.json listener ${i + 1}`,
    l,
  ]),
];

describe("ElbV3Listener's reader of the documented listener bodies", () => {
  it("reads the Viewing Details example's transparent_client_ip_enable: false as not set (only true is an input)", () => {
    expect(show.response.listener.transparent_client_ip_enable).toBe(false);
    expect(fromWire(show.response.listener)).not.toHaveProperty("transparentClientIpEnable");
    expect(fromWire(createHttpDedicated.response.listener)).toMatchObject({ transparentClientIpEnable: true });
  });

  describe.each(BODIES)("%s", (_name, body) => {
    it.each(["opentelekomcloud", "huaweicloud"] as const)("gives inputs that pass check on %s", (cloud) => {
      const inputs = fromWire(body);
      expect(checkInputs(inputs, { cloud }).failures).toEqual([]);
    });
  });
});
