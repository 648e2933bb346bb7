/** Under the meeting's key, so a resync after a reconnect refetches them. */
export const attendanceKeys = {
  sittings: (meetingId: string) => ['meetings', meetingId, 'sittings'] as const,
  attendance: (meetingId: string, sittingId: string) => ['meetings', meetingId, 'sittings', sittingId, 'attendance'] as const,
};
