// The rooms of a hub: capacity, equipment and accessibility, each translated.
import type { Room } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { DemoBadge } from './demo-badge';

function humanize(word: string): string {
  return word.replace(/_/g, ' ');
}

export function RoomList({ rooms }: { rooms: readonly Room[] }) {
  const { t } = useTranslation('hubs');
  const locale = useLocale();
  return (
    <ul className="room-list">
      {rooms.map((room) => (
        <li key={room.id} className="card room">
          <h3 className="card__title">{localized(room.name, locale)}</h3>
          {room.isDemo ? <DemoBadge /> : null}
          <dl className="facts">
            <div>
              <dt>{t('capacity')}</dt>
              <dd>{t('people', { count: room.capacity })}</dd>
            </div>
            <div>
              <dt>{t('equipmentTitle')}</dt>
              <dd>
                {room.equipment.length
                  ? room.equipment.map((e) => t([`equipment.${e}`], { defaultValue: humanize(e) })).join(', ')
                  : t('noEquipment')}
              </dd>
            </div>
            {room.accessibilityFeatures.length ? (
              <div>
                <dt>{t('accessibilityFeatures')}</dt>
                <dd>
                  {room.accessibilityFeatures
                    .map((f) => t([`accessibilityFeature.${f}`], { defaultValue: humanize(f) }))
                    .join(', ')}
                </dd>
              </div>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
