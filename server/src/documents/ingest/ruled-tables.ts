/**
 * Tables drawn with rules: the grid their horizontal and vertical lines make, the cells merged
 * where a rule between two grid cells is missing (colspan, rowspan), and the text runs inside each
 * cell, however many lines a cell's text wraps over. Pure: rules and runs in, cells out; the text
 * of a cell is made by group-paragraphs.ts.
 */

/** A horizontal ('h', `at` = y, from/to = x) or vertical ('v', `at` = x, from/to = y) rule, in page user space. */
export interface RuleSegment {
  dir: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

/** What a ruled table needs of a run of text. */
export interface PlacedRun {
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

/** What a ruled table needs of a line: its runs, left to right. */
export interface PlacedLine<R extends PlacedRun> {
  runs: R[];
}

export interface RuledCell<R extends PlacedRun> {
  /** The cell's runs, one list per text line inside it, top to bottom, each left to right. */
  lines: R[][];
  colSpan: number;
  rowSpan: number;
}

export interface RuledTable<R extends PlacedRun> {
  /** The table's box, page user space. */
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Grid rows top to bottom: the cells that start in each, left to right. */
  rows: RuledCell<R>[][];
  /** Every run inside the table. */
  runs: Set<R>;
}

/** Rules this close (PDF units) are one rule, or meet. */
const TOL = 2;

/**
 * The ruled tables of a page: grids of at least two rows and two columns whose merged cells are
 * rectangles, with their runs. A box around a paragraph, or rules that make no clean grid, are none.
 */
export function ruledTables<R extends PlacedRun>(lines: readonly PlacedLine<R>[], rules: readonly RuleSegment[]): RuledTable<R>[] {
  if (rules.length < 4) return [];
  const merged = [...mergeCollinear(rules.filter((r) => r.dir === 'h')), ...mergeCollinear(rules.filter((r) => r.dir === 'v'))];
  const out: RuledTable<R>[] = [];
  for (const component of components(merged)) {
    const table = gridOf(component, lines);
    if (table) out.push(table);
  }
  return out.sort((a, b) => b.top - a.top);
}

/** Overlapping or touching rules on one line, as one. */
function mergeCollinear(rules: RuleSegment[]): RuleSegment[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: RuleSegment[] = [];
  for (const r of sorted) {
    const same = out.find((o) => Math.abs(o.at - r.at) <= TOL / 2 && r.from <= o.to + TOL && r.to >= o.from - TOL);
    if (same) {
      same.from = Math.min(same.from, r.from);
      same.to = Math.max(same.to, r.to);
    } else out.push({ ...r });
  }
  return out;
}

/** Rules that meet or cross one another, in groups (one group per table). */
function components(rules: RuleSegment[]): RuleSegment[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const [a, b] = [rules[i], rules[j]];
      if (a.dir === b.dir) continue;
      const [h, v] = a.dir === 'h' ? [a, b] : [b, a];
      if (v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, RuleSegment[]>();
  rules.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  return [...groups.values()];
}

/** Distinct positions, within TOL, ascending. */
function positions(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out[out.length - 1] > TOL) out.push(v);
  return out;
}

function gridOf<R extends PlacedRun>(rules: RuleSegment[], lines: readonly PlacedLine<R>[]): RuledTable<R> | null {
  const hs = rules.filter((r) => r.dir === 'h');
  const vs = rules.filter((r) => r.dir === 'v');
  const ys = positions(hs.map((h) => h.at)).reverse(); // top first
  const xs = positions(vs.map((v) => v.at));
  const nRows = ys.length - 1;
  const nCols = xs.length - 1;
  if (nRows < 2 || nCols < 2) return null;
  const hasV = (j: number, r: number) => {
    const mid = (ys[r] + ys[r + 1]) / 2;
    return vs.some((v) => Math.abs(v.at - xs[j]) <= TOL && v.from <= mid && v.to >= mid);
  };
  const hasH = (i: number, c: number) => {
    const mid = (xs[c] + xs[c + 1]) / 2;
    return hs.some((h) => Math.abs(h.at - ys[i]) <= TOL && h.from <= mid && h.to >= mid);
  };
  // the table's outline must be closed: a page's underlines and rules beside text make no table
  for (let r = 0; r < nRows; r++) if (!hasV(0, r) || !hasV(nCols, r)) return null;
  for (let c = 0; c < nCols; c++) if (!hasH(0, c) || !hasH(nRows, c)) return null;
  // grid cells joined where the rule between them is missing
  const parent = Array.from({ length: nRows * nCols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      if (c + 1 < nCols && !hasV(c + 1, r)) join(r * nCols + c, r * nCols + c + 1);
      if (r + 1 < nRows && !hasH(r + 1, c)) join(r * nCols + c, (r + 1) * nCols + c);
    }
  }
  const boxes = new Map<number, { r0: number; r1: number; c0: number; c1: number; count: number }>();
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const k = find(r * nCols + c);
      const b = boxes.get(k);
      if (!b) boxes.set(k, { r0: r, r1: r, c0: c, c1: c, count: 1 });
      else Object.assign(b, { r0: Math.min(b.r0, r), r1: Math.max(b.r1, r), c0: Math.min(b.c0, c), c1: Math.max(b.c1, c), count: b.count + 1 });
    }
  }
  const cells = [...boxes.values()];
  // merged cells are rectangles, and at least two cells remain: otherwise no grid is read here
  if (cells.length < 2 || cells.some((b) => b.count !== (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1))) return null;
  const cellAt = new Map<number, (typeof cells)[number]>();
  for (const b of cells) for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) cellAt.set(r * nCols + c, b);
  const runsOf = new Map<(typeof cells)[number], R[][]>();
  const inside = new Set<R>();
  const top = ys[0];
  const bottom = ys[nRows];
  for (const line of lines) {
    const byCell = new Map<(typeof cells)[number], R[]>();
    for (const run of line.runs) {
      const x = (run.x0 + run.x1) / 2;
      const y = run.baseline + 0.3 * run.size;
      if (x < xs[0] || x > xs[nCols] || y > top || y < bottom) continue;
      const c = xs.findIndex((v, j) => j > 0 && x <= v) - 1;
      const r = ys.findIndex((v, i) => i > 0 && y >= v) - 1;
      const cell = cellAt.get(r * nCols + c);
      if (!cell) continue;
      inside.add(run);
      byCell.set(cell, [...(byCell.get(cell) ?? []), run]);
    }
    for (const [cell, runs] of byCell) runsOf.set(cell, [...(runsOf.get(cell) ?? []), runs]);
  }
  if (!inside.size) return null;
  const rows: RuledCell<R>[][] = Array.from({ length: nRows }, () => []);
  for (const b of cells.sort((p, q) => p.r0 - q.r0 || p.c0 - q.c0)) {
    rows[b.r0].push({ lines: runsOf.get(b) ?? [], colSpan: b.c1 - b.c0 + 1, rowSpan: b.r1 - b.r0 + 1 });
  }
  // a grid row every cell of which starts above (all of it merged away) is no row of its own
  if (rows.some((r) => r.length === 0)) return null;
  return { x0: xs[0], x1: xs[nCols], top, bottom, rows, runs: inside };
}
