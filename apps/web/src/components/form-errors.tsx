// Form error plumbing: client-side checks and API problems end up in the same shape, shown next
// to each field and listed in one summary (role="alert") whose links move focus to the field.
import type { TFunction } from 'i18next';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { errorCodeOf, translateErrorCode, translateFieldError } from '../lib/errors';

export type FieldErrors = Record<string, string[]>;

export interface FormErrorState {
  message: string | null;
  byField: FieldErrors;
}

interface FormErrorInput {
  /** Messages from checks done before sending, already translated, keyed by field name. */
  clientErrors?: FieldErrors;
  /** What the last submission threw. */
  apiError?: unknown;
  /** API codes that are about one field (e.g. email_taken -> email), shown next to it too. */
  codeToField?: Record<string, string>;
  /**
   * The form's field name for an error's JSON pointer, for forms with nested values
   * ('/contacts/website' -> 'website'). Without it, the pointer's first segment is the name.
   */
  fieldForPath?: (path: string) => string;
}

export function formErrorState(t: TFunction, input: FormErrorInput): FormErrorState {
  const clientErrors = input.clientErrors ?? {};
  if (Object.keys(clientErrors).length > 0) {
    return { message: t('errors:summary.checkFields'), byField: clientErrors };
  }
  if (!input.apiError) return { message: null, byField: {} };
  const byField: FieldErrors = {};
  if (isApiError(input.apiError)) {
    if (input.fieldForPath) {
      for (const error of input.apiError.fieldErrors) {
        const field = input.fieldForPath(error.path);
        byField[field] = [...(byField[field] ?? []), translateFieldError(t, field, error)];
      }
    } else {
      for (const [field, errors] of Object.entries(input.apiError.fieldErrorsByName())) {
        byField[field] = errors.map((e) => translateFieldError(t, field, e));
      }
    }
  }
  const code = errorCodeOf(input.apiError);
  const message = translateErrorCode(t, code);
  const mapped = input.codeToField?.[code];
  if (mapped && !byField[mapped]) byField[mapped] = [message];
  return { message, byField };
}

interface SummaryField {
  id: string;
  label: string;
}

interface FormErrorSummaryProps {
  state: FormErrorState;
  /** The form's fields in display order: name -> the control's id and label. */
  fields: Record<string, SummaryField>;
}

export function FormErrorSummary({ state, fields }: FormErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { message, byField } = state;

  useLayoutEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);

  if (!message) return null;
  const items = Object.entries(fields).flatMap(([name, field]) =>
    (byField[name] ?? []).map((text, i) => ({ key: `${name}-${i}`, field, text })),
  );
  // Field errors for paths the form has no control for still deserve to be seen.
  const orphans = Object.entries(byField)
    .filter(([name]) => !fields[name])
    .flatMap(([name, texts]) => texts.map((text, i) => ({ key: `${name}-${i}`, name, text })));

  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="error-summary__title">{message}</p>
      {items.length + orphans.length > 0 ? (
        <ul>
          {items.map(({ key, field, text }) => (
            <li key={key}>
              <a
                href={`#${field.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(field.id)?.focus();
                }}
              >
                {t('errors:summary.fieldMessage', { field: field.label, message: text })}
              </a>
            </li>
          ))}
          {orphans.map(({ key, name, text }) => (
            <li key={key}>{t('errors:summary.fieldMessage', { field: name, message: text })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
