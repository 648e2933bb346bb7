import type { CouncilVotingSettings, SpeakingTimes, SpeakingTimesInfo, SpeakingTimesRequest, UpdateVotingSettingsRequest } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

const base = (id: string) => `/api/councils/${encodeURIComponent(id)}`;

/** The council's session-day rules: seats (tổng số đại biểu), quorum and pass rule, default speaking times. */
export const councilRulesApi = {
  votingSettings: (id: string) => apiClient.get<CouncilVotingSettings>(`${base(id)}/voting-settings`),
  setVotingSettings: (id: string, body: UpdateVotingSettingsRequest) => apiClient.put<CouncilVotingSettings>(`${base(id)}/voting-settings`, body),
  speakingTimes: (id: string) => apiClient.get<SpeakingTimesInfo>(`${base(id)}/speaking-times`),
  setSpeakingTimes: (id: string, body: SpeakingTimesRequest) => apiClient.put<SpeakingTimes>(`${base(id)}/speaking-times`, body),
};
