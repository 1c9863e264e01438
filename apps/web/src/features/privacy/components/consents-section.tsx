// The account's consents: each kind with its current wording, whether it is given and since when,
// and a button to give or withdraw it (sending the version of the wording shown). A consent given
// by default or to an older wording asks the person to decide on the current one.
import type { Consent, PrivacyInfo } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading, SuccessNotice } from '../../../components/status';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/errors';
import { formatDateTime, textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useMyConsents, usePrivacyInfo, useSetConsent } from '../api';
import { versionLabel } from '../labels';
import { VOLUNTEER_PROFILE_PATH } from '../../volunteering/paths';
import { ACCOUNT_SECTIONS } from '../paths';

type Wording = PrivacyInfo['consents'][number];

export function ConsentsSection() {
  const { t } = useTranslation('privacy');
  const info = usePrivacyInfo();
  const consents = useMyConsents();
  const [saved, setSaved] = useState('');
  const setConsent = useSetConsent({
    onSuccess: (consent) =>
      setSaved(
        t(consent.given ? 'consents.savedGiven' : 'consents.savedWithdrawn', {
          kind: t(`consents.kinds.${consent.kind}`),
        }),
      ),
  });

  return (
    <section
      className="card account-section"
      id={ACCOUNT_SECTIONS.consents}
      aria-labelledby="consents-title"
      tabIndex={-1}
    >
      <h2 id="consents-title">{t('consents.title')}</h2>
      <p>{t('consents.intro')}</p>
      <SuccessNotice>{saved}</SuccessNotice>
      {info.isPending || consents.isPending ? (
        <Loading />
      ) : info.isError || consents.isError ? (
        <ErrorState
          error={info.error ?? consents.error}
          onRetry={() => void Promise.all([info.refetch(), consents.refetch()])}
        />
      ) : (
        <ul className="privacy-list" aria-label={t('consents.listLabel')}>
          {info.data.consents.map((wording) => (
            <li key={wording.kind}>
              <ConsentItem
                wording={wording}
                consent={consents.data.items.find((c) => c.kind === wording.kind)}
                pending={setConsent.isPending && setConsent.variables?.kind === wording.kind}
                error={setConsent.variables?.kind === wording.kind ? setConsent.error : null}
                onDecide={(given) => {
                  setSaved('');
                  setConsent.mutate({ kind: wording.kind, body: { given, version: wording.version } });
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ConsentItemProps {
  wording: Wording;
  consent: Consent | undefined;
  pending: boolean;
  error: unknown;
  onDecide(given: boolean): void;
}

function ConsentItem({ wording, consent, pending, error, onDecide }: ConsentItemProps) {
  const { t } = useTranslation('privacy');
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const kind = t(`consents.kinds.${wording.kind}`);
  const titleId = `consent-${wording.kind}-title`;
  const text = textIn(wording.text, locale);
  const given = consent?.given ?? false;
  const recorded = !!consent?.at;
  // Given without a decision on the current wording: on by default, or agreed to an older one.
  const unconfirmed = given && (!recorded || consent?.version !== wording.version);
  const when = consent?.at ? formatDateTime(consent.at, locale) : '';
  const state = given
    ? recorded
      ? t('consents.given', { date: when })
      : t('consents.givenByDefault')
    : recorded
      ? t('consents.withdrawn', { date: when })
      : t('consents.never');
  const button = (action: string, giving: boolean, secondary: boolean) => (
    <button
      type="button"
      className={secondary ? 'button button--secondary' : 'button'}
      disabled={pending}
      aria-busy={pending || undefined}
      aria-label={t('consents.actionLabel', { action, kind })}
      onClick={() => onDecide(giving)}
    >
      {action}
    </button>
  );

  return (
    <article aria-labelledby={titleId} data-testid={`consent-${wording.kind}`}>
      <h3 id={titleId}>{kind}</h3>
      <blockquote className="consent-wording" lang={text.lang}>
        {text.text}
      </blockquote>
      <p className="muted">{t('consents.wording', { version: versionLabel(wording.version, locale) })}</p>
      <p className="consent-state">{state}</p>
      {unconfirmed && recorded ? (
        <p className="notice notice--warning">
          {t('consents.olderVersion', { version: versionLabel(consent?.version ?? '', locale) })}
        </p>
      ) : null}
      {error ? (
        <div className="field__error" role="alert">
          <p>{errorMessage(error)}</p>
          {isApiError(error) && error.code === 'volunteer_profile_required' ? (
            <p>
              <Link to={VOLUNTEER_PROFILE_PATH}>{t('consents.profileLink')}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        {unconfirmed ? button(t('consents.agreeAgain'), true, false) : null}
        {given ? button(t('consents.withdraw'), false, true) : button(t('consents.give'), true, false)}
      </div>
    </article>
  );
}
