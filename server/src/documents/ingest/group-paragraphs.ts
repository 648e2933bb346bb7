import type { PdfRect, TableCell } from '@hopso/shared';
import { PageFurniture } from './page-furniture';
import { ruledTables, type RuledTable, type RuleSegment } from './ruled-tables';

/**
 * Groups one page's text runs (pdf.js TextItems) into lines and paragraphs.
 * Pure: no pdf.js, no I/O, so it can be tested with hand-made items.
 *
 * Lines are runs sharing a baseline, read left to right. A line starts a new
 * paragraph when any of these hold:
 * - it is a table row (cells separated by wide gaps), or follows one;
 * - the vertical gap is clearly wider than the page's usual line spacing;
 * - the font size changes, or the font changes entirely (bold heading → body);
 * - it starts like a heading of a Vietnamese legal text ("Điều 1.", "Chương II"),
 *   or like a list item ("1.", "a)", "- ") after a line that closed a sentence;
 * - it is indented against the line above (first-line indent), or outdented
 *   after a paragraph's body lines (a hanging list item has ended);
 * - the line above ended early: the first word of this line would have fit on it.
 * Two centred lines of a title stay together.
 */

/** The fields of a pdf.js TextItem that grouping reads. */
export interface TextRun {
  str: string;
  /** [a, b, c, d, e, f]: text space → page user space; (e, f) is where the baseline starts. */
  transform: readonly number[];
  /** Advance width in user space (pdf.js: "width in device space", at scale 1). */
  width: number;
  height: number;
  fontName?: string;
  hasEOL?: boolean;
}

/** Font metrics from pdf.js `TextContent.styles`, as fractions of the font size. */
export interface FontMetrics {
  ascent: number;
  descent: number;
}

export interface PageFrame {
  /** 1-based page number. */
  page: number;
  /** The page box in user space, [x0, y0, x1, y1] (pdf.js `page.view`). */
  view: readonly [number, number, number, number];
}

export interface GroupedParagraph {
  page: number;
  /** NFC, single spaces, trimmed. */
  text: string;
  /** One rect per line, in PDF user space (origin bottom-left). */
  rects: PdfRect[];
  /**
   * Set when the first line could be the continuation of a paragraph cut by
   * the page break above (starts at the body's left margin, no heading or list
   * marker, not a table row): the font key of that line. Otherwise null.
   */
  openStart: string | null;
  /**
   * Set when the last line runs to the right margin without closing a
   * sentence, so the paragraph probably goes on on the next page: the font key
   * of that line. Otherwise null.
   */
  openEnd: string | null;
  /** One of two or more consecutive table rows (lines of cells apart by wide gaps). */
  tableRow: boolean;
  /** A table row's cells, left to right, when its table's columns line up as a grid (merged cells of a ruled one with their spans); otherwise null. */
  cells: TableCell[] | null;
}

/** A table cell of a line: runs between wide gaps. */
interface Cell {
  text: string;
  x0: number;
  x1: number;
}

/** A run of text on one baseline, as read from a pdf.js item. */
export interface Run {
  text: string;
  spaceBefore: boolean;
  spaceAfter: boolean;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  font: string;
  bottom: number;
  top: number;
}

/** A line of a page, as page-furniture.ts and grouping read it. */
export interface LayoutLine {
  runs: Run[];
  text: string;
  left: number;
  right: number;
  bottom: number;
  top: number;
  baseline: number;
  /** Size and font of the run holding most of the line's characters. */
  size: number;
  font: string;
  isRow: boolean;
  /** The line cut at its wide gaps: one cell for a line of text. */
  cells: Cell[];
  firstWordWidth: number;
}
type Line = LayoutLine;

const DEFAULT_METRICS: FontMetrics = { ascent: 0.8, descent: -0.2 };
/** Gap between two runs, in font sizes, above which they are separate words. */
const WORD_GAP = 0.15;
/** Gap between two runs, in font sizes, above which they are separate table cells. */
const CELL_GAP = 1.5;
/** Baselines closer than this many font sizes are the same line (sub/superscripts included). */
const SAME_LINE = 0.45;
/** A superscript or subscript: at most this many characters, at most this fraction of its line's size, this far (in sizes) off its baseline. */
const SCRIPT_CHARS = 3;
const SCRIPT_SIZE = 0.8;
const SCRIPT_LINE = 0.7;
/** A gap this many times the usual line spacing separates paragraphs. */
const PARAGRAPH_GAP = 1.25;
/** Line spacing assumed when a page has too few lines to tell, in font sizes. */
const DEFAULT_SPACING = 1.25;

