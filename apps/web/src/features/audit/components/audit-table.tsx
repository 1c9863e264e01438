// The audit log as people read it: when (Kyiv time), who (name, then e-mail), what happened to
// what — the action in words and the object by its name, linked to where staff can look at it —
// from which address, and the details that matter in words. No raw ids.
import { type AuditEntry, CONSENT_KINDS } from '@vcentri/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRoleName } from '../../../components/role-grant';
import { ScrollRegion } from '../../../components/scroll-region';
import { formatDateTime, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { versionLabel } from '../../privacy/labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where staff look at an object of the log, by its kind. */
const TARGET_PATHS: Record<string, (id: string) => string> = {
  organization: (id) => `/admin/moderation/${id}`,
  hub: (id) => `/admin/hubs/${id}`,
  room: (id) => `/rooms/${id}`,
  booking: (id) => `/my/bookings/${id}`,
  event: (id) => `/admin/events/${id}`,
  volunteer_program: (id) => `/admin/volunteering/${id}`,
  volunteer_shift: (id) => `/admin/volunteering/shifts/${id}`,
};

function Target({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  if (!entry.targetType) return null;
  const kind = t([`audit.targetTypes.${entry.targetType}`], { defaultValue: '' });
  const name = entry.targetName ? localized(entry.targetName, locale) : null;
  const path = entry.targetId ? TARGET_PATHS[entry.targetType]?.(entry.targetId) : undefined;
  return (
    <>
      {kind ? `${kind} ` : ''}
      {name ? path ? <Link to={path}>«{name}»</Link> : <>«{name}»</> : kind ? null : t('audit.unnamed')}
    </>
  );
}

/** The details worth reading, in words: statuses, roles, reasons, counts; ids are left out. */
function useDetails(): (entry: AuditEntry) => string[] {
  const { t } = useTranslation(['admin', 'registry', 'privacy']);
  const locale = useLocale();
  const roleName = useRoleName();
  const valueText = (key: string, value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'string' && UUID.test(value)) return null;
    if (key === 'role' && typeof value === 'string') return roleName(value);
    // A consent decision: which consent, and the wording's version as a date.
    if (key === 'kind' && (CONSENT_KINDS as readonly unknown[]).includes(value))
      return t(`privacy:consents.kinds.${value as (typeof CONSENT_KINDS)[number]}`);
    if (key === 'version' && typeof value === 'string') return versionLabel(value, locale);
    if ((key === 'from' || key === 'to' || key === 'status') && typeof value === 'string')
      return statusWord(t, value);
    if (key === 'fields' && Array.isArray(value))
      return value.map((f) => t([`audit.fieldNames.${f}`], { defaultValue: String(f) })).join(', ');
    if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return null;
  };
  return (entry) => {
    const details = entry.details ?? {};
    const out: string[] = [];
    if (typeof details.from === 'string' && typeof details.to === 'string' && !UUID.test(details.to))
      out.push(`${valueText('from', details.from)} → ${valueText('to', details.to)}`);
    for (const [key, value] of Object.entries(details)) {
      if ((key === 'from' || key === 'to') && out.length) continue;
      const text = valueText(key, value);
      if (text === null) continue;
      out.push(`${t([`audit.detailKeys.${key}`], { defaultValue: key })}: ${text}`);
    }
    return out;
  };
}

function statusWord(t: TFunction<['admin', 'registry', 'privacy']>, status: string): string {
  return t([`admin:audit.statuses.${status}`, `registry:status.${status}`], { defaultValue: status });
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const detailsOf = useDetails();
  return (
    <ScrollRegion label={t('audit.caption')}>
      <table className="table audit-table">
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.columns.time')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.what')}</th>
            <th scope="col">{t('audit.columns.ip')}</th>
            <th scope="col">{t('audit.columns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const details = detailsOf(entry);
            return (
              <tr key={entry.id}>
                <td className="nowrap">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                </td>
                <td>
                  {entry.actorName ?? entry.actorEmail ?? t('audit.system')}
                  {entry.actorName && entry.actorEmail ? (
                    <>
                      <br />
                      <span className="muted break-anywhere">{entry.actorEmail}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  {t([`audit.actions.${entry.action}`], { defaultValue: entry.action })}
                  {entry.targetType ? ' — ' : null}
                  <Target entry={entry} />
                </td>
                <td className="mono">{entry.ip ?? '—'}</td>
                <td className="audit-details">{details.length ? details.join('; ') : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
