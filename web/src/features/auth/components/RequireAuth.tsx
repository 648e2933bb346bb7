import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { accountCan, accountRoleOf } from '@hopso/shared';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { CurrentUserContext } from '../hooks/CurrentUserContext';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { logoutMarker } from '../lib/logoutMarker';

/** Shows its children to a signed-in user; anyone else goes to /login and comes back after. */
export function RequireAuth({ children, adminOnly = false }: { children: ReactNode; adminOnly?: boolean }) {
  const me = useCurrentUser();
  const location = useLocation();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const plain = next === '/' || logoutMarker.isSet();
    return <Navigate to={plain ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (adminOnly && !accountCan(accountRoleOf(me.data.isAdmin, me.data.staffOfCouncilIds.length > 0), 'users.manage')) return <Navigate to="/" replace />;
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}
