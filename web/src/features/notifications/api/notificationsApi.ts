import type { NotificationList } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

/** The caller's notifications: what GET /notifications shows them now, and the unread count. */
export const notificationsApi = {
  list: () => apiClient.get<NotificationList>('/api/notifications'),
  read: (id: string) => apiClient.post<NotificationList>(`/api/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => apiClient.post<NotificationList>('/api/notifications/read-all'),
};

export const notificationsKey = ['notifications'] as const;
