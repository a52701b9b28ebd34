/**
 * The acceptance suite against the emulators (as `npm run acceptance` runs it without credentials), its recording and
 * redaction, the replay of every recording under fixtures/recorded, the fidelity comparison, and the sweep.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compareAnswers, fidelity, pacedStarts } from "../src/acceptance/fidelity";
import { parseArgs } from "../src/acceptance/main";
import { placeholderFor, redactCalls } from "../src/acceptance/redact";
import { readRecording, recordingFolders, replay } from "../src/acceptance/replay";
import { STEPS, freePort, runAcceptance, type AcceptanceReport } from "../src/acceptance/runner";
import { SCENARIOS } from "../src/acceptance/scenarios";
import { sweep } from "../src/acceptance/sweep";
import { readAccountIds, readPorts } from "../src/acceptance/variables";
import { SlbClient } from "../src/aliyun/client";
import { ElbClient, ElbV3Client } from "../src/huawei/client";
import { resolveTarget, readSettings } from "../src/huawei/config";
import { startEmulators, type Emulators } from "../src/emulator";
import { emulatorEnv } from "../src/acceptance/runner";
import { buildDist } from "./support/packed";
import { spawn } from "node:child_process";
import { encryptValue, newEncryptionSalt, passphraseKey } from "../src/engine/passphrase";

/** noCredentials is this process's environment without either cloud's credentials, as on a fresh machine. */
function noCredentials(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(ALICLOUD_|ALIBABA_CLOUD_|HW_|PLB_ACC_)/.test(k)) env[k] = v;
  }
  // A spec's budget: a step that cannot succeed fails in seconds, not after the providers' five minutes.
  return { ...env, ALICLOUD_RETRY_BUDGET_SECONDS: "20", HW_RETRY_BUDGET_SECONDS: "20", ...extra };
}

const RECORDED = path.resolve(__dirname, "..", "fixtures", "recorded");

/** KINDS are the exported kinds the acceptance run covers, in the order they run. */
const KINDS = [
  "HttpsListener",
  "DomainExtension",
  "HttpListener",
  "TcpListener",
  "UdpListener",
  "ForwardingRule",
  "ElbListener",
  "ElbV3Listener",
  "ElbV2Listener",
];

beforeAll(() => buildDist(), 180000);

