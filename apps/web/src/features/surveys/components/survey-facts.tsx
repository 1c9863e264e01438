// What a survey is about and when it runs, in Kyiv time.
import type { SurveyView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { districtName, formatDateTime, localized } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';

export function SurveyFacts({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation('surveys');
  const locale = useLocale();
  return (
    <dl className="facts">
      <dt>{t('facts.about')}</dt>
      <dd>
        {t(`scope.${survey.scope}`)}
        {survey.subject ? `: ${localized(survey.subject, locale)}` : ''}
        {survey.district ? ` (${districtName(survey.district, locale)})` : ''}
      </dd>
      <dt>{t('facts.when')}</dt>
      <dd>
        {t('facts.window', {
          opens: formatDateTime(survey.opensAt, locale),
          closes: formatDateTime(survey.closesAt, locale),
        })}
      </dd>
      <dt>{t('facts.phase')}</dt>
      <dd>
        <PhaseBadge phase={survey.phase} />
        {survey.closedEarly ? ` ${t('facts.closedEarly')}` : ''}
      </dd>
    </dl>
  );
}

export function PhaseBadge({ phase }: { phase: SurveyView['phase'] }) {
  const { t } = useTranslation('surveys');
  return <span className={`badge badge--${phase}`}>{t(`phase.${phase}`)}</span>;
}
