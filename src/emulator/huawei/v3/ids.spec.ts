/**
 * The v3 emulator's ids: one counter per v3 state, `e3b` and hex digits, 32 characters, apart from the classic ids
 * (`e1b`), so every instance seeds the same dedicated fixtures and the v1.0 ids do not move.
 */
import { seedDedicated, v3EmulatorId, V3State } from "./index";

function seeded() {
  const state = new V3State("p1");
  return { state, seed: seedDedicated(state) };
}

describe("v3EmulatorId", () => {
  it("writes a counter value as e3b and hex digits, 32 characters in all", () => {
    expect(v3EmulatorId(1)).toBe("e3b00000000000000000000000000001");
    expect(v3EmulatorId(255)).toBe("e3b000000000000000000000000000ff");
  });
});

describe("the v3 emulator's seeded ids", () => {
  it("seeds the dedicated load balancers, certificates, IP group and security policy with fixed ids", () => {
    expect(seeded().seed).toEqual({
      dedicated: {
        l4l7: "e3b00000000000000000000000000003",
        l4: "e3b00000000000000000000000000004",
        l7: "e3b00000000000000000000000000005",
      },
      certificates: { server: "e3b00000000000000000000000000006", client: "e3b00000000000000000000000000007" },
      ipGroupId: "e3b00000000000000000000000000008",
      securityPolicyId: "e3b00000000000000000000000000009",
    });
    expect(seeded().seed).toEqual(seeded().seed);
  });

  it("gives listeners the next counter values and never one twice", () => {
    const { state, seed } = seeded();
    const tcp = (port: number) =>
      state.createListener({ listener: { protocol: "TCP", protocol_port: port, loadbalancer_id: seed.dedicated.l4 } })
        .id;
    const first = tcp(80);
    state.deleteListener(first);
    expect([first, tcp(80)]).toEqual(["e3b0000000000000000000000000000a", "e3b0000000000000000000000000000b"]);
  });
});
