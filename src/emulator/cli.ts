#!/usr/bin/env node
/**
 * lb-emulator: runs the cloud API emulators until SIGTERM or SIGINT and prints one JSON ready line on stdout, e.g.
 * `{"aliyun":{"endpoint":"http://127.0.0.1:PORT","regionId":"cn-hangzhou","loadBalancers":{"public":"lb-...",
 * "private":"lb-...","shared":"lb-..."},"serverCertificateId":"...","caCertificateId":"...",
 * "serverCertificateIds":["...","..."]}}` (`shared` is a shared-performance instance; the certificates allow a rotation).
 *
 * Flags (Aliyun SLB): --aliyun-port N (0 = a free port), --aliyun-access-key K, --aliyun-secret-key S,
 * --aliyun-region R, --aliyun-lock-ms N (load balancer configuration lock, 0 = off), --aliyun-latency-ms N,
 * --aliyun-rps N (requests per second before Throttling.User, 0 = no limit), --aliyun-domain-extension-quota N
 * (domain extensions per listener), --no-aliyun.
 * Flags (Huawei ELB v1.0): --huawei-port N, --huawei-access-key K, --huawei-secret-key S, --huawei-project-id P,
 * --huawei-region R, --huawei-token T (repeatable; accepted in X-Auth-Token), --huawei-lock-ms N (ELB.1015 lock,
 * 0 = off), --huawei-latency-ms N, --huawei-rps N (requests per second before 429 APIGW.0308, 0 = no limit),
 * --huawei-pending-create N (GETs a new listener stays PENDING_CREATE), --no-huawei. The ready line gains
 * `"huawei":{"endpoint":...,"region":...,"projectId":...,"loadBalancers":{"public":...,"private":...},"certificateId":...,
 * "dedicated":{"l4l7":...,"l4":...,"l7":...},"certificates":{"server":...,"client":...},"ipGroupId":...,
 * "securityPolicyId":...,"shared":{"loadBalancers":{"first":...,"second":...,"error":...},"certificateId":...,
 * "sniCertificateId":...,"caCertificateId":...}}` (`dedicated` to `securityPolicyId`: the dedicated ELB v3 fixtures,
 * served under /v3/{project_id}/elb; `shared`: the shared ELB v2 fixtures, served under /v2.0/lbaas (Open Telekom
 * Cloud) and /v2/{project_id}/elb (Huawei Cloud)).
 * Faults (both clouds): --fault "<target>:<kind>[:code[:status]][@first=N|@fraction=F,seed=S]" (repeatable).
 */
import type { FaultRule } from "./faults";
import { parseFaultFlag } from "./faults";
import type { AliyunEmulatorOptions } from "./aliyun";
import type { HuaweiEmulatorOptions } from "./huawei";
import type { EmulatorsOptions } from "./index";
import { startEmulators } from "./index";

/** HELP is what `lb-emulator --help` prints: every flag parseArgs reads, with its default. */
export const HELP = `Usage: lb-emulator [flags]

Serves local emulators of the Alibaba Cloud SLB RPC API and the Huawei Cloud / Open Telekom Cloud classic ELB v1.0
API on 127.0.0.1, prints one JSON ready line with endpoints and seeded ids, and serves until SIGTERM or SIGINT.

Alibaba Cloud SLB:
  --aliyun-port N            port, 0 picks a free one (default 0)
  --aliyun-access-key K      accepted access key id (default LTAIemulatorAccessKey)
  --aliyun-secret-key S      accepted access key secret (default emulatorSecretKey0000)
  --aliyun-region R          region of the seeded fixtures (default cn-hangzhou)
  --aliyun-lock-ms N         load balancer lock after a mutation, OperationBusy / ServiceIsConfiguring (default 20)
  --aliyun-latency-ms N      delay before each answer (default 0)
  --aliyun-rps N             requests per second before Throttling.User, 0 = no limit (default 0)
  --aliyun-domain-extension-quota N
                             domain extensions per HTTPS listener (default 3)
  --no-aliyun                do not serve the SLB emulator

Huawei Cloud / Open Telekom Cloud classic ELB v1.0, shared ELB v2 and dedicated ELB v3 (same endpoint):
  --huawei-port N            port, 0 picks a free one (default 0)
  --huawei-access-key K      accepted access key (default HWEMULATORACCESSKEY0)
  --huawei-secret-key S      accepted secret key (default emulatorSecretKey0000000000000000000000)
  --huawei-project-id P      seeded project (default 0b07acf06d243925bc24a0ac7445267a)
  --huawei-region R          region reported in the ready line (default eu-de)
  --huawei-token T           an accepted X-Auth-Token (repeatable)
  --huawei-lock-ms N         load balancer lock after a mutation, ELB.1015; v2/v3 PENDING_UPDATE (default 20)
  --huawei-latency-ms N      delay before each answer (default 0)
  --huawei-rps N             requests per second before 429 APIGW.0308, 0 = no limit (default 0)
  --huawei-pending-create N  GETs a new listener answers PENDING_CREATE before ACTIVE (default 1)
  --no-huawei                do not serve the ELB emulator

Faults (both clouds, repeatable):
  --fault "<target>:<kind>[:code[:status]][@first=N|@fraction=F,seed=S][,stallMs=M]"
      target: an Aliyun action, a Huawei route such as "POST /listeners" or "POST /v3/listeners", or "*"
      kind: error, reset, stall, html502, drop-response
      e.g. --fault StartLoadBalancerListener:error:ServiceIsConfiguring:400@first=2

  -h, --help                 print this text
`;

