/**
 * What the acceptance run and the sweep need from an account besides the providers: list a load balancer's listeners
 * (to find free ports, to prove a listener is gone, to find what a run left), and delete a listener, a domain
 * extension or a forwarding rule by id. Each cloud's reads go through the package's own clients, so they are signed, recorded and read as
 * the providers' are.
 */
import { SlbClient, type ResponseBody } from "../aliyun/client";
import { resolveCredentials, resolveEndpoint, requireRegion } from "../aliyun/config";
import { DOMAIN_EXTENSION_ACTIONS, LISTENER_ACTIONS, RULE_ACTIONS } from "../aliyun/constants";
import { listedExtensions } from "../aliyun/domainExtension/wire";
import { deleteParams, listParams, listedRules } from "../aliyun/forwardingRule/wire";
import { ElbClient, ElbV2Client } from "../huawei/client";
import { readSettings, resolveTarget, type HuaweiSettings } from "../huawei/config";
import { OPERATIONS, PATHS, V3_OPERATIONS, V3_PATHS } from "../huawei/constants";
import { routeFamily } from "../huawei/elbV2/plan";
import { cloudOf } from "../huawei/listener/plan";
import type { Env } from "../core/config";
import type { ConfigLookup } from "./variables";

const noConfig: ConfigLookup = () => undefined;

/** LiveListener is one listener as a listing shows it: enough to pick ports and to sweep by prefix. */
export interface LiveListener {
  /** id is what the provider's resource id would be (Aliyun `<lb>:<protocol>:<port>`, Huawei the listener's UUID). */
  readonly id: string;
  readonly port: number;
  readonly protocol: string;
  /** label is the name or description the prefix is matched against (both, joined, when both exist). */
  readonly labels: readonly string[];
}

/** LiveExtension is one Aliyun domain extension on a listener. */
export interface LiveExtension {
  readonly id: string;
  readonly domain: string;
  readonly listenerPort: number;
}

/** LiveRule is one Aliyun forwarding rule of an HTTP or HTTPS listener. */
interface LiveRule {
  readonly id: string;
  readonly name: string;
  readonly listenerPort: number;
}

/** Labelled is an SLB listener protocol whose description a listing can read (one Describe call per listener). */
type Labelled = keyof typeof LISTENER_ACTIONS;

const isLabelled = (protocol: string): protocol is Labelled => Object.hasOwn(LISTENER_ACTIONS, protocol);

/** AliyunAccount reads and deletes on one SLB instance through the package's client. */
export class AliyunAccount {
  readonly #client: SlbClient;
  readonly regionId: string;

  constructor(env: Env, config: ConfigLookup = noConfig) {
    this.regionId = requireRegion(config, env);
    const credentials = resolveCredentials(config, env);
    this.#client = new SlbClient({ endpoint: resolveEndpoint(this.regionId, env, config), ...credentials });
  }

  /** loadBalancer reads the instance; it fails with the service's own error when the id does not exist. */
  async loadBalancer(loadBalancerId: string): Promise<ResponseBody> {
    return this.#client.call("DescribeLoadBalancerAttribute", {
      RegionId: this.regionId,
      LoadBalancerId: loadBalancerId,
    });
  }

  /**
   * listeners lists the instance's listeners; the description of a listener of one of the `labelled` protocols is
   * read with its attribute (by default HTTPS only: the runner needs ports, the sweep every protocol's description).
   */
  async listeners(loadBalancerId: string, labelled: readonly Labelled[] = ["https"]): Promise<LiveListener[]> {
    const lb = await this.loadBalancer(loadBalancerId);
    const out: LiveListener[] = [];
    for (const { port, protocol } of portsAndProtocols(lb)) {
      const labels: string[] = [];
      if (isLabelled(protocol) && labelled.includes(protocol)) {
        const attribute = await this.#client.call(LISTENER_ACTIONS[protocol].describe, {
          RegionId: this.regionId,
          LoadBalancerId: loadBalancerId,
          ListenerPort: port,
        });
        if (typeof attribute.Description === "string") labels.push(attribute.Description);
      }
      out.push({ id: `${loadBalancerId}:${protocol}:${port}`, port, protocol, labels });
    }
    return out;
  }

  /** extensions lists the domain extensions of one HTTPS listener. */
  async extensions(loadBalancerId: string, listenerPort: number): Promise<LiveExtension[]> {
    const body = await this.#client.call(DOMAIN_EXTENSION_ACTIONS.describeAll, {
      RegionId: this.regionId,
      LoadBalancerId: loadBalancerId,
      ListenerPort: listenerPort,
    });
    return listedExtensions(body).map((e) => ({ id: e.domainExtensionId, domain: e.domain, listenerPort }));
  }

  /** rules lists the forwarding rules of one HTTP or HTTPS listener. */
  async rules(loadBalancerId: string, listener: LiveListener): Promise<LiveRule[]> {
    if (listener.protocol !== "http" && listener.protocol !== "https") return [];
    const body = await this.#client.call(
      RULE_ACTIONS.describeAll,
      listParams({
        regionId: this.regionId,
        loadBalancerId,
        listenerPort: listener.port,
        listenerProtocol: listener.protocol,
      }),
    );
    return listedRules(body).map((r) => ({ id: r.ruleId, name: r.ruleName, listenerPort: listener.port }));
  }

  /** deleteRule deletes one forwarding rule by id. */
  async deleteRule(rule: LiveRule): Promise<void> {
    await this.#client.call(RULE_ACTIONS.delete, deleteParams(this.regionId, [rule.id]));
  }

  /** deleteListener deletes one listener by port and protocol. */
  async deleteListener(loadBalancerId: string, listener: LiveListener): Promise<void> {
    await this.#client.call("DeleteLoadBalancerListener", {
      RegionId: this.regionId,
      LoadBalancerId: loadBalancerId,
      ListenerPort: listener.port,
      ListenerProtocol: listener.protocol,
    });
  }

  /** deleteExtension deletes one domain extension by id. */
  async deleteExtension(extension: LiveExtension): Promise<void> {
    await this.#client.call(DOMAIN_EXTENSION_ACTIONS.delete, {
      RegionId: this.regionId,
      DomainExtensionId: extension.id,
    });
  }
}

