import type { MeetingStatus } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';

const ICONS: Record<MeetingStatus, string> = { draft: '✎', published: '◉', in_session: '●', closed: '■' };

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${status}`} data-testid="meeting-status" data-status={status}>
      <span aria-hidden="true">{ICONS[status]}</span>
      {t.meetingStatus[status]}
    </span>
  );
}