describe("npm run acceptance without credentials", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "acceptance-spec-"));
  const lines: string[] = [];
  let report: AcceptanceReport;
  let reportFile: string;

  beforeAll(async () => {
    reportFile = path.join(work, "report.json");
    report = await runAcceptance({
      env: noCredentials(),
      print: (l) => lines.push(l),
      reportFile,
      record: { dir: path.join(work, "rec"), name: "spec" },
    });
  }, 240000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it("runs every exported kind's eight steps against the emulators and passes each", () => {
    expect(report.targets).toEqual({ aliyun: "emulators", huawei: "emulators" });
    expect(report.problems).toEqual([]);
    expect(report.leftovers).toEqual([]);
    expect(report.kinds.map((k) => k.kind)).toEqual(KINDS);
    for (const kind of report.kinds) {
      expect({ kind: kind.kind, steps: kind.steps.map((s) => `${s.step} ${s.outcome}`) }).toEqual({
        kind: kind.kind,
        steps: STEPS.map((s) => `${s} passed`),
      });
    }
    expect(report.ok).toBe(true);
  });

  it("counts the API calls of each step: a create calls the API, a preview does not", () => {
    for (const kind of report.kinds) {
      expect(kind.steps.find((s) => s.step === "create")?.calls).toBeGreaterThan(0);
      expect(kind.steps.find((s) => s.step === "preview")?.calls).toBe(0);
    }
  });

  it("prints a row per kind and step and writes the same report as JSON", () => {
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^ElbV3Listener +adopt +passed +\d+ +\d+$/)]));
    expect(lines[lines.length - 1]).toBe("acceptance: every step of every kind that ran did what it should");
    expect(JSON.parse(fs.readFileSync(reportFile, "utf8"))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it("names every listener it made with the prefix and leaves none behind", async () => {
    const emulators = await startEmulators({ aliyun: {}, huawei: {} });
    try {
      // The run's own emulators are gone; what it proved is in the recording: every create carried the prefix.
      const files = fs.readdirSync(path.join(work, "rec", "aliyun", "spec")).filter((f) => f.includes("Create"));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const call = JSON.parse(fs.readFileSync(path.join(work, "rec", "aliyun", "spec", f), "utf8"));
        // A CreateRules call names its rules in RuleList, a JSON array.
        const rules = call.params.RuleList ? (JSON.parse(call.params.RuleList) as { RuleName: string }[]) : [];
        const label = call.params.Description ?? call.params.Domain ?? rules[0]?.RuleName;
        expect(String(label)).toMatch(new RegExp(`^plbacc-${report.run}`));
      }
    } finally {
      await emulators.close();
    }
  });

  it("redacts the recording: no access key, secret, project id or load balancer id of the run survives", () => {
    const text = recordingText(path.join(work, "rec"));
    const secretsAndIds = [
      "LTAIemulatorAccessKey",
      "emulatorSecretKey0000",
      "HWEMULATORACCESSKEY0",
      "emulatorSecretKey0000000000000000000000",
      "0b07acf06d243925bc24a0ac7445267a",
      "lb-emu000000000000000001",
      "e1b00000000000000000000000000001",
      "idkp-emu-00000003-cn-hangzhou",
    ];
    for (const value of secretsAndIds) expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
    for (const key of ["Signature", "AccessKeyId", "SecurityToken", "Timestamp", "X-Sdk-Date", "Authorization"]) {
      expect({ key, found: text.includes(`"${key}"`) }).toEqual({ key, found: false });
    }
    const manifest = readRecording(path.join(work, "rec", "huawei", "spec")).manifest;
    expect(manifest.madeAgainst).toBe("emulators");
    expect(manifest.env.HW_PROJECT_ID).toMatch(/^0{28}\d{4}$/);
  });

  it("feeds npm run fidelity: one row per recorded call, the first (the load balancer read) answered alike", async () => {
    const folder = path.join(work, "rec", "huawei", "spec");
    const rows = await fidelity(folder);
    expect(rows.length).toBe(readRecording(folder).calls.length);
    expect(rows[0]).toEqual({
      index: 1,
      call: expect.stringMatching(/^GET \/v1\.0\/\d{32}\/elbaas\/loadbalancers\//),
      recordedStatus: 200,
      emulatorStatus: 200,
      differences: [],
    });
  }, 120000);
});

function recordingText(dir: string): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(fs.readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out.join("\n");
}

describe("the recordings under fixtures/recorded", () => {
  const folders = recordingFolders(RECORDED);

  it("include the one made against the emulators, labelled as such", () => {
    expect(folders.map((f) => path.relative(RECORDED, f))).toEqual(
      expect.arrayContaining([path.join("aliyun", "emulator-2026-12-07"), path.join("huawei", "emulator-2026-12-07")]),
    );
    for (const f of folders.filter((x) => path.basename(x).startsWith("emulator-"))) {
      expect(readRecording(f).manifest.madeAgainst).toBe("emulators");
    }
  });

  it.each(folders.map((f) => [path.relative(RECORDED, f), f]))(
    "%s replays with every step ending as recorded",
    async (_name, folder) => {
      const result = await replay(folder);
      expect(result.unmatched).toEqual([]);
      expect(result.outcomes).toEqual(result.recorded);
      expect(result.outcomes.length).toBeGreaterThan(0);
    },
    120000,
  );
});