/** portsAndProtocols reads `ListenerPortsAndProtocol` of a DescribeLoadBalancerAttribute answer, tolerantly. */
function portsAndProtocols(body: ResponseBody): { port: number; protocol: string }[] {
  const wrapper = body.ListenerPortsAndProtocol as { ListenerPortAndProtocol?: unknown } | undefined;
  const list = Array.isArray(wrapper?.ListenerPortAndProtocol) ? wrapper.ListenerPortAndProtocol : [];
  return list.flatMap((item: unknown) => {
    const o = (item ?? {}) as { ListenerPort?: unknown; ListenerProtocol?: unknown };
    const port = Number(o.ListenerPort);
    return Number.isInteger(port) && typeof o.ListenerProtocol === "string"
      ? [{ port, protocol: o.ListenerProtocol.toLowerCase() }]
      : [];
  });
}

/**
 * HuaweiAccount reads and deletes classic (v1.0), dedicated (v3) and shared (v2) listeners through the package's
 * clients; the shared ones on the route family the ElbV2Listener provider would call for the same settings.
 */
export class HuaweiAccount {
  readonly #client: ElbClient;
  readonly #shared: ElbV2Client;
  readonly projectId: string;

  constructor(env: Env, config: ConfigLookup = noConfig) {
    const settings: HuaweiSettings = readSettings({ get: config }, env);
    const target = resolveTarget(settings);
    this.#client = new ElbClient(target);
    this.#shared = new ElbV2Client(target, routeFamily(cloudOf(settings, target.region)));
    this.projectId = target.projectId;
  }

  /** classicListeners lists a classic load balancer's listeners (it fails when the load balancer does not exist). */
  async classicListeners(loadBalancerId: string): Promise<LiveListener[]> {
    await this.#client.getLoadBalancer(loadBalancerId);
    const list = await this.#client.listListeners(loadBalancerId);
    return list.map((l) => ({
      id: l.id,
      port: Number(l.port),
      protocol: String(l.protocol),
      labels: [l.name, l.description].filter((s): s is string => typeof s === "string" && s !== ""),
    }));
  }

  /** dedicatedListeners lists a dedicated load balancer's listeners (one page of up to 2000). */
  async dedicatedListeners(loadBalancerId: string): Promise<LiveListener[]> {
    await this.#client.exchange(
      V3_OPERATIONS.getLoadBalancer,
      "GET",
      V3_PATHS.loadBalancer(this.projectId, loadBalancerId),
    );
    const query = `?loadbalancer_id=${encodeURIComponent(loadBalancerId)}&limit=2000`;
    const json = await this.#client.exchange(
      V3_OPERATIONS.listListeners,
      "GET",
      V3_PATHS.listeners(this.projectId) + query,
    );
    const list = (json as { listeners?: unknown } | null)?.listeners;
    return (Array.isArray(list) ? list : []).flatMap((item: unknown) => {
      const l = (item ?? {}) as Record<string, unknown>;
      if (typeof l.id !== "string") return [];
      const labels = [l.name, l.description].filter((s): s is string => typeof s === "string" && s !== "");
      return [{ id: l.id, port: Number(l.protocol_port), protocol: String(l.protocol), labels }];
    });
  }

  /**
   * sharedListeners lists a shared load balancer's listeners: the load balancer's answer names them (`listeners`,
   * ids only), and each is read by id, so no page of another load balancer's listeners is walked.
   * Ref: shared/api-docs/huawei-elb-v2-listener.md §5 (the v2 load balancer GET), Sources [S] (loadbalancer_resp).
   * Assumed: its `listeners` holds `{ id }` items, as Neutron LBaaS v2's load balancer does; the digest lists no field.
   */
  async sharedListeners(loadBalancerId: string): Promise<LiveListener[]> {
    const lb = await this.#shared.getLoadBalancer(loadBalancerId);
    const ids = (Array.isArray(lb.listeners) ? (lb.listeners as unknown[]) : []).flatMap((item: unknown) => {
      const id = (item ?? {}) as { id?: unknown };
      return typeof id.id === "string" ? [id.id] : [];
    });
    const out: LiveListener[] = [];
    for (const id of ids) {
      const l = await this.#shared.getListener(id);
      const labels = [l.name, l.description].filter((s): s is string => typeof s === "string" && s !== "");
      out.push({ id: l.id, port: Number(l.protocol_port), protocol: String(l.protocol), labels });
    }
    return out;
  }

  /** deleteShared deletes a shared listener. */
  async deleteShared(id: string): Promise<void> {
    await this.#shared.deleteListener(id);
  }

  /** deleteClassic deletes a classic listener. */
  async deleteClassic(id: string): Promise<void> {
    await this.#client.exchange(OPERATIONS.deleteListener, "DELETE", PATHS.listener(this.projectId, id));
  }

  /** deleteDedicated deletes a dedicated listener. */
  async deleteDedicated(id: string): Promise<void> {
    await this.#client.exchange(V3_OPERATIONS.deleteListener, "DELETE", V3_PATHS.listener(this.projectId, id));
  }
}
