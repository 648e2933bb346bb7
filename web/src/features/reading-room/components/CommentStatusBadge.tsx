import type { CommentStatus } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';

export function CommentStatusBadge({ status }: { status: CommentStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-comment-${status}`} data-testid="comment-status" data-status={status}>
      {t.commentStatus[status]}
    </span>
  );
}
