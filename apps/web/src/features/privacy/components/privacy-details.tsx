// The privacy page's body, drawn from GET /privacy (the same list of categories the archive is
// built from): every category of personal data with what, why, who sees it, how long and what
// erasure does; the consents' current wording; and how to exercise each right.
import type { PrivacyInfo } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { fillRetention, versionLabel } from '../labels';
import { ACCOUNT_SECTIONS, accountSectionPath } from '../paths';

type Category = PrivacyInfo['categories'][number];

const FACTS = ['what', 'why', 'whoSees', 'retention', 'onErasure'] as const;

export function PrivacyDetails({ info }: { info: PrivacyInfo }) {
  const { t } = useTranslation('privacy');
  const locale = useLocale();
  const bilingual = (text: { uk: string; en: string }) => {
    const shown = textIn(text, locale);
    return <span lang={shown.lang}>{shown.text}</span>;
  };
  const fact = (category: Category, name: (typeof FACTS)[number]) =>
    name === 'retention'
      ? bilingual({
          uk: fillRetention(category.retention.uk, info.retention),
          en: fillRetention(category.retention.en, info.retention),
        })
      : bilingual(category[name]);

  const rights = [
    {
      key: 'download',
      text: t('page.rights.download.text', { count: info.retention.exportDays }),
      to: accountSectionPath(ACCOUNT_SECTIONS.dataExport),
      link: t('page.rights.download.link'),
    },
    {
      key: 'delete',
      text: t('page.rights.delete.text'),
      to: accountSectionPath(ACCOUNT_SECTIONS.deleteAccount),
      link: t('page.rights.delete.link'),
    },
    {
      key: 'consent',
      text: t('page.rights.consent.text'),
      to: accountSectionPath(ACCOUNT_SECTIONS.consents),
      link: t('page.rights.consent.link'),
    },
    { key: 'written', text: t('page.rights.written.text'), to: null, link: null },
  ];

  return (
    <>
      <section className="privacy-section" aria-labelledby="privacy-categories-title">
        <h2 id="privacy-categories-title">{t('page.categoriesTitle')}</h2>
        <ul className="card-list privacy-categories" aria-label={t('page.categoriesLabel')}>
          {info.categories.map((category) => (
            <li key={category.id}>
              <article
                className="card"
                aria-labelledby={`privacy-category-${category.id}`}
                data-testid={`privacy-category-${category.id}`}
              >
                <h3 className="card__title" id={`privacy-category-${category.id}`}>
                  {bilingual(category.title)}
                </h3>
                <dl className="facts">
                  {FACTS.map((name) => (
                    <div key={name}>
                      <dt>{t(`page.${name}`)}</dt>
                      <dd>{fact(category, name)}</dd>
                    </div>
                  ))}
                </dl>
              </article>
            </li>
          ))}
        </ul>
      </section>
      <section className="privacy-section" aria-labelledby="privacy-consents-title">
        <h2 id="privacy-consents-title">{t('page.consentsTitle')}</h2>
        <p className="lead">{t('page.consentsIntro')}</p>
        <ul className="card-list">
          {info.consents.map((consent) => (
            <li key={consent.kind}>
              <article className="card" aria-labelledby={`privacy-consent-${consent.kind}`}>
                <h3 className="card__title" id={`privacy-consent-${consent.kind}`}>
                  {t(`consents.kinds.${consent.kind}`)}
                </h3>
                <blockquote className="consent-wording">{bilingual(consent.text)}</blockquote>
                <p className="muted">
                  {t('page.consentVersion', { version: versionLabel(consent.version, locale) })}
                </p>
              </article>
            </li>
          ))}
        </ul>
      </section>
      <section className="privacy-section" aria-labelledby="privacy-rights-title">
        <h2 id="privacy-rights-title">{t('page.rightsTitle')}</h2>
        <ul className="card-list">
          {rights.map((right) => (
            <li key={right.key} className="card">
              <h3 className="card__title">{t(`page.rights.${right.key}.title`)}</h3>
              <p>{right.text}</p>
              {right.to ? (
                <p className="actions">
                  <Link to={right.to}>{right.link}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
