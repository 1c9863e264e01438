// A program's facts for its coordinators: who runs it, districts, skills, languages, minimum age,
// contact, description and briefing in the UI language.
import type { ProgramView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth';
import { districtName, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { useHubChoices } from '../../hubs/api/hub-choices';
import { useMyOrganizations } from '../../organizations/api/get-my-organizations';

/** Who runs a program, in words: the organisation's or hub's name when the account knows it. */
export function useOwnerName(program: ProgramView): string {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const { me } = useAuth();
  const organizations = useMyOrganizations();
  const hubs = useHubChoices();
  if (program.runBy === 'organization') {
    const org = organizations.data?.items.find((o) => o.id === program.organizationId);
    const grant = me?.grants.find((g) => g.organizationId === program.organizationId && g.organizationName);
    const name = org ? (locale === 'en' && org.nameEn ? org.nameEn : org.nameUk) : grant?.organizationName;
    return name ? t('owner.organization', { name }) : t('owner.someOrganization');
  }
  if (program.runBy === 'hub') {
    const hub = hubs.status === 'ready' ? hubs.hubs.find((h) => h.id === program.hubId) : undefined;
    return hub ? t('owner.hub', { name: hub.name }) : t('owner.someHub');
  }
  if (program.runBy === 'district')
    return t('owner.district', { district: districtName(program.ownerDistrict, locale) });
  return t('owner.city');
}

export function ProgramFacts({ program, owner }: { program: ProgramView; owner: string }) {
  const { t } = useTranslation('volunteeringAdmin');
  const locale = useLocale();
  const description = localized(program.description, locale);
  const none = t('facts.none');
  return (
    <>
      <dl className="facts facts--wide">
        <dt>{t('facts.runBy')}</dt>
        <dd>{owner}</dd>
        <dt>{t('facts.districts')}</dt>
        <dd>{program.districts.map((d) => districtName(d, locale)).join(', ') || t('facts.allCity')}</dd>
        <dt>{t('facts.skills')}</dt>
        <dd>{program.skills.join(', ') || none}</dd>
        <dt>{t('facts.languages')}</dt>
        <dd>{program.languages.map((l) => t(`languages.${l}`)).join(', ')}</dd>
        <dt>{t('facts.minAge')}</dt>
        <dd>{program.minAge > 0 ? t('facts.minAgeValue', { age: program.minAge }) : t('facts.noMinAge')}</dd>
        <dt>{t('facts.contact')}</dt>
        <dd className="break-anywhere">{program.contact || none}</dd>
      </dl>
      {description ? <p className="program-description">{description}</p> : null}
      {program.briefing ? (
        <details>
          <summary>{t('facts.briefing')}</summary>
          <p className="prose">{program.briefing}</p>
        </details>
      ) : null}
    </>
  );
}
