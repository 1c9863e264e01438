import { useTranslation } from 'react-i18next';

/** Marks records that come from the demo data set, so nobody mistakes them for real hubs. */
export function DemoBadge() {
  const { t } = useTranslation('hubs');
  return (
    <span className="badge badge--demo" title={t('demoHint')}>
      {t('demo')}
    </span>
  );
}
