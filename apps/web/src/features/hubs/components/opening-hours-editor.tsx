// Weekly opening hours, Monday first, in Kyiv time: any number of intervals per day (none means
// closed). Saving replaces the whole week.
import type { OpeningInterval } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { WEEKDAYS } from '../opening-hours';

interface OpeningHoursEditorProps {
  initial: readonly OpeningInterval[];
  pending: boolean;
  apiError: unknown;
  onEdit?(): void;
  onSubmit(hours: OpeningInterval[]): void;
}

interface Row {
  key: number;
  weekday: number;
  opens: string;
  closes: string;
}

let nextKey = 1;

export function OpeningHoursEditor({
  initial,
  pending,
  apiError,
  onEdit,
  onSubmit,
}: OpeningHoursEditorProps) {
  const { t } = useTranslation(['hubs', 'common', 'errors']);
  const [rows, setRows] = useState<Row[]>(() =>
    [...initial]
      .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))
      .map((h) => ({ key: nextKey++, ...h })),
  );
  const [invalid, setInvalid] = useState<Set<number>>(new Set());

  function change(next: Row[]) {
    setRows(next);
    setInvalid(new Set());
    onEdit?.();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const bad = new Set(rows.filter((r) => !r.opens || !r.closes || r.opens >= r.closes).map((r) => r.key));
    setInvalid(bad);
    if (bad.size) {
      const first = rows.find((r) => bad.has(r.key));
      if (first) document.getElementById(`hours-${first.key}-closes`)?.focus();
      return;
    }
    onSubmit(rows.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })));
  }

  const state = invalid.size
    ? { message: t('hubs:manage.hoursError'), byField: {} }
    : formErrorState(t, { apiError });

  return (
    <form className="form hours-editor" noValidate onSubmit={submit}>
      <FormErrorSummary state={state} fields={{}} />
      {WEEKDAYS.map((day) => {
        const dayRows = rows.filter((r) => r.weekday === day);
        const dayName = t(`common:weekdays.${day}`);
        return (
          <fieldset key={day} className="field field--group hours-editor__day">
            <legend>{dayName}</legend>
            {dayRows.length === 0 ? <p className="muted">{t('hubs:closed')}</p> : null}
            {dayRows.map((row, i) => (
              <div key={row.key} className={invalid.has(row.key) ? 'form-row field--invalid' : 'form-row'}>
                <div className="field">
                  <label htmlFor={`hours-${row.key}-opens`}>
                    {t('hubs:manage.opens')}{' '}
                    <span className="visually-hidden">
                      ({dayName}, {i + 1})
                    </span>
                  </label>
                  <input
                    id={`hours-${row.key}-opens`}
                    type="time"
                    value={row.opens}
                    aria-invalid={invalid.has(row.key) || undefined}
                    onChange={(e) =>
                      change(rows.map((r) => (r.key === row.key ? { ...r, opens: e.target.value } : r)))
                    }
                  />
                </div>
                <div className="field">
                  <label htmlFor={`hours-${row.key}-closes`}>
                    {t('hubs:manage.closes')}{' '}
                    <span className="visually-hidden">
                      ({dayName}, {i + 1})
                    </span>
                  </label>
                  <input
                    id={`hours-${row.key}-closes`}
                    type="time"
                    value={row.closes}
                    aria-invalid={invalid.has(row.key) || undefined}
                    onChange={(e) =>
                      change(rows.map((r) => (r.key === row.key ? { ...r, closes: e.target.value } : r)))
                    }
                  />
                </div>
                <button
                  type="button"
                  className="button button--small button--danger-outline"
                  onClick={() => change(rows.filter((r) => r.key !== row.key))}
                >
                  {t('hubs:manage.removeInterval')}{' '}
                  <span className="visually-hidden">
                    ({dayName}, {i + 1})
                  </span>
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() =>
                change([...rows, { key: nextKey++, weekday: day, opens: '09:00', closes: '18:00' }])
              }
            >
              {t('hubs:manage.addInterval')} <span className="visually-hidden">({dayName})</span>
            </button>
          </fieldset>
        );
      })}
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending} aria-busy={pending || undefined}>
          {t('hubs:manage.saveHours')}
        </button>
      </div>
    </form>
  );
}
