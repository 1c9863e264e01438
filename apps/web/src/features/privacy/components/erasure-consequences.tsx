// What erasing an account does, in the words of the account page and of both confirmations (the
// person's own and a city administrator's): what is removed, what is cancelled, what stays.
import { useTranslation } from 'react-i18next';

const GROUPS = [
  { title: 'erase.removedTitle', items: ['erase.removed.identity', 'erase.removed.access'] },
  { title: 'erase.cancelledTitle', items: ['erase.cancelled.future'] },
  {
    title: 'erase.keptTitle',
    items: ['erase.kept.bookings', 'erase.kept.attendance', 'erase.kept.hours', 'erase.kept.certificates'],
  },
] as const;

/** Shown under a level-2 heading: the section's or the confirmation's title. */
export function ErasureConsequences() {
  const { t } = useTranslation('privacy');
  return (
    <div className="erasure-consequences">
      {GROUPS.map((group) => (
        <div key={group.title}>
          <h3>{t(group.title)}</h3>
          <ul>
            {group.items.map((item) => (
              <li key={item}>{t(item)}</li>
            ))}
          </ul>
        </div>
      ))}
      <p>{t('erase.owners')}</p>
    </div>
  );
}