/** CliOptions are the parsed flags. */
interface CliOptions {
  readonly emulators: EmulatorsOptions;
  readonly faults: FaultRule[];
}

function numberFlag(name: string, text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || text === "" || !Number.isFinite(n) || n < 0) {
    throw new Error(
      `${name} needs a non-negative number, got ${text === undefined ? "nothing" : JSON.stringify(text)}`,
    );
  }
  return n;
}

/** parseArgs reads the command line; it throws an Error naming the bad flag. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const aliyun: { -readonly [K in keyof AliyunEmulatorOptions]: AliyunEmulatorOptions[K] } = {};
  let aliyunOn = true;
  const huawei: { -readonly [K in keyof HuaweiEmulatorOptions]: HuaweiEmulatorOptions[K] } = {};
  let huaweiOn = true;
  const faults: FaultRule[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case "--aliyun-port":
        aliyun.port = numberFlag(flag, value());
        break;
      case "--aliyun-access-key":
        aliyun.accessKeyId = value();
        break;
      case "--aliyun-secret-key":
        aliyun.accessKeySecret = value();
        break;
      case "--aliyun-region":
        aliyun.regionId = value();
        break;
      case "--aliyun-lock-ms":
        aliyun.lockMs = numberFlag(flag, value());
        break;
      case "--aliyun-latency-ms":
        aliyun.latencyMs = numberFlag(flag, value());
        break;
      case "--aliyun-rps":
        aliyun.requestsPerSecond = numberFlag(flag, value());
        break;
      case "--aliyun-domain-extension-quota":
        aliyun.domainExtensionQuota = numberFlag(flag, value());
        break;
      case "--no-aliyun":
        aliyunOn = false;
        break;
      case "--huawei-port":
        huawei.port = numberFlag(flag, value());
        break;
      case "--huawei-access-key":
        huawei.accessKey = value();
        break;
      case "--huawei-secret-key":
        huawei.secretKey = value();
        break;
      case "--huawei-project-id":
        huawei.projectId = value();
        break;
      case "--huawei-region":
        huawei.region = value();
        break;
      case "--huawei-token": {
        const token = value();
        if (!token) throw new Error("--huawei-token needs a token");
        huawei.tokens = [...(huawei.tokens ?? []), token];
        break;
      }
      case "--huawei-lock-ms":
        huawei.lockMs = numberFlag(flag, value());
        break;
      case "--huawei-latency-ms":
        huawei.latencyMs = numberFlag(flag, value());
        break;
      case "--huawei-rps":
        huawei.requestsPerSecond = numberFlag(flag, value());
        break;
      case "--huawei-pending-create":
        huawei.pendingCreateReads = numberFlag(flag, value());
        break;
      case "--no-huawei":
        huaweiOn = false;
        break;
      case "--fault": {
        const text = value();
        if (!text) throw new Error("--fault needs a rule such as StartLoadBalancerListener:error:ServiceIsConfiguring");
        faults.push(parseFaultFlag(text));
        break;
      }
      default:
        throw new Error(`unknown flag ${flag}`);
    }
  }
  return { emulators: { ...(aliyunOn ? { aliyun } : {}), ...(huaweiOn ? { huawei } : {}) }, faults };
}

/** main starts the emulators, prints the ready line, and serves until a signal. */
export async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(HELP);
    return;
  }
  const options = parseArgs(argv);
  const emulators = await startEmulators(options.emulators);
  for (const rule of options.faults) {
    // Aliyun targets are action names; Huawei routes start with an HTTP method; "*" goes to both.
    const huaweiRoute = /^(GET|POST|PUT|DELETE) /.test(rule.target);
    if (emulators.aliyun && (!huaweiRoute || rule.target === "*")) emulators.aliyun.faults.add(rule);
    if (emulators.huawei && (huaweiRoute || rule.target === "*")) emulators.huawei.faults.add(rule);
  }
  process.stdout.write(`${JSON.stringify(emulators.ready())}\n`);
  const stop = (): void => {
    emulators.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`lb-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
