// The hub's rooms for its managers: each with its rules in short, editable in place, and a form
// to add a room.
import type { Room } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useHubRooms } from '../api/get-hub-rooms';
import { useCreateRoom, useUpdateRoom } from '../api/manage-hub';
import { roomValuesOf } from '../hub-form-values';
import { RoomFacts } from './room-list';
import { RoomForm } from './room-form';

export function RoomsSection({ hubId }: { hubId: string }) {
  const { t } = useTranslation('hubs');
  const locale = useLocale();
  const rooms = useHubRooms(hubId);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const create = useCreateRoom({
    onSuccess: (room) => {
      setAdding(false);
      setAnnouncement(t('manage.roomAdded', { name: localized(room.name, locale) }));
    },
  });

  return (
    <section className="card" aria-labelledby="manage-rooms-title">
      <h2 id="manage-rooms-title">{t('manage.roomsTitle')}</h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {rooms.isPending ? (
        <Loading />
      ) : rooms.isError ? (
        <ErrorState error={rooms.error} onRetry={() => void rooms.refetch()} />
      ) : rooms.data.items.length === 0 ? (
        <EmptyState>{t('hub.noRooms')}</EmptyState>
      ) : (
        <ul className="room-list">
          {rooms.data.items.map((room) => (
            <li key={room.id} className="card room">
              {editing === room.id ? (
                <EditRoom
                  room={room}
                  onDone={() => {
                    setEditing(null);
                    setAnnouncement(t('manage.roomSaved', { name: localized(room.name, locale) }));
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <h3 className="card__title">
                    <Link to={`/rooms/${room.id}`}>{localized(room.name, locale)}</Link>
                  </h3>
                  <RoomFacts room={room} />
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setEditing(room.id)}
                  >
                    {t('manage.editRoom')}{' '}
                    <span className="visually-hidden">{localized(room.name, locale)}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <section aria-labelledby="add-room-title">
          <h3 id="add-room-title">{t('manage.addRoomTitle')}</h3>
          <RoomForm
            idPrefix="new-room"
            initialValues={roomValuesOf()}
            pending={create.isPending}
            apiError={create.error}
            submitLabel={t('manage.addRoom')}
            onSubmit={(input) => create.mutate({ hubId, input })}
            onCancel={() => setAdding(false)}
          />
        </section>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            create.reset();
            setAdding(true);
          }}
        >
          {t('manage.addRoom')}
        </button>
      )}
    </section>
  );
}

function EditRoom({ room, onDone, onCancel }: { room: Room; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation('hubs');
  const locale = useLocale();
  const update = useUpdateRoom({ onSuccess: onDone });
  return (
    <section aria-labelledby={`edit-room-${room.id}`}>
      <h3 id={`edit-room-${room.id}`}>{t('manage.editRoomTitle', { name: localized(room.name, locale) })}</h3>
      <RoomForm
        idPrefix={`room-${room.id}`}
        initialValues={roomValuesOf(room)}
        pending={update.isPending}
        apiError={update.error}
        submitLabel={t('manage.saveRoom')}
        onSubmit={(patch) => update.mutate({ id: room.id, patch })}
        onCancel={onCancel}
      />
    </section>
  );
}
