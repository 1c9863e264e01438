// The public dashboard (/dashboard, no account): the hubs' work for a month, a quarter, a year or
// any range, for the city, a district or a hub. Every choice lives in the URL, so a view can be
// shared and the browser's back button walks through them.
import { isDistrict } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DistrictOptions } from '../../components/district-options';
import { SelectField, TextField } from '../../components/field';
import { ErrorState, Loading } from '../../components/status';
import { useDashboard } from '../../features/dashboard/api/get-dashboard';
import { DashboardView } from '../../features/dashboard/components/dashboard-view';
import {
  monthPeriod,
  type PeriodKind,
  periodFromParams,
  quarterPeriod,
  rangePeriod,
  recentQuarters,
  yearPeriod,
} from '../../features/dashboard/period';
import { useHubs } from '../../features/hubs/api/get-hubs';
import { districtName, formatLocalDate, localized } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { kyivToday } from '../../lib/kyiv-dates';
import { PageTitle } from '../page-title';

const PERIOD_PARAMS = ['month', 'quarter', 'year', 'from', 'to'];

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const today = kyivToday();
  const period = periodFromParams(params, today);
  const districtParam = params.get('district') ?? '';
  const district = isDistrict(districtParam) ? districtParam : '';
  const hubId = district ? (params.get('hub') ?? '') : '';
  const hubs = useHubs({ limit: 100, ...(district ? { district } : {}) });
  const dashboard = useDashboard({
    from: period.from,
    to: period.to,
    ...(district ? { district } : {}),
    ...(hubId ? { hubId } : {}),
  });

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: false });
  }
  function setPeriod(kind: PeriodKind, value: string, to?: string) {
    const cleared = Object.fromEntries(PERIOD_PARAMS.map((p) => [p, null]));
    if (kind === 'range') update({ ...cleared, from: value, to: to ?? value });
    else update({ ...cleared, [kind]: value });
  }
  function changeKind(kind: PeriodKind) {
    if (kind === 'month') setPeriod('month', period.to.slice(0, 7));
    else if (kind === 'quarter') setPeriod('quarter', recentQuarters(period.to)[0]!);
    else if (kind === 'year') setPeriod('year', period.to.slice(0, 4));
    else setPeriod('range', period.from, period.to);
  }

  const hubName = hubs.data?.items.find((h) => h.id === hubId);
  const scope = hubName
    ? localized(hubName.name, locale)
    : district
      ? districtName(district, locale)
      : t('wholeCity');
  const years = Array.from({ length: 6 }, (_, i) => String(Number(today.slice(0, 4)) - i));
  const file = `vcentri-${period.value.replace('..', '_')}${district ? `-${district}` : ''}`;

  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <section className="hero">
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </section>
      <form className="toolbar filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="dashboard-kind"
          label={t('period.kind')}
          value={period.kind}
          onChange={(e) => changeKind(e.target.value as PeriodKind)}
        >
          {(['month', 'quarter', 'year', 'range'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`period.${k}`)}
            </option>
          ))}
        </SelectField>
        {period.kind === 'month' ? (
          <TextField
            id="dashboard-month"
            label={t('period.month')}
            type="month"
            value={period.value}
            onChange={(e) => monthPeriod(e.target.value) && setPeriod('month', e.target.value)}
          />
        ) : period.kind === 'quarter' ? (
          <SelectField
            id="dashboard-quarter"
            label={t('period.quarter')}
            value={period.value}
            onChange={(e) => quarterPeriod(e.target.value) && setPeriod('quarter', e.target.value)}
          >
            {[...new Set([period.value, ...recentQuarters(today)])].map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </SelectField>
        ) : period.kind === 'year' ? (
          <SelectField
            id="dashboard-year"
            label={t('period.year')}
            value={period.value}
            onChange={(e) => yearPeriod(e.target.value) && setPeriod('year', e.target.value)}
          >
            {[...new Set([period.value, ...years])].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        ) : (
          <>
            <TextField
              id="dashboard-from"
              label={t('period.from')}
              type="date"
              value={period.from}
              max={period.to}
              onChange={(e) =>
                rangePeriod(e.target.value, period.to) && setPeriod('range', e.target.value, period.to)
              }
            />
            <TextField
              id="dashboard-to"
              label={t('period.to')}
              type="date"
              value={period.to}
              min={period.from}
              onChange={(e) =>
                rangePeriod(period.from, e.target.value) && setPeriod('range', period.from, e.target.value)
              }
            />
          </>
        )}
        <SelectField
          id="dashboard-district"
          label={t('district')}
          value={district}
          onChange={(e) => update({ district: e.target.value || null, hub: null })}
        >
          <option value="">{t('wholeCity')}</option>
          <DistrictOptions />
        </SelectField>
        {district ? (
          <SelectField
            id="dashboard-hub"
            label={t('hub')}
            value={hubId}
            onChange={(e) => update({ hub: e.target.value || null })}
          >
            <option value="">{t('allHubs')}</option>
            {(hubs.data?.items ?? []).map((h) => (
              <option key={h.id} value={h.id}>
                {localized(h.name, locale)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </form>
      <p aria-live="polite" className="muted" data-testid="dashboard-scope">
        {t('showing', {
          scope,
          from: formatLocalDate(period.from, locale),
          to: formatLocalDate(period.to, locale),
        })}
        {dashboard.data
          ? ` ${t('comparedWith', {
              from: formatLocalDate(dashboard.data.previous.from, locale),
              to: formatLocalDate(dashboard.data.previous.to, locale),
            })}`
          : null}
      </p>
      {dashboard.isPending ? (
        <Loading label={t('loading')} />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <div aria-busy={dashboard.isPlaceholderData || undefined}>
          <DashboardView data={dashboard.data} file={file} />
        </div>
      )}
    </>
  );
}
