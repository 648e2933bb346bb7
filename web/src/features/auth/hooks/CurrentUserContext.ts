import { createContext } from 'react';
import type { CurrentUser } from '@hopso/shared';

/** Set by <RequireAuth> once the session is known, so everything inside it has a user. */
export const CurrentUserContext = createContext<CurrentUser | null>(null);