const STRONG_MARKER =
  /^(?:(?:Điều|ĐIỀU)\s+\d+[a-zđ]?\s*[.:]|(?:Chương|CHƯƠNG|Phần|PHẦN)\s+(?:thứ\s+\S+|[IVXLCDM]+|\d+)(?=[\s.:]|$)|(?:Mục|MỤC)\s+\d+\s*[.:]|Khoản\s+\d+\s*[.:])/u;
const WEAK_MARKER = /^(?:[IVXLCDM]{1,6}\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][).]|[-–—•+*])(?=\s|$)/u;
const CLOSES_SENTENCE = /[.:;!?…]["'”’)\]]*$/u;
/** A line ending in "đồng/" or "COVID-" was wrapped inside a word: join the next line without a space. */
const WRAPS_INSIDE_WORD = /\S[/-]$/u;
/**
 * A Latin word hyphenated at the line's end ("infor-" / "mation"): the hyphen is dropped. Only plain
 * ASCII letters on both sides, so Vietnamese compounds ("kinh tế-xã hội") and codes ("COVID-19") keep it.
 */
const LATIN_HYPHENATION = /(?<=(?:^|[^\p{L}])[A-Za-z]*[a-z]{2})-$/u;
const LATIN_CONTINUATION = /^[a-z]+(?=$|[^\p{L}])/u;

/** One page's lines, before grouping: what page-furniture.ts looks at across pages. */
export interface PageLayout {
  frame: PageFrame;
  /** Top to bottom. */
  lines: LayoutLine[];
  rotated: { item: TextRun; metrics: FontMetrics }[];
  /** The rules the page draws, asked of pages whose text has table rows (page-rules.ts): ruled tables are read by their grid. */
  rules?: readonly RuleSegment[];
}

/**
 * One page on its own: its lines grouped into paragraphs, a lone number that is its own page number
 * left out. A document's pages go through layoutPage, PageFurniture and groupPage instead (extract-paragraphs.ts).
 */
export function groupParagraphs(
  items: readonly TextRun[],
  frame: PageFrame,
  styles: Readonly<Record<string, FontMetrics>> = {},
): GroupedParagraph[] {
  const furniture = new PageFurniture<LayoutLine, PageLayout>();
  const [page] = [...furniture.push(layoutPage(items, frame, styles)), ...furniture.finish()];
  return groupPage(page);
}

/** A page's text runs as lines, top to bottom (rotated runs aside). */
export function layoutPage(items: readonly TextRun[], frame: PageFrame, styles: Readonly<Record<string, FontMetrics>> = {}): PageLayout {
  const flat: Run[] = [];
  const rotated: { item: TextRun; metrics: FontMetrics }[] = [];
  let last: Run | null = null;
  for (const item of items) {
    if (!item.str) continue; // EOL markers
    if (!/\S/u.test(item.str)) {
      // a space of its own between two runs is a word break even where the next run starts close by
      if (last) last.spaceAfter = true;
      continue;
    }
    const metrics = metricsOf(styles, item.fontName);
    const [a, b, c, d] = item.transform;
    if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0 || d <= 0) {
      rotated.push({ item, metrics });
      last = null;
      continue;
    }
    last = toRun(item, metrics);
    flat.push(last);
  }
  return { frame, lines: buildLines(flat), rotated };
}

