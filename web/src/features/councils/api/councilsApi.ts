import type { CouncilDetail, CouncilSummary, CreateCouncilRequest, UpdateCouncilRequest } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

const base = (id: string) => `/api/councils/${encodeURIComponent(id)}`;

export const councilsApi = {
  list: () => apiClient.get<CouncilSummary[]>('/api/councils'),
  get: (id: string) => apiClient.get<CouncilDetail>(base(id)),
  create: (body: CreateCouncilRequest) => apiClient.post<CouncilDetail>('/api/councils', body),
  update: (id: string, body: UpdateCouncilRequest) => apiClient.patch<CouncilDetail>(base(id), body),
  setStaff: (id: string, userIds: string[]) => apiClient.put<CouncilDetail>(`${base(id)}/staff`, { userIds }),
};
