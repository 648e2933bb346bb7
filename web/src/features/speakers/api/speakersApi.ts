import type {
  AddSpeakerRequest,
  RequestFloorRequest,
  SpeakersList,
  SpeakingTimesInfo,
  SpeakingTimesRequest,
  SpeechRecord,
} from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';
import { withServerTime as timed } from '../lib/serverClock';

const item = (meetingId: string, itemId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/agenda/${encodeURIComponent(itemId)}/speakers`;
const speech = (id: string) => `/api/speeches/${encodeURIComponent(id)}`;

/** Speakers lists: delegates ask for the floor, the chair runs it. */
export const speakersApi = {
  list: (meetingId: string, itemId: string, signal?: AbortSignal) => timed(() => apiClient.get<SpeakersList>(item(meetingId, itemId), signal)),
  request: (meetingId: string, itemId: string, body: RequestFloorRequest) => timed(() => apiClient.post<SpeakersList>(item(meetingId, itemId), body)),
  add: (meetingId: string, itemId: string, body: AddSpeakerRequest) => timed(() => apiClient.post<SpeakersList>(`${item(meetingId, itemId)}/add`, body)),
  reorder: (meetingId: string, itemId: string, version: number, speechIds: string[]) =>
    timed(() => apiClient.put<SpeakersList>(`${item(meetingId, itemId)}/order`, { version, speechIds })),
  setClosed: (meetingId: string, itemId: string, closed: boolean) => timed(() => apiClient.put<SpeakersList>(`${item(meetingId, itemId)}/closed`, { closed })),
  next: (meetingId: string, itemId: string) => timed(() => apiClient.post<SpeakersList>(`${item(meetingId, itemId)}/next`)),
  withdraw: (speechId: string) => timed(() => apiClient.delete<SpeakersList>(speech(speechId))),
  start: (speechId: string) => timed(() => apiClient.post<SpeakersList>(`${speech(speechId)}/start`)),
  stop: (speechId: string) => timed(() => apiClient.post<SpeakersList>(`${speech(speechId)}/stop`)),
  pause: (speechId: string) => timed(() => apiClient.post<SpeakersList>(`${speech(speechId)}/pause`)),
  resume: (speechId: string) => timed(() => apiClient.post<SpeakersList>(`${speech(speechId)}/resume`)),
  extend: (speechId: string, seconds: number) => timed(() => apiClient.post<SpeakersList>(`${speech(speechId)}/extend`, { seconds })),
  record: (meetingId: string) => apiClient.get<SpeechRecord>(`/api/meetings/${encodeURIComponent(meetingId)}/speeches`),
  times: (meetingId: string) => apiClient.get<SpeakingTimesInfo>(`/api/meetings/${encodeURIComponent(meetingId)}/speaking-times`),
  setTimes: (meetingId: string, body: SpeakingTimesRequest) => apiClient.put<SpeakingTimesInfo>(`/api/meetings/${encodeURIComponent(meetingId)}/speaking-times`, body),
  resetTimes: (meetingId: string) => apiClient.delete<SpeakingTimesInfo>(`/api/meetings/${encodeURIComponent(meetingId)}/speaking-times`),
  /** The hall screen: no login, the display link's token. */
  hall: (meetingId: string, token: string, signal?: AbortSignal) =>
    timed(() => apiClient.get<{ list: SpeakersList | null }>(`/api/hall/${encodeURIComponent(meetingId)}/speakers?${new URLSearchParams({ token }).toString()}`, signal)),
};