/** A page's paragraphs in reading order, from its lines (page furniture already taken out). */
export function groupPage({ frame, lines, rotated, rules }: PageLayout): GroupedParagraph[] {
  const paragraphs: GroupedParagraph[] = [];
  const text = (chunk: Line[]) => {
    // two columns are read one after the other, each grouped with its own margins; a paragraph
    // running from the foot of one column to the head of the next is one paragraph, as over a page break
    for (const segment of readingSegments(chunk)) {
      const grouped = groupLines(segment, frame);
      const last = paragraphs[paragraphs.length - 1];
      if (last && !last.tableRow && grouped.length && continuesOnNextPage(last, grouped[0])) paragraphs[paragraphs.length - 1] = joinParagraphs(last, grouped.shift()!);
      for (const p of grouped) paragraphs.push(p);
    }
  };
  const tables = rules?.length ? ruledTables(lines, rules) : [];
  if (!tables.length) {
    text(lines);
  } else {
    // a ruled table's rows in their place among the text above and below it, the text grouped around them
    const inTable = new Set<Run>();
    for (const t of tables) for (const r of t.runs) inTable.add(r);
    let chunk: Line[] = [];
    let next = 0;
    const table = () => {
      text(chunk);
      chunk = [];
      for (const p of tableRows(tables[next++], frame)) paragraphs.push(p);
    };
    for (const line of lines) {
      while (next < tables.length && line.baseline <= tables[next].top) table();
      const rest = line.runs.filter((r) => !inTable.has(r));
      if (rest.length) chunk.push(rest.length === line.runs.length ? line : toLine(rest));
    }
    while (next < tables.length) table();
    text(chunk);
  }
  for (const p of groupRotated(rotated, frame)) paragraphs.push(p);
  return paragraphs;
}

/**
 * A ruled table as table rows, one paragraph per grid row: each cell's text over all its lines, a
 * merged cell with its spans in the row it starts in; one rect per text line of the row.
 */
function tableRows(table: RuledTable<Run>, frame: PageFrame): GroupedParagraph[] {
  return table.rows.map((row) => {
    const cells: TableCell[] = row.map(({ lines, colSpan, rowSpan }) => {
      let cellText = '';
      for (const runs of lines) {
        const lineText = toLine([...runs]).text;
        cellText = cellText ? joinLineText(cellText, lineText) : lineText;
      }
      const t = tidy(cellText);
      return colSpan === 1 && rowSpan === 1 ? t : { text: t, colSpan, rowSpan };
    });
    const rowLines = buildLines(row.flatMap((c) => c.lines.flat()));
    return {
      page: frame.page,
      text: cells
        .map((c) => (typeof c === 'string' ? c : c.text))
        .filter(Boolean)
        .join(' '),
      rects: rowLines.map((l) => clip({ page: frame.page, x: l.left, y: l.bottom, w: l.right - l.left, h: l.top - l.bottom }, frame)),
      openStart: null,
      openEnd: null,
      tableRow: true,
      cells,
    };
  });
}

/** Width, in PDF units, of the strips a gutter is looked for in. */
const STRIP = 0.25;
/** Fewest lines on each side of a gutter for a page to be read as two columns. */
const MIN_COLUMN_LINES = 3;

/**
 * The page's lines in reading order, in segments: the whole page when it has one column; with two,
 * each band between lines that cross the gutter (a title, a full-width table, a page number) is its
 * left column, then its right one, and the crossing lines are segments of their own in between.
 */
function readingSegments(lines: Line[]): Line[][] {
  const gutter = findGutter(lines);
  if (!gutter) return lines.length ? [lines] : [];
  const [g0, g1] = gutter;
  const segments: Line[][] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  let spanning: Line[] = [];
  const endBand = () => {
    if (left.length) segments.push(left);
    if (right.length) segments.push(right);
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (line.runs.some((r) => r.x0 < g1 && r.x1 > g0)) {
      endBand();
      spanning.push(line);
      continue;
    }
    if (spanning.length) segments.push(spanning);
    spanning = [];
    const l = line.runs.filter((r) => r.x1 <= g0);
    const r = line.runs.filter((r) => r.x0 >= g1);
    if (l.length) left.push(toLine(l));
    if (r.length) right.push(toLine(r));
  }
  endBand();
  if (spanning.length) segments.push(spanning);
  return segments;
}

/**
 * A vertical strip in the middle of the text that at most a few lines cross, with text columns on
 * both sides (the left one's lines reaching up to it, not a table's short cells): [x0, x1], or null.
 */
