// The signed-in user's own settings: display name, preferred language (which also becomes the
// portal's language when saved) and which notifications are e-mailed.
import { LOCALES, type Locale, type MeResponse, NOTIFICATION_KINDS } from '@vcentri/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroupField, SelectField, TextField } from '../../../components/field';
import { LocaleOptions } from '../../../components/locale-options';
import { type FieldErrors, FormErrorSummary, formErrorState } from '../../../components/form-errors';
import { changeLocale, isLocale } from '../../../lib/i18n';
import { useUpdateMe } from '../api/update-me';
import { SuccessNotice } from '../../../components/status';

export function AccountForm({ me }: { me: MeResponse }) {
  const { t } = useTranslation(['auth', 'common', 'errors']);
  const [name, setName] = useState(me.user.name);
  const [locale, setLocale] = useState<Locale>(me.user.locale);
  const [mailed, setMailed] = useState<string[]>(
    NOTIFICATION_KINDS.filter((k) => !me.emailOptOut.includes(k)),
  );
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const mutation = useUpdateMe({
    onSuccess: (updated) => {
      setSaved(true);
      void changeLocale(updated.user.locale);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const errors: FieldErrors = {};
    if (!name.trim()) errors.name = [t('errors:fields.required')];
    setClientErrors(errors);
    mutation.reset();
    if (Object.keys(errors).length === 0)
      mutation.mutate({
        name: name.trim(),
        locale,
        emailOptOut: NOTIFICATION_KINDS.filter((k) => !mailed.includes(k)),
      });
  }

  const state = formErrorState(t, { clientErrors, apiError: mutation.error });
  const fields = {
    name: { id: 'account-name', label: t('auth:fields.name') },
    locale: { id: 'account-locale', label: t('auth:account.preferredLanguage') },
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="account-settings-title">
      <h2 id="account-settings-title">{t('auth:account.settingsTitle')}</h2>
      <FormErrorSummary state={state} fields={fields} />
      {saved ? <SuccessNotice>{t('auth:account.saved')}</SuccessNotice> : null}
      <TextField
        id={fields.name.id}
        label={fields.name.label}
        name="name"
        autoComplete="name"
        required
        maxLength={200}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setSaved(false);
        }}
        errors={state.byField.name}
      />
      <SelectField
        id={fields.locale.id}
        label={fields.locale.label}
        hint={t('auth:account.preferredLanguageHint')}
        name="locale"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
          setSaved(false);
        }}
        errors={state.byField.locale}
      >
        <LocaleOptions />
      </SelectField>
      <CheckboxGroupField
        id="account-email"
        legend={t('auth:account.emailNotifications')}
        hint={t('auth:account.emailNotificationsHint')}
        options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: t(`auth:account.emailKinds.${k}`) }))}
        value={mailed}
        onChange={(next) => {
          setMailed(next);
          setSaved(false);
        }}
      />
      <button
        type="submit"
        className="button"
        disabled={mutation.isPending}
        aria-busy={mutation.isPending || undefined}
      >
        {t('auth:account.save')}
      </button>
    </form>
  );
}
