// A small bar chart of an indicator's values per quarter, with its baseline and target drawn as
// lines: plain SVG, no chart library. Screen readers get one sentence per quarter (the SVG's
// title and description); the table next to it carries the same figures for everyone.
import type { IndicatorView } from '@vcentri/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { formatFigure, formatQuarter } from '../format';

const WIDTH = 320;
const HEIGHT = 150;
const TOP = 12;
const BOTTOM = 24;
const LEFT = 4;
const RIGHT = 4;

export function IndicatorChart({ indicator }: { indicator: IndicatorView }) {
  const { t } = useTranslation('actionPlan');
  const locale = useLocale();
  const titleId = useId();
  const descId = useId();
  const unit = localized(indicator.unit, locale);
  const values = indicator.values;
  const all = [indicator.baseline, indicator.target, ...values.map((v) => v.value), 0];
  const max = Math.max(...all);
  const min = Math.min(...all);
  const span = max - min || 1;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (v: number) => TOP + ((max - v) / span) * plotHeight;
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(values.length, 1);
  const barWidth = Math.min(48, slot * 0.6);
  const zero = y(0);

  const description = values
    .map((v) =>
      t('chart.point', {
        quarter: formatQuarter(v.quarter, locale),
        value: formatFigure(v.value, locale),
        unit,
      }),
    )
    .join(' ');

  return (
    <figure className="ap-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>
          {t('chart.title', {
            indicator: localized(indicator.title, locale),
            baseline: formatFigure(indicator.baseline, locale),
            target: formatFigure(indicator.target, locale),
            unit,
          })}
        </title>
        <desc id={descId}>{description}</desc>
        {values.map((v, i) => {
          const top = Math.min(y(v.value), zero);
          const height = Math.max(1, Math.abs(zero - y(v.value)));
          const x = LEFT + slot * i + (slot - barWidth) / 2;
          return (
            <g key={v.quarter}>
              <rect className="ap-chart__bar" x={x} y={top} width={barWidth} height={height} rx={2} />
              <text className="ap-chart__label" x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle">
                {v.quarter.slice(2).replace('-', ' ')}
              </text>
            </g>
          );
        })}
        <line
          className="ap-chart__baseline"
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={y(indicator.baseline)}
          y2={y(indicator.baseline)}
        />
        <line
          className="ap-chart__target"
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={y(indicator.target)}
          y2={y(indicator.target)}
        />
      </svg>
      <figcaption className="ap-chart__legend">
        <span className="ap-chart__key ap-chart__key--bar" aria-hidden="true" /> {t('chart.values')}{' '}
        <span className="ap-chart__key ap-chart__key--target" aria-hidden="true" /> {t('chart.target')}{' '}
        <span className="ap-chart__key ap-chart__key--baseline" aria-hidden="true" /> {t('chart.baseline')}
      </figcaption>
    </figure>
  );
}