describe("bad input stops the run before anything is created", () => {
  it("a malformed port range is one line naming the variable", async () => {
    const lines: string[] = [];
    const report = await runAcceptance({
      env: noCredentials({ PLB_ACC_PORTS: "50-20" }),
      print: (l) => lines.push(l),
      reportFile: "",
    });
    expect(report.problems).toEqual([
      'PLB_ACC_PORTS must be two ports from-to with 1 <= from <= to <= 65535, got "50-20"',
    ]);
    expect(report.kinds).toEqual([]);
    expect(report.ok).toBe(false);
  });

  it("a load balancer that does not exist stops the run with the service's own error", async () => {
    const report = await runAcceptance({
      env: noCredentials({ PLB_ACC_ALIYUN_LOAD_BALANCER_ID: "lb-missing0000000000001" }),
      print: () => undefined,
      reportFile: "",
    });
    expect(report.problems.map((p) => p.slice(0, p.indexOf(":")))).toEqual(KINDS.slice(0, 6));
    for (const p of report.problems) expect(p).toMatch(/^\w+: .*InvalidLoadBalancerId\.NotFound/);
    expect(report.kinds).toEqual([]);
  });

  it("a port range with no free port stops the run naming the range", async () => {
    const report = await runAcceptance({
      env: noCredentials({ PLB_ACC_PORTS: "40000-40000" }),
      print: () => undefined,
      reportFile: "",
      kinds: ["HttpsListener", "DomainExtension"],
    });
    expect(report.problems).toEqual(["DomainExtension: no free port in 40000-40000 (set PLB_ACC_PORTS)"]);
    expect(report.kinds).toEqual([]);
  });

  it("a kind whose variables are missing is skipped with one line naming them", async () => {
    const lines: string[] = [];
    const emulators = await startEmulators({ aliyun: {}, huawei: {} });
    try {
      const env = { ...noCredentials(), ...emulatorEnv(emulators) };
      delete (env as Record<string, string | undefined>).PLB_ACC_HUAWEI_DEDICATED_CERTIFICATE_ID;
      const report = await runAcceptance({
        env,
        print: (l) => lines.push(l),
        reportFile: "",
        kinds: ["ElbV3Listener"],
      });
      expect(lines).toContain("ElbV3Listener: skipped, set PLB_ACC_HUAWEI_DEDICATED_CERTIFICATE_ID");
      expect(report.kinds).toEqual([
        {
          kind: "ElbV3Listener",
          cloud: "huawei",
          status: "skipped",
          reason: "set PLB_ACC_HUAWEI_DEDICATED_CERTIFICATE_ID",
          steps: [],
        },
      ]);
    } finally {
      await emulators.close();
    }
  });

  it("reads the variables and the command line with exact messages", () => {
    expect(readAccountIds({ PLB_ACC_ALIYUN_CERTIFICATE_IDS: "only-one" })).toEqual({
      ok: false,
      problems: [
        'PLB_ACC_ALIYUN_CERTIFICATE_IDS must be two server certificate IDs separated by a comma, got "only-one"',
      ],
    });
    expect(readPorts({})).toEqual({ ok: true, value: { from: 40000, to: 40999 } });
    expect(() => parseArgs(["--record"])).toThrow("--record needs a value");
    expect(() => parseArgs(["--kinds", "Nope"])).toThrow(`--kinds: unknown kind Nope (known: ${KINDS.join(", ")})`);
    expect(parseArgs(["--record", "out", "--name", "x1"])).toEqual({ record: { dir: "out", name: "x1" } });
    expect(SCENARIOS.map((s) => s.kind)).toEqual(KINDS);
    expect(freePort({ from: 10, to: 12 }, [{ port: 10 }, { port: 11 }])).toBe(12);
    expect(freePort({ from: 10, to: 11 }, [{ port: 10 }, { port: 11 }])).toBeUndefined();
  });
});

describe("redaction", () => {
  it("gives each id a stand-in of the same form, the same one wherever the id appears", () => {
    expect(placeholderFor("lb-bp1x2y3z", 7)).toBe("lb-rrrrrrr7");
    expect(placeholderFor("0b07acf06d243925bc24a0ac7445267a", 12)).toBe("00000000000000000000000000000012");
    expect(placeholderFor("f0e1d2c3-0000-4000-8000-123456789abc", 3)).toBe("00000000-0000-0000-0000-000000000003");
    const { calls } = redactCalls(
      [
        {
          cloud: "aliyun",
          action: "DescribeLoadBalancerAttribute",
          params: { LoadBalancerId: "lb-bp1xyz9", Signature: "sig", AccessKeyId: "AKID" },
          status: 200,
          answer: {
            RequestId: "REQ-1234567",
            LoadBalancerId: "lb-bp1xyz9",
            Note: "key s3cr3tKey in lb-bp1xyz9:https:443",
          },
          startedAt: 1000,
          elapsedMs: 5,
        },
      ],
      { secrets: ["s3cr3tKey"], identifiers: ["lb-bp1xyz9"] },
    );
    expect(calls).toEqual([
      {
        cloud: "aliyun",
        action: "DescribeLoadBalancerAttribute",
        params: { LoadBalancerId: "lb-rrrrrr2" },
        status: 200,
        answer: {
          RequestId: "rrr-rrrrrr1",
          LoadBalancerId: "lb-rrrrrr2",
          Note: "key [redacted] in lb-rrrrrr2:https:443",
        },
        elapsedMs: 5,
        atMs: 0,
      },
    ]);
  });
});

