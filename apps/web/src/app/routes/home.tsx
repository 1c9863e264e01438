// Home: the Vcentri HUB network, filterable by district.
import { DistrictOptions } from '../../components/district-options';
import { isDistrict } from '@vcentri/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { SelectField } from '../../components/field';
import { Pagination } from '../../components/pagination';
import { EmptyState, ErrorState, Loading } from '../../components/status';
import { useHubs } from '../../features/hubs/api/get-hubs';
import { HubCard } from '../../features/hubs/components/hub-card';
import { isAccountDeletedState } from '../../features/privacy/paths';
import { useLocale } from '../../lib/i18n';
import { PageTitle } from '../page-title';

const PAGE_SIZE = 24;

export function HomePage() {
  const { t } = useTranslation('hubs');
  const _locale = useLocale();
  const [params, setParams] = useSearchParams();
  const districtParam = params.get('district') ?? '';
  const district = isDistrict(districtParam) ? districtParam : undefined;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const hubs = useHubs({ district, limit: PAGE_SIZE, offset });

  function update(next: { district?: string; offset?: number }) {
    const search = new URLSearchParams(params);
    if (next.district !== undefined) {
      if (next.district) search.set('district', next.district);
      else search.delete('district');
      search.delete('offset');
    }
    if (next.offset !== undefined) {
      if (next.offset > 0) search.set('offset', String(next.offset));
      else search.delete('offset');
    }
    setParams(search);
  }

  return (
    <>
      <PageTitle>{t('list.title')}</PageTitle>
      <AccountDeletedNotice />
      <section className="hero">
        <h1>{t('list.title')}</h1>
        <p className="lead">{t('list.intro')}</p>
      </section>
      <div className="toolbar">
        <SelectField
          id="hub-district-filter"
          label={t('list.filterDistrict')}
          value={district ?? ''}
          onChange={(e) => update({ district: e.target.value })}
        >
          <option value="">{t('list.allDistricts')}</option>
          <DistrictOptions />
        </SelectField>
        {hubs.data ? (
          <p className="toolbar__count" aria-live="polite">
            {t('list.total', { count: hubs.data.total })}
          </p>
        ) : null}
      </div>
      {hubs.isPending ? (
        <Loading label={t('list.loading')} />
      ) : hubs.isError ? (
        <ErrorState error={hubs.error} title={t('list.loadFailed')} onRetry={() => void hubs.refetch()} />
      ) : hubs.data.items.length === 0 ? (
        <EmptyState>{district ? t('list.emptyInDistrict') : t('list.empty')}</EmptyState>
      ) : (
        <ul className="hub-grid" aria-label={t('list.listLabel')}>
          {hubs.data.items.map((hub) => (
            <li key={hub.id}>
              <HubCard hub={hub} />
            </li>
          ))}
        </ul>
      )}
      {hubs.data ? (
        <Pagination
          total={hubs.data.total}
          limit={PAGE_SIZE}
          offset={offset}
          onChange={(o) => update({ offset: o })}
          label={t('list.pagination')}
        />
      ) : null}
    </>
  );
}

/** Said once the reader's account has been erased (the account page comes here afterwards). */
function AccountDeletedNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const deleted = isAccountDeletedState(location.state);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!deleted) return;
    // After the layout has moved focus to the new page's main region: the result is what to read.
    const timer = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [deleted]);
  if (!deleted) return null;
  return (
    <p ref={ref} className="notice notice--success" role="status" tabIndex={-1}>
      {t('common:notices.accountDeleted')}
    </p>
  );
}
