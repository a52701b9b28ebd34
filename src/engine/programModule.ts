/**
 * Loading a Pulumi program as Pulumi's Node.js runtime does, once per run: the harness runs the same program many
 * times in one process, so the program's module and the modules beside it are forgotten from `require.cache` first.
 */
import * as path from "node:path";

/**
 * forgetProgramModules removes `file` and every module under its folder (outside node_modules) from `cache`
 * (`require.cache` unless a test passes its own), so a program that runs at the top level runs again on the next
 * `require`.
 */
export function forgetProgramModules(file: string, cache: NodeJS.Dict<unknown> = require.cache): void {
  const programFolder = path.dirname(file) + path.sep;
  for (const cached of Object.keys(cache)) {
    if (cached === file || (cached.startsWith(programFolder) && !cached.includes("node_modules"))) {
      delete cache[cached];
    }
  }
}

/**
 * runProgramModule requires the program `program` (a path relative to `programDir`) afresh and runs it: as
 * Pulumi's Node.js runtime does for a CommonJS program, an exported function is called and its result is the stack
 * outputs; anything else is the outputs itself (so `exports.default = fn` is not called there, and not here).
 */
export function runProgramModule(programDir: string, program: string): unknown {
  const file = require.resolve(path.resolve(programDir, program));
  forgetProgramModules(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(file) as unknown;
  return typeof loaded === "function" ? (loaded as () => unknown)() : loaded;
}
