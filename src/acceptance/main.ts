/**
 * `npm run acceptance [-- --record <dir> [--name <name>]] [--kinds A,B] [--report <file>] [--stack <name>]`: every
 * resource kind's scenario against the account in the environment (or in `Pulumi.<name>.yaml` of the directory npm
 * was started in), or the embedded emulators without credentials. Ctrl-C (SIGINT) or SIGTERM stops after the step in
 * progress and deletes what the run made before exiting. Exit status 0 only when every step of every kind that ran
 * did what it should.
 */
import { runAcceptance, type AcceptanceOptions } from "./runner";
import { SCENARIOS, type KindName } from "./scenarios";

/** parseArgs reads the command line; it throws an Error naming the flag on a malformed one. */
export function parseArgs(
  argv: readonly string[],
  cwd: string = process.env.INIT_CWD ?? process.cwd(),
): Pick<AcceptanceOptions, "record" | "kinds" | "reportFile" | "stack"> {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value`);
    return v;
  };
  const known = new Set(["--record", "--name", "--kinds", "--report", "--stack"]);
  const unknown = argv.filter((a, i) => a.startsWith("--") && !known.has(a) && !known.has(argv[i - 1] ?? ""));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]} (known: ${[...known].join(", ")})`);
  const dir = value("--record");
  const name = value("--name") ?? `run-${new Date().toISOString().slice(0, 10)}`;
  if (!/^[\w.-]+$/.test(name)) throw new Error(`--name must be letters, digits, dots, dashes or underscores`);
  const kindsText = value("--kinds");
  const all = SCENARIOS.map((s) => s.kind);
  const kinds = kindsText?.split(",").map((k) => k.trim());
  const wrong = kinds?.filter((k) => !all.includes(k as KindName));
  if (wrong && wrong.length > 0) throw new Error(`--kinds: unknown kind ${wrong[0]} (known: ${all.join(", ")})`);
  return {
    ...(dir ? { record: { dir, name } } : {}),
    ...(kinds ? { kinds: all.filter((k) => kinds.includes(k)) } : {}),
    ...(value("--report") !== undefined ? { reportFile: value("--report") } : {}),
    ...(value("--stack") !== undefined ? { stack: { dir: cwd, name: value("--stack") ?? "" } } : {}),
  };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`acceptance: ${(error as Error).message}`);
    return 2;
  }
  const stop = new AbortController();
  const onSignal = (signal: string): void => {
    console.error(`acceptance: ${signal}: stopping after the step in progress, then deleting what this run made`);
    stop.abort();
  };
  process.once("SIGINT", () => onSignal("SIGINT"));
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  const report = await runAcceptance({ ...options, signal: stop.signal });
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
