import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { RegisterForm } from '../../features/auth/components/register-form';
import { PRIVACY_PATH } from '../../features/privacy/paths';
import { useAuth } from '../../lib/auth';
import { safeNext } from '../guards';
import { PageTitle } from '../page-title';

export function RegisterPage() {
  const { t } = useTranslation('auth');
  const { status } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const nextParam = params.get('next');
  const next = safeNext(nextParam, '/account');

  if (status === 'signed_in') return <Navigate to={next} replace />;

  return (
    <section className="narrow">
      <PageTitle>{t('register.title')}</PageTitle>
      <h1 id="register-title">{t('register.title')}</h1>
      <p className="lead">{t('register.intro')}</p>
      <RegisterForm
        onRegistered={(me) => {
          if (me) navigate(next, { replace: true });
          else {
            const search = new URLSearchParams({ registered: '1' });
            if (nextParam) search.set('next', next);
            navigate(`/login?${search}`, { replace: true });
          }
        }}
      />
      <p className="form-footer" id="register-privacy">
        {t('register.privacyNote')} <Link to={PRIVACY_PATH}>{t('register.privacyLink')}</Link>
      </p>
      <p className="form-footer">
        {t('register.haveAccount')}{' '}
        <Link to={nextParam ? `/login?next=${encodeURIComponent(next)}` : '/login'}>
          {t('register.loginLink')}
        </Link>
      </p>
    </section>
  );
}
