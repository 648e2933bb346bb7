import type { QueryClient } from '@tanstack/react-query';
import type { DocumentSummary, HallState, MeetingDetail, MeetingEdit, MeetingEvent, MeetingSummary } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { applyCommentToCache } from '../../comments/lib/commentCache';

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

/** Puts a feature's own events (breakouts, speakers, the session day) into its caches; ignores the rest. */
export type MeetingEventApplier = (queryClient: QueryClient, event: MeetingEvent) => void;

const featureAppliers: MeetingEventApplier[] = [];

/**
 * The features whose events live does not apply itself hand in their appliers at start-up
 * (web/src/app/liveRegistry.ts), so live imports none of them.
 */
export function registerMeetingEventAppliers(...appliers: MeetingEventApplier[]): void {
  for (const apply of appliers) if (!featureAppliers.includes(apply)) featureAppliers.push(apply);
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
      applyCommentToCache(queryClient, event.payload.comment, true);
      return;
    case 'comment.updated':
      applyCommentToCache(queryClient, event.payload.comment, false);
      return;
    case 'document.changed':
      applyDocument(queryClient, event.payload.document);
      return;
    case 'document.deleted': {
      const { id, meetingId } = event.payload.document;
      queryClient.setQueryData<DocumentSummary[]>(queryKeys.meetingDocuments(meetingId), (list) => list?.filter((d) => d.id !== id));
      void queryClient.invalidateQueries({ queryKey: queryKeys.document(id), exact: true });
      return;
    }
    case 'meeting.edited':
      applyMeetingEdit(queryClient, event.payload.meeting);
      return;
    case 'participant.changed':
      // the list shows contact details to staff only: the server answers it for this viewer
      void queryClient.invalidateQueries({ queryKey: queryKeys.participants(event.meetingId), exact: true });
      return;
    case 'displayLinks.changed':
      void queryClient.invalidateQueries({ queryKey: queryKeys.displayLinks(event.meetingId), exact: true });
      return;
    case 'questions.changed':
      // ids only: each screen reads what it may see again
      void queryClient.invalidateQueries({ queryKey: queryKeys.questions(event.meetingId) });
      return;
    default:
      for (const apply of featureAppliers) apply(queryClient, event);
      return;
  }
}
