import type { CreateTvCodeRequest, RedeemedTvCode, RedeemTvCodeRequest, TvCode } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

/** The hall TV's short code: made on the console, typed on the TV's /tv page. */
export const tvCodesApi = {
  create: (meetingId: string, body: CreateTvCodeRequest) => apiClient.post<TvCode>(`/api/meetings/${encodeURIComponent(meetingId)}/tv-codes`, body),
  redeem: (body: RedeemTvCodeRequest) => apiClient.post<RedeemedTvCode>('/api/tv-codes/redeem', body),
};
