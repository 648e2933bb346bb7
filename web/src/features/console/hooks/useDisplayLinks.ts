import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DisplayLink } from '@hopso/shared';
import { queryKeys } from '../../../lib/queryKeys';
import { consoleApi } from '../api/consoleApi';

export function useDisplayLinks(meetingId: string) {
  return useQuery({ queryKey: queryKeys.displayLinks(meetingId), queryFn: () => consoleApi.displayLinks(meetingId) });
}

export function useCreateDisplayLink(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => consoleApi.createDisplayLink(meetingId, { label }),
    onSuccess: (link) => {
      // the list never carries the token: keep it out of the cache, the caller shows it once
      const { url: _url, ...stored } = link;
      queryClient.setQueryData<DisplayLink[]>(queryKeys.displayLinks(meetingId), (list) => (list ? [stored, ...list.filter((l) => l.id !== link.id)] : list));
      void queryClient.invalidateQueries({ queryKey: queryKeys.displayLinks(meetingId), exact: true });
    },
  });
}

export function useRevokeDisplayLink(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => consoleApi.revokeDisplayLink(linkId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.displayLinks(meetingId), exact: true }),
  });
}