function findGutter(lines: Line[]): [number, number] | null {
  if (lines.length < 2 * MIN_COLUMN_LINES) return null;
  const xMin = Math.min(...lines.map((l) => l.left));
  const xMax = Math.max(...lines.map((l) => l.right));
  const width = xMax - xMin;
  const size = median(lines.map((l) => l.size));
  const allowed = Math.floor(lines.length / 5);
  // lines crossing each strip (a quarter point wide, so a gutter of 7 pt loses nothing to rounding) of
  // the middle half, by a difference array: linear in runs
  const from = Math.floor((xMin + 0.25 * width) / STRIP);
  const to = Math.ceil((xMin + 0.75 * width) / STRIP);
  const delta = new Int32Array(to - from + 2);
  for (const line of lines) {
    // a line's runs merged into the strips they cover, so a line counts once per strip
    let end = -Infinity;
    for (const r of line.runs) {
      const a = Math.max(from, Math.floor(r.x0 / STRIP), end);
      const b = Math.min(to + 1, Math.ceil(r.x1 / STRIP));
      if (b <= a) continue;
      delta[a - from]++;
      delta[b - from]--;
      end = b;
    }
  }
  const crossings = new Int32Array(to - from + 1);
  for (let x = from, crossing = 0; x <= to; x++) crossings[x - from] = crossing += delta[x - from];
  // the widest strip at most `allowed` lines cross, then its core the fewest cross: a ragged column's
  // longer lines reaching into a narrow gutter's edge are then beside it, not across it
  const widest = (ok: (x: number) => boolean, lo: number, hi: number): [number, number] | null => {
    let best: [number, number] | null = null;
    let start: number | null = null;
    for (let x = lo; x <= hi + 1; x++) {
      if (x <= hi && ok(x)) {
        start ??= x;
        continue;
      }
      if (start !== null && (!best || x - start > best[1] - best[0])) best = [start, x];
      start = null;
    }
    return best;
  };
  const strip = widest((x) => crossings[x - from] <= allowed, from, to);
  if (!strip) return null;
  let fewest = Infinity;
  for (let x = strip[0]; x < strip[1]; x++) fewest = Math.min(fewest, crossings[x - from]);
  const best = widest((x) => crossings[x - from] === fewest, strip[0], strip[1] - 1);
  if (!best || (best[1] - best[0]) * STRIP < 0.6 * size) return null;
  const [g0, g1] = [best[0] * STRIP, best[1] * STRIP];
  const leftParts = lines.map((l) => l.runs.filter((r) => r.x1 <= g0)).filter((rs) => rs.length);
  const rightParts = lines.filter((l) => l.runs.some((r) => r.x0 >= g1));
  if (leftParts.length < MIN_COLUMN_LINES || rightParts.length < MIN_COLUMN_LINES) return null;
  const reaching = leftParts.filter((rs) => Math.max(...rs.map((r) => r.x1)) >= g0 - 0.25 * (g0 - xMin)).length;
  if (reaching < leftParts.length / 2) return null;
  return [g0, g1];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Whether `next` (first paragraph of a page) continues `prev` (last paragraph of the page before). */
export function continuesOnNextPage(prev: GroupedParagraph, next: GroupedParagraph): boolean {
  return prev.openEnd !== null && prev.openEnd === next.openStart;
}

/** `prev` and `next` as one paragraph, spanning the page break. Keeps `prev.page`. */
export function joinParagraphs(prev: GroupedParagraph, next: GroupedParagraph): GroupedParagraph {
  return {
    page: prev.page,
    text: joinLineText(prev.text, next.text),
    rects: [...prev.rects, ...next.rects],
    openStart: prev.openStart,
    openEnd: next.openEnd,
    tableRow: false,
    cells: null,
  };
}

/** The text of a line that wraps onto the next: a space between, none inside a wrapped word, a Latin word's hyphen dropped. */
function joinLineText(text: string, next: string): string {
  if (LATIN_HYPHENATION.test(text) && LATIN_CONTINUATION.test(next)) return text.slice(0, -1) + next;
  return text + (WRAPS_INSIDE_WORD.test(text) ? '' : ' ') + next;
}

function metricsOf(styles: Readonly<Record<string, FontMetrics>>, fontName: string | undefined): FontMetrics {
  const s = fontName === undefined ? undefined : styles[fontName];
  if (!s) return DEFAULT_METRICS;
  // Broken fonts report odd metrics; keep the box sane.
  const ascent = s.ascent > 0.3 && s.ascent < 1.5 ? s.ascent : DEFAULT_METRICS.ascent;
  const descent = s.descent <= 0 && s.descent > -1 ? s.descent : DEFAULT_METRICS.descent;
  return { ascent, descent };
}

function toRun(item: TextRun, metrics: FontMetrics): Run {
  const [, , , d, e, f] = item.transform;
  const size = Math.abs(d) || item.height || 1;
  const width = Math.max(0, item.width);
  return {
    text: item.str.trim(),
    spaceBefore: /^\s/u.test(item.str),
    spaceAfter: /\s$/u.test(item.str),
    x0: e,
    x1: e + width,
    baseline: f,
    size,
    font: item.fontName ?? '',
    bottom: f + metrics.descent * size,
    top: f + metrics.ascent * size,
  };
}

function buildLines(runs: Run[]): Line[] {
  runs.sort((p, q) => q.baseline - p.baseline || p.x0 - q.x0);
  const lines: Line[] = [];
  let current: Run[] = [];
  let anchor: Run | null = null;
  for (const run of runs) {
    if (anchor && sameLine(anchor, run)) {
      current.push(run);
      continue;
    }
    if (current.length) lines.push(toLine(current));
    current = [run];
    anchor = run;
  }
  if (current.length) lines.push(toLine(current));
  return lines;
}

/**
 * Baselines close enough for one line; a superscript or subscript (a short run in a smaller size,
 * the "2" of "mc²") may sit further off its line than text of one size does.
 */
function sameLine(anchor: Run, run: Run): boolean {
  const size = Math.max(anchor.size, run.size);
  const apart = Math.abs(anchor.baseline - run.baseline);
  if (apart <= SAME_LINE * size) return true;
  const script = (r: Run, other: Run) => r.size <= SCRIPT_SIZE * other.size && r.text.length <= SCRIPT_CHARS;
  return apart <= SCRIPT_LINE * size && (script(anchor, run) || script(run, anchor));
}

function toLine(runs: Run[]): Line {
  runs.sort((p, q) => p.x0 - q.x0);
  let text = '';
  let isRow = false;
  const cells: Cell[] = [];
  let main = runs[0];
  let left = Infinity;
  let right = -Infinity;
  let bottom = Infinity;
  let top = -Infinity;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (i > 0) {
      const prev = runs[i - 1];
      const gap = run.x0 - prev.x1;
      const size = Math.max(prev.size, run.size);
      const newCell = gap > CELL_GAP * size;
      if (newCell) isRow = true;
      const space = prev.spaceAfter || run.spaceBefore || gap > WORD_GAP * size ? ' ' : '';
      text += space;
      if (newCell) cells.push({ text: '', x0: run.x0, x1: run.x1 });
      else cells[cells.length - 1].text += space;
    } else {
      cells.push({ text: '', x0: run.x0, x1: run.x1 });
    }
    text += run.text;
    const cell = cells[cells.length - 1];
    cell.text += run.text;
    cell.x1 = Math.max(cell.x1, run.x1);
    if (run.text.length > main.text.length) main = run;
    left = Math.min(left, run.x0);
    right = Math.max(right, run.x1);
    bottom = Math.min(bottom, run.bottom);
    top = Math.max(top, run.top);
  }
  text = text.normalize('NFC');
  const first = runs[0];
  const firstWord = /^\S+/u.exec(first.text)?.[0] ?? '';
  const firstWordWidth = first.text.length ? ((first.x1 - first.x0) * firstWord.length) / first.text.length : 0;
  return {
    runs,
    text,
    left,
    right,
    bottom,
    top,
    baseline: main.baseline,
    size: main.size,
    font: main.font,
    isRow,
    cells,
    firstWordWidth,
  };
}

