// The request for a room: who books (one of the caller's verified organisations), what for, how
// many people, when (a Kyiv date and times, turned into instants with fromKyiv — never the
// browser's zone), and optionally a weekly or daily repeat. "Check" shows each date's answer
// before anything is booked; "Send request" books, all dates or only the free ones.
import {
  type BookingCreated,
  type BookingInput,
  fromKyiv,
  MAX_OCCURRENCES,
  type OccurrenceProblem,
  type OccurrenceResult,
  type Recurrence,
  type Room,
} from '@vcentri/shared';
import { type FormEvent, type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { isApiError } from '../../../lib/api-client';
import { formatInterval } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { isLocalDate, isLocalTime } from '../../../lib/kyiv-dates';
import { useCreateBooking, usePreviewBooking } from '../api/request-booking';
import { bookingProblemText } from '../labels';
import { BookingStatusBadge } from './booking-status-badge';
import { ConflictList, OccurrenceTable, ProblemList } from './occurrence-table';

export interface OrganizationChoice {
  id: string;
  name: string;
}

interface BookingRequestFormProps {
  room: Room;
  organizations: readonly OrganizationChoice[];
  initial?: { date?: string; start?: string; end?: string };
}

type Repeat = 'none' | 'weekly' | 'daily';
type Ends = 'count' | 'until';

interface Values {
  organizationId: string;
  title: string;
  purpose: string;
  attendees: string;
  date: string;
  start: string;
  end: string;
  repeat: Repeat;
  ends: Ends;
  count: string;
  until: string;
  mode: 'all' | 'free';
}

const FIELD_IDS = {
  organizationId: 'booking-organization',
  title: 'booking-title',
  purpose: 'booking-purpose',
  attendees: 'booking-attendees',
  date: 'booking-date',
  start: 'booking-start',
  end: 'booking-end',
  repeat: 'booking-repeat',
  count: 'booking-count',
  until: 'booking-until',
} as const;

export function BookingRequestForm({ room, organizations, initial }: BookingRequestFormProps) {
  const { t } = useTranslation(['bookings', 'errors', 'common']);
  const locale = useLocale();
  const [values, setValues] = useState<Values>({
    organizationId: organizations.length === 1 ? (organizations[0]?.id ?? '') : '',
    title: '',
    purpose: '',
    attendees: '',
    date: initial?.date ?? '',
    start: initial?.start ?? '',
    end: initial?.end ?? '',
    repeat: 'none',
    ends: 'count',
    count: '4',
    until: '',
    mode: 'all',
  });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<BookingCreated | null>(null);
  const preview = usePreviewBooking();
  const create = useCreateBooking({ onSuccess: setCreated });
  const resultRef = useRef<HTMLHeadingElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);

  useLayoutEffect(() => {
    if (created) resultRef.current?.focus();
  }, [created]);
  useLayoutEffect(() => {
    if (preview.data) previewRef.current?.focus();
  }, [preview.data]);

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    // An earlier check or failure no longer describes what the form now says.
    if (preview.data || preview.error) preview.reset();
    if (create.error) create.reset();
  }

  function toInput(): BookingInput | null {
    const errors: FieldErrors = {};
    const required = [t('errors:fields.required')];
    if (!values.organizationId) errors.organizationId = [t('bookings:form.chooseOrganizationError')];
    if (!values.title.trim()) errors.title = required;
    const attendees = Number(values.attendees);
    if (!values.attendees.trim()) errors.attendees = required;
    else if (!Number.isInteger(attendees) || attendees < 1)
      errors.attendees = [t('bookings:form.attendeesError')];
    if (!isLocalDate(values.date)) errors.date = required;
    if (!isLocalTime(values.start)) errors.start = required;
    if (!isLocalTime(values.end)) errors.end = required;
    else if (isLocalTime(values.start) && values.end <= values.start)
      errors.end = [t('errors:codes.invalid_interval')];
    let recurrence: Recurrence | undefined;
    if (values.repeat !== 'none') {
      if (values.ends === 'count') {
        const count = Number(values.count);
        if (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES)
          errors.count = [t('bookings:form.countError', { max: MAX_OCCURRENCES })];
        else recurrence = { frequency: values.repeat, count };
      } else if (!isLocalDate(values.until)) {
        errors.until = required;
      } else if (isLocalDate(values.date) && values.until < values.date) {
        errors.until = [t('bookings:form.untilError')];
      } else {
        recurrence = { frequency: values.repeat, until: values.until };
      }
    }
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return null;
    return {
      roomId: room.id,
      organizationId: values.organizationId,
      start: fromKyiv(values.date, values.start).toISOString(),
      end: fromKyiv(values.date, values.end).toISOString(),
      title: values.title.trim(),
      ...(values.purpose.trim() ? { purpose: values.purpose.trim() } : {}),
      attendees,
      ...(recurrence ? { recurrence, mode: values.mode } : {}),
    };
  }

  function check() {
    create.reset();
    const input = toInput();
    if (input) preview.mutate(input);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    preview.reset();
    const input = toInput();
    if (input) create.mutate(input);
  }

  const fields = {
    organizationId: { id: FIELD_IDS.organizationId, label: t('bookings:form.organization') },
    title: { id: FIELD_IDS.title, label: t('bookings:form.title') },
    purpose: { id: FIELD_IDS.purpose, label: t('bookings:form.purpose') },
    attendees: { id: FIELD_IDS.attendees, label: t('bookings:form.attendees') },
    date: { id: FIELD_IDS.date, label: t('bookings:form.date') },
    start: { id: FIELD_IDS.start, label: t('bookings:form.start') },
    end: { id: FIELD_IDS.end, label: t('bookings:form.end') },
    count: { id: FIELD_IDS.count, label: t('bookings:form.count') },
    until: { id: FIELD_IDS.until, label: t('bookings:form.until') },
  };
  const apiError = create.error ?? preview.error;
  const state = formErrorState(t, {
    clientErrors,
    apiError,
    codeToField: { over_capacity: 'attendees', invalid_interval: 'end' },
  });
  // Booking problems come with their own words (and the clashing times), not the generic ones.
  if (apiError && !Object.keys(clientErrors).length && isApiError(apiError)) {
    state.message = bookingProblemText(t, apiError.code);
  }
  const problemList =
    isApiError(apiError) && Array.isArray(apiError.extra.problems)
      ? (apiError.extra.problems as OccurrenceProblem[])
      : [];
  const problemConflicts =
    isApiError(apiError) && Array.isArray(apiError.extra.conflicts)
      ? (apiError.extra.conflicts as { start: string; end: string }[])
      : [];
  const problemOccurrences =
    isApiError(apiError) && Array.isArray(apiError.extra.occurrences)
      ? (apiError.extra.occurrences as OccurrenceResult[])
      : [];

  if (created) {
    return (
      <BookingResult
        created={created}
        headingRef={resultRef}
        roomId={room.id}
        onAgain={() => setCreated(null)}
      />
    );
  }

  const busy = preview.isPending || create.isPending;
  // What the last check says may be sent: nothing when no date is free, and not all-or-nothing
  // when some are taken. Changing the form clears the check, and with it this block.
  const checked = preview.data?.occurrences ?? [];
  const freeDates = checked.filter((o) => o.ok).length;
  const blocked =
    preview.data !== undefined && (freeDates === 0 || (freeDates < checked.length && values.mode === 'all'));
  return (
    <form className="form booking-form" noValidate onSubmit={submit} aria-labelledby="booking-form-title">
      <h2 id="booking-form-title">{t('bookings:form.heading')}</h2>
      <FormErrorSummary state={state} fields={fields} />
      {problemList.length > 1 || problemConflicts.length || problemOccurrences.length ? (
        <div className="notice notice--danger" data-testid="booking-problem">
          {problemList.length > 1 && !problemOccurrences.length ? (
            <ProblemList problems={problemList} />
          ) : problemConflicts.length ? (
            <p>
              <ConflictList conflicts={problemConflicts} />
            </p>
          ) : null}
          {problemOccurrences.length ? (
            <OccurrenceTable
              occurrences={problemOccurrences}
              caption={t('bookings:occurrences.problemCaption')}
            />
          ) : null}
        </div>
      ) : null}

      <SelectField
        id={FIELD_IDS.organizationId}
        label={fields.organizationId.label}
        required
        value={values.organizationId}
        onChange={(e) => set('organizationId', e.target.value)}
        errors={state.byField.organizationId}
      >
        <option value="">{t('bookings:form.chooseOrganization')}</option>
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id={FIELD_IDS.title}
        label={fields.title.label}
        hint={t('bookings:form.titleHint')}
        required
        maxLength={200}
        value={values.title}
        onChange={(e) => set('title', e.target.value)}
        errors={state.byField.title}
      />
      <TextAreaField
        id={FIELD_IDS.purpose}
        label={fields.purpose.label}
        hint={t('bookings:form.purposeHint')}
        maxLength={2000}
        rows={3}
        value={values.purpose}
        onChange={(e) => set('purpose', e.target.value)}
        errors={state.byField.purpose}
      />
      <TextField
        id={FIELD_IDS.attendees}
        label={fields.attendees.label}
        hint={t('bookings:form.attendeesHint', { count: room.capacity })}
        type="number"
        inputMode="numeric"
        min={1}
        max={room.capacity}
        required
        value={values.attendees}
        onChange={(e) => set('attendees', e.target.value)}
        errors={state.byField.attendees}
      />
      <fieldset className="field field--group">
        <legend>{t('bookings:form.when')}</legend>
        <p className="field__hint">{t('bookings:form.whenHint')}</p>
        <div className="form-row">
          <TextField
            id={FIELD_IDS.date}
            label={fields.date.label}
            type="date"
            required
            value={values.date}
            onChange={(e) => set('date', e.target.value)}
            errors={state.byField.date}
          />
          <TextField
            id={FIELD_IDS.start}
            label={fields.start.label}
            type="time"
            step={900}
            required
            value={values.start}
            onChange={(e) => set('start', e.target.value)}
            errors={state.byField.start}
          />
          <TextField
            id={FIELD_IDS.end}
            label={fields.end.label}
            type="time"
            step={900}
            required
            value={values.end}
            onChange={(e) => set('end', e.target.value)}
            errors={state.byField.end}
          />
        </div>
      </fieldset>
      <fieldset className="field field--group">
        <legend>{t('bookings:form.repeatTitle')}</legend>
        <SelectField
          id={FIELD_IDS.repeat}
          label={t('bookings:form.repeat')}
          value={values.repeat}
          onChange={(e) => set('repeat', e.target.value as Repeat)}
        >
          <option value="none">{t('bookings:recurrence.none')}</option>
          <option value="weekly">{t('bookings:recurrence.weekly')}</option>
          <option value="daily">{t('bookings:recurrence.daily')}</option>
        </SelectField>
        {values.repeat !== 'none' ? (
          <>
            <SelectField
              id="booking-ends"
              label={t('bookings:form.ends')}
              value={values.ends}
              onChange={(e) => set('ends', e.target.value as Ends)}
            >
              <option value="count">{t('bookings:recurrence.endsCount')}</option>
              <option value="until">{t('bookings:recurrence.endsUntil')}</option>
            </SelectField>
            {values.ends === 'count' ? (
              <TextField
                id={FIELD_IDS.count}
                label={fields.count.label}
                hint={t('bookings:form.countHint', { max: MAX_OCCURRENCES })}
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_OCCURRENCES}
                value={values.count}
                onChange={(e) => set('count', e.target.value)}
                errors={state.byField.count}
              />
            ) : (
              <TextField
                id={FIELD_IDS.until}
                label={fields.until.label}
                type="date"
                value={values.until}
                onChange={(e) => set('until', e.target.value)}
                errors={state.byField.until}
              />
            )}
            <fieldset className="field field--group radio-group">
              <legend>{t('bookings:form.mode')}</legend>
              {(['all', 'free'] as const).map((mode) => (
                <div key={mode} className="radio">
                  <input
                    type="radio"
                    id={`booking-mode-${mode}`}
                    name="booking-mode"
                    value={mode}
                    checked={values.mode === mode}
                    onChange={() => set('mode', mode)}
                  />
                  <label htmlFor={`booking-mode-${mode}`}>{t(`bookings:form.modes.${mode}`)}</label>
                </div>
              ))}
            </fieldset>
          </>
        ) : null}
      </fieldset>

      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={check}
          disabled={busy}
          aria-busy={preview.isPending || undefined}
        >
          {t('bookings:form.check')}
        </button>
        <button
          type="submit"
          className="button"
          disabled={busy || blocked}
          aria-busy={create.isPending || undefined}
          aria-describedby={blocked ? 'booking-submit-blocked' : undefined}
        >
          {t('bookings:form.submit')}
        </button>
      </div>
      {blocked ? (
        <p id="booking-submit-blocked" className="field__hint">
          {t('bookings:form.submitBlocked')}
        </p>
      ) : null}

      {preview.data ? (
        <section className="card preview" aria-labelledby="booking-preview-title">
          <h3 id="booking-preview-title" tabIndex={-1} ref={previewRef}>
            {t('bookings:preview.title')}
          </h3>
          {freeDates === 0 ? (
            <p>{t('bookings:preview.noneFree')}</p>
          ) : (
            <p>
              {checked.length > 1
                ? `${t('bookings:preview.freeCount', { free: freeDates, count: checked.length })} `
                : `${t('bookings:preview.oneFree')} `}
              {freeDates < checked.length && values.mode === 'all'
                ? t('bookings:preview.someFree')
                : preview.data.status === 'pending'
                  ? t('bookings:preview.willBePending')
                  : t('bookings:preview.willBeConfirmed', { count: checked.length })}
            </p>
          )}
          <OccurrenceTable occurrences={preview.data.occurrences} caption={t('bookings:preview.caption')} />
        </section>
      ) : null}
      <p className="muted">
        {t('bookings:form.timeNote')}{' '}
        {values.date &&
        isLocalTime(values.start) &&
        isLocalTime(values.end) &&
        values.end > values.start &&
        isLocalDate(values.date)
          ? t('bookings:form.youAsk', {
              when: formatInterval(
                fromKyiv(values.date, values.start),
                fromKyiv(values.date, values.end),
                locale,
              ),
            })
          : null}
      </p>
    </form>
  );
}

