// The hub calendar (hub managers for their hubs, city administrators for any): pick a hub when
// there are several, then see and decide its bookings and close rooms.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField } from '../../../components/field';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { HubCalendar } from '../../../features/bookings/components/hub-calendar';
import { useHub } from '../../../features/hubs/api/get-hub';
import { useHubRooms } from '../../../features/hubs/api/get-hub-rooms';
import { useHubChoices } from '../../../features/hubs/api/hub-choices';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';

export function AdminCalendarPage() {
  const { t } = useTranslation(['bookings', 'admin']);
  const [params, setParams] = useSearchParams();
  const choices = useHubChoices();
  const requested = params.get('hubId');

  if (choices.status === 'none') return <NoAccess />;
  if (choices.status === 'loading') return <Loading />;
  if (choices.status === 'error') return <ErrorState error={choices.error} onRetry={choices.retry} />;

  const hubId = choices.hubs.some((h) => h.id === requested) ? (requested as string) : choices.hubs[0]?.id;
  return (
    <>
      <PageTitle>{t('admin:nav.calendar')}</PageTitle>
      <h1>{t('admin:nav.calendar')}</h1>
      <p className="lead">{t('bookings:hubCalendar.intro')}</p>
      {choices.hubs.length > 1 ? (
        <div className="toolbar">
          <SelectField
            id="calendar-hub"
            label={t('bookings:hubCalendar.hub')}
            value={hubId ?? ''}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              next.set('hubId', e.target.value);
              setParams(next);
            }}
          >
            {choices.hubs.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {hubId ? (
        <HubCalendarSection
          key={hubId}
          hubId={hubId}
          initialDate={/^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : undefined}
        />
      ) : (
        <EmptyState>{t('bookings:hubCalendar.noHubs')}</EmptyState>
      )}
    </>
  );
}

function HubCalendarSection({ hubId, initialDate }: { hubId: string; initialDate?: string }) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  const hub = useHub(hubId);
  const rooms = useHubRooms(hubId);
  if (hub.isPending || rooms.isPending) return <Loading />;
  if (hub.isError) return <ErrorState error={hub.error} onRetry={() => void hub.refetch()} />;
  if (rooms.isError) return <ErrorState error={rooms.error} onRetry={() => void rooms.refetch()} />;
  return (
    <>
      <p className="actions">
        <Link to={`/admin/hubs/${hubId}`}>
          {t('hubCalendar.manageHub', { hub: localized(hub.data.name, locale) })}
        </Link>
        <Link to={`/hubs/${hubId}`}>{t('hubCalendar.publicPage')}</Link>
      </p>
      {rooms.data.items.length === 0 ? (
        <EmptyState>{t('hubCalendar.noRooms')}</EmptyState>
      ) : (
        <HubCalendar hub={hub.data} rooms={rooms.data.items} initialDate={initialDate} />
      )}
    </>
  );
}
