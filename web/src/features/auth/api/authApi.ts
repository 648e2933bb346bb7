import type { ChangePasswordRequest, CurrentUser, LoginRequest, LoginResponse } from '@hopso/shared';
import { apiClient, isApiError } from '../../../lib/api-client';

export const authApi = {
  /** The signed-in user, or null when there is no valid session. */
  async me(): Promise<CurrentUser | null> {
    try {
      return await apiClient.get<CurrentUser>('/api/auth/me');
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  login: (body: LoginRequest) => apiClient.post<LoginResponse>('/api/auth/login', body),
  logout: () => apiClient.post<void>('/api/auth/logout'),
  changePassword: (body: ChangePasswordRequest) => apiClient.post<void>('/api/auth/password', body),
};
