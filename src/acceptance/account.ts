/**
 * What the acceptance run and the sweep need from an account besides the providers: list a load balancer's listeners
 * (to find free ports, to prove a listener is gone, to find what a run left), and delete a listener or a domain
 * extension by id. Each cloud's reads go through the package's own clients, so they are signed, recorded and read as
 * the providers' are.
 */
import { SlbClient, type ResponseBody } from "../aliyun/client";
import { resolveCredentials, resolveEndpoint, requireRegion } from "../aliyun/config";
import { DOMAIN_EXTENSION_ACTIONS } from "../aliyun/constants";
import { listedExtensions } from "../aliyun/domainExtension/wire";
import { ElbClient } from "../huawei/client";
import { readSettings, resolveTarget } from "../huawei/config";
import { OPERATIONS, PATHS, V3_OPERATIONS, V3_PATHS } from "../huawei/constants";
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

  /** listeners lists the instance's listeners; an HTTPS listener's description is read with its attribute. */
  async listeners(loadBalancerId: string): Promise<LiveListener[]> {
    const lb = await this.loadBalancer(loadBalancerId);
    const out: LiveListener[] = [];
    for (const { port, protocol } of portsAndProtocols(lb)) {
      const labels: string[] = [];
      if (protocol === "https") {
        const attribute = await this.#client.call("DescribeLoadBalancerHTTPSListenerAttribute", {
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

/** HuaweiAccount reads and deletes classic (v1.0) and dedicated (v3) listeners through the package's client. */
export class HuaweiAccount {
  readonly #client: ElbClient;
  readonly projectId: string;

  constructor(env: Env, config: ConfigLookup = noConfig) {
    const target = resolveTarget(readSettings({ get: config }, env));
    this.#client = new ElbClient(target);
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

  /** deleteClassic deletes a classic listener. */
  async deleteClassic(id: string): Promise<void> {
    await this.#client.exchange(OPERATIONS.deleteListener, "DELETE", PATHS.listener(this.projectId, id));
  }

  /** deleteDedicated deletes a dedicated listener. */
  async deleteDedicated(id: string): Promise<void> {
    await this.#client.exchange(V3_OPERATIONS.deleteListener, "DELETE", V3_PATHS.listener(this.projectId, id));
  }
}
