// A program's hour entries for its coordinators: filtered by status (pending first), pending ones
// with a checkbox each to approve or reject many at once, or one at a time; a rejection needs a
// reason the volunteer reads. Approved hours are final.
import type { HoursEntry } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../../../components/pagination';
import { SelectField } from '../../../components/field';
import { EmptyState, ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { useErrorMessage } from '../../../lib/errors';
import { formatLocalDate } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import {
  type HoursStatusFilter,
  useApproveHours,
  useDecideHours,
  useProgramHours,
  useRejectHours,
} from '../api/hours';
import { ReasonDialog } from '../../../components/reason-dialog';
import { ScrollRegion } from '../../../components/scroll-region';
import { formatMinutes } from '../../volunteering/labels';

const LIMIT = 50;
const FILTERS: HoursStatusFilter[] = ['pending', 'approved', 'rejected', 'all'];

type Rejecting = { ids: string[] } | null;

export function HoursQueue({ programId }: { programId: string }) {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<HoursStatusFilter>('pending');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState<Rejecting>(null);
  const [announcement, setAnnouncement] = useState('');
  const hours = useProgramHours(programId, { status, limit: LIMIT, offset });
  const done = (message: string) => {
    setSelected(new Set());
    setRejecting(null);
    setAnnouncement(message);
  };
  const approveOne = useApproveHours({ onSuccess: () => done(t('hours.approvedOne')) });
  const rejectOne = useRejectHours({ onSuccess: () => done(t('hours.rejectedOne')) });
  const decide = useDecideHours();

  const items = hours.data?.items ?? [];
  const pending = items.filter((h) => h.status === 'pending');
  const allChosen = pending.length > 0 && pending.every((h) => selected.has(h.id));
  const busy = approveOne.isPending || rejectOne.isPending || decide.isPending;
  const actionError = approveOne.error ?? decide.error;

  function toggle(id: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function approveChosen() {
    setAnnouncement('');
    const ids = [...selected];
    decide.mutate(
      { ids, decision: 'approve' },
      { onSuccess: () => done(t('hours.approvedMany', { count: ids.length })) },
    );
  }

  function reject(reason: string) {
    if (!rejecting) return;
    const ids = rejecting.ids;
    if (ids.length === 1 && ids[0]) rejectOne.mutate({ id: ids[0], reason });
    else
      decide.mutate(
        { ids, decision: 'reject', reason },
        { onSuccess: () => done(t('hours.rejectedMany', { count: ids.length })) },
      );
  }

  const caption = t('hours.caption', { count: hours.data?.total ?? 0 });
  return (
    <section className="card hours-queue" aria-labelledby="hours-title">
      <h2 id="hours-title">{t('hours.title')}</h2>
      <p className="muted">{t('hours.intro')}</p>
      {hours.data ? (
        <p data-testid="program-hours-totals">
          {t('hours.totals', {
            approved: formatMinutes(t, hours.data.totals.approvedMinutes),
            volunteers: hours.data.totals.volunteers,
            pending: formatMinutes(t, hours.data.totals.pendingMinutes),
          })}
        </p>
      ) : null}
      <SelectField
        id="hours-status"
        label={t('hours.filter')}
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as HoursStatusFilter);
          setOffset(0);
          setSelected(new Set());
        }}
      >
        {FILTERS.map((f) => (
          <option key={f} value={f}>
            {t(`hours.filters.${f}`)}
          </option>
        ))}
      </SelectField>
      <SuccessNotice>{announcement}</SuccessNotice>
      {actionError ? (
        <div className="error-summary" role="alert">
          {errorMessage(actionError)}
        </div>
      ) : null}
      {hours.isPending ? (
        <Loading label={t('hours.loading')} />
      ) : hours.isError ? (
        <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t(`hours.empty.${status}`)}</EmptyState>
      ) : (
        <>
          {pending.length ? (
            <fieldset className="actions bulk-actions">
              <legend className="visually-hidden">{t('hours.bulkLabel')}</legend>
              <button
                type="button"
                className="button"
                disabled={busy || selected.size === 0}
                onClick={approveChosen}
              >
                {t('hours.approveChosen', { count: selected.size })}
              </button>
              <button
                type="button"
                className="button button--danger-outline"
                disabled={busy || selected.size === 0}
                onClick={() => {
                  setAnnouncement('');
                  setRejecting({ ids: [...selected] });
                }}
              >
                {t('hours.rejectChosen', { count: selected.size })}
              </button>
            </fieldset>
          ) : null}
          <ScrollRegion label={caption}>
            <table className="table hours-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    {pending.length ? (
                      <input
                        type="checkbox"
                        aria-label={t('hours.chooseAll')}
                        checked={allChosen}
                        onChange={(e) =>
                          setSelected(e.target.checked ? new Set(pending.map((h) => h.id)) : new Set())
                        }
                      />
                    ) : (
                      <span className="visually-hidden">{t('hours.choose')}</span>
                    )}
                  </th>
                  <th scope="col">{t('hours.columns.volunteer')}</th>
                  <th scope="col">{t('hours.columns.date')}</th>
                  <th scope="col" className="numeric">
                    {t('hours.columns.hours')}
                  </th>
                  <th scope="col">{t('hours.columns.what')}</th>
                  <th scope="col">{t('hours.columns.status')}</th>
                  <th scope="col">{t('hours.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((h) => (
                  <HoursRow
                    key={h.id}
                    entry={h}
                    chosen={selected.has(h.id)}
                    busy={busy}
                    onToggle={(on) => toggle(h.id, on)}
                    onApprove={() => {
                      setAnnouncement('');
                      approveOne.mutate(h.id);
                    }}
                    onReject={() => {
                      setAnnouncement('');
                      setRejecting({ ids: [h.id] });
                    }}
                    dateText={formatLocalDate(h.date, locale)}
                  />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <Pagination
            total={hours.data?.total ?? 0}
            limit={LIMIT}
            offset={offset}
            onChange={setOffset}
            label={t('hours.pagination')}
          />
        </>
      )}
      <ReasonDialog
        open={rejecting !== null}
        title={t('hours.rejectTitle', { count: rejecting?.ids.length ?? 0 })}
        confirmLabel={t('hours.rejectConfirm')}
        cancelLabel={t('hours.rejectKeep')}
        reasonLabel={t('hours.rejectReason')}
        reasonHint={t('hours.rejectReasonHint')}
        requiredMessage={t('volunteeringAdmin:reason.required')}
        pending={rejectOne.isPending || decide.isPending}
        error={rejectOne.error ?? decide.error}
        onConfirm={reject}
        onClose={() => {
          rejectOne.reset();
          decide.reset();
          setRejecting(null);
        }}
      >
        <p>{t('hours.rejectText', { count: rejecting?.ids.length ?? 0 })}</p>
      </ReasonDialog>
    </section>
  );
}

