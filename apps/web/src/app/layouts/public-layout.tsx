// The frame of every page: skip link, header (brand, navigation, language, account), main, footer.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { PRIVACY_PATH } from '../../features/privacy/paths';
import { belongsToOrganization, hasAdminAccess, useAuth } from '../../lib/auth';

export function PublicLayout() {
  const { t } = useTranslation('common');
  const { status, user, me, logout } = useAuth();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // On a phone the account's links fold under one «Меню» button (the header would otherwise take
  // a third of the screen); on wider screens they are always shown and the button is not.
  const [menuOpen, setMenuOpen] = useState(false);
  const onHubPage = location.pathname.startsWith('/hubs/') || location.pathname.startsWith('/rooms/');

  // After client-side navigation, move focus to the new content like a page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    setMenuOpen(false);
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo?.(0, 0);
  }, [location.pathname]);

  async function onLogout() {
    // Leave first: on a signed-in-only page the guard would otherwise send the user to log in.
    await navigate('/');
    await logout();
  }

  // A returning reader's session is restored before the first paint of the page: the header drawn
  // for a guest and then redrawn for the account (taller on a wide screen, where the account's links
  // wrap) moved the whole page down (layout shift 0.58). Only the progress bar shows meanwhile.
  if (status === 'restoring') {
    return (
      <div className="app">
        <div className="progress" aria-hidden="true" />
        <p className="visually-hidden" role="status">
          {t('status.loading')}
        </p>
      </div>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      {navigation.state === 'loading' ? <div className="progress" aria-hidden="true" /> : null}
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">Vcentri</span>
            <span className="brand__tagline">{t('tagline')}</span>
          </Link>
          <nav className="site-nav" aria-label={t('nav.main')}>
            <ul>
              <li>
                <NavLink
                  to="/"
                  end
                  className={({ isActive }) => (!isActive && onHubPage ? 'is-section' : undefined)}
                >
                  {t('nav.hubs')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/events">{t('nav.events')}</NavLink>
              </li>
              <li>
                <NavLink to="/volunteering">{t('nav.volunteering')}</NavLink>
              </li>
              <li>
                <NavLink to="/registry">{t('nav.registry')}</NavLink>
              </li>
              <li>
                <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
              </li>
              <li>
                <NavLink to="/open-data">{t('nav.openData')}</NavLink>
              </li>
            </ul>
          </nav>
          <div className="site-header__tools">
            <LanguageSwitch />
            {user ? (
              <>
                <span className="user-nav__name" data-testid="current-user">
                  {user.name}
                </span>
                <NotificationBell />
                <button
                  type="button"
                  className="menu-toggle"
                  aria-expanded={menuOpen}
                  aria-controls="user-menu"
                  onClick={() => setMenuOpen((open) => !open)}
                >
                  {t('nav.menu')}
                </button>
              </>
            ) : null}
            {user ? (
              <nav
                id="user-menu"
                className={`user-nav user-nav--folding${menuOpen ? ' is-open' : ''}`}
                aria-label={t('nav.userMenu')}
              >
                <NavLink to="/my/organizations">{t('nav.myOrganizations')}</NavLink>
                <NavLink to="/my/volunteering">{t('nav.myVolunteering')}</NavLink>
                {belongsToOrganization(me) ? (
                  <NavLink to="/my/bookings">{t('nav.myBookings')}</NavLink>
                ) : null}
                <NavLink to="/account">{t('nav.account')}</NavLink>
                {hasAdminAccess(me) ? <NavLink to="/admin">{t('nav.admin')}</NavLink> : null}
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => void onLogout()}
                >
                  {t('nav.logout')}
                </button>
              </nav>
            ) : (
              <nav className="user-nav" aria-label={t('nav.userMenu')}>
                <NavLink to="/login">{t('nav.login')}</NavLink>
                <NavLink to="/register" className="button button--small">
                  {t('nav.register')}
                </NavLink>
              </nav>
            )}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef} className="container page">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.text')}</p>
          <p className="site-footer__links">
            <Link to={PRIVACY_PATH}>{t('footer.privacy')}</Link>
            <span aria-hidden="true"> · </span>
            <Link to="/open-government">{t('footer.openGovernment')}</Link>
            <span aria-hidden="true"> · </span>
            <Link to="/reports">{t('footer.reports')}</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
