// Page guards. They only shape the UI: every permission is enforced by the API.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { Loading } from '../components/status';
import { isCityAdmin, useAuth } from '../lib/auth';

/** A same-site path to return to after signing in; anything else falls back to `fallback`. */
export function safeNext(value: string | null | undefined, fallback = '/'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

export function loginPathFor(location: { pathname: string; search: string }): string {
  return `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/** Renders children for a signed-in user; sends anyone else to the log-in page and back. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <Loading />;
  if (status === 'signed_out') return <Navigate to={loginPathFor(location)} replace />;
  return children;
}

export function NoAccess() {
  const { t } = useTranslation('admin');
  return (
    <div className="notice notice--warning" data-testid="no-access">
      <h2>{t('noAccess.title')}</h2>
      <p>{t('noAccess.text')}</p>
      <p>
        <Link to="/">{t('noAccess.home')}</Link>
      </p>
    </div>
  );
}

export function RequireCityAdmin({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return isCityAdmin(me) ? children : <NoAccess />;
}
