import type { CreateUserRequest, UpdateUserRequest, UserSummary } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

export const usersApi = {
  search: (q: string, signal?: AbortSignal) => apiClient.get<UserSummary[]>(`/api/users?${new URLSearchParams({ q }).toString()}`, signal),
  create: (body: CreateUserRequest) => apiClient.post<UserSummary>('/api/users', body),
  update: (id: string, body: UpdateUserRequest) => apiClient.patch<UserSummary>(`/api/users/${encodeURIComponent(id)}`, body),
};
