/**
 * The HttpListener resource: an Alibaba Cloud SLB HTTP listener as a Pulumi dynamic resource, type token
 * `pulumi-nodejs:dynamic/aliyun:HttpListener`. Its provider is the DelegatingProvider shim, so the state holds only
 * a few `require` calls of this package and no secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { delegatingProvider, outputSlots } from "../../providerShim";
import type { HttpListenerInputs, HttpListenerOutputs } from "./schema";
import { INPUT_NAMES } from "./schema";

/**
 * HttpListenerArgs are the inputs of a HttpListener, one per request parameter of CreateLoadBalancerHTTPListener (camelCase,
 * by the names HttpsListener uses), each a `pulumi.Input`. Rules, ranges and defaults are documented on each property.
 */
export type HttpListenerArgs = { [K in keyof HttpListenerInputs]: pulumi.Input<HttpListenerInputs[K]> };

/**
 * HttpListener is an Alibaba Cloud SLB HTTP listener. Its id is `<loadBalancerId>:http:<listenerPort>`. The
 * inputs no Set action can change replace it (see the README's table); every other input is updated in place by one
 * SetLoadBalancerHTTPListenerAttribute. Use `HttpListener.get` to read an existing listener, or `adoptExisting: true`
 * to bring one under management on create.
 */
