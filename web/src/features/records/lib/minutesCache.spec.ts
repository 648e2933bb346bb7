import { QueryClient } from '@tanstack/react-query';
import type { MeetingEvent, Minutes, MinutesStatus, MinutesSummary, Vote } from '@hopso/shared';
import { adoptedKey, applyRecordsEvent, minutesKey, oneMinutesKey } from './minutesCache';

const M = 'm1';
const summary = (id: string, status: MinutesStatus, version: number, sittingId: string | null = null): MinutesSummary => ({
  id,
  meetingId: M,
  sittingId,
  title: id,
  status,
  version,
  frozen: false,
  returnNote: '',
  updatedAt: '2026-12-01T08:00:00Z',
  finalizedAt: null,
});
const changed = (m: MinutesSummary): MeetingEvent => ({ meetingId: M, seq: m.version, type: 'minutes.changed', at: '', payload: { minutes: m } });

describe('minutes cache', () => {
  it('puts a new minutes in the list and follows its status', () => {
    const qc = new QueryClient();
    qc.setQueryData<MinutesSummary[]>(minutesKey(M), []);
    applyRecordsEvent(qc, changed(summary('session', 'draft', 1)));
    applyRecordsEvent(qc, changed(summary('s1', 'draft', 1, 'sit1')));
    applyRecordsEvent(qc, changed(summary('session', 'submitted', 2)));
    expect(qc.getQueryData<MinutesSummary[]>(minutesKey(M))?.map((m) => `${m.id}:${m.status}`)).toEqual(['s1:draft', 'session:submitted']);
  });

  it('never goes back to an older version arriving late', () => {
    const qc = new QueryClient();
    qc.setQueryData<MinutesSummary[]>(minutesKey(M), [summary('session', 'final', 5)]);
    applyRecordsEvent(qc, changed(summary('session', 'submitted', 4)));
    expect(qc.getQueryData<MinutesSummary[]>(minutesKey(M))?.[0].status).toBe('final');
  });

  it('reads an open minutes again when someone else moved it on, not after one’s own save', async () => {
    const qc = new QueryClient();
    const open = { ...summary('session', 'draft', 2), content: { opening: '', items: {}, closing: '' }, facts: { sittings: [], items: [] } } as unknown as Minutes;
    qc.setQueryData(oneMinutesKey('session'), open);
    applyRecordsEvent(qc, changed(summary('session', 'draft', 2)));
    expect(qc.getQueryState(oneMinutesKey('session'))?.isInvalidated).toBe(false);
    applyRecordsEvent(qc, changed(summary('session', 'submitted', 3)));
    expect(qc.getQueryState(oneMinutesKey('session'))?.isInvalidated).toBe(true);
  });

  it('reads the adopted resolutions again when a vote on a whole document passes, not for a section or a failed vote', () => {
    const qc = new QueryClient();
    qc.setQueryData(adoptedKey(M), []);
    const vote = (v: Partial<Vote>): MeetingEvent => ({ meetingId: M, seq: 9, type: 'vote.changed', at: '', payload: { vote: { status: 'closed', versionId: 'dv1', paragraphId: null, result: { passed: true }, ...v } as Vote } });
    for (const v of [{ paragraphId: 'p1' }, { result: { passed: false } as Vote['result'] }, { versionId: null }, { status: 'open' as const }]) applyRecordsEvent(qc, vote(v));
    expect(qc.getQueryState(adoptedKey(M))?.isInvalidated).toBe(false);
    applyRecordsEvent(qc, vote({}));
    expect(qc.getQueryState(adoptedKey(M))?.isInvalidated).toBe(true);
  });

  it('ignores every other event', () => {
    const qc = new QueryClient();
    qc.setQueryData<MinutesSummary[]>(minutesKey(M), []);
    applyRecordsEvent(qc, { meetingId: M, seq: 1, type: 'displayLinks.changed', at: '', payload: { meetingId: M } });
    expect(qc.getQueryData<MinutesSummary[]>(minutesKey(M))).toEqual([]);
  });
});
