import type { CurrentUser } from '@hopso/shared';
import { useCurrentUser } from './useCurrentUser';

/** The signed-in user, for components rendered inside <RequireAuth>. */
export function useRequiredUser(): CurrentUser {
  const me = useCurrentUser();
  if (!me.data) throw new Error('useRequiredUser used outside <RequireAuth>');
  return me.data;
}
