/**
 * `npm run demo` end to end (in-process): every step does what it announces and nothing is left behind.
 */
import { runDemo } from "../src/demo/main";
import { RETRY_BUDGET_ENV } from "./support/engineProject";
import { buildDist } from "./support/packed";

beforeAll(() => buildDist(), 180000);

// The demo's provider host inherits this file's environment (the harness spreads process.env under the emulators'),
// so the specs' retry budget reaches it without an option on the demo itself.
const saved = { ...process.env };
beforeAll(() => Object.assign(process.env, RETRY_BUDGET_ENV));
afterAll(() => {
  for (const key of Object.keys(RETRY_BUDGET_ENV)) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("the demo", () => {
  it("deploys dev, promotes to staging and prod, refreshes an out-of-band change, destroys, and leaves nothing", async () => {
    const lines: string[] = [];
    const ok = await runDemo({ print: (line) => lines.push(line) });
    expect(lines[lines.length - 1]).toBe("Demo finished: every step did what it should.");
    expect(ok).toBe(true);
    expect(lines).toEqual(
      expect.arrayContaining([
        "     +- replace aliyun:HttpsListener web (forced by: backendServerPort)",
        "     ~ refresh aliyun:HttpsListener web (changed: bandwidth)",
        "     ~ update aliyun:DomainExtension web-sni (changed: serverCertificateId)",
        "     +- replace aliyun:DomainExtension web-sni (forced by: domain)",
        "   listeners left: aliyun 0, huawei 0; domain extensions left: none",
        "     ~ update huawei:ElbV3Listener db-tcp (changed: description, keepaliveTimeout)",
        "     +- replace huawei:ElbV3Listener db-tcp (forced by: tags)",
        "   huawei listeners left: classic 0, dedicated (v3) 0, shared (v2) 0",
        "   forwarding rules: api.example.com -> rsp-emu-api-2, /static -> rsp-emu-static-2",
        "   forwarding rules: api.example.org -> rsp-emu-api-2, /assets -> rsp-emu-static-2",
        "   huawei shared listeners: TERMINATED_HTTPS:8443 (tls-1-2, SNI certificates 1)",
        "     +- replace huawei:ElbV2Listener api-shared (forced by: protocolPort)",
        "   aliyun listeners: http:80 -> https:443, https:443 (backend 8443, 200 Mbit/s), udp:443 (backend 9443, 100 Mbit/s), tcp:3306 (backend 3307, 100 Mbit/s)",
        "     +- replace aliyun:TcpListener db-aliyun (forced by: backendServerPort)",
        "     ~ update aliyun:UdpListener web-quic (changed: bandwidth, description, scheduler)",
      ]),
    );
  });
});