interface Margins {
  left: number;
  /** False when no two lines start at the same x (a signature page, say): `left` is then just the leftmost. */
  leftKnown: boolean;
  /** False when no two lines end at the same x: `right` is then a guess. */
  rightKnown: boolean;
  right: number;
  /** Usual baseline-to-baseline distance, in font sizes. */
  spacing: number;
}

function pageMargins(lines: Line[], frame: PageFrame): Margins {
  const body = lines.filter((l) => !l.isRow);
  const lefts = body.map((l) => l.left);
  const rights = body.map((l) => l.right);
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const size = Math.max(lines[i - 1].size, lines[i].size);
    const r = (lines[i - 1].baseline - lines[i].baseline) / size;
    if (r >= 0.9 && r <= 3) ratios.push(r);
  }
  const dominantLeft = dominant(lefts, 2, 'min');
  const left = dominantLeft ?? Math.min(...lefts, Infinity);
  const [vx0, , vx1] = frame.view;
  // Without two lines ending together (no justified paragraph on the page) the
  // right margin is unknown; assume it mirrors the left one. Official documents
  // have the wider margin on the left, so this errs towards keeping lines together.
  const dominantRight = dominant(rights, 2, 'max');
  const right = dominantRight ?? Math.max(...rights, vx1 - (left - vx0));
  return {
    left,
    leftKnown: dominantLeft !== null,
    right,
    rightKnown: dominantRight !== null,
    spacing: dominant(ratios, 0.05, 'min') ?? DEFAULT_SPACING,
  };
}

