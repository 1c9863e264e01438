// One shift: when (Kyiv time), where, the task, places left and how many wait, step-free access and
// accessibility notes. The caller adds what the viewer can do with it (sign up, withdraw, …).
import type { ShiftView } from '@vcentri/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { districtName, formatInterval, textIn } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { causeLabel } from '../labels';
import { programPath, shiftAnchor } from '../paths';

export function usePlacesText(): (shift: Pick<ShiftView, 'placesLeft' | 'places' | 'waitlisted'>) => string {
  const { t } = useTranslation('volunteering');
  return (shift) => {
    const places =
      shift.placesLeft > 0
        ? t('places.left', { count: shift.placesLeft, places: shift.places })
        : t('places.full');
    return shift.waitlisted > 0 ? `${places} ${t('places.waiting', { count: shift.waitlisted })}` : places;
  };
}

interface ShiftCardProps {
  shift: ShiftView;
  /** In lists of several programs the card names its program (a link to it) and cause. */
  showProgram?: boolean;
  /** The card's heading level under the page's headings: 3 below a section, 2 right below the h1. */
  headingLevel?: 2 | 3;
  children?: ReactNode;
}

export function ShiftCard({ shift, showProgram = false, headingLevel = 3, children }: ShiftCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t } = useTranslation('volunteering');
  const locale = useLocale();
  const placesText = usePlacesText();
  const titleId = `${shiftAnchor(shift.id)}-title`;
  const program = textIn(shift.programTitle, locale);
  const when = formatInterval(shift.start, shift.end, locale);
  return (
    <article className="card shift-card" id={shiftAnchor(shift.id)} tabIndex={-1} aria-labelledby={titleId}>
      <Heading className="card__title" id={titleId}>
        {showProgram ? (
          <Link to={programPath(shift.programId)} lang={program.lang}>
            {program.text}
          </Link>
        ) : (
          <time dateTime={shift.start}>{when}</time>
        )}
      </Heading>
      <p className="tag-list">
        {showProgram ? <span className="tag">{causeLabel(shift.cause, locale)}</span> : null}
        {shift.stepFree ? <span className="tag tag--plain">{t('shift.stepFree')}</span> : null}
        {shift.status === 'cancelled' ? (
          <span className="badge badge--booking badge--booking-cancelled">{t('shift.cancelled')}</span>
        ) : null}
      </p>
      <dl className="facts">
        {showProgram ? (
          <div>
            <dt>{t('shift.when')}</dt>
            <dd>
              <time dateTime={shift.start}>{when}</time>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('shift.where')}</dt>
          <dd>
            {shift.address}
            {shift.district ? `, ${districtName(shift.district, locale)}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('shift.task')}</dt>
          <dd>{shift.task}</dd>
        </div>
        <div>
          <dt>{t('shift.places')}</dt>
          <dd>{placesText(shift)}</dd>
        </div>
        {shift.accessibilityNotes ? (
          <div>
            <dt>{t('shift.accessibility')}</dt>
            <dd>{shift.accessibilityNotes}</dd>
          </div>
        ) : null}
        {shift.status === 'cancelled' && shift.cancelReason ? (
          <div>
            <dt>{t('shift.cancelReason')}</dt>
            <dd>{shift.cancelReason}</dd>
          </div>
        ) : null}
      </dl>
      {children}
    </article>
  );
}