function BookingResult({
  created,
  headingRef,
  roomId,
  onAgain,
}: {
  created: BookingCreated;
  headingRef: RefObject<HTMLHeadingElement | null>;
  roomId: string;
  onAgain(): void;
}) {
  const { t } = useTranslation(['bookings', 'errors']);
  const locale = useLocale();
  const pending = created.items.some((b) => b.status === 'pending');
  return (
    <section className="card booking-result" aria-labelledby="booking-result-title">
      <h2 id="booking-result-title" tabIndex={-1} ref={headingRef}>
        {pending ? t('bookings:result.pendingTitle') : t('bookings:result.confirmedTitle')}
      </h2>
      <p className={pending ? 'notice notice--warning' : 'notice notice--success'}>
        {pending ? t('bookings:result.pendingText') : t('bookings:result.confirmedText')}
      </p>
      <h3>{t('bookings:result.booked', { count: created.items.length })}</h3>
      <ul className="plain-list">
        {created.items.map((b) => (
          <li key={b.id}>
            <Link to={`/my/bookings/${b.id}`}>{formatInterval(b.start, b.end, locale)}</Link>{' '}
            <BookingStatusBadge status={b.status} />
          </li>
        ))}
      </ul>
      {created.skipped.length ? (
        <OccurrenceTable
          occurrences={created.skipped}
          caption={t('bookings:result.skipped', { count: created.skipped.length })}
        />
      ) : null}
      <p className="actions">
        <Link to="/my/bookings" className="button">
          {t('bookings:result.myBookings')}
        </Link>
        <Link to={`/rooms/${roomId}`} className="button button--secondary">
          {t('bookings:result.backToRoom')}
        </Link>
        <button type="button" className="button button--link" onClick={onAgain}>
          {t('bookings:result.again')}
        </button>
      </p>
    </section>
  );
}
