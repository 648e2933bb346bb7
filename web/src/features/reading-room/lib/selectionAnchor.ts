import type { Anchor, Paragraph, PdfRect } from '@hopso/shared';
import { clampToPage, mergeLineRects, overlapArea, roundRect } from './pdfGeometry';

/** Characters of context kept on each side of a quote (the server re-anchors with the same amount). */
export const QUOTE_CONTEXT = 32;
/** A quote may run from its paragraph into the next three (the server's AnchorValidator checks this window). */
export const QUOTE_SPAN_PARAGRAPHS = 4;
const MAX_QUOTE_CHARS = 5000;
const MAX_RECTS = 200;
/** Share of a text run's box that must lie on a paragraph's line for the run to belong to it. */
const MIN_OVERLAP = 0.2;
/** Characters compared at each end of a selection when the whole of it can't be found as one piece. */
const END_CHUNK = 12;

/** Whitespace-collapsed NFC, as the server compares quotes. */
export function normaliseText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export interface CompactText {
  /** Folded characters, whitespace left out. */
  text: string;
  /** Offset in the original string of the character that produced text[i]. */
  starts: number[];
  /** Offset just after that character. */
  ends: number[];
}

const MARKS = /\p{M}/gu;
const SPACE = /\s/u;

/**
 * The text without whitespace, lower case, without diacritics or ligatures, with a map back to the
 * original offsets. pdf.js's text layer splits a line into runs that may lack the spaces the
 * server's paragraphs have (or have extra ones), so a selection is found in a paragraph by
 * comparing these compact forms, and the quote is then cut from the paragraph's own text.
 */
export function compactFold(s: string): CompactText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of s) {
    const next = offset + char.length;
    if (!SPACE.test(char)) {
      const folded = char === 'đ' || char === 'Đ' ? 'd' : char.normalize('NFKD').toLowerCase().replace(MARKS, '');
      for (const f of folded) {
        if (SPACE.test(f)) continue;
        text += f;
        starts.push(offset);
        ends.push(next);
      }
    }
    offset = next;
  }
  return { text, starts, ends };
}

interface PageLine {
  paragraph: Paragraph;
  rect: PdfRect;
}

/** Paragraphs of one document version, looked up by index and by page. */
export class ParagraphIndex {
  private readonly byIndex = new Map<number, Paragraph>();
  private readonly byPage = new Map<number, PageLine[]>();
  readonly sorted: readonly Paragraph[];

  constructor(paragraphs: readonly Paragraph[]) {
    this.sorted = [...paragraphs].sort((a, b) => a.index - b.index);
    for (const p of this.sorted) {
      this.byIndex.set(p.index, p);
      for (const rect of p.rects) {
        const list = this.byPage.get(rect.page) ?? [];
        list.push({ paragraph: p, rect });
        this.byPage.set(rect.page, list);
      }
    }
  }

  get(index: number): Paragraph | undefined {
    return this.byIndex.get(index);
  }

  linesOnPage(page: number): readonly PageLine[] {
    return this.byPage.get(page) ?? [];
  }

  /** Paragraphs whose first line is on this page, in order. */
  startingOnPage(page: number): Paragraph[] {
    const seen = new Set<string>();
    const out: Paragraph[] = [];
    for (const { paragraph } of this.linesOnPage(page)) {
      if (seen.has(paragraph.id)) continue;
      seen.add(paragraph.id);
      if (paragraph.rects[0]?.page === page && paragraph.text.trim()) out.push(paragraph);
    }
    return out;
  }

