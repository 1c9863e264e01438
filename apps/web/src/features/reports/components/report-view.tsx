// One report as HTML, the same sections as its PDF: each with its narrative (in the reader's
// language, the other one marked with its lang when only that exists) and a captioned table —
// headline figures and volunteering against the previous period, per district, per hub, the
// notable events and, for a quarter, the action plan's indicators. Wide tables scroll inside
// themselves so a 390 px phone keeps its page width.
import {
  type DashboardFigureKey,
  type DashboardFigures,
  REPORT_AREA_FIGURES,
  REPORT_HEADLINE_FIGURES,
  REPORT_VOLUNTEERING_FIGURES,
  type Report,
  type ReportSection,
} from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/scroll-region';
import { EmptyState } from '../../../components/status';
import { districtName, formatCalendarDate, formatDateTime, textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { changeOf, figureText, periodName } from '../format';

const HEADLINE = REPORT_HEADLINE_FIGURES;
const VOLUNTEERING = REPORT_VOLUNTEERING_FIGURES;
const AREA = REPORT_AREA_FIGURES;

export function ReportView({ report, headingLevel = 2 }: { report: Report; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('reports');
  const locale = useLocale();
  const s = report.snapshot;
  const name = periodName(report.period, t);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const id = (section: ReportSection) => `report-${report.period}-${section}`;

  const section = (key: ReportSection, body: React.ReactNode) => (
    <section className="report-section" aria-labelledby={id(key)} key={key}>
      <H id={id(key)}>{t(`sections.${key}`)}</H>
      <Narrative report={report} section={key} />
      {body}
    </section>
  );

  const comparison = (keys: DashboardFigureKey[], caption: string) => (
    <ScrollRegion label={t('report.scrollTable', { caption })}>
      <table className="table report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.figure')}</th>
            <th scope="col">{t('report.value')}</th>
            <th scope="col">
              {t('report.previous', {
                from: formatCalendarDate(s.previous.from, locale),
                to: formatCalendarDate(s.previous.to, locale),
              })}
            </th>
            <th scope="col">{t('report.change')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const change = changeOf(k, s.figures[k], s.previousFigures[k], locale);
            return (
              <tr key={k}>
                <th scope="row">{t(`figures.${k}`)}</th>
                <td className="num">{figureText(k, s.figures[k], locale)}</td>
                <td className="num">{figureText(k, s.previousFigures[k], locale)}</td>
                <td className={`num report-change report-change--${change?.direction ?? 'same'}`}>
                  {change ? (
                    <>
                      {change.text}
                      <span className="visually-hidden"> ({t(`report.${change.direction}`)})</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );

  const areaCells = (row: DashboardFigures) =>
    AREA.map((k) => (
      <td className="num" key={k}>
        {figureText(k, row[k], locale)}
      </td>
    ));

  return (
    <div className="report-view">
      {section('summary', comparison(HEADLINE, t('report.summaryCaption', { name })))}
      {section(
        'districts',
        <ScrollRegion label={t('report.scrollTable', { caption: t('report.districtsCaption', { name }) })}>
          <table className="table report-table">
            <caption>{t('report.districtsCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.district')}</th>
                {AREA.map((k) => (
                  <th scope="col" key={k}>
                    {t(`figures.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.districts.map((d) => (
                <tr key={d.district}>
                  <th scope="row">{districtName(d.district, locale)}</th>
                  {areaCells(d)}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>,
      )}
      {section(
        'hubs',
        s.hubs.length === 0 ? (
          <EmptyState>{t('report.noHubs')}</EmptyState>
        ) : (
          <ScrollRegion label={t('report.scrollTable', { caption: t('report.hubsCaption', { name }) })}>
            <table className="table report-table">
              <caption>{t('report.hubsCaption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.hub')}</th>
                  <th scope="col">{t('report.district')}</th>
                  {AREA.map((k) => (
                    <th scope="col" key={k}>
                      {t(`figures.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.hubs.map((h) => {
                  const hubName = textIn(h.name, locale);
                  return (
                    <tr key={h.hubId}>
                      <th scope="row" lang={hubName.lang}>
                        {hubName.text}
                      </th>
                      <td>{districtName(h.district, locale)}</td>
                      {areaCells(h)}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        ),
      )}
      {section(
        'events',
        s.notableEvents.length === 0 ? (
          <EmptyState>{t('report.noEvents')}</EmptyState>
        ) : (
          <ScrollRegion label={t('report.scrollTable', { caption: t('report.eventsCaption', { name }) })}>
            <table className="table report-table">
              <caption>{t('report.eventsCaption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.event')}</th>
                  <th scope="col">{t('report.hub')}</th>
                  <th scope="col">{t('report.when')}</th>
                  <th scope="col">{t('report.attended')}</th>
                </tr>
              </thead>
              <tbody>
                {s.notableEvents.map((e) => {
                  const title = textIn(e.title, locale);
                  const hub = textIn(e.hubName, locale);
                  return (
                    <tr key={e.eventId}>
                      <th scope="row" lang={title.lang}>
                        {title.text}
                      </th>
                      <td>
                        <span lang={hub.lang}>{hub.text}</span> ({districtName(e.district, locale)})
                      </td>
                      <td>{formatDateTime(e.startsAt, locale)}</td>
                      <td className="num">{figureText('attended', e.attended, locale)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        ),
      )}
      {section('volunteering', comparison(VOLUNTEERING, t('report.volunteeringCaption', { name })))}
      {s.actionPlan
        ? section(
            'actionPlan',
            s.actionPlan.length === 0 ? (
              <EmptyState>{t('report.noIndicators')}</EmptyState>
            ) : (
              <ScrollRegion
                label={t('report.scrollTable', { caption: t('report.actionPlanCaption', { name }) })}
              >
                <table className="table report-table">
                  <caption>{t('report.actionPlanCaption', { name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.indicator')}</th>
                      <th scope="col">{t('report.baseline')}</th>
                      <th scope="col">{t('report.latest')}</th>
                      <th scope="col">{t('report.target')}</th>
                      <th scope="col">{t('report.progress')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.actionPlan.map((i) => (
                      <tr key={i.indicatorId}>
                        <th scope="row">
                          {textIn(i.title, locale).text} ({textIn(i.unit, locale).text})
                        </th>
                        <td className="num">{i.baseline}</td>
                        <td className="num">
                          {i.latestValue === null ? '—' : `${i.latestValue} (${i.latestQuarter})`}
                        </td>
                        <td className="num">
                          {i.target} ({i.targetQuarter})
                        </td>
                        <td className="num">{i.progress === null ? '—' : `${i.progress} %`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ),
          )
        : null}
    </div>
  );
}

function Narrative({ report, section }: { report: Report; section: ReportSection }) {
  const locale = useLocale();
  const text = textIn(report.narratives[section], locale);
  if (!text.text) return null;
  return (
    <p className="report-narrative" lang={text.lang}>
      {text.text}
    </p>
  );
}
