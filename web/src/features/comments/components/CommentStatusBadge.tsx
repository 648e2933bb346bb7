import type { CommentStatus } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import './comments.css';

const ICONS: Record<CommentStatus, string> = { sent: '✉', received: '◉', accepted: '✓', answered: '↩', declined: '✕' };

export function CommentStatusBadge({ status }: { status: CommentStatus }) {
  const { t } = useI18n();
  return (
    // the icon is drawn by CSS (comments.css), so the badge's text is its word alone
    <span className={`badge comment-status-${status}`} data-testid="comment-status" data-status={status} data-icon={ICONS[status]}>
      {t.commentStatus[status]}
    </span>
  );
}
