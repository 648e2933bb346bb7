import { createMeetingRequest } from '@hopso/shared';
import { defaultMeetingFormValues, formValuesToFields, meetingToFormValues } from './meetingFormValues';

describe('meeting form values', () => {
  it('suggests release before the deadline before the session, on the council\'s days', () => {
    const v = defaultMeetingFormValues(new Date('2025-07-01T03:30:00Z'));
    expect(v.startsAt).toBe('2025-07-08T08:00');
    expect(v.releaseAt).toBe('2025-07-05T08:00');
    expect(v.commentDeadline).toBe('2025-07-07T17:00');
  });

  it('produces fields the shared schema accepts', () => {
    const fields = formValuesToFields({ ...defaultMeetingFormValues(new Date(2025, 6, 1)), title: 'Kỳ họp thứ 7, HĐND xã Tân Phú khóa XXI' });
    const parsed = createMeetingRequest.safeParse({ councilId: '3f1c1d6e-8a4b-4c1e-9a1f-2b3c4d5e6f70', ...fields });
    expect(parsed.success).toBe(true);
  });

  it('round-trips a meeting through the form', () => {
    const fields = formValuesToFields({
      title: 'Phiên họp',
      kind: 'sitting',
      location: 'Hội trường UBND xã',
      startsAt: '2025-07-10T08:00',
      releaseAt: '2025-07-05T08:00',
      commentDeadline: '2025-07-09T17:00',
    });
    const values = meetingToFormValues({
      id: 'm',
      councilId: 'c',
      councilName: 'HĐND xã', councilTimeZone: 'Asia/Ho_Chi_Minh',
      status: 'draft',
      myRole: 'secretary',
      released: false,
      currentAgendaItemId: null,
      ...fields,
    });
    expect(values.startsAt).toBe('2025-07-10T08:00');
    expect(values.commentDeadline).toBe('2025-07-09T17:00');
  });

  it('reads and shows times on the council\'s clock whatever the browser\'s zone', () => {
    const base = { title: 'Phiên họp', kind: 'sitting' as const, location: '', releaseAt: '2025-07-05T08:00', commentDeadline: '2025-07-09T17:00' };
    expect(formValuesToFields({ ...base, startsAt: '2025-07-10T08:00' }, 'Asia/Ho_Chi_Minh').startsAt).toBe('2025-07-10T08:00:00+07:00');
    expect(formValuesToFields({ ...base, startsAt: '2025-07-10T08:00' }, 'Europe/Paris').startsAt).toBe('2025-07-10T08:00:00+02:00');
    expect(formValuesToFields({ ...base, startsAt: '2025-01-10T08:00' }, 'Europe/Paris').startsAt).toBe('2025-01-10T08:00:00+01:00');
    // 22:30 in Hanoi on the 1st is still the 1st in Paris: the suggested days count from the council's day
    expect(defaultMeetingFormValues(new Date('2025-07-01T20:30:00Z'), 'Asia/Ho_Chi_Minh').startsAt).toBe('2025-07-09T08:00');
    expect(defaultMeetingFormValues(new Date('2025-07-01T20:30:00Z'), 'Europe/Paris').startsAt).toBe('2025-07-08T08:00');
  });

  it('leaves an empty datetime empty for the schema to report', () => {
    expect(formValuesToFields({ ...defaultMeetingFormValues(), startsAt: '' }).startsAt).toBe('');
  });
});