describe("fidelity's comparison", () => {
  it("names the status, code, message, fields and value forms that differ", () => {
    expect(
      compareAnswers(
        { status: 400, body: { Code: "ListenerNotFound", Message: "a", RequestId: "r" } },
        { status: 404, body: { Code: "ListenerNotFound", Message: "b", HostId: "h" } },
      ),
    ).toEqual([
      "status 400 vs 404",
      'message "a" vs "b"',
      "fields only recorded: RequestId",
      "fields only emulated: HostId",
    ]);
    expect(
      compareAnswers(
        { status: 200, body: { admin_state_up: 1, x: null } },
        { status: 200, body: { admin_state_up: true, x: "" } },
      ),
    ).toEqual(["admin_state_up number vs boolean", "x null vs string"]);
  });

  it("sends at the recorded pace, each pause cut to 100 ms, which the emulators' 20 ms lock does not outlast", () => {
    expect(pacedStarts([88, 100, 15000, 15013, 16013, 16010])).toEqual([0, 12, 112, 125, 225, 225]);
    expect(pacedStarts([])).toEqual([]);
  });
});

/** settled retries a create while the emulated load balancer is still busy with the previous one. */
async function settled<T>(create: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await create();
    } catch (error) {
      if (attempt >= 30 || !/ELB\.1015|ELB\.8907|ELB\.1101|busy/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** active creates a classic listener and reads it until it leaves PENDING_CREATE (which locks its load balancer). */
async function active(client: ElbClient, body: Record<string, string | number>): Promise<void> {
  const made = await settled(() => client.createListener(body));
  for (let read = 1; read <= 20 && (await client.getListener(made.id)).status === "PENDING_CREATE"; read += 1);
}

describe("npm run sweep", () => {
  let emulators: Emulators;
  beforeAll(async () => {
    emulators = await startEmulators({ aliyun: {}, huawei: {} });
  });
  afterAll(() => emulators.close());

  it("lists only what starts with plbacc-, deletes it with --yes, and leaves everything else", async () => {
    const aliyun = emulators.aliyun!;
    const huawei = emulators.huawei!;
    const env = { ...noCredentials(), ...emulatorEnv(emulators) };
    const lb = aliyun.seed.loadBalancers.public;
    const cert = aliyun.seed.serverCertificateId;
    const slb = new SlbClient({
      endpoint: aliyun.endpoint,
      accessKeyId: aliyun.accessKeyId,
      accessKeySecret: aliyun.accessKeySecret,
    });
    const region = aliyun.seed.regionId;
    const listener = async (port: number, description: string): Promise<void> => {
      aliyun.state.settle();
      await slb.call("CreateLoadBalancerHTTPSListener", {
        RegionId: region,
        LoadBalancerId: lb,
        ListenerPort: port,
        Bandwidth: -1,
        ServerCertificateId: cert,
        StickySession: "off",
        HealthCheck: "off",
        BackendServerPort: 80,
        Description: description,
      });
    };
    const extension = async (port: number, domain: string): Promise<void> => {
      aliyun.state.settle();
      await slb.call("CreateDomainExtension", {
        RegionId: region,
        LoadBalancerId: lb,
        ListenerPort: port,
        Domain: domain,
        ServerCertificateId: cert,
      });
    };
    await listener(41001, "plbacc-old");
    await listener(41002, "keep-me");
    await extension(41002, "plbacc-old.example.com");
    await extension(41002, "keep.example.com");
    aliyun.state.settle();
    const target = resolveTarget(readSettings(undefined, env));
    const classic = new ElbClient(target);
    const body = {
      loadbalancer_id: huawei.seed.loadBalancers.public,
      protocol: "HTTP",
      backend_protocol: "HTTP",
      backend_port: 80,
      lb_algorithm: "roundrobin",
    };
    await active(classic, { ...body, name: "plbacc-old", port: 41003 });
    await active(classic, { ...body, name: "keep-me", port: 41004 });
    const dedicated = new ElbV3Client(target);
    const v3 = { loadbalancer_id: huawei.seed.dedicated.l4l7, protocol: "TCP" };
    await settled(() => dedicated.createListener({ listener: { ...v3, name: "plbacc-old", protocol_port: 41005 } }));
    await settled(() => dedicated.createListener({ listener: { ...v3, name: "keep-me", protocol_port: 41006 } }));

    const listed = await sweep({ env, print: () => undefined });
    expect(listed.deleted).toEqual([]);
    expect(listed.found).toHaveLength(4);
    expect(listed.found.join("\n")).toMatch(/aliyun domain extension .* \(plbacc-old\.example\.com\) on .*:41002/);
    expect(listed.found.join("\n")).toMatch(/aliyun https listener .*:41001 \(plbacc-old\)/);
    expect(listed.found.join("\n")).toMatch(/huawei classic listener .* port 41003 \(plbacc-old\)/);
    expect(listed.found.join("\n")).toMatch(/huawei dedicated listener .* port 41005 \(plbacc-old\)/);

    aliyun.state.settle();
    const swept = await sweep({ env, yes: true, print: () => undefined });
    expect(swept.failed).toEqual([]);
    expect(swept.deleted).toEqual(listed.found);

    const again = await sweep({ env, print: () => undefined });
    expect(again.found).toEqual([]);
    const aliyunPorts = [...aliyun.state.loadBalancers.get(lb)!.listeners.values()].map((l) => l.port);
    expect(aliyunPorts).toContain(41002);
    expect(aliyunPorts).not.toContain(41001);
    const kept = [...aliyun.state.loadBalancers.get(lb)!.listeners.values()]
      .flatMap((l) => [...(l.domainExtensions?.values() ?? [])])
      .map((e) => e.domain);
    expect(kept).toEqual(["keep.example.com"]);
    expect(huawei.state.listenersOf().map((l) => l.fields.name)).toEqual(["keep-me"]);
    expect(huawei.v3.listenersOf().map((l) => l.fields.name)).toEqual(["keep-me"]);
  }, 60000);
});

describe("a run that cannot finish cleans up after itself", () => {
  it("a step that fails deletes what the run made and runs no later step", async () => {
    // SetLoadBalancerHTTPSListenerAttribute refused as a RAM policy would: the update step fails for good.
    const emulators = await startEmulators({
      aliyun: {
        faults: [
          { target: "SetLoadBalancerHTTPSListenerAttribute", kind: "error", code: "Forbidden.RAM", status: 403 },
        ],
      },
      huawei: {},
    });
    try {
      const env = { ...noCredentials(), ...emulatorEnv(emulators) };
      const report = await runAcceptance({ env, print: () => undefined, reportFile: "", kinds: ["HttpsListener"] });
      const steps = report.kinds[0]?.steps.map((st) => `${st.step} ${st.outcome}`);
      expect(steps).toEqual([
        "create passed",
        "preview passed",
        "update failed",
        "refresh not run",
        "replace not run",
        "get not run",
        "adopt not run",
        "destroy not run",
      ]);
      expect(report.kinds[0]?.steps[2]?.detail).toMatch(/Forbidden\.RAM/);
      expect(report.targets.aliyun).toBe("account");
      expect(report.leftovers).toEqual([]);
      expect(report.ok).toBe(false);
      const lb = emulators.aliyun!.state.loadBalancers.get(emulators.aliyun!.seed.loadBalancers.public)!;
      expect([...lb.listeners.keys()]).toEqual([]);
    } finally {
      await emulators.close();
    }
  }, 120000);

  it("SIGINT stops after the step in progress, deletes what the run made and exits 1", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "acceptance-sigint-"));
    const reportFile = path.join(work, "report.json");
    try {
      const child = spawn(
        process.execPath,
        [
          path.resolve(__dirname, "..", "dist", "acceptance", "main.js"),
          "--kinds",
          "ElbV3Listener",
          "--report",
          reportFile,
        ],
        { env: noCredentials(), stdio: ["ignore", "pipe", "pipe"] },
      );
      let out = "";
      let err = "";
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      await new Promise<void>((resolve) =>
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          if (out.includes("ElbV3Listener: port ")) resolve();
        }),
      );
      child.kill("SIGINT");
      expect(await exited).toBe(1);
      expect(err).toContain(
        "acceptance: SIGINT: stopping after the step in progress, then deleting what this run made",
      );
      expect(out).toContain("ElbV3Listener: deleting what this run made");
      const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as AcceptanceReport;
      expect(report.kinds[0]).toMatchObject({ kind: "ElbV3Listener", status: "failed", reason: "interrupted" });
      expect(report.kinds[0]?.steps.map((st) => st.outcome)).toEqual([
        "passed",
        "not run",
        "not run",
        "not run",
        "not run",
        "not run",
        "not run",
        "not run",
      ]);
      // The cleanup lists the load balancer after its destroy: a listener still there would be a leftover.
      expect(report.leftovers).toEqual([]);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 120000);
});

