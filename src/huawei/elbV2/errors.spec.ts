/**
 * The shared ELB v2 answers mapped to behaviour by the cloud's one classification (../errors.ts): each answer the
 * emulator gives for a real situation, on both route families (NeutronError bodies on `/v2.0/lbaas`, ELB codes on
 * `/v2/{project_id}/elb`), read by ElbV2Client and classified as retry, gone, conflict or fatal.
 */
import { ApiError } from "../../core/errors";
import { startHuaweiEmulator, type HuaweiEmulator } from "../../emulator/huawei";
import { ElbV2Client } from "../client";
import type { V2RouteFamily } from "../constants";
import { classify, HUAWEI_CLASSIFIER } from "../errors";
import { apiFailure, emulatorTarget } from "../testing";

let emu: HuaweiEmulator;

beforeAll(async () => {
  emu = await startHuaweiEmulator({ lockMs: 0, listenerQuota: 2 });
});
afterAll(async () => {
  await emu.close();
});

function client(family: V2RouteFamily): ElbV2Client {
  return new ElbV2Client(emulatorTarget(emu, 2000), family);
}

const tcp = (lb: string, port: number) => ({ listener: { loadbalancer_id: lb, protocol: "TCP", protocol_port: port } });
const MISSING = "0416b6f1-877f-4a51-987e-978b3f084253";

interface Row {
  readonly situation: string;
  readonly run: (api: ElbV2Client) => Promise<unknown>;
  /** What each family answers: code and HTTP status. */
  readonly otc: readonly [string, number];
  readonly huawei: readonly [string, number];
  readonly behaviour: "retry" | "gone" | "conflict" | "fatal";
}

const ROWS: readonly Row[] = [
  {
    situation: "a port another listener holds",
    run: async (api) => {
      const lb = emu.v2.addLoadBalancer("conflict").id;
      await api.createListener(tcp(lb, 80));
      return api.createListener(tcp(lb, 80));
    },
    otc: ["LoadBalancerListenerProtocolPortExists", 409],
    huawei: ["ELB.6200", 400],
    behaviour: "conflict",
  },
  {
    situation: "a listener that does not exist",
    run: (api) => api.getListener(MISSING),
    otc: ["HTTPNotFound", 404],
    huawei: ["ELB.9800", 404],
    behaviour: "gone",
  },
  {
    situation: "a load balancer that is not ACTIVE",
    run: async (api) => {
      const lb = emu.v2.addLoadBalancer("busy").id;
      emu.v2.setProvisioningStatus(lb, "PENDING_UPDATE");
      return api.createListener(tcp(lb, 81));
    },
    otc: ["StateInvalid", 409],
    huawei: ["ELB.8907", 409],
    behaviour: "retry",
  },
  {
    situation: "the listener quota of a load balancer",
    run: async (api) => {
      const lb = emu.v2.addLoadBalancer("quota").id;
      await api.createListener(tcp(lb, 1));
      await api.createListener(tcp(lb, 2));
      return api.createListener(tcp(lb, 3));
    },
    otc: ["OverQuota", 409],
    huawei: ["ELB.6091", 403],
    behaviour: "fatal",
  },
  {
    situation: "a certificate that does not exist",
    run: (api) =>
      api.createListener({
        listener: {
          loadbalancer_id: emu.seed.shared.loadBalancers.first,
          protocol: "TERMINATED_HTTPS",
          protocol_port: 443,
          default_tls_container_ref: "ffffffffffffffffffffffffffffffff",
        },
      }),
    otc: ["TLSContainerNotFound", 404],
    huawei: ["ELB.5040", 404],
    behaviour: "fatal",
  },
  {
    situation: "a TERMINATED_HTTPS listener without a certificate",
    run: (api) =>
      api.createListener({
        listener: {
          loadbalancer_id: emu.seed.shared.loadBalancers.first,
          protocol: "TERMINATED_HTTPS",
          protocol_port: 444,
        },
      }),
    otc: ["TLSDefaultContainerNotSpecified", 400],
    huawei: ["ELB.9805", 400],
    behaviour: "fatal",
  },
];

describe.each(ROWS)("$situation", (row) => {
  it.each<V2RouteFamily>(["otc", "huawei"])("is answered on %s with its code and classified", async (family) => {
    const error: ApiError = await apiFailure(() => row.run(client(family)));
    const [code, status] = row[family];
    expect([error.code, error.status]).toEqual([code, status]);
    expect(classify(error)).toBe(row.behaviour);
  });
});

describe("the busy load balancer", () => {
  it.each<V2RouteFamily>(["otc", "huawei"])("is the lock the pacer learns from (%s)", async (family) => {
    const lb = emu.v2.addLoadBalancer("busy-lock").id;
    emu.v2.setProvisioningStatus(lb, "PENDING_UPDATE");
    const error = await apiFailure(() => client(family).createListener(tcp(lb, 82)));
    expect(HUAWEI_CLASSIFIER.isLoadBalancerBusy(error)).toBe(true);
  });
});

describe("a port conflict without a code of its own", () => {
  it("is a conflict when the 409 says a listener has the port", () => {
    const error = new ApiError({
      cloud: "huawei",
      action: "POST /v2/{project_id}/elb/listeners",
      code: "HTTP409",
      status: 409,
      apiMessage: "Load Balancer x already has a listener with protocol_port of 3306.",
    });
    expect(classify(error)).toBe("conflict");
  });
});
