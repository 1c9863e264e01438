// Loading, error and empty states shared by every page that fetches something.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../lib/errors';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common:status.loading')}
    </p>
  );
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <div className="status status--error" role="alert">
      <p className="status__title">{title ?? t('common:status.loadFailed')}</p>
      <p>{message(error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common:actions.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="status status--empty">{children}</p>;
}
