import { Link } from 'react-router-dom';
import type { MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useSessionStatus } from '../hooks/useSessionStatus';
import { useConfirm } from '../../../ui/useConfirm';

/** Start session / end session, each confirmed; draft and closed meetings say why there is no button. */
export function SessionControls({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const change = useSessionStatus(meeting.id);
  const confirm = useConfirm();
  return (
    <div className="session-controls" data-testid="session-controls">
      {meeting.status === 'draft' && (
        <p className="alert alert-warning">
          {t.console.draftNote} <Link to={`/meetings/${meeting.id}/setup`}>{t.meeting.setupLink}</Link>
        </p>
      )}
      {meeting.status === 'published' && (
        <button
          type="button"
          className="button button-primary button-big"
          disabled={change.isPending}
          onClick={() =>
            confirm.ask({ title: t.chairHall.title, message: t.console.startConfirm, confirmLabel: t.chairHall.transition.in_session, testId: 'session-start-dialog', onConfirm: () => change.mutate('in_session') })
          }
          data-testid="session-start"
        >
          ▶ {t.console.start}
        </button>
      )}
      {meeting.status === 'in_session' && (
        <button
          type="button"
          className="button button-danger button-big"
          disabled={change.isPending}
          onClick={() =>
            confirm.ask({ title: t.chairHall.title, message: t.console.endConfirm, confirmLabel: t.chairHall.transition.closed, testId: 'session-end-dialog', onConfirm: () => change.mutate('closed') })
          }
          data-testid="session-end"
        >
          ■ {t.console.end}
        </button>
      )}
      {meeting.status === 'closed' && <p className="muted">{t.console.closedNote}</p>}
      {change.isError && <ErrorMessage error={change.error} />}
      {confirm.dialog}
    </div>
  );
}