  /** The paragraph whose lines these boxes (on one page) overlap most, or null when they lie outside every paragraph. */
  paragraphUnder(page: number, rects: readonly PdfRect[]): Paragraph | null {
    const area = rects.reduce((sum, r) => sum + r.w * r.h, 0);
    if (area <= 0) return null;
    const scores = new Map<Paragraph, number>();
    for (const line of this.linesOnPage(page)) {
      let shared = 0;
      for (const r of rects) shared += overlapArea(r, line.rect);
      if (shared > 0) scores.set(line.paragraph, (scores.get(line.paragraph) ?? 0) + shared);
    }
    let best: Paragraph | null = null;
    let bestScore = MIN_OVERLAP * area;
    for (const [p, score] of scores) {
      if (score >= bestScore) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  }
}

export interface TextContext {
  /** Normalised paragraph texts joined with one space, as the server joins them. */
  text: string;
  ranges: Map<number, { start: number; end: number }>;
}

/** The text of paragraphs [from, to] (by index), normalised and joined with one space. */
export function contextOf(index: ParagraphIndex, from: number, to: number): TextContext {
  let text = '';
  const ranges = new Map<number, { start: number; end: number }>();
  for (let i = Math.max(0, from); i <= to; i++) {
    const p = index.get(i);
    if (!p) continue;
    const t = normaliseText(p.text);
    if (!t) continue;
    if (text) text += ' ';
    ranges.set(i, { start: text.length, end: text.length + t.length });
    text += t;
  }
  return { text, ranges };
}

function paragraphAt(ctx: TextContext, offset: number): number | null {
  for (const [i, r] of ctx.ranges) if (offset >= r.start && offset < r.end) return i;
  return null;
}

function commonSuffixLength(a: string, b: string, max = 64): number {
  let n = 0;
  while (n < max && n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function occurrences(haystack: string, needle: string, from: number, to: number): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = haystack.indexOf(needle, from); at >= 0 && at + needle.length <= to; at = haystack.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/**
 * Where the selected text lies in the context, as original offsets [start, end), or null. Among
 * several places, the one whose preceding text matches what preceded the selection on the page wins.
 */
function locate(ctx: TextContext, selected: string, before: string, window: { start: number; end: number }): { start: number; end: number } | null {
  const hay = compactFold(ctx.text);
  const needle = compactFold(selected).text;
  if (!needle) return null;
  const beforeFolded = compactFold(before).text;
  // compact indexes of the window
  let from = 0;
  while (from < hay.starts.length && hay.starts[from] < window.start) from++;
  let to = from;
  while (to < hay.ends.length && hay.ends[to] <= window.end) to++;

  const score = (at: number) => commonSuffixLength(hay.text.slice(Math.max(0, at - 64), at), beforeFolded);
  const best = (candidates: { at: number; end: number; penalty: number }[]) => {
    let chosen: { at: number; end: number; penalty: number } | null = null;
    let chosenScore = -Infinity;
    for (const c of candidates) {
      const s = score(c.at) - c.penalty;
      if (s > chosenScore) {
        chosen = c;
        chosenScore = s;
      }
    }
    return chosen;
  };

  let found = best(occurrences(hay.text, needle, from, to).map((at) => ({ at, end: at + needle.length, penalty: 0 })));
  if (!found && needle.length >= 2 * END_CHUNK) {
    // a stray run (a stamp, a footnote mark) inside the selection: match both ends instead
    const head = needle.slice(0, END_CHUNK);
    const tail = needle.slice(-END_CHUNK);
    const candidates: { at: number; end: number; penalty: number }[] = [];
    for (const at of occurrences(hay.text, head, from, to)) {
      const ends = occurrences(hay.text, tail, at + END_CHUNK, to);
      for (const tailAt of ends) {
        const length = tailAt + END_CHUNK - at;
        const off = Math.abs(length - needle.length);
        if (off <= needle.length * 0.25 + 4) candidates.push({ at, end: tailAt + END_CHUNK, penalty: off });
      }
    }
    found = best(candidates);
  }
  if (!found) return null;
  return { start: hay.starts[found.at], end: hay.ends[found.end - 1] };
}

/** A piece of the selection inside one text run of the text layer. */
export interface SelectionSlice {
  page: number;
  text: string;
  /** Its boxes, already in PDF units. */
  rects: PdfRect[];
}

export interface SelectionInput {
  versionId: string;
  /** In document order. */
  slices: readonly SelectionSlice[];
  /** Text just before the selection on its page, to tell repeated words apart. */
  before: string;
  paragraphs: ParagraphIndex;
  /** Page box in PDF units ([x1, y1, x2, y2]) by page number, to keep rects on the page. */
  viewBoxes?: ReadonlyMap<number, readonly number[]>;
}

export type SelectionProblem = 'outside-text' | 'too-long' | 'not-found';

export type SelectionAnchorResult = { ok: true; anchor: Anchor; paragraph: Paragraph } | { ok: false; problem: SelectionProblem };

/**
 * The anchor of a text selection: the paragraph it starts in, the quote cut from the paragraphs'
 * own text (so the server finds it there), 32 characters of context each side, and one rectangle
 * per selected line, on every page the selection touches.
 */
export function anchorFromSelection(input: SelectionInput): SelectionAnchorResult {
  const { paragraphs } = input;
  const kept: { slice: SelectionSlice; paragraph: Paragraph }[] = [];
  for (const slice of input.slices) {
    if (!slice.text.trim() || slice.rects.length === 0) continue;
    // runs outside every paragraph (page numbers, stamps) are left out of the quote and the boxes
    const paragraph = paragraphs.paragraphUnder(slice.page, slice.rects);
    if (paragraph) kept.push({ slice, paragraph });
  }
  if (kept.length === 0) return { ok: false, problem: 'outside-text' };

  const first = Math.min(...kept.map((k) => k.paragraph.index));
  const last = Math.max(...kept.map((k) => k.paragraph.index));
  if (last - first >= QUOTE_SPAN_PARAGRAPHS) return { ok: false, problem: 'too-long' };

  const windowEnd = first + QUOTE_SPAN_PARAGRAPHS - 1;
  const ctx = contextOf(paragraphs, first - 1, windowEnd + 1);
  const firstRange = ctx.ranges.get(first);
  if (!firstRange) return { ok: false, problem: 'outside-text' };
  let lastRange = firstRange;
  for (let i = windowEnd; i > first; i--) {
    const r = ctx.ranges.get(i);
    if (r) {
      lastRange = r;
      break;
    }
  }
  const found = locate(
    ctx,
    kept.map((k) => k.slice.text).join(''),
    input.before,
    { start: firstRange.start, end: lastRange.end },
  );
  if (!found) return { ok: false, problem: 'not-found' };

  const startIndex = paragraphAt(ctx, found.start) ?? first;
  const endIndex = paragraphAt(ctx, found.end - 1) ?? last;
  if (endIndex - startIndex >= QUOTE_SPAN_PARAGRAPHS) return { ok: false, problem: 'too-long' };
  const exact = ctx.text.slice(found.start, found.end);
  if (exact.length > MAX_QUOTE_CHARS) return { ok: false, problem: 'too-long' };

  const boxes: PdfRect[] = [];
  for (const { slice } of kept) {
    for (const rect of slice.rects) {
      const viewBox = input.viewBoxes?.get(rect.page);
      const clamped = viewBox ? clampToPage(rect, viewBox) : rect;
      if (clamped) boxes.push(clamped);
    }
  }
  const rects = mergeLineRects(boxes).map(roundRect);
  if (rects.length === 0) return { ok: false, problem: 'outside-text' };
  if (rects.length > MAX_RECTS) return { ok: false, problem: 'too-long' };

  const paragraph = paragraphs.get(startIndex) ?? kept[0].paragraph;
  return {
    ok: true,
    paragraph,
    anchor: {
      versionId: input.versionId,
      paragraphId: paragraph.id,
      quote: {
        exact,
        prefix: ctx.text.slice(Math.max(0, found.start - QUOTE_CONTEXT), found.start),
        suffix: ctx.text.slice(found.end, found.end + QUOTE_CONTEXT),
      },
      rects,
    },
  };
}

/** The anchor of a whole paragraph: its full text and all its lines (a paragraph note or comment). */
export function anchorForParagraph(versionId: string, paragraph: Paragraph, paragraphs: ParagraphIndex): Anchor {
  const ctx = contextOf(paragraphs, paragraph.index - 1, paragraph.index + 1);
  const range = ctx.ranges.get(paragraph.index) ?? { start: 0, end: 0 };
  const exact = ctx.text.slice(range.start, Math.min(range.end, range.start + MAX_QUOTE_CHARS)).trim();
  const end = range.start + exact.length;
  return {
    versionId,
    paragraphId: paragraph.id,
    quote: {
      exact,
      prefix: ctx.text.slice(Math.max(0, range.start - QUOTE_CONTEXT), range.start),
      suffix: ctx.text.slice(end, end + QUOTE_CONTEXT),
    },
    rects: paragraph.rects.slice(0, MAX_RECTS),
  };
}

/** A quote shortened for a list or a sheet: whole words, an ellipsis when cut. */
export function excerpt(text: string, max = 160): string {
  const t = normaliseText(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
