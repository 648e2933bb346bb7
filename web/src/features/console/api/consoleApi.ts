import type { CreateDisplayLinkRequest, DisplayLink, MeetingDetail, SetCurrentItemRequest } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

const meeting = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

/** The chair console's writes: the item under discussion, and the hall screen's display links. */
export const consoleApi = {
  setCurrentItem: (meetingId: string, body: SetCurrentItemRequest) => apiClient.post<MeetingDetail>(`${meeting(meetingId)}/current-item`, body),
  displayLinks: (meetingId: string) => apiClient.get<DisplayLink[]>(`${meeting(meetingId)}/display-links`),
  /** The answer carries `url` with the token: the only time it is ever shown. */
  createDisplayLink: (meetingId: string, body: CreateDisplayLinkRequest) => apiClient.post<DisplayLink>(`${meeting(meetingId)}/display-links`, body),
  revokeDisplayLink: (linkId: string) => apiClient.delete(`/api/display-links/${encodeURIComponent(linkId)}`),
};
