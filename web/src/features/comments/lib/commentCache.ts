import type { QueryClient } from '@tanstack/react-query';
import type { Comment, CommentFilters } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { matchesCommentFilters, upsertComment } from './commentFilters';

function inParagraphOrder(a: Comment, b: Comment): number {
  return (a.paragraphIndex ?? Number.MAX_SAFE_INTEGER) - (b.paragraphIndex ?? Number.MAX_SAFE_INTEGER) || a.createdAt.localeCompare(b.createdAt);
}

/**
 * Puts a comment (from a live event or the server's answer to a triage) into every cached view of
 * it: each filtered list of the meeting's comments, the document's list in the reading room, and
 * the counts per paragraph when it is new.
 */
export function applyCommentToCache(queryClient: QueryClient, comment: Comment, created: boolean): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: queryKeys.meetingCommentLists(comment.meetingId) })) {
    const list = query.state.data as readonly Comment[] | undefined;
    if (!list) continue;
    const filters = (query.queryKey[3] ?? {}) as CommentFilters;
    const belongs = matchesCommentFilters(comment, filters);
    const next = upsertComment(list, comment, belongs);
    if (next !== list) queryClient.setQueryData(query.queryKey, next);
  }
  // the reading room's list of a document's comments (in paragraph order): a delegate sees the
  // status and reply of their own comment change as the secretariat triages it
  queryClient.setQueryData<Comment[]>(queryKeys.documentComments(comment.documentId), (list) => {
    if (!list) return list;
    const index = list.findIndex((c) => c.id === comment.id);
    if (index >= 0) return list[index].updatedAt > comment.updatedAt ? list : list.map((c) => (c.id === comment.id ? comment : c));
    return created ? [...list, comment].sort(inParagraphOrder) : list;
  });
  if (created) {
    // counts come from the server: a new comment may sit on a paragraph of an older version
    void queryClient.invalidateQueries({ queryKey: queryKeys.commentCounts(comment.meetingId, comment.documentId), exact: true });
  }
}
