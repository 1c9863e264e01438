// One volunteer program for its coordinators (mounted at /admin/volunteering/:id): its facts,
// editing it, publishing a draft and closing it (after confirmation), its shifts, and the queue
// of hours to approve or reject.
import type { ProgramView } from '@vcentri/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { useProgram, useUpdateProgram } from '../../../features/volunteering-admin/api/programs';
import { CauseTag, ProgramStatusBadge } from '../../../features/volunteering-admin/components/badges';
import { HoursQueue } from '../../../features/volunteering-admin/components/hours-queue';
import { ProgramFacts, useOwnerName } from '../../../features/volunteering-admin/components/program-facts';
import { ProgramForm } from '../../../features/volunteering-admin/components/program-form';
import { ShiftsSection } from '../../../features/volunteering-admin/components/shifts-section';
import { isApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { canRevokeFor } from '../../../features/certificates/issuers';
import { issuedCertificatesPath } from '../../../features/certificates/paths';
import { useErrorMessage } from '../../../lib/errors';
import { localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { loginPathFor, NoAccess } from '../../guards';
import { PageTitle } from '../../page-title';
import '../../../features/volunteering-admin/volunteering-admin.css';

export function AdminVolunteeringProgramPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('volunteeringAdmin');
  const { status, me } = useAuth();
  const location = useLocation();
  const program = useProgram(id);
  const back = (
    <p className="back-link">
      <Link to="/admin/volunteering">← {t('list.title')}</Link>
    </p>
  );
  if (status === 'restoring') return <Loading />;
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  if (program.isPending) return <Loading />;
  if (program.isError) {
    const notFound =
      isApiError(program.error) && (program.error.status === 404 || program.error.status === 400);
    return (
      <>
        {back}
        {notFound ? (
          <>
            <PageTitle>{t('program.notFound')}</PageTitle>
            <h1>{t('program.notFound')}</h1>
          </>
        ) : (
          <ErrorState error={program.error} onRetry={() => void program.refetch()} />
        )}
      </>
    );
  }
  if (!program.data.canManage) {
    return (
      <>
        {back}
        <NoAccess />
      </>
    );
  }
  return (
    <>
      {back}
      <CoordinatedProgram program={program.data} />
    </>
  );
}

type StatusChange = 'published' | 'closed' | null;

function CoordinatedProgram({ program }: { program: ProgramView }) {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const owner = useOwnerName(program);
  const created = (location.state as { created?: string } | null)?.created;
  const [editing, setEditing] = useState(false);
  const [change, setChange] = useState<StatusChange>(null);
  const [announcement, setAnnouncement] = useState(
    created ? t(created === 'published' ? 'program.createdPublished' : 'program.createdDraft') : '',
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const update = useUpdateProgram({
    onSuccess: (p) => {
      setChange(null);
      setAnnouncement(t(p.status === 'closed' ? 'program.closedDone' : 'program.publishedDone'));
      headingRef.current?.focus();
    },
  });
  const title = localized(program.title, locale);

  return (
    <article aria-labelledby="program-title">
      <PageTitle>{title}</PageTitle>
      <header className="page-header">
        <h1 id="program-title" tabIndex={-1} ref={headingRef}>
          {title}
        </h1>
        <p className="tag-list">
          <ProgramStatusBadge status={program.status} />
          <CauseTag cause={program.cause} />
        </p>
      </header>
      <SuccessNotice>{announcement}</SuccessNotice>
      {program.status === 'draft' ? <p className="notice">{t('program.draftNote')}</p> : null}
      {program.status === 'closed' ? <p className="notice">{t('program.closedNote')}</p> : null}
      <ProgramFacts program={program} owner={owner} />
      <IssuerLink program={program} />
      {program.status !== 'closed' && !editing ? (
        <p className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setAnnouncement('');
              setEditing(true);
            }}
          >
            {t('program.edit')}
          </button>
          {program.status === 'draft' ? (
            <button type="button" className="button" onClick={() => setChange('published')}>
              {t('program.publish')}
            </button>
          ) : null}
          <button type="button" className="button button--danger-outline" onClick={() => setChange('closed')}>
            {t('program.close')}
          </button>
        </p>
      ) : null}
      {editing ? (
        <section className="card" aria-label={t('form.editTitle')}>
          <ProgramForm
            mode="edit"
            program={program}
            onSaved={() => {
              setEditing(false);
              setAnnouncement(t('program.saved'));
              headingRef.current?.focus();
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : null}
      <ConfirmDialog
        open={change !== null}
        title={change === 'closed' ? t('program.closeTitle') : t('program.publishTitle')}
        confirmLabel={change === 'closed' ? t('program.closeConfirm') : t('program.publishConfirm')}
        cancelLabel={t('program.keep')}
        tone={change === 'closed' ? 'danger' : 'primary'}
        pending={update.isPending}
        error={update.isError ? errorMessage(update.error) : null}
        onConfirm={() => change && update.mutate({ id: program.id, patch: { status: change } })}
        onCancel={() => {
          update.reset();
          setChange(null);
        }}
      >
        <p>{change === 'closed' ? t('program.closeText') : t('program.publishText')}</p>
      </ConfirmDialog>
      <ShiftsSection program={program} />
      <HoursQueue programId={program.id} />
    </article>
  );
}

/** To the certificates of the program's issuer, for those who may revoke them (owners, city admins). */
function IssuerLink({ program }: { program: ProgramView }) {
  const { t } = useTranslation('volunteeringAdmin');
  const { me } = useAuth();
  const issuer = program.runBy === 'organization' ? program.organizationId : null;
  if (!canRevokeFor(me, issuer)) return null;
  return (
    <p className="actions">
      <Link to={issuedCertificatesPath(issuer)}>{t('program.certificates')}</Link>
    </p>
  );
}
