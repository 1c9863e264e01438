// The Open Government section: the city's action plan, commitment by commitment, with each
// indicator's progress towards its target over the quarters. A reader may look at the plan as it
// stood at the end of an earlier quarter (?quarter=2026-Q2).
import { isQuarter } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../components/field';
import { EmptyState, ErrorState, Loading } from '../../components/status';
import { useActionPlan } from '../../features/action-plan/api/action-plan';
import { IndicatorCard } from '../../features/action-plan/components/indicator-card';
import { formatQuarter, pastQuarters } from '../../features/action-plan/format';
import { localized } from '../../lib/format';
import { useLocale } from '../../lib/i18n';
import { PageTitle } from '../page-title';
import '../../features/action-plan/action-plan.css';

export function OpenGovernmentPage() {
  const { t } = useTranslation('actionPlan');
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const asked = params.get('quarter') ?? '';
  const quarters = pastQuarters();
  const quarter = isQuarter(asked) && quarters.includes(asked) ? asked : undefined;
  const plan = useActionPlan(quarter);

  function choose(value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set('quarter', value);
    else next.delete('quarter');
    setParams(next, { replace: true });
  }

  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <section className="hero">
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </section>
      <div className="toolbar">
        <SelectField
          id="action-plan-quarter"
          label={t('asOf.label')}
          hint={t('asOf.hint')}
          value={quarter ?? ''}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{t('asOf.current')}</option>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {formatQuarter(q, locale)}
            </option>
          ))}
        </SelectField>
      </div>
      {plan.isPending ? (
        <Loading label={t('loading')} />
      ) : plan.isError ? (
        <ErrorState error={plan.error} title={t('loadFailed')} onRetry={() => void plan.refetch()} />
      ) : plan.data.commitments.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <>
          <p className="muted">{t('asOf.showing', { quarter: formatQuarter(plan.data.asOf, locale) })}</p>
          <ol className="ap-commitments" aria-label={t('listLabel')}>
            {plan.data.commitments.map((c) => (
              <li key={c.id}>
                <section className="ap-commitment" aria-labelledby={`commitment-${c.id}`}>
                  <h2 id={`commitment-${c.id}`}>
                    {localized(c.title, locale)}{' '}
                    {c.isDemo ? <span className="badge badge--demo">{t('demo')}</span> : null}
                  </h2>
                  <p className="muted">{t('department', { department: localized(c.department, locale) })}</p>
                  {localized(c.description, locale) ? <p>{localized(c.description, locale)}</p> : null}
                  {c.indicators.length === 0 ? (
                    <EmptyState>{t('noIndicators')}</EmptyState>
                  ) : (
                    <div className="ap-indicators">
                      {c.indicators.map((i) => (
                        <IndicatorCard key={i.id} indicator={i} />
                      ))}
                    </div>
                  )}
                </section>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
