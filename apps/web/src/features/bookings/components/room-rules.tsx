// A room's booking rules in plain words: how long, how far ahead, breaks, approval and quota.
import type { RoomRules as Rules } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { useDuration } from './duration';

export function RoomRules({ rules }: { rules: Rules }) {
  const { t } = useTranslation('bookings');
  const duration = useDuration();
  const items = [
    t('rules.length', { min: duration(rules.minMinutes), max: duration(rules.maxMinutes) }),
    rules.leadMinutes > 0 ? t('rules.lead', { lead: duration(rules.leadMinutes) }) : t('rules.noLead'),
    t('rules.horizon', { count: rules.horizonDays }),
    rules.bufferMinutes > 0
      ? t('rules.buffer', { buffer: duration(rules.bufferMinutes) })
      : t('rules.noBuffer'),
    rules.requiresApproval ? t('rules.approval') : t('rules.noApproval'),
    rules.monthlyQuotaHours !== null
      ? t('rules.quota', { count: rules.monthlyQuotaHours })
      : t('rules.noQuota'),
  ];
  return (
    <ul className="rule-list">
      {items.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}
