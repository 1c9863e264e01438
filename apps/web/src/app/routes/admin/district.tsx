// The district view (district administrators for their district, city administrators for any):
// the dashboard's figures for a range of days (the same definitions as the public dashboard, the
// reports and the open data) with the organisations served, the district's volunteering, and its
// bookings, read-only, filtered.
import {
  addDays,
  BOOKING_STATUSES,
  type BookingStatus,
  DISTRICTS,
  fromKyiv,
  isDistrict,
} from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/field';
import { Pagination } from '../../../components/pagination';
import { ScrollRegion } from '../../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { useBookings } from '../../../features/bookings/api/get-bookings';
import { BookingStatusBadge } from '../../../features/bookings/components/booking-status-badge';
import { useDashboard } from '../../../features/dashboard/api/get-dashboard';
import { DashboardView } from '../../../features/dashboard/components/dashboard-view';
import { useVolunteeringStats } from '../../../features/volunteering-stats/api/get-volunteering-stats';
import { DistrictVolunteeringStats } from '../../../features/volunteering-stats/components/district-volunteering-stats';
import { isCityAdmin, useAuth } from '../../../lib/auth';
import { districtName, formatCount, formatInterval, formatLocalDate, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { isLocalDate, kyivToday, mondayOf } from '../../../lib/kyiv-dates';
import { NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';

const PAGE_SIZE = 50;

function isStatus(value: string | null): value is BookingStatus {
  return value !== null && (BOOKING_STATUSES as readonly string[]).includes(value);
}

export function AdminDistrictPage() {
  const { me } = useAuth();
  const cityAdmin = isCityAdmin(me);
  const own = me?.scopes.districts ?? [];
  if (!me || (!cityAdmin && own.length === 0)) return <NoAccess />;
  return <DistrictView cityAdmin={cityAdmin} own={own} />;
}

function DistrictView({ cityAdmin, own }: { cityAdmin: boolean; own: readonly string[] }) {
  const { t } = useTranslation(['bookings', 'admin', 'hubs']);
  const locale = useLocale();
  const [params, setParams] = useSearchParams();

  const options = cityAdmin ? DISTRICTS.map((d) => d.slug as string) : [...own];
  const districtParam = params.get('district') ?? '';
  const district =
    districtParam === 'all' && cityAdmin
      ? ''
      : options.includes(districtParam) && isDistrict(districtParam)
        ? districtParam
        : (own[0] ?? (cityAdmin ? '' : options[0]) ?? '');
  const monday = mondayOf(kyivToday());
  const fromDate = isLocalDate(params.get('from')) ? (params.get('from') as string) : monday;
  const toParam = params.get('to');
  const toDate = isLocalDate(toParam) && toParam >= fromDate ? toParam : addDays(fromDate, 6);
  const hubId = params.get('hubId') ?? '';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const offset = Math.max(0, Math.floor(Number(params.get('offset')) || 0));

  const from = fromKyiv(fromDate, '00:00').toISOString();
  const to = fromKyiv(addDays(toDate, 1), '00:00').toISOString();
  const statsQuery = { from, to, ...(district ? { district } : {}) };
  // The figures of the public dashboard, the reports and the open data, for the same days, with
  // the organisations served (staff detail).
  const dashboard = useDashboard({ from: fromDate, to: toDate, ...(district ? { district } : {}) });
  // The same query the volunteering section makes (shared, asked once).
  const volunteeringStats = useVolunteeringStats(statsQuery);
  const bookings = useBookings({
    ...(district ? { district } : {}),
    from,
    to,
    ...(hubId ? { hubId } : {}),
    status,
    limit: PAGE_SIZE,
    offset,
  });
  // Once all four have answered (or failed) the page is drawn, and stays drawn: a section's own
  // refetch (a failed one retried when it mounts) must not fold the page back into «loading».
  const [drawn, setDrawn] = useState(false);
  const anyPending = [dashboard, volunteeringStats, bookings].some((q) => q.isPending);
  if (!drawn && !anyPending) setDrawn(true);
  const firstLoad = !drawn && anyPending;

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next, { replace: true });
  }

  const hubs = dashboard.data?.hubs ?? [];
  const title = district
    ? t('bookings:district.titleFor', { district: districtName(district, locale) })
    : t('bookings:district.cityTitle');

  return (
    <>
      <PageTitle>{t('admin:nav.district')}</PageTitle>
      <h1>{title}</h1>
      <p className="lead">{t('bookings:district.intro')}</p>
      <div className="toolbar filters">
        {options.length > 1 || cityAdmin ? (
          <SelectField
            id="district-select"
            label={t('hubs:district')}
            value={district || 'all'}
            onChange={(e) => update({ district: e.target.value, hubId: null })}
          >
            {cityAdmin ? <option value="all">{t('bookings:district.wholeCity')}</option> : null}
            {options.map((slug) => (
              <option key={slug} value={slug}>
                {districtName(slug, locale)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          id="district-from"
          label={t('bookings:district.from')}
          type="date"
          value={fromDate}
          onChange={(e) => isLocalDate(e.target.value) && update({ from: e.target.value })}
        />
        <TextField
          id="district-to"
          label={t('bookings:district.to')}
          type="date"
          min={fromDate}
          value={toDate}
          onChange={(e) => isLocalDate(e.target.value) && update({ to: e.target.value })}
        />
      </div>

      {/* The four parts are drawn together once each has its first answer: drawn one by one, each
          pushed the ones below it down the screen (a layout shift of 0.13 on a wide screen). */}
      {firstLoad ? (
        <Loading />
      ) : (
        <>
          {dashboard.isPending ? (
            <Loading />
          ) : dashboard.isError ? (
            <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
          ) : (
            <div aria-busy={dashboard.isPlaceholderData || undefined}>
              <DashboardView
                data={dashboard.data}
                file={`vcentri-${district || 'kyiv'}-${fromDate}_${toDate}`}
              />
            </div>
          )}
          <DistrictVolunteeringStats query={statsQuery} />

          <section className="card" aria-labelledby="district-bookings-title">
            <h2 id="district-bookings-title">{t('bookings:district.bookingsTitle')}</h2>
            <div className="toolbar filters">
              <SelectField
                id="district-hub"
                label={t('bookings:district.hub')}
                value={hubId}
                onChange={(e) => update({ hubId: e.target.value || null })}
              >
                <option value="">{t('bookings:district.allHubs')}</option>
                {hubs.map((h) => (
                  <option key={h.hubId} value={h.hubId}>
                    {localized(h.name, locale)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id="district-status"
                label={t('bookings:filters.status')}
                value={status ?? ''}
                onChange={(e) => update({ status: e.target.value || null })}
              >
                <option value="">{t('bookings:filters.allStatuses')}</option>
                {BOOKING_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`bookings:status.${s}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            {bookings.isPending ? (
              <Loading />
            ) : bookings.isError ? (
              <ErrorState error={bookings.error} onRetry={() => void bookings.refetch()} />
            ) : bookings.data.items.length === 0 ? (
              <EmptyState>{t('bookings:district.noBookings')}</EmptyState>
            ) : (
              <>
                <p className="muted" aria-live="polite">
                  {bookings.data.totalExact === false
                    ? t('bookings:district.foundMore', { total: formatCount(bookings.data.total, locale) })
                    : t('bookings:district.found', { count: bookings.data.total })}
                </p>
                <ScrollRegion label={t('bookings:district.bookingsTableLabel')}>
                  <table className="table" aria-busy={bookings.isPlaceholderData || undefined}>
                    <caption className="visually-hidden">{t('bookings:district.bookingsTitle')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('bookings:fields.when')}</th>
                        <th scope="col">{t('bookings:fields.where')}</th>
                        <th scope="col">{t('bookings:fields.title')}</th>
                        <th scope="col">{t('bookings:fields.organization')}</th>
                        <th scope="col">{t('bookings:fields.status')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {bookings.data.items.map((b) => (
                        <tr key={b.id}>
                          <td className="nowrap">{formatInterval(b.start, b.end, locale)}</td>
                          <td>
                            {localized(b.roomName, locale)}, {localized(b.hubName, locale)}
                          </td>
                          <th scope="row">{b.title}</th>
                          <td>{localized(b.organizationName, locale)}</td>
                          <td>
                            <BookingStatusBadge status={b.status} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
                <Pagination
                  total={bookings.data.total}
                  totalExact={bookings.data.totalExact}
                  limit={PAGE_SIZE}
                  offset={offset}
                  onChange={(o) => update({ offset: o > 0 ? String(o) : null })}
                  label={t('bookings:district.pagination')}
                />
              </>
            )}
            <p className="muted">{t('bookings:mine.timeNote')}</p>
          </section>
        </>
      )}
    </>
  );
}
