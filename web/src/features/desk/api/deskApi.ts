import type { Comment, CommentFilters, ParagraphCommentCount, ReportFormat, TriageCommentRequest } from '@hopso/shared';
import { ApiError, apiClient, NetworkError, toApiErrorBody } from '../../../lib/api-client';

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The secretariat desk's reads and writes: the meeting's comments, triage, counts per paragraph, reports. */
export const deskApi = {
  comments: (meetingId: string, filters: CommentFilters, signal?: AbortSignal) => {
    const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const query = params.toString();
    return apiClient.get<Comment[]>(`/api/meetings/${encodeURIComponent(meetingId)}/comments${query ? `?${query}` : ''}`, signal);
  },
  triage: (commentId: string, body: TriageCommentRequest) => apiClient.patch<Comment>(`/api/comments/${encodeURIComponent(commentId)}`, body),
  commentCounts: (documentId: string, signal?: AbortSignal) => apiClient.get<ParagraphCommentCount[]>(`${doc(documentId)}/comment-counts`, signal),

  /**
   * The comment synthesis report as a file. Fetched rather than linked, so a refusal shows as a
   * sentence on the page instead of a JSON error in a new tab.
   */
  report: (documentId: string, format: ReportFormat): Promise<DownloadedFile> => fetchFile(`${doc(documentId)}/report?format=${format}`, `bao-cao-tong-hop-y-kien.${format}`),
};

/** A generated file from /api, fetched rather than linked so a refusal shows as a sentence on the page. */
export async function fetchFile(url: string, fallbackName: string): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : undefined);
  }
  if (!response.ok) throw new ApiError(toApiErrorBody(response.status, await response.text().catch(() => '')));
  const blob = await response.blob();
  return { blob, fileName: filenameFrom(response.headers.get('Content-Disposition')) ?? fallbackName };
}

/** Hands a fetched file to the browser's download. */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // give the browser time to start the download before the URL goes away
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
