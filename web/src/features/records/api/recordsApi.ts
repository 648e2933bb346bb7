import type { AdoptedResolution, Minutes, MinutesContent, MinutesSummary, PdfSignatureInfo, RecordFormat } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';
import { fetchFile, type DownloadedFile } from '../../../lib/download';

const meeting = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;
const minutes = (id: string) => `/api/minutes/${encodeURIComponent(id)}`;

/** Documents of record: the meeting-wide reports, the minutes and their workflow, the adopted resolutions. */
export const recordsApi = {
  synthesis: (meetingId: string, format: RecordFormat, anonymous: boolean): Promise<DownloadedFile> =>
    fetchFile(`${meeting(meetingId)}/records/synthesis?format=${format}&anonymous=${anonymous}`, `bao-cao-tong-hop-y-kien.${format}`),
  explanation: (documentId: string, format: RecordFormat): Promise<DownloadedFile> =>
    fetchFile(`/api/documents/${encodeURIComponent(documentId)}/records/explanation?format=${format}`, `bao-cao-tiep-thu-giai-trinh.${format}`),
  list: (meetingId: string) => apiClient.get<MinutesSummary[]>(`${meeting(meetingId)}/minutes`),
  adopted: (meetingId: string) => apiClient.get<AdoptedResolution[]>(`${meeting(meetingId)}/adopted-resolutions`),
  create: (meetingId: string, sittingId: string | null) => apiClient.post<Minutes>(`${meeting(meetingId)}/minutes`, { sittingId }),
  get: (id: string) => apiClient.get<Minutes>(minutes(id)),
  save: (id: string, body: { version: number; content: MinutesContent; freeze?: boolean }) => apiClient.put<Minutes>(minutes(id), body),
  submit: (id: string) => apiClient.post<Minutes>(`${minutes(id)}/submit`),
  giveBack: (id: string, note: string) => apiClient.post<Minutes>(`${minutes(id)}/return`, { note }),
  approve: (id: string) => apiClient.post<Minutes>(`${minutes(id)}/approve`),
  file: (id: string, format: RecordFormat): Promise<DownloadedFile> => fetchFile(`${minutes(id)}/file?format=${format}`, `bien-ban.${format}`),
  signatures: (id: string) => apiClient.get<PdfSignatureInfo[]>(`${minutes(id)}/signatures`),
  adoptedFile: (versionId: string): Promise<DownloadedFile> => fetchFile(`/api/adopted-resolutions/${encodeURIComponent(versionId)}/file`, 'nghi-quyet-da-thong-qua.pdf'),
};
