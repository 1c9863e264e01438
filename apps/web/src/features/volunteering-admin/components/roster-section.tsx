// A shift's roster for its coordinators: confirmed volunteers and the waiting list in order,
// searchable by name, e-mail or the volunteer's short code, and attendance — present or
// no-show per confirmed volunteer — saved together once the shift has started. Marks already
// recorded are shown; changing one sends it again.
import type { RosterEntry, ShiftView } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/field';
import { EmptyState, ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { useErrorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useRecordAttendance, useRoster } from '../api/attendance';
import { ScrollRegion } from '../../../components/scroll-region';

type Mark = 'present' | 'absent';

const markOf = (present: boolean | null): Mark | null =>
  present === null ? null : present ? 'present' : 'absent';

export function RosterSection({ shift }: { shift: ShiftView }) {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const roster = useRoster(shift.id);
  const [q, setQ] = useState('');
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [announcement, setAnnouncement] = useState('');
  const save = useRecordAttendance(shift.id, {
    onSuccess: () => {
      setMarks({});
      setAnnouncement(t('roster.saved'));
    },
  });

  const started = Date.parse(shift.start) <= Date.now();
  const open = shift.status === 'published' && started;
  const all = roster.data?.items ?? [];
  const needle = q.trim().toLocaleLowerCase();
  const shown = needle
    ? all.filter(
        (r) =>
          r.name.toLocaleLowerCase().includes(needle) ||
          (r.email ?? '').toLocaleLowerCase().includes(needle) ||
          r.code.toLocaleLowerCase() === needle,
      )
    : all;
  const confirmed = shown.filter((r) => r.status === 'confirmed');
  const waiting = shown
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const changes = all.filter((r) => marks[r.signupId] && marks[r.signupId] !== markOf(r.present));

  function saveMarks() {
    setAnnouncement('');
    save.mutate({
      shiftId: shift.id,
      body: {
        entries: changes.map((r) => ({ signupId: r.signupId, present: marks[r.signupId] === 'present' })),
      },
    });
  }

  const countPresent = all.filter((r) => r.present === true).length;
  const countAbsent = all.filter((r) => r.present === false).length;
  return (
    <section className="card roster" aria-labelledby="roster-title">
      <h2 id="roster-title">{t('roster.title')}</h2>
      {roster.data ? (
        <p>
          {t('roster.summary', {
            confirmed: all.filter((r) => r.status === 'confirmed').length,
            places: shift.places,
            waiting: all.filter((r) => r.status === 'waitlisted').length,
            present: countPresent,
            absent: countAbsent,
          })}
        </p>
      ) : null}
      {!started ? (
        <p className="notice">{t('roster.notStarted', { when: formatDateTime(shift.start, locale) })}</p>
      ) : null}
      <TextField
        id="roster-search"
        type="search"
        label={t('roster.search')}
        hint={t('roster.searchHint')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <SuccessNotice>{announcement}</SuccessNotice>
      {save.error ? (
        <div className="error-summary" role="alert">
          {errorMessage(save.error)}
        </div>
      ) : null}
      {roster.isPending ? (
        <Loading label={t('roster.loading')} />
      ) : roster.isError ? (
        <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />
      ) : all.length === 0 ? (
        <EmptyState>{t('roster.empty')}</EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState>{t('roster.noMatch')}</EmptyState>
      ) : (
        <>
          {confirmed.length ? (
            <RosterTable
              caption={t('roster.confirmed', { count: confirmed.length })}
              entries={confirmed}
              marks={marks}
              open={open}
              onMark={(id, mark) => {
                setAnnouncement('');
                setMarks((m) => ({ ...m, [id]: mark }));
              }}
            />
          ) : null}
          {waiting.length ? (
            <RosterTable caption={t('roster.waiting', { count: waiting.length })} entries={waiting} />
          ) : null}
          {open ? (
            <p className="actions">
              <button
                type="button"
                className="button"
                disabled={changes.length === 0 || save.isPending}
                aria-busy={save.isPending || undefined}
                onClick={saveMarks}
              >
                {t('roster.save', { count: changes.length })}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function RosterTable({
  caption,
  entries,
  marks,
  open,
  onMark,
}: {
  caption: string;
  entries: RosterEntry[];
  marks?: Record<string, Mark>;
  open?: boolean;
  onMark?(signupId: string, mark: Mark): void;
}) {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const attendance = !!onMark;
  return (
    <ScrollRegion label={caption}>
      <table className="table roster-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {attendance ? null : <th scope="col">{t('roster.columns.position')}</th>}
            <th scope="col">{t('roster.columns.name')}</th>
            <th scope="col">{t('roster.columns.code')}</th>
            <th scope="col">{t('roster.columns.email')}</th>
            <th scope="col">{t('roster.columns.signedUp')}</th>
            {attendance ? (
              <>
                <th scope="col">{t('roster.columns.recorded')}</th>
                <th scope="col">{t('roster.columns.mark')}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((r) => {
            const chosen = marks?.[r.signupId] ?? markOf(r.present);
            return (
              <tr key={r.signupId}>
                {attendance ? null : <td className="numeric">{r.position ?? '—'}</td>}
                <th scope="row">{r.name}</th>
                <td className="nowrap">
                  <code>{r.code}</code>
                </td>
                <td className="break-anywhere">{r.email ?? t('roster.noEmail')}</td>
                <td>{formatDateTime(r.signedUpAt, locale)}</td>
                {attendance ? (
                  <>
                    <td>{t(`roster.recorded.${markOf(r.present) ?? 'none'}`)}</td>
                    <td>
                      <fieldset className="attendance-choice" disabled={!open}>
                        <legend className="visually-hidden">{t('roster.markFor', { name: r.name })}</legend>
                        {(['present', 'absent'] as const).map((mark) => (
                          <span key={mark} className="radio">
                            <input
                              type="radio"
                              id={`mark-${r.signupId}-${mark}`}
                              name={`mark-${r.signupId}`}
                              value={mark}
                              checked={chosen === mark}
                              onChange={() => onMark?.(r.signupId, mark)}
                            />
                            <label htmlFor={`mark-${r.signupId}-${mark}`}>{t(`roster.marks.${mark}`)}</label>
                          </span>
                        ))}
                      </fieldset>
                    </td>
                  </>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
