// Publishing an event in one of the account's confirmed bookings, or editing one: titles and
// descriptions in Ukrainian and English, category, languages, audience, accessibility notes,
// places, whether registration is needed, and optionally a shorter time within the booking (Kyiv
// clock times, turned into instants with fromKyiv — never the browser's zone). The API checks the
// room's capacity and the booking's times; its answers land next to the fields.
import {
  type Booking,
  EVENT_CATEGORY_KEYS,
  EVENT_LANGUAGES,
  type EventCategory,
  type EventInput,
  type EventPatch,
  type EventView,
  fromKyiv,
  toKyiv,
} from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField, SelectField, TextAreaField, TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { formatInterval, formatTime, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { isLocalTime } from '../../../lib/kyiv-dates';
import { useCreateEvent, useUpdateEvent } from '../api/manage-event';
import { categoryLabel } from '../labels';

interface Values {
  bookingId: string;
  titleUk: string;
  titleEn: string;
  descriptionUk: string;
  descriptionEn: string;
  category: EventCategory | '';
  languages: string[];
  audience: string;
  accessibilityNotes: string;
  capacity: string;
  registrationRequired: boolean;
  startTime: string;
  endTime: string;
}

const IDS = {
  bookingId: 'event-booking',
  titleUk: 'event-title-uk',
  titleEn: 'event-title-en',
  descriptionUk: 'event-description-uk',
  descriptionEn: 'event-description-en',
  category: 'event-category',
  languages: 'event-languages',
  audience: 'event-audience',
  accessibilityNotes: 'event-accessibility',
  capacity: 'event-capacity',
  registrationRequired: 'event-registration-required',
  startTime: 'event-start',
  endTime: 'event-end',
} as const;

/** The form's field for an API error's JSON pointer ('/title/uk' -> 'titleUk'). */
function fieldForPath(path: string): string {
  const [first = '', second = ''] = path.replace(/^\//, '').split('/');
  if ((first === 'title' || first === 'description') && (second === 'uk' || second === 'en'))
    return `${first}${second === 'uk' ? 'Uk' : 'En'}`;
  if (first === 'start') return 'startTime';
  if (first === 'end') return 'endTime';
  return first;
}

type EventFormProps =
  | {
      mode: 'create';
      bookings: readonly Booking[];
      onSaved(event: EventView): void;
      onCancel?(): void;
    }
  | {
      mode: 'edit';
      event: EventView;
      onSaved(event: EventView): void;
      onCancel?(): void;
    };

function initialValues(props: EventFormProps): Values {
  if (props.mode === 'edit') {
    const e = props.event;
    return {
      bookingId: e.bookingId,
      titleUk: e.title.uk,
      titleEn: e.title.en,
      descriptionUk: e.description.uk,
      descriptionEn: e.description.en,
      category: e.category,
      languages: [...e.languages],
      audience: e.audience,
      accessibilityNotes: e.accessibilityNotes,
      capacity: String(e.capacity),
      registrationRequired: e.registrationRequired,
      startTime: toKyiv(e.start).time,
      endTime: toKyiv(e.end).time,
    };
  }
  const only = props.bookings.length === 1 ? props.bookings[0] : undefined;
  return {
    bookingId: only?.id ?? '',
    titleUk: '',
    titleEn: '',
    descriptionUk: '',
    descriptionEn: '',
    category: '',
    languages: ['uk'],
    audience: '',
    accessibilityNotes: '',
    capacity: only ? String(only.attendees) : '',
    registrationRequired: true,
    startTime: '',
    endTime: '',
  };
}

export function EventForm(props: EventFormProps) {
  const { t } = useTranslation(['events', 'errors', 'common']);
  const locale = useLocale();
  const [values, setValues] = useState<Values>(() => initialValues(props));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useCreateEvent({ onSuccess: props.onSaved });
  const update = useUpdateEvent({ onSuccess: props.onSaved });
  const mutation = props.mode === 'create' ? create : update;

  const booking = props.mode === 'create' ? props.bookings.find((b) => b.id === values.bookingId) : undefined;
  // The reference interval: the chosen booking's (new event) or the event's own (edit).
  const reference =
    props.mode === 'create' ? (booking ? { start: booking.start, end: booking.end } : null) : props.event;

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (mutation.error) mutation.reset();
  }

  function chooseBooking(id: string) {
    const chosen = props.mode === 'create' ? props.bookings.find((b) => b.id === id) : undefined;
    setValues((v) => ({
      ...v,
      bookingId: id,
      // A sensible start: as many places as the booking was made for.
      capacity: chosen && !v.capacity ? String(chosen.attendees) : v.capacity,
    }));
    if (mutation.error) mutation.reset();
  }

  function validate(): { start?: string; end?: string; capacity: number } | null {
    const errors: FieldErrors = {};
    if (props.mode === 'create' && !values.bookingId)
      errors.bookingId = [t('events:form.chooseBookingError')];
    for (const key of ['titleUk', 'titleEn'] as const) {
      const length = values[key].trim().length;
      if (length === 0) errors[key] = [t('errors:fields.required')];
      else if (length < 3) errors[key] = [t('events:form.titleTooShort')];
    }
    if (!values.category) errors.category = [t('events:form.chooseCategoryError')];
    if (values.languages.length === 0) errors.languages = [t('events:form.languagesError')];
    const capacity = Number(values.capacity);
    if (!values.capacity.trim()) errors.capacity = [t('errors:fields.required')];
    else if (!Number.isInteger(capacity) || capacity < 1 || capacity > 2000)
      errors.capacity = [t('events:form.capacityError')];
    let start: string | undefined;
    let end: string | undefined;
    if (values.startTime && !isLocalTime(values.startTime)) errors.startTime = [t('errors:fields.format')];
    if (values.endTime && !isLocalTime(values.endTime)) errors.endTime = [t('errors:fields.format')];
    if (reference && !errors.startTime && !errors.endTime) {
      if (values.startTime) start = fromKyiv(toKyiv(reference.start).date, values.startTime).toISOString();
      if (values.endTime) end = fromKyiv(toKyiv(reference.end).date, values.endTime).toISOString();
      const from = Date.parse(start ?? reference.start);
      const to = Date.parse(end ?? reference.end);
      if (!(from < to)) errors.endTime = [t('errors:codes.invalid_interval')];
    }
    setClientErrors(errors);
    return Object.keys(errors).length ? null : { start, end, capacity };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate();
    if (!checked) return;
    const description = { uk: values.descriptionUk.trim(), en: values.descriptionEn.trim() };
    const common = {
      title: { uk: values.titleUk.trim(), en: values.titleEn.trim() },
      category: values.category as EventCategory,
      languages: values.languages as EventInput['languages'],
      capacity: checked.capacity,
      registrationRequired: values.registrationRequired,
      ...(checked.start ? { start: checked.start } : {}),
      ...(checked.end ? { end: checked.end } : {}),
    };
    if (props.mode === 'create') {
      const input: EventInput = {
        bookingId: values.bookingId,
        ...common,
        ...(description.uk || description.en ? { description } : {}),
        ...(values.audience.trim() ? { audience: values.audience.trim() } : {}),
        ...(values.accessibilityNotes.trim() ? { accessibilityNotes: values.accessibilityNotes.trim() } : {}),
      };
      create.mutate(input);
    } else {
      const patch: EventPatch = {
        ...common,
        description,
        audience: values.audience.trim(),
        accessibilityNotes: values.accessibilityNotes.trim(),
      };
      update.mutate({ id: props.event.id, patch });
    }
  }

  const fields = {
    ...(props.mode === 'create' ? { bookingId: { id: IDS.bookingId, label: t('events:form.booking') } } : {}),
    titleUk: { id: IDS.titleUk, label: t('events:form.titleUk') },
    titleEn: { id: IDS.titleEn, label: t('events:form.titleEn') },
    descriptionUk: { id: IDS.descriptionUk, label: t('events:form.descriptionUk') },
    descriptionEn: { id: IDS.descriptionEn, label: t('events:form.descriptionEn') },
    category: { id: IDS.category, label: t('events:form.category') },
    languages: { id: `${IDS.languages}-${EVENT_LANGUAGES[0]}`, label: t('events:form.languages') },
    audience: { id: IDS.audience, label: t('events:form.audience') },
    accessibilityNotes: { id: IDS.accessibilityNotes, label: t('events:form.accessibility') },
    capacity: { id: IDS.capacity, label: t('events:form.capacity') },
    startTime: { id: IDS.startTime, label: t('events:form.start') },
    endTime: { id: IDS.endTime, label: t('events:form.end') },
  };
  const state = formErrorState(t, {
    clientErrors,
    apiError: mutation.error,
    fieldForPath,
    codeToField: {
      over_capacity: 'capacity',
      outside_booking: 'startTime',
      invalid_interval: 'endTime',
      booking_not_confirmed: 'bookingId',
      event_overlap: 'startTime',
      event_places_exceeded: 'capacity',
    },
  });

  const headingId = props.mode === 'create' ? 'publish-event-title' : 'edit-event-title';
  return (
    <form className="form form--wide event-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {props.mode === 'create' ? t('events:form.createTitle') : t('events:form.editTitle')}
      </h2>
      <FormErrorSummary state={state} fields={fields} />

      {props.mode === 'create' ? (
        <SelectField
          id={IDS.bookingId}
          label={fields.bookingId?.label}
          hint={t('events:form.bookingHint')}
          required
          value={values.bookingId}
          onChange={(e) => chooseBooking(e.target.value)}
          errors={state.byField.bookingId}
        >
          <option value="">{t('events:form.chooseBooking')}</option>
          {props.bookings.map((b) => (
            <option key={b.id} value={b.id}>
              {t('events:form.bookingOption', {
                when: formatInterval(b.start, b.end, locale),
                hub: localized(b.hubName, locale),
                room: localized(b.roomName, locale),
                organization: localized(b.organizationName, locale),
                title: b.title,
              })}
            </option>
          ))}
        </SelectField>
      ) : null}
      {booking ? (
        <p className="muted" data-testid="chosen-booking">
          {t('events:form.bookingSummary', {
            when: formatInterval(booking.start, booking.end, locale),
            count: booking.attendees,
          })}
        </p>
      ) : null}

      <div className="form-row">
        <TextField
          id={IDS.titleUk}
          label={fields.titleUk.label}
          lang="uk"
          required
          minLength={3}
          maxLength={200}
          value={values.titleUk}
          onChange={(e) => set('titleUk', e.target.value)}
          errors={state.byField.titleUk}
        />
        <TextField
          id={IDS.titleEn}
          label={fields.titleEn.label}
          lang="en"
          required
          minLength={3}
          maxLength={200}
          value={values.titleEn}
          onChange={(e) => set('titleEn', e.target.value)}
          errors={state.byField.titleEn}
        />
      </div>
      <TextAreaField
        id={IDS.descriptionUk}
        label={fields.descriptionUk.label}
        lang="uk"
        maxLength={5000}
        rows={5}
        value={values.descriptionUk}
        onChange={(e) => set('descriptionUk', e.target.value)}
        errors={state.byField.descriptionUk}
      />
      <TextAreaField
        id={IDS.descriptionEn}
        label={fields.descriptionEn.label}
        lang="en"
        maxLength={5000}
        rows={5}
        value={values.descriptionEn}
        onChange={(e) => set('descriptionEn', e.target.value)}
        errors={state.byField.descriptionEn}
      />
      <SelectField
        id={IDS.category}
        label={fields.category.label}
        required
        value={values.category}
        onChange={(e) => set('category', e.target.value as EventCategory | '')}
        errors={state.byField.category}
      >
        <option value="">{t('events:form.chooseCategory')}</option>
        {EVENT_CATEGORY_KEYS.map((key) => (
          <option key={key} value={key}>
            {categoryLabel(key, locale)}
          </option>
        ))}
      </SelectField>
      <CheckboxGroupField
        id={IDS.languages}
        legend={fields.languages.label}
        options={EVENT_LANGUAGES.map((code) => ({ value: code, label: t(`events:languages.${code}`) }))}
        value={values.languages}
        errors={state.byField.languages}
        onChange={(next) =>
          set(
            'languages',
            EVENT_LANGUAGES.filter((code) => next.includes(code)),
          )
        }
      />
      <TextField
        id={IDS.audience}
        label={fields.audience.label}
        hint={t('events:form.audienceHint')}
        maxLength={300}
        value={values.audience}
        onChange={(e) => set('audience', e.target.value)}
        errors={state.byField.audience}
      />
      <TextAreaField
        id={IDS.accessibilityNotes}
        label={fields.accessibilityNotes.label}
        hint={t('events:form.accessibilityHint')}
        maxLength={1000}
        rows={3}
        value={values.accessibilityNotes}
        onChange={(e) => set('accessibilityNotes', e.target.value)}
        errors={state.byField.accessibilityNotes}
      />
      <TextField
        id={IDS.capacity}
        label={fields.capacity.label}
        hint={
          booking
            ? t('events:form.capacityHintBooking', { count: booking.attendees })
            : t('events:form.capacityHint')
        }
        type="number"
        inputMode="numeric"
        min={1}
        max={2000}
        required
        value={values.capacity}
        onChange={(e) => set('capacity', e.target.value)}
        errors={state.byField.capacity}
      />
      <div className="checkbox">
        <input
          type="checkbox"
          id={IDS.registrationRequired}
          checked={values.registrationRequired}
          onChange={(e) => set('registrationRequired', e.target.checked)}
        />
        <label htmlFor={IDS.registrationRequired}>{t('events:form.registrationRequired')}</label>
      </div>
      <fieldset className="field field--group">
        <legend>{t('events:form.time')}</legend>
        <p className="field__hint">
          {props.mode === 'create' ? t('events:form.timeHintCreate') : t('events:form.timeHintEdit')}
          {reference && props.mode === 'create'
            ? ` ${t('events:form.bookingTimes', {
                start: formatTime(reference.start, locale),
                end: formatTime(reference.end, locale),
              })}`
            : null}
        </p>
        <div className="form-row">
          <TextField
            id={IDS.startTime}
            label={fields.startTime.label}
            type="time"
            step={300}
            value={values.startTime}
            onChange={(e) => set('startTime', e.target.value)}
            errors={state.byField.startTime}
          />
          <TextField
            id={IDS.endTime}
            label={fields.endTime.label}
            type="time"
            step={300}
            value={values.endTime}
            onChange={(e) => set('endTime', e.target.value)}
            errors={state.byField.endTime}
          />
        </div>
      </fieldset>
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
          {props.mode === 'create' ? t('events:form.publish') : t('events:form.save')}
        </button>
      </div>
    </form>
  );
}