/**
 * The value most others cluster around (within ±`step`), or null when no two
 * agree. Ties go to the smaller (`min`) or larger (`max`) cluster; the result
 * is the cluster's extreme in that direction. Linear: buckets in a map.
 */
function dominant(values: number[], step: number, prefer: 'min' | 'max'): number | null {
  const buckets = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v / step);
    buckets.set(k, (buckets.get(k) ?? 0) + 1);
  }
  let bestKey = 0;
  let bestCount = 0;
  for (const k of buckets.keys()) {
    const n = (buckets.get(k - 1) ?? 0) + (buckets.get(k) ?? 0) + (buckets.get(k + 1) ?? 0);
    if (n > bestCount || (n === bestCount && (prefer === 'min' ? k < bestKey : k > bestKey))) {
      bestKey = k;
      bestCount = n;
    }
  }
  if (bestCount < 2) return null;
  let extreme = prefer === 'min' ? Infinity : -Infinity;
  for (const v of values) {
    if (Math.abs(Math.round(v / step) - bestKey) <= 1) {
      extreme = prefer === 'min' ? Math.min(extreme, v) : Math.max(extreme, v);
    }
  }
  return extreme;
}

function fontKey(line: Line): string {
  return `${line.font}@${Math.round(line.size * 10) / 10}`;
}

function groupLines(lines: Line[], frame: PageFrame): GroupedParagraph[] {
  if (!lines.length) return [];
  const m = pageMargins(lines, frame);
  const out: GroupedParagraph[] = [];
  let para: Line[] = [lines[0]];
  for (let i = 1; i < lines.length; i++) {
    if (startsParagraph(lines[i - 1], lines[i], para, m)) {
      out.push(toParagraph(para, frame, m, out.length === 0));
      para = [lines[i]];
    } else {
      para.push(lines[i]);
    }
  }
  out.push(toParagraph(para, frame, m, out.length === 0));
  markTables(out, lines);
  return out;
}

/** Rows further apart than this many font sizes are two tables. */
const TABLE_ROW_GAP = 3;
/** A gap between columns is at least this many font sizes wide, in every row of the table. */
const COLUMN_GAP = 1;
/** A grid may leave at most this share of its cells empty; sparser rows are not read as a grid. */
const MAX_EMPTY_CELLS = 0.25;

/**
 * Two or more table rows one under the other are a table. Its columns are the strips every row
 * leaves empty (so a header cell set close to its neighbour still gets its own column); the rows
 * keep their cells when those fill the grid, otherwise the rows are a table whose cells are unknown.
 */
