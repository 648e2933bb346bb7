import { commentWindow, windowFromRefusal } from './comment-window';

const meeting = { releaseAt: '2026-11-20T01:00:00.000Z', commentDeadline: '2026-11-25T10:00:00.000Z', status: 'published' as const };

describe('commentWindow', () => {
  it('is open from the release time to the deadline', () => {
    expect(commentWindow(meeting, new Date('2026-11-19T23:00:00Z')).state).toBe('not-open');
    expect(commentWindow(meeting, new Date('2026-11-22T08:00:00Z')).state).toBe('open');
    expect(commentWindow(meeting, new Date('2026-11-25T10:00:01Z')).state).toBe('closed');
  });

  it('is closed once the meeting has ended, whatever the deadline', () => {
    expect(commentWindow({ ...meeting, status: 'closed' }, new Date('2026-11-22T08:00:00Z')).state).toBe('closed');
  });

  it("follows the server's refusal over this device's clock", () => {
    const open = commentWindow(meeting, new Date('2026-11-22T08:00:00Z'));
    expect(windowFromRefusal(open, 'COMMENTS_CLOSED').state).toBe('closed');
    expect(windowFromRefusal(open, 'COMMENTS_NOT_OPEN').state).toBe('not-open');
    expect(windowFromRefusal(open, 'INVALID_ANCHOR').state).toBe('open');
  });
});