function HoursRow({
  entry,
  chosen,
  busy,
  dateText,
  onToggle,
  onApprove,
  onReject,
}: {
  entry: HoursEntry;
  chosen: boolean;
  busy: boolean;
  dateText: string;
  onToggle(on: boolean): void;
  onApprove(): void;
  onReject(): void;
}) {
  const { t } = useTranslation('volunteeringAdmin');
  const pending = entry.status === 'pending';
  return (
    <tr>
      <td>
        {pending ? (
          <input
            type="checkbox"
            aria-label={t('hours.chooseOne', { name: entry.volunteerName, date: dateText })}
            checked={chosen}
            onChange={(e) => onToggle(e.target.checked)}
          />
        ) : null}
      </td>
      <th scope="row">{entry.volunteerName}</th>
      <td>{dateText}</td>
      <td className="numeric">{formatMinutes(t, entry.minutes)}</td>
      <td>
        {entry.description}
        <br />
        <span className="muted">{t(`hours.source.${entry.source}`)}</span>
      </td>
      <td>
        {t(`hours.status.${entry.status}`)}
        {entry.reason ? (
          <>
            <br />
            <span className="muted">{t('hours.reasonShown', { reason: entry.reason })}</span>
          </>
        ) : null}
      </td>
      <td>
        {pending ? (
          <span className="actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={onApprove}
              aria-label={t('hours.approveOne', { name: entry.volunteerName, date: dateText })}
            >
              {t('hours.approve')}
            </button>
            <button
              type="button"
              className="button button--danger-outline"
              disabled={busy}
              onClick={onReject}
              aria-label={t('hours.rejectOne', { name: entry.volunteerName, date: dateText })}
            >
              {t('hours.reject')}
            </button>
          </span>
        ) : null}
      </td>
    </tr>
  );
}
