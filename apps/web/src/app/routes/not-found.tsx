import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../page-title';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  return (
    <section className="narrow">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link className="button button--link" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </section>
  );
}
