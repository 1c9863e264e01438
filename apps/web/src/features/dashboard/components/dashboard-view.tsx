// The figures of a period: each headline with its change from the previous period, the twelve
// months' trend of a chosen figure, utilisation per district, hub or room, the registry by district,
// legal form and activity, a table of every hub, the organisations served (staff), and what each
// figure means.
import {
  type Dashboard,
  DASHBOARD_FIGURE_KEYS,
  type DashboardFigureKey,
  type DashboardFigures,
} from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/field';
import { ScrollRegion } from '../../../components/scroll-region';
import { districtName, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { activityLabel, legalFormLabel } from '../../organizations/labels';
import { Chart, type ChartRow } from './chart';
import '../dashboard.css';

const RATES = new Set<DashboardFigureKey>(['utilisation', 'noShowRate']);
/** The figures the hub table shows (the rest are on the cards). */
const HUB_COLUMNS: DashboardFigureKey[] = [
  'bookings',
  'bookedHours',
  'openHours',
  'utilisation',
  'organizations',
  'events',
  'attended',
  'averageRating',
  'volunteerHours',
];
const TREND_KEYS = DASHBOARD_FIGURE_KEYS.filter((k) => k !== 'closedHours' && k !== 'pending');

export function useFigureFormat() {
  const locale = useLocale();
  const tag = locale === 'uk' ? 'uk-UA' : 'en-GB';
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const rating = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  return (key: DashboardFigureKey, value: number | null) =>
    value === null
      ? '—'
      : RATES.has(key)
        ? percent.format(value)
        : key === 'averageRating'
          ? rating.format(value)
          : number.format(value);
}

/** The change from the previous period in words: "+12 %", "−3 п. п." for rates, "new" from zero. */
function useChange() {
  const { t } = useTranslation('dashboard');
  const locale = useLocale();
  const tag = locale === 'uk' ? 'uk-UA' : 'en-GB';
  const pct = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return (key: DashboardFigureKey, now: number | null, before: number | null) => {
    if (now === null || before === null) return t('change.none');
    if (RATES.has(key) || key === 'averageRating') {
      const diff = RATES.has(key) ? (now - before) * 100 : now - before;
      if (Math.abs(diff) < 0.05) return t('change.same');
      return RATES.has(key)
        ? t('change.points', { value: pct.format(diff) })
        : t('change.by', { value: pct.format(diff) });
    }
    if (before === 0) return now === 0 ? t('change.same') : t('change.fromZero');
    const rel = ((now - before) / before) * 100;
    if (Math.abs(rel) < 0.05) return t('change.same');
    return t('change.percent', { value: pct.format(rel) });
  };
}

export function DashboardView({ data, file }: { data: Dashboard; file: string }) {
  const { t } = useTranslation('dashboard');
  const locale = useLocale();
  const format = useFigureFormat();
  const change = useChange();
  const [trendKey, setTrendKey] = useState<DashboardFigureKey>('bookings');
  const name = (k: DashboardFigureKey) => t(`figures.${k}.name`);
  const rows = (
    items: { key: string; label: string; value: number | null }[],
    key: DashboardFigureKey,
  ): ChartRow[] => items.map((i) => ({ ...i, display: format(key, i.value) }));

  const breakdown =
    data.scope.hubId !== null
      ? {
          title: t('charts.utilisationByRoom'),
          heading: t('columns.room'),
          items: data.rooms.map((r) => ({
            key: r.roomId,
            label: localized(r.name, locale),
            value: r.utilisation,
          })),
        }
      : data.scope.district !== null
        ? {
            title: t('charts.utilisationByHub'),
            heading: t('columns.hub'),
            items: data.hubs.map((h) => ({
              key: h.hubId,
              label: localized(h.name, locale),
              value: h.utilisation,
            })),
          }
        : {
            title: t('charts.utilisationByDistrict'),
            heading: t('columns.district'),
            items: data.districts.map((d) => ({
              key: d.district,
              label: districtName(d.district, locale),
              value: d.utilisation,
            })),
          };
  const count = (xs: { key: string; count: number }[], label: (k: string) => string) =>
    xs.map((x) => ({
      key: x.key,
      label: label(x.key),
      value: x.count,
      display: format('verifiedOrganizations', x.count),
    }));

  return (
    <>
      <section aria-labelledby="dashboard-figures-title">
        <h2 id="dashboard-figures-title">{t('headlines')}</h2>
        <ul className="figure-grid">
          {DASHBOARD_FIGURE_KEYS.map((k) => (
            <li key={k} className="figure-card" data-figure={k}>
              <span className="figure-card__name">{name(k)}</span>
              <span className="figure-card__value">{format(k, data.figures[k])}</span>
              <span className="figure-card__change">
                {change(k, data.figures[k], data.previousFigures[k])}
                <span className="visually-hidden">
                  {' '}
                  {t('previousWas', { value: format(k, data.previousFigures[k]) })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="dashboard-charts-title">
        <h2 id="dashboard-charts-title">{t('chartsTitle')}</h2>
        <SelectField
          id="dashboard-trend"
          label={t('trendFigure')}
          value={trendKey}
          onChange={(e) => setTrendKey(e.target.value as DashboardFigureKey)}
        >
          {TREND_KEYS.map((k) => (
            <option key={k} value={k}>
              {name(k)}
            </option>
          ))}
        </SelectField>
        <Chart
          id="trend"
          title={t('charts.trend', { figure: name(trendKey) })}
          labelHeading={t('columns.month')}
          valueHeading={name(trendKey)}
          orientation="vertical"
          file={`${file}-${trendKey}-months`}
          rows={rows(
            data.months.map((m) => ({ key: m.month, label: m.month, value: m[trendKey] })),
            trendKey,
          )}
        />
        <Chart
          id="utilisation"
          title={breakdown.title}
          labelHeading={breakdown.heading}
          valueHeading={name('utilisation')}
          file={`${file}-utilisation`}
          rows={rows(breakdown.items, 'utilisation')}
        />
        <Chart
          id="registry-district"
          title={t('charts.registryByDistrict')}
          labelHeading={t('columns.district')}
          valueHeading={name('verifiedOrganizations')}
          file={`${file}-registry-districts`}
          rows={count(data.registry.byDistrict, (k) => districtName(k, locale))}
        />
        <Chart
          id="registry-legal-form"
          title={t('charts.registryByLegalForm')}
          labelHeading={t('columns.legalForm')}
          valueHeading={name('verifiedOrganizations')}
          file={`${file}-registry-legal-forms`}
          rows={count(data.registry.byLegalForm, (k) => legalFormLabel(k, locale))}
        />
        <Chart
          id="registry-activity"
          title={t('charts.registryByActivity')}
          labelHeading={t('columns.activity')}
          valueHeading={name('verifiedOrganizations')}
          file={`${file}-registry-activities`}
          rows={count(data.registry.byActivity, (k) => activityLabel(k, locale))}
        />
      </section>

      <section className="card" aria-labelledby="dashboard-hubs-title">
        <h2 id="dashboard-hubs-title">{t('hubsTitle')}</h2>
        {data.hubs.length === 0 ? (
          <p className="muted">{t('noHubs')}</p>
        ) : (
          <ScrollRegion label={t('tableOf', { title: t('hubsTitle') })}>
            <table className="table stats-table">
              <caption className="visually-hidden">{t('hubsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.hub')}</th>
                  {HUB_COLUMNS.map((k) => (
                    <th key={k} scope="col" className="numeric">
                      {name(k)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.hubs.map((h) => (
                  <tr key={h.hubId}>
                    <th scope="row">
                      {localized(h.name, locale)}
                      <span className="muted"> · {districtName(h.district, locale)}</span>
                    </th>
                    {HUB_COLUMNS.map((k) => (
                      <td key={k} className="numeric">
                        {format(k, (h as DashboardFigures)[k])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      {data.organizations ? (
        <section className="card" aria-labelledby="dashboard-orgs-title">
          <h2 id="dashboard-orgs-title">{t('organizationsTitle')}</h2>
          <p className="muted">{t('organizationsNote')}</p>
          {data.organizations.length === 0 ? (
            <p className="muted">{t('noOrganizations')}</p>
          ) : (
            <ScrollRegion label={t('tableOf', { title: t('organizationsTitle') })}>
              <table className="table stats-table">
                <caption className="visually-hidden">{t('organizationsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.organization')}</th>
                    <th scope="col" className="numeric">
                      {name('bookings')}
                    </th>
                    <th scope="col" className="numeric">
                      {name('bookedHours')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.organizations.map((o) => (
                    <tr key={o.organizationId}>
                      <th scope="row">{localized(o.name, locale)}</th>
                      <td className="numeric">{format('bookings', o.bookings)}</td>
                      <td className="numeric">{format('bookedHours', o.bookedHours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>
      ) : null}

      <section className="card" aria-labelledby="dashboard-definitions-title">
        <h2 id="dashboard-definitions-title">{t('definitionsTitle')}</h2>
        <p>{t('definitionsIntro')}</p>
        <dl className="definitions">
          {DASHBOARD_FIGURE_KEYS.map((k) => (
            <div key={k}>
              <dt>{name(k)}</dt>
              <dd>{t(`figures.${k}.definition`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
