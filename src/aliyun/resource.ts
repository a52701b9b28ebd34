/**
 * The HttpsListener resource: an Alibaba Cloud SLB HTTPS listener as a Pulumi dynamic resource, type token
 * `pulumi-nodejs:dynamic/aliyun:HttpsListener`. Its provider is the DelegatingProvider shim, so the state holds only
 * a few `require` calls of this package and no secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { delegatingProvider, outputSlots } from "../providerShim";
import type { HttpsListenerInputs } from "./schema";
import { inputProps } from "./schema";

/**
 * HttpsListenerArgs are the inputs of an HttpsListener, one per request parameter of CreateLoadBalancerHTTPSListener
 * (camelCase), each a `pulumi.Input`. Rules, ranges and defaults are documented on each property.
 */
export type HttpsListenerArgs = { [K in keyof HttpsListenerInputs]: pulumi.Input<HttpsListenerInputs[K]> };

/**
 * HttpsListener is an Alibaba Cloud SLB HTTPS listener. Its id is `<loadBalancerId>:https:<listenerPort>`.
 * `loadBalancerId`, `listenerPort`, `regionId` and `backendServerPort` replace the listener when changed; every other
 * input is updated in place. Use `HttpsListener.get` to read an existing listener, or `adoptExisting: true` to bring
 * one under management on create.
 */
export class HttpsListener extends pulumi.dynamic.Resource {
  /** The ID of the SLB instance. */
  declare readonly loadBalancerId: pulumi.Output<string>;
  /** The frontend port. */
  declare readonly listenerPort: pulumi.Output<number>;
  /** The region of the SLB instance (the configured one when not given). */
  declare readonly regionId: pulumi.Output<string>;
  /** The peak bandwidth in Mbit/s (-1 for no limit). */
  declare readonly bandwidth: pulumi.Output<number>;
  /** Whether health checks are on. */
  declare readonly healthCheck: pulumi.Output<"on" | "off">;
  /** The ID of the server certificate. */
  declare readonly serverCertificateId: pulumi.Output<string>;
  /** Whether session persistence is on. */
  declare readonly stickySession: pulumi.Output<"on" | "off">;
  /** The ID of the access control list, when set. */
  declare readonly aclId: pulumi.Output<string | undefined>;
  /** Whether access control is on. */
  declare readonly aclStatus: pulumi.Output<"on" | "off">;
  /** The access control type, when set. */
  declare readonly aclType: pulumi.Output<"white" | "black" | undefined>;
  /** The backend port, when set. */
  declare readonly backendServerPort: pulumi.Output<number | undefined>;
  /** The ID of the CA certificate, when set. */
  declare readonly caCertificateId: pulumi.Output<string | undefined>;
  /** The backend cookie, when set. */
  declare readonly cookie: pulumi.Output<string | undefined>;
  /** The cookie timeout in seconds, when set. */
  declare readonly cookieTimeout: pulumi.Output<number | undefined>;
  /** The description, when set. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Whether HTTP/2 is on. */
  declare readonly enableHttp2: pulumi.Output<"on" | "off">;
  /** Whether Gzip compression is on. */
  declare readonly gzip: pulumi.Output<"on" | "off">;
  /** The health check port, when set. */
  declare readonly healthCheckConnectPort: pulumi.Output<number | undefined>;
  /** The health check domain, when set. */
  declare readonly healthCheckDomain: pulumi.Output<string | undefined>;
  /** The HTTP status classes that mean healthy. */
  declare readonly healthCheckHttpCode: pulumi.Output<string>;
  /** The health check interval in seconds, when set. */
  declare readonly healthCheckInterval: pulumi.Output<number | undefined>;
  /** The health check timeout in seconds, when set (never below the interval). */
  declare readonly healthCheckTimeout: pulumi.Output<number | undefined>;
  /** The health check URI, when set. */
  declare readonly healthCheckUri: pulumi.Output<string | undefined>;
  /** The healthy threshold, when set. */
  declare readonly healthyThreshold: pulumi.Output<number | undefined>;
  /** The idle connection timeout in seconds. */
  declare readonly idleTimeout: pulumi.Output<number>;
  /** The request timeout in seconds. */
  declare readonly requestTimeout: pulumi.Output<number>;
  /** The scheduling algorithm. */
  declare readonly scheduler: pulumi.Output<"wrr" | "wlc" | "rr">;
  /** The sticky session cookie handling, when set. */
  declare readonly stickySessionType: pulumi.Output<"insert" | "server" | undefined>;
  /** The TLS security policy, when set. */
  declare readonly tlsCipherPolicy: pulumi.Output<string | undefined>;
  /** The unhealthy threshold, when set. */
  declare readonly unhealthyThreshold: pulumi.Output<number | undefined>;
  /** The VServer group, when set. */
  declare readonly vServerGroupId: pulumi.Output<string | undefined>;
  /** Whether X-Forwarded-For is added. */
  declare readonly xForwardedFor: pulumi.Output<"on" | "off">;
  /** Whether the SLB-ID header is added. */
  declare readonly xForwardedForSlbId: pulumi.Output<"on" | "off">;
  /** Whether the SLB-IP header is added. */
  declare readonly xForwardedForSlbIp: pulumi.Output<"on" | "off">;
  /** Whether X-Forwarded-Proto is added. */
  declare readonly xForwardedForProto: pulumi.Output<"on" | "off">;
  /** The health check method (`head` or `get`), when set. */
  declare readonly healthCheckMethod: pulumi.Output<"head" | "get" | undefined>;
  /** The access control lists, when several were given. */
  declare readonly aclIds: pulumi.Output<string[] | undefined>;
  /** Whether the SLB-PORT header is added. */
  declare readonly xForwardedForSlbPort: pulumi.Output<"on" | "off">;
  /** Whether the client source port header is added. */
  declare readonly xForwardedForClientSrcPort: pulumi.Output<"on" | "off">;
  /** The tags the listener was created with, when any. */
  declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
  /** The listener's status as SLB reports it (`running` after create). */
  declare readonly status: pulumi.Output<string>;

  /** Creates (or, with `opts.id`, reads) an HTTPS listener. */
  constructor(name: string, args: HttpsListenerArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      delegatingProvider("aliyun:HttpsListener"),
      name,
      // Every input name is listed (as undefined) so Pulumi fills each declared output, also for get() and for
      // optional inputs the program leaves out; undefined values are not sent as inputs.
      { ...outputSlots(Object.keys(inputProps)), ...args, status: undefined },
      opts,
      "aliyun",
      "HttpsListener",
    );
  }

  /**
   * get reads an existing listener by id (`<loadBalancerId>:https:<listenerPort>`) without managing it; its region is
   * the configured one.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): HttpsListener {
    return new HttpsListener(name, {} as HttpsListenerArgs, { ...opts, id });
  }
}
