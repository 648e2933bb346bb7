import type { AppNotification } from '@hopso/shared';
import { notificationTarget, withNotification } from './notificationTarget';

const n = (over: Partial<AppNotification>): AppNotification => ({
  id: 'n1',
  kind: 'document.released',
  meetingId: 'm1',
  refId: 'd1',
  params: { title: 'Tờ trình', meetingTitle: 'Kỳ họp' },
  createdAt: '2026-12-01T00:00:00.000Z',
  readAt: null,
  ...over,
});

describe('notificationTarget', () => {
  it('opens the document, the group room, my comments or the meeting', () => {
    expect(notificationTarget(n({}))).toBe('/documents/d1');
    expect(notificationTarget(n({ kind: 'breakout.started', refId: 'g1' }))).toBe('/meetings/m1/groups/g1');
    expect(notificationTarget(n({ kind: 'comment.replied', refId: 'c1', params: { title: 'x', meetingTitle: 'y', documentId: 'd1' } }))).toBe('/meetings/m1/my-comments');
    expect(notificationTarget(n({ kind: 'vote.opened', refId: 'v1' }))).toBe('/meetings/m1');
  });
});

describe('withNotification', () => {
  it('puts a new one first and counts it unread, once', () => {
    const list = { items: [n({ id: 'old', readAt: '2026-12-01T00:00:00.000Z' })], unread: 0 };
    const next = withNotification(list, n({ id: 'new' }))!;
    expect(next.items.map((x) => x.id)).toEqual(['new', 'old']);
    expect(next.unread).toBe(1);
    expect(withNotification(next, n({ id: 'new' }))).toBe(next);
    expect(withNotification(undefined, n({}))).toBeUndefined();
  });
});