function markTables(paragraphs: GroupedParagraph[], lines: Line[]): void {
  const lineOf = new Map<GroupedParagraph, Line>();
  // a row is a paragraph of one line (startsParagraph cuts around every row line)
  let at = 0;
  for (const p of paragraphs) {
    const line = lines[at];
    at += p.rects.length;
    if (p.cells && line?.isRow) lineOf.set(p, line);
  }
  for (let i = 0; i < paragraphs.length; ) {
    let j = i + 1;
    if (lineOf.has(paragraphs[i])) {
      while (j < paragraphs.length && lineOf.has(paragraphs[j])) {
        const above = lineOf.get(paragraphs[j - 1])!;
        const row = lineOf.get(paragraphs[j])!;
        if (above.baseline - row.baseline > TABLE_ROW_GAP * Math.max(above.size, row.size)) break;
        j++;
      }
    }
    const rows = paragraphs.slice(i, j);
    if (rows.length >= 2) {
      const grid = gridOf(rows.map((r) => lineOf.get(r)!));
      for (const [r, row] of rows.entries()) {
        row.tableRow = true;
        row.cells = grid?.[r] ?? null;
        if (row.cells) row.text = row.cells.filter(Boolean).join(' ');
      }
    } else {
      for (const row of rows) row.cells = null; // a lone line with wide gaps is text
    }
    i = j;
  }
}

/** The rows' cells in the columns all of them leave room for, or null when those do not make a grid. */
function gridOf(rows: Line[]): string[][] | null {
  const size = median(rows.map((l) => l.size));
  const spans = rows.flatMap((l) => l.runs.map((r) => [r.x0, r.x1] as const)).sort((a, b) => a[0] - b[0]);
  // the columns: the union of every row's runs, cut where it leaves a wide gap
  const columns: [number, number][] = [];
  for (const [x0, x1] of spans) {
    const last = columns[columns.length - 1];
    if (last && x0 - last[1] < COLUMN_GAP * size) last[1] = Math.max(last[1], x1);
    else columns.push([x0, x1]);
  }
  if (columns.length < 2) return null;
  const grid = rows.map((line) => {
    const cells: Run[][] = columns.map(() => []);
    for (const run of line.runs) cells[columns.findIndex(([, x1]) => run.x0 <= x1)].push(run);
    return cells.map((runs) => (runs.length ? tidy(toLine(runs).text) : ''));
  });
  const empty = grid.flat().filter((c) => !c).length;
  return empty <= MAX_EMPTY_CELLS * columns.length * rows.length ? grid : null;
}

function startsParagraph(prev: Line, line: Line, para: Line[], m: Margins): boolean {
  if (prev.isRow || line.isRow) return true;

  const size = Math.max(prev.size, line.size);
  const gap = prev.baseline - line.baseline;
  if (gap > m.spacing * PARAGRAPH_GAP * size) return true;
  if (Math.abs(prev.size - line.size) > 0.1 * size) return true;
  if (!prev.runs.some((a) => line.runs.some((b) => a.font === b.font))) return true;

  if (STRONG_MARKER.test(line.text)) return true;
  const tol = 0.6 * size;
  const shift = line.left - prev.left;
  if (WEAK_MARKER.test(line.text) && (CLOSES_SENTENCE.test(prev.text) || Math.abs(shift) > tol || endedEarly(prev, line, m))) {
    return true;
  }

  // Two lines of a centred title.
  const centred = (l: Line) => (!m.leftKnown || l.left > m.left + tol) && (!m.rightKnown || l.right < m.right - tol);
  if (centred(prev) && centred(line) && Math.abs((prev.left + prev.right) / 2 - (line.left + line.right) / 2) < tol) {
    return false;
  }

  if (shift > tol) {
    // Hanging indent: the body of "a) …" / "1. …" aligns under the text after the marker.
    const hanging = para.length === 1 && (WEAK_MARKER.test(prev.text) || STRONG_MARKER.test(prev.text));
    return !(hanging && !endedEarly(prev, line, m));
  }
  // Out of a paragraph's body (not merely back from a first-line indent): a new one.
  if (shift < -tol && para.length > 1) return true;
  return endedEarly(prev, line, m);
}

/** The first word of `line` would have fit at the end of `prev`: `prev` was ended on purpose. */
function endedEarly(prev: Line, line: Line, m: Margins): boolean {
  const size = Math.max(prev.size, line.size);
  return prev.right + 0.25 * size + line.firstWordWidth < m.right - 0.5 * size;
}

