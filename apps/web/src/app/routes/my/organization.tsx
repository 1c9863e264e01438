// One of the signed-in account's organisations: what its registry status means and what comes
// next, the reason when the application was rejected, the details form, submitting for
// verification and archiving (owner), the history (owner) and the people (everyone in it).
import type { Organization } from '@vcentri/shared';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useRoleName } from '../../../components/role-grant';
import { ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { useChangeStatus } from '../../../features/organizations/api/change-status';
import { useOrganization } from '../../../features/organizations/api/get-organization';
import { OrganizationQueryState } from '../../../features/organizations/components/organization-query-state';
import { useOrganizationHistory } from '../../../features/organizations/api/get-history';
import { useMembers } from '../../../features/organizations/api/members';
import { useUpdateOrganization } from '../../../features/organizations/api/save-organization';
import { HistoryTimeline } from '../../../features/organizations/components/history-timeline';
import { MembersSection } from '../../../features/organizations/components/members-section';
import { OrganizationForm } from '../../../features/organizations/components/organization-form';
import { StatusActionDialog } from '../../../features/organizations/components/status-action-dialog';
import { DemoBadge, StatusBadge } from '../../../features/organizations/components/status-badge';
import { formValuesOf, organizationPatch } from '../../../features/organizations/form-values';
import { organizationName } from '../../../features/organizations/labels';
import { isCityAdmin, useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { useLocale } from '../../../lib/i18n';
import { RequireSignIn } from '../../guards';
import { PageTitle } from '../../page-title';

export function MyOrganizationPage() {
  return (
    <RequireSignIn>
      <ManageOrganization />
    </RequireSignIn>
  );
}

function ManageOrganization() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['registry', 'common']);
  const locale = useLocale();
  const { me } = useAuth();
  const organization = useOrganization(id);

  const back = (
    <p className="back-link">
      <Link to="/my/organizations">← {t('registry:manage.back')}</Link>
    </p>
  );

  if (!organization.data) return <OrganizationQueryState query={organization} back={back} />;

  const data = organization.data;
  if (!data.myRole) {
    const name = organizationName(data, locale);
    return (
      <>
        <PageTitle>{name}</PageTitle>
        {back}
        <h1>{name}</h1>
        <div className="notice notice--warning">
          <h2>{t('registry:manage.notMemberTitle')}</h2>
          <p>{t('registry:manage.notMemberText')}</p>
          <ul className="link-list">
            {data.status === 'verified' ? (
              <li>
                <Link to={`/registry/${data.id}`}>{t('registry:manage.publicPage')}</Link>
              </li>
            ) : null}
            {isCityAdmin(me) ? (
              <li>
                <Link to={`/admin/moderation/${data.id}`}>{t('registry:manage.moderate')}</Link>
              </li>
            ) : null}
          </ul>
        </div>
      </>
    );
  }
  return (
    <>
      {back}
      <OrganizationWorkspace organization={data} />
    </>
  );
}

