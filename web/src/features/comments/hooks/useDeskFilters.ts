import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { COMMENT_STATUSES, type CommentFilters, type CommentStatus } from '@hopso/shared';
import { normalizeCommentFilters } from '../lib/commentFilters';

/** URL parameter for each filter, so a filtered desk can be bookmarked, shared and left with Back. */
const PARAMS = { agendaItemId: 'item', documentId: 'doc', paragraphId: 'para', status: 'status', authorId: 'by', q: 'q' } as const;
export type DeskFilterName = keyof typeof PARAMS;

function isStatus(value: string | null): value is CommentStatus {
  return value !== null && (COMMENT_STATUSES as readonly string[]).includes(value);
}

export function useDeskFilters() {
  const [params, setParams] = useSearchParams();
  const filters: CommentFilters = useMemo(() => {
    const status = params.get(PARAMS.status);
    return normalizeCommentFilters({
      agendaItemId: params.get(PARAMS.agendaItemId),
      documentId: params.get(PARAMS.documentId),
      paragraphId: params.get(PARAMS.paragraphId),
      status: isStatus(status) ? status : null,
      authorId: params.get(PARAMS.authorId),
      q: params.get(PARAMS.q),
    });
  }, [params]);

  /** Sets some filters (empty string or null clears one); the rest stay. */
  const setFilters = useCallback(
    (changes: Partial<Record<DeskFilterName, string | null>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(changes) as [DeskFilterName, string | null][]) {
            if (value) next.set(PARAMS[name], value);
            else next.delete(PARAMS[name]);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clearFilters = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, setFilters, clearFilters };
}
