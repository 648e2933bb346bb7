/** Every TanStack Query key in one place, so mutations invalidate exactly what they change. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  meetings: ['meetings'] as const,
  meeting: (id: string) => ['meetings', id] as const,
  participants: (meetingId: string) => ['meetings', meetingId, 'participants'] as const,
  meetingDocuments: (meetingId: string) => ['meetings', meetingId, 'documents'] as const,
  audit: (meetingId: string) => ['meetings', meetingId, 'audit'] as const,
  document: (id: string) => ['documents', id] as const,
  paragraphs: (documentId: string, versionId: string) => ['documents', documentId, 'versions', versionId, 'paragraphs'] as const,
  users: (q: string) => ['users', q] as const,
  usersAll: ['users'] as const,
  councils: ['councils'] as const,
  council: (id: string) => ['councils', id] as const,
};
