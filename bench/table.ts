// The printed report: sections of rows, each figure beside its baseline and the ratio.

export interface Section {
  title: string;
  columns: string[];
  /** [label, ...cells], one cell per column. */
  rows: string[][];
  notes: string[];
}

export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const ms = (n: number): string => `${n < 10 ? n.toFixed(1).replace(/\.0$/, '') : int(n)} ms`;
export const ratio = (n: number): string => n.toFixed(2);
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** "≥ 0.85 ok" / "≥ 0.85 MISSED": a target and whether the figure meets it. */
export const target = (met: boolean, text: string): string => `${text} ${met ? 'ok' : 'MISSED'}`;

export function render(section: Section): string {
  const table = [[section.title, ...section.columns], ...section.rows];
  const widths = (table[0] ?? []).map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]): string =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('   ')
      .trimEnd();
  return [...table.map(line), ...section.notes.map((n) => `  ${n}`)].join('\n');
}
