import type { QueryClient } from '@tanstack/react-query';
import type { Comment, CommentFilters, DocumentSummary, HallState, MeetingDetail, MeetingEdit, MeetingEvent, MeetingSummary } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { matchesCommentFilters, upsertComment } from './commentFilters';
import { putBreakout, putGroupMessage } from '../../breakouts/lib/breakoutCache';
import { applySessionDayEvent } from '../../votes/lib/applySessionDayEvent';
import { putSpeakersList } from '../../speakers/lib/speakersCache';

type MeetingPatch = Partial<Pick<MeetingDetail, 'status' | 'currentAgendaItemId' | 'agenda'>>;

function patchMeeting(queryClient: QueryClient, meetingId: string, seq: number, patch: MeetingPatch): void {
  queryClient.setQueryData<MeetingDetail>(queryKeys.meeting(meetingId), (m) => (m ? { ...m, ...patch } : m));
  // the hall's state carries the seq it is current at, so an older REST answer can't undo an event (see useHallLive)
  queryClient.setQueryData<HallState>(queryKeys.hall(meetingId), (h) => (h ? { ...h, ...patch, seq: Math.max(h.seq, seq) } : h));
  const { agenda: _agenda, ...summaryPatch } = patch;
  if (Object.keys(summaryPatch).length > 0) {
    queryClient.setQueryData<MeetingSummary[]>(queryKeys.meetings, (list) => list?.map((m) => (m.id === meetingId ? { ...m, ...summaryPatch } : m)));
  }
}

/** Title, place and times edited: patch what is shown now, and ask again for what depends on them (released or not). */
function applyMeetingEdit(queryClient: QueryClient, edit: MeetingEdit): void {
  const { meetingId, ...fields } = edit;
  queryClient.setQueryData<MeetingDetail>(queryKeys.meeting(meetingId), (m) => (m ? { ...m, ...fields } : m));
  queryClient.setQueryData<MeetingSummary[]>(queryKeys.meetings, (list) => list?.map((m) => (m.id === meetingId ? { ...m, ...fields } : m)));
  queryClient.setQueryData<HallState>(queryKeys.hall(meetingId), (h) => (h ? { ...h, title: fields.title, location: fields.location, startsAt: fields.startsAt } : h));
  void queryClient.invalidateQueries({ queryKey: queryKeys.meeting(meetingId), exact: true });
  void queryClient.invalidateQueries({ queryKey: queryKeys.meetingDocuments(meetingId), exact: true });
}

function inParagraphOrder(a: Comment, b: Comment): number {
  return (a.paragraphIndex ?? Number.MAX_SAFE_INTEGER) - (b.paragraphIndex ?? Number.MAX_SAFE_INTEGER) || a.createdAt.localeCompare(b.createdAt);
}

function applyComment(queryClient: QueryClient, comment: Comment, created: boolean): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: queryKeys.meetingCommentLists(comment.meetingId) })) {
    const list = query.state.data as readonly Comment[] | undefined;
    if (!list) continue;
    const filters = (query.queryKey[3] ?? {}) as CommentFilters;
    const belongs = matchesCommentFilters(comment, filters);
    if (belongs === null) {
      // a text search: only the server knows whether it matches
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
      continue;
    }
    const next = upsertComment(list, comment, belongs);
    if (next !== list) queryClient.setQueryData(query.queryKey, next);
  }
  // the reading room's list of a document's comments (in paragraph order): a delegate sees the
  // status and reply of their own comment change as the secretariat triages it
  queryClient.setQueryData<Comment[]>(queryKeys.documentComments(comment.documentId), (list) => {
    if (!list) return list;
    const index = list.findIndex((c) => c.id === comment.id);
    if (index >= 0) return list[index].updatedAt > comment.updatedAt ? list : list.map((c) => (c.id === comment.id ? comment : c));
    return created ? [...list, comment].sort(inParagraphOrder) : list;
  });
  if (created) {
    // counts come from the server: a new comment may sit on a paragraph of an older version
    void queryClient.invalidateQueries({ queryKey: queryKeys.commentCounts(comment.meetingId, comment.documentId), exact: true });
  }
}

function applyDocument(queryClient: QueryClient, document: DocumentSummary): void {
  queryClient.setQueryData<DocumentSummary[]>(queryKeys.meetingDocuments(document.meetingId), (list) => {
    if (!list) return list;
    const index = list.findIndex((d) => d.id === document.id);
    if (index < 0) return [...list, document];
    const next = [...list];
    next[index] = document;
    return next;
  });
  // the detail carries the version list, which the summary does not: fetch it again if anyone shows it
  void queryClient.invalidateQueries({ queryKey: queryKeys.document(document.id), exact: true });
  void queryClient.invalidateQueries({ queryKey: queryKeys.commentCounts(document.meetingId, document.id), exact: true });
}

/**
 * Puts one live event into the TanStack Query cache that REST filled, so every screen showing that
 * data updates without a second store. Safe to call with an event the cache already reflects.
 */
export function applyMeetingEvent(queryClient: QueryClient, event: MeetingEvent): void {
  switch (event.type) {
    case 'meeting.updated':
      patchMeeting(queryClient, event.meetingId, event.seq, { status: event.payload.status, currentAgendaItemId: event.payload.currentAgendaItemId });
      return;
    case 'agenda.changed':
      patchMeeting(queryClient, event.meetingId, event.seq, { agenda: event.payload.agenda });
      return;
    case 'comment.created':
      applyComment(queryClient, event.payload.comment, true);
      return;
    case 'comment.updated':
      applyComment(queryClient, event.payload.comment, false);
      return;
    case 'document.changed':
      applyDocument(queryClient, event.payload.document);
      return;
    case 'breakout.changed': {
      const { breakout } = event.payload;
      queryClient.setQueryData<HallState>(queryKeys.hall(event.meetingId), (h) =>
        h ? { ...h, seq: Math.max(h.seq, event.seq), breakouts: [...h.breakouts.filter((b) => b.agendaItemId !== breakout.agendaItemId), breakout] } : h,
      );
      putBreakout(queryClient, breakout);
      return;
    }
    case 'group.message':
      putGroupMessage(queryClient, event.meetingId, event.payload.message);
      return;
    case 'meeting.edited':
      applyMeetingEdit(queryClient, event.payload.meeting);
      return;
    case 'participant.changed':
      // the list shows contact details to staff only: the server answers it for this viewer
      void queryClient.invalidateQueries({ queryKey: queryKeys.participants(event.meetingId), exact: true });
      return;
    case 'speakers.changed':
      putSpeakersList(queryClient, event.payload.list);
      return;
    case 'displayLinks.changed':
      void queryClient.invalidateQueries({ queryKey: queryKeys.displayLinks(event.meetingId), exact: true });
      return;
    case 'questions.changed':
      // ids only: each screen reads what it may see again
      void queryClient.invalidateQueries({ queryKey: queryKeys.questions(event.meetingId) });
      return;
    default:
      applySessionDayEvent(queryClient, event);
      return;
  }
}

/** After a comment write of our own (triage), put the server's answer in every list at once. */
export function applyCommentFromServer(queryClient: QueryClient, comment: Comment): void {
  applyComment(queryClient, comment, false);
}
