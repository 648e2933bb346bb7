import type { CommentFilters } from '@hopso/shared';

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
  annotations: (documentId: string) => ['documents', documentId, 'annotations'] as const,
  documentComments: (documentId: string) => ['documents', documentId, 'comments'] as const,
  readReceipts: (documentId: string) => ['documents', documentId, 'read-receipts'] as const,
  users: (q: string) => ['users', q] as const,
  usersAll: ['users'] as const,
  councils: ['councils'] as const,
  council: (id: string) => ['councils', id] as const,
  // ---- live meeting: secretariat desk, chair console, hall screen ----
  /** One comments list of a meeting per filter set; live events update every cached list under `meetingCommentLists`. */
  meetingComments: (meetingId: string, filters: CommentFilters) => ['meetings', meetingId, 'comments', filters] as const,
  meetingCommentLists: (meetingId: string) => ['meetings', meetingId, 'comments'] as const,
  commentCounts: (meetingId: string, documentId: string) => ['meetings', meetingId, 'comment-counts', documentId] as const,
  displayLinks: (meetingId: string) => ['meetings', meetingId, 'display-links'] as const,
  /** Who is online now: filled only by the socket's `presence` event. */
  presence: (meetingId: string) => ['live', meetingId, 'presence'] as const,
  hall: (meetingId: string) => ['hall', meetingId] as const,
  // ---- breakout groups (tổ thảo luận): under the meeting's key, so a resync after a reconnect refetches them ----
  breakouts: (meetingId: string) => ['meetings', meetingId, 'breakouts'] as const,
  groupMessages: (meetingId: string, groupId: string) => ['meetings', meetingId, 'breakout-groups', groupId, 'messages'] as const,
  // ---- speakers lists and chất vấn ----
  speakers: (meetingId: string, agendaItemId: string) => ['meetings', meetingId, 'speakers', agendaItemId] as const,
  speeches: (meetingId: string) => ['meetings', meetingId, 'speeches'] as const,
  speakingTimes: (meetingId: string) => ['meetings', meetingId, 'speaking-times'] as const,
  hallSpeakers: (meetingId: string) => ['hall', meetingId, 'speakers'] as const,
  questions: (meetingId: string) => ['meetings', meetingId, 'questions'] as const,
  questionsView: (meetingId: string, view: 'board' | 'mine' | 'official') => ['meetings', meetingId, 'questions', view] as const,
};
