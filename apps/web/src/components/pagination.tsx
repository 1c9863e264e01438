// Previous/next paging for `{items,total}` lists driven by limit/offset. A list whose count
// stopped at the API's cap (`totalExact: false`) says "more than N" and always offers the next page.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../lib/format';
import { useLocale } from '../lib/i18n';

interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  onChange(offset: number): void;
  label: string;
  /** false: there are more than `total` items. */
  totalExact?: boolean | undefined;
}

export function Pagination({ total, limit, offset, onChange, label, totalExact }: PaginationProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const more = totalExact === false;
  if (!more && total <= limit && offset === 0) return null;
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
      <span aria-live="polite">
        {more
          ? t('common:pagination.pageOfMore', { page, total: formatCount(total, locale) })
          : t('common:pagination.pageOf', { page, pages })}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={!more && offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('common:pagination.next')}
      </button>
    </nav>
  );
}
