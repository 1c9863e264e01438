// The rooms of a hub: capacity, equipment and accessibility, each translated; each room's name
// leads to its own page (rules, week, booking).
import type { Room } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { DemoBadge } from './demo-badge';

function humanize(word: string): string {
  return word.replace(/_/g, ' ');
}

/** Equipment names in the UI language; unknown words as the API sent them. */
export function useEquipmentName(): (item: string) => string {
  const { t } = useTranslation('hubs');
  return (item) => t([`equipment.${item}`], { defaultValue: humanize(item) });
}

export function RoomFacts({ room }: { room: Room }) {
  const { t } = useTranslation('hubs');
  const equipmentName = useEquipmentName();
  return (
    <dl className="facts">
      <div>
        <dt>{t('capacity')}</dt>
        <dd>{t('people', { count: room.capacity })}</dd>
      </div>
      <div>
        <dt>{t('equipmentTitle')}</dt>
        <dd>{room.equipment.length ? room.equipment.map(equipmentName).join(', ') : t('noEquipment')}</dd>
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
  );
}

export function RoomList({ rooms }: { rooms: readonly Room[] }) {
  const { t } = useTranslation('hubs');
  const locale = useLocale();
  return (
    <ul className="room-list">
      {rooms.map((room) => (
        <li key={room.id} className="card room">
          <h3 className="card__title">
            <Link to={`/rooms/${room.id}`}>{localized(room.name, locale)}</Link>
          </h3>
          {room.isDemo ? <DemoBadge /> : null}
          <RoomFacts room={room} />
          <p>
            <Link to={`/rooms/${room.id}`}>
              {t('roomLink')} <span className="visually-hidden">{localized(room.name, locale)}</span>
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
