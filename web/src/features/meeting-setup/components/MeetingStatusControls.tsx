import { MEETING_TRANSITIONS, type MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { MeetingStatusBadge } from '../../meetings/components/MeetingStatusBadge';
import { useChangeMeetingStatus } from '../hooks/useChangeMeetingStatus';
import { useConfirm } from '../../../ui/useConfirm';

/** One button per allowed move from the current status (MEETING_TRANSITIONS), each confirmed first. */
export function MeetingStatusControls({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const change = useChangeMeetingStatus(meeting.id);
  const confirm = useConfirm();
  const next = MEETING_TRANSITIONS[meeting.status];
  return (
    <section className="card section" aria-labelledby="status-heading" data-testid="status-controls">
      <h2 id="status-heading">{t.setup.changeStatus}</h2>
      <p>
        {t.setup.status}: <MeetingStatusBadge status={meeting.status} />
      </p>
      {change.isError && <ErrorMessage error={change.error} />}
      {next.length === 0 ? (
        <p className="muted">{t.setup.noTransition}</p>
      ) : (
        <div className="button-row">
          {next.map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'draft' ? 'button button-secondary' : 'button button-primary'}
              disabled={change.isPending}
              onClick={() =>
                confirm.ask({ title: t.chairHall.title, message: t.meetingTransitionConfirm[to], confirmLabel: t.chairHall.transition[to], testId: 'status-dialog', onConfirm: () => change.mutate(to) })
              }
              data-testid={`status-to-${to}`}
            >
              {t.meetingTransition[to]}
            </button>
          ))}
        </div>
      )}
      {confirm.dialog}
    </section>
  );
}
