import type { MeetingSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { formatDateTime } from '../../../lib/datetime';

/** Council, time, place and the document release line of a meeting, as a definition list. */
export function MeetingFacts({ meeting, showDeadline = false }: { meeting: MeetingSummary; showDeadline?: boolean }) {
  const { t, language } = useI18n();
  return (
    <dl className="meeting-facts">
      <div>
        <dt>{t.meetings.council}</dt>
        <dd>{meeting.councilName}</dd>
      </div>
      <div>
        <dt>{t.meetings.startsAt}</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt, language)}</time>
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
            <time dateTime={meeting.commentDeadline}>{formatDateTime(meeting.commentDeadline, language)}</time>
          </dd>
        </div>
      )}
    </dl>
  );
}
