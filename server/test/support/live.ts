import crypto from 'node:crypto';
import type { Comment, DocumentDetail, JoinedMeeting, MeetingEvent, Paragraph, UploadResult } from '@hopso/shared';
import { buildDraftResolutionPdf } from '../../../fixtures';
import type { Api, MeetingWorld } from './api';
import { call, socketFor, waitForEvents, type TestSocket } from './sockets';

/** A released document of the meeting with one paragraph to comment on. */
export async function commentableDocument(w: MeetingWorld, title = 'Nghị quyết thử'): Promise<{ doc: DocumentDetail; paragraph: Paragraph }> {
  const pdf = await buildDraftResolutionPdf({
    title,
    councilName: 'Hội đồng nhân dân xã Thử Nghiệm',
    articles: [{ heading: 'Điều 1. Nội dung', clauses: ['Một khoản để góp ý trực tiếp.'] }],
  });
  const up = await w.secretary.upload(w.meeting.id, [{ name: 'gop-y.pdf', data: pdf }]);
  const doc = await w.secretary.waitReady((up.body as UploadResult).documents[0].id);
  const paragraphs = (await w.secretary.get<Paragraph[]>(`/documents/${doc.id}/versions/${doc.currentVersion.id}/paragraphs`)).body;
  return { doc, paragraph: paragraphs.find((p) => p.text.includes('Một khoản để góp ý'))! };
}

export const postComment = (api: Api, doc: DocumentDetail, paragraph: Paragraph, body: string) =>
  api.post<Comment>(`/documents/${doc.id}/comments`, {
    clientId: crypto.randomUUID(),
    anchor: { versionId: doc.currentVersion.id, paragraphId: paragraph.id, quote: { exact: paragraph.text }, rects: paragraph.rects },
    body,
  });

/** A socket of `api`'s person (on `url`'s process) that joined the meeting; `joined.seq` is where it starts. */
export async function joinedSocket(api: Api, meetingId: string, url?: string): Promise<{ socket: TestSocket; joined: JoinedMeeting }> {
  const socket = await socketFor(api, url);
  const res = await call(socket, 'meeting:join', { meetingId });
  if (!res.ok) throw new Error(`join: ${JSON.stringify(res)}`);
  return { socket, joined: res.data as JoinedMeeting };
}

/**
 * Moves the meeting to another agenda item (or to none) and waits until each socket has that
 * event: every participant gets it, and a socket gets its events in order, so whatever was
 * committed before it and meant for the socket has arrived by then. The positive signal an
 * absence check waits for, instead of a pause. Answers the marker's seq.
 */
export async function marker(chair: Api, meetingId: string, agendaItemIds: string[], sockets: TestSocket[]): Promise<number> {
  const current = (await chair.get<{ currentAgendaItemId: string | null }>(`/meetings/${meetingId}`)).body.currentAgendaItemId;
  const target = agendaItemIds.find((id) => id !== current)!;
  const floors = sockets.map((s) => Math.max(0, ...s.received.map((e) => e.seq)));
  const res = await chair.post(`/meetings/${meetingId}/current-item`, { agendaItemId: target });
  if (res.status !== 200) throw new Error(`current-item: ${res.status}`);
  let seq = 0;
  for (const [i, socket] of sockets.entries()) {
    const isMarker = (e: MeetingEvent) => e.type === 'meeting.updated' && e.payload.currentAgendaItemId === target && e.seq > floors[i];
    seq = (await waitForEvents(socket, (es) => es.some(isMarker))).find(isMarker)!.seq;
  }
  return seq;
}

export const catchup = async (socket: TestSocket, meetingId: string, after: number): Promise<MeetingEvent[]> => {
  const res = await call(socket, 'events:catchup', { meetingId, after });
  if (!res.ok) throw new Error(`catch-up: ${JSON.stringify(res)}`);
  return res.data as MeetingEvent[];
};
