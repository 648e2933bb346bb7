import { Link, NavLink, Outlet } from 'react-router-dom';
import { accountCan, accountRoleOf } from '@hopso/shared';
import { useI18n } from '../i18n/useI18n';
import { useLogout } from '../features/auth/hooks/useLogout';
import { useRequiredUser } from '../features/auth/hooks/useRequiredUser';
import { OfflineStatus } from '../features/offline/components/OfflineStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import './AppLayout.css';

export function AppLayout() {
  const { t } = useI18n();
  const user = useRequiredUser();
  const managesAccounts = accountCan(accountRoleOf(user.isAdmin, user.staffOfCouncilIds.length > 0), 'users.manage');
  const logout = useLogout();
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header-row">
          <Link to="/" className="app-brand">
            <span className="app-brand-mark" aria-hidden="true">
              hs
            </span>
            <span>{t.app.name}</span>
          </Link>
          <div className="app-header-actions">
            <NotificationBell />
            <LanguageSwitch />
            <button
              type="button"
              className="button button-ghost"
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
              data-testid="logout-button"
            >
              {logout.isPending ? t.header.loggingOut : t.header.logout}
            </button>
          </div>
        </div>
        <div className="app-header-row app-header-sub">
          <nav aria-label={t.header.mainNav} className="app-nav">
            <NavLink to="/" end>
              {t.header.myMeetings}
            </NavLink>
            {managesAccounts && <NavLink to="/admin/users">{t.header.users}</NavLink>}
            {managesAccounts && <NavLink to="/admin/councils">{t.header.councils}</NavLink>}
            <NavLink to="/account/password" data-testid="change-password-link">
              {t.header.password}
            </NavLink>
          </nav>
          <p className="app-user" data-testid="current-user">
            <span className="visually-hidden">{t.header.signedInAs(user.fullName)}</span>
            <span aria-hidden="true">{user.fullName}</span>
          </p>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <OfflineStatus />
        <Outlet />
      </main>
    </div>
  );
}