describe("credentials from a stack file", () => {
  it("runs against the account a stack file names, its secure secret decrypted, and redacts that secret", async () => {
    const emulators = await startEmulators({ aliyun: {}, huawei: {} });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "acceptance-stack-"));
    try {
      const aliyun = emulators.aliyun!;
      const passphrase = "correct horse";
      const salt = newEncryptionSalt(passphrase);
      const secret = encryptValue(aliyun.accessKeySecret, passphraseKey(passphrase, salt));
      fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: acc\nruntime: nodejs\n");
      fs.writeFileSync(
        path.join(dir, "Pulumi.acc.yaml"),
        `encryptionsalt: ${salt}\nconfig:\n  alicloud:accessKey: ${aliyun.accessKeyId}\n` +
          `  alicloud:secretKey:\n    secure: ${secret}\n  alicloud:region: ${aliyun.seed.regionId}\n` +
          `  acc:unrelated: kept out\n`,
      );
      const seeded = emulatorEnv(emulators);
      const env = noCredentials({
        PULUMI_CONFIG_PASSPHRASE: passphrase,
        ALICLOUD_SLB_ENDPOINT: aliyun.endpoint,
        PLB_ACC_ALIYUN_LOAD_BALANCER_ID: seeded.PLB_ACC_ALIYUN_LOAD_BALANCER_ID,
        PLB_ACC_ALIYUN_CERTIFICATE_IDS: seeded.PLB_ACC_ALIYUN_CERTIFICATE_IDS,
      });
      const record = { dir: path.join(dir, "rec"), name: "stack" };
      const report = await runAcceptance({
        env,
        stack: { dir, name: "acc" },
        print: () => undefined,
        reportFile: "",
        kinds: ["HttpsListener"],
        record,
      });
      expect(report.targets).toEqual({ aliyun: "account", huawei: "not run" });
      expect(report.kinds.map((k) => `${k.kind} ${k.status}`)).toEqual(["HttpsListener passed"]);
      const text = recordingText(record.dir);
      expect(text.includes(aliyun.accessKeySecret)).toBe(false);
      expect(text.includes(aliyun.accessKeyId)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await emulators.close();
    }
  }, 120000);
});

