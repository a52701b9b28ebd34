/**
 * One logger for the process, however the code is bundled. The dynamic-provider host loads each resource kind from
 * its own esbuild bundle (dist/host/<bundle>.plan.js, then dist/host/<bundle>.js); a user sets the logger through the
 * package main (dist/index.js, tsc's one file per module). The logger is a module value of core/log, so a bundle with
 * its own copy of core/log logs past it. A fresh Node process (Node's own module cache, as in the host) sets a logger
 * through the package main, then runs code from every kind's bundles: each line they log must reach that logger.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { RETRY_BUDGET_SECONDS as ALIYUN_BUDGET } from "../src/aliyun/testing";
import { RETRY_BUDGET_SECONDS as HUAWEI_BUDGET } from "../src/huawei/testing";
import { HOST_BUNDLES } from "../src/providerShim";
import { buildDist } from "./support/packed";
import { REPO_ROOT } from "./support/scratch";

const DIST = path.join(REPO_ROOT, "dist");

beforeAll(() => buildDist(), 180000);

/**
 * SCRIPT sets a logger through the package main, then, against both emulators, reads through every kind's full
 * bundle with one injected retryable answer (the pipeline logs the retry) and diffs through the Aliyun listener's
 * plan bundle a change of its create-only tags (the plan logs a warning). It prints the lines the logger received,
 * by bundle.
 */
const SCRIPT = `
const dist = ${JSON.stringify(DIST)};
const { setLogger } = require(dist + "/index.js");
const { startEmulators } = require(dist + "/emulator/index.js");
const lines = [];
setLogger({ debug: (m) => lines.push(m), info: (m) => lines.push(m), warn: (m) => lines.push(m) });

/** logged runs one step and returns the lines it logged. */
async function logged(step) {
  const before = lines.length;
  await step();
  return lines.slice(before);
}

(async () => {
  const emulators = await startEmulators({ aliyun: { lockMs: 0 }, huawei: { lockMs: 0 } });
  try {
    const ali = emulators.aliyun;
    const hw = emulators.huawei;
    const aliyunEnv = {
      ALICLOUD_ACCESS_KEY: ali.accessKeyId,
      ALICLOUD_SECRET_KEY: ali.accessKeySecret,
      ALICLOUD_REGION: ali.seed.regionId,
      ALICLOUD_SLB_ENDPOINT: ali.endpoint,
      ALICLOUD_RETRY_BUDGET_SECONDS: ${JSON.stringify(ALIYUN_BUDGET)},
    };
    const huaweiEnv = {
      HW_ACCESS_KEY: hw.accessKey,
      HW_SECRET_KEY: hw.secretKey,
      HW_REGION_NAME: hw.seed.region,
      HW_PROJECT_ID: hw.seed.projectId,
      HW_ELB_ENDPOINT: hw.endpoint,
      HW_RETRY_BUDGET_SECONDS: ${JSON.stringify(HUAWEI_BUDGET)},
    };
    const aliyunOptions = { env: aliyunEnv, retry: { baseDelayMs: 5, maxDelayMs: 10 } };
    const huaweiOptions = { env: huaweiEnv, retryBaseDelayMs: 5 };
    const lb = ali.seed.loadBalancers.public;
    const reads = {
      aliyun: ["HttpsListenerProvider", aliyunOptions, (p) => p.read(lb + ":https:9443")],
      "aliyun-domainExtension": ["DomainExtensionProvider", aliyunOptions, (p) => p.read("de-nothere", {})],
      huawei: ["ElbListenerProvider", huaweiOptions, (p) => p.read("nothere")],
      "huawei-elbV3": ["ElbV3ListenerProvider", huaweiOptions, (p) => p.read("nothere")],
    };
    const out = {};
    for (const [bundle, [name, options, read]] of Object.entries(reads)) {
      for (const emulator of [ali, hw]) {
        emulator.faults.clear();
        const code = emulator === ali ? "ServiceUnavailable" : "ELB.0004";
        emulator.faults.add({ target: "*", kind: "error", status: 503, code, first: 1 });
      }
      const Provider = require(dist + "/host/" + bundle + ".js")[name];
      out[bundle + ".js"] = await logged(() => read(new Provider(options)));
    }
    const { provider } = require(dist + "/host/aliyun.plan.js");
    await provider.configure({ config: new Map() });
    const olds = { loadBalancerId: lb, listenerPort: 443, regionId: ali.seed.regionId, tags: { team: "a" } };
    out["aliyun.plan.js"] = await logged(() => provider.diff(lb + ":https:443", olds, { ...olds, tags: { team: "b" } }));
    console.log(JSON.stringify(out));
  } finally {
    await emulators.close();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

describe("the logger set through the package main", () => {
  it("receives what every kind's host bundles log, in the same process", () => {
    const out: unknown = JSON.parse(
      execFileSync(process.execPath, ["-e", SCRIPT], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        timeout: 30000,
        // Lines logged past the logger go to the child's stderr, which a failure then shows.
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    const retry = (answer: string) => [expect.stringMatching(new RegExp(`answered ${answer}; retry 1 in \\d+ ms`))];
    expect(out).toEqual({
      "aliyun.js": retry("ServiceUnavailable \\(HTTP 503\\)"),
      "aliyun-domainExtension.js": retry("ServiceUnavailable \\(HTTP 503\\)"),
      "huawei.js": retry("ELB\\.0004 \\(HTTP 503\\)"),
      "huawei-elbV3.js": retry("ELB\\.0004 \\(HTTP 503\\)"),
      "aliyun.plan.js": [expect.stringContaining("tags are set at create only")],
    });
  });

  it("is the one compiled core/log: no host bundle holds a copy of the log sink", () => {
    // The stderr logger's switch appears in src/core/log.ts alone, so a bundle that inlines core/log carries it.
    const sink = "PULUMI_LB_LISTENERS_DEBUG";
    expect(fs.readFileSync(path.join(DIST, "core", "log.js"), "utf8")).toContain(sink);
    const bundles = [
      "providerHost.js",
      ...Object.values(HOST_BUNDLES).flatMap((b) => [`host/${b}.plan.js`, `host/${b}.js`]),
    ];
    expect(bundles.filter((file) => fs.readFileSync(path.join(DIST, file), "utf8").includes(sink))).toEqual([]);
  });
});
