import { commentSearchTexts, matchesSearch, type Comment, type CommentFilters } from '@hopso/shared';

const FILTER_KEYS = ['agendaItemId', 'documentId', 'paragraphId', 'status', 'authorId', 'q'] as const;

/** Drops empty values and fixes the key order, so equal filters make equal query keys. */
export function normalizeCommentFilters(filters: Partial<Record<keyof CommentFilters, string | undefined | null>>): CommentFilters {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) out[key] = value;
  }
  return out as CommentFilters;
}

export function hasCommentFilters(filters: CommentFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}

/**
 * Whether a comment belongs in a list fetched with these filters; the text search is the server's
 * own rule (matchesSearch over commentSearchTexts, from shared/), so a live comment lands in a
 * searched list exactly when a refetch would put it there.
 */
export function matchesCommentFilters(comment: Comment, filters: CommentFilters): boolean {
  if (filters.agendaItemId && comment.agendaItemId !== filters.agendaItemId) return false;
  if (filters.documentId && comment.documentId !== filters.documentId) return false;
  if (filters.paragraphId && comment.anchor.paragraphId !== filters.paragraphId) return false;
  if (filters.status && comment.status !== filters.status) return false;
  if (filters.authorId && comment.authorId !== filters.authorId) return false;
  if (filters.q) return matchesSearch(commentSearchTexts(comment), filters.q);
  return true;
}

/** Newest first, as the server lists them; ties by id so the order is stable. */
function newestFirst(a: Comment, b: Comment): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/**
 * A comments list with `comment` put in (or taken out of) its place. Returns the same array when
 * nothing changes, so TanStack Query does not re-render for nothing.
 */
export function upsertComment(list: readonly Comment[], comment: Comment, belongs: boolean): readonly Comment[] {
  const index = list.findIndex((c) => c.id === comment.id);
  if (index >= 0) {
    if (!belongs) return list.filter((c) => c.id !== comment.id);
    const current = list[index];
    // an older copy (an event replayed after a fresher fetch) never overwrites a newer one
    if (current.updatedAt > comment.updatedAt) return list;
    const next = [...list];
    next[index] = comment;
    return next;
  }
  if (!belongs) return list;
  return [...list, comment].sort(newestFirst);
}
