/**
 * The top-level Pulumi program (Pulumi.yaml `main: dist/program/index.js`): on one Alibaba Cloud SLB instance, an HTTPS
 * listener with one domain extension and two forwarding rules, an HTTP listener on port 80 that redirects to it, a TCP listener in front of the
 * database and a UDP listener sharing the HTTPS listener's port (QUIC); two Huawei Cloud classic ELB listeners (HTTP
 * and HTTPS) in front of one web service, a dedicated (v3) ELB TCP listener in front of its database and a shared (v2)
 * ELB TERMINATED_HTTPS listener in front of its API, every setting taken from the stack's configuration so one program is promoted from dev to staging to prod by its stack
 * files.
 *
 * Config (namespace `lb-listeners`):
 *   aliyunLoadBalancerId, aliyunServerCertificateId   the SLB instance and its server certificate
 *   huaweiLoadBalancerId, huaweiCertificateId         the classic ELB and its default certificate
 *   aliyun        object: any HttpsListener inputs (listenerPort, bandwidth, stickySession, timeouts, ...)
 *   huaweiHttp    object: any ElbListener inputs of the HTTP listener (port, backendPort, sessionSticky, ...)
 *   huaweiHttps   object: any ElbListener inputs of the HTTPS listener (port, sslProtocols, sslCiphers, ...)
 *   aliyunExtension  object: the DomainExtension on the Aliyun listener ({ domain, serverCertificateId })
 *   aliyunRules   object: the two ForwardingRules on the HTTPS listener ({ byDomain: {...}, byUrl: {...} }: ruleName,
 *                 domain or url, vServerGroupId)
 *   aliyunRedirect   object: the HttpListener that redirects to the HTTPS listener ({ listenerPort, description? })
 *   aliyunTcp     object: any TcpListener inputs (listenerPort, bandwidth, backendServerPort, persistenceTimeout, ...)
 *   aliyunUdp     object: any UdpListener inputs (listenerPort, bandwidth, backendServerPort, scheduler, ...)
 *   huaweiDedicatedLoadBalancerId                     a dedicated (v3) load balancer with an L4 flavor
 *   huaweiDedicated  object: any ElbV3Listener inputs of the dedicated TCP listener (protocolPort, keepaliveTimeout, ...)
 *   huaweiSharedLoadBalancerId                        a shared (v2) load balancer
 *   huaweiShared     object: any ElbV2Listener inputs of the shared TERMINATED_HTTPS listener (protocolPort, ...)
 * Credentials and regions use the providers' own keys (`alicloud:*`, `huaweicloud:*`; secrets with --secret).
 */
import * as pulumi from "@pulumi/pulumi";
import {
  DomainExtension,
  ElbListener,
  ElbV2Listener,
  ElbV3Listener,
  ForwardingRule,
  HttpListener,
  HttpsListener,
  TcpListener,
  UdpListener,
  type ElbListenerArgs,
  type ElbV2ListenerArgs,
  type ElbV3ListenerArgs,
  type ForwardingRuleArgs,
  type HttpsListenerArgs,
  type TcpListenerArgs,
  type UdpListenerArgs,
} from "../index";

/** AliyunSettings are the HttpsListener inputs a stack file sets (all but the ids). */
type AliyunSettings = Omit<HttpsListenerArgs, "loadBalancerId" | "serverCertificateId">;

/** RuleSettings are the ForwardingRule inputs a stack file sets for one rule (all but its listener). */
type RuleSettings = Omit<ForwardingRuleArgs, "loadBalancerId" | "listenerPort" | "listenerProtocol">;

/** AliyunRedirectSettings are what a stack file sets for the redirecting HttpListener: its port. */
interface AliyunRedirectSettings {
  readonly listenerPort: number;
}

/** AliyunL4Settings are the TcpListener or UdpListener inputs a stack file sets (all but the load balancer). */
type AliyunL4Settings<Args> = Omit<Args, "loadBalancerId">;

/** HuaweiSettings are the ElbListener inputs a stack file sets for one listener (all but ids and protocols). */
type HuaweiSettings = Omit<ElbListenerArgs, "loadbalancerId" | "certificateId" | "protocol" | "backendProtocol">;

/** DedicatedSettings are the ElbV3Listener inputs a stack file sets for the dedicated listener (all but id and protocol). */
type DedicatedSettings = Omit<ElbV3ListenerArgs, "loadbalancerId" | "protocol">;

/** SharedSettings are the ElbV2Listener inputs a stack file sets for the shared listener (all but id and protocol). */
type SharedSettings = Omit<ElbV2ListenerArgs, "loadbalancerId" | "protocol">;

