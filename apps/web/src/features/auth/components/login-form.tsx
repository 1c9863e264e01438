// E-mail + password sign-in. Wrong credentials, rate limiting and the rest come back from the API
// as codes and are shown translated above the form.
import { useMutation } from '@tanstack/react-query';
import type { MeResponse } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/field';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { useAuth } from '../../../lib/auth';

export function LoginForm({ onSuccess }: { onSuccess(me: MeResponse): void }) {
  const { t } = useTranslation(['auth', 'errors']);
  const { login } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useMutation({ mutationFn: login, onSuccess });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = [t('errors:fields.required')];
    if (!password) errors.password = [t('errors:fields.required')];
    setClientErrors(errors);
    mutation.reset();
    if (Object.keys(errors).length === 0) mutation.mutate({ email: email.trim(), password });
  }

  const state = formErrorState(t, { clientErrors, apiError: mutation.error });
  const fields = {
    email: { id: 'login-email', label: t('auth:fields.email') },
    password: { id: 'login-password', label: t('auth:fields.password') },
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="login-title">
      <FormErrorSummary state={state} fields={fields} />
      <TextField
        id={fields.email.id}
        label={fields.email.label}
        type="email"
        name="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={state.byField.email}
      />
      <TextField
        id={fields.password.id}
        label={fields.password.label}
        type="password"
        name="password"
        autoComplete="current-password"
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
        {t('auth:login.submit')}
      </button>
    </form>
  );
}
