import { UPLOAD_FIELD, type DocumentDetail, type DocumentSummary, type Paragraph, type ReadReceipt, type UploadResult } from '@hopso/shared';
import { apiClient, uploadWithProgress, type UploadHandle } from '../../../lib/api-client';

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export interface UpdateDocumentRequest {
  title?: string;
  agendaItemId?: string | null;
}

export const documentsApi = {
  listForMeeting: (meetingId: string) => apiClient.get<DocumentSummary[]>(`/api/meetings/${encodeURIComponent(meetingId)}/documents`),
  get: (id: string) => apiClient.get<DocumentDetail>(doc(id)),
  update: (id: string, body: UpdateDocumentRequest) => apiClient.patch<DocumentDetail>(doc(id), body),
  paragraphs: (id: string, versionId: string) =>
    apiClient.get<Paragraph[]>(`${doc(id)}/versions/${encodeURIComponent(versionId)}/paragraphs`),

  /** One file per request, so each row shows its own progress and its own refusal. */
  upload(meetingId: string, file: File, agendaItemId: string | null, title: string | null, onProgress: (percent: number) => void): UploadHandle<UploadResult> {
    const form = new FormData();
    if (agendaItemId) form.append('agendaItemId', agendaItemId);
    if (title) form.append('title', title);
    form.append(UPLOAD_FIELD, file, file.name);
    return uploadWithProgress<UploadResult>(`/api/meetings/${encodeURIComponent(meetingId)}/documents`, form, onProgress);
  },

  uploadVersion(id: string, file: File, onProgress: (percent: number) => void): UploadHandle<DocumentDetail> {
    const form = new FormData();
    form.append(UPLOAD_FIELD, file, file.name);
    return uploadWithProgress<DocumentDetail>(`${doc(id)}/versions`, form, onProgress);
  },

  /** A failed version read again; a version or a document nobody commented on deleted (chair and secretariat only). */
  retryVersion: (id: string, versionId: string) => apiClient.post<DocumentDetail>(`${doc(id)}/versions/${encodeURIComponent(versionId)}/retry`),
  deleteVersion: (id: string, versionId: string) => apiClient.delete<DocumentDetail>(`${doc(id)}/versions/${encodeURIComponent(versionId)}`),
  remove: (id: string) => apiClient.delete(doc(id)),

  /** Which delegates opened a document, and when (chair and secretariat only). */
  readReceipts: (id: string) => apiClient.get<ReadReceipt[]>(`${doc(id)}/read-receipts`),
  fileUrl(id: string, versionId: string, download = false): string {
    const params = new URLSearchParams({ version: versionId });
    if (download) params.set('download', '1');
    return `${doc(id)}/file?${params.toString()}`;
  },
};