export class HttpListener extends pulumi.dynamic.Resource {
  /** The ID of the SLB instance. */
  declare readonly loadBalancerId: pulumi.Output<HttpListenerOutputs["loadBalancerId"]>;
  /** The frontend port. */
  declare readonly listenerPort: pulumi.Output<HttpListenerOutputs["listenerPort"]>;
  /** The region of the SLB instance (the configured one when not given). */
  declare readonly regionId: pulumi.Output<HttpListenerOutputs["regionId"]>;
  /** The peak bandwidth in Mbit/s (-1 for no limit). */
  declare readonly bandwidth: pulumi.Output<HttpListenerOutputs["bandwidth"]>;
  /** Whether health checks are on. */
  declare readonly healthCheck: pulumi.Output<HttpListenerOutputs["healthCheck"]>;
  /** Whether session persistence is on. */
  declare readonly stickySession: pulumi.Output<HttpListenerOutputs["stickySession"]>;
  /** The ID of the access control list, when set. */
  declare readonly aclId: pulumi.Output<HttpListenerOutputs["aclId"]>;
  /** Whether access control is on. */
  declare readonly aclStatus: pulumi.Output<HttpListenerOutputs["aclStatus"]>;
  /** The access control type, when set. */
  declare readonly aclType: pulumi.Output<HttpListenerOutputs["aclType"]>;
  /** The access control lists, when several were given. */
  declare readonly aclIds: pulumi.Output<HttpListenerOutputs["aclIds"]>;
  /** The backend port, when set. */
  declare readonly backendServerPort: pulumi.Output<HttpListenerOutputs["backendServerPort"]>;
  /** The VServer group, when set. */
  declare readonly vServerGroupId: pulumi.Output<HttpListenerOutputs["vServerGroupId"]>;
  /** The backend cookie, when set. */
  declare readonly cookie: pulumi.Output<HttpListenerOutputs["cookie"]>;
  /** The cookie timeout in seconds, when set. */
  declare readonly cookieTimeout: pulumi.Output<HttpListenerOutputs["cookieTimeout"]>;
  /** The description, when set. */
  declare readonly description: pulumi.Output<HttpListenerOutputs["description"]>;
  /** Whether Gzip compression is on. */
  declare readonly gzip: pulumi.Output<HttpListenerOutputs["gzip"]>;
  /** The health check port, when set. */
  declare readonly healthCheckConnectPort: pulumi.Output<HttpListenerOutputs["healthCheckConnectPort"]>;
  /** The health check domain, when set. */
  declare readonly healthCheckDomain: pulumi.Output<HttpListenerOutputs["healthCheckDomain"]>;
  /** The HTTP status classes that mean healthy. */
  declare readonly healthCheckHttpCode: pulumi.Output<HttpListenerOutputs["healthCheckHttpCode"]>;
  /** The health check interval in seconds, when set. */
  declare readonly healthCheckInterval: pulumi.Output<HttpListenerOutputs["healthCheckInterval"]>;
  /** The health check timeout in seconds, when set (never below the interval). */
  declare readonly healthCheckTimeout: pulumi.Output<HttpListenerOutputs["healthCheckTimeout"]>;
  /** The health check URI, when set. */
  declare readonly healthCheckUri: pulumi.Output<HttpListenerOutputs["healthCheckUri"]>;
  /** The health check method (`head` or `get`), when set. */
  declare readonly healthCheckMethod: pulumi.Output<HttpListenerOutputs["healthCheckMethod"]>;
  /** The healthy threshold, when set. */
  declare readonly healthyThreshold: pulumi.Output<HttpListenerOutputs["healthyThreshold"]>;
  /** The unhealthy threshold, when set. */
  declare readonly unhealthyThreshold: pulumi.Output<HttpListenerOutputs["unhealthyThreshold"]>;
  /** The idle connection timeout in seconds. */
  declare readonly idleTimeout: pulumi.Output<HttpListenerOutputs["idleTimeout"]>;
  /** The request timeout in seconds. */
  declare readonly requestTimeout: pulumi.Output<HttpListenerOutputs["requestTimeout"]>;
  /** The sticky session cookie handling, when set. */
  declare readonly stickySessionType: pulumi.Output<HttpListenerOutputs["stickySessionType"]>;
  /** Whether X-Forwarded-For is added. */
  declare readonly xForwardedFor: pulumi.Output<HttpListenerOutputs["xForwardedFor"]>;
  /** Whether the SLB-ID header is added. */
  declare readonly xForwardedForSlbId: pulumi.Output<HttpListenerOutputs["xForwardedForSlbId"]>;
  /** Whether the SLB-IP header is added. */
  declare readonly xForwardedForSlbIp: pulumi.Output<HttpListenerOutputs["xForwardedForSlbIp"]>;
  /** Whether X-Forwarded-Proto is added. */
  declare readonly xForwardedForProto: pulumi.Output<HttpListenerOutputs["xForwardedForProto"]>;
  /** Whether the SLB-PORT header is added. */
  declare readonly xForwardedForSlbPort: pulumi.Output<HttpListenerOutputs["xForwardedForSlbPort"]>;
  /** Whether the client source port header is added. */
  declare readonly xForwardedForClientSrcPort: pulumi.Output<HttpListenerOutputs["xForwardedForClientSrcPort"]>;
  /** Whether the listener redirects to an HTTPS listener. */
  declare readonly listenerForward: pulumi.Output<HttpListenerOutputs["listenerForward"]>;
  /** The HTTPS listener port a redirect listener sends requests to, when it redirects. */
  declare readonly forwardPort: pulumi.Output<HttpListenerOutputs["forwardPort"]>;
  /** The tags the listener was created with, when any. */
  declare readonly tags: pulumi.Output<HttpListenerOutputs["tags"]>;
  /** The scheduling algorithm. */
  declare readonly scheduler: pulumi.Output<HttpListenerOutputs["scheduler"]>;
  /** The listener's status as SLB reports it, lower case (`running` after create). */
  declare readonly status: pulumi.Output<string>;

  /** Creates (or, with `opts.id`, reads) an HTTP listener. */
  constructor(name: string, args: HttpListenerArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      delegatingProvider("aliyun:HttpListener"),
      name,
      // Every input name is listed (as undefined) so Pulumi fills each declared output, also for get().
      { ...outputSlots(INPUT_NAMES), ...args, status: undefined },
      opts,
      "aliyun",
      "HttpListener",
    );
  }

  /**
   * get reads an existing listener by id (`<loadBalancerId>:http:<listenerPort>`) without managing it; its region is
   * the configured one.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): HttpListener {
    return new HttpListener(name, {} as HttpListenerArgs, { ...opts, id });
  }
}
