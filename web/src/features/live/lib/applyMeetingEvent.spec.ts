import { QueryClient } from '@tanstack/react-query';
import type { Comment, CommentStatus, MeetingDetail, MeetingEvent } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { applyMeetingEvent } from './applyMeetingEvent';
import { matchesCommentFilters, normalizeCommentFilters } from '../../comments/lib/commentFilters';

const MEETING = 'm1';
const ITEM_A = 'a';
const ITEM_B = 'b';

function comment(id: string, overrides: Partial<Comment> = {}): Comment {
  return {
    id,
    clientId: `c-${id}`,
    meetingId: MEETING,
    documentId: 'd1',
    documentTitle: 'Dự thảo Nghị quyết',
    agendaItemId: ITEM_A,
    authorId: 'u1',
    authorName: 'Đại biểu Một',
    anchor: { versionId: 'v1', paragraphId: 'p1', quote: { exact: 'Điều 1', prefix: '', suffix: '' }, rects: [{ page: 1, x: 0, y: 0, w: 1, h: 1 }], detached: false },
    paragraphIndex: 0,
    paragraphLabel: null,
    body: 'Góp ý',
    status: 'sent',
    reply: '',
    writtenAt: '2026-01-01T08:00:00Z',
    createdAt: `2026-01-01T08:00:0${id.length}Z`,
    updatedAt: '2026-01-01T08:00:00Z',
    messages: [],
    resolvedAt: null,
    ...overrides,
  };
}

const created = (c: Comment, seq = 1): MeetingEvent => ({ meetingId: MEETING, seq, type: 'comment.created', at: c.createdAt, payload: { comment: c } });
const updated = (c: Comment, seq = 2): MeetingEvent => ({ meetingId: MEETING, seq, type: 'comment.updated', at: c.updatedAt, payload: { comment: c } });

function meeting(): MeetingDetail {
  return {
    id: MEETING,
    councilId: 'c',
    councilName: 'HĐND xã Yên Hòa', councilTimeZone: 'Asia/Ho_Chi_Minh',
    title: 'Kỳ họp thứ mười hai',
    kind: 'session',
    status: 'published',
    location: '',
    startsAt: '2026-01-02T08:00:00Z',
    releaseAt: '2026-01-01T00:00:00Z',
    commentDeadline: '2026-01-01T20:00:00Z',
    myRole: 'delegate',
    released: true,
    currentAgendaItemId: null,
    agenda: [],
  };
}

describe('applyMeetingEvent', () => {
  it('moves the current agenda item and the status of the cached meeting and meeting list', () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.meeting(MEETING), meeting());
    qc.setQueryData(queryKeys.meetings, [meeting()]);
    applyMeetingEvent(qc, { meetingId: MEETING, seq: 1, type: 'meeting.updated', at: '', payload: { meetingId: MEETING, status: 'in_session', currentAgendaItemId: ITEM_B } });
    expect(qc.getQueryData<MeetingDetail>(queryKeys.meeting(MEETING))).toMatchObject({ status: 'in_session', currentAgendaItemId: ITEM_B });
    expect(qc.getQueryData<MeetingDetail[]>(queryKeys.meetings)?.[0]).toMatchObject({ status: 'in_session', currentAgendaItemId: ITEM_B });
  });

  it('puts a new comment at the top of every list whose filters it matches, and nowhere else', () => {
    const qc = new QueryClient();
    const all = queryKeys.meetingComments(MEETING, {});
    const itemA = queryKeys.meetingComments(MEETING, { agendaItemId: ITEM_A });
    const itemB = queryKeys.meetingComments(MEETING, { agendaItemId: ITEM_B });
    const older = comment('x');
    qc.setQueryData(all, [older]);
    qc.setQueryData(itemA, []);
    qc.setQueryData(itemB, []);

    const fresh = comment('newer');
    applyMeetingEvent(qc, created(fresh));
    expect(qc.getQueryData<Comment[]>(all)?.map((c) => c.id)).toEqual(['newer', 'x']);
    expect(qc.getQueryData<Comment[]>(itemA)?.map((c) => c.id)).toEqual(['newer']);
    expect(qc.getQueryData<Comment[]>(itemB)).toEqual([]);
  });

  it('moves a triaged comment out of a status-filtered list and updates it in place elsewhere', () => {
    const qc = new QueryClient();
    const c = comment('x');
    const sent = queryKeys.meetingComments(MEETING, { status: 'sent' });
    const all = queryKeys.meetingComments(MEETING, {});
    qc.setQueryData(sent, [c]);
    qc.setQueryData(all, [c]);
    const accepted = { ...c, status: 'accepted' as CommentStatus, reply: 'Tiếp thu', updatedAt: '2026-01-01T09:00:00Z' };
    applyMeetingEvent(qc, updated(accepted));
    expect(qc.getQueryData<Comment[]>(sent)).toEqual([]);
    expect(qc.getQueryData<Comment[]>(all)?.[0]).toMatchObject({ status: 'accepted', reply: 'Tiếp thu' });
  });

  it('never lets an older copy of a comment overwrite a newer one', () => {
    const qc = new QueryClient();
    const all = queryKeys.meetingComments(MEETING, {});
    const newer = comment('x', { status: 'accepted', updatedAt: '2026-01-01T10:00:00Z' });
    qc.setQueryData(all, [newer]);
    applyMeetingEvent(qc, updated(comment('x', { status: 'received', updatedAt: '2026-01-01T09:00:00Z' })));
    expect(qc.getQueryData<Comment[]>(all)?.[0].status).toBe('accepted');
  });

  it('updates the status of a delegate’s own comment in the reading room’s list', () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.documentComments('d1'), [comment('x')]);
    applyMeetingEvent(qc, updated(comment('x', { status: 'answered', updatedAt: '2026-01-01T09:00:00Z' })));
    expect(qc.getQueryData<Comment[]>(queryKeys.documentComments('d1'))?.[0].status).toBe('answered');
  });
});

describe('comment filters', () => {
  it('drops empty filters so equal filters make equal query keys', () => {
    expect(normalizeCommentFilters({ q: '  ', status: 'sent', documentId: '' })).toEqual({ status: 'sent' });
  });

  it('searches as the server does: diacritics and case folded, in the body, quote, author and document', () => {
    expect(matchesCommentFilters(comment('x'), { q: 'ngân sách' })).toBe(false);
    expect(matchesCommentFilters(comment('x', { body: 'Tăng kinh phí dự phòng' }), { q: 'du phong' })).toBe(true);
    expect(matchesCommentFilters(comment('x'), { q: 'dai bieu mot' })).toBe(true);
    expect(matchesCommentFilters(comment('x'), { q: 'du thao', status: 'sent' })).toBe(true);
    expect(matchesCommentFilters(comment('x'), { q: 'du thao', status: 'accepted' })).toBe(false);
    expect(matchesCommentFilters(comment('x'), { paragraphId: 'p1', authorId: 'u1' })).toBe(true);
    expect(matchesCommentFilters(comment('x'), { paragraphId: 'p2' })).toBe(false);
  });
});
