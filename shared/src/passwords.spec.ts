import { changePasswordRequest, isCommonPassword, PASSWORD_MIN_LENGTH } from './passwords';

describe('the password rule', () => {
  it.each(['matkhau123', 'MatKhau123', '1234567890', 'qwertyuiop', 'Q W E R T Y U I O P', 'aaaaaaaaaaaa', 'abcabcabcabc', '9876543210', 'hopso12345'])('calls %s common', (p) => {
    expect(isCommonPassword(p)).toBe(true);
  });

  it.each(['mot-cau-dai-moi-2026', 'test-password-1', 'Lúa chín vàng đồng'])('accepts %s', (p) => {
    expect(isCommonPassword(p)).toBe(false);
    expect(changePasswordRequest.safeParse({ currentPassword: 'x', newPassword: p }).success).toBe(true);
  });

  it('asks for the minimum length and marks a common password for the form', () => {
    const short = changePasswordRequest.safeParse({ currentPassword: 'x', newPassword: 'ngan' });
    expect(short.error?.issues[0]).toMatchObject({ code: 'too_small', minimum: PASSWORD_MIN_LENGTH, path: ['newPassword'] });
    const common = changePasswordRequest.safeParse({ currentPassword: 'x', newPassword: 'matkhau123' });
    expect(common.error?.issues[0]).toMatchObject({ code: 'custom', params: { reason: 'commonPassword' }, path: ['newPassword'] });
  });
});
