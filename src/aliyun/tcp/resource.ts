/**
 * The TcpListener resource: an Alibaba Cloud SLB TCP listener as a Pulumi dynamic resource, type token
 * `pulumi-nodejs:dynamic/aliyun:TcpListener`. Its provider is the DelegatingProvider shim, so the state holds only
 * a few `require` calls of this package and no secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { delegatingProvider, outputSlots } from "../../providerShim";
import type { TcpListenerInputs, TcpListenerOutputs } from "./schema";
import { INPUT_NAMES } from "./schema";

/**
 * TcpListenerArgs are the inputs of a TcpListener, one per request parameter of CreateLoadBalancerTCPListener (camelCase,
 * by the names HttpsListener uses), each a `pulumi.Input`. Rules, ranges and defaults are documented on each property.
 */
export type TcpListenerArgs = { [K in keyof TcpListenerInputs]: pulumi.Input<TcpListenerInputs[K]> };

/**
 * TcpListener is an Alibaba Cloud SLB TCP listener. Its id is `<loadBalancerId>:tcp:<listenerPort>`. The
 * inputs no Set action can change replace it (see the README's table); every other input is updated in place by one
 * SetLoadBalancerTCPListenerAttribute. Use `TcpListener.get` to read an existing listener, or `adoptExisting: true`
 * to bring one under management on create.
 */
export class TcpListener extends pulumi.dynamic.Resource {
  /** The ID of the SLB instance. */
  declare readonly loadBalancerId: pulumi.Output<TcpListenerOutputs["loadBalancerId"]>;
  /** The frontend port. */
  declare readonly listenerPort: pulumi.Output<TcpListenerOutputs["listenerPort"]>;
  /** The peak bandwidth in Mbit/s (-1 for no limit). */
  declare readonly bandwidth: pulumi.Output<TcpListenerOutputs["bandwidth"]>;
  /** The region of the SLB instance (the configured one when not given). */
  declare readonly regionId: pulumi.Output<TcpListenerOutputs["regionId"]>;
  /** The backend port, when set. */
  declare readonly backendServerPort: pulumi.Output<TcpListenerOutputs["backendServerPort"]>;
  /** The VServer group, when set. */
  declare readonly vServerGroupId: pulumi.Output<TcpListenerOutputs["vServerGroupId"]>;
  /** The primary/secondary server group, when set. */
  declare readonly masterSlaveServerGroupId: pulumi.Output<TcpListenerOutputs["masterSlaveServerGroupId"]>;
  /** The ID of the access control list, when set. */
  declare readonly aclId: pulumi.Output<TcpListenerOutputs["aclId"]>;
  /** Whether access control is on. */
  declare readonly aclStatus: pulumi.Output<TcpListenerOutputs["aclStatus"]>;
  /** The access control type, when set. */
  declare readonly aclType: pulumi.Output<TcpListenerOutputs["aclType"]>;
  /** The access control lists, when several were given. */
  declare readonly aclIds: pulumi.Output<TcpListenerOutputs["aclIds"]>;
  /** The description, when set. */
  declare readonly description: pulumi.Output<TcpListenerOutputs["description"]>;
  /** Whether health checks are on. */
  declare readonly healthCheck: pulumi.Output<TcpListenerOutputs["healthCheck"]>;
  /** The health check type (`tcp` or `http`). */
  declare readonly healthCheckType: pulumi.Output<TcpListenerOutputs["healthCheckType"]>;
  /** The health check URI, when set. */
  declare readonly healthCheckUri: pulumi.Output<TcpListenerOutputs["healthCheckUri"]>;
  /** The health check domain, when set. */
  declare readonly healthCheckDomain: pulumi.Output<TcpListenerOutputs["healthCheckDomain"]>;
  /** The HTTP status classes that mean healthy. */
  declare readonly healthCheckHttpCode: pulumi.Output<TcpListenerOutputs["healthCheckHttpCode"]>;
  /** The health check port, when set. */
  declare readonly healthCheckConnectPort: pulumi.Output<TcpListenerOutputs["healthCheckConnectPort"]>;
  /** The health check timeout in seconds, when set (never below the interval). */
  declare readonly healthCheckTimeout: pulumi.Output<TcpListenerOutputs["healthCheckTimeout"]>;
  /** The health check interval in seconds, when set. */
  declare readonly healthCheckInterval: pulumi.Output<TcpListenerOutputs["healthCheckInterval"]>;
  /** The healthy threshold, when set. */
  declare readonly healthyThreshold: pulumi.Output<TcpListenerOutputs["healthyThreshold"]>;
  /** The unhealthy threshold, when set. */
  declare readonly unhealthyThreshold: pulumi.Output<TcpListenerOutputs["unhealthyThreshold"]>;
  /** The session persistence timeout in seconds (0: off). */
  declare readonly persistenceTimeout: pulumi.Output<TcpListenerOutputs["persistenceTimeout"]>;
  /** The connection timeout in seconds, when set. */
  declare readonly establishedTimeout: pulumi.Output<TcpListenerOutputs["establishedTimeout"]>;
  /** Whether connection draining is on, when set. */
  declare readonly connectionDrain: pulumi.Output<TcpListenerOutputs["connectionDrain"]>;
  /** The connection draining timeout in seconds, when set. */
  declare readonly connectionDrainTimeout: pulumi.Output<TcpListenerOutputs["connectionDrainTimeout"]>;
  /** Whether the PROXY protocol v2 carries client addresses. */
  declare readonly proxyProtocolV2Enabled: pulumi.Output<TcpListenerOutputs["proxyProtocolV2Enabled"]>;
  /** The tags the listener was created with, when any. */
  declare readonly tags: pulumi.Output<TcpListenerOutputs["tags"]>;
  /** The scheduling algorithm. */
  declare readonly scheduler: pulumi.Output<TcpListenerOutputs["scheduler"]>;
  /** The listener's status as SLB reports it, lower case (`running` after create). */
  declare readonly status: pulumi.Output<string>;

  /** Creates (or, with `opts.id`, reads) a TCP listener. */
  constructor(name: string, args: TcpListenerArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      delegatingProvider("aliyun:TcpListener"),
      name,
      // Every input name is listed (as undefined) so Pulumi fills each declared output, also for get().
      { ...outputSlots(INPUT_NAMES), ...args, status: undefined },
      opts,
      "aliyun",
      "TcpListener",
    );
  }

  /**
   * get reads an existing listener by id (`<loadBalancerId>:tcp:<listenerPort>`) without managing it; its region is
   * the configured one.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): TcpListener {
    return new TcpListener(name, {} as TcpListenerArgs, { ...opts, id });
  }
}
