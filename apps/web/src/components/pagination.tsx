// Previous/next paging for `{items,total}` lists driven by limit/offset.
import { useTranslation } from 'react-i18next';

interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  onChange(offset: number): void;
  label: string;
}

export function Pagination({ total, limit, offset, onChange, label }: PaginationProps) {
  const { t } = useTranslation();
  if (total <= limit && offset === 0) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pagination" aria-label={label}>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset <= 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t('common:pagination.previous')}
      </button>
      <span aria-live="polite">{t('common:pagination.pageOf', { page, pages })}</span>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('common:pagination.next')}
      </button>
    </nav>
  );
}
