// One dataset of the catalogue: what it holds, under which licence, how often it is updated and
// whether it was on time, how big it is, the CSV, JSON and datapackage.json downloads, and its
// data dictionary (field, type, meaning).
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/scroll-region';
import { formatDateTime, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import type { Dataset } from '../api/get-catalogue';

export function DatasetCard({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation('openData');
  const locale = useLocale();
  const title = localized(dataset.title, locale);
  const titleId = `dataset-${dataset.id}-title`;
  const staleId = `dataset-${dataset.id}-stale`;
  const keywords = dataset.keywords?.[locale] ?? [];
  return (
    // The id is the dataset's landing page in the DCAT catalogue (/open-data#dataset-…).
    <article
      className="card dataset"
      id={`dataset-${dataset.id}`}
      aria-labelledby={titleId}
      aria-describedby={dataset.stale ? staleId : undefined}
    >
      <h2 id={titleId}>{title}</h2>
      {dataset.stale ? (
        <p>
          <span className="badge badge--status badge--suspended" id={staleId}>
            {t('stale')}
          </span>{' '}
          {dataset.dueBy ? (
            <span>
              {t('staleDetail')} <time dateTime={dataset.dueBy}>{formatDateTime(dataset.dueBy, locale)}</time>
            </span>
          ) : null}
        </p>
      ) : null}
      <p>{localized(dataset.description, locale)}</p>
      <dl className="facts">
        <div>
          <dt>{t('licence')}</dt>
          <dd>
            <a href={dataset.licence.url} rel="noopener noreferrer license">
              {dataset.licence.name}
            </a>
          </dd>
        </div>
        {dataset.updateFrequency ? (
          <div>
            <dt>{t('updateFrequency')}</dt>
            <dd>{t([`frequency.${dataset.updateFrequency}`], { defaultValue: dataset.updateFrequency })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('lastModified')}</dt>
          <dd>
            <time dateTime={dataset.lastModified}>{formatDateTime(dataset.lastModified, locale)}</time>
          </dd>
        </div>
        {dataset.dueBy && !dataset.stale ? (
          <div>
            <dt>{t('dueBy')}</dt>
            <dd>
              <time dateTime={dataset.dueBy}>{formatDateTime(dataset.dueBy, locale)}</time>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('records')}</dt>
          <dd>{dataset.records.toLocaleString(locale === 'en' ? 'en-GB' : 'uk-UA')}</dd>
        </div>
        {keywords.length > 0 ? (
          <div>
            <dt>{t('keywords')}</dt>
            <dd>{keywords.join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('formats')}</dt>
          <dd>
            <ul className="download-list">
              <li>
                <a
                  className="button button--small"
                  href={dataset.downloads.csv}
                  type="text/csv"
                  download={`${dataset.id}.csv`}
                  aria-describedby={titleId}
                >
                  {t('downloadCsv')}
                </a>
              </li>
              <li>
                <a
                  className="button button--small button--secondary"
                  href={dataset.downloads.json}
                  type="application/json"
                  download={`${dataset.id}.json`}
                  aria-describedby={titleId}
                >
                  {t('downloadJson')}
                </a>
              </li>
              {dataset.downloads.datapackage ? (
                <li>
                  <a
                    className="button button--small button--secondary"
                    href={dataset.downloads.datapackage}
                    type="application/json"
                    aria-describedby={titleId}
                  >
                    {t('datapackage')}
                  </a>
                </li>
              ) : null}
            </ul>
          </dd>
        </div>
      </dl>
      <p className="muted">{t('timeNote')}</p>
      <h3>{t('dictionary')}</h3>
      <ScrollRegion label={t('dictionaryCaption', { title })}>
        <table className="table">
          <caption className="visually-hidden">{t('dictionaryCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.field')}</th>
              <th scope="col">{t('columns.type')}</th>
              <th scope="col">{t('columns.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {dataset.fields.map((field) => (
              <tr key={field.name}>
                <th scope="row" className="mono">
                  {field.name}
                </th>
                <td>
                  {t([`types.${field.type}`], { defaultValue: field.type })}{' '}
                  <span className="mono muted">({field.type})</span>
                </td>
                <td>{localized(field.description, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </article>
  );
}
