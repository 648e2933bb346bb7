import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/queryKeys';
import { councilsApi } from '../api/councilsApi';

export function useCouncils() {
  return useQuery({ queryKey: queryKeys.councils, queryFn: councilsApi.list });
}
