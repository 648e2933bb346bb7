import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddSpeakerRequest, RequestFloorRequest, SpeakersList, SpeakingTimesRequest } from '@hopso/shared';
import { isApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/queryKeys';
import { speakersApi } from '../api/speakersApi';
import { putSpeakersList } from '../lib/speakersCache';

type Action =
  | { kind: 'request'; body: RequestFloorRequest }
  | { kind: 'add'; body: AddSpeakerRequest }
  | { kind: 'reorder'; version: number; speechIds: string[] }
  | { kind: 'next' }
  | { kind: 'close'; closed: boolean }
  | { kind: 'withdraw'; speechId: string }
  | { kind: 'start'; speechId: string }
  | { kind: 'stop'; speechId: string }
  | { kind: 'pause'; speechId: string }
  | { kind: 'resume'; speechId: string }
  | { kind: 'extend'; speechId: string; seconds: number };

function run(meetingId: string, itemId: string, a: Action): Promise<SpeakersList> {
  switch (a.kind) {
    case 'request':
      return speakersApi.request(meetingId, itemId, a.body);
    case 'add':
      return speakersApi.add(meetingId, itemId, a.body);
    case 'reorder':
      return speakersApi.reorder(meetingId, itemId, a.version, a.speechIds);
    case 'next':
      return speakersApi.next(meetingId, itemId);
    case 'close':
      return speakersApi.setClosed(meetingId, itemId, a.closed);
    case 'withdraw':
      return speakersApi.withdraw(a.speechId);
    case 'start':
      return speakersApi.start(a.speechId);
    case 'stop':
      return speakersApi.stop(a.speechId);
    case 'pause':
      return speakersApi.pause(a.speechId);
    case 'resume':
      return speakersApi.resume(a.speechId);
    case 'extend':
      return speakersApi.extend(a.speechId, a.seconds);
  }
}

/**
 * Every speakers-list write: the server's answer is the new list and goes into the cache at once.
 * A refusal because the list moved on (another staff member reordered) reads the list again.
 */
export function useSpeakerActions(meetingId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: Action) => run(meetingId, itemId, a),
    onSuccess: (list) => putSpeakersList(queryClient, list),
    onError: (error) => {
      if (isApiError(error, 'SPEAKERS_LIST_CHANGED') || isApiError(error, 'SPEECH_NOT_WAITING') || isApiError(error, 'SPEAKER_ALREADY_SPEAKING')) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.speakers(meetingId, itemId), exact: true });
      }
    },
  });
}

export function useSetSpeakingTimes(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // null: back to the council's defaults
    mutationFn: (body: SpeakingTimesRequest | null) => (body ? speakersApi.setTimes(meetingId, body) : speakersApi.resetTimes(meetingId)),
    onSuccess: (info) => queryClient.setQueryData(queryKeys.speakingTimes(meetingId), info),
  });
}
