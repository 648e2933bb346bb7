import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { accountCan, accountRoleOf } from '@hopso/shared';
import { useI18n } from '../i18n/useI18n';
import { useDismissOnEscapeOrOutside } from '../ui/useDismissOnEscapeOrOutside';
import { useLogout } from '../features/auth/hooks/useLogout';
import { useRequiredUser } from '../features/auth/hooks/useRequiredUser';
import { OfflineStatus } from '../features/offline/components/OfflineStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import './AppLayout.css';

/**
 * One header row on every screen: the brand, the bell and a menu button with the person's name.
 * The menu holds the account's and language's controls (and on a phone the main links), so a
 * 360 px phone keeps its first screen for the meeting.
 */
export function AppLayout() {
  const { t } = useI18n();
  const user = useRequiredUser();
  const managesAccounts = accountCan(accountRoleOf(user.isAdmin, user.staffOfCouncilIds.length > 0), 'users.manage');
  const logout = useLogout();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => setMenuOpen(false), [location.pathname]);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  useDismissOnEscapeOrOutside(menuOpen, closeMenu, menu, toggle);

  const mainLinks = (
    <>
      <NavLink to="/" end>
        {t.header.myMeetings}
      </NavLink>
      {managesAccounts && <NavLink to="/admin/users">{t.header.users}</NavLink>}
      {managesAccounts && <NavLink to="/admin/councils">{t.header.councils}</NavLink>}
    </>
  );

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="app-header" data-testid="app-header">
        <div className="app-header-row">
          <Link to="/" className="app-brand">
            <span className="app-brand-mark" aria-hidden="true">
              hs
            </span>
            <span>{t.app.name}</span>
          </Link>
          <nav aria-label={t.header.mainNav} className="app-nav app-nav-wide">
            {mainLinks}
          </nav>
          <div className="app-header-actions">
            <NotificationBell />
            <button
              ref={toggle}
              type="button"
              className="button button-ghost app-menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="app-menu"
              onClick={() => setMenuOpen((open) => !open)}
              data-testid="app-menu-toggle"
            >
              <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                <path d="M4 6h16M4 12h16M4 18h16" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
              </svg>
              <span className="app-user" data-testid="current-user">
                {user.fullName}
              </span>
              <span className="visually-hidden">{t.phone.menu}</span>
            </button>
          </div>
        </div>
        <div id="app-menu" ref={menu} className="app-menu" hidden={!menuOpen} data-testid="app-menu">
          <p className="app-menu-user">{t.header.signedInAs(user.fullName)}</p>
          <nav aria-label={t.phone.menu} className="app-nav app-menu-nav">
            <span className="app-menu-main">{mainLinks}</span>
            <NavLink to="/account/password" data-testid="change-password-link">
              {t.header.password}
            </NavLink>
          </nav>
          <div className="app-menu-actions">
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
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <OfflineStatus />
        <Outlet />
      </main>
    </div>
  );
}
