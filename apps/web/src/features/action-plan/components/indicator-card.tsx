// One indicator on the public page: its baseline, target and latest value, how far it has come
// (a progress bar with its figure in words), the chart and the per-quarter table with notes.
import type { IndicatorView } from '@vcentri/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/scroll-region';
import { formatDateTime, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { formatFigure, formatPercent, formatQuarter } from '../format';
import { IndicatorChart } from './indicator-chart';

export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <div
      className="ap-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
    >
      <div className="ap-progress__fill" style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
    </div>
  );
}

export function IndicatorCard({
  indicator,
  headingLevel = 3,
}: {
  indicator: IndicatorView;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation('actionPlan');
  const locale = useLocale();
  const headingId = useId();
  const unit = localized(indicator.unit, locale);
  const title = localized(indicator.title, locale);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const figure = (v: number) => `${formatFigure(v, locale)} ${unit}`;

  return (
    <article className="card ap-indicator" aria-labelledby={headingId}>
      <Heading id={headingId} className="card__title">
        {title}
      </Heading>
      <dl className="facts">
        <div>
          <dt>{t('indicator.baseline')}</dt>
          <dd>{figure(indicator.baseline)}</dd>
        </div>
        <div>
          <dt>{t('indicator.target')}</dt>
          <dd>
            {t('indicator.targetBy', {
              value: figure(indicator.target),
              quarter: formatQuarter(indicator.targetQuarter, locale),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('indicator.direction')}</dt>
          <dd>{indicator.higherIsBetter ? t('indicator.higherIsBetter') : t('indicator.lowerIsBetter')}</dd>
        </div>
        <div>
          <dt>{t('indicator.latest')}</dt>
          <dd>
            {indicator.latest
              ? t('indicator.latestValue', {
                  value: figure(indicator.latest.value),
                  quarter: formatQuarter(indicator.latest.quarter, locale),
                })
              : t('indicator.noValues')}
          </dd>
        </div>
      </dl>
      {indicator.progress !== null ? (
        <div className="ap-indicator__progress">
          <p>{t('indicator.progress', { percent: formatPercent(indicator.progress, locale) })}</p>
          <ProgressBar
            value={indicator.progress}
            label={t('indicator.progressLabel', { indicator: title })}
          />
        </div>
      ) : null}
      {indicator.values.length > 0 ? (
        <>
          <IndicatorChart indicator={indicator} />
          <ScrollRegion label={t('table.label', { indicator: title })}>
            <table className="table">
              <caption>{t('table.caption', { indicator: title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.quarter')}</th>
                  <th scope="col">{t('table.value', { unit })}</th>
                  <th scope="col">{t('table.progress')}</th>
                  <th scope="col">{t('table.note')}</th>
                </tr>
              </thead>
              <tbody>
                {indicator.values.map((v) => (
                  <tr key={v.quarter}>
                    <th scope="row">{formatQuarter(v.quarter, locale)}</th>
                    <td>{formatFigure(v.value, locale)}</td>
                    <td>{formatPercent(v.progress, locale)}</td>
                    <td>{localized(v.note, locale) || <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {indicator.latest ? (
            <p className="muted">
              {t('indicator.updatedAt', { at: formatDateTime(indicator.latest.recordedAt, locale) })}
            </p>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
