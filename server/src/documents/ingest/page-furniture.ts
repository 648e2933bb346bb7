/**
 * Running headers, footers and page numbers: lines at a page's top or bottom edge that repeat, as
 * the same text or the same pattern with the page's number in it, at the same place on a nearby page
 * ("- 3 -" / "- 4 -", "Trang 3", "iii", "3/12", "UBND XÃ YÊN HÒA · Báo cáo số 12"). Only those are
 * kept out of the paragraphs: a page holding only "2017", or the superscript of "E = mc²", is content.
 * A page number printed once (the "2" atop page 2 of a two-page resolution, as Decree 30 sets it) is
 * furniture too when it is that page's own number, set apart from the body.
 * Pure: pages in, the same pages with those lines taken out.
 */

/** What the furniture test reads of a line (group-paragraphs' lines have these). */
export interface EdgeLine {
  text: string;
  baseline: number;
  left: number;
  right: number;
  size: number;
}

export interface FurniturePage<L extends EdgeLine> {
  frame: { page: number };
  /** Top to bottom. Furniture is removed from this array. */
  lines: L[];
}

/** Lines looked at on each edge: a header, its rule's caption, a page number. */
const EDGE_LINES = 3;
/** Pages on each side a line is compared with (two, so numbers on alternate outer corners match). */
const WINDOW = 2;
/** A line longer than this is body text, whatever repeats. */
const MAX_FURNITURE_CHARS = 160;
/** Baseline gap, in font sizes, that sets furniture apart from the body (wider than a paragraph's gap). */
const APART = 2;

const NUMBER_TOKEN = /\d{1,6}|(?<![\p{L}\p{N}])[ivxlcdm]{1,7}(?![\p{L}\p{N}])/giu;
const ROMAN = /^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/u;
/** The shapes of a page number alone on its line: "3", "- 3 -", "Trang 3", "Page iii", "3/12", "3 / 12". */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:trang|page)\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?$/iu;

interface Candidate {
  /** The text with each number replaced by '#'. */
  key: string;
  numbers: number[];
  line: EdgeLine;
}

interface Edges {
  top: Candidate[];
  bottom: Candidate[];
}

/**
 * Feeds pages in order and hands each back once the pages after it that it is compared with have
 * been seen (`WINDOW` pages later, or at `finish`), its furniture removed.
 */
export class PageFurniture<L extends EdgeLine, P extends FurniturePage<L>> {
  private readonly held: P[] = [];
  private readonly edges = new Map<number, Edges>();

  push(page: P): P[] {
    this.edges.set(page.frame.page, edgesOf(page.lines));
    this.held.push(page);
    const out: P[] = [];
    while (this.held.length > WINDOW) out.push(this.settle(this.held.shift()!));
    return out;
  }

  finish(): P[] {
    return this.held.splice(0).map((p) => this.settle(p));
  }

  private settle(page: P): P {
    const n = page.frame.page;
    const own = this.edges.get(n)!;
    const repeats = (c: Candidate, side: keyof Edges) => {
      for (let q = n - WINDOW; q <= n + WINDOW; q++) {
        const other = q === n ? undefined : this.edges.get(q);
        if (other?.[side].some((o) => sameFurniture(c, n, o, q))) return true;
      }
      return false;
    };
    const lines = page.lines;
    const apart = (outer: EdgeLine, inner: EdgeLine | undefined) => !inner || Math.abs(outer.baseline - inner.baseline) >= APART * Math.max(outer.size, inner.size);
    let top = 0;
    while (top < own.top.length && (repeats(own.top[top], 'top') || isOwnPageNumber(own.top[top], n, lines[top + 1], 'top'))) top++;
    // a block of furniture ends where a wide gap sets it apart from the body: the same short line ending two pages' body is content
    while (top > 0 && !apart(lines[top - 1], lines[top])) top--;
    let bottom = 0;
    while (
      bottom < own.bottom.length &&
      lines.length - 1 - bottom >= top &&
      (repeats(own.bottom[bottom], 'bottom') || isOwnPageNumber(own.bottom[bottom], n, lines[lines.length - 2 - bottom], 'bottom'))
    ) {
      bottom++;
    }
    while (bottom > 0 && lines.length - 1 - bottom >= top && !apart(lines[lines.length - bottom], lines[lines.length - 1 - bottom])) bottom--;
    // a page whose every line repeats is content (a form, a run of like pages), not furniture around it; a lone page number is still furniture
    const wholePage = top + bottom >= lines.length && lines.some((l) => !PAGE_NUMBER.test(l.text.trim()));
    if (!wholePage) {
      lines.splice(lines.length - bottom, bottom);
      lines.splice(0, top);
    }
    this.edges.delete(n - WINDOW);
    return page;
  }
}

function edgesOf(lines: readonly EdgeLine[]): Edges {
  const top: Candidate[] = [];
  for (const line of lines.slice(0, EDGE_LINES)) {
    const c = candidateOf(line);
    if (!c) break;
    top.push(c);
  }
  const bottom: Candidate[] = [];
  for (const line of lines.slice(-EDGE_LINES).reverse()) {
    const c = candidateOf(line);
    if (!c) break;
    bottom.push(c);
  }
  return { top, bottom };
}

function candidateOf(line: EdgeLine): Candidate | null {
  const text = line.text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
  if (!text || text.length > MAX_FURNITURE_CHARS) return null;
  const numbers: number[] = [];
  const key = text.replace(NUMBER_TOKEN, (token) => {
    const value = numberOf(token);
    if (value === null) return token;
    numbers.push(value);
    return '#';
  });
  return { key, numbers, line };
}

function numberOf(token: string): number | null {
  if (/^\d+$/u.test(token)) return Number(token);
  const t = token.toLowerCase();
  if (!ROMAN.test(t)) return null;
  const value: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = value[t[i]];
    total += i + 1 < t.length && value[t[i + 1]] > v ? -v : v;
  }
  return total;
}

/** The same text or pattern at the same place, each number either the same or running with the page. */
function sameFurniture(a: Candidate, pa: number, b: Candidate, pb: number): boolean {
  if (a.key !== b.key || a.numbers.length !== b.numbers.length) return false;
  const size = Math.max(a.line.size, b.line.size);
  if (Math.abs(a.line.size - b.line.size) > 0.1 * size) return false;
  if (Math.abs(a.line.baseline - b.line.baseline) > Math.max(2, 0.5 * size)) return false;
  const centre = (l: EdgeLine) => (l.left + l.right) / 2;
  const placed = Math.abs(a.line.left - b.line.left) <= size || Math.abs(a.line.right - b.line.right) <= size || Math.abs(centre(a.line) - centre(b.line)) <= size;
  if (!placed) return false;
  return a.numbers.every((v, i) => v === b.numbers[i] || v - pa === b.numbers[i] - pb);
}

/** A page number alone on its line that is this page's own number, set well apart from the line toward the body. */
function isOwnPageNumber(c: Candidate, page: number, inward: EdgeLine | undefined, side: keyof Edges): boolean {
  if (!inward || !PAGE_NUMBER.test(c.line.text.trim()) || c.numbers[0] !== page) return false;
  if (c.numbers.length > 1 && c.numbers[1] < page) return false;
  const gap = side === 'top' ? c.line.baseline - inward.baseline : inward.baseline - c.line.baseline;
  return gap >= APART * Math.max(c.line.size, inward.size);
}
