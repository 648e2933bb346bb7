import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SpeakingTimesRequest, UpdateVotingSettingsRequest } from '@hopso/shared';
import { councilRulesApi } from '../api/councilRulesApi';
import { councilKeys } from '../lib/councilKeys';

export function useCouncilRules(councilId: string) {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: councilKeys.votingSettings(councilId), queryFn: () => councilRulesApi.votingSettings(councilId) });
  const times = useQuery({ queryKey: councilKeys.speakingTimes(councilId), queryFn: () => councilRulesApi.speakingTimes(councilId) });
  // both saved in one step from one form: the voting settings first, then the times
  const save = useMutation({
    mutationFn: async ({ voting, speaking }: { voting: UpdateVotingSettingsRequest; speaking: SpeakingTimesRequest }) => {
      const saved = await councilRulesApi.setVotingSettings(councilId, voting);
      await councilRulesApi.setSpeakingTimes(councilId, speaking);
      return saved;
    },
    onSuccess: (saved, { speaking }) => {
      queryClient.setQueryData(councilKeys.votingSettings(councilId), saved);
      queryClient.setQueryData(councilKeys.speakingTimes(councilId), { times: speaking, source: 'council' });
    },
  });
  return { settings, times, save };
}
