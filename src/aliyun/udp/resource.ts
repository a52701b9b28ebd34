/**
 * The UdpListener resource: an Alibaba Cloud SLB UDP listener as a Pulumi dynamic resource, type token
 * `pulumi-nodejs:dynamic/aliyun:UdpListener`. Its provider is the DelegatingProvider shim, so the state holds only
 * a few `require` calls of this package and no secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { delegatingProvider, outputSlots } from "../../providerShim";
import type { UdpListenerInputs, UdpListenerOutputs } from "./schema";
import { INPUT_NAMES } from "./schema";

/**
 * UdpListenerArgs are the inputs of a UdpListener, one per request parameter of CreateLoadBalancerUDPListener (camelCase,
 * by the names HttpsListener uses), each a `pulumi.Input`. Rules, ranges and defaults are documented on each property.
 */
export type UdpListenerArgs = { [K in keyof UdpListenerInputs]: pulumi.Input<UdpListenerInputs[K]> };

/**
 * UdpListener is an Alibaba Cloud SLB UDP listener. Its id is `<loadBalancerId>:udp:<listenerPort>`. The
 * inputs no Set action can change replace it (see the README's table); every other input is updated in place by one
 * SetLoadBalancerUDPListenerAttribute. Use `UdpListener.get` to read an existing listener, or `adoptExisting: true`
 * to bring one under management on create.
 */
export class UdpListener extends pulumi.dynamic.Resource {
  /** The ID of the SLB instance. */
  declare readonly loadBalancerId: pulumi.Output<UdpListenerOutputs["loadBalancerId"]>;
  /** The frontend port. */
  declare readonly listenerPort: pulumi.Output<UdpListenerOutputs["listenerPort"]>;
  /** The peak bandwidth in Mbit/s (-1 for no limit). */
  declare readonly bandwidth: pulumi.Output<UdpListenerOutputs["bandwidth"]>;
  /** The region of the SLB instance (the configured one when not given). */
  declare readonly regionId: pulumi.Output<UdpListenerOutputs["regionId"]>;
  /** The backend port, when set. */
  declare readonly backendServerPort: pulumi.Output<UdpListenerOutputs["backendServerPort"]>;
  /** The VServer group, when set. */
  declare readonly vServerGroupId: pulumi.Output<UdpListenerOutputs["vServerGroupId"]>;
  /** The primary/secondary server group, when set. */
  declare readonly masterSlaveServerGroupId: pulumi.Output<UdpListenerOutputs["masterSlaveServerGroupId"]>;
  /** The ID of the access control list, when set. */
  declare readonly aclId: pulumi.Output<UdpListenerOutputs["aclId"]>;
  /** Whether access control is on. */
  declare readonly aclStatus: pulumi.Output<UdpListenerOutputs["aclStatus"]>;
  /** The access control type, when set. */
  declare readonly aclType: pulumi.Output<UdpListenerOutputs["aclType"]>;
  /** The access control lists, when several were given. */
  declare readonly aclIds: pulumi.Output<UdpListenerOutputs["aclIds"]>;
  /** The description, when set. */
  declare readonly description: pulumi.Output<UdpListenerOutputs["description"]>;
  /** Whether health checks are on. */
  declare readonly healthCheck: pulumi.Output<UdpListenerOutputs["healthCheck"]>;
  /** The health check port, when set. */
  declare readonly healthCheckConnectPort: pulumi.Output<UdpListenerOutputs["healthCheckConnectPort"]>;
  /** The health check timeout in seconds, when set (never below the interval). */
  declare readonly healthCheckTimeout: pulumi.Output<UdpListenerOutputs["healthCheckTimeout"]>;
  /** The health check interval in seconds, when set. */
  declare readonly healthCheckInterval: pulumi.Output<UdpListenerOutputs["healthCheckInterval"]>;
  /** The healthy threshold, when set. */
  declare readonly healthyThreshold: pulumi.Output<UdpListenerOutputs["healthyThreshold"]>;
  /** The unhealthy threshold, when set. */
  declare readonly unhealthyThreshold: pulumi.Output<UdpListenerOutputs["unhealthyThreshold"]>;
  /** The UDP health check request, when set. */
  declare readonly healthCheckReq: pulumi.Output<UdpListenerOutputs["healthCheckReq"]>;
  /** The UDP health check answer expected, when set. */
  declare readonly healthCheckExp: pulumi.Output<UdpListenerOutputs["healthCheckExp"]>;
  /** Whether the PROXY protocol v2 carries client addresses. */
  declare readonly proxyProtocolV2Enabled: pulumi.Output<UdpListenerOutputs["proxyProtocolV2Enabled"]>;
  /** The tags the listener was created with, when any. */
  declare readonly tags: pulumi.Output<UdpListenerOutputs["tags"]>;
  /** The scheduling algorithm. */
  declare readonly scheduler: pulumi.Output<UdpListenerOutputs["scheduler"]>;
  /** The listener's status as SLB reports it, lower case (`running` after create). */
  declare readonly status: pulumi.Output<string>;

  /** Creates (or, with `opts.id`, reads) a UDP listener. */
  constructor(name: string, args: UdpListenerArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      delegatingProvider("aliyun:UdpListener"),
      name,
      // Every input name is listed (as undefined) so Pulumi fills each declared output, also for get().
      { ...outputSlots(INPUT_NAMES), ...args, status: undefined },
      opts,
      "aliyun",
      "UdpListener",
    );
  }

  /**
   * get reads an existing listener by id (`<loadBalancerId>:udp:<listenerPort>`) without managing it; its region is
   * the configured one.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): UdpListener {
    return new UdpListener(name, {} as UdpListenerArgs, { ...opts, id });
  }
}
