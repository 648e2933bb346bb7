import type { CommentStatus } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';

const ICONS: Record<CommentStatus, string> = { sent: '✉', received: '◉', accepted: '✓', answered: '↩', declined: '✕' };

export function CommentStatusBadge({ status }: { status: CommentStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge comment-status-${status}`} data-testid="comment-status" data-status={status}>
      <span aria-hidden="true">{ICONS[status]}</span>
      {t.commentStatus[status]}
    </span>
  );
}
