import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddParticipantRequest, MeetingRole } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { meetingsApi } from '../../meetings/api/meetingsApi';

/** Add, re-role, remove and import participants; each refetches the list (and my role, which may change). */
export function useParticipantMutations(meetingId: string) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.participants(meetingId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.meeting(meetingId), exact: true }),
      queryClient.invalidateQueries({ queryKey: queryKeys.meetings, exact: true }),
    ]);
  };
  const add = useMutation({ mutationFn: (body: AddParticipantRequest) => meetingsApi.addParticipant(meetingId, body), onSuccess: refresh });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MeetingRole }) => meetingsApi.changeParticipantRole(meetingId, userId, role),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (userId: string) => meetingsApi.removeParticipant(meetingId, userId), onSuccess: refresh });
  const importList = useMutation({ mutationFn: (file: File) => meetingsApi.importParticipants(meetingId, file), onSuccess: refresh });
  return { add, changeRole, remove, importList };
}
