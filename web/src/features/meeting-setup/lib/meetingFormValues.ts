import type { MeetingKind, MeetingSummary } from '@hopso/shared';
import { isoToLocalInput, localInputToIso } from '../../../lib/datetime';

/** What the meeting form holds: datetimes as `<input type="datetime-local">` values. */
export interface MeetingFormValues {
  title: string;
  kind: MeetingKind;
  location: string;
  startsAt: string;
  releaseAt: string;
  commentDeadline: string;
}

export interface MeetingFields {
  title: string;
  kind: MeetingKind;
  location: string;
  startsAt: string;
  releaseAt: string;
  commentDeadline: string;
}

function atLocal(base: Date, dayOffset: number, hour: number): string {
  const d = new Date(base.getFullYear(), base.getMonth(), base.getDate() + dayOffset, hour, 0, 0);
  return isoToLocalInput(d.toISOString());
}

/**
 * A new meeting's suggested times, as a secretariat usually sets them: the session a week ahead at
 * 08:00, documents released three days before, comments until 17:00 the day before.
 */
export function defaultMeetingFormValues(now: Date = new Date()): MeetingFormValues {
  return {
    title: '',
    kind: 'session',
    location: '',
    startsAt: atLocal(now, 7, 8),
    releaseAt: atLocal(now, 4, 8),
    commentDeadline: atLocal(now, 6, 17),
  };
}

export function meetingToFormValues(meeting: MeetingSummary): MeetingFormValues {
  return {
    title: meeting.title,
    kind: meeting.kind,
    location: meeting.location,
    startsAt: isoToLocalInput(meeting.startsAt),
    releaseAt: isoToLocalInput(meeting.releaseAt),
    commentDeadline: isoToLocalInput(meeting.commentDeadline),
  };
}

/** Form values → request fields; an unreadable datetime becomes '' so the schema reports it. */
export function formValuesToFields(values: MeetingFormValues): MeetingFields {
  return {
    title: values.title,
    kind: values.kind,
    location: values.location,
    startsAt: localInputToIso(values.startsAt) ?? '',
    releaseAt: localInputToIso(values.releaseAt) ?? '',
    commentDeadline: localInputToIso(values.commentDeadline) ?? '',
  };
}
