/**
 * Accent- and case-insensitive text search for the document viewer. Elderly users often type
 * without diacritics ("ngan sach" must find "ngân sách"), so both sides are folded: NFD, marks
 * removed, đ → d, lower case, whitespace runs collapsed. A map keeps folded offsets → original
 * offsets, so a hit can be highlighted in the original text.
 */
export interface FoldedText {
  folded: string;
  /** Original offset where the char that produced folded[i] starts. */
  starts: number[];
  /** Original offset just after the char that produced folded[i]. */
  ends: number[];
}

const MARKS = /\p{M}/gu;
const SPACE = /\s/u;

function foldChar(char: string): string {
  if (char === 'đ' || char === 'Đ') return 'd';
  return char.normalize('NFD').toLowerCase().replace(MARKS, '');
}

export function foldText(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    const next = offset + char.length;
    if (SPACE.test(char)) {
      if (folded.length > 0 && folded[folded.length - 1] !== ' ') {
        folded += ' ';
        starts.push(offset);
        ends.push(next);
      }
    } else {
      for (const f of foldChar(char)) {
        folded += f;
        starts.push(offset);
        ends.push(next);
      }
    }
    offset = next;
  }
  return { folded, starts, ends };
}

export function foldQuery(query: string): string {
  return foldText(query.trim()).folded.trim();
}

export interface TextRange {
  start: number;
  end: number;
}

/** Non-overlapping matches of `query` in `text`, as offsets into the original `text`. */
export function findMatches(text: string, query: string): TextRange[] {
  const needle = foldQuery(query);
  if (!needle) return [];
  const { folded, starts, ends } = foldText(text);
  const out: TextRange[] = [];
  let from = 0;
  for (;;) {
    const at = folded.indexOf(needle, from);
    if (at < 0) break;
    out.push({ start: starts[at], end: ends[at + needle.length - 1] });
    from = at + needle.length;
  }
  return out;
}

export interface SearchableParagraph {
  id: string;
  index: number;
  page: number;
  text: string;
}

export interface SearchHit {
  /** 0-based position in the list of hits. */
  ordinal: number;
  page: number;
  paragraphId: string | null;
  start: number;
  end: number;
}

/** Every hit in the document, in reading order (paragraph index, then offset). */
export function findHitsInParagraphs(paragraphs: readonly SearchableParagraph[], query: string): SearchHit[] {
  const sorted = [...paragraphs].sort((a, b) => a.index - b.index);
  const hits: SearchHit[] = [];
  for (const p of sorted) {
    for (const m of findMatches(p.text, query)) {
      hits.push({ ordinal: hits.length, page: p.page, paragraphId: p.id, start: m.start, end: m.end });
    }
  }
  return hits;
}

/** Same, from one text per page (used when the paragraphs are not available). */
export function findHitsInPages(pageTexts: readonly string[], query: string): SearchHit[] {
  const hits: SearchHit[] = [];
  pageTexts.forEach((text, i) => {
    for (const m of findMatches(text, query)) {
      hits.push({ ordinal: hits.length, page: i + 1, paragraphId: null, start: m.start, end: m.end });
    }
  });
  return hits;
}

export interface TextItemLike {
  str: string;
  hasEOL: boolean;
}

/** A highlighted slice of one text-layer item. */
export interface ItemRange {
  item: number;
  start: number;
  end: number;
}

/**
 * Matches over a page's text items (pdf.js text runs), split back into per-item ranges so the
 * text layer can wrap them; a match may span several runs. Runs ending a line are joined by a space.
 */
export function findMatchesInItems(items: readonly TextItemLike[], query: string): ItemRange[][] {
  let joined = '';
  const itemStart: number[] = [];
  for (const item of items) {
    itemStart.push(joined.length);
    joined += item.str;
    if (item.hasEOL) joined += ' ';
  }
  const ranges: ItemRange[][] = [];
  for (const match of findMatches(joined, query)) {
    const parts: ItemRange[] = [];
    items.forEach((item, i) => {
      const s = itemStart[i];
      const e = s + item.str.length;
      const start = Math.max(match.start, s);
      const end = Math.min(match.end, e);
      if (start < end) parts.push({ item: i, start: start - s, end: end - s });
    });
    if (parts.length > 0) ranges.push(parts);
  }
  return ranges;
}
