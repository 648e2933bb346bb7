import { MINUTES_STATUSES, type MeetingEvent, type MeetingRole, type MinutesStatus, type MinutesSummary } from '@hopso/shared';
import { viewOf, type StoredEvent, type Viewer } from '../../events/event-visibility';

const open = { status: 'in_session' as const, releaseAt: new Date(Date.now() - 3600_000) };
const user = (role: MeetingRole | null, isAdmin = false): Viewer => ({ kind: 'user', userId: 'me', role, isAdmin, groupIds: new Set() });
const summary = (status: MinutesStatus): MinutesSummary => ({
  id: 'n1',
  meetingId: 'm1',
  sittingId: null,
  title: 'Kỳ họp thứ nhất',
  status,
  version: 3,
  frozen: status === 'final',
  returnNote: status === 'returned' ? 'Bổ sung.' : '',
  updatedAt: '2026-12-01T08:00:00Z',
  finalizedAt: status === 'final' ? '2026-12-01T08:00:00Z' : null,
});
const changed = (status: MinutesStatus): StoredEvent => ({
  event: { meetingId: 'm1', seq: 7, type: 'minutes.changed', at: '', payload: { minutes: summary(status) } } as MeetingEvent,
  audience: { to: 'all' },
});
const sees = (viewer: Viewer) => MINUTES_STATUSES.filter((s) => viewOf(changed(s), viewer, open) !== null);

describe('minutes.changed: who hears of the minutes', () => {
  it('tells the secretariat and the chair every step, the chair each submission', () => {
    expect(sees(user('secretary'))).toEqual(['draft', 'submitted', 'returned', 'final']);
    expect(sees(user('chair'))).toEqual(['draft', 'submitted', 'returned', 'final']);
  });

  it('tells delegates and observers of the final minutes only, as GET /minutes shows them', () => {
    expect(sees(user('delegate'))).toEqual(['final']);
    expect(sees(user('observer'))).toEqual(['final']);
  });

  it('tells an official, a non-participant administrator and the hall screen nothing', () => {
    expect(sees(user('official'))).toEqual([]);
    expect(sees(user(null, true))).toEqual([]);
    expect(sees(user(null))).toEqual([]);
    expect(MINUTES_STATUSES.filter((s) => viewOf(changed(s), { kind: 'display' }, open) !== null)).toEqual([]);
  });
});
