/**
 * The emulator's ids: one counter per emulator instance for load balancers, certificates and listeners, 32 lowercase
 * hex characters like the service's, so every instance seeds the same fixture ids (the stack files hold them).
 */
import { seedProject } from "./index";
import { ElbState, emulatorId } from "./state";

const PUBLIC_LB = "e1b00000000000000000000000000001";
const PRIVATE_LB = "e1b00000000000000000000000000002";
const CERTIFICATE = "e1b00000000000000000000000000003";

function seeded(): { state: ElbState; seed: ReturnType<typeof seedProject> } {
  const state = new ElbState("p1", { pendingCreateReads: 0 });
  return { state, seed: seedProject(state, "eu-de") };
}

function httpListener(state: ElbState, loadbalancerId: string, port: number): string {
  return state.createListener({
    name: `l${port}`,
    loadbalancer_id: loadbalancerId,
    protocol: "HTTP",
    port,
    backend_protocol: "HTTP",
    backend_port: 8080,
    lb_algorithm: "roundrobin",
  }).id;
}

describe("emulatorId", () => {
  it("writes a counter value as e1b and hex digits, 32 characters in all", () => {
    expect(emulatorId(1)).toBe(PUBLIC_LB);
    expect(emulatorId(255)).toBe("e1b000000000000000000000000000ff");
  });
});

describe("the Huawei emulator's ids", () => {
  it("seeds the public and private load balancers and the certificate with fixed ids", () => {
    expect(seeded().seed).toEqual({
      region: "eu-de",
      projectId: "p1",
      loadBalancers: { public: PUBLIC_LB, private: PRIVATE_LB },
      certificateId: CERTIFICATE,
    });
  });

  it("seeds the same ids in every instance", () => {
    expect(seeded().seed).toEqual(seeded().seed);
  });

  it("gives listeners the next counter values, after the seeded fixtures", () => {
    const { state } = seeded();
    expect([httpListener(state, PUBLIC_LB, 80), httpListener(state, PRIVATE_LB, 80)]).toEqual([
      "e1b00000000000000000000000000004",
      "e1b00000000000000000000000000005",
    ]);
  });

  it("never gives an id twice in one instance, deleted listeners' ids included", () => {
    const { state } = seeded();
    const first = httpListener(state, PUBLIC_LB, 80);
    state.deleteListener(first);
    const lb = state.addLoadBalancer("External", "more").id;
    const cert = state.addCertificate("more", "api.example.com").id;
    const second = httpListener(state, PUBLIC_LB, 80);
    const ids = [PUBLIC_LB, PRIVATE_LB, CERTIFICATE, first, lb, cert, second];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  });
});