function toParagraph(lines: Line[], frame: PageFrame, m: Margins, firstOnPage: boolean): GroupedParagraph {
  const first = lines[0];
  const last = lines[lines.length - 1];
  const tol = 0.6 * first.size;
  let text = lines[0].text;
  for (let i = 1; i < lines.length; i++) text = joinLineText(text, lines[i].text);
  text = text.replace(/\s+/gu, ' ').trim();
  const openStart =
    firstOnPage &&
    !first.isRow &&
    Math.abs(first.left - m.left) <= tol &&
    !STRONG_MARKER.test(first.text) &&
    !WEAK_MARKER.test(first.text);
  const openEnd = !last.isRow && last.right >= m.right - 0.6 * last.size && !CLOSES_SENTENCE.test(last.text);
  return {
    page: frame.page,
    text,
    rects: lines.map((l) => clip({ page: frame.page, x: l.left, y: l.bottom, w: l.right - l.left, h: l.top - l.bottom }, frame)),
    openStart: openStart ? fontKey(first) : null,
    openEnd: openEnd ? fontKey(last) : null,
    tableRow: false,
    cells: lines.length === 1 && first.isRow ? first.cells.map((c) => tidy(c.text)) : null,
  };
}

const tidy = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

function clip(r: PdfRect, frame: PageFrame): PdfRect {
  const [vx0, vy0, vx1, vy1] = frame.view;
  const x0 = Math.min(Math.max(r.x, vx0), vx1);
  const y0 = Math.min(Math.max(r.y, vy0), vy1);
  const x1 = Math.min(Math.max(r.x + r.w, vx0), vx1);
  const y1 = Math.min(Math.max(r.y + r.h, vy0), vy1);
  return { page: r.page, x: round2(x0), y: round2(y0), w: round2(x1 - x0), h: round2(y1 - y0) };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Rotated text (stamps, vertical margin notes, diagonal watermarks) does not
 * share baselines with the body: consecutive runs in one direction form one
 * paragraph of their own, after the page's body paragraphs.
 */
function groupRotated(items: { item: TextRun; metrics: FontMetrics }[], frame: PageFrame): GroupedParagraph[] {
  const out: GroupedParagraph[] = [];
  let text = '';
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  let prev: { dir: string; end: number; across: number; size: number } | null = null;
  const flush = () => {
    if (box && text) {
      out.push({
        page: frame.page,
        text: text.normalize('NFC').replace(/\s+/gu, ' ').trim(),
        rects: [clip({ page: frame.page, x: box.x0, y: box.y0, w: box.x1 - box.x0, h: box.y1 - box.y0 }, frame)],
        openStart: null,
        openEnd: null,
        tableRow: false,
        cells: null,
      });
    }
    text = '';
    box = null;
  };
  for (const { item, metrics } of items) {
    const [a, b, c, d, e, f] = item.transform;
    const size = Math.hypot(c, d) || item.height || 1;
    const scale = Math.hypot(a, b) || 1;
    const ux = a / scale;
    const uy = b / scale;
    const dir = `${ux.toFixed(3)},${uy.toFixed(3)}`;
    const along = e * ux + f * uy;
    const across = -e * uy + f * ux;
    if (prev && (prev.dir !== dir || Math.abs(across - prev.across) > SAME_LINE * Math.max(size, prev.size))) flush();
    const str = item.str.trim();
    if (text && (/^\s/u.test(item.str) || (prev && along - prev.end > WORD_GAP * size))) text += ' ';
    text += str;
    // Corners of the run's box: along the baseline by its width, across it by ascent/descent.
    const vx = c / size;
    const vy = d / size;
    const w = Math.max(0, item.width);
    const corners: [number, number][] = [];
    for (const t of [0, w]) {
      for (const s of [metrics.descent * size, metrics.ascent * size]) corners.push([e + ux * t + vx * s, f + uy * t + vy * s]);
    }
    for (const [x, y] of corners) {
      box ??= { x0: x, y0: y, x1: x, y1: y };
      box.x0 = Math.min(box.x0, x);
      box.y0 = Math.min(box.y0, y);
      box.x1 = Math.max(box.x1, x);
      box.y1 = Math.max(box.y1, y);
    }
    prev = { dir, end: along + w, across, size };
  }
  flush();
  return out;
}
