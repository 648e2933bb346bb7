import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { councilsApi } from '../api/councilsApi';

export function useCouncil(id: string | null) {
  return useQuery({ queryKey: queryKeys.council(id ?? ''), queryFn: () => councilsApi.get(id as string), enabled: Boolean(id) });
}
