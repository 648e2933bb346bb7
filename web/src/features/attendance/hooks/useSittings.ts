import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MySitting, SittingAttendance } from '@hopso/shared';
import { attendanceApi } from '../api/attendanceApi';
import { attendanceKeys } from '../lib/attendanceKeys';

export function useSittings(meetingId: string) {
  return useQuery({ queryKey: attendanceKeys.sittings(meetingId), queryFn: () => attendanceApi.sittings(meetingId) });
}

/** The sitting in play: the open one, else the next planned one, else the last. */
export function currentSitting(list: readonly MySitting[] | undefined): MySitting | null {
  if (!list?.length) return null;
  return list.find((s) => s.sitting.status === 'open') ?? list.find((s) => s.sitting.status === 'planned') ?? list[list.length - 1];
}

export function useSittingAttendance(meetingId: string, sittingId: string | null) {
  return useQuery({
    queryKey: attendanceKeys.attendance(meetingId, sittingId ?? ''),
    queryFn: () => attendanceApi.attendance(sittingId!),
    enabled: Boolean(sittingId),
  });
}

/** Every attendance write answers the list (or the caller's sitting): put it in the cache at once. */
export function useAttendanceMutation<V>(meetingId: string, run: (v: V) => Promise<SittingAttendance | MySitting | unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (data) => {
      if (data && typeof data === 'object' && 'entries' in data) {
        const list = data as SittingAttendance;
        queryClient.setQueryData(attendanceKeys.attendance(meetingId, list.sitting.id), list);
      }
      void queryClient.invalidateQueries({ queryKey: attendanceKeys.sittings(meetingId), exact: true });
    },
  });
}
