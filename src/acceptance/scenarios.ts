/**
 * One acceptance scenario per resource kind the package exports: the resources its program declares at each stage
 * (created, changed in place, changed so that it is replaced, taken over with `adoptExisting`, read with `get()`), the
 * account ids it needs, and how to list the listeners that prove what happened. A kind added to the package adds its
 * entry to SCENARIOS.
 */
import type * as pulumi from "@pulumi/pulumi";
import { DomainExtension, ForwardingRule, HttpListener, HttpsListener, TcpListener, UdpListener } from "../aliyun";
import type { Cloud } from "../core/errors";
import { ElbListener, ElbV2Listener, ElbV3Listener } from "../huawei";
import type { AliyunAccount, HuaweiAccount, LiveListener } from "./account";
import { PREFIX, type VariableName } from "./variables";

/** KindName is a resource kind the package exports. */
export type KindName =
  | "HttpsListener"
  | "DomainExtension"
  | "HttpListener"
  | "TcpListener"
  | "UdpListener"
  | "ForwardingRule"
  | "ElbListener"
  | "ElbV3Listener"
  | "ElbV2Listener";

/** Stage is which inputs the program declares: the first, one changed in place, one that replaces. */
export type Stage = "base" | "update" | "replace";

/** Ids are the account ids by role; the ones a scenario needs are set before it runs. */
export type Ids = Readonly<Record<VariableName, string>>;

/** StageContext is what a program needs to declare a stage's resources. */
interface StageContext {
  readonly ids: Ids;
  readonly port: number;
  /** run is this run's tag, after the prefix in every name. */
  readonly run: string;
  /** adopt sets `adoptExisting` on every resource. */
  readonly adopt?: boolean;
}

/** Accounts make, on first use, the clients a scenario lists listeners with. */
export interface Accounts {
  aliyun(): AliyunAccount;
  huawei(): HuaweiAccount;
}

/** Scenario is one kind's acceptance scenario. */
export interface Scenario {
  readonly kind: KindName;
  readonly cloud: Cloud;
  /** loadBalancer is the variable naming the load balancer its listeners go on. */
  readonly loadBalancer: VariableName;
  /** needs are the account variables the scenario cannot run without. */
  readonly needs: readonly VariableName[];
  /**
   * protocol is the SLB protocol of the listener on the scenario's port, where a UDP listener may share a port with a
   * TCP, HTTP or HTTPS one; a scenario without it (the Huawei kinds) owns its port outright.
   */
  readonly protocol?: "https" | "http" | "tcp" | "udp";
  /** resources is how many resources the program declares (the kind's, and a parent where it needs one). */
  readonly resources: number;
  /** declare builds the stage's resources inside a Pulumi program and returns the kind's resource. */
  declare(stage: Stage, context: StageContext): pulumi.CustomResource;
  /** read reads one resource of the kind with `get()`. */
  read(name: string, id: string): pulumi.CustomResource;
  /** listeners lists the listeners of the load balancer the scenario uses. */
  listeners(accounts: Accounts, ids: Ids): Promise<LiveListener[]>;
}

const adoptOption = (c: StageContext): { adoptExisting?: boolean } => (c.adopt ? { adoptExisting: true } : {});

/** httpsListener declares the Aliyun HTTPS listener a stage asks for. */
function httpsListener(name: string, stage: Stage, c: StageContext): HttpsListener {
  return new HttpsListener(name, {
    loadBalancerId: c.ids.aliyunLoadBalancerId,
    listenerPort: c.port,
    backendServerPort: stage === "replace" ? 8081 : 8080,
    bandwidth: -1,
    serverCertificateId: c.ids.aliyunCertificateIds.split(",")[0],
    healthCheck: "off",
    stickySession: "off",
    description: stage === "base" ? `${PREFIX}${c.run}` : `${PREFIX}${c.run}-changed`,
    idleTimeout: stage === "base" ? 15 : 30,
    ...adoptOption(c),
  });
}

/** httpListener declares the plain (not redirecting) Aliyun HTTP listener a stage asks for. */
function httpListener(name: string, stage: Stage, c: StageContext): HttpListener {
  return new HttpListener(name, {
    loadBalancerId: c.ids.aliyunLoadBalancerId,
    listenerPort: c.port,
    backendServerPort: stage === "replace" ? 8081 : 8080,
    bandwidth: -1,
    healthCheck: "off",
    stickySession: "off",
    description: stage === "base" ? `${PREFIX}${c.run}` : `${PREFIX}${c.run}-changed`,
    idleTimeout: stage === "base" ? 15 : 30,
    ...adoptOption(c),
  });
}

