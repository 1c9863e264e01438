// One application as a city administrator reviews it: the full details in both languages, its
// people, its history, and the decisions its status allows (verify, reject with a reason, suspend
// with a reason, reinstate, archive, mark changes reviewed), each confirmed first.
import { ORGANIZATION_TRANSITIONS, type Organization, type OrganizationAction } from '@vcentri/shared';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../../../components/status';
import { type StatusAction, useChangeStatus } from '../../../features/organizations/api/change-status';
import { useOrganization } from '../../../features/organizations/api/get-organization';
import { OrganizationQueryState } from '../../../features/organizations/components/organization-query-state';
import { useOrganizationHistory } from '../../../features/organizations/api/get-history';
import { useMembers } from '../../../features/organizations/api/members';
import { HistoryTimeline } from '../../../features/organizations/components/history-timeline';
import { MembersSection } from '../../../features/organizations/components/members-section';
import {
  OrganizationContactList,
  OrganizationFacts,
} from '../../../features/organizations/components/organization-profile';
import { StatusActionDialog } from '../../../features/organizations/components/status-action-dialog';
import { DemoBadge, StatusBadge } from '../../../features/organizations/components/status-badge';
import { organizationName } from '../../../features/organizations/labels';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { RequireCityAdmin } from '../../guards';
import { PageTitle } from '../../page-title';

const REASON: Record<StatusAction, 'required' | 'optional' | 'none'> = {
  submit: 'none',
  verify: 'none',
  reject: 'required',
  suspend: 'required',
  reinstate: 'none',
  archive: 'optional',
  acknowledge: 'none',
};

const BUTTON_CLASS: Record<StatusAction, string> = {
  submit: 'button',
  verify: 'button',
  reject: 'button button--danger-outline',
  suspend: 'button button--danger-outline',
  reinstate: 'button',
  archive: 'button button--danger-outline',
  acknowledge: 'button button--secondary',
};

/** What a city administrator may do to an organisation in its current status. */
export function moderationActions(organization: Organization): StatusAction[] {
  const moves = (Object.keys(ORGANIZATION_TRANSITIONS) as OrganizationAction[]).filter((action) => {
    const rule = ORGANIZATION_TRANSITIONS[action];
    return rule.by !== 'owner' && (rule.from as readonly string[]).includes(organization.status);
  });
  return organization.changedSinceVerification ? ['acknowledge', ...moves] : moves;
}

export function AdminModerationOrganizationPage() {
  return (
    <RequireCityAdmin>
      <ModerationOrganization />
    </RequireCityAdmin>
  );
}

function ModerationOrganization() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['registry', 'common']);
  const organization = useOrganization(id);

  const back = (
    <p className="back-link">
      <Link to="/admin/moderation">← {t('registry:moderation.back')}</Link>
    </p>
  );

  if (!organization.data) return <OrganizationQueryState query={organization} back={back} explain={false} />;
  return (
    <>
      {back}
      <Review organization={organization.data} />
    </>
  );
}

