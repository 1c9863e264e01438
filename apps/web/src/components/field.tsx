// Labelled form controls. The label, hint and error are wired to the control (htmlFor,
// aria-describedby, aria-invalid) so assistive technology reads them together.
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';

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
