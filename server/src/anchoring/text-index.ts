import type { PdfRect, TextQuote } from '@hopso/shared';

/** approx-string-match's `search` (the library Hypothesis anchors with), passed in because it is ESM-only. */
export type ApproxSearch = (text: string, pattern: string, maxErrors: number) => { start: number; end: number; errors: number }[];

let loadingSearch: Promise<ApproxSearch> | null = null;
export function loadApproxSearch(): Promise<ApproxSearch> {
  loadingSearch ??= import('approx-string-match').then((m) => m.default as ApproxSearch);
  return loadingSearch;
}

export interface IndexedParagraph {
  id: string;
  index: number;
  text: string;
  rects: PdfRect[];
  textHash: string;
}

export interface Placement {
  paragraphId: string;
  quote: TextQuote;
  rects: PdfRect[];
}

/** How to find a quote again: its old paragraph's hash and relative position help pick among candidates. */
export interface PlacementHint {
  paragraphHash: string | null;
  /** Old paragraph index divided by the old paragraph count (0–1), or null when unknown. */
  relativePosition: number | null;
}

const CONTEXT = 32;
/** Paragraphs searched on each side of the expected position when the quote changed. */
const FUZZY_WINDOW = 40;
/** A quote may differ from the new text by at most this share of its length. */
const MAX_ERROR_RATE = 0.25;

/** Whitespace-collapsed NFC, so a quote selected in the browser compares with extracted text. */
export function normalise(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The text of one document version, searchable as one string, with a way back to paragraphs. */
export class TextIndex {
  readonly text: string;
  private readonly starts: number[] = [];
  private readonly byHash = new Map<string, number[]>();

  constructor(readonly paragraphs: IndexedParagraph[]) {
    const parts: string[] = [];
    let offset = 0;
    paragraphs.forEach((p, i) => {
      const t = normalise(p.text);
      this.starts.push(offset);
      parts.push(t);
      offset += t.length + 1; // joined with one space, so a quote may run across paragraphs
      const list = this.byHash.get(p.textHash) ?? [];
      list.push(i);
      this.byHash.set(p.textHash, list);
    });
    this.text = parts.join(' ');
  }

  /** Finds the quote in this version, or null when it no longer matches well enough (the anchor is then detached). */
  place(quote: TextQuote, hint: PlacementHint, search: ApproxSearch): Placement | null {
    const exact = normalise(quote.exact);
    if (!exact) return null;
    const expected = hint.relativePosition === null ? null : Math.round(hint.relativePosition * this.paragraphs.length);

    // 1. the same paragraph, unchanged but perhaps moved
    const sameText = hint.paragraphHash ? (this.byHash.get(hint.paragraphHash) ?? []) : [];
    for (const i of nearestFirst(sameText, expected)) {
      const at = this.text.indexOf(exact, this.starts[i]);
      if (at >= 0 && at < this.starts[i] + normalise(this.paragraphs[i].text).length) return this.placement(at, at + exact.length);
    }

    // 2. the exact quote elsewhere; context and position break ties
    const hits: number[] = [];
    for (let at = this.text.indexOf(exact); at >= 0 && hits.length < 50; at = this.text.indexOf(exact, at + 1)) hits.push(at);
    if (hits.length) {
      const best = maxBy(hits, (at) => this.contextScore(at, at + exact.length, quote) - this.distancePenalty(at, expected));
      return this.placement(best, best + exact.length);
    }

    // 3. an edited quote: approximate search near where it used to be
    const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
    if (maxErrors < 1) return null;
    const centre = expected ?? Math.floor(this.paragraphs.length / 2);
    const from = this.starts[clamp(centre - FUZZY_WINDOW, 0, this.paragraphs.length - 1)] ?? 0;
    const lastIdx = clamp(centre + FUZZY_WINDOW, 0, this.paragraphs.length - 1);
    const to = lastIdx + 1 < this.starts.length ? this.starts[lastIdx + 1] : this.text.length;
    const window = this.text.slice(from, to);
    const matches = search(window, exact, maxErrors);
    if (!matches.length) return null;
    const fewest = Math.min(...matches.map((m) => m.errors));
    const best = maxBy(
      matches.filter((m) => m.errors === fewest),
      (m) => this.contextScore(from + m.start, from + m.end, quote),
    );
    return this.placement(from + best.start, from + best.end);
  }

  private contextScore(start: number, end: number, quote: TextQuote): number {
    const prefix = normalise(quote.prefix);
    const suffix = normalise(quote.suffix);
    const before = this.text.slice(Math.max(0, start - prefix.length), start);
    const after = this.text.slice(end, end + suffix.length);
    return commonSuffix(before, prefix) + commonPrefix(after, suffix);
  }

  private distancePenalty(at: number, expected: number | null): number {
    if (expected === null) return 0;
    return Math.abs(this.paragraphAt(at) - expected) / Math.max(1, this.paragraphs.length);
  }

  private paragraphAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private placement(start: number, end: number): Placement {
    const first = this.paragraphAt(start);
    const last = this.paragraphAt(Math.max(start, end - 1));
    const rects: PdfRect[] = [];
    for (let i = first; i <= last; i++) {
      const pStart = this.starts[i];
      const len = normalise(this.paragraphs[i].text).length;
      rects.push(...rectsForRange(this.paragraphs[i].rects, Math.max(0, start - pStart), Math.min(len, end - pStart), len));
    }
    return {
      paragraphId: this.paragraphs[first].id,
      quote: {
        exact: this.text.slice(start, end),
        prefix: this.text.slice(Math.max(0, start - CONTEXT), start),
        suffix: this.text.slice(end, end + CONTEXT),
      },
      rects: rects.length ? rects : this.paragraphs[first].rects,
    };
  }
}

/**
 * The part of a paragraph's line rects covering characters [from, to). Character
 * positions inside a line are not stored, so they are estimated from line widths;
 * the viewer refines the highlight against its text layer.
 */
export function rectsForRange(lines: PdfRect[], from: number, to: number, length: number): PdfRect[] {
  const total = lines.reduce((s, r) => s + r.w, 0);
  if (!total || length <= 0) return [];
  const out: PdfRect[] = [];
  let charStart = 0;
  for (const r of lines) {
    const chars = (r.w / total) * length;
    const a = Math.max(from, charStart);
    const b = Math.min(to, charStart + chars);
    if (b > a) {
      const x0 = r.x + ((a - charStart) / chars) * r.w;
      const x1 = r.x + ((b - charStart) / chars) * r.w;
      out.push({ page: r.page, x: round2(x0), y: r.y, w: Math.max(1, round2(x1 - x0)), h: r.h });
    }
    charStart += chars;
  }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

function nearestFirst(indexes: number[], expected: number | null): number[] {
  return expected === null ? indexes : [...indexes].sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected));
}

function maxBy<T>(items: T[], score: (t: T) => number): T {
  let best = items[0];
  let bestScore = score(best);
  for (const item of items.slice(1)) {
    const s = score(item);
    if (s > bestScore) [best, bestScore] = [item, s];
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
