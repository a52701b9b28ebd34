/**
 * A classic ELB UDP listener (a UDP listener only forwards to UDP backends), e.g. DNS on 53 with a 2-minute session
 * timeout.
 *
 *   pulumi config set loadBalancerId <classic ELB id>
 */
import * as pulumi from "@pulumi/pulumi";
import { ElbListener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new ElbListener("dns-udp", {
    name: "dns-udp",
    loadbalancerId: config.require("loadBalancerId"),
    protocol: "UDP",
    port: 53,
    backendProtocol: "UDP",
    backendPort: 53,
    lbAlgorithm: "roundrobin",
    udpTimeout: 2,
  });
  return { listenerId: listener.id };
};
