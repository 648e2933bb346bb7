import type {
  Annotation,
  CreateAnnotationRequest,
  UpdateAnnotationRequest,
  UpdateAnnotationResponse,
} from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** Private highlights and notes (comments are the comments feature's, read receipts the documents'). */
export const readingRoomApi = {
  annotations: (documentId: string) => apiClient.get<Annotation[]>(`${doc(documentId)}/annotations`),
  /** Safe to repeat: the server answers a known clientId with the annotation it already stored. */
  createAnnotation: (documentId: string, body: CreateAnnotationRequest) => apiClient.post<Annotation>(`${doc(documentId)}/annotations`, body),
  /** Answers the stored annotation and, when the edit met a concurrent one, the conflict copy kept of the other. */
  updateAnnotation: (id: string, body: UpdateAnnotationRequest) => apiClient.patch<UpdateAnnotationResponse>(`/api/annotations/${encodeURIComponent(id)}`, body),
  deleteAnnotation: (id: string) => apiClient.delete(`/api/annotations/${encodeURIComponent(id)}`),
};
