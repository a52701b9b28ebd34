/**
 * `npm run sweep [-- --yes]`: lists the listeners whose name or description starts with `plbacc-` (every protocol,
 * classic, dedicated and shared), the Aliyun domain extensions whose domain does and the Aliyun forwarding rules whose
 * name does, on the load balancers the `PLB_ACC_*` variables name, and deletes them only with `--yes`. Nothing without the prefix is ever touched. It reads the same credentials and endpoints as the
 * acceptance run.
 */
import type { Env } from "../core/config";
import { withRetry } from "../core/retry";
import { AliyunAccount, HuaweiAccount, type LiveExtension, type LiveListener } from "./account";
import { providerConfig } from "./stackConfig";
import { PREFIX, hasAliyunCredentials, hasHuaweiCredentials, readAccountIds, type ConfigLookup } from "./variables";

/** SweepItem is one thing the sweep found, with how to delete it. */
interface SweepItem {
  readonly what: string;
  readonly delete: () => Promise<void>;
}

/** SweepOptions steer a sweep. */
interface SweepOptions {
  readonly env?: Env;
  /** yes deletes what was found; without it the sweep only lists. */
  readonly yes?: boolean;
  readonly print?: (line: string) => void;
  /** stack reads the providers' settings from `<dir>/Pulumi.<name>.yaml`, as the acceptance run does. */
  readonly stack?: { readonly dir: string; readonly name: string };
}

/** SweepResult says what was found, deleted and not deleted (with why). */
interface SweepResult {
  readonly found: readonly string[];
  readonly deleted: readonly string[];
  readonly failed: readonly string[];
}

const prefixed = (l: LiveListener): boolean => l.labels.some((label) => label.startsWith(PREFIX));

/**
 * findLeftovers lists the prefixed listeners, extensions and rules on the variables' load balancers; an extension or
 * a rule comes before its listener, so deleting in order never leaves one without its listener.
 */
async function findLeftovers(env: Env, config: ConfigLookup = () => undefined): Promise<SweepItem[]> {
  const read = readAccountIds(env);
  if (!read.ok) throw new Error(read.problems.join("; "));
  const ids = read.value;
  const items: SweepItem[] = [];
  if (hasAliyunCredentials(env, config) && ids.aliyunLoadBalancerId) {
    const account = new AliyunAccount(env, config);
    const lb = ids.aliyunLoadBalancerId;
    for (const listener of await account.listeners(lb, ["https", "http", "tcp", "udp"])) {
      const extensions: LiveExtension[] =
        listener.protocol === "https" ? await account.extensions(lb, listener.port) : [];
      for (const e of extensions.filter((x) => x.domain.startsWith(PREFIX))) {
        items.push({
          what: `aliyun domain extension ${e.id} (${e.domain}) on ${lb}:${e.listenerPort}`,
          delete: () => account.deleteExtension(e),
        });
      }
      for (const r of (await account.rules(lb, listener)).filter((x) => x.name.startsWith(PREFIX))) {
        items.push({
          what: `aliyun forwarding rule ${r.id} (${r.name}) on ${lb}:${listener.protocol}:${r.listenerPort}`,
          delete: () => account.deleteRule(r),
        });
      }
      if (prefixed(listener)) {
        items.push({
          what: `aliyun ${listener.protocol} listener ${lb}:${listener.port} (${listener.labels.join(", ")})`,
          delete: () => account.deleteListener(lb, listener),
        });
      }
    }
  }
  if (hasHuaweiCredentials(env, config)) {
    const account = new HuaweiAccount(env, config);
    if (ids.huaweiClassicLoadBalancerId) {
      for (const l of (await account.classicListeners(ids.huaweiClassicLoadBalancerId)).filter(prefixed)) {
        items.push({
          what: `huawei classic listener ${l.id} port ${l.port} (${l.labels.join(", ")})`,
          delete: () => account.deleteClassic(l.id),
        });
      }
    }
    if (ids.huaweiDedicatedLoadBalancerId) {
      for (const l of (await account.dedicatedListeners(ids.huaweiDedicatedLoadBalancerId)).filter(prefixed)) {
        items.push({
          what: `huawei dedicated listener ${l.id} port ${l.port} (${l.labels.join(", ")})`,
          delete: () => account.deleteDedicated(l.id),
        });
      }
    }
    if (ids.huaweiSharedLoadBalancerId) {
      for (const l of (await account.sharedListeners(ids.huaweiSharedLoadBalancerId)).filter(prefixed)) {
        items.push({
          what: `huawei shared listener ${l.id} port ${l.port} (${l.labels.join(", ")})`,
          delete: () => account.deleteShared(l.id),
        });
      }
    }
  }
  return items;
}

/** sweep finds the run's leftovers, prints them, and deletes them with `yes` (extensions and rules first). */
export async function sweep(options: SweepOptions = {}): Promise<SweepResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const env = options.env ?? process.env;
  const config = options.stack
    ? providerConfig(options.stack.dir, options.stack.name, env.PULUMI_CONFIG_PASSPHRASE)
    : {};
  const items = await findLeftovers(env, (key) => config[key]?.value);
  const deleted: string[] = [];
  const failed: string[] = [];
  if (items.length === 0) print(`nothing starting with ${PREFIX} was found`);
  for (const item of items) {
    if (!options.yes) {
      print(`found ${item.what}`);
      continue;
    }
    try {
      // A load balancer still configuring after the last deletion refuses the next one for a moment.
      await withRetry(() => item.delete(), { classify: () => "retry", budgetMs: 15_000, baseDelayMs: 300 });
      deleted.push(item.what);
      print(`deleted ${item.what}`);
    } catch (error) {
      failed.push(`${item.what}: ${error instanceof Error ? error.message : String(error)}`);
      print(`could not delete ${failed[failed.length - 1]}`);
    }
  }
  if (!options.yes && items.length > 0) print(`run again with --yes to delete these ${items.length}`);
  return { found: items.map((i) => i.what), deleted, failed };
}

if (require.main === module) {
  const at = process.argv.indexOf("--stack");
  const name = at > 0 ? process.argv[at + 1] : undefined;
  const stack = name ? { dir: process.env.INIT_CWD ?? process.cwd(), name } : undefined;
  sweep({ yes: process.argv.includes("--yes"), ...(stack ? { stack } : {}) }).then(
    (r) => {
      process.exitCode = r.failed.length > 0 ? 1 : 0;
    },
    (error: unknown) => {
      console.error(`sweep: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
