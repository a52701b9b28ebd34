/**
 * A small fixed-width table printer for the benchmark's figures: one block per figure, one line per row with its
 * value, target and mark, and the row's note wrapped underneath.
 */
import type { Figure, Row } from "./figure";

const MARK = { pass: "PASS", fail: "FAIL", none: "" } as const;

/** formatValue prints a number without trailing noise: integers as is, others with up to 2 decimals. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, "");
}

function mark(row: Row): string {
  if (row.pass === undefined) return MARK.none;
  return row.pass ? MARK.pass : MARK.fail;
}

/** renderTable lays out rows as columns padded to their widest cell; numbers are right-aligned. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number>,
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    if (current.length > 0 && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current.length > 0 ? `${current} ${word}` : word;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** renderFigure prints one figure: title, conditions, the rows, then the notes numbered by row. */
export function renderFigure(figure: Figure, width = 118): string[] {
  const out = [`${figure.id}. ${figure.title}`, ...wrap(figure.conditions, width - 3).map((l) => `   ${l}`), ""];
  const notes: string[] = [];
  const cells = figure.rows.map((row) => {
    let name = row.name;
    if (row.note) {
      // Rows with the same note share its number.
      if (!notes.includes(row.note)) notes.push(row.note);
      name = `${name} [${notes.indexOf(row.note) + 1}]`;
    }
    return [
      name,
      formatValue(row.value),
      row.unit,
      row.target ? `${row.target.exactly ? "=" : "<="} ${formatValue(row.target.atMost)}` : "",
      mark(row),
    ];
  });
  const table = renderTable(["measure", "value", "unit", "target", "mark"], cells, new Set([1, 3]));
  out.push(...table.map((l) => `   ${l}`));
  notes.forEach((note, i) => {
    const lines = wrap(note, width - 9);
    out.push(`   [${i + 1}] ${lines[0]}`, ...lines.slice(1).map((l) => `       ${l}`));
  });
  out.push("");
  return out;
}
