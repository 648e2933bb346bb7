import { tableRowWidths, type Paragraph, type PdfRect } from '@hopso/shared';

/**
 * What the reading view shows, in order: a paragraph; a table whose grid the ingest read (its rows,
 * each a paragraph with cells); or a table it could not read as a grid, shown as the region of its
 * page (its rows on one page).
 */
export type ReadingBlock =
  | { kind: 'paragraph'; paragraph: Paragraph }
  | { kind: 'grid'; rows: Paragraph[] }
  | { kind: 'region'; rows: Paragraph[]; page: number; rect: PdfRect };

/** Space kept around a table's region, in PDF units, so its rules and the text's descenders show. */
const REGION_MARGIN = 6;

export function readingBlocks(sorted: readonly Paragraph[]): ReadingBlock[] {
  const out: ReadingBlock[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (p.kind === 'table' && p.cells) {
      // one grid while the rows cover as many columns (merged cells and those reaching down from above counted)
      if (last?.kind === 'grid' && new Set(tableRowWidths([...last.rows.map((r) => r.cells!), p.cells])).size === 1) last.rows.push(p);
      else out.push({ kind: 'grid', rows: [p] });
    } else if (p.kind === 'table' && p.rects.length) {
      if (last?.kind === 'region' && last.page === p.page) {
        last.rows.push(p);
        last.rect = union(last.rect, p.rects.filter((r) => r.page === p.page));
      } else {
        out.push({ kind: 'region', rows: [p], page: p.page, rect: union(null, p.rects.filter((r) => r.page === p.page)) });
      }
    } else {
      out.push({ kind: 'paragraph', paragraph: p });
    }
  }
  return out.map((b) => (b.kind === 'region' ? { ...b, rect: pad(b.rect) } : b));
}

function union(into: PdfRect | null, rects: readonly PdfRect[]): PdfRect {
  let box = into;
  for (const r of rects) {
    if (!box) {
      box = { ...r };
      continue;
    }
    const x0 = Math.min(box.x, r.x);
    const y0 = Math.min(box.y, r.y);
    box = { page: box.page, x: x0, y: y0, w: Math.max(box.x + box.w, r.x + r.w) - x0, h: Math.max(box.y + box.h, r.y + r.h) - y0 };
  }
  return box ?? { page: 1, x: 0, y: 0, w: 0, h: 0 };
}

function pad(r: PdfRect): PdfRect {
  return { page: r.page, x: r.x - REGION_MARGIN, y: r.y - REGION_MARGIN, w: r.w + 2 * REGION_MARGIN, h: r.h + 2 * REGION_MARGIN };
}

/**
 * A table row's pieces (plain and marked, over the row's text: its non-empty cells joined by single
 * spaces) cut at its cells: one list per cell, an empty cell's empty.
 */
export function piecesByCell<T extends { text: string }>(cells: readonly string[], pieces: readonly T[]): T[][] {
  const ranges: [number, number][] = [];
  let at = 0;
  for (const cell of cells) {
    if (!cell) {
      ranges.push([at, at]);
      continue;
    }
    if (ranges.some(([s, e]) => e > s)) at += 1; // the space before this cell
    ranges.push([at, at + cell.length]);
    at += cell.length;
  }
  const out: T[][] = cells.map(() => []);
  let start = 0;
  for (const piece of pieces) {
    const end = start + piece.text.length;
    ranges.forEach(([s, e], k) => {
      const from = Math.max(s, start);
      const to = Math.min(e, end);
      if (to > from) out[k].push({ ...piece, text: piece.text.slice(from - start, to - start) });
    });
    start = end;
  }
  return out;
}