/**
 * program declares the listeners from the current stack's configuration and returns their ids as stack outputs. It
 * is the module's whole export (`module.exports`), which is how Pulumi's Node.js runtime calls a CommonJS program.
 */
function program(): Record<string, pulumi.Output<string>> {
  const config = new pulumi.Config("lb-listeners");
  const web = new HttpsListener("web", {
    ...config.requireObject<AliyunSettings>("aliyun"),
    loadBalancerId: config.require("aliyunLoadBalancerId"),
    serverCertificateId: config.require("aliyunServerCertificateId"),
  });
  // The extension takes the listener's outputs, so it waits for the listener (and is replaced with it).
  const extension = config.requireObject<{ domain: string; serverCertificateId: string }>("aliyunExtension");
  const webSni = new DomainExtension("web-sni", {
    loadBalancerId: web.loadBalancerId,
    listenerPort: web.listenerPort,
    domain: extension.domain,
    serverCertificateId: extension.serverCertificateId,
  });
  // Two forwarding rules route by domain and by URL to their own VServer groups. They take the listener's outputs, so
  // the engine makes them after it; concurrent rule creates on one listener go out in one CreateRules call.
  const rules = config.requireObject<{ byDomain: RuleSettings; byUrl: RuleSettings }>("aliyunRules");
  const onWeb = {
    loadBalancerId: web.loadBalancerId,
    listenerPort: web.listenerPort,
    listenerProtocol: "https" as const,
  };
  const apiRule = new ForwardingRule("web-rule-api", { ...rules.byDomain, ...onWeb });
  const staticRule = new ForwardingRule("web-rule-static", { ...rules.byUrl, ...onWeb });
  // Port 80 redirects to the HTTPS listener. forwardPort takes the listener's output, so the engine makes the HTTPS
  // listener first. A redirect listener has nothing to change in place: a new port or target replaces it.
  const webRedirect = new HttpListener("web-redirect", {
    loadBalancerId: web.loadBalancerId,
    listenerPort: config.requireObject<AliyunRedirectSettings>("aliyunRedirect").listenerPort,
    listenerForward: "on",
    forwardPort: web.listenerPort,
  });
  const dbAliyun = new TcpListener("db-aliyun", {
    ...config.requireObject<AliyunL4Settings<TcpListenerArgs>>("aliyunTcp"),
    loadBalancerId: config.require("aliyunLoadBalancerId"),
  });
  // UDP may share a port with TCP, HTTP or HTTPS listeners: QUIC on the HTTPS listener's port.
  const quic = new UdpListener("web-quic", {
    ...config.requireObject<AliyunL4Settings<UdpListenerArgs>>("aliyunUdp"),
    loadBalancerId: config.require("aliyunLoadBalancerId"),
  });
  const wwwHttp = new ElbListener("www-http", {
    ...config.requireObject<HuaweiSettings>("huaweiHttp"),
    loadbalancerId: config.require("huaweiLoadBalancerId"),
    protocol: "HTTP",
    backendProtocol: "HTTP",
  });
  const wwwHttps = new ElbListener("www-https", {
    ...config.requireObject<HuaweiSettings>("huaweiHttps"),
    loadbalancerId: config.require("huaweiLoadBalancerId"),
    certificateId: config.require("huaweiCertificateId"),
    protocol: "HTTPS",
    backendProtocol: "HTTP",
  });
  // The dedicated (v3) listener: its own block and config keys, independent of the classic ones above.
  const dbTcp = new ElbV3Listener("db-tcp", {
    ...config.requireObject<DedicatedSettings>("huaweiDedicated"),
    loadbalancerId: config.require("huaweiDedicatedLoadBalancerId"),
    protocol: "TCP",
  });
  // The shared (v2) listener: TLS ends on the load balancer, which forwards HTTP to the API's servers.
  const apiShared = new ElbV2Listener("api-shared", {
    ...config.requireObject<SharedSettings>("huaweiShared"),
    loadbalancerId: config.require("huaweiSharedLoadBalancerId"),
    protocol: "TERMINATED_HTTPS",
  });
  return {
    aliyunListenerId: web.id,
    aliyunStatus: web.status,
    aliyunDomainExtensionId: webSni.id,
    aliyunRedirectListenerId: webRedirect.id,
    aliyunRuleIds: pulumi.all([apiRule.id, staticRule.id]).apply((ids) => ids.join(",")),
    aliyunTcpListenerId: dbAliyun.id,
    aliyunUdpListenerId: quic.id,
    huaweiHttpListenerId: wwwHttp.id,
    huaweiHttpsListenerId: wwwHttps.id,
    huaweiDedicatedListenerId: dbTcp.id,
    huaweiSharedListenerId: apiShared.id,
  };
}

export = program;