function Review({ organization }: { organization: Organization }) {
  const { t } = useTranslation(['registry', 'common']);
  const locale = useLocale();
  const history = useOrganizationHistory(organization.id);
  const members = useMembers(organization.id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [dialog, setDialog] = useState<StatusAction | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusDecision, setFocusDecision] = useState(false);
  const change = useChangeStatus({
    onSuccess: (changed, { action }) => {
      setDialog(null);
      setAnnouncement(
        action === 'acknowledge'
          ? t('registry:moderation.reviewed')
          : t('registry:moderation.done', { status: t(`registry:status.${changed.status}`) }),
      );
      setFocusDecision(true);
    },
  });

  // The button that opened the dialog is usually gone with the old status: continue from here.
  useLayoutEffect(() => {
    if (focusDecision && dialog === null) {
      headingRef.current?.focus();
      setFocusDecision(false);
    }
  }, [focusDecision, dialog]);

  const name = organizationName(organization, locale);
  const actions = moderationActions(organization);
  const nameOf = (userId: string) => members.data?.items.find((m) => m.userId === userId)?.name;

  return (
    <article className="organization-page">
      <PageTitle>{name}</PageTitle>
      <header className="organization-page__header">
        <h1>{name}</h1>
        <StatusBadge status={organization.status} />
        {organization.isDemo ? <DemoBadge /> : null}
      </header>

      <section className="card status-panel" aria-labelledby="moderation-decision-title">
        <h2 id="moderation-decision-title" tabIndex={-1} ref={headingRef}>
          {t('registry:moderation.actionsTitle')}
        </h2>
        <p role="status" className="status-panel__announcement">
          {announcement}
        </p>
        <dl className="facts">
          <div>
            <dt>{t('registry:moderation.columns.status')}</dt>
            <dd>
              <StatusBadge status={organization.status} />
            </dd>
          </div>
          <div>
            <dt>{t('registry:moderation.createdAt')}</dt>
            <dd>
              <time dateTime={organization.createdAt}>{formatDateTime(organization.createdAt, locale)}</time>
            </dd>
          </div>
          {organization.submittedAt ? (
            <div>
              <dt>{t('registry:moderation.submittedAt')}</dt>
              <dd>
                <time dateTime={organization.submittedAt}>
                  {formatDateTime(organization.submittedAt, locale)}
                </time>
              </dd>
            </div>
          ) : null}
        </dl>
        {organization.status === 'rejected' && organization.rejectionReason ? (
          <div className="notice notice--danger">
            <h3>{t('registry:manage.rejectionTitle')}</h3>
            <p className="prose">{organization.rejectionReason}</p>
          </div>
        ) : null}
        {organization.statusReason ? (
          <p>
            <strong>{t('registry:moderation.statusReason')}:</strong> {organization.statusReason}
          </p>
        ) : null}
        {organization.changedSinceVerification ? (
          <p className="notice notice--warning">{t('registry:moderation.changedNotice')}</p>
        ) : null}
        {actions.length ? (
          <div className="actions">
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className={BUTTON_CLASS[action]}
                onClick={() => {
                  change.reset();
                  setAnnouncement('');
                  setDialog(action);
                }}
              >
                {t(`registry:moderation.actions.${action}`)}
              </button>
            ))}
          </div>
        ) : (
          <p className="muted">{t('registry:moderation.noActions')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="moderation-application-title">
        <h2 id="moderation-application-title">{t('registry:moderation.applicationTitle')}</h2>
        <OrganizationFacts organization={organization} />
        <h3>{t('registry:fields.descriptionUk')}</h3>
        <p className="prose" lang="uk">
          {organization.descriptionUk || t('registry:history.none')}
        </p>
        <h3>{t('registry:fields.descriptionEn')}</h3>
        <p className="prose" lang="en">
          {organization.descriptionEn || t('registry:history.none')}
        </p>
        <h3>{t('registry:fields.contacts')}</h3>
        <OrganizationContactList contacts={organization.contacts} />
      </section>

      <MembersSection organization={organization} />

      <section className="card" aria-labelledby="moderation-history-title">
        <h2 id="moderation-history-title">{t('registry:moderation.historyTitle')}</h2>
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

      <StatusActionDialog
        open={dialog !== null}
        title={dialog ? t(`registry:moderation.dialogs.${dialog}.title`) : ''}
        confirmLabel={dialog ? t(`registry:moderation.dialogs.${dialog}.confirm`) : ''}
        reason={dialog ? REASON[dialog] : 'none'}
        reasonLabel={
          dialog && REASON[dialog] === 'optional'
            ? t('registry:moderation.reasonOptional')
            : t('registry:moderation.reason')
        }
        reasonHint={
          dialog && REASON[dialog] !== 'none'
            ? t(`registry:moderation.dialogs.${dialog}.reasonHint`)
            : undefined
        }
        tone={
          dialog === 'verify' || dialog === 'reinstate' || dialog === 'acknowledge' ? 'primary' : 'danger'
        }
        pending={change.isPending}
        error={change.error}
        onCancel={() => setDialog(null)}
        onConfirm={(reason) => {
          if (dialog) change.mutate({ id: organization.id, action: dialog, reason: reason || undefined });
        }}
      >
        {dialog ? t(`registry:moderation.dialogs.${dialog}.body`, { name }) : null}
      </StatusActionDialog>
    </article>
  );
}
