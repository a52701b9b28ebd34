/**
 * The emulators owe nothing to the providers: no module under src/emulator (specs aside) takes a value from
 * src/aliyun, src/huawei or src/core, directly or through another module it imports. A provider bug copied into its
 * own fake passes every agreement test; an emulator with its own tables, written from the documents, catches it.
 * `import type` is let through: it leaves nothing in the compiled module.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import ts from "typescript";

const EMULATOR = __dirname;
const SRC = resolve(__dirname, "..");
const PROVIDER_DIRS = ["aliyun", "huawei", "core"].map((name) => join(SRC, name));
/** The package's own name maps to src/index.ts, which exports the providers. */
const PACKAGE_NAME = "pulumi-lb-listeners";

/** ValueImport is one module specifier a file takes a value from, with its line. */
interface ValueImport {
  readonly specifier: string;
  readonly line: number;
}

function isSpec(file: string): boolean {
  return /\.(spec|test)\.ts$/.test(file);
}

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFilesUnder(path);
    return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
  });
}

/**
 * valueImports lists the specifiers a TypeScript source takes values from: imports other than `import type` (and
 * other than ones whose every named specifier is `type`), side-effect imports, re-exports other than `export type`,
 * `import x = require(...)`, and `require(...)` / `import(...)` calls with a literal.
 */
function valueImports(fileName: string, text: string): ValueImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const found: ValueImport[] = [];
  const add = (node: ts.Node, specifier: ts.Expression | undefined): void => {
    if (specifier && ts.isStringLiteralLike(specifier)) {
      found.push({ specifier: specifier.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) add(node, node.moduleSpecifier);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (clause !== undefined &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) add(node, node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      if (!node.isTypeOnly) add(node, node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === "require";
      if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** resolveLocal finds the .ts file a relative specifier names, or undefined for a package or a missing file. */
function resolveLocal(fromFile: string, specifier: string): string | undefined {
  if (specifier === PACKAGE_NAME || specifier.startsWith(`${PACKAGE_NAME}/`)) return join(SRC, "index.ts");
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  return [`${base}.ts`, join(base, "index.ts"), base].find((p) => p.endsWith(".ts") && existsSync(p));
}

function isProviderModule(path: string): boolean {
  return PROVIDER_DIRS.some((dir) => within(dir, path));
}

/** providerImports lists the direct value imports of provider modules in one source, as `line: specifier`. */
function providerImports(fileName: string, text: string): string[] {
  return valueImports(fileName, text)
    .filter((i) => {
      const target = resolveLocal(fileName, i.specifier) ?? resolve(dirname(fileName), i.specifier);
      return isProviderModule(target) || target === join(SRC, "index.ts");
    })
    .map((i) => `${i.line}: ${i.specifier}`);
}

/** reachedProviderModule follows value imports from a file and returns the chain to a provider module, if any. */
function reachedProviderModule(start: string): string[] | undefined {
  const seen = new Set<string>([start]);
  const queue: string[][] = [[start]];
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const file = chain[chain.length - 1];
    for (const { specifier } of valueImports(file, readFileSync(file, "utf8"))) {
      const target = resolveLocal(file, specifier);
      if (target === undefined || seen.has(target)) continue;
      if (isProviderModule(target)) return [...chain, target].map((p) => relative(SRC, p));
      seen.add(target);
      queue.push([...chain, target]);
    }
  }
  return undefined;
}

const MODULES = tsFilesUnder(EMULATOR).filter((file) => !isSpec(file));

describe("emulator modules' imports", () => {
  it("finds the emulator modules to check", () => {
    expect(MODULES.map((f) => relative(EMULATOR, f))).toEqual(
      expect.arrayContaining(["faults.ts", join("aliyun", "router.ts"), join("huawei", "router.ts")]),
    );
  });

  it("import no value from src/aliyun, src/huawei or src/core in any non-spec emulator module", () => {
    const offenders = MODULES.flatMap((file) =>
      providerImports(file, readFileSync(file, "utf8")).map((where) => `${relative(SRC, file)}:${where}`),
    );
    expect(offenders).toEqual([]);
  });

  it("reach no module of src/aliyun, src/huawei or src/core through the modules they import", () => {
    const chains = MODULES.map(reachedProviderModule).filter((c) => c !== undefined);
    expect(chains).toEqual([]);
  });
});

describe("the import check itself", () => {
  const file = join(EMULATOR, "huawei", "example.ts");
  const check = (text: string) => providerImports(file, text);

  it("flags a value import of a provider module", () => {
    expect(check('import { LB_TYPE } from "../../huawei/constants";')).toEqual(["1: ../../huawei/constants"]);
  });
  it("flags a default, namespace and side-effect import, a re-export, require() and import()", () => {
    const text = [
      'import random from "../../core/random";',
      'import * as signer from "../../huawei/signer";',
      'import "../../aliyun/constants";',
      'export { ACTIONS } from "../../aliyun/constants";',
      'export * from "../../core/check";',
      'const c = require("../../core/config");',
      'const d = import("../../aliyun/wire");',
      'import { VALUE, type Type } from "../../huawei/constants";',
      'import { x } from "pulumi-lb-listeners";',
    ].join("\n");
    expect(check(text)).toHaveLength(9);
  });
  it("lets type-only imports and the emulator's own modules through", () => {
    const text = [
      'import type { Action } from "../../aliyun/constants";',
      'import { type Random } from "../../core/random";',
      'export type { Reply } from "../../core/errors";',
      'const t: import("../../core/random").Random = Math.random;',
      'import { HEADERS } from "./constants";',
      'import { seeded } from "../random";',
      'import { createHmac } from "node:crypto";',
    ].join("\n");
    expect(check(text)).toEqual([]);
  });
});
