import type {
  AddParticipantRequest,
  AgendaItem,
  AuditEntry,
  ChangeMeetingStatusRequest,
  CreateAgendaItemRequest,
  CreateMeetingRequest,
  MeetingDetail,
  MeetingRole,
  MeetingSummary,
  Participant,
  ParticipantImportResult,
  UpdateAgendaItemRequest,
  UpdateMeetingRequest,
} from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

const base = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export const meetingsApi = {
  list: () => apiClient.get<MeetingSummary[]>('/api/meetings'),
  get: (id: string) => apiClient.get<MeetingDetail>(base(id)),
  create: (body: CreateMeetingRequest) => apiClient.post<MeetingDetail>('/api/meetings', body),
  update: (id: string, body: UpdateMeetingRequest) => apiClient.patch<MeetingDetail>(base(id), body),
  changeStatus: (id: string, body: ChangeMeetingStatusRequest) => apiClient.post<MeetingDetail>(`${base(id)}/status`, body),

  addAgendaItem: (id: string, body: CreateAgendaItemRequest) => apiClient.post<AgendaItem>(`${base(id)}/agenda`, body),
  updateAgendaItem: (id: string, itemId: string, body: UpdateAgendaItemRequest) =>
    apiClient.patch<AgendaItem>(`${base(id)}/agenda/${encodeURIComponent(itemId)}`, body),
  deleteAgendaItem: (id: string, itemId: string) => apiClient.delete(`${base(id)}/agenda/${encodeURIComponent(itemId)}`),
  reorderAgenda: (id: string, itemIds: string[]) => apiClient.put<AgendaItem[]>(`${base(id)}/agenda/order`, { itemIds }),

  participants: (id: string) => apiClient.get<Participant[]>(`${base(id)}/participants`),
  /** The server answers with the updated list; callers refetch it, so the body is not relied on. */
  addParticipant: (id: string, body: AddParticipantRequest) => apiClient.post<unknown>(`${base(id)}/participants`, body),
  changeParticipantRole: (id: string, userId: string, role: MeetingRole) =>
    apiClient.patch<Participant>(`${base(id)}/participants/${encodeURIComponent(userId)}`, { role }),
  removeParticipant: (id: string, userId: string) => apiClient.delete(`${base(id)}/participants/${encodeURIComponent(userId)}`),
  importParticipants: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiClient.post<ParticipantImportResult>(`${base(id)}/participants/import`, form);
  },

  audit: (id: string) => apiClient.get<AuditEntry[]>(`${base(id)}/audit`),
};
