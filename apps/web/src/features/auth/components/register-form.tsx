// Creating a resident account. The password rules come from the shared contract, so the form
// refuses exactly what the API would, before sending; whatever the API still refuses (a taken
// e-mail, a malformed field) is shown next to the field it is about.
import { useMutation } from '@tanstack/react-query';
import { type MeResponse, passwordProblem, PASSWORD_MIN_LENGTH } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useAuth } from '../../../lib/auth';
import { translateErrorCode } from '../../../lib/errors';
import { useLocale } from '../../../lib/i18n';

const CODE_TO_FIELD = {
  email_taken: 'email',
  weak_password: 'password',
  password_contains_email: 'password',
};

interface RegisterFormProps {
  /** Called with the signed-in user, or null when the account exists but signing in failed. */
  onRegistered(me: MeResponse | null, email: string): void;
}

export function RegisterForm({ onRegistered }: RegisterFormProps) {
  const { t } = useTranslation(['auth', 'errors']);
  const locale = useLocale();
  const { register, login } = useAuth();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const mutation = useMutation({
    mutationFn: async (body: { name: string; email: string; password: string }) => {
      await register({ ...body, locale });
      try {
        return await login({ email: body.email, password: body.password });
      } catch {
        return null;
      }
    },
    onSuccess: (me, body) => onRegistered(me, body.email),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!name.trim()) errors.name = [t('errors:fields.required')];
    if (!email.trim()) errors.email = [t('errors:fields.required')];
    if (!password) errors.password = [t('errors:fields.required')];
    else {
      const problem = passwordProblem(email, password);
      if (problem) errors.password = [translateErrorCode(t, problem)];
    }
    setClientErrors(errors);
    mutation.reset();
    if (Object.keys(errors).length === 0)
      mutation.mutate({ name: name.trim(), email: email.trim(), password });
  }

  const state = formErrorState(t, { clientErrors, apiError: mutation.error, codeToField: CODE_TO_FIELD });
  const fields = {
    name: { id: 'register-name', label: t('auth:fields.name') },
    email: { id: 'register-email', label: t('auth:fields.email') },
    password: { id: 'register-password', label: t('auth:fields.password') },
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="register-title">
      <FormErrorSummary state={state} fields={fields} />
      <TextField
        id={fields.name.id}
        label={fields.name.label}
        name="name"
        autoComplete="name"
        required
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={state.byField.name}
      />
      <TextField
        id={fields.email.id}
        label={fields.email.label}
        type="email"
        name="email"
        autoComplete="email"
        required
        maxLength={254}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={state.byField.email}
      />
      <TextField
        id={fields.password.id}
        label={fields.password.label}
        hint={t('auth:register.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={state.byField.password}
      />
      <button
        type="submit"
        className="button"
        disabled={mutation.isPending}
        aria-busy={mutation.isPending || undefined}
      >
        {t('auth:register.submit')}
      </button>
    </form>
  );
}
