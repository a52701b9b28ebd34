/**
 * The v2 emulator's ids: one counter per v2 state, `e2b` and hex digits, UUID-shaped for load balancers and
 * listeners (shared ELB ids are UUIDs) and 32 hex characters for certificates (ELB.5020), apart from the classic
 * (`e1b`) and dedicated (`e3b`) ids, so every instance seeds the same shared fixtures.
 */
import { seedShared, v2EmulatorId, V2State } from "./index";

function seeded() {
  const state = new V2State("p1");
  return { state, seed: seedShared(state) };
}

describe("v2EmulatorId", () => {
  it("writes a counter value as e2b and hex digits in the UUID shape", () => {
    expect(v2EmulatorId(1)).toBe("e2b00000-0000-0000-0000-000000000001");
    expect(v2EmulatorId(255)).toBe("e2b00000-0000-0000-0000-0000000000ff");
  });
});

describe("the v2 emulator's seeded ids", () => {
  it("seeds two ACTIVE shared load balancers, one in ERROR and three certificates with fixed ids", () => {
    const { state, seed } = seeded();
    expect(seed).toEqual({
      shared: {
        loadBalancers: {
          first: "e2b00000-0000-0000-0000-000000000001",
          second: "e2b00000-0000-0000-0000-000000000002",
          error: "e2b00000-0000-0000-0000-000000000003",
        },
        certificateId: "e2b00000000000000000000000000004",
        sniCertificateId: "e2b00000000000000000000000000005",
        caCertificateId: "e2b00000000000000000000000000006",
      },
    });
    expect(seeded().seed).toEqual(seed);
    const status = (id: string) => state.provisioningStatus(state.getLoadBalancer(id));
    expect([status(seed.shared.loadBalancers.first), status(seed.shared.loadBalancers.error)]).toEqual([
      "ACTIVE",
      "ERROR",
    ]);
  });

  it("gives listeners the next counter values and never one twice", () => {
    const { state, seed } = seeded();
    const tcp = (port: number) =>
      state.createListener(
        { listener: { protocol: "TCP", protocol_port: port, loadbalancer_id: seed.shared.loadBalancers.first } },
        "otc",
      ).id;
    const first = tcp(80);
    state.deleteListener(first);
    expect([first, tcp(80)]).toEqual(["e2b00000-0000-0000-0000-000000000007", "e2b00000-0000-0000-0000-000000000008"]);
  });
});
