import type { Breakout, MeetingEvent, MeetingRole } from '@hopso/shared';
import { viewOf, type StoredEvent, type Viewer } from './event-visibility';

const M = 'm1';
const open = { status: 'in_session' as const, releaseAt: new Date(Date.now() - 3600_000) };
const notYet = { status: 'published' as const, releaseAt: new Date(Date.now() + 3600_000) };
const user = (role: MeetingRole | null, extra: Partial<Extract<Viewer, { kind: 'user' }>> = {}): Viewer => ({
  kind: 'user',
  userId: 'me',
  role,
  isAdmin: false,
  groupIds: new Set(),
  ...extra,
});
const ev = (type: MeetingEvent['type'], payload: unknown, audience: StoredEvent['audience'] = { to: 'all' }): StoredEvent => ({
  event: { meetingId: M, seq: 1, type, at: '', payload } as MeetingEvent,
  audience,
});
const breakout: Breakout = {
  meetingId: M,
  agendaItemId: 'a1',
  status: 'running',
  startedAt: null,
  endedAt: null,
  endsAt: null,
  groups: [
    { id: 'g1', meetingId: M, agendaItemId: 'a1', name: 'Tổ 1', leaderId: 'me', memberIds: ['me'], documentIds: [], report: { text: 'nháp', submittedAt: null, updatedAt: '' }, messageCount: 2, lastMessageAt: null },
    { id: 'g2', meetingId: M, agendaItemId: 'a1', name: 'Tổ 2', leaderId: 'x', memberIds: ['x'], documentIds: [], report: { text: 'xong', submittedAt: '2026-01-01T00:00:00Z', updatedAt: '' }, messageCount: 1, lastMessageAt: null },
  ],
};

describe('viewOf: one visibility rule', () => {
  const doc = ev('document.changed', { document: { id: 'd1', title: 'Bí mật', state: 'released', releaseAt: null } });
  it('shows document news to delegates only while released, never to a non-participant administrator or the hall', () => {
    expect(viewOf(doc, user('delegate'), open)).not.toBeNull();
    expect(viewOf(doc, user('delegate'), notYet)).toBeNull();
    expect(viewOf(doc, user('secretary'), notYet)).not.toBeNull();
    expect(viewOf(doc, user(null, { isAdmin: true }), open)).toBeNull();
    expect(viewOf(doc, { kind: 'display' }, open)).toBeNull();
  });

  it("keeps a draft document's news, and one released for later, from delegates and observers, not from the staff", () => {
    const draft = ev('document.changed', { document: { id: 'd2', title: 'Nháp', state: 'draft', releaseAt: null } });
    const later = ev('document.changed', { document: { id: 'd3', title: 'Hẹn giờ', state: 'released', releaseAt: new Date(Date.now() + 3600_000).toISOString() } });
    for (const e of [draft, later]) {
      expect(viewOf(e, user('delegate'), open)).toBeNull();
      expect(viewOf(e, user('observer'), open)).toBeNull();
      expect(viewOf(e, user('secretary'), open)).not.toBeNull();
      expect(viewOf(e, user('chair'), open)).not.toBeNull();
    }
    const due = ev('document.changed', { document: { id: 'd4', title: 'Đến giờ', state: 'released', releaseAt: new Date(Date.now() - 1000).toISOString() } });
    expect(viewOf(due, user('delegate'), open)).not.toBeNull();
  });

  it('shows a delegate their own groups only, and the hall no draft report', () => {
    const b = ev('breakout.changed', { breakout });
    const mine = viewOf(b, user('delegate'), open) as Extract<MeetingEvent, { type: 'breakout.changed' }>;
    expect(mine.payload.breakout.groups.map((g) => g.id)).toEqual(['g1']);
    const hall = viewOf(b, { kind: 'display' }, open) as Extract<MeetingEvent, { type: 'breakout.changed' }>;
    expect(hall.payload.breakout.groups.map((g) => g.report?.text ?? null)).toEqual([null, 'xong']);
  });

  it('shows a comment to staff and its author only, and group messages to members and staff only', () => {
    const c = ev('comment.created', { comment: {} }, { to: 'staff', userIds: ['me'] });
    expect(viewOf(c, user('delegate'), open)).not.toBeNull();
    expect(viewOf(c, user('delegate', { userId: 'other' }), open)).toBeNull();
    const m = ev('group.message', { message: { groupId: 'g1' } }, { to: 'group', groupId: 'g1' });
    expect(viewOf(m, user('delegate', { groupIds: new Set(['g1']) }), open)).not.toBeNull();
    expect(viewOf(m, user('delegate', { groupIds: new Set(['g2']) }), open)).toBeNull();
    expect(viewOf(m, user('chair'), open)).not.toBeNull();
    expect(viewOf(m, user(null, { isAdmin: true }), open)).toBeNull();
  });

  it('shows nothing to someone who no longer takes part', () => {
    expect(viewOf(ev('meeting.updated', {}), user(null), open)).toBeNull();
  });
});
