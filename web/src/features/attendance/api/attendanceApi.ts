import type { AttendanceEntry, CheckInRequest, MarkAttendanceRequest, MySitting, ReportFormat, Sitting, SittingAttendance } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

export const attendanceApi = {
  sittings: (meetingId: string) => apiClient.get<MySitting[]>(`/api/meetings/${meetingId}/sittings`),
  createSitting: (meetingId: string, title: string) => apiClient.post<Sitting>(`/api/meetings/${meetingId}/sittings`, { title }),
  openSitting: (sittingId: string) => apiClient.post<Sitting>(`/api/sittings/${sittingId}/open`),
  closeSitting: (sittingId: string) => apiClient.post<Sitting>(`/api/sittings/${sittingId}/close`),
  attendance: (sittingId: string) => apiClient.get<SittingAttendance>(`/api/sittings/${sittingId}/attendance`),
  mark: (sittingId: string, body: MarkAttendanceRequest) => apiClient.post<SittingAttendance>(`/api/sittings/${sittingId}/attendance`, body),
  markRestAbsent: (sittingId: string) => apiClient.post<SittingAttendance>(`/api/sittings/${sittingId}/attendance/rest-absent`, {}),
  checkIn: (sittingId: string, body: CheckInRequest) => apiClient.post<MySitting>(`/api/sittings/${sittingId}/check-in`, body),
  reportAbsence: (sittingId: string, reason: string) => apiClient.post<MySitting>(`/api/sittings/${sittingId}/absence`, { reason }),
  setVotingRight: (meetingId: string, userId: string, votingRight: boolean) =>
    apiClient.put<AttendanceEntry>(`/api/meetings/${meetingId}/participants/${userId}/voting-right`, { votingRight }),
  exportUrl: (sittingId: string, format: ReportFormat) => `/api/sittings/${sittingId}/attendance/export?format=${format}`,
};
