// A chart with its data beside it: bars drawn with CSS (no chart library to download; the bars are
// hidden from assistive technology), the same rows as a table with a caption (what screen readers
// and keyboards use), and a CSV download of exactly those rows.
import { toCsv } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/scroll-region';
import { saveFile } from '../../../lib/download';

export interface ChartRow {
  key: string;
  label: string;
  /** The number the bar and the CSV carry. */
  value: number | null;
  /** The number as the page shows it. */
  display: string;
}

export function Chart({
  id,
  title,
  labelHeading,
  valueHeading,
  rows,
  file,
  orientation = 'horizontal',
}: {
  id: string;
  title: string;
  labelHeading: string;
  valueHeading: string;
  rows: ChartRow[];
  /** The CSV's file name without `.csv`. */
  file: string;
  orientation?: 'horizontal' | 'vertical';
}) {
  const { t } = useTranslation('dashboard');
  const max = Math.max(0, ...rows.map((r) => r.value ?? 0));
  const width = (v: number | null) => (max > 0 && v !== null ? `${Math.max(0, (v / max) * 100)}%` : '0%');
  const download = () =>
    saveFile(
      new Blob(
        // A byte-order mark first: spreadsheets then read the Cyrillic as UTF-8.
        [
          `\uFEFF${toCsv(
            [labelHeading, valueHeading],
            rows.map((r) => [r.label, r.value]),
          )}`,
        ],
        { type: 'text/csv;charset=utf-8' },
      ),
      `${file}.csv`,
    );
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption className="chart__head">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" className="button button--secondary button--small" onClick={download}>
          {t('downloadCsv')}
          <span className="visually-hidden">: {title}</span>
        </button>
      </figcaption>
      <div className="chart__body">
        {rows.length === 0 ? (
          <p className="muted">{t('noData')}</p>
        ) : (
          <div className={`chart__bars chart__bars--${orientation}`} aria-hidden="true">
            {rows.map((r) => (
              <div key={r.key} className="chart__bar">
                <span className="chart__label">{r.label}</span>
                <span className="chart__track">
                  <span
                    className="chart__fill"
                    style={
                      orientation === 'vertical' ? { height: width(r.value) } : { width: width(r.value) }
                    }
                  />
                </span>
                <span className="chart__value">{r.display}</span>
              </div>
            ))}
          </div>
        )}
        <ScrollRegion label={t('tableOf', { title })}>
          <table className="table stats-table chart__table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeading}</th>
                <th scope="col" className="numeric">
                  {valueHeading}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="numeric">{r.display}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
    </figure>
  );
}
