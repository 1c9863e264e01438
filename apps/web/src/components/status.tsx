// Loading, error and empty states shared by every page that fetches something.
import { type ReactNode, useLayoutEffect, useRef } from 'react';
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

/**
 * What a submission achieved, said where the form is. It takes focus whenever its words appear or
 * change, so keyboard and screen-reader users land on the result rather than on the page body,
 * and it stays a polite live region (empty and hidden until there is something to say).
 */
export function SuccessNotice({ children }: { children?: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const said = useRef('');
  useLayoutEffect(() => {
    const text = ref.current?.textContent ?? '';
    if (text && text !== said.current) ref.current?.focus();
    said.current = text;
  });
  const empty = children === null || children === undefined || children === false || children === '';
  return (
    <p ref={ref} className="notice notice--success" role="status" tabIndex={-1} hidden={empty}>
      {children}
    </p>
  );
}
