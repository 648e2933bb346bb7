import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateCouncilRequest, UpdateCouncilRequest } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { councilsApi } from '../../councils/api/councilsApi';

export function useCouncilMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.councils });
  const create = useMutation({ mutationFn: (body: CreateCouncilRequest) => councilsApi.create(body), onSuccess: refresh });
  const update = useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateCouncilRequest }) => councilsApi.update(id, body), onSuccess: refresh });
  const setStaff = useMutation({ mutationFn: ({ id, userIds }: { id: string; userIds: string[] }) => councilsApi.setStaff(id, userIds), onSuccess: refresh });
  return { create, update, setStaff };
}
