import { createMeetingRequest, createUserRequest, loginRequest, PASSWORD_MIN_LENGTH } from '@hopso/shared';
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
