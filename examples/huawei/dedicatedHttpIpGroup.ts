/**
 * A listener of a dedicated (v3) load balancer: HTTP on port 80 reachable only from an IP group (whitelist), with
 * insert headers that pass the load balancer's address and the client's port to the backends.
 *
 *   pulumi config set dedicatedLoadBalancerId <dedicated load balancer id with an L7 flavor>
 *   pulumi config set ipGroupId <IP group id>
 */
import * as pulumi from "@pulumi/pulumi";
import { ElbV3Listener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new ElbV3Listener("web-http-internal", {
    name: "web-http-internal",
    loadbalancerId: config.require("dedicatedLoadBalancerId"),
    protocol: "HTTP",
    protocolPort: 80,
    ipgroup: { ipgroupId: config.require("ipGroupId"), type: "white" },
    insertHeaders: { "X-Forwarded-ELB-IP": true, "X-Forwarded-For-Port": true },
    clientTimeout: 30,
    memberTimeout: 90,
  });
  return { listenerId: listener.id };
};
