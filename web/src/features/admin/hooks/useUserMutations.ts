import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { usersApi } from '../../users/api/usersApi';

export function useUserMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.usersAll });
  const create = useMutation({ mutationFn: (body: CreateUserRequest) => usersApi.create(body), onSuccess: refresh });
  const update = useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) => usersApi.update(id, body), onSuccess: refresh });
  return { create, update };
}
