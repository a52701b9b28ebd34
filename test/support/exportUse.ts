/**
 * Which exports of the package's modules no other module uses: every `import` and `export ... from` of every file the
 * TypeScript project holds (specs and tests included) is resolved to the declaration it names, and an export that no
 * such reference reaches, and that no entry point of the package re-exports, is unused.
 */
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");

/** UnusedExport is one export no other module imports. */
export interface UnusedExport {
  readonly file: string;
  readonly name: string;
}

function program(): ts.Program {
  const configFile = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  return ts.createProgram(parsed.fileNames, parsed.options);
}

/** unusedExports lists the exports of the files `owned` selects that no other file references. */
export function unusedExports(owned: (relativeFile: string) => boolean): UnusedExport[] {
  const p = program();
  const checker = p.getTypeChecker();
  const used = new Set<ts.Symbol>();
  const resolve = (symbol: ts.Symbol | undefined): ts.Symbol | undefined =>
    symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const files = p.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes("node_modules"));
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isImportSpecifier(node) || ts.isExportSpecifier(node) || ts.isImportClause(node)) {
        const name = ts.isImportClause(node) ? node.name : node.name;
        if (name) {
          const target = resolve(checker.getSymbolAtLocation(name));
          if (target) used.add(target);
        }
      }
      if (ts.isNamespaceImport(node) || ts.isPropertyAccessExpression(node) || ts.isQualifiedName(node)) {
        // `import * as m` then `m.x`: the accessed member is used.
        const target = resolve(checker.getSymbolAtLocation(ts.isNamespaceImport(node) ? node.name : node));
        if (target) used.add(target);
      }
      if (ts.isImportTypeNode(node) && node.qualifier) {
        const target = resolve(checker.getSymbolAtLocation(node.qualifier));
        if (target) used.add(target);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  const out: UnusedExport[] = [];
  for (const file of files) {
    const relative = path.relative(ROOT, file.fileName);
    if (!owned(relative)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = resolve(exported);
      if (target && !used.has(target) && !used.has(exported)) out.push({ file: relative, name: exported.name });
    }
  }
  return out;
}
