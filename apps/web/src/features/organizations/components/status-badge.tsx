// An organisation's registry status as a coloured, translated badge (the word carries the
// meaning; the colour only repeats it).
import type { OrganizationStatus } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: OrganizationStatus | string }) {
  const { t } = useTranslation('registry');
  return (
    <span className={`badge badge--status badge--${status}`}>
      {t([`status.${status}`], { defaultValue: status })}
    </span>
  );
}

/** Marks records that come from the demo data set, so nobody mistakes them for real ones. */
export function DemoBadge() {
  const { t } = useTranslation('registry');
  return (
    <span className="badge badge--demo" title={t('demoHint')}>
      {t('demo')}
    </span>
  );
}
