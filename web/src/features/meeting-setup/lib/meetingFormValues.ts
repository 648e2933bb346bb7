import { DEFAULT_TIME_ZONE, type MeetingKind, type MeetingSummary } from '@hopso/shared';
import { isoToZonedInput, zonedInputToIso } from '../../../lib/datetime';

/** What the meeting form holds: datetimes as wall times on the council's clock ("2025-07-10T08:00"). */
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

const pad = (n: number) => String(n).padStart(2, '0');

/** The council's day `dayOffset` days after `base`'s, at `hour`:00 on its clock. */
function atCouncilDay(base: Date, dayOffset: number, hour: number, timeZone: string): string {
  const [y, m, d] = isoToZonedInput(base.toISOString(), timeZone).slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d + dayOffset));
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T${pad(hour)}:00`;
}

/**
 * A new meeting's suggested times, as a secretariat usually sets them: the session a week ahead at
 * 08:00, documents released three days before, comments until 17:00 the day before.
 */
export function defaultMeetingFormValues(now: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE): MeetingFormValues {
  return {
    title: '',
    kind: 'session',
    location: '',
    startsAt: atCouncilDay(now, 7, 8, timeZone),
    releaseAt: atCouncilDay(now, 4, 8, timeZone),
    commentDeadline: atCouncilDay(now, 6, 17, timeZone),
  };
}

export function meetingToFormValues(meeting: MeetingSummary): MeetingFormValues {
  const zone = meeting.councilTimeZone;
  return {
    title: meeting.title,
    kind: meeting.kind,
    location: meeting.location,
    startsAt: isoToZonedInput(meeting.startsAt, zone),
    releaseAt: isoToZonedInput(meeting.releaseAt, zone),
    commentDeadline: isoToZonedInput(meeting.commentDeadline, zone),
  };
}

/** Form values (on the council's clock) → request fields; an unreadable datetime becomes '' so the schema reports it. */
export function formValuesToFields(values: MeetingFormValues, timeZone: string = DEFAULT_TIME_ZONE): MeetingFields {
  return {
    title: values.title,
    kind: values.kind,
    location: values.location,
    startsAt: zonedInputToIso(values.startsAt, timeZone) ?? '',
    releaseAt: zonedInputToIso(values.releaseAt, timeZone) ?? '',
    commentDeadline: zonedInputToIso(values.commentDeadline, timeZone) ?? '',
  };
}
