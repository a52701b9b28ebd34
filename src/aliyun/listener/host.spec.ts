/**
 * Each listener kind's host module, as the dynamic-provider host requires it: its `provider` answers check and diff
 * from the kind's plan (the listener core on its table), naming the kind in its messages.
 */
import { provider as httpsHost } from "../host";
import { provider as httpHost } from "../http/host";
import { provider as tcpHost } from "../tcp/host";
import { provider as udpHost } from "../udp/host";

describe.each([
  ["HttpsListener", httpsHost],
  ["HttpListener", httpHost],
  ["TcpListener", tcpHost],
  ["UdpListener", udpHost],
] as const)("the %s host module", (resource, provider) => {
  it("checks with the kind's table", async () => {
    const r = await provider.check({}, { loadBalancerId: "lb-1", listenerPort: 0 });
    expect(r.failures).toEqual(
      expect.arrayContaining([
        {
          property: "listenerPort",
          reason: expect.stringMatching(/^listenerPort must be an integer from 1 to 65535.*, got 0$/),
        },
      ]),
    );
    const foreign = await provider.check({}, { listenerPorts: 1 });
    expect(foreign.failures).toEqual(
      expect.arrayContaining([{ property: "listenerPorts", reason: `listenerPorts is not an input of ${resource}` }]),
    );
  });

  it("diffs with the kind's table: a port change replaces", async () => {
    const olds = { loadBalancerId: "lb-1", listenerPort: 1, regionId: "cn-hangzhou", status: "running" };
    const diff = await provider.diff("id", olds, { ...olds, listenerPort: 2 });
    expect(diff).toMatchObject({ changes: true, replaces: ["listenerPort"] });
  });
});
