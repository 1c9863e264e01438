// Closing a room or the whole hub for a window (air-raid alert, power cut, maintenance, a city
// event): Kyiv dates and times, a kind and a reason; confirmed first, because every booking in
// the window is flagged and its organiser told. The answer lists the bookings hit and how many
// free alternatives each has.
import { CLOSURE_KINDS, type ClosureResult, fromKyiv, type Room } from '@vcentri/shared';
import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { formatInterval, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { isLocalDate, isLocalTime } from '../../../lib/kyiv-dates';
import { useCreateClosure } from '../api/create-closure';
import { useBookingErrorMessage } from '../labels';

export interface ClosureDraft {
  roomId: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

interface ClosureFormProps {
  hubId: string;
  hubName: string;
  rooms: readonly Room[];
  initial: ClosureDraft;
  onClose(): void;
  onDone(result: ClosureResult): void;
}

type Kind = (typeof CLOSURE_KINDS)[number];

export function ClosureForm({ hubId, hubName, rooms, initial, onClose, onDone }: ClosureFormProps) {
  const { t } = useTranslation(['bookings', 'errors', 'common']);
  const locale = useLocale();
  const errorMessage = useBookingErrorMessage();
  const [values, setValues] = useState({ ...initial, kind: 'air_raid' as Kind, reason: '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const closure = useCreateClosure({
    onSuccess: (result) => {
      setConfirming(false);
      onDone(result);
    },
  });

  useLayoutEffect(() => {
    headingRef.current?.focus();
  }, []);

  function set<K extends keyof typeof values>(key: K, value: (typeof values)[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    closure.reset();
    const errors: FieldErrors = {};
    const required = [t('errors:fields.required')];
    if (!isLocalDate(values.startDate)) errors.startDate = required;
    if (!isLocalTime(values.startTime)) errors.startTime = required;
    if (!isLocalDate(values.endDate)) errors.endDate = required;
    if (!isLocalTime(values.endTime)) errors.endTime = required;
    if (
      !errors.startDate &&
      !errors.startTime &&
      !errors.endDate &&
      !errors.endTime &&
      `${values.endDate}T${values.endTime}` <= `${values.startDate}T${values.startTime}`
    )
      errors.endTime = [t('errors:codes.invalid_interval')];
    if (values.reason.trim().length < 3) errors.reason = [t('bookings:closure.reasonError')];
    setClientErrors(errors);
    if (Object.keys(errors).length === 0) setConfirming(true);
  }

  const start =
    isLocalDate(values.startDate) && isLocalTime(values.startTime)
      ? fromKyiv(values.startDate, values.startTime)
      : null;
  const end =
    isLocalDate(values.endDate) && isLocalTime(values.endTime)
      ? fromKyiv(values.endDate, values.endTime)
      : null;
  const roomName = values.roomId
    ? localized(rooms.find((r) => r.id === values.roomId)?.name ?? { uk: '', en: '' }, locale)
    : t('bookings:closure.wholeHub', { hub: hubName });

  const fields = {
    roomId: { id: 'closure-room', label: t('bookings:closure.room') },
    kind: { id: 'closure-kind', label: t('bookings:closure.kind') },
    startDate: { id: 'closure-start-date', label: t('bookings:closure.startDate') },
    startTime: { id: 'closure-start-time', label: t('bookings:closure.startTime') },
    endDate: { id: 'closure-end-date', label: t('bookings:closure.endDate') },
    endTime: { id: 'closure-end-time', label: t('bookings:closure.endTime') },
    reason: { id: 'closure-reason', label: t('bookings:closure.reason') },
  };
  const state = formErrorState(t, { clientErrors, apiError: confirming ? null : closure.error });

  return (
    <form
      className="form form--inline-panel closure-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="closure-form-title"
    >
      <h2 id="closure-form-title" tabIndex={-1} ref={headingRef}>
        {t('bookings:closure.title')}
      </h2>
      <p className="muted">{t('bookings:closure.intro')}</p>
      <FormErrorSummary state={state} fields={fields} />
      <SelectField
        id={fields.roomId.id}
        label={fields.roomId.label}
        value={values.roomId}
        onChange={(e) => set('roomId', e.target.value)}
      >
        <option value="">{t('bookings:closure.wholeHub', { hub: hubName })}</option>
        {rooms.map((r) => (
          <option key={r.id} value={r.id}>
            {localized(r.name, locale)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={fields.kind.id}
        label={fields.kind.label}
        value={values.kind}
        onChange={(e) => set('kind', e.target.value as Kind)}
      >
        {CLOSURE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`bookings:closureKind.${k}`)}
          </option>
        ))}
      </SelectField>
      <div className="form-row">
        <TextField
          id={fields.startDate.id}
          label={fields.startDate.label}
          type="date"
          required
          value={values.startDate}
          onChange={(e) => set('startDate', e.target.value)}
          errors={state.byField.startDate}
        />
        <TextField
          id={fields.startTime.id}
          label={fields.startTime.label}
          type="time"
          required
          value={values.startTime}
          onChange={(e) => set('startTime', e.target.value)}
          errors={state.byField.startTime}
        />
      </div>
      <div className="form-row">
        <TextField
          id={fields.endDate.id}
          label={fields.endDate.label}
          type="date"
          required
          value={values.endDate}
          onChange={(e) => set('endDate', e.target.value)}
          errors={state.byField.endDate}
        />
        <TextField
          id={fields.endTime.id}
          label={fields.endTime.label}
          type="time"
          required
          value={values.endTime}
          onChange={(e) => set('endTime', e.target.value)}
          errors={state.byField.endTime}
        />
      </div>
      <TextAreaField
        id={fields.reason.id}
        label={fields.reason.label}
        hint={t('bookings:closure.reasonHint')}
        required
        maxLength={1000}
        rows={3}
        value={values.reason}
        onChange={(e) => set('reason', e.target.value)}
        errors={state.byField.reason}
      />
      <div className="form__actions">
        <button type="submit" className="button button--danger">
          {t('bookings:closure.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('common:actions.cancel')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('bookings:closure.confirmTitle')}
        confirmLabel={t('bookings:closure.confirm')}
        cancelLabel={t('common:actions.cancel')}
        pending={closure.isPending}
        error={closure.error ? errorMessage(closure.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          if (!start || !end) return;
          closure.mutate({
            hubId,
            input: {
              ...(values.roomId ? { roomId: values.roomId } : {}),
              start: start.toISOString(),
              end: end.toISOString(),
              kind: values.kind,
              reason: values.reason.trim(),
            },
          });
        }}
      >
        <p>
          {t('bookings:closure.confirmBody', {
            room: roomName,
            when: start && end ? formatInterval(start, end, locale) : '',
          })}
        </p>
      </ConfirmDialog>
    </form>
  );
}

export function ClosureOutcome({ result, onDismiss }: { result: ClosureResult; onDismiss(): void }) {
  const { t } = useTranslation('bookings');
  const locale = useLocale();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="card closure-outcome" aria-labelledby="closure-outcome-title">
      <h2 id="closure-outcome-title" tabIndex={-1} ref={headingRef}>
        {t('closure.doneTitle')}
      </h2>
      <p>
        {t('closure.doneText', {
          kind: t(`closureKind.${result.closure.kind}`),
          when: formatInterval(result.closure.start, result.closure.end, locale),
        })}
      </p>
      <p>{t('closure.affected', { count: result.affected.length })}</p>
      {result.affected.length ? (
        <ul className="plain-list">
          {result.affected.map(({ booking, alternatives }) => (
            <li key={booking.id}>
              <strong>{booking.title}</strong> — {localized(booking.organizationName, locale)},{' '}
              {localized(booking.roomName, locale)}, {formatInterval(booking.start, booking.end, locale)}.{' '}
              {t('closure.alternatives', { count: alternatives.length })}
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="button button--secondary" onClick={onDismiss}>
        {t('closure.dismiss')}
      </button>
    </section>
  );
}
