import type { HallState } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

export const hallApi = {
  /** No login: the display link's token. 401/404 once the link is revoked. */
  state: (meetingId: string, token: string, signal?: AbortSignal) =>
    apiClient.get<HallState>(`/api/hall/${encodeURIComponent(meetingId)}?${new URLSearchParams({ token }).toString()}`, signal),
};
