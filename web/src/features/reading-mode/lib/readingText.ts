import type { Anchor, Paragraph, PdfRect } from '@hopso/shared';
import { roundRect } from '../../reading-room/lib/pdfGeometry';
import { contextOf, normaliseText, QUOTE_CONTEXT, QUOTE_SPAN_PARAGRAPHS, type ParagraphIndex } from '../../reading-room/lib/selectionAnchor';

/** A span of one paragraph's normalised text (the text the reading view shows), [start, end). */
export interface TextSpan {
  paragraphIndex: number;
  start: number;
  end: number;
}

/** A place in the reading view: a paragraph and a character offset in its normalised text. */
export interface TextPoint {
  paragraphIndex: number;
  offset: number;
}

/**
 * Where an anchor's quote lies in the reading view's text: the occurrence in its paragraph's window
 * (the paragraph and the next three, as the server allows) whose context matches best, cut per
 * paragraph. Empty when the quote is not in this text (a detached anchor).
 */
export function spansOfAnchor(paragraphs: ParagraphIndex, anchor: Pick<Anchor, 'paragraphId' | 'quote'>): TextSpan[] {
  const start = paragraphs.sorted.find((p) => p.id === anchor.paragraphId);
  const exact = anchor.quote.exact;
  if (!start || !exact) return [];
  const ctx = contextOf(paragraphs, start.index, start.index + QUOTE_SPAN_PARAGRAPHS - 1);
  const first = ctx.ranges.get(start.index);
  if (!first) return [];
  const prefix = anchor.quote.prefix ?? '';
  const suffix = anchor.quote.suffix ?? '';
  let best = -1;
  let bestScore = -1;
  for (let at = ctx.text.indexOf(exact, first.start); at >= 0 && at < first.end; at = ctx.text.indexOf(exact, at + 1)) {
    const score = commonSuffix(ctx.text.slice(0, at), prefix) + commonPrefix(ctx.text.slice(at + exact.length), suffix);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  if (best < 0) return [];
  const end = best + exact.length;
  const spans: TextSpan[] = [];
  for (const [paragraphIndex, range] of ctx.ranges) {
    const s = Math.max(best, range.start);
    const e = Math.min(end, range.end);
    if (s < e) spans.push({ paragraphIndex, start: s - range.start, end: e - range.start });
  }
  return spans.sort((a, b) => a.paragraphIndex - b.paragraphIndex);
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The boxes on the PDF page of characters [start, end) of a paragraph's normalised text. The
 * paragraph stores one box per line, not per character, so a position is placed along its lines in
 * proportion to the text's length: exact at line ends, within a few characters inside a line.
 */
export function rectsOfSpan(paragraph: Paragraph, start: number, end: number): PdfRect[] {
  const length = normaliseText(paragraph.text).length;
  const lines = paragraph.rects;
  const total = lines.reduce((s, r) => s + r.w, 0);
  if (length === 0 || total <= 0 || end <= start) return [];
  const from = (Math.max(0, start) / length) * total;
  const to = (Math.min(length, end) / length) * total;
  const out: PdfRect[] = [];
  let before = 0;
  for (const line of lines) {
    const s = Math.max(from, before);
    const e = Math.min(to, before + line.w);
    if (e - s > 0.5) out.push(roundRect({ page: line.page, x: line.x + (s - before), y: line.y, w: e - s, h: line.h }));
    before += line.w;
  }
  return out;
}

export type ReadingAnchorResult = { ok: true; anchor: Anchor; paragraph: Paragraph } | { ok: false; problem: 'outside-text' | 'too-long' };

/** The anchor of a selection in the reading view, the same shape a selection on the PDF pages gives. */
export function anchorFromReadingRange(versionId: string, paragraphs: ParagraphIndex, from: TextPoint, to: TextPoint): ReadingAnchorResult {
  if (to.paragraphIndex < from.paragraphIndex || (to.paragraphIndex === from.paragraphIndex && to.offset <= from.offset)) return { ok: false, problem: 'outside-text' };
  if (to.paragraphIndex - from.paragraphIndex >= QUOTE_SPAN_PARAGRAPHS) return { ok: false, problem: 'too-long' };
  const ctx = contextOf(paragraphs, from.paragraphIndex - 1, from.paragraphIndex + QUOTE_SPAN_PARAGRAPHS);
  const a = ctx.ranges.get(from.paragraphIndex);
  const b = ctx.ranges.get(to.paragraphIndex);
  const paragraph = paragraphs.get(from.paragraphIndex);
  if (!a || !b || !paragraph) return { ok: false, problem: 'outside-text' };
  let start = a.start + Math.min(from.offset, a.end - a.start);
  let end = b.start + Math.min(to.offset, b.end - b.start);
  // the quote never starts or ends on a space (the server trims it)
  while (start < end && ctx.text[start] === ' ') start++;
  while (end > start && ctx.text[end - 1] === ' ') end--;
  if (end <= start) return { ok: false, problem: 'outside-text' };
  const rects: PdfRect[] = [];
  for (const [index, range] of ctx.ranges) {
    if (index < from.paragraphIndex || index > to.paragraphIndex) continue;
    const p = paragraphs.get(index);
    if (p) rects.push(...rectsOfSpan(p, Math.max(start, range.start) - range.start, Math.min(end, range.end) - range.start));
  }
  if (rects.length === 0) return { ok: false, problem: 'outside-text' };
  return {
    ok: true,
    paragraph,
    anchor: {
      versionId,
      paragraphId: paragraph.id,
      quote: { exact: ctx.text.slice(start, end), prefix: ctx.text.slice(Math.max(0, start - QUOTE_CONTEXT), start), suffix: ctx.text.slice(end, end + QUOTE_CONTEXT) },
      rects,
    },
  };
}

/** Splits a paragraph's text into plain and marked pieces for the reading view. */
export function piecesOf(text: string, marks: readonly { start: number; end: number; key: string; color: string }[]): { text: string; mark: { key: string; color: string } | null }[] {
  const sorted = [...marks].filter((m) => m.end > m.start).sort((a, b) => a.start - b.start);
  const out: { text: string; mark: { key: string; color: string } | null }[] = [];
  let at = 0;
  for (const m of sorted) {
    const s = Math.max(m.start, at);
    if (s >= m.end) continue;
    if (s > at) out.push({ text: text.slice(at, s), mark: null });
    out.push({ text: text.slice(s, m.end), mark: { key: m.key, color: m.color } });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: null });
  return out;
}
