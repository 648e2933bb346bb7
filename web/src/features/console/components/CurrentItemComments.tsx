import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { AgendaItem } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { CommentCard } from '../../comments/components/CommentCard';
import { useMeetingComments } from '../../comments/hooks/useMeetingComments';
import { useNewIds } from '../../desk/hooks/useNewIds';

/** The comments on the item under discussion, arriving live; triage stays on the desk. */
export function CurrentItemComments({ meetingId, item, number }: { meetingId: string; item: AgendaItem | null; number: number }) {
  const { t } = useI18n();
  const filters = useMemo(() => (item ? { agendaItemId: item.id } : {}), [item]);
  const comments = useMeetingComments(meetingId, filters, Boolean(item));
  const ids = useMemo(() => (comments.isPlaceholderData ? undefined : comments.data?.map((c) => c.id)), [comments.data, comments.isPlaceholderData]);
  const fresh = useNewIds(ids, item?.id ?? '');

  return (
    <section className="card console-section" aria-labelledby="console-comments-heading" data-testid="console-comments">
      <h2 id="console-comments-heading">
        {t.console.currentComments}
        {item && comments.data && <span className="muted"> · {t.desk.commentCount(comments.data.length)}</span>}
      </h2>
      <p className="visually-hidden" aria-live="polite">
        {fresh.size > 0 ? t.desk.newArrived(fresh.size) : ''}
      </p>
      {!item && <p className="muted">{t.console.chooseItemForComments}</p>}
      {item && comments.isPending && <LoadingState />}
      {item && comments.isError && <ErrorMessage error={comments.error} onRetry={() => void comments.refetch()} />}
      {item && comments.data?.length === 0 && <p className="empty-state">{t.console.noCurrentComments}</p>}
      {item && comments.data && comments.data.length > 0 && (
        <ol className="comment-feed console-comment-feed">
          {comments.data.map((c) => (
            <CommentCard key={c.id} variant="feed" comment={c} agendaLabel={t.meeting.itemNumber(number)} isNew={fresh.has(c.id)} />
          ))}
        </ol>
      )}
      {item && (
        <p className="console-desk-link">
          <Link to={`/meetings/${meetingId}/desk?item=${item.id}`}>{t.console.triageAtDesk} →</Link>
        </p>
      )}
    </section>
  );
}
