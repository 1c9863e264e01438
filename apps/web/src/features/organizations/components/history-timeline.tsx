// An organisation's history, newest first: who did what and when (Kyiv time), the status it
// moved between, the reason given, and every changed field with its old and new value in words.
import type { HistoryEntry, Locale } from '@vcentri/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { districtName, formatDateTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { activityLabel, legalFormLabel, targetGroupLabel } from '../labels';
import { StatusBadge } from './status-badge';

interface HistoryTimelineProps {
  entries: HistoryEntry[];
  /** A person's name by account id, for entries that name accounts (ownership handed over). */
  nameOf?(userId: string): string | undefined;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0)
  );
}

function listOf(value: unknown, label: (key: string) => string): string {
  return Array.isArray(value) ? value.map((v) => label(String(v))).join(', ') : String(value);
}

function describeValue(
  field: string,
  value: unknown,
  t: TFunction,
  locale: Locale,
  nameOf?: (userId: string) => string | undefined,
): string {
  if (isEmpty(value)) return t('registry:history.none');
  switch (field) {
    case 'legalForm':
      return legalFormLabel(String(value), locale);
    case 'district':
      return districtName(String(value), locale);
    case 'activities':
      return listOf(value, (key) => activityLabel(key, locale));
    case 'targetGroups':
      return listOf(value, (key) => targetGroupLabel(key, locale));
    case 'owner':
      return nameOf?.(String(value)) ?? String(value);
    case 'contacts': {
      const contacts = value as Record<string, unknown>;
      return ['email', 'phone', 'website', 'social']
        .filter((key) => !isEmpty(contacts[key]))
        .map((key) => {
          const v = contacts[key];
          return `${t(`registry:fields.${key}`)}: ${Array.isArray(v) ? v.join(', ') : String(v)}`;
        })
        .join('; ');
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

export function HistoryTimeline({ entries, nameOf }: HistoryTimelineProps) {
  const { t } = useTranslation('registry');
  const locale = useLocale();
  if (entries.length === 0) return <p className="status status--empty">{t('history.empty')}</p>;
  const newestFirst = [...entries].reverse();
  return (
    <>
      <p className="muted">{t('history.timeNote')}</p>
      <ol className="timeline" aria-label={t('history.label')}>
        {newestFirst.map((entry) => (
          <li key={entry.id} className="timeline__entry">
            <p className="timeline__head">
              <strong className="timeline__action">
                {t([`history.actions.${entry.action}`], { defaultValue: entry.action })}
              </strong>
              <span aria-hidden="true"> · </span>
              <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              <span aria-hidden="true"> · </span>
              <span className="timeline__actor">{entry.actorName ?? t('history.system')}</span>
            </p>
            {entry.toStatus ? (
              <p className="timeline__status">
                <span className="muted">{t('history.statusChange')}: </span>
                {entry.fromStatus ? (
                  <>
                    <StatusBadge status={entry.fromStatus} />
                    <span> → </span>
                  </>
                ) : null}
                <StatusBadge status={entry.toStatus} />
              </p>
            ) : null}
            {entry.reason ? (
              <p className="timeline__reason">
                <span className="muted">{t('history.reason')}: </span>
                {entry.reason}
              </p>
            ) : null}
            {entry.changes.length ? (
              <dl className="changes">
                {entry.changes.map((change) => (
                  <div key={change.field}>
                    <dt>{t([`fields.${change.field}`], { defaultValue: change.field })}</dt>
                    <dd>
                      <span className="changes__old">
                        {describeValue(change.field, change.old, t, locale, nameOf)}
                      </span>
                      <span> → </span>
                      <span className="changes__new">
                        {describeValue(change.field, change.new, t, locale, nameOf)}
                      </span>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
