import { useContext } from 'react';
import type { CurrentUser } from '@hopso/shared';
import { CurrentUserContext } from './CurrentUserContext';

/**
 * The signed-in user, for components rendered inside <RequireAuth>. Read from context rather than
 * the query cache, so a logout (which empties the cache) never leaves a child without a user.
 */
export function useRequiredUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useRequiredUser used outside <RequireAuth>');
  return user;
}
