import { changePasswordRequest, createMeetingRequest, createUserRequest, loginRequest, PASSWORD_MIN_LENGTH } from '@hopso/shared';
import { dictionaries } from '../i18n/dictionaries';
import { fieldErrors } from './formErrors';

const vi = dictionaries.vi;

describe('fieldErrors', () => {
  it('asks for the missing login fields in Vietnamese', () => {
    const result = loginRequest.safeParse({ login: '  ', password: '' });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error?.issues ?? [], vi)).toEqual({ login: vi.validation.required, password: vi.validation.required });
  });

  it('explains username, phone and password rules', () => {
    const result = createUserRequest.safeParse({ username: 'Nguyễn', fullName: 'A', phone: '12', password: 'short' });
    const errors = fieldErrors(result.error?.issues ?? [], vi);
    expect(errors.username).toBe(vi.validation.invalidUsername);
    expect(errors.phone).toBe(vi.validation.invalidPhone);
    expect(errors.password).toBe(vi.validation.tooShort(PASSWORD_MIN_LENGTH));
  });

  it('refuses a common new password with the Vietnamese reason', () => {
    const result = changePasswordRequest.safeParse({ currentPassword: '', newPassword: 'matkhau123' });
    expect(fieldErrors(result.error?.issues ?? [], vi)).toEqual({ currentPassword: vi.validation.required, newPassword: vi.validation.commonPassword });
  });

  it('compares the release time and the deadline as instants, whatever their UTC offsets', () => {
    const meeting = { councilId: '3f1c1d6e-8a4b-4c1e-9a1f-2b3c4d5e6f70', title: 'Kỳ họp thứ 7', startsAt: '2025-07-10T08:00:00+07:00' };
    // 08:00+07:00 is 01:00Z: a deadline at 02:00Z is after it, although its text sorts before
    expect(createMeetingRequest.safeParse({ ...meeting, releaseAt: '2025-07-05T08:00:00+07:00', commentDeadline: '2025-07-05T02:00:00Z' }).success).toBe(true);
    const before = createMeetingRequest.safeParse({ ...meeting, releaseAt: '2025-07-05T02:00:00Z', commentDeadline: '2025-07-05T08:00:00+07:00' });
    expect(fieldErrors(before.error?.issues ?? [], vi)).toEqual({ commentDeadline: vi.validation.deadlineBeforeRelease });
  });

  it('reports a comment deadline before the release time', () => {
    const result = createMeetingRequest.safeParse({
      councilId: '3f1c1d6e-8a4b-4c1e-9a1f-2b3c4d5e6f70',
      title: 'Kỳ họp thứ 7',
      startsAt: '2025-07-10T08:00:00+07:00',
      releaseAt: '2025-07-05T08:00:00+07:00',
      commentDeadline: '2025-07-04T08:00:00+07:00',
    });
    expect(fieldErrors(result.error?.issues ?? [], vi)).toEqual({ commentDeadline: vi.validation.deadlineBeforeRelease });
  });

  it('asks for a date when a datetime is empty', () => {
    const result = createMeetingRequest.safeParse({
      councilId: '3f1c1d6e-8a4b-4c1e-9a1f-2b3c4d5e6f70',
      title: 'Kỳ họp thứ 7',
      startsAt: '',
      releaseAt: '2025-07-05T08:00:00+07:00',
      commentDeadline: '2025-07-06T08:00:00+07:00',
    });
    expect(fieldErrors(result.error?.issues ?? [], vi).startsAt).toBe(vi.validation.invalidDateTime);
  });
});
