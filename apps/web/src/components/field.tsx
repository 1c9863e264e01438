// Labelled form controls. The label, hint and error are wired to the control (htmlFor,
// aria-describedby, aria-invalid) so assistive technology reads them together.
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}

export function fieldDescriptionIds(
  id: string,
  hint: unknown,
  errors: string[] | undefined,
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, hint, errors, children }: FieldFrameProps) {
  const invalid = !!errors?.length;
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      ) : null}
      {children}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  id?: string;
};

export function TextField({ label, hint, errors, id, ...input }: TextFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      <input
        id={fieldId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={fieldDescriptionIds(fieldId, hint, errors)}
        {...input}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  id?: string;
};

export function SelectField({ label, hint, errors, id, children, ...select }: SelectFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      <select
        id={fieldId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={fieldDescriptionIds(fieldId, hint, errors)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  id?: string;
};

export function TextAreaField({ label, hint, errors, id, ...textarea }: TextAreaFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      <textarea
        id={fieldId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={fieldDescriptionIds(fieldId, hint, errors)}
        {...textarea}
      />
    </FieldFrame>
  );
}

export interface CheckboxOption {
  value: string;
  label: string;
}

interface CheckboxGroupFieldProps {
  /** Prefix of the checkboxes' ids: each is `${id}-${value}`, so the first one can take focus. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  options: CheckboxOption[];
  value: readonly string[];
  disabled?: boolean;
  onChange(value: string[]): void;
}

/** A set of checkboxes in a fieldset: the legend names the group, hint and error describe it. */
export function CheckboxGroupField({
  id,
  legend,
  hint,
  errors,
  options,
  value,
  disabled,
  onChange,
}: CheckboxGroupFieldProps) {
  const invalid = !!errors?.length;
  const chosen = new Set(value);
  return (
    <fieldset
      className={invalid ? 'field field--group field--invalid' : 'field field--group'}
      aria-describedby={fieldDescriptionIds(id, hint, errors)}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      ) : null}
      <ul className="checkbox-list">
        {options.map((option) => (
          <li key={option.value} className="checkbox-list__item">
            <input
              type="checkbox"
              id={`${id}-${option.value}`}
              value={option.value}
              checked={chosen.has(option.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? [...value.filter((v) => v !== option.value), option.value]
                    : value.filter((v) => v !== option.value),
                )
              }
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
