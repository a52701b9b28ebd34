/**
 * HttpListener, TcpListener and UdpListener on the engine path, beside an HttpsListener in the same program: through
 * the harness and the real dynamic-provider host to the installed package (dist/, the kinds' own host bundles) and on
 * to the in-process SLB emulator. The redirect listener takes the HTTPS listener's port as an input, so the engine
 * creates it second; a UDP listener shares port 80 with it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { HttpListener, HttpsListener, TcpListener, UdpListener } from "../src";
import type { AliyunEmulator } from "../src/emulator";
import { aliyunProject, useAliyunEmulator } from "./support/aliyunEngine";
import type { EngineProject } from "./support/engineProject";
import { removeScratchDirs } from "./support/scratch";

afterAll(() => removeScratchDirs());

const SECRET = "aliyun-kinds-engine-secret-Rt83Lq";

let slb: AliyunEmulator;
useAliyunEmulator(SECRET, (e) => (slb = e));

function project(): EngineProject {
  return aliyunProject("aliyun-kinds", slb, SECRET, {
    "lbdemo:serverCertificateId": slb.seed.serverCertificateId,
  });
}

/** program declares the four kinds on one load balancer; `tcpBandwidth` and `udpPort` vary between runs. */
function program(loadBalancerId: string, tcpBandwidth = -1, udpPort = 80) {
  return () => {
    const config = new pulumi.Config("lbdemo");
    const https = new HttpsListener("web-https", {
      loadBalancerId,
      listenerPort: 443,
      backendServerPort: 8080,
      bandwidth: -1,
      serverCertificateId: config.require("serverCertificateId"),
      healthCheck: "off",
      stickySession: "off",
    });
    const redirect = new HttpListener("web-http", {
      loadBalancerId,
      listenerPort: 80,
      listenerForward: "on",
      forwardPort: https.listenerPort,
    });
    const tcp = new TcpListener("db", {
      loadBalancerId,
      listenerPort: 3306,
      bandwidth: tcpBandwidth,
      backendServerPort: 3306,
    });
    const udp = new UdpListener("dns", {
      loadBalancerId,
      listenerPort: udpPort,
      bandwidth: -1,
      backendServerPort: 53,
      healthCheckReq: "ping",
      healthCheckExp: "pong",
    });
    return { redirect: redirect.id, tcp: tcp.id, udp: udp.id, status: tcp.status };
  };
}

/** filesUnder lists the files of a scratch project (its state and stack files), without node_modules. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : filesUnder(full);
    return [full];
  });
}

function listenersOf(lb: string): string[] {
  return slb.state.allListeners().filter((id) => id.startsWith(`${lb}:`));
}

describe("the four listener kinds through the harness", () => {
  it("creates them (redirect after its HTTPS listener), shows no change on up, refresh and preview, and destroys them", async () => {
    const lb = slb.state.createLoadBalancer({ regionId: slb.seed.regionId }).id;
    const { dir, run } = project();
    const up = await run("up", program(lb));
    expect([...up.errors, ...up.failures.map((f) => f.reason)]).toEqual([]);
    // The secret key reaches the host as secret config; no output, line, state or stack file holds it in clear.
    expect(JSON.stringify(up)).not.toContain(SECRET);
    const files = filesUnder(dir);
    expect(files.some((file) => fs.readFileSync(file, "utf8").includes("lb-emu"))).toBe(true);
    expect(files.filter((file) => fs.readFileSync(file, "utf8").includes(SECRET))).toEqual([]);
    const created = up.steps.map((s) => s.name);
    expect(created.indexOf("web-https")).toBeLessThan(created.indexOf("web-http"));
    expect(up.outputs).toEqual({
      redirect: `${lb}:http:80`,
      tcp: `${lb}:tcp:3306`,
      udp: `${lb}:udp:80`,
      status: "running",
    });
    expect(listenersOf(lb)).toEqual(
      [`${lb}:http:80`, `${lb}:udp:80`, `${lb}:https:443`, `${lb}:tcp:3306`].sort(
        (a, b) => Number(a.split(":")[2]) - Number(b.split(":")[2]) || a.localeCompare(b),
      ),
    );
    for (const op of ["up", "refresh", "preview"] as const) {
      const again = await run(op, program(lb));
      expect(again.steps.map((s) => `${s.op} ${s.name}`).sort()).toEqual([
        "same db",
        "same dns",
        "same web-http",
        "same web-https",
      ]);
    }
    const changed = await run("up", program(lb, 50));
    expect(
      changed.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name} ${(s.changed ?? []).join(",")}`),
    ).toEqual(["update db bandwidth"]);
    await run("destroy", program(lb, 50));
    expect(listenersOf(lb)).toEqual([]);
  });

  it("refuses a UDP listener on a reserved port at preview, naming the rule", async () => {
    const lb = slb.state.createLoadBalancer({ regionId: slb.seed.regionId }).id;
    const { run } = project();
    const preview = await run("preview", program(lb, -1, 4789));
    expect(preview.failures).toEqual([
      expect.objectContaining({
        property: "listenerPort",
        reason: "listenerPort must be an integer from 1 to 65535 other than 250 and 4789 (reserved for UDP), got 4789",
      }),
    ]);
  });
});
