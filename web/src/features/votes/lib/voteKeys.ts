export const voteKeys = {
  votes: (meetingId: string) => ['meetings', meetingId, 'votes'] as const,
  records: (meetingId: string, voteId: string) => ['meetings', meetingId, 'votes', voteId, 'records'] as const,
  /** Under the hall's key, so the hall's resync refetches it. */
  hallSessionDay: (meetingId: string) => ['hall', meetingId, 'session-day'] as const,
};
