// Managing one hub (its managers and city administrators): details, weekly hours, dated
// exceptions and rooms with their booking rules.
import type { Hub } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState, Loading } from '../../../components/status';
import { useHub } from '../../../features/hubs/api/get-hub';
import { useUpdateHub } from '../../../features/hubs/api/manage-hub';
import { ExceptionsSection } from '../../../features/hubs/components/exceptions-section';
import { HubForm } from '../../../features/hubs/components/hub-form';
import { OpeningHoursEditor } from '../../../features/hubs/components/opening-hours-editor';
import { RoomsSection } from '../../../features/hubs/components/rooms-section';
import { hubValuesOf } from '../../../features/hubs/hub-form-values';
import { isCityAdmin, useAuth } from '../../../lib/auth';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';

export function AdminHubPage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const allowed = isCityAdmin(me) || (me?.scopes.hubIds ?? []).includes(id);
  const hub = useHub(id);
  if (!allowed) return <NoAccess />;
  if (hub.isPending) return <Loading />;
  if (hub.isError) return <ErrorState error={hub.error} onRetry={() => void hub.refetch()} />;
  return <ManageHub hub={hub.data} cityAdmin={isCityAdmin(me)} />;
}

function ManageHub({ hub, cityAdmin }: { hub: Hub; cityAdmin: boolean }) {
  const { t } = useTranslation(['hubs', 'admin']);
  const locale = useLocale();
  const [params] = useSearchParams();
  const [detailsMessage, setDetailsMessage] = useState(params.get('created') ? t('hubs:manage.created') : '');
  const [hoursMessage, setHoursMessage] = useState('');
  const details = useUpdateHub({ onSuccess: () => setDetailsMessage(t('hubs:manage.saved')) });
  const hours = useUpdateHub({ onSuccess: () => setHoursMessage(t('hubs:manage.hoursSaved')) });
  const name = localized(hub.name, locale);

  return (
    <article className="manage-hub">
      <PageTitle>{t('hubs:manage.title', { name })}</PageTitle>
      <p className="back-link">
        <Link to="/admin/hubs">← {t('hubs:manage.allHubs')}</Link>
      </p>
      <h1>{t('hubs:manage.title', { name })}</h1>
      <p className="actions">
        <Link to={`/admin/calendar?hubId=${hub.id}`}>{t('admin:nav.calendar')}</Link>
        <Link to={`/hubs/${hub.id}`}>{t('hubs:manage.publicPage')}</Link>
      </p>

      <section className="card" aria-labelledby="hub-details-title">
        <h2 id="hub-details-title">{t('hubs:manage.detailsTitle')}</h2>
        <p role="status" className="form-status">
          {detailsMessage}
        </p>
        <HubForm
          key={`details-${hub.id}`}
          initialValues={hubValuesOf(hub)}
          canChangeDistrict={cityAdmin}
          pending={details.isPending}
          apiError={details.error}
          submitLabel={t('hubs:manage.saveDetails')}
          onEdit={() => setDetailsMessage('')}
          onSubmit={(input) => {
            const { district, ...rest } = input;
            details.mutate({ id: hub.id, patch: cityAdmin ? input : rest });
            void district;
          }}
        />
      </section>

      <section className="card" aria-labelledby="hub-hours-edit-title">
        <h2 id="hub-hours-edit-title">{t('hubs:manage.hoursTitle')}</h2>
        <p className="muted">{t('hubs:hub.hoursNote')}</p>
        <p role="status" className="form-status">
          {hoursMessage}
        </p>
        <OpeningHoursEditor
          key={`hours-${hub.id}`}
          initial={hub.openingHours}
          pending={hours.isPending}
          apiError={hours.error}
          onEdit={() => setHoursMessage('')}
          onSubmit={(openingHours) => hours.mutate({ id: hub.id, patch: { openingHours } })}
        />
      </section>

      <ExceptionsSection hubId={hub.id} />
      <RoomsSection hubId={hub.id} />
    </article>
  );
}