function OrganizationWorkspace({ organization }: { organization: Organization }) {
  const { t } = useTranslation(['registry', 'common']);
  const locale = useLocale();
  const roleName = useRoleName();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  // Set by the application form on the way here; gone after the next step.
  const [created, setCreated] = useState((location.state as { created?: boolean } | null)?.created === true);
  const statusHeadingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const [saveMessage, setSaveMessage] = useState('');
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [focusStatus, setFocusStatus] = useState(false);

  const isOwner = organization.myRole === 'ngo_owner';
  const role = organization.myRole === 'ngo_owner' ? 'owner' : 'member';
  const status = organization.status;
  const archived = status === 'archived';
  const canSubmit = isOwner && (status === 'draft' || status === 'rejected');
  const canArchive = isOwner && !archived;
  const name = organizationName(organization, locale);

  const history = useOrganizationHistory(organization.id, { enabled: isOwner });
  const members = useMembers(organization.id);
  const update = useUpdateOrganization({
    onSuccess: (saved) => {
      setCreated(false);
      setSaveMessage(
        saved.status === 'verified' ? t('registry:manage.savedVerified') : t('registry:manage.saved'),
      );
    },
  });
  const statusChange = useChangeStatus({
    onSuccess: (changed) => {
      setCreated(false);
      setArchiveOpen(false);
      setAnnouncement(t('registry:manage.statusChanged', { status: t(`registry:status.${changed.status}`) }));
      setFocusStatus(true);
    },
  });

  // After a status change, continue from the status (the button that started it may be gone).
  useLayoutEffect(() => {
    if (focusStatus && !archiveOpen) {
      statusHeadingRef.current?.focus();
      setFocusStatus(false);
    }
  }, [focusStatus, archiveOpen]);

  const nameOf = (userId: string) => members.data?.items.find((m) => m.userId === userId)?.name;

  return (
    <article className="organization-page">
      <PageTitle>{name}</PageTitle>
      <header className="organization-page__header">
        <h1>{name}</h1>
        <StatusBadge status={status} />
        {organization.isDemo ? <DemoBadge /> : null}
      </header>
      {created ? <SuccessNotice>{t('registry:apply.created')}</SuccessNotice> : null}

      <section className="card status-panel" aria-labelledby="organization-status-title">
        <h2 id="organization-status-title" tabIndex={-1} ref={statusHeadingRef}>
          {t('registry:manage.statusTitle')}
        </h2>
        <p role="status" className="status-panel__announcement">
          {announcement}
        </p>
        <p>
          <StatusBadge status={status} /> {t(`registry:statusInfo.${status}.text`)}
        </p>
        {status === 'rejected' && organization.rejectionReason ? (
          <section className="notice notice--danger" aria-labelledby="rejection-reason-title">
            <h3 id="rejection-reason-title">{t('registry:manage.rejectionTitle')}</h3>
            <p className="prose">{organization.rejectionReason}</p>
          </section>
        ) : null}
        {organization.statusReason && status !== 'rejected' ? (
          <p>
            <strong>{t('registry:manage.statusReasonTitle')}:</strong> {organization.statusReason}
          </p>
        ) : null}
        <p className="status-panel__next">{t(`registry:statusInfo.${status}.${role}`)}</p>
        <p className="muted">
          {t('registry:manage.yourRole', { role: organization.myRole ? roleName(organization.myRole) : '' })}
        </p>
        {statusChange.error && !archiveOpen ? (
          <p className="error-summary" role="alert">
            {errorMessage(statusChange.error)}
          </p>
        ) : null}
        {canSubmit || canArchive ? (
          <div className="actions">
            {canSubmit ? (
              <button
                type="button"
                className="button"
                disabled={statusChange.isPending}
                aria-busy={statusChange.isPending || undefined}
                onClick={() => statusChange.mutate({ id: organization.id, action: 'submit' })}
              >
                {t('registry:manage.submit')}
              </button>
            ) : null}
            {canArchive ? (
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => {
                  statusChange.reset();
                  setArchiveOpen(true);
                }}
              >
                {t('registry:manage.archive')}
              </button>
            ) : null}
          </div>
        ) : null}
        {status === 'verified' ? (
          <p>
            <Link to={`/registry/${organization.id}`}>{t('registry:manage.publicPage')}</Link>
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="organization-details-title">
        <h2 id="organization-details-title">{t('registry:manage.editTitle')}</h2>
        {archived ? <p className="notice notice--warning">{t('registry:manage.archivedNote')}</p> : null}
        <p role="status" className="form-status">
          {saveMessage}
        </p>
        <OrganizationForm
          key={organization.id}
          initialValues={formValuesOf(organization)}
          disabled={archived}
          pending={update.isPending}
          apiError={update.error}
          onEdit={() => setSaveMessage('')}
          onSubmit={(input) => {
            const patch = organizationPatch(organization, input);
            update.reset();
            if (Object.keys(patch).length === 0) setSaveMessage(t('registry:manage.noChanges'));
            else update.mutate({ id: organization.id, patch });
          }}
        />
      </section>

      {isOwner ? (
        <section className="card" aria-labelledby="organization-history-title">
          <h2 id="organization-history-title">{t('registry:history.title')}</h2>
          {history.isPending ? (
            <Loading />
          ) : history.isError ? (
            <ErrorState
              error={history.error}
              title={t('registry:history.loadFailed')}
              onRetry={() => void history.refetch()}
            />
          ) : (
            <HistoryTimeline entries={history.data.items} nameOf={nameOf} />
          )}
        </section>
      ) : null}

      <MembersSection organization={organization} />

      <StatusActionDialog
        open={archiveOpen}
        title={t('registry:manage.archiveTitle')}
        confirmLabel={t('registry:manage.archiveConfirm')}
        reason="none"
        pending={statusChange.isPending}
        error={statusChange.error}
        onCancel={() => setArchiveOpen(false)}
        onConfirm={() => statusChange.mutate({ id: organization.id, action: 'archive' })}
      >
        {t('registry:manage.archiveBody', { name })}
      </StatusActionDialog>
    </article>
  );
}
