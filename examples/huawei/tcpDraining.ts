/**
 * A classic ELB TCP listener whose connections drain for 30 seconds when a backend is removed, with a 5-minute idle
 * timeout (e.g. a database proxy on 5432).
 *
 *   pulumi config set loadBalancerId <classic ELB id>
 */
import * as pulumi from "@pulumi/pulumi";
import { ElbListener } from "pulumi-lb-listeners";

export = (): Record<string, pulumi.Output<unknown>> => {
  const config = new pulumi.Config();
  const listener = new ElbListener("db-tcp", {
    name: "db-tcp",
    loadbalancerId: config.require("loadBalancerId"),
    protocol: "TCP",
    port: 5432,
    backendProtocol: "TCP",
    backendPort: 5432,
    lbAlgorithm: "leastconn",
    tcpTimeout: 5,
    tcpDraining: true,
    tcpDrainingTimeout: 30,
  });
  return { listenerId: listener.id };
};
