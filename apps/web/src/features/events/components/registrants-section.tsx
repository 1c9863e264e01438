// The door list (organisers and the hub's managers): attendance so far, checking people in by the
// code they show or from their row, and the registrants — searchable by name, e-mail or code —
// with their status and waiting-list position.
import type { EventView, Registrant } from '@vcentri/shared';
import { type FormEvent, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/field';
import { EmptyState, ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/errors';
import { formatDateTime, formatTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { type CheckInBy, useCheckIn, useRegistrants } from '../api/registrants';
import { ScrollRegion } from '../../../components/scroll-region';

export function RegistrantsSection({ event }: { event: EventView }) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const everyone = useRegistrants(event.id);
  const shown = useRegistrants(event.id, q);
  const checkIn = useCheckIn(event.id, {
    onSuccess: (r) => {
      setAnnouncement(t('checkIn.done', { name: r.name, code: r.code }));
      setCodeError(null);
    },
  });

  useLayoutEffect(() => {
    if (!focusId) return;
    document.getElementById(`checked-in-${focusId}`)?.focus();
    setFocusId(null);
  }, [focusId]);

  function checkInFailed(error: unknown): string {
    if (!isApiError(error)) return errorMessage(error);
    if (error.status === 404) return t('checkIn.notFound');
    // Staff at the door need the time the check-in opens, not only that it is closed.
    if (error.code === 'check_in_not_open' && typeof error.extra.opensAt === 'string')
      return t('checkIn.notOpen', { when: formatDateTime(error.extra.opensAt, locale) });
    return errorMessage(error);
  }

  function run(by: CheckInBy, focusRow: boolean) {
    setAnnouncement('');
    checkIn.mutate(by, {
      onSuccess: (r) => {
        if ('code' in by) setCode('');
        if (focusRow) setFocusId(r.id);
      },
      onError: (error) => setCodeError(checkInFailed(error)),
    });
  }

  function onCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = code.trim().toUpperCase();
    if (value.length < 4 || value.length > 12) {
      setCodeError(t('checkIn.codeInvalid'));
      document.getElementById('checkin-code')?.focus();
      return;
    }
    run({ code: value }, false);
  }

  const all = everyone.data?.items ?? [];
  const confirmed = all.filter((r) => r.status === 'confirmed').length;
  const attended = all.filter((r) => r.checkedInAt !== null).length;
  const waiting = all.filter((r) => r.status === 'waitlisted').length;
  const open = event.status === 'published';

  return (
    <section className="card registrants" aria-labelledby="registrants-title">
      <h2 id="registrants-title">{t('registrants.title')}</h2>
      {everyone.data ? (
        <p className="registrants__counts" aria-live="polite" data-testid="attendance">
          {t('registrants.attendance', { attended, confirmed })}{' '}
          {waiting > 0 ? t('registrants.waiting', { count: waiting }) : null}
        </p>
      ) : null}

      {open ? (
        <form
          className="form form--inline-panel"
          noValidate
          onSubmit={onCode}
          aria-labelledby="checkin-title"
        >
          <h3 id="checkin-title">{t('checkIn.title')}</h3>
          <div className="form-row">
            <TextField
              id="checkin-code"
              label={t('checkIn.code')}
              hint={t('checkIn.codeHint')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={12}
              value={code}
              errors={codeError ? [codeError] : undefined}
              onChange={(e) => {
                setCode(e.target.value);
                setCodeError(null);
              }}
            />
            <button type="submit" className="button" disabled={checkIn.isPending}>
              {t('checkIn.submit')}
            </button>
          </div>
        </form>
      ) : null}
      <SuccessNotice>{announcement}</SuccessNotice>

      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is still unknown to some browsers and screen readers */}
      <form
        className="search-form"
        role="search"
        aria-label={t('registrants.searchLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          setQ(search.trim());
        }}
      >
        <TextField
          id="registrants-search"
          label={t('registrants.search')}
          hint={t('registrants.searchHint')}
          type="search"
          maxLength={100}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            // Clearing the box shows everyone again without another press.
            if (!e.target.value.trim()) setQ('');
          }}
        />
        <button type="submit" className="button button--secondary">
          {t('registrants.searchSubmit')}
        </button>
      </form>

      {shown.isPending ? (
        <Loading />
      ) : shown.isError ? (
        <ErrorState error={shown.error} onRetry={() => void shown.refetch()} />
      ) : shown.data.items.length === 0 ? (
        <EmptyState>{q ? t('registrants.noMatch') : t('registrants.empty')}</EmptyState>
      ) : (
        <RegistrantTable
          registrants={shown.data.items}
          canCheckIn={open}
          pendingId={
            checkIn.isPending && checkIn.variables && 'registrationId' in checkIn.variables
              ? checkIn.variables.registrationId
              : null
          }
          onCheckIn={(r) => run({ registrationId: r.id }, true)}
        />
      )}
    </section>
  );
}

function RegistrantTable({
  registrants,
  canCheckIn,
  pendingId,
  onCheckIn,
}: {
  registrants: readonly Registrant[];
  canCheckIn: boolean;
  pendingId: string | null;
  onCheckIn(registrant: Registrant): void;
}) {
  const { t } = useTranslation('events');
  const locale = useLocale();
  return (
    <ScrollRegion label={t('registrants.caption', { count: registrants.length })}>
      <table className="table registrant-table">
        <caption>{t('registrants.caption', { count: registrants.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registrants.columns.name')}</th>
            <th scope="col">{t('registrants.columns.email')}</th>
            <th scope="col">{t('registrants.columns.code')}</th>
            <th scope="col">{t('registrants.columns.status')}</th>
            <th scope="col">{t('registrants.columns.attendance')}</th>
          </tr>
        </thead>
        <tbody>
          {registrants.map((r) => (
            <tr key={r.id} data-testid={`registrant-${r.id}`}>
              <th scope="row">{r.name}</th>
              <td className="break-anywhere">{r.email}</td>
              <td className="mono nowrap">{r.code}</td>
              <td>
                {r.status === 'waitlisted'
                  ? t('registrants.status.waitlisted', { position: r.position ?? '' })
                  : t(`registrants.status.${r.status}`)}
              </td>
              <td>
                {r.checkedInAt ? (
                  <span id={`checked-in-${r.id}`} tabIndex={-1}>
                    {t('registrants.checkedInAt', { time: formatTime(r.checkedInAt, locale) })}
                  </span>
                ) : r.status === 'confirmed' && canCheckIn ? (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    disabled={pendingId !== null}
                    aria-busy={pendingId === r.id || undefined}
                    onClick={() => onCheckIn(r)}
                  >
                    {t('registrants.checkIn')}
                    <span className="visually-hidden">{t('registrants.checkInWho', { name: r.name })}</span>
                  </button>
                ) : (
                  <span className="muted">{t('registrants.notHere')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
