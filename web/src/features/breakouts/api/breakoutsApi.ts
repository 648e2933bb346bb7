import type {
  AutoSplitRequest,
  Breakout,
  GroupMessage,
  PostGroupMessageRequest,
  PrepareBreakoutRequest,
  SaveGroupReportRequest,
  UpdateBreakoutGroupRequest,
} from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

const meeting = (id: string) => `/api/meetings/${encodeURIComponent(id)}/breakouts`;
const group = (id: string) => `/api/breakout-groups/${encodeURIComponent(id)}`;

/** Breakout discussion groups (tổ thảo luận): staff make, start and end them; members talk and the leader reports. */
export const breakoutsApi = {
  list: (meetingId: string) => apiClient.get<Breakout[]>(meeting(meetingId)),
  prepare: (meetingId: string, body: PrepareBreakoutRequest) => apiClient.post<Breakout>(meeting(meetingId), body),
  autoSplit: (meetingId: string, body: AutoSplitRequest) => apiClient.post<Breakout>(`${meeting(meetingId)}/auto`, body),
  updateGroup: (groupId: string, body: UpdateBreakoutGroupRequest) => apiClient.patch<Breakout>(group(groupId), body),
  start: (meetingId: string, agendaItemId: string) => apiClient.post<Breakout>(`${meeting(meetingId)}/start`, { agendaItemId }),
  end: (meetingId: string, agendaItemId: string) => apiClient.post<Breakout>(`${meeting(meetingId)}/end`, { agendaItemId }),
  countdown: (meetingId: string, agendaItemId: string, minutes: number | null) => apiClient.post<Breakout>(`${meeting(meetingId)}/countdown`, { agendaItemId, minutes }),
  messages: (groupId: string) => apiClient.get<GroupMessage[]>(`${group(groupId)}/messages`),
  /** 201 when stored, 200 when this clientId was already stored (a retry): either way the message. */
  postMessage: (groupId: string, body: PostGroupMessageRequest) => apiClient.post<GroupMessage>(`${group(groupId)}/messages`, body),
  saveReport: (groupId: string, body: SaveGroupReportRequest) => apiClient.put<Breakout>(`${group(groupId)}/report`, body),
};
