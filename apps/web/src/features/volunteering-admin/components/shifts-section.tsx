// A program's shifts for its coordinators: adding one or a series, the upcoming shifts with their
// places and waiting lists (cancelled ones marked), the past ones page by page, editing a shift and
// cancelling one with a reason (the volunteers are told).
import type { ProgramView, ShiftView } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Pagination } from '../../../components/pagination';
import { EmptyState, ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { districtName, formatInterval } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useCancelShift, useProgramShifts } from '../api/shifts';
import { adminShiftPath } from '../labels';
import { ShiftStatusBadge } from './badges';
import { ReasonDialog } from '../../../components/reason-dialog';
import { ShiftForm } from './shift-form';
import { ScrollRegion } from '../../../components/scroll-region';

const UPCOMING_LIMIT = 100;
const PAST_LIMIT = 20;

export function ShiftsSection({ program }: { program: ProgramView }) {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const upcomingShifts = useProgramShifts(program.id, { when: 'upcoming', limit: UPCOMING_LIMIT, offset: 0 });
  const [pastOffset, setPastOffset] = useState(0);
  const pastShifts = useProgramShifts(program.id, { when: 'past', limit: PAST_LIMIT, offset: pastOffset });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ShiftView | null>(null);
  const [cancelling, setCancelling] = useState<ShiftView | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const cancel = useCancelShift({
    onSuccess: () => {
      setCancelling(null);
      setAnnouncement(t('shifts.cancelled'));
    },
  });

  const upcoming = upcomingShifts.data?.items ?? [];
  const past = pastShifts.data?.items ?? [];
  const shifts = upcomingShifts.isError ? upcomingShifts : pastShifts;
  const open = program.canManage && program.status !== 'closed';

  return (
    <section className="card shifts" aria-labelledby="shifts-title">
      <h2 id="shifts-title">{t('shifts.title')}</h2>
      <SuccessNotice>{announcement}</SuccessNotice>
      {open && !adding && !editing ? (
        <p className="actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setAnnouncement('');
              setAdding(true);
            }}
          >
            {t('shifts.add')}
          </button>
        </p>
      ) : null}
      {adding ? (
        <ShiftForm
          mode="create"
          program={program}
          onSaved={(created) => {
            setAdding(false);
            setAnnouncement(t('shifts.added', { count: created.length }));
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {editing ? (
        <ShiftForm
          key={editing.id}
          mode="edit"
          program={program}
          shift={editing}
          onSaved={() => {
            setEditing(null);
            setAnnouncement(t('shifts.saved'));
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {upcomingShifts.isPending || pastShifts.isPending ? (
        <Loading label={t('shifts.loading')} />
      ) : shifts.isError ? (
        <ErrorState error={shifts.error} onRetry={() => void shifts.refetch()} />
      ) : upcoming.length === 0 && past.length === 0 && pastOffset === 0 ? (
        <EmptyState>{t('shifts.empty')}</EmptyState>
      ) : (
        <>
          {upcoming.length ? (
            <ShiftTable
              shifts={upcoming}
              caption={t('shifts.upcoming', { count: upcoming.length })}
              manage={open}
              onEdit={(s) => {
                setAnnouncement('');
                setAdding(false);
                setEditing(s);
              }}
              onCancel={(s) => {
                setAnnouncement('');
                setCancelling(s);
              }}
            />
          ) : (
            <EmptyState>{t('shifts.noUpcoming')}</EmptyState>
          )}
          {past.length ? (
            <>
              <ShiftTable shifts={past} caption={t('shifts.past', { count: pastShifts.data?.total ?? 0 })} />
              <Pagination
                total={pastShifts.data?.total ?? 0}
                limit={PAST_LIMIT}
                offset={pastOffset}
                onChange={setPastOffset}
                label={t('shifts.pastPages')}
              />
            </>
          ) : null}
        </>
      )}
      <ReasonDialog
        open={cancelling !== null}
        title={t('shifts.cancelTitle')}
        confirmLabel={t('shifts.cancelConfirm')}
        cancelLabel={t('shifts.cancelKeep')}
        reasonLabel={t('shifts.cancelReason')}
        reasonHint={t('shifts.cancelReasonHint')}
        requiredMessage={t('volunteeringAdmin:reason.required')}
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={(reason) => cancelling && cancel.mutate({ id: cancelling.id, reason })}
        onClose={() => {
          cancel.reset();
          setCancelling(null);
        }}
      >
        <p>
          {t('shifts.cancelText', {
            when: cancelling ? formatInterval(cancelling.start, cancelling.end, locale) : '',
            count: (cancelling?.confirmed ?? 0) + (cancelling?.waitlisted ?? 0),
          })}
        </p>
      </ReasonDialog>
    </section>
  );
}

function ShiftTable({
  shifts,
  caption,
  manage,
  onEdit,
  onCancel,
}: {
  shifts: ShiftView[];
  caption: string;
  manage?: boolean;
  onEdit?(shift: ShiftView): void;
  onCancel?(shift: ShiftView): void;
}) {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  return (
    <ScrollRegion label={caption}>
      <table className="table shift-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shifts.columns.when')}</th>
            <th scope="col">{t('shifts.columns.where')}</th>
            <th scope="col">{t('shifts.columns.task')}</th>
            <th scope="col" className="numeric">
              {t('shifts.columns.places')}
            </th>
            <th scope="col">{t('shifts.columns.status')}</th>
            <th scope="col">{t('shifts.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((s) => {
            const when = formatInterval(s.start, s.end, locale);
            return (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={adminShiftPath(s.id)}>{when}</Link>
                </th>
                <td>
                  {s.address}
                  {s.district ? `, ${districtName(s.district, locale)}` : ''}
                  {s.stepFree ? (
                    <>
                      <br />
                      <span className="muted">{t('shifts.stepFree')}</span>
                    </>
                  ) : null}
                </td>
                <td>{s.task}</td>
                <td className="numeric">
                  {t('shifts.placesTaken', { confirmed: s.confirmed, places: s.places })}
                  {s.waitlisted > 0 ? (
                    <>
                      <br />
                      {t('shifts.waiting', { count: s.waitlisted })}
                    </>
                  ) : null}
                </td>
                <td>
                  <ShiftStatusBadge status={s.status} />
                  {s.cancelReason ? (
                    <>
                      <br />
                      <span className="muted">{s.cancelReason}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <span className="actions">
                    <Link to={adminShiftPath(s.id)} aria-label={t('shifts.rosterFor', { when })}>
                      {t('shifts.roster')}
                    </Link>
                    {manage && s.status === 'published' ? (
                      <>
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t('shifts.editFor', { when })}
                          onClick={() => onEdit?.(s)}
                        >
                          {t('shifts.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--danger-outline"
                          aria-label={t('shifts.cancelFor', { when })}
                          onClick={() => onCancel?.(s)}
                        >
                          {t('shifts.cancel')}
                        </button>
                      </>
                    ) : null}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
