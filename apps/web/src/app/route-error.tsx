// Last line of defence for a page that failed to render or whose code failed to load (typically
// after a new deployment replaced the old chunks): say so, and offer a way on.
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

export function RouteError() {
  const { t } = useTranslation('common');
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="container page">
      <div className="status status--error" role="alert">
        <h1>{notFound ? t('notFound.title') : t('crash.title')}</h1>
        <p>{notFound ? t('notFound.text') : t('crash.text')}</p>
        <p className="actions">
          <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
            {t('crash.reload')}
          </button>
          <a className="button button--link" href="/">
            {t('notFound.home')}
          </a>
        </p>
      </div>
    </div>
  );
}
