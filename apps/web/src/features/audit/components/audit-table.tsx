// The audit log as a table: when (Kyiv time), who, what, on what, from where.
import type { AuditEntry } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { ScrollRegion } from '../../../components/scroll-region';

function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  return (
    <ScrollRegion label={t('audit.caption')}>
      <table className="table audit-table">
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.columns.time')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            <th scope="col">{t('audit.columns.target')}</th>
            <th scope="col">{t('audit.columns.ip')}</th>
            <th scope="col">{t('audit.columns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </td>
              <td>{entry.actorEmail ?? entry.actorId ?? t('audit.system')}</td>
              <td>{t([`audit.actions.${entry.action}`], { defaultValue: entry.action })}</td>
              <td>
                {entry.targetType ? (
                  <>
                    {t([`audit.targetTypes.${entry.targetType}`], { defaultValue: entry.targetType })}
                    {entry.targetId ? <span className="mono"> {entry.targetId}</span> : null}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="mono">{entry.ip ?? '—'}</td>
              <td className="audit-details">{detailsText(entry.details ?? {}) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
