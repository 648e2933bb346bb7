import type { Comment, CommentFilters, CommentMessageRequest, CommentResolutionRequest, CreateCommentRequest, ParagraphCommentCount, ReportFormat, TriageCommentRequest } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';
import { fetchFile, type DownloadedFile } from '../../../lib/download';

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** Comments to the secretariat: a document's, a meeting's (filtered), the counts per paragraph, triage. */
export const commentsApi = {
  forDocument: (documentId: string) => apiClient.get<Comment[]>(`${doc(documentId)}/comments`),
  forMeeting: (meetingId: string, filters: CommentFilters, signal?: AbortSignal) => {
    const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const query = params.toString();
    return apiClient.get<Comment[]>(`/api/meetings/${encodeURIComponent(meetingId)}/comments${query ? `?${query}` : ''}`, signal);
  },
  /** Safe to repeat: the server answers a known clientId with the comment it already stored. */
  create: (documentId: string, body: CreateCommentRequest) => apiClient.post<Comment>(`${doc(documentId)}/comments`, body),
  triage: (commentId: string, body: TriageCommentRequest) => apiClient.patch<Comment>(`/api/comments/${encodeURIComponent(commentId)}`, body),
  /** A message in the comment's conversation; safe to repeat with the same clientId. */
  postMessage: (commentId: string, body: CommentMessageRequest) => apiClient.post<Comment>(`/api/comments/${encodeURIComponent(commentId)}/messages`, body),
  resolve: (commentId: string, body: CommentResolutionRequest) => apiClient.put<Comment>(`/api/comments/${encodeURIComponent(commentId)}/resolution`, body),
  counts: (documentId: string, signal?: AbortSignal) => apiClient.get<ParagraphCommentCount[]>(`${doc(documentId)}/comment-counts`, signal),
  /**
   * The comment synthesis report as a file. Fetched rather than linked, so a refusal shows as a
   * sentence on the page instead of a JSON error in a new tab.
   */
  report: (documentId: string, format: ReportFormat): Promise<DownloadedFile> => fetchFile(`${doc(documentId)}/report?format=${format}`, `bao-cao-tong-hop-y-kien.${format}`),
};
