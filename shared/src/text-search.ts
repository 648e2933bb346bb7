/**
 * The one rule for searching text people typed: accent- and case-insensitive, as the document
 * viewer searches. Elderly users often type without diacritics ("du phong" must find "dự phòng"):
 * both sides are folded (NFD, marks removed, đ → d, lower case, whitespace runs as one space).
 * The desk's search on the server and the desk's live filter in the browser both use it.
 */
const MARKS = /\p{M}/gu;
const SPACES = /\s+/gu;

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(SPACES, ' ').trim();
}

/** Whether any of `texts` contains the folded query; an empty query matches everything. */
export function matchesSearch(texts: readonly (string | null | undefined)[], query: string): boolean {
  const needle = foldForSearch(query);
  if (!needle) return true;
  return texts.some((text) => text != null && foldForSearch(text).includes(needle));
}
