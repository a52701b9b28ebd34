/**
 * The new listener kinds as Pulumi registers them: type tokens `pulumi-nodejs:dynamic/aliyun:<Kind>`, a serialized
 * provider that only requires the kind's host module from the installed package (small, path-free, secret-free).
 */
import * as pulumi from "@pulumi/pulumi";
import { HttpListener } from "../http/resource";
import { TcpListener } from "../tcp/resource";
import { UdpListener } from "../udp/resource";

const SECRET = "kind-secret-Qx7Lm2Vb9";

/** registered runs `declare` under mocks and returns each resource's type and registration inputs. */
async function registered(declare: () => void): Promise<Map<string, Record<string, unknown>>> {
  const seen = new Map<string, Record<string, unknown>>();
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        seen.set(args.type, { ...args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    "kinds",
    "test",
    false,
  );
  process.env.ALICLOUD_SECRET_KEY = SECRET;
  try {
    declare();
    await pulumi.runtime.disconnect();
  } finally {
    delete process.env.ALICLOUD_SECRET_KEY;
  }
  return seen;
}

describe("HttpListener, TcpListener and UdpListener as registered", () => {
  let seen: Map<string, Record<string, unknown>>;
  beforeAll(async () => {
    seen = await registered(() => {
      new HttpListener("http", { loadBalancerId: "lb-1", listenerPort: 80, listenerForward: "on", forwardPort: 443 });
      new TcpListener("tcp", { loadBalancerId: "lb-1", listenerPort: 80, bandwidth: -1, backendServerPort: 80 });
      new UdpListener("udp", { loadBalancerId: "lb-1", listenerPort: 80, bandwidth: -1, backendServerPort: 80 });
    });
  });

  it.each([
    ["HttpListener", "aliyun-http"],
    ["TcpListener", "aliyun-tcp"],
    ["UdpListener", "aliyun-udp"],
  ])("registers %s with its type token and a provider that requires its host module", (kind, bundle) => {
    const inputs = seen.get(`pulumi-nodejs:dynamic/aliyun:${kind}`);
    expect(inputs).toBeDefined();
    const text = String(inputs?.__provider);
    expect(text).toContain(`module: "pulumi-lb-listeners/host/${bundle}"`);
    expect(text).toContain("require(this.module)");
    expect(Buffer.byteLength(text)).toBeLessThan(4096);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(process.cwd());
  });
});
