// One program in the catalogue: title, cause, districts, minimum age and who it is for.
import type { ProgramView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { districtName, textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { causeLabel } from '../labels';
import { programPath } from '../paths';

export function ProgramCard({ program }: { program: ProgramView }) {
  const { t } = useTranslation('volunteering');
  const locale = useLocale();
  const titleId = `program-${program.id}-title`;
  const title = textIn(program.title, locale);
  const description = textIn(program.description, locale);
  return (
    <article className="card program-card" aria-labelledby={titleId}>
      <h2 className="card__title" id={titleId} lang={title.lang}>
        <Link to={programPath(program.id)}>{title.text}</Link>
      </h2>
      <p className="tag-list">
        <span className="tag">{causeLabel(program.cause, locale)}</span>
        {program.minAge > 0 ? (
          <span className="tag tag--plain">{t('program.minAgeTag', { age: program.minAge })}</span>
        ) : null}
      </p>
      {description.text ? (
        <p className="program-card__summary" lang={description.lang}>
          {description.text}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('program.districts')}</dt>
          <dd>
            {program.districts.length
              ? program.districts.map((d) => districtName(d, locale)).join(', ')
              : t('program.allCity')}
          </dd>
        </div>
        {program.skills.length ? (
          <div>
            <dt>{t('program.skills')}</dt>
            <dd>{program.skills.join(', ')}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
