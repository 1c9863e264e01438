// Adding shifts to a program (one, or a daily/weekly series shown date by date before saving) or
// editing one shift: Kyiv date and clock times (turned into instants with fromKyiv, never the
// browser's zone), the place — an address with its district, or a room the organisation has a
// confirmed booking for — places, the task, accessibility notes and step-free access.
import {
  type Booking,
  DISTRICT_SLUGS,
  expandRecurrence,
  fromKyiv,
  MAX_OCCURRENCES,
  type Occurrence,
  type ProgramView,
  type Recurrence,
  type ShiftInput,
  type ShiftPatch,
  type ShiftView,
  toKyiv,
} from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DistrictOptions } from '../../../components/district-options';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { formatInterval, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { isLocalDate, isLocalTime } from '../../../lib/kyiv-dates';
import { useCreateShifts, useShiftBookings, useUpdateShift } from '../api/shifts';
import { SeriesPreview } from './series-preview';

type Repeat = 'none' | 'daily' | 'weekly';
type Ends = 'count' | 'until';
type PlaceKind = 'address' | 'room';

interface Values {
  date: string;
  startTime: string;
  endTime: string;
  placeKind: PlaceKind;
  address: string;
  district: string;
  bookingId: string;
  places: string;
  task: string;
  accessibilityNotes: string;
  stepFree: boolean;
  repeat: Repeat;
  ends: Ends;
  count: string;
  until: string;
}

const IDS = {
  date: 'shift-date',
  startTime: 'shift-start',
  endTime: 'shift-end',
  address: 'shift-address',
  district: 'shift-district',
  bookingId: 'shift-booking',
  places: 'shift-places',
  task: 'shift-task',
  accessibilityNotes: 'shift-accessibility',
  stepFree: 'shift-step-free',
  repeat: 'shift-repeat',
  ends: 'shift-ends',
  count: 'shift-count',
  until: 'shift-until',
} as const;

function fieldForPath(path: string): string {
  const [first = ''] = path.replace(/^\//, '').split('/');
  if (first === 'start') return 'startTime';
  if (first === 'end') return 'endTime';
  if (first === 'roomId') return 'bookingId';
  if (first === 'recurrence') return 'count';
  return first;
}

type ShiftFormProps =
  | { mode: 'create'; program: ProgramView; onSaved(shifts: ShiftView[]): void; onCancel?(): void }
  | {
      mode: 'edit';
      program: ProgramView;
      shift: ShiftView;
      onSaved(shift: ShiftView): void;
      onCancel?(): void;
    };

function initialValues(props: ShiftFormProps): Values {
  const blank: Values = {
    date: '',
    startTime: '',
    endTime: '',
    placeKind: 'address',
    address: '',
    district: props.program.districts[0] ?? '',
    bookingId: '',
    places: '5',
    task: '',
    accessibilityNotes: '',
    stepFree: false,
    repeat: 'none',
    ends: 'count',
    count: '4',
    until: '',
  };
  if (props.mode === 'create') return blank;
  const s = props.shift;
  return {
    ...blank,
    date: toKyiv(s.start).date,
    startTime: toKyiv(s.start).time,
    endTime: toKyiv(s.end).time,
    placeKind: s.roomId ? 'room' : 'address',
    address: s.address,
    district: s.district,
    bookingId: s.bookingId ?? '',
    places: String(s.places),
    task: s.task,
    accessibilityNotes: s.accessibilityNotes,
    stepFree: s.stepFree,
  };
}

interface Checked {
  start: Date;
  end: Date;
  recurrence?: Recurrence;
  occurrences: Occurrence[];
}

/** The first shift's instants and the series they repeat in, or the problems found, by field. */
export function checkShiftTimes(
  values: Pick<Values, 'date' | 'startTime' | 'endTime' | 'repeat' | 'ends' | 'count' | 'until'>,
  messages: { required: string; format: string; interval: string; count: string; until: string },
): { errors: FieldErrors; checked: Checked | null } {
  const errors: FieldErrors = {};
  if (!values.date) errors.date = [messages.required];
  else if (!isLocalDate(values.date)) errors.date = [messages.format];
  if (!values.startTime) errors.startTime = [messages.required];
  else if (!isLocalTime(values.startTime)) errors.startTime = [messages.format];
  if (!values.endTime) errors.endTime = [messages.required];
  else if (!isLocalTime(values.endTime)) errors.endTime = [messages.format];
  else if (isLocalTime(values.startTime) && values.endTime <= values.startTime)
    errors.endTime = [messages.interval];
  let recurrence: Recurrence | undefined;
  if (values.repeat !== 'none') {
    if (values.ends === 'count') {
      const count = Number(values.count);
      if (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES) errors.count = [messages.count];
      else recurrence = { frequency: values.repeat, count };
    } else if (!isLocalDate(values.until)) {
      errors.until = [messages.required];
    } else if (isLocalDate(values.date) && values.until < values.date) {
      errors.until = [messages.until];
    } else {
      recurrence = { frequency: values.repeat, until: values.until };
    }
  }
  if (Object.keys(errors).length) return { errors, checked: null };
  const start = fromKyiv(values.date, values.startTime);
  const end = fromKyiv(values.date, values.endTime);
  return {
    errors,
    checked: { start, end, recurrence, occurrences: expandRecurrence(start, end, recurrence) },
  };
}

export function ShiftForm(props: ShiftFormProps) {
  const { t } = useTranslation(['volunteeringAdmin', 'errors', 'common']);
  const locale = useLocale();
  const [values, setValues] = useState<Values>(() => initialValues(props));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useCreateShifts({ onSuccess: props.mode === 'create' ? props.onSaved : undefined });
  const update = useUpdateShift({ onSuccess: props.mode === 'edit' ? props.onSaved : undefined });
  const mutation = props.mode === 'create' ? create : update;
  const bookings = useShiftBookings(props.program.organizationId);
  const roomPossible = props.program.runBy === 'organization';

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (mutation.error) mutation.reset();
  }

  const messages = {
    required: t('errors:fields.required'),
    format: t('errors:fields.format'),
    interval: t('volunteeringAdmin:shiftForm.endError'),
    count: t('volunteeringAdmin:shiftForm.countError', { max: MAX_OCCURRENCES }),
    until: t('volunteeringAdmin:shiftForm.untilError'),
  };
  // The live preview: every date of the series, as soon as the times make sense.
  const preview = values.repeat !== 'none' ? checkShiftTimes(values, messages).checked : null;
  const booking: Booking | undefined = bookings.data?.find((b) => b.id === values.bookingId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors, checked } = checkShiftTimes(values, messages);
    if (values.placeKind === 'address') {
      if (values.address.trim().length < 3) errors.address = [t('volunteeringAdmin:shiftForm.addressError')];
      if (!(DISTRICT_SLUGS as readonly string[]).includes(values.district))
        errors.district = [t('volunteeringAdmin:shiftForm.districtError')];
    } else if (!values.bookingId || !booking) {
      if (!(props.mode === 'edit' && props.shift.roomId && values.bookingId === props.shift.bookingId))
        errors.bookingId = [t('volunteeringAdmin:shiftForm.bookingError')];
    }
    const places = Number(values.places);
    if (!Number.isInteger(places) || places < 1 || places > 1000)
      errors.places = [t('volunteeringAdmin:shiftForm.placesError')];
    if (values.task.trim().length < 3) errors.task = [t('volunteeringAdmin:shiftForm.taskError')];
    setClientErrors(errors);
    if (Object.keys(errors).length || !checked) return;

    const place =
      values.placeKind === 'address'
        ? { address: values.address.trim(), district: values.district as ShiftInput['district'] }
        : booking
          ? { roomId: booking.roomId }
          : {};
    if (props.mode === 'create') {
      const input: ShiftInput = {
        start: checked.start.toISOString(),
        end: checked.end.toISOString(),
        ...(checked.recurrence ? { recurrence: checked.recurrence } : {}),
        ...place,
        places,
        task: values.task.trim(),
        ...(values.accessibilityNotes.trim() ? { accessibilityNotes: values.accessibilityNotes.trim() } : {}),
        stepFree: values.stepFree,
      };
      create.mutate({ programId: props.program.id, input });
    } else {
      const s = props.shift;
      const moved =
        checked.start.getTime() !== Date.parse(s.start) || checked.end.getTime() !== Date.parse(s.end);
      const placeChanged =
        values.placeKind === 'address'
          ? s.roomId !== null || values.address.trim() !== s.address || values.district !== s.district
          : values.bookingId !== s.bookingId;
      const patch: ShiftPatch = {
        ...(moved ? { start: checked.start.toISOString(), end: checked.end.toISOString() } : {}),
        ...(placeChanged ? place : {}),
        places,
        task: values.task.trim(),
        accessibilityNotes: values.accessibilityNotes.trim(),
        stepFree: values.stepFree,
      };
      update.mutate({ id: s.id, patch });
    }
  }

  const fields = {
    date: { id: IDS.date, label: t('volunteeringAdmin:shiftForm.date') },
    startTime: { id: IDS.startTime, label: t('volunteeringAdmin:shiftForm.start') },
    endTime: { id: IDS.endTime, label: t('volunteeringAdmin:shiftForm.end') },
    address: { id: IDS.address, label: t('volunteeringAdmin:shiftForm.address') },
    district: { id: IDS.district, label: t('volunteeringAdmin:shiftForm.district') },
    bookingId: { id: IDS.bookingId, label: t('volunteeringAdmin:shiftForm.booking') },
    places: { id: IDS.places, label: t('volunteeringAdmin:shiftForm.places') },
    task: { id: IDS.task, label: t('volunteeringAdmin:shiftForm.task') },
    accessibilityNotes: { id: IDS.accessibilityNotes, label: t('volunteeringAdmin:shiftForm.accessibility') },
    count: { id: IDS.count, label: t('volunteeringAdmin:shiftForm.count') },
    until: { id: IDS.until, label: t('volunteeringAdmin:shiftForm.until') },
  };
  const state = formErrorState(t, {
    clientErrors,
    apiError: mutation.error,
    fieldForPath,
    codeToField: {
      outside_booking: 'bookingId',
      invalid_interval: 'endTime',
      program_closed: 'date',
      shift_places_below_signups: 'places',
    },
  });

  const headingId = props.mode === 'create' ? 'new-shifts-title' : 'edit-shift-title';
  return (
    <form className="form form--wide shift-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {props.mode === 'create'
          ? t('volunteeringAdmin:shiftForm.createTitle')
          : t('volunteeringAdmin:shiftForm.editTitle')}
      </h2>
      <FormErrorSummary state={state} fields={fields} />

      <fieldset className="field field--group">
        <legend>{t('volunteeringAdmin:shiftForm.when')}</legend>
        <p className="field__hint">{t('volunteeringAdmin:shiftForm.whenHint')}</p>
        <div className="form-row">
          <TextField
            id={IDS.date}
            label={fields.date.label}
            type="date"
            required
            value={values.date}
            onChange={(e) => set('date', e.target.value)}
            errors={state.byField.date}
          />
          <TextField
            id={IDS.startTime}
            label={fields.startTime.label}
            type="time"
            step={300}
            required
            value={values.startTime}
            onChange={(e) => set('startTime', e.target.value)}
            errors={state.byField.startTime}
          />
          <TextField
            id={IDS.endTime}
            label={fields.endTime.label}
            type="time"
            step={300}
            required
            value={values.endTime}
            onChange={(e) => set('endTime', e.target.value)}
            errors={state.byField.endTime}
          />
        </div>
      </fieldset>

      {props.mode === 'create' ? (
        <fieldset className="field field--group">
          <legend>{t('volunteeringAdmin:shiftForm.repeatTitle')}</legend>
          <SelectField
            id={IDS.repeat}
            label={t('volunteeringAdmin:shiftForm.repeat')}
            value={values.repeat}
            onChange={(e) => set('repeat', e.target.value as Repeat)}
          >
            <option value="none">{t('volunteeringAdmin:shiftForm.repeatNone')}</option>
            <option value="weekly">{t('volunteeringAdmin:shiftForm.repeatWeekly')}</option>
            <option value="daily">{t('volunteeringAdmin:shiftForm.repeatDaily')}</option>
          </SelectField>
          {values.repeat !== 'none' ? (
            <>
              <SelectField
                id={IDS.ends}
                label={t('volunteeringAdmin:shiftForm.ends')}
                value={values.ends}
                onChange={(e) => set('ends', e.target.value as Ends)}
              >
                <option value="count">{t('volunteeringAdmin:shiftForm.endsCount')}</option>
                <option value="until">{t('volunteeringAdmin:shiftForm.endsUntil')}</option>
              </SelectField>
              {values.ends === 'count' ? (
                <TextField
                  id={IDS.count}
                  label={fields.count.label}
                  hint={t('volunteeringAdmin:shiftForm.countHint', { max: MAX_OCCURRENCES })}
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
                  id={IDS.until}
                  label={fields.until.label}
                  type="date"
                  value={values.until}
                  onChange={(e) => set('until', e.target.value)}
                  errors={state.byField.until}
                />
              )}
              {preview ? (
                <SeriesPreview occurrences={preview.occurrences} />
              ) : (
                <p className="muted">{t('volunteeringAdmin:shiftForm.previewPending')}</p>
              )}
            </>
          ) : null}
        </fieldset>
      ) : null}

      <fieldset className="field field--group radio-group">
        <legend>{t('volunteeringAdmin:shiftForm.place')}</legend>
        {(['address', ...(roomPossible ? (['room'] as const) : [])] as PlaceKind[]).map((kind) => (
          <div key={kind} className="radio">
            <input
              type="radio"
              id={`shift-place-${kind}`}
              name="shift-place"
              value={kind}
              checked={values.placeKind === kind}
              onChange={() => set('placeKind', kind)}
            />
            <label htmlFor={`shift-place-${kind}`}>
              {t(`volunteeringAdmin:shiftForm.placeKinds.${kind}`)}
            </label>
          </div>
        ))}
      </fieldset>
      {values.placeKind === 'address' ? (
        <div className="form-row">
          <TextField
            id={IDS.address}
            label={fields.address.label}
            required
            maxLength={300}
            value={values.address}
            onChange={(e) => set('address', e.target.value)}
            errors={state.byField.address}
          />
          <SelectField
            id={IDS.district}
            label={fields.district.label}
            required
            value={values.district}
            onChange={(e) => set('district', e.target.value)}
            errors={state.byField.district}
          >
            <option value="">{t('volunteeringAdmin:shiftForm.chooseDistrict')}</option>
            <DistrictOptions />
          </SelectField>
        </div>
      ) : (
        <SelectField
          id={IDS.bookingId}
          label={fields.bookingId.label}
          hint={t('volunteeringAdmin:shiftForm.bookingHint')}
          required
          value={values.bookingId}
          onChange={(e) => set('bookingId', e.target.value)}
          errors={state.byField.bookingId}
        >
          <option value="">
            {bookings.isPending
              ? t('volunteeringAdmin:shiftForm.loadingBookings')
              : (bookings.data?.length ?? 0) === 0
                ? t('volunteeringAdmin:shiftForm.noBookings')
                : t('volunteeringAdmin:shiftForm.chooseBooking')}
          </option>
          {(bookings.data ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {t('volunteeringAdmin:shiftForm.bookingOption', {
                when: formatInterval(b.start, b.end, locale),
                hub: localized(b.hubName, locale),
                room: localized(b.roomName, locale),
              })}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        id={IDS.places}
        label={fields.places.label}
        type="number"
        inputMode="numeric"
        min={1}
        max={1000}
        required
        value={values.places}
        onChange={(e) => set('places', e.target.value)}
        errors={state.byField.places}
      />
      <TextAreaField
        id={IDS.task}
        label={fields.task.label}
        hint={t('volunteeringAdmin:shiftForm.taskHint')}
        required
        maxLength={2000}
        rows={3}
        value={values.task}
        onChange={(e) => set('task', e.target.value)}
        errors={state.byField.task}
      />
      <TextAreaField
        id={IDS.accessibilityNotes}
        label={fields.accessibilityNotes.label}
        maxLength={1000}
        rows={2}
        value={values.accessibilityNotes}
        onChange={(e) => set('accessibilityNotes', e.target.value)}
        errors={state.byField.accessibilityNotes}
      />
      <div className="checkbox">
        <input
          type="checkbox"
          id={IDS.stepFree}
          checked={values.stepFree}
          onChange={(e) => set('stepFree', e.target.checked)}
        />
        <label htmlFor={IDS.stepFree}>{t('volunteeringAdmin:shiftForm.stepFree')}</label>
      </div>
      <div className="form__actions">
        {props.onCancel ? (
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            {t('common:actions.cancel')}
          </button>
        ) : null}
        <button
          type="submit"
          className="button"
          disabled={mutation.isPending}
          aria-busy={mutation.isPending || undefined}
        >
          {props.mode === 'create'
            ? preview && preview.occurrences.length > 1
              ? t('volunteeringAdmin:shiftForm.addSeries', { count: preview.occurrences.length })
              : t('volunteeringAdmin:shiftForm.add')
            : t('volunteeringAdmin:shiftForm.save')}
        </button>
      </div>
    </form>
  );
}
