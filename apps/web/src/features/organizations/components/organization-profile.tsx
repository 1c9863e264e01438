// What the registry says about an organisation: the facts, the contacts and the description, in
// the UI language. The public page and the moderation page show the same profile.
import type { PublicOrganization } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { districtName, formatDate } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { activityLabel, displayUrl, legalFormLabel, targetGroupLabel, telHref } from '../labels';

export function OrganizationFacts({ organization }: { organization: PublicOrganization }) {
  const { t } = useTranslation('registry');
  const locale = useLocale();
  const otherName = locale === 'en' ? organization.nameUk : organization.nameEn;
  return (
    <dl className="facts facts--wide">
      {otherName ? (
        <div>
          <dt>{locale === 'en' ? t('fields.nameUk') : t('fields.nameEn')}</dt>
          <dd lang={locale === 'en' ? 'uk' : 'en'}>{otherName}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('fields.legalForm')}</dt>
        <dd>{legalFormLabel(organization.legalForm, locale)}</dd>
      </div>
      <div>
        <dt>{t('fields.edrpou')}</dt>
        <dd>
          {organization.edrpou ? (
            <span className="mono">{organization.edrpou}</span>
          ) : (
            t('organization.noEdrpou')
          )}
        </dd>
      </div>
      <div>
        <dt>{t('fields.district')}</dt>
        <dd>{districtName(organization.district, locale)}</dd>
      </div>
      <div>
        <dt>{t('fields.address')}</dt>
        <dd>{organization.address}</dd>
      </div>
      <div>
        <dt>{t('fields.activities')}</dt>
        <dd>
          <ul className="tag-list">
            {organization.activities.map((a) => (
              <li key={a} className="tag">
                {activityLabel(a, locale)}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('fields.targetGroups')}</dt>
        <dd>
          <ul className="tag-list">
            {organization.targetGroups.map((g) => (
              <li key={g} className="tag tag--plain">
                {targetGroupLabel(g, locale)}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      {organization.yearFounded !== null ? (
        <div>
          <dt>{t('fields.yearFounded')}</dt>
          <dd>{organization.yearFounded}</dd>
        </div>
      ) : null}
      {organization.verifiedAt ? (
        <div>
          <dt>{t('fields.verifiedAt')}</dt>
          <dd>
            <time dateTime={organization.verifiedAt}>{formatDate(organization.verifiedAt, locale)}</time>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

export function OrganizationContactList({ contacts }: { contacts: PublicOrganization['contacts'] }) {
  const { t } = useTranslation('registry');
  const social = contacts.social ?? [];
  if (!contacts.email && !contacts.phone && !contacts.website && social.length === 0) {
    return <p className="muted">{t('organization.noContacts')}</p>;
  }
  return (
    <dl className="facts">
      {contacts.email ? (
        <div>
          <dt>{t('fields.email')}</dt>
          <dd>
            <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
          </dd>
        </div>
      ) : null}
      {contacts.phone ? (
        <div>
          <dt>{t('fields.phone')}</dt>
          <dd>
            <a href={telHref(contacts.phone)}>{contacts.phone}</a>
          </dd>
        </div>
      ) : null}
      {contacts.website ? (
        <div>
          <dt>{t('fields.website')}</dt>
          <dd>
            <a href={contacts.website} rel="noopener noreferrer" className="break-anywhere">
              {displayUrl(contacts.website)}
            </a>
          </dd>
        </div>
      ) : null}
      {social.length ? (
        <div>
          <dt>{t('fields.social')}</dt>
          <dd>
            <ul className="plain-list">
              {social.map((url) => (
                <li key={url}>
                  <a href={url} rel="noopener noreferrer" className="break-anywhere">
                    {displayUrl(url)}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The description in the UI language, or in the other one (marked as such) when it is empty. */
export function OrganizationDescription({ organization }: { organization: PublicOrganization }) {
  const { t } = useTranslation('registry');
  const locale = useLocale();
  const own = locale === 'en' ? organization.descriptionEn : organization.descriptionUk;
  const other = locale === 'en' ? organization.descriptionUk : organization.descriptionEn;
  if (own.trim()) return <p className="prose">{own}</p>;
  if (!other.trim()) return <p className="muted">{t('organization.noDescription')}</p>;
  return (
    <>
      <p className="muted">{t('organization.descriptionFallback')}</p>
      <p className="prose" lang={locale === 'en' ? 'uk' : 'en'}>
        {other}
      </p>
    </>
  );
}
