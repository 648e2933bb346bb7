import type { MeetingSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';

/** Council, time, place and the document release line of a meeting, as a definition list. */
export function MeetingFacts({ meeting, showDeadline = false }: { meeting: MeetingSummary; showDeadline?: boolean }) {
  const { t } = useI18n();
  const when = useDateTime(meeting.councilTimeZone);
  return (
    <dl className="meeting-facts">
      <div>
        <dt>{t.meetings.council}</dt>
        <dd>{meeting.councilName}</dd>
      </div>
      <div>
        <dt>{t.meetings.startsAt}</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{when(meeting.startsAt)}</time>
        </dd>
      </div>
      <div>
        <dt>{t.meetings.location}</dt>
        <dd>{meeting.location || <span className="muted">{t.meetings.noLocation}</span>}</dd>
      </div>
      {showDeadline && (
        <div>
          <dt>{t.meetings.commentDeadline}</dt>
          <dd>
            <time dateTime={meeting.commentDeadline}>{when(meeting.commentDeadline)}</time>
          </dd>
        </div>
      )}
    </dl>
  );
}