describe("the recorder", () => {
  it("keeps an answer it cannot parse as raw text, and a signed request's credentials never", async () => {
    const http = await import("node:http");
    const server = http.createServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>502 Bad Gateway</body></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recorder-"));
    const previous = process.env.PULUMI_LB_LISTENERS_RECORD_DIR;
    process.env.PULUMI_LB_LISTENERS_RECORD_DIR = dir;
    try {
      const target = resolveTarget(
        readSettings(undefined, {
          HW_ACCESS_KEY: "RECORDERACCESSKEY000",
          HW_SECRET_KEY: "recorderSecretKey",
          HW_ELB_ENDPOINT: `http://127.0.0.1:${port}`,
          HW_REGION_NAME: "eu-de",
          HW_PROJECT_ID: "0123456789abcdef0123456789abcdef",
          HW_REQUEST_TIMEOUT_SECONDS: "5",
        }),
      );
      await expect(new ElbClient(target).getListener("abc")).rejects.toThrow(/HTTP 502/);
      const files = fs.readdirSync(dir);
      expect(files).toHaveLength(1);
      const text = fs.readFileSync(path.join(dir, files[0]!), "utf8");
      expect(JSON.parse(text)).toMatchObject({
        cloud: "huawei",
        method: "GET",
        path: "/v1.0/0123456789abcdef0123456789abcdef/elbaas/listeners/abc",
        status: 502,
        answerText: "<html><body>502 Bad Gateway</body></html>",
      });
      expect(text).not.toContain("recorderSecretKey");
      expect(text).not.toContain("RECORDERACCESSKEY000");
    } finally {
      if (previous === undefined) delete process.env.PULUMI_LB_LISTENERS_RECORD_DIR;
      else process.env.PULUMI_LB_LISTENERS_RECORD_DIR = previous;
      fs.rmSync(dir, { recursive: true, force: true });
      server.close();
    }
  });
});
