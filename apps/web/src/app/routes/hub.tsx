// One hub: where it is, when it is open, what it offers, and its rooms.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../components/status';
import { useHub } from '../../features/hubs/api/get-hub';
import { useHubRooms } from '../../features/hubs/api/get-hub-rooms';
import { DemoBadge } from '../../features/hubs/components/demo-badge';
import { OpeningHoursTable } from '../../features/hubs/components/opening-hours-table';
import { RoomList } from '../../features/hubs/components/room-list';
import { isApiError } from '../../lib/api-client';
import { districtName, localized } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { PageTitle } from '../page-title';

export function HubPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['hubs', 'common']);
  const locale = useLocale();
  const hub = useHub(id);
  const rooms = useHubRooms(id);

  const back = (
    <p className="back-link">
      <Link to="/">← {t('hubs:hub.back')}</Link>
    </p>
  );

  if (hub.isPending) return <Loading />;
  if (hub.isError) {
    const notFound =
      isApiError(hub.error) && (hub.error.status === 404 || hub.error.code === 'validation_failed');
    return (
      <>
        {back}
        {notFound ? (
          <>
            <PageTitle>{t('hubs:hub.notFoundTitle')}</PageTitle>
            <h1>{t('hubs:hub.notFoundTitle')}</h1>
            <p>{t('hubs:hub.notFoundText')}</p>
          </>
        ) : (
          <ErrorState error={hub.error} onRetry={() => void hub.refetch()} />
        )}
      </>
    );
  }

  const data = hub.data;
  const name = localized(data.name, locale);
  const shelter = localized(data.shelterNotes, locale);
  const accessibility = localized(data.accessibilityNotes, locale);
  return (
    <article className="hub-page">
      <PageTitle>{name}</PageTitle>
      {back}
      <header className="hub-page__header">
        <h1>{name}</h1>
        {data.isDemo ? <DemoBadge /> : null}
      </header>
      <dl className="facts facts--wide">
        <div>
          <dt>{t('hubs:district')}</dt>
          <dd>{districtName(data.district, locale)}</dd>
        </div>
        <div>
          <dt>{t('hubs:address')}</dt>
          <dd>{localized(data.address, locale)}</dd>
        </div>
        {shelter ? (
          <div>
            <dt>{t('hubs:shelter')}</dt>
            <dd>{shelter}</dd>
          </div>
        ) : null}
        {accessibility ? (
          <div>
            <dt>{t('hubs:accessibility')}</dt>
            <dd>{accessibility}</dd>
          </div>
        ) : null}
      </dl>
      <div className="hub-page__grid">
        <section aria-labelledby="hub-hours-title">
          <h2 id="hub-hours-title">{t('hubs:hub.hoursTitle')}</h2>
          <OpeningHoursTable hours={data.openingHours} />
          <p className="muted">{t('hubs:hub.hoursNote')}</p>
        </section>
        <section aria-labelledby="hub-rooms-title">
          <h2 id="hub-rooms-title">{t('hubs:hub.roomsTitle')}</h2>
          {rooms.isPending ? (
            <Loading />
          ) : rooms.isError ? (
            <ErrorState error={rooms.error} onRetry={() => void rooms.refetch()} />
          ) : rooms.data.items.length === 0 ? (
            <EmptyState>{t('hubs:hub.noRooms')}</EmptyState>
          ) : (
            <RoomList rooms={rooms.data.items} />
          )}
        </section>
      </div>
    </article>
  );
}
