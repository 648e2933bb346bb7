import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { questionsApi } from '../api/questionsApi';

// an official follows no meeting room (they may not see its events): their desk reads again now and then
const OFFICIAL_REFRESH_MS = 30_000;

export function useQuestionsBoard(meetingId: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.questionsView(meetingId, 'board'), queryFn: () => questionsApi.board(meetingId), enabled });
}

export function useMyQuestions(meetingId: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.questionsView(meetingId, 'mine'), queryFn: () => questionsApi.mine(meetingId), enabled });
}

export function useOfficialDesk(meetingId: string) {
  return useQuery({ queryKey: queryKeys.questionsView(meetingId, 'official'), queryFn: () => questionsApi.official(meetingId), refetchInterval: OFFICIAL_REFRESH_MS });
}

/** Any chất vấn write: what every view of the meeting's questions shows is read again. */
export function useQuestionsMutation<A, R>(meetingId: string, fn: (a: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.questions(meetingId) }),
  });
}
