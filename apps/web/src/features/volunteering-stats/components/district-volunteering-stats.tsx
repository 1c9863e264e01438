// The district's volunteering: totals for the window, then a table per hub and one per
// organisation (programs, shifts, places, sign-ups, volunteers, attendance, approved hours).
// Each table scrolls sideways inside a focusable region, so a phone's keyboard user reaches it.
import type { VolunteeringFigures } from '@vcentri/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/scroll-region';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { districtName, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useVolunteeringStats, type VolunteeringStatsQuery } from '../api/get-volunteering-stats';

const COLUMNS = [
  'programs',
  'shifts',
  'places',
  'signups',
  'volunteers',
  'attendance',
  'noShows',
  'approvedHours',
] as const;

export function DistrictVolunteeringStats({ query }: { query: VolunteeringStatsQuery }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const stats = useVolunteeringStats(query);
  const tag = locale === 'uk' ? 'uk-UA' : 'en-GB';
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const cells = (f: VolunteeringFigures) => [
    number.format(f.programs),
    number.format(f.shifts),
    number.format(f.places),
    number.format(f.signups),
    number.format(f.volunteers),
    f.attendanceRate === null ? '—' : percent.format(f.attendanceRate),
    number.format(f.noShows),
    number.format(f.approvedMinutes / 60),
  ];

  const table = (
    label: string,
    heading: string,
    rows: { key: string; name: ReactNode; f: VolunteeringFigures }[],
  ) => (
    <ScrollRegion label={label}>
      <table className="table stats-table" aria-busy={stats.isPlaceholderData || undefined}>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="numeric">
                {t(`volunteeringStats.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              {cells(r.f).map((v, i) => (
                <td key={COLUMNS[i]} className="numeric">
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );

  return (
    <section className="card" aria-labelledby="district-volunteering-title">
      <h2 id="district-volunteering-title">{t('volunteeringStats.title')}</h2>
      {stats.isPending ? (
        <Loading />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <dl className="facts">
            {COLUMNS.map((c, i) => (
              <div key={c}>
                <dt>{t(`volunteeringStats.columns.${c}`)}</dt>
                <dd>{cells(stats.data.totals)[i]}</dd>
              </div>
            ))}
          </dl>
          {stats.data.hubs.length === 0 ? (
            <EmptyState>{t('volunteeringStats.noHubs')}</EmptyState>
          ) : (
            table(
              t('volunteeringStats.byHub'),
              t('volunteeringStats.columns.hub'),
              stats.data.hubs.map((h) => ({
                key: h.hubId,
                name: (
                  <>
                    {localized(h.hubName, locale)}
                    {query.district ? null : (
                      <span className="muted"> · {districtName(h.district, locale)}</span>
                    )}
                  </>
                ),
                f: h,
              })),
            )
          )}
          {stats.data.organizations.length === 0 ? (
            <EmptyState>{t('volunteeringStats.noOrganizations')}</EmptyState>
          ) : (
            table(
              t('volunteeringStats.byOrganization'),
              t('volunteeringStats.columns.organization'),
              stats.data.organizations.map((o) => ({
                key: o.organizationId,
                name: localized(o.organizationName, locale),
                f: o,
              })),
            )
          )}
        </>
      )}
      <p className="muted">{t('volunteeringStats.note')}</p>
    </section>
  );
}
