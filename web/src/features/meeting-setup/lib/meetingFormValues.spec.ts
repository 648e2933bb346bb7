import { createMeetingRequest } from '@hopso/shared';
import { defaultMeetingFormValues, formValuesToFields, meetingToFormValues } from './meetingFormValues';

describe('meeting form values', () => {
  it('suggests release before the deadline before the session', () => {
    const v = defaultMeetingFormValues(new Date(2025, 6, 1, 10, 30));
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

  it('leaves an empty datetime empty for the schema to report', () => {
    expect(formValuesToFields({ ...defaultMeetingFormValues(), startsAt: '' }).startsAt).toBe('');
  });
});
