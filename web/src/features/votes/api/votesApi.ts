import type { BallotReceipt, CreateVoteRequest, HallSessionDay, ManualResultRequest, PrepareSectionVotesRequest, ReportFormat, UpdateVoteRequest, Vote, VoteChoice, VoteForMe, VoteRecords } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

export const votesApi = {
  list: (meetingId: string) => apiClient.get<VoteForMe[]>(`/api/meetings/${meetingId}/votes`),
  create: (meetingId: string, body: CreateVoteRequest) => apiClient.post<Vote>(`/api/meetings/${meetingId}/votes`, body),
  prepareSections: (meetingId: string, body: PrepareSectionVotesRequest) => apiClient.post<Vote[]>(`/api/meetings/${meetingId}/votes/sections`, body),
  update: (voteId: string, body: UpdateVoteRequest) => apiClient.patch<Vote>(`/api/votes/${voteId}`, body),
  remove: (voteId: string) => apiClient.delete(`/api/votes/${voteId}`),
  open: (voteId: string, durationSeconds?: number | null) => apiClient.post<Vote>(`/api/votes/${voteId}/open`, durationSeconds === undefined ? {} : { durationSeconds }),
  close: (voteId: string) => apiClient.post<Vote>(`/api/votes/${voteId}/close`),
  repeat: (voteId: string) => apiClient.post<Vote>(`/api/votes/${voteId}/repeat`),
  showOnHall: (voteId: string, show: boolean) => apiClient.post<Vote>(`/api/votes/${voteId}/hall`, { show }),
  publishRecords: (voteId: string) => apiClient.post<Vote>(`/api/votes/${voteId}/publish-records`),
  manual: (voteId: string, body: ManualResultRequest) => apiClient.post<Vote>(`/api/votes/${voteId}/manual-result`, body),
  records: (voteId: string) => apiClient.get<VoteRecords>(`/api/votes/${voteId}/records`),
  /** Sent at once or not at all: a ballot is never queued in the offline outbox. */
  cast: (voteId: string, clientId: string, choice: VoteChoice) => apiClient.post<BallotReceipt>(`/api/votes/${voteId}/ballots`, { clientId, choice }),
  exportUrl: (meetingId: string, format: ReportFormat) => `/api/meetings/${meetingId}/votes/export?format=${format}`,
  hall: (meetingId: string, token: string, signal?: AbortSignal) =>
    apiClient.get<HallSessionDay>(`/api/hall/${encodeURIComponent(meetingId)}/session-day?${new URLSearchParams({ token }).toString()}`, signal),
};
