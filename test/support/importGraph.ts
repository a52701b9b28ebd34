/**
 * The import graph of a TypeScript source tree and its circles, for the spec that keeps `src/` free of them. Every
 * relative module reference counts: `import` (type-only too, since a circle of types is still two files that cannot
 * be read apart), `export ... from`, `require(...)` and `import(...)`, as TypeScript's own pre-processor lists them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** ImportGraph maps each file (relative to the root, `/`-separated) to the files it references, sorted. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** resolveRelative finds the `.ts` file a relative specifier names (`./x` -> `x.ts` or `x/index.ts`), if any. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, "index.ts"), base].find((f) => f.endsWith(".ts") && fs.existsSync(f));
}

/** importGraph reads every `.ts` file under `root` and lists the files under `root` each one references. */
export function importGraph(root: string): ImportGraph {
  const graph = new Map<string, string[]>();
  const name = (file: string): string => path.relative(root, file).split(path.sep).join("/");
  for (const file of tsFiles(root).sort()) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map((ref) => ref.fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolveRelative(file, specifier))
      .filter((target): target is string => target !== undefined && target.startsWith(root + path.sep));
    graph.set(name(file), [...new Set(targets.map(name))].sort());
  }
  return graph;
}

/**
 * importCircles lists the graph's circles as strongly connected components (Tarjan's algorithm): each is the sorted
 * list of files that reach one another, including a file that imports itself. The list is sorted by first file.
 */
export function importCircles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) circles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return circles.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
