import { accountCan, accountRoleOf, adminCan, canWriteGroupReport, councilCan, councilRoleOf } from './roles';

describe('the permission table beyond one meeting', () => {
  it('lets only an administrator manage accounts and councils', () => {
    expect(accountCan(accountRoleOf(true, false), 'users.manage')).toBe(true);
    expect(accountCan(accountRoleOf(false, true), 'users.manage')).toBe(false);
    expect(accountCan(accountRoleOf(false, false), 'users.manage')).toBe(false);
  });

  it('shows phone numbers and the people search to administrators and secretariats only', () => {
    for (const action of ['users.search', 'users.readPhone'] as const) {
      expect([accountRoleOf(true, false), accountRoleOf(false, true), accountRoleOf(false, false)].map((r) => accountCan(r, action))).toEqual([true, true, false]);
    }
  });

  it('lets a council’s secretariat read it and create its meetings, and only an administrator set its defaults', () => {
    const [admin, staff, none] = [councilRoleOf(true, false), councilRoleOf(false, true), councilRoleOf(false, false)];
    expect([admin, staff, none].map((r) => councilCan(r, 'council.read'))).toEqual([true, true, false]);
    expect([admin, staff, none].map((r) => councilCan(r, 'council.createMeeting'))).toEqual([true, true, false]);
    expect([admin, staff, none].map((r) => councilCan(r, 'council.setDefaults'))).toEqual([true, false, false]);
  });

  it('gives an administrator setup rights on a meeting but not its documents or comments', () => {
    expect(adminCan(true, 'meeting.update')).toBe(true);
    expect(adminCan(true, 'participants.readContacts')).toBe(true);
    expect(adminCan(true, 'documents.readReleased')).toBe(false);
    expect(adminCan(true, 'comments.readAll')).toBe(false);
    expect(adminCan(false, 'meeting.read')).toBe(false);
  });

  it('lets the group leader write the report, and staff who manage breakouts, but no other member', () => {
    expect(canWriteGroupReport('delegate', true)).toBe(true);
    expect(canWriteGroupReport('delegate', false)).toBe(false);
    expect(canWriteGroupReport('secretary', false)).toBe(true);
    expect(canWriteGroupReport('observer', false)).toBe(false);
  });
});
