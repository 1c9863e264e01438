import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form';
import { useAuth } from '../../lib/auth';
import { safeNext } from '../guards';
import { PageTitle } from '../page-title';
import { SuccessNotice } from '../../components/status';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { status } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const registered = params.get('registered') === '1';

  // Someone already signed in (e.g. the session was restored) goes where they were heading.
  if (status === 'signed_in') return <Navigate to={next} replace />;

  return (
    <section className="narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      <h1 id="login-title">{t('login.title')}</h1>
      {registered ? <SuccessNotice>{t('login.registered')}</SuccessNotice> : null}
      <LoginForm onSuccess={() => navigate(next, { replace: true })} />
      <p className="form-footer">
        {t('login.noAccount')}{' '}
        <Link to={next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`}>
          {t('login.registerLink')}
        </Link>
      </p>
    </section>
  );
}
