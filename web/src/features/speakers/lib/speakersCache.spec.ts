import { QueryClient } from '@tanstack/react-query';
import type { SpeakersList } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { putSpeakersList } from './speakersCache';

const list = (agendaItemId: string, version: number, speaking = false): SpeakersList => ({
  meetingId: 'm',
  agendaItemId,
  version,
  closed: false,
  waiting: [],
  current: speaking ? ({ id: `s-${agendaItemId}` } as SpeakersList['current']) : null,
  done: [],
  times: { contribution: 420, reply: 180, procedural: 60, question: 180, followup: 60, answer: 300 },
  openIssue: null,
  serverNow: new Date().toISOString(),
});

describe('the speakers cache', () => {
  it('keeps the newest version of an item and never goes back to an older one', () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.speakers('m', 'a'), list('a', 3));
    putSpeakersList(qc, list('a', 2));
    expect(qc.getQueryData<SpeakersList>(queryKeys.speakers('m', 'a'))!.version).toBe(3);
    putSpeakersList(qc, list('a', 4));
    expect(qc.getQueryData<SpeakersList>(queryKeys.speakers('m', 'a'))!.version).toBe(4);
  });

  it('moves the hall screen to another item only when someone starts speaking there', () => {
    const qc = new QueryClient();
    qc.setQueryData(queryKeys.hallSpeakers('m'), { list: list('a', 1) });
    putSpeakersList(qc, list('b', 5));
    expect(qc.getQueryData<{ list: SpeakersList }>(queryKeys.hallSpeakers('m'))!.list.agendaItemId).toBe('a');
    putSpeakersList(qc, list('b', 6, true));
    expect(qc.getQueryData<{ list: SpeakersList }>(queryKeys.hallSpeakers('m'))!.list.agendaItemId).toBe('b');
  });
});
