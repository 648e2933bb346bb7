import type { QueryClient } from '@tanstack/react-query';
import type { MeetingEvent, SpeakersList } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';

/** A newer list replaces the cached one; an older one (a late REST answer) never puts it back. */
export function newerList(old: SpeakersList | undefined | null, fresh: SpeakersList): SpeakersList {
  return old && old.agendaItemId === fresh.agendaItemId && old.version > fresh.version ? old : fresh;
}

/**
 * A speakers list from a live event or a write's answer into every cache showing it: the item's
 * list, the hall screen's (when it shows this item, or someone starts speaking here), and the record.
 */
export function putSpeakersList(queryClient: QueryClient, list: SpeakersList): void {
  queryClient.setQueryData<SpeakersList>(queryKeys.speakers(list.meetingId, list.agendaItemId), (old) => newerList(old, list));
  queryClient.setQueryData<{ list: SpeakersList | null }>(queryKeys.hallSpeakers(list.meetingId), (old) => {
    if (!old) return old;
    if (!old.list || old.list.agendaItemId === list.agendaItemId || list.current) return { list: newerList(old.list, list) };
    return old;
  });
  void queryClient.invalidateQueries({ queryKey: queryKeys.speeches(list.meetingId), exact: true });
}

/** The live speakers event; ignores the rest. */
export function applySpeakersEvent(queryClient: QueryClient, event: MeetingEvent): void {
  if (event.type === 'speakers.changed') putSpeakersList(queryClient, event.payload.list);
}
