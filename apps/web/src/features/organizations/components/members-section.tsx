// The people who act for an organisation. Everyone in it sees the list; the owner adds people by
// the e-mail of their account, removes them and hands over ownership; a member may leave. Every
// change is confirmed first, and focus then lands on the section's heading.
import type { Member, Organization } from '@vcentri/shared';
import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useRoleName } from '../../../components/role-grant';
import { ErrorState, Loading } from '../../../components/status';
import { useAuth } from '../../../lib/auth';
import { useErrorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useAddMember, useMembers, useRemoveMember, useTransferOwnership } from '../api/members';
import { organizationName } from '../labels';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface PendingChange {
  kind: 'remove' | 'transfer' | 'leave';
  member: Member;
}

export function MembersSection({ organization }: { organization: Organization }) {
  const { t } = useTranslation(['registry', 'common', 'errors']);
  const locale = useLocale();
  const roleName = useRoleName();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { me } = useAuth();
  const members = useMembers(organization.id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [pending, setPending] = useState<PendingChange | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusHeading, setFocusHeading] = useState(false);
  const isOwner = organization.myRole === 'ngo_owner';
  const myId = me?.user.id;
  const name = organizationName(organization, locale);

  // After a row (and the button that opened the dialog) is gone, continue from the heading.
  useLayoutEffect(() => {
    if (focusHeading && !pending) {
      headingRef.current?.focus();
      setFocusHeading(false);
    }
  }, [focusHeading, pending]);

  const done = (message: string) => {
    setPending(null);
    setAnnouncement(message);
    setFocusHeading(true);
  };
  const remove = useRemoveMember({
    onSuccess: (userId) => {
      if (userId === myId) {
        void navigate('/my/organizations');
        return;
      }
      done(t('registry:members.removed'));
    },
  });
  const transfer = useTransferOwnership({ onSuccess: () => done(t('registry:members.transferred')) });
  const activeMutation = pending?.kind === 'transfer' ? transfer : remove;

  function confirm() {
    if (!pending) return;
    if (pending.kind === 'transfer') transfer.mutate({ id: organization.id, userId: pending.member.userId });
    else remove.mutate({ id: organization.id, userId: pending.member.userId });
  }

  function open(kind: PendingChange['kind'], member: Member) {
    remove.reset();
    transfer.reset();
    setAnnouncement('');
    setPending({ kind, member });
  }

  const self = members.data?.items.find((m) => m.userId === myId);
  const dialog = pending
    ? {
        remove: {
          title: t('registry:members.removeTitle'),
          body: t('registry:members.removeBody', { name: pending.member.name, email: pending.member.email }),
          confirm: t('registry:members.removeConfirm'),
        },
        transfer: {
          title: t('registry:members.transferTitle'),
          body: t('registry:members.transferBody', {
            name: pending.member.name,
            email: pending.member.email,
          }),
          confirm: t('registry:members.transferConfirm'),
        },
        leave: {
          title: t('registry:members.leaveTitle'),
          body: t('registry:members.leaveBody', { name }),
          confirm: t('registry:members.leaveConfirm'),
        },
      }[pending.kind]
    : null;

  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title" tabIndex={-1} ref={headingRef}>
        {t('registry:members.title')}
      </h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorState
          error={members.error}
          title={t('registry:members.loadFailed')}
          onRetry={() => void members.refetch()}
        />
      ) : (
        <ul className="member-list" aria-label={t('registry:members.listLabel')}>
          {members.data.items.map((member) => (
            <li key={member.userId} className="member-list__item">
              <div>
                <p className="member-list__name">
                  {member.name}
                  {member.userId === myId ? (
                    <span className="muted"> ({t('registry:members.you')})</span>
                  ) : null}
                </p>
                <p className="member-list__meta">
                  <span className="break-anywhere">{member.email}</span>
                  <span aria-hidden="true"> · </span>
                  {roleName(member.role)}
                  <span aria-hidden="true"> · </span>
                  {t('registry:members.since', { date: formatDate(member.since, locale) })}
                </p>
              </div>
              {isOwner && member.userId !== myId ? (
                <div className="actions">
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    aria-label={`${t('registry:members.transfer')} ${t('registry:members.transferContext', { name: member.name })}`}
                    onClick={() => open('transfer', member)}
                  >
                    {t('registry:members.transfer')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger-outline"
                    aria-label={`${t('registry:members.remove')} ${t('registry:members.removeContext', { name: member.name })}`}
                    onClick={() => open('remove', member)}
                  >
                    {t('registry:members.remove')}
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {isOwner ? (
        <>
          <AddMemberForm
            organizationId={organization.id}
            onAdded={(m) => setAnnouncement(t('registry:members.added', { name: m.name }))}
          />
          <p className="muted">{t('registry:members.ownerCannotLeave')}</p>
        </>
      ) : self ? (
        <p>
          <button type="button" className="button button--danger-outline" onClick={() => open('leave', self)}>
            {t('registry:members.leave')}
          </button>
        </p>
      ) : null}

      <ConfirmDialog
        open={pending !== null}
        title={dialog?.title ?? ''}
        confirmLabel={dialog?.confirm ?? ''}
        cancelLabel={t('common:actions.cancel')}
        tone={pending?.kind === 'transfer' ? 'primary' : 'danger'}
        pending={activeMutation.isPending}
        error={activeMutation.error ? errorMessage(activeMutation.error) : null}
        onCancel={() => setPending(null)}
        onConfirm={confirm}
      >
        <p>{dialog?.body}</p>
      </ConfirmDialog>
    </section>
  );
}

function AddMemberForm({
  organizationId,
  onAdded,
}: {
  organizationId: string;
  onAdded(member: Member): void;
}) {
  const { t } = useTranslation(['registry', 'errors']);
  const [email, setEmail] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const inputId = 'member-email';
  const add = useAddMember({
    onSuccess: (member) => {
      setEmail('');
      onAdded(member);
      document.getElementById(inputId)?.focus();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = email.trim();
    const errors: FieldErrors = {};
    if (!value) errors.email = [t('errors:fields.required')];
    else if (!EMAIL.test(value)) errors.email = [t('errors:fields.format_email')];
    setClientErrors(errors);
    add.reset();
    if (Object.keys(errors).length === 0) add.mutate({ id: organizationId, email: value });
  }

  const state = formErrorState(t, {
    clientErrors,
    apiError: add.error,
    codeToField: { account_not_found: 'email', already_member: 'email' },
  });
  const fields = { email: { id: inputId, label: t('registry:members.addEmail') } };

  return (
    <form
      className="form form--inline-panel"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="add-member-title"
    >
      <h3 id="add-member-title">{t('registry:members.addTitle')}</h3>
      <FormErrorSummary state={state} fields={fields} />
      <TextField
        id={inputId}
        label={fields.email.label}
        hint={t('registry:members.addHint')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        maxLength={254}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={state.byField.email}
      />
      <div className="form__actions">
        <button
          type="submit"
          className="button"
          disabled={add.isPending}
          aria-busy={add.isPending || undefined}
        >
          {t('registry:members.add')}
        </button>
      </div>
    </form>
  );
}