/**
 * ON_ALIYUN_SLB is what the Aliyun kinds share: the SLB instance and certificates they need, and its listing. Only
 * the HTTPS kinds use the certificates, but one variable set for the instance keeps every Aliyun kind running together.
 */
const ON_ALIYUN_SLB = {
  cloud: "aliyun",
  loadBalancer: "aliyunLoadBalancerId",
  needs: ["aliyunLoadBalancerId", "aliyunCertificateIds"],
  protocol: "https",
  listeners: (accounts: Accounts, ids: Ids): Promise<LiveListener[]> =>
    accounts.aliyun().listeners(ids.aliyunLoadBalancerId),
} as const satisfies Pick<Scenario, "cloud" | "loadBalancer" | "needs" | "protocol" | "listeners">;

/** ON_ALIYUN_SLB_PLAIN is ON_ALIYUN_SLB for the kinds without a certificate: they need the instance only. */
const ON_ALIYUN_SLB_PLAIN = { ...ON_ALIYUN_SLB, needs: ["aliyunLoadBalancerId"] } as const;

/** SCENARIOS are the kinds' scenarios, in the order they run. */
export const SCENARIOS: readonly Scenario[] = [
  {
    ...ON_ALIYUN_SLB,
    kind: "HttpsListener",
    resources: 1,
    declare: (stage, c) => httpsListener("listener", stage, c),
    read: (name, id) => HttpsListener.get(name, id),
  },
  {
    ...ON_ALIYUN_SLB,
    kind: "DomainExtension",
    resources: 2,
    declare(stage, c) {
      // The extension's listener stays as created; the extension rotates its certificate, then changes its domain.
      const listener = httpsListener("listener", "base", c);
      const certificates = c.ids.aliyunCertificateIds.split(",");
      const extension = new DomainExtension("extension", {
        loadBalancerId: listener.loadBalancerId,
        listenerPort: listener.listenerPort,
        domain: stage === "replace" ? `${PREFIX}${c.run}-b.example.com` : `${PREFIX}${c.run}.example.com`,
        serverCertificateId: stage === "base" ? certificates[1] : certificates[0],
        ...adoptOption(c),
      });
      return extension;
    },
    read: (name, id) => DomainExtension.get(name, id),
  },
  {
    ...ON_ALIYUN_SLB_PLAIN,
    kind: "HttpListener",
    protocol: "http",
    resources: 1,
    declare: (stage, c) => httpListener("listener", stage, c),
    read: (name, id) => HttpListener.get(name, id),
  },
  {
    ...ON_ALIYUN_SLB_PLAIN,
    kind: "TcpListener",
    protocol: "tcp",
    resources: 1,
    declare: (stage, c) =>
      new TcpListener("listener", {
        loadBalancerId: c.ids.aliyunLoadBalancerId,
        listenerPort: c.port,
        bandwidth: -1,
        backendServerPort: stage === "replace" ? 8081 : 8080,
        description: stage === "base" ? `${PREFIX}${c.run}` : `${PREFIX}${c.run}-changed`,
        establishedTimeout: stage === "base" ? 900 : 600,
        ...adoptOption(c),
      }),
    read: (name, id) => TcpListener.get(name, id),
  },
  {
    ...ON_ALIYUN_SLB_PLAIN,
    kind: "UdpListener",
    protocol: "udp",
    resources: 1,
    declare: (stage, c) =>
      new UdpListener("listener", {
        loadBalancerId: c.ids.aliyunLoadBalancerId,
        listenerPort: c.port,
        bandwidth: -1,
        backendServerPort: stage === "replace" ? 5354 : 5353,
        description: stage === "base" ? `${PREFIX}${c.run}` : `${PREFIX}${c.run}-changed`,
        ...adoptOption(c),
      }),
    read: (name, id) => UdpListener.get(name, id),
  },
  {
    ...ON_ALIYUN_SLB_PLAIN,
    kind: "ForwardingRule",
    protocol: "http",
    needs: ["aliyunLoadBalancerId", "aliyunVServerGroupId"],
    resources: 2,
    declare(stage, c) {
      // The rule's listener stays as created; the rule is renamed in place, then moved to another URL (replaced).
      const listener = httpListener("listener", "base", c);
      return new ForwardingRule("rule", {
        loadBalancerId: listener.loadBalancerId,
        listenerPort: listener.listenerPort,
        listenerProtocol: "http",
        ruleName: stage === "base" ? `${PREFIX}${c.run}` : `${PREFIX}${c.run}-changed`,
        domain: `${PREFIX}${c.run}.example.com`,
        url: stage === "replace" ? "/plbacc-b" : "/plbacc-a",
        vServerGroupId: c.ids.aliyunVServerGroupId,
        ...adoptOption(c),
      });
    },
    read: (name, id) => ForwardingRule.get(name, id),
  },
  {
    kind: "ElbListener",
    cloud: "huawei",
    loadBalancer: "huaweiClassicLoadBalancerId",
    needs: ["huaweiClassicLoadBalancerId", "huaweiClassicCertificateId"],
    resources: 1,
    declare(stage, c) {
      const sticky =
        stage === "replace" ? { sessionSticky: true, stickySessionType: "insert" as const, cookieTimeout: 60 } : {};
      const listener = new ElbListener("listener", {
        loadbalancerId: c.ids.huaweiClassicLoadBalancerId,
        name: `${PREFIX}${c.run}`,
        description: stage === "base" ? `${PREFIX}${c.run}` : `${PREFIX}${c.run}-changed`,
        protocol: "HTTPS",
        port: c.port,
        backendProtocol: "HTTP",
        backendPort: 8080,
        lbAlgorithm: stage === "update" ? "leastconn" : "roundrobin",
        certificateId: c.ids.huaweiClassicCertificateId,
        ...sticky,
        ...adoptOption(c),
      });
      return listener;
    },
    read: (name, id) => ElbListener.get(name, id),
    listeners: (accounts, ids) => accounts.huawei().classicListeners(ids.huaweiClassicLoadBalancerId),
  },
  {
    kind: "ElbV3Listener",
    cloud: "huawei",
    loadBalancer: "huaweiDedicatedLoadBalancerId",
    needs: ["huaweiDedicatedLoadBalancerId", "huaweiDedicatedCertificateId"],
    resources: 1,
    declare(stage, c) {
      const listener = new ElbV3Listener("listener", {
        loadbalancerId: c.ids.huaweiDedicatedLoadBalancerId,
        name: `${PREFIX}${c.run}`,
        description: stage === "base" ? `${PREFIX}${c.run}` : `${PREFIX}${c.run}-changed`,
        protocol: "HTTPS",
        protocolPort: c.port,
        defaultTlsContainerRef: c.ids.huaweiDedicatedCertificateId,
        keepaliveTimeout: stage === "base" ? 60 : 120,
        tags: stage === "replace" ? { plbacc: c.run, stage: "replaced" } : { plbacc: c.run },
        ...adoptOption(c),
      });
      return listener;
    },
    read: (name, id) => ElbV3Listener.get(name, id),
    listeners: (accounts, ids) => accounts.huawei().dedicatedListeners(ids.huaweiDedicatedLoadBalancerId),
  },
  {
    kind: "ElbV2Listener",
    cloud: "huawei",
    loadBalancer: "huaweiSharedLoadBalancerId",
    needs: ["huaweiSharedLoadBalancerId", "huaweiSharedCertificateId"],
    resources: 1,
    declare(stage, c) {
      // A shared listener's protocol is fixed at creation: the replace stage turns it into a plain HTTP listener on
      // the same port, which deletes the TERMINATED_HTTPS one first (one listener per port).
      const tls =
        stage === "replace"
          ? { protocol: "HTTP" as const }
          : {
              protocol: "TERMINATED_HTTPS" as const,
              defaultTlsContainerRef: c.ids.huaweiSharedCertificateId,
              tlsCiphersPolicy: stage === "base" ? ("tls-1-0" as const) : ("tls-1-2" as const),
            };
      return new ElbV2Listener("listener", {
        loadbalancerId: c.ids.huaweiSharedLoadBalancerId,
        name: `${PREFIX}${c.run}`,
        description: stage === "base" ? `${PREFIX}${c.run}` : `${PREFIX}${c.run}-changed`,
        protocolPort: c.port,
        ...tls,
        ...adoptOption(c),
      });
    },
    read: (name, id) => ElbV2Listener.get(name, id),
    listeners: (accounts, ids) => accounts.huawei().sharedListeners(ids.huaweiSharedLoadBalancerId),
  },
];
